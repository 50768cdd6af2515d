/**
 * Character classes for the tokenizer: one byte per UTF-16 code unit, so the scan is a table
 * lookup per unit. Works on normalized or raw text: marks, tatweel and invisible joiners are
 * word-internal, Eastern digits are digits.
 *
 * The table is computed from Unicode properties by `computeCharClasses` (about 35 ms), which
 * every worker thread and every short run would pay; it ships instead as runs in
 * `charClassTable.ts`, written by `node scripts/build-char-classes.mjs` and checked against the
 * computation by a test. It also keeps tokens the same across Node versions' Unicode data.
 */
import { CHAR_CLASS_RUNS } from './charClassTable.js';
import { CONTROLS, DIACRITICS, TATWEEL, inRanges } from './charsets.js';

export const C_SPACE = 1;
export const C_NEWLINE = 2;
export const C_ARABIC = 3;
export const C_MARK = 4;
export const C_LATIN = 5;
export const C_DIGIT = 6;
export const C_LETTER = 7; // letters of other scripts
export const C_PUNCT = 8;
export const C_SYMBOL = 9;
export const C_SURROGATE = 10;

let table: Uint8Array | null = null;

/** The class table, decoded from the shipped runs on first use. */
export function charClasses(): Uint8Array {
  if (table) return table;
  table = decodeRuns(CHAR_CLASS_RUNS);
  return table;
}

/** Runs as text: for each run, one character holding the class (A + class) and one its length (U+0100 + length - 1). */
export function encodeRuns(t: Uint8Array): string {
  const out: number[] = [];
  for (let i = 0; i < t.length; ) {
    let j = i + 1;
    // runs of at most 0x8000: the length character stays below the surrogates
    while (j < t.length && t[j] === t[i] && j - i < 0x8000) j++;
    out.push(0x41 + t[i], 0x100 + (j - i - 1));
    i = j;
  }
  let s = '';
  for (let k = 0; k < out.length; k += 4096) s += String.fromCharCode(...out.slice(k, k + 4096));
  return s;
}

export function decodeRuns(runs: string): Uint8Array {
  const t = new Uint8Array(0x10000);
  let at = 0;
  for (let k = 0; k < runs.length; k += 2) {
    const cls = runs.charCodeAt(k) - 0x41;
    const len = runs.charCodeAt(k + 1) - 0x100 + 1;
    t.fill(cls, at, at + len);
    at += len;
  }
  if (at !== 0x10000) throw new Error('chars: the shipped class table is corrupt');
  return t;
}

/** The class table computed from Unicode properties (for the build script and the test). */
export function computeCharClasses(): Uint8Array {
  const t = new Uint8Array(0x10000);
  const letter = /\p{L}/u;
  const mark = /\p{M}/u;
  const punct = /\p{P}/u;
  const space = /\s/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) { t[c] = C_SURROGATE; continue; }
    const s = String.fromCharCode(c);
    if (c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029) t[c] = C_NEWLINE;
    else if (c === 0xfeff || inRanges(c, CONTROLS)) t[c] = C_MARK; // invisible: joins a word, else ignored
    else if (space.test(s)) t[c] = C_SPACE;
    else if ((c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) t[c] = C_DIGIT;
    else if (c === TATWEEL || inRanges(c, DIACRITICS) || mark.test(s)) t[c] = C_MARK;
    else if (letter.test(s)) {
      const arabic = (c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08ff) ||
        (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc);
      const latin = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
        (c >= 0x1e00 && c <= 0x1eff);
      t[c] = arabic ? C_ARABIC : latin ? C_LATIN : C_LETTER;
    } else if (punct.test(s)) t[c] = C_PUNCT;
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) t[c] = C_SPACE; // other C0/C1 controls separate tokens
    else t[c] = C_SYMBOL;
  }
  return t;
}

/** Sentence-final punctuation: . ! ? ؟ … ۔ (and the Arabic full stop U+06D4). */
export function isTerminal(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x061f || c === 0x2026 || c === 0x06d4;
}

/** Punctuation that closes a quotation or bracket and so stays with the sentence it ends. */
export function isClosing(c: number): boolean {
  return c === 0xbb || c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d || c === 0x22 || c === 0x27 || c === 0x203a;
}
