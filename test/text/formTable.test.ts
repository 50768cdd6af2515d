import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormTable } from '../../src/text/formTable.js';

const units = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0));

describe('FormTable', () => {
  it('interns forms from code units, folding ASCII case only', () => {
    const t = new FormTable(4);
    const text = units('المغرب FBI fbi المغرب بالمغرب');
    expect(t.intern(text, 0, 6)).toBe(0);
    expect(t.intern(text, 7, 10)).toBe(1);
    expect(t.intern(text, 11, 14)).toBe(1); // fbi = FBI
    expect(t.intern(text, 15, 21)).toBe(0);
    expect(t.intern(text, 22, 29)).toBe(2);
    expect(t.forms).toEqual(['المغرب', 'fbi', 'بالمغرب']);
    expect(t.find(units('مغرب'), 0, 4)).toBe(-1);
  });

  it('restores from its index with the same ids, and keeps interning after', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom('ا', 'ب', 'ت', 'م', 'ن', 'x', 'Y') }), { maxLength: 300, selector: (s) => s.toLowerCase() }), (words) => {
        const [first, second] = [words.slice(0, words.length >> 1), words.slice(words.length >> 1)];
        const t = new FormTable(2);
        for (const w of first) t.internString(w);
        const back = FormTable.restore(t.forms, t.index());
        for (let id = 0; id < t.size; id++) expect(back.findString(t.forms[id])).toBe(id);
        for (const w of second) expect(back.internString(w)).toBe(t.internString(w));
        expect(back.forms).toEqual(t.forms);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses an index that is not one', () => {
    expect(() => FormTable.restore(['a'], { slots: new Int32Array(12), pool: new Uint16Array(1) })).toThrow(RangeError);
  });
});
