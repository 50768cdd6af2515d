/**
 * Tokenizer: one linear scan over (normalized) UTF-16 units with a class table.
 *
 * Tokens live in a flat Int32Array (start, end, kind) in NORMALIZED coordinates, so counting
 * code (stats) never allocates a string per token; `materialize` turns them into `Token`
 * objects with original offsets for the analyzers that need them.
 *
 * Rules:
 *  - a word is a run of letters of one script with its marks (tatweel, harakat, ZWNJ inside);
 *    Arabic letters and digits split (2024م -> 2024 + م, و2024 -> و + 2024), Latin letters and
 *    digits stay together (G20, mp3: kind `mixed`);
 *  - a number keeps its separators when a digit follows them: 1.5, 2,000, ١٢٫٥;
 *  - URLs (http://, https://, www.), e-mails, #hashtags (with _ inside) and @mentions are one token;
 *  - runs of sentence-final punctuation (..., ؟!) are one token; other punctuation one per char.
 * No regular expressions run on the text: every loop advances, so the scan is linear.
 */
import {
  C_ARABIC, C_DIGIT, C_LATIN, C_LETTER, C_MARK, C_NEWLINE, C_PUNCT, C_SPACE, C_SURROGATE,
  charClasses, isTerminal,
} from './chars.js';
import { FORM_HASH_PRIME, FORM_HASH_SEED } from './formTable.js';
import { NormalizedText, toOriginal } from './normalize.js';

export const KINDS = ['arabic', 'latin', 'number', 'punctuation', 'symbol', 'mixed', 'url', 'email', 'hashtag', 'mention', 'other'] as const;
export type TokenKind = (typeof KINDS)[number];
export const K_ARABIC = 0;
export const K_LATIN = 1;
export const K_NUMBER = 2;
export const K_PUNCT = 3;
export const K_SYMBOL = 4;
export const K_MIXED = 5;
export const K_URL = 6;
export const K_EMAIL = 7;
export const K_HASHTAG = 8;
export const K_MENTION = 9;
export const K_OTHER = 10;
/** Flag or-ed into the kind slot: a line break precedes this token (sentence splitter input). */
export const NEWLINE_BEFORE = 0x100;
export const KIND_MASK = 0xff;

/** Kinds that count as words (types, keywords). */
export function isWordKind(k: number): boolean {
  return k === K_ARABIC || k === K_LATIN || k === K_MIXED || k === K_OTHER;
}

/**
 * Reusable flat token storage: 3 ints per token, plus for Arabic tokens the FormTable hash of
 * their units (`hashes[t]`, see formTable.ts), computed in the scan that finds the word's end
 * so that counting code does not read the word again to hash it.
 */
export class TokenBuffer {
  data = new Int32Array(3 * 1024);
  hashes = new Int32Array(1024);
  count = 0;
  push(start: number, end: number, kind: number): void {
    const i = this.count * 3;
    if (i + 3 > this.data.length) this.grow();
    this.data[i] = start;
    this.data[i + 1] = end;
    this.data[i + 2] = kind;
    this.count++;
  }
  /** An Arabic word and its FormTable hash. */
  pushArabic(start: number, end: number, flags: number, hash: number): void {
    const i = this.count * 3;
    if (i + 3 > this.data.length) this.grow();
    this.data[i] = start;
    this.data[i + 1] = end;
    this.data[i + 2] = K_ARABIC | flags;
    this.hashes[this.count] = hash;
    this.count++;
  }
  private grow(): void {
    const bigger = new Int32Array(this.data.length * 2);
    bigger.set(this.data);
    this.data = bigger;
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
  }
  start(t: number): number { return this.data[t * 3]; }
  end(t: number): number { return this.data[t * 3 + 1]; }
  kind(t: number): number { return this.data[t * 3 + 2] & KIND_MASK; }
  newlineBefore(t: number): boolean { return (this.data[t * 3 + 2] & NEWLINE_BEFORE) !== 0; }
}

const lower = (c: number) => (c >= 0x41 && c <= 0x5a ? c + 32 : c);

function startsWithAscii(u: ArrayLike<number>, i: number, n: number, word: string): boolean {
  if (i + word.length > n) return false;
  for (let k = 0; k < word.length; k++) if (lower(u[i + k]) !== word.charCodeAt(k)) return false;
  return true;
}

const isEmailLocal = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d;
const isDomainChar = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d;
const isUrlStop = (c: number, cls: number) =>
  cls === C_SPACE || cls === C_NEWLINE || c === 0x22 || c === 0x3c || c === 0x3e || c === 0xab || c === 0xbb || c === 0x201c || c === 0x201d || c === 0x060c;
const isUrlTrailing = (c: number) => c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x29 || c === 0x27 || c === 0x061f || c === 0x061b;

/** Position up to which an e-mail scan already failed in the current text: never rescan (keeps the scan linear). */
let noEmailBefore = -1;

