import fc from 'fast-check';
import { expect, test } from 'vitest';
import { jsonArray, jsonDocument, jsonLine } from '../../src/report/json.js';

test('JSONL: compact, one line, Arabic unescaped, numbers raw', () => {
  expect(jsonLine({ word: 'كتاب', count: 1234567, share: 0.1 + 0.2, tags: ['أ', null] })).toBe(
    '{"word":"كتاب","count":1234567,"share":0.30000000000000004,"tags":["أ",null]}\n',
  );
  // Newlines inside strings are escaped, so a record never spans two lines.
  expect(jsonLine({ text: 'سطر\nسطر' })).toBe('{"text":"سطر\\nسطر"}\n');
});

test('JSON document: 2-space indent and a final newline', () => {
  expect(jsonDocument({ documents: 2, top: [{ w: 'ب' }] })).toBe(
    '{\n  "documents": 2,\n  "top": [\n    {\n      "w": "ب"\n    }\n  ]\n}\n',
  );
  expect(jsonDocument(undefined)).toBe('null\n');
});

test('a streamed array is byte-identical to JSON.stringify(array, null, 2)', () => {
  const streamed = (values: unknown[]) =>
    jsonArray.open + values.map((v, i) => jsonArray.item(v, i)).join('') + jsonArray.close(values.length);
  expect(streamed([])).toBe('[]\n');
  expect(streamed([{ a: 1 }, 'x\ny'])).toBe('[\n  {\n    "a": 1\n  },\n  "x\\ny"\n]\n');
  fc.assert(
    fc.property(fc.array(fc.jsonValue()), (values) => {
      expect(streamed(values)).toBe(JSON.stringify(values, null, 2) + '\n');
    }),
  );
});
