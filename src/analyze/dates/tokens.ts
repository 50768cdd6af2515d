/**
 * The token stream as the date grammar sees it: for every token its lexicon readings (one
 * `Map.get` on the normalized form), its integer value when it is a plain number, and helpers
 * to match a lexicon category or grammar role at a position (phrases included). Nothing here
 * scans more than the few tokens of a phrase, so every helper is O(1) per call.
 */
import { Token } from '../../text/tokenize.js';
import { Category, DateLexicon, EXTRA_CATEGORIES, Reading, TRIGGER_ROLES, categoryBit, formHash } from './lexicon.js';

export interface Hit {
  r: Reading;
  /** Token index after the match. */
  end: number;
}

const NONE: Reading[] = [];

// Per-token arrays are reused from one document to the next (extraction is synchronous), so a
// stream of documents does not allocate three typed arrays each.
let sharedMask = new Int32Array(4096);
let sharedNum = new Int32Array(4096);
let sharedDigits = new Uint8Array(4096);
let sharedSpecial = new Uint8Array(4096);

/** `special` codes: tokens with no lexicon reading that can still start a date. */
export const SP_NUMBER = 1;
export const SP_ARTICLE = 2; // الـ as a token of its own (الـ21، الـ24 ساعة)
export const SP_PAREN = 3;

export class TokenView {
  readonly n: number;
  /** What the token's readings are (`categoryBit` / `roleBit` bits); 0 for most tokens. */
  readonly mask: Int32Array;
  /** Integer value of a digits-only number token, else -1. */
  readonly num: Int32Array;
  /** Digit count of a digits-only number token, else 0. */
  readonly digits: Uint8Array;
  /** SP_NUMBER, SP_ARTICLE, SP_PAREN or 0: lets the grammar skip a token without touching it. */
  readonly special: Uint8Array;
  private readonly forms: DateLexicon['forms'];
  private readonly extra: DateLexicon['extra'];

  constructor(readonly tokens: Token[], lex: DateLexicon, private readonly text: string) {
    const n = tokens.length;
    this.n = n;
    if (sharedMask.length < n + 1) {
      const size = Math.max(n + 1, sharedMask.length * 2);
      sharedMask = new Int32Array(size);
      sharedNum = new Int32Array(size);
      sharedDigits = new Uint8Array(size);
      sharedSpecial = new Uint8Array(size);
    }
    const mask = (this.mask = sharedMask);
    const num = (this.num = sharedNum);
    const digits = (this.digits = sharedDigits);
    const special = (this.special = sharedSpecial);
    const forms = (this.forms = lex.forms);
    this.extra = lex.extra;
    const filter = lex.filter;
    for (let i = 0; i < n; i++) {
      const t = tokens[i];
      // num and digits are only read for SP_NUMBER tokens, so only those are written
      mask[i] = 0;
      special[i] = 0;
      const s = t.norm;
      if (t.kind === 'arabic') {
        const h = formHash(s);
        if ((filter[h >> 3] & (1 << (h & 7))) !== 0) {
          const info = forms.get(s);
          if (info) mask[i] = info.mask;
        }
        if (s.length === 2 && s === 'ال') special[i] = SP_ARTICLE;
      } else if (t.kind === 'number') {
        special[i] = SP_NUMBER;
        if (s.length <= 9 && isDigits(s)) {
          num[i] = Number(s);
          digits[i] = s.length;
        } else {
          num[i] = -1;
          digits[i] = 0;
        }
      } else if (s === '(') special[i] = SP_PAREN;
    }
    // a sentinel past the end keeps lookahead checks simple
    mask[n] = 0;
    num[n] = -1;
    digits[n] = 0;
    special[n] = 0;
  }

  /** Start readings of token i (empty for most tokens). */
  readings(i: number): Reading[] {
    if (i < 0 || i >= this.n || this.mask[i] === 0) return NONE;
    return this.forms.get(this.tokens[i].norm)?.readings ?? NONE;
  }

