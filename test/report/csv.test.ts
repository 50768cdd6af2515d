import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { csvField, csvHeader, csvRecord } from '../../src/report/csv.js';
import { tsvField, tsvHeader, tsvRecord } from '../../src/report/tsv.js';
import type { Column } from '../../src/report/types.js';

/** Reference RFC 4180 reader for one record (fields may hold quoted newlines). */
function parseCsvRecord(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') (field += '"'), (i += 2);
        else if (line[i] === '"') {
          i++;
          break;
        } else if (i >= line.length) throw new Error('unterminated quote');
        else field += line[i++];
      }
    } else {
      while (i < line.length && line[i] !== ',' && line[i] !== '\n') {
        if (line[i] === '"') throw new Error('bare quote');
        field += line[i++];
      }
    }
    fields.push(field);
    if (line[i] === ',') i++;
    else if (line[i] === '\n' && i === line.length - 1) return fields;
    else throw new Error(`junk at ${i}: ${JSON.stringify(line.slice(i))}`);
  }
}

const unescapeTsv = (s: string) => s.replace(/\\([\\tnr])/g, (_, c) => ({ '\\': '\\', t: '\t', n: '\n', r: '\r' })[c as string]!);

const cols = (...keys: string[]): Column[] => keys.map((key) => ({ key }));

describe('CSV', () => {
  test('plain fields are left alone, Arabic included', () => {
    expect(csvField('كتاب')).toBe('كتاب');
    // U+060C ARABIC COMMA is not a separator.
    expect(csvField('مرحبا، عالم')).toBe('مرحبا، عالم');
    expect(csvField(' padded ')).toBe(' padded ');
  });

  test('commas, quotes, CR and LF force quoting; quotes are doubled', () => {
    expect(csvField('القدس, فلسطين')).toBe('"القدس, فلسطين"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('"')).toBe('""""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField('a\rb')).toBe('"a\rb"');
  });

  test('numbers raw, booleans as words, null empty, arrays and objects as JSON', () => {
    expect(csvField(1234567.891)).toBe('1234567.891');
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField(1e21)).toBe('1e+21');
    expect(csvField(NaN)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(['a', 'ب'])).toBe('"[""a"",""ب""]"');
    expect(csvField({ start: 3, end: 7 })).toBe('"{""start"":3,""end"":7}"');
  });

  test('header of keys and records end in \\n', () => {
    const columns = cols('doc', 'text', 'count');
    expect(csvHeader(columns) + csvRecord(columns, { doc: 'a.txt', text: 'قال: "نعم", ثم\nمضى', count: 2 })).toBe(
      'doc,text,count\na.txt,"قال: ""نعم"", ثم\nمضى",2\n',
    );
  });

  test('any strings survive a round trip through an RFC 4180 reader', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), (values) => {
        const columns = values.map((_, i) => ({ key: `c${i}` }));
        const row = Object.fromEntries(values.map((v, i) => [`c${i}`, v]));
        expect(parseCsvRecord(csvRecord(columns, row))).toEqual(values);
      }),
    );
  });
});

describe('TSV', () => {
  test('backslash, tab, LF and CR are escaped; the rest is kept', () => {
    expect(tsvField('a\tb')).toBe('a\\tb');
    expect(tsvField('a\\b')).toBe('a\\\\b');
    expect(tsvField('l1\nl2\r')).toBe('l1\\nl2\\r');
    expect(tsvField('\\t')).toBe('\\\\t');
    expect(tsvField('قال، "نعم"')).toBe('قال، "نعم"');
    expect(tsvField(null)).toBe('');
    expect(tsvField(12.5)).toBe('12.5');
    expect(tsvField(['a\tb'])).toBe('["a\\\\tb"]');
  });

  test('header and records', () => {
    const columns = cols('word', 'count');
    expect(tsvHeader(columns) + tsvRecord(columns, { word: 'كتاب\tجديد', count: 3 })).toBe('word\tcount\nكتاب\\tجديد\t3\n');
  });

  test('one line per record and a lossless round trip', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), (values) => {
        const columns = values.map((_, i) => ({ key: `c${i}` }));
        const line = tsvRecord(columns, Object.fromEntries(values.map((v, i) => [`c${i}`, v])));
        expect(line.indexOf('\n')).toBe(line.length - 1);
        expect(line.slice(0, -1).split('\t').map(unescapeTsv)).toEqual(values);
      }),
    );
  });
});
