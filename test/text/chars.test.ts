import { describe, expect, it } from 'vitest';
import {
  C_ARABIC, C_DIGIT, C_LATIN, C_LETTER, C_MARK, C_NEWLINE, C_PUNCT, C_SPACE, C_SURROGATE, C_SYMBOL,
  charClasses, computeCharClasses, decodeRuns, encodeRuns,
} from '../../src/text/chars.js';
import { lastLetter } from '../../src/text/charsets.js';

describe('character classes', () => {
  it('ships the table that Unicode properties give (rebuild with scripts/build-char-classes.mjs if not)', () => {
    const shipped = charClasses();
    const computed = computeCharClasses();
    // Blocks whose properties no Unicode version changes: a newer Node (newer Unicode data) may
    // class new letters elsewhere, and the shipped table keeps tokens the same on every Node.
    const stable = [[0x0000, 0x024f], [0x0600, 0x08ff], [0x2000, 0x206f], [0xfb50, 0xfeff]];
    const differ: string[] = [];
    for (const [a, b] of stable) for (let c = a; c <= b; c++) if (shipped[c] !== computed[c]) differ.push(c.toString(16));
    expect(differ.slice(0, 20)).toEqual([]);
  });

  it('encodes runs that decode to the same table, long runs included', () => {
    const t = new Uint8Array(0x10000).fill(C_LETTER);
    t.fill(C_ARABIC, 0x600, 0x700);
    expect(decodeRuns(encodeRuns(t))).toEqual(t);
  });

  it('classes the characters the tokenizer cares about', () => {
    const t = charClasses();
    const of = (s: string) => t[s.charCodeAt(0)];
    expect([of('ا'), of('ي'), of('ﻻ'), of('ک')]).toEqual([C_ARABIC, C_ARABIC, C_ARABIC, C_ARABIC]);
    expect([of('٣'), of('۴'), of('7')]).toEqual([C_DIGIT, C_DIGIT, C_DIGIT]);
    expect([of('\u0640'), of('\u064e'), of('\u200c'), of('\u200f'), of('\ufeff')]).toEqual([C_MARK, C_MARK, C_MARK, C_MARK, C_MARK]);
    expect([of('،'), of('؟'), of('«'), of('.')]).toEqual([C_PUNCT, C_PUNCT, C_PUNCT, C_PUNCT]);
    expect([of(' '), of('\t'), of('\u00a0'), of('\n'), of('\u2028')]).toEqual([C_SPACE, C_SPACE, C_SPACE, C_NEWLINE, C_NEWLINE]);
    expect([of('F'), of('é'), of('Ж'), of('$'), of('\ud83d')]).toEqual([C_LATIN, C_LATIN, C_LETTER, C_SYMBOL, C_SURROGATE]);
  });
});

describe('lastLetter', () => {
  it('skips trailing diacritics and tatweel, so على written with a fatha or a stretch still ends in ى', () => {
    expect(lastLetter('على')).toBe(0x0649);
    expect(lastLetter('علىَ')).toBe(0x0649);
    expect(lastLetter('علىـ')).toBe(0x0649);
    expect(lastLetter('عليٌّ')).toBe(0x064a);
    expect(lastLetter('')).toBe(0);
    expect(lastLetter('َ')).toBe(0);
  });
});