  /** Readings of token i that are only checked next to a start (number words, modifiers, other roles). */
  extraReadings(i: number): Reading[] {
    if (i < 0 || i >= this.n || this.tokens[i].kind !== 'arabic') return NONE;
    return this.extra.get(this.tokens[i].norm) ?? NONE;
  }

  /** The token has any reading at all (start or extra). */
  known(i: number): boolean {
    return i >= 0 && i < this.n && (this.mask[i] !== 0 || this.extraReadings(i).length > 0);
  }

  norm(i: number): string { return i >= 0 && i < this.n ? this.tokens[i].norm : ''; }
  isNum(i: number): boolean { return i >= 0 && i < this.n && this.special[i] === SP_NUMBER && this.num[i] >= 0; }
  /** The token is exactly this punctuation/symbol/word (normalized). */
  is(i: number, s: string): boolean { return i >= 0 && i < this.n && this.tokens[i].norm === s; }
  /** No space between tokens i and i+1. */
  touching(i: number): boolean { return i >= 0 && i + 1 < this.n && this.tokens[i].end === this.tokens[i + 1].start; }
  /** Tokens i and i+1 are close and on the same line (the parts of one date never cross a line break). */
  sameLine(i: number): boolean {
    if (i < 0 || i + 1 >= this.n) return false;
    const a = this.tokens[i].end;
    const b = this.tokens[i + 1].start;
    if (b - a > 4) return false;
    for (let k = a; k < b; k++) {
      const c = this.text.charCodeAt(k);
      if (c === 0x0a || c === 0x0d) return false;
    }
    return true;
  }

  /** Longest reading of `cat` at token i whose phrase words follow; null if none. */
  cat(i: number, cat: Category, accept?: (r: Reading) => boolean): Hit | null {
    if (i < 0 || i >= this.n) return null;
    const list = EXTRA_CATEGORIES.includes(cat) || cat === 'modifier' ? this.extraAndStart(i, cat) : this.readings(i);
    let best: Hit | null = null;
    for (const r of list) {
      if (r.entry.cat !== cat) continue;
      if (accept && !accept(r)) continue;
      const end = this.phraseEnd(i, r);
      if (end > 0 && (!best || end > best.end)) best = { r, end };
    }
    return best;
  }

  /** End of a grammar-role word (context.txt) at i, or -1. */
  role(i: number, role: string): number {
    if (i < 0 || i >= this.n) return -1;
    let best = -1;
    for (const r of TRIGGER_ROLES.includes(role) ? this.readings(i) : this.extraReadings(i)) {
      if (r.entry.cat !== 'ctx' || r.entry.tag !== role) continue;
      const end = this.phraseEnd(i, r);
      if (end > best) best = end;
    }
    return best;
  }

  hasRole(i: number, role: string): boolean { return this.role(i, role) > 0; }

  /** Modifiers are split: pre-modifiers (هذا) start expressions, the others are extra. */
  private extraAndStart(i: number, cat: Category): Reading[] {
    if (cat !== 'modifier') return this.extraReadings(i);
    const a = this.extraReadings(i);
    const b = this.mask[i] === 0 ? NONE : this.readings(i);
    return b.length === 0 ? a : a.length === 0 ? b : a.concat(b);
  }

  /** Any start reading of this category (no phrase check): a cheap filter. */
  has(i: number, cat: Category): boolean {
    return i >= 0 && i < this.n && (this.mask[i] & categoryBit(cat)) !== 0;
  }

  private phraseEnd(i: number, r: Reading): number {
    const rest = r.rest;
    if (rest.length === 0) return i + 1;
    if (i + rest.length >= this.n) return -1;
    for (let k = 0; k < rest.length; k++) {
      if (this.tokens[i + 1 + k].norm !== rest[k]) return -1;
    }
    return i + 1 + rest.length;
  }
}

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