/**
 * Tokenizes units[0, length) into `out` (cleared first). `length` lets callers pass a reused buffer.
 *
 * The loop handles what news text is made of (Arabic words, spaces, line breaks, punctuation)
 * and hands every other token to `scanOther`. Kept small on purpose: V8 compiles a hot function
 * with all it inlines, and with URLs, e-mails, numbers and Latin words inlined this one took
 * about 90 ms to compile, twice per thread (measured with --trace-opt).
 */
export function tokenizeUnits(u: ArrayLike<number>, length: number, out: TokenBuffer): void {
  const cls = charClasses();
  out.count = 0;
  const n = length;
  let i = 0;
  let newline = 0;
  noEmailBefore = -1;
  while (i < n) {
    const c = u[i];
    const k = cls[c];
    if (k === C_SPACE) { i++; continue; }
    // Arabic words first: the common case, and none of the tests below can apply to them.
    if (k === C_ARABIC) {
      let h = Math.imul(FORM_HASH_SEED ^ c, FORM_HASH_PRIME);
      let j = i + 1;
      while (j < n) {
        const cj = u[j];
        const kj = cls[cj];
        if (kj !== C_ARABIC && kj !== C_MARK) break;
        h = Math.imul(h ^ cj, FORM_HASH_PRIME);
        j++;
      }
      out.pushArabic(i, j, newline, h); newline = 0;
      i = j;
      continue;
    }
    if (k === C_NEWLINE) { newline = NEWLINE_BEFORE; i++; continue; }
    // punctuation, but # and @ (hashtags and mentions)
    if (k === C_PUNCT && c !== 0x23 && c !== 0x40) {
      let j = i + 1;
      if (isTerminal(c)) while (j < n && isTerminal(u[j])) j++;
      out.push(i, j, K_PUNCT | newline); newline = 0;
      i = j;
      continue;
    }
    if (k === C_MARK && !isWordStart(cls, u, i, n)) { i++; continue; }
    i = scanOther(u, i, n, c, k, cls, out, newline);
    newline = 0;
  }
}

/** The token at i when it is not an Arabic word, a space or plain punctuation; returns its end. */
function scanOther(u: ArrayLike<number>, i: number, n: number, c: number, k: number, cls: Uint8Array, out: TokenBuffer, newline: number): number {
  const s = i;
  // URLs
  if (urlStartsAt(u, i, n, c)) {
    let j = i;
    while (j < n && !isUrlStop(u[j], cls[u[j]])) j++;
    while (j > s && isUrlTrailing(u[j - 1])) j--;
    out.push(s, j, K_URL | newline);
    return j;
  }
  // #hashtag, @mention
  if ((c === 0x23 || c === 0x40) && i + 1 < n) {
    const d = u[i + 1];
    const dk = cls[d];
    const tagChar = (x: number, xk: number) => xk === C_ARABIC || xk === C_LATIN || xk === C_LETTER || xk === C_DIGIT || xk === C_MARK || x === 0x5f;
    if (c === 0x23 ? tagChar(d, dk) : (dk === C_LATIN || dk === C_DIGIT || d === 0x5f)) {
      let j = i + 1;
      // a link glued to the tag (#أبلhttps://t.co/...: tweets lose that space) is a URL of its own
      if (c === 0x23) while (j < n && tagChar(u[j], cls[u[j]]) && !urlStartsAt(u, j, n, u[j])) j++;
      else while (j < n && (cls[u[j]] === C_LATIN || cls[u[j]] === C_DIGIT || u[j] === 0x5f || (u[j] === 0x2e && j + 1 < n && cls[u[j + 1]] === C_LATIN))) j++;
      out.push(s, j, (c === 0x23 ? K_HASHTAG : K_MENTION) | newline);
      return j;
    }
  }
  if (k === C_LATIN || k === C_DIGIT) {
    // e-mail: local@domain.tld
    if (k === C_LATIN || c < 0x80) {
      if (i > noEmailBefore) {
        const e = scanEmail(u, i, n);
        if (e > 0) { out.push(s, e, K_EMAIL | newline); return e; }
        noEmailBefore = emailFailedAt;
      }
    }
  }
  if (k === C_DIGIT) {
    let j = i + 1;
    for (;;) {
      while (j < n && cls[u[j]] === C_DIGIT) j++;
      const sep = u[j];
      if (j + 1 < n && (sep === 0x2e || sep === 0x2c || sep === 0x066b || sep === 0x066c) && cls[u[j + 1]] === C_DIGIT) { j += 1; continue; }
      break;
    }
    // Latin letters glued to digits make one mixed token (5km, 3D); Arabic letters split off.
    if (j < n && cls[u[j]] === C_LATIN) {
      while (j < n && (cls[u[j]] === C_LATIN || cls[u[j]] === C_DIGIT || cls[u[j]] === C_MARK)) j++;
      out.push(s, j, K_MIXED | newline);
    } else {
      out.push(s, j, K_NUMBER | newline);
    }
    return j;
  }
  if (k === C_ARABIC || k === C_MARK) {
    let h = Math.imul(FORM_HASH_SEED ^ c, FORM_HASH_PRIME);
    let j = i + 1;
    while (j < n && (cls[u[j]] === C_ARABIC || cls[u[j]] === C_MARK)) h = Math.imul(h ^ u[j++], FORM_HASH_PRIME);
    // trailing invisible marks (a control after the word) are not part of it
    out.pushArabic(s, j, newline, h);
    return j;
  }
  if (k === C_LATIN || k === C_LETTER) {
    let j = i + 1;
    let mixed = false;
    let script = k;
    while (j < n) {
      const kj = cls[u[j]];
      if (kj === C_MARK) { j++; continue; }
      if (kj === C_LATIN || kj === C_LETTER) { if (kj !== script) mixed = true; j++; continue; }
      if (kj === C_DIGIT) { mixed = true; j++; continue; }
      break;
    }
    out.push(s, j, (mixed ? K_MIXED : script === C_LATIN ? K_LATIN : K_OTHER) | newline);
    return j;
  }
  if (k === C_PUNCT) {
    let j = i + 1;
    if (isTerminal(c)) while (j < n && isTerminal(u[j])) j++;
    out.push(s, j, K_PUNCT | newline);
    return j;
  }
  if (k === C_SURROGATE) {
    let j = i + 1;
    if (c >= 0xd800 && c <= 0xdbff && j < n && u[j] >= 0xdc00 && u[j] <= 0xdfff) j++;
    while (j < n && (u[j] === 0xfe0f || u[j] === 0x200d)) j++; // emoji presentation selector
    out.push(s, j, K_SYMBOL | newline);
    return j;
  }
  // C_SYMBOL and anything else
  out.push(s, i + 1, K_SYMBOL | newline);
  return i + 1;
}

