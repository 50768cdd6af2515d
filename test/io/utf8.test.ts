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
});
