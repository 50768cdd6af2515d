import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeValidUtf8 } from '../../src/io/utf8.js';

describe('decodeValidUtf8', () => {
  it('agrees with the native decoder on any valid UTF-8, short or long', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), (a, b) => {
        const s = a + 'المغرب ' + b;
        const buf = Buffer.from('{"x' + s, 'utf8');
        expect(decodeValidUtf8(buf, 0, buf.length)).toBe(buf.toString('utf8'));
        expect(decodeValidUtf8(buf, 3, buf.length)).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a leading U+FEFF of a long text (a UTF-16 TextDecoder would drop it)', () => {
    const s = '\uFEFFالمغرب '.repeat(60);
    const buf = Buffer.from(s, 'utf8');
    const out = decodeValidUtf8(buf, 0, buf.length);
    expect(out.length).toBe(s.length);
    expect(out.charCodeAt(0)).toBe(0xfeff);
  });
});