/** A URL (http://, https://, www.) begins at i; c = u[i]. */
function urlStartsAt(u: ArrayLike<number>, i: number, n: number, c: number): boolean {
  return (c === 0x68 || c === 0x48 || c === 0x77 || c === 0x57) &&
    (startsWithAscii(u, i, n, 'http://') || startsWithAscii(u, i, n, 'https://') || startsWithAscii(u, i, n, 'www.'));
}

/** A mark starts a word only when a letter follows it (a stray mark between spaces is skipped). */
function isWordStart(cls: Uint8Array, u: ArrayLike<number>, i: number, n: number): boolean {
  let j = i;
  while (j < n && cls[u[j]] === C_MARK) j++;
  return j < n && cls[u[j]] === C_ARABIC;
}

let emailFailedAt = -1;
/** End of an e-mail address starting at i, or -1 (and `emailFailedAt` = where the scan stopped). */
function scanEmail(u: ArrayLike<number>, i: number, n: number): number {
  let j = i;
  while (j < n && isEmailLocal(u[j])) j++;
  if (j >= n || u[j] !== 0x40 || j === i) { emailFailedAt = j; return -1; }
  let k = j + 1;
  let labels = 0;
  let end = -1;
  for (;;) {
    const ls = k;
    while (k < n && isDomainChar(u[k])) k++;
    if (k === ls) break;
    labels++;
    if (labels >= 2) end = k;
    if (k < n && u[k] === 0x2e && k + 1 < n && isDomainChar(u[k + 1])) { k++; continue; }
    break;
  }
  if (end < 0) { emailFailedAt = k; return -1; }
  return end;
}

/** A token with its original offsets (UTF-16 code units into the document text). */
export interface Token {
  kind: TokenKind;
  /** Normalized form. */
  norm: string;
  /** Exactly the original slice: `doc.text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** Index of the token in its document. */
  index: number;
  // The clitic analysis (keywords issue) adds: prefixes, base, suffixes and the base's original offsets.
}

/** Tokens of a normalized document as objects (for analyzers that work on words, not counts). */
export function tokenize(norm: NormalizedText, buf = new TokenBuffer()): Token[] {
  const units = new Uint16Array(norm.text.length);
  for (let i = 0; i < units.length; i++) units[i] = norm.text.charCodeAt(i);
  tokenizeUnits(units, units.length, buf);
  return materialize(norm, buf);
}

export function materialize(norm: NormalizedText, buf: TokenBuffer): Token[] {
  const tokens: Token[] = new Array(buf.count);
  for (let t = 0; t < buf.count; t++) {
    const s = buf.start(t);
    const e = buf.end(t);
    const [os, oe] = toOriginal(norm, s, e);
    tokens[t] = { kind: KINDS[buf.kind(t)], norm: norm.text.slice(s, e), text: norm.original.slice(os, oe), start: os, end: oe, index: t };
  }
  return tokens;
}
