import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormTable } from '../../src/text/formTable.js';
import { normalizerFor, NormBuffer } from '../../src/text/normalize.js';
import { K_ARABIC, KIND_MASK, TokenBuffer, tokenizeUnits } from '../../src/text/tokenize.js';

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
    // find compares capitals folded, as intern does
    expect(t.find(text, 7, 10)).toBe(1);
    expect(t.findString('Fbi')).toBe(1);
    expect(t.findString('FBX')).toBe(-1);
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

  it("takes the tokenizer's hash of an Arabic word as its own (findHashed = find, internHashed = intern)", () => {
    const piece = fc.constantFrom('المغرب', 'بالمغرب', 'وزارة', 'ـ', 'َ', 'ٔ', ' ', '\n', 'FBI', 'x', '2024', '٢٠', '.', '؟', '#وسم', '\u200c', 'ﻻ', 'ک');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom('none', 'light', 'standard', 'aggressive'), (parts, profile) => {
        const buf = new NormBuffer();
        const n = normalizerFor(profile as 'none').normalizeInto(parts.join(''), buf, false);
        const tb = new TokenBuffer();
        tokenizeUnits(buf.units, n, tb);
        const a = new FormTable(2);
        const b = new FormTable(2);
        for (let t = 0; t < tb.count; t++) {
          if ((tb.data[t * 3 + 2] & KIND_MASK) !== K_ARABIC) continue;
          const s = tb.data[t * 3];
          const e = tb.data[t * 3 + 1];
          expect(b.findHashed(buf.units, s, e, tb.hashes[t])).toBe(a.find(buf.units, s, e));
          expect(b.internHashed(buf.units, s, e, tb.hashes[t])).toBe(a.intern(buf.units, s, e));
        }
        expect(b.forms).toEqual(a.forms);
      }),
      { numRuns: 300 },
    );
  });

  it('visits every form once with its folded units and hash, and forgets them on reset', () => {
    const t = new FormTable(2);
    const words = ['المغرب', 'FBI', 'بالمغرب', 'fbi', 'وزارة', 'المغرب'];
    for (const w of words) t.internString(w);
    const seen: string[] = [];
    const copy = new FormTable(2);
    t.forEachForm((id, pool, offset, length, hash) => {
      const form = String.fromCharCode(...pool.subarray(offset, offset + length));
      expect(form).toBe(t.forms[id]);
      seen.push(form);
      // the hash given is the table's own: another table finds the form by it
      copy.internHashed(pool, offset, offset + length, hash);
      expect(copy.findString(form)).toBeGreaterThanOrEqual(0);
    });
    expect(seen.sort()).toEqual(['المغرب', 'بالمغرب', 'fbi', 'وزارة'].sort());
    t.reset();
    expect(t.size).toBe(0);
    expect(t.findString('المغرب')).toBe(-1);
    expect(t.internString('وزارة')).toBe(0);
    expect(t.forms).toEqual(['وزارة']);
  });

  it("interns another table's forms from its pool and index as it would from their strings (layoutOf)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom('ا', 'ب', 'م', 'ن', 'x', 'Y', 'z') }), { maxLength: 200 }), fc.array(fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom('ا', 'ب', 'م', 'x', 'Y') }), { maxLength: 200 }), (a, b) => {
        const other = new FormTable(2);
        for (const w of b) other.internString(w);
        const index = other.index();
        const at = FormTable.layoutOf(index, other.size);
        const bySlots = new FormTable(2);
        const byStrings = new FormTable(2);
        for (const w of a) { bySlots.internString(w); byStrings.internString(w); }
        for (let id = 0; id < other.size; id++) {
          const x = bySlots.internHashed(index.pool, at.offsets[id], at.offsets[id] + at.lengths[id], at.hashes[id], other.forms[id]);
          expect(x).toBe(byStrings.internString(other.forms[id]));
        }
        expect(bySlots.forms).toEqual(byStrings.forms);
      }),
      { numRuns: 100 },
    );
  });
});


describe('FormTable without strings', () => {
  it('gives the same ids and forms as a table with strings, makes them only on request, and survives data() and fromData()', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom('ا', 'ب', 'م', 'ن', 'x', 'Y', 'z') }), { maxLength: 300 }), fc.array(fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom('ا', 'م', 'x', 'Y') }), { maxLength: 100 }), (a, b) => {
        const withStrings = new FormTable(2);
        const lazy = new FormTable(2, { strings: false });
        for (const w of a) expect(lazy.intern(units(w), 0, w.length)).toBe(withStrings.intern(units(w), 0, w.length));
        expect(lazy.size).toBe(withStrings.size);
        expect(lazy.forms).toEqual([]);
        for (let id = 0; id < lazy.size; id++) expect(lazy.formAt(id)).toBe(withStrings.forms[id]);
        const data = lazy.data();
        for (let id = 0; id < lazy.size; id++) expect(FormTable.formIn(data, id)).toBe(withStrings.forms[id]);
        // as another thread would get it, then growing on
        const copy = FormTable.fromData(structuredClone(lazy.data()));
        for (const w of b) expect(copy.intern(units(w), 0, w.length)).toBe(withStrings.intern(units(w), 0, w.length));
        for (let id = 0; id < copy.size; id++) expect(copy.formAt(id)).toBe(withStrings.forms[id]);
        expect(copy.findString('ﻻ')).toBe(-1);
      }),
      { numRuns: 150 },
    );
  });

  it('forgets everything on reset, and refuses data() on a table with strings', () => {
    const t = new FormTable(4, { strings: false });
    t.intern(units('المغرب'), 0, 6);
    t.reset();
    expect(t.size).toBe(0);
    expect(t.intern(units('FBI'), 0, 3)).toBe(0);
    expect(t.formAt(0)).toBe('fbi');
    expect(() => new FormTable(4).data()).toThrow('only for a table without strings');
  });
});
