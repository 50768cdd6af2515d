import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextUnits, fieldBytes, readTextField, warmUpJsonText } from '../../src/io/jsonText.js';

const TEXT = fieldBytes('text')!;

/** The fast read of a line, as a string, or null when it declined. */
function fast(line: string, field = TEXT): string | null {
  const b = Buffer.from(line, 'utf8');
  const out = new TextUnits();
  const n = readTextField(b, 0, b.length, field, out);
  return n < 0 ? null : String.fromCharCode(...out.units.subarray(0, n));
}

/** What the loader's JSON.parse path makes of the line's text field, or null when it is not a flat object with a string text. */
function slow(line: string): string | null {
  try {
    // through UTF-8 and back, as the loader sees the line (a lone surrogate becomes U+FFFD)
    const v = JSON.parse(Buffer.from(line, 'utf8').toString('utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v.text === 'string' ? v.text : null;
  } catch {
    return null;
  }
}

// Arabic, Latin, digits, marks, controls, quotes, backslashes, emoji, lone surrogates
const piece = fc.constantFrom('خبر', ' ', 'المغرب', '\n', '\r\n', '\t', '"', '\\', '/', 'é', 'FBI', '٢٠٢٤', 'ً', '\u200f', '\u0001', '😀', '\ud800', '\udc00', '{', '}', ',', ':', 'ﻻ');
const text = fc.array(piece, { maxLength: 30 }).map((a) => a.join(''));
const scalar = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const key = fc.constantFrom('id', 'title', 'url', 'date', 'source', 'x_y', 'n');

describe('readTextField', () => {
  it('reads the text of flat JSON objects exactly as JSON.parse does, whatever the other fields and the spacing', () => {
    fc.assert(fc.property(text, fc.array(fc.tuple(key, scalar), { maxLength: 6 }), fc.nat(6), fc.constantFrom('', ' ', '  ', '\t', ' \r'), (t, others, at, ws) => {
      const entries = others.filter(([k], i) => others.findIndex(([k2]) => k2 === k) === i);
      entries.splice(Math.min(at, entries.length), 0, ['text', t]);
      const line = ws + '{' + entries.map(([k, v]) => `${ws}${JSON.stringify(k)}${ws}:${ws}${JSON.stringify(v)}`).join(`${ws},`) + `${ws}}` + ws;
      expect(fast(line)).toBe(t);
      expect(slow(line)).toBe(t);
    }), { numRuns: 2000 });
  });

  it('never reads a line that JSON.parse would read otherwise or reject (lines cut and spliced at random)', () => {
    const line = fc.tuple(text, fc.array(fc.tuple(key, scalar), { maxLength: 4 })).map(([t, o]) => JSON.stringify({ ...Object.fromEntries(o), text: t }));
    fc.assert(fc.property(line, fc.nat(200), fc.nat(8), fc.constantFrom('', '"', '\\', ',', '}', '{', ' ', 'x', '\\u12', '[1]', 'tru', '-', '0', '1e'), (l, cut, len, ins) => {
      const at = Math.min(cut, l.length);
      const mutated = l.slice(0, at) + ins + l.slice(Math.min(l.length, at + len));
      const f = fast(mutated);
      if (f !== null) expect(f).toBe(slow(mutated));
    }), { numRuns: 5000 });
  });

  it('declines what it leaves to JSON.parse: nested values, escaped or non-ASCII keys, a repeated text, a BOM, no text', () => {
    for (const line of [
      '{"meta":{"a":1},"text":"x"}',
      '{"tags":["a"],"text":"x"}',
      '{"te\\u0078t":"x"}',
      '{"نص":"y","text":"x"}',
      '{"text":"a","text":"b"}',
      '\ufeff{"text":"x"}',
      '{"id":1}',
      '{"text":1}',
      '{"text":"x",}',
      '{"text":"x"} 1',
      '["text"]',
      '{"text":"a\u0001b"}',
      '{"n":01,"text":"x"}',
    ]) expect(fast(line), line).toBe(null);
  });

  it('reads escapes, astral characters and lone surrogates as JSON.parse does', () => {
    const line = '{"text":"\\"قال\\"\\n\\t\\/\\u0041\\u00e9\\ud83d\\ude00\\ud800 😀 ﻻ","id":"x-1","n":-1.5e+3,"ok":true,"z":null}';
    expect(fast(line)).toBe(JSON.parse(line).text);
  });

  it('reads another field name when asked, and refuses field names it cannot compare as bytes', () => {
    expect(fast('{"body":"نص","text":"x"}', fieldBytes('body')!)).toBe('نص');
    expect(fieldBytes('نص')).toBe(null);
    expect(fieldBytes('a"b')).toBe(null);
  });

  it('warms up without leaving state behind', () => {
    warmUpJsonText();
    expect(fast('{"text":"بعد"}')).toBe('بعد');
  });
});
