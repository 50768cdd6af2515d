/**
 * The token stream as the date grammar sees it: for every token its lexicon readings (one
 * `Map.get` on the normalized form), its integer value when it is a plain number, and helpers
 * to match a lexicon category or grammar role at a position (phrases included). Nothing here
 * scans more than the few tokens of a phrase, so every helper is O(1) per call.
 */
import type { FlatText } from '../../text/prepare.js';
import { K_ARABIC, K_NUMBER, KIND_MASK, KINDS, Token } from '../../text/tokenize.js';
import { unitsToString } from '../../text/normalize.js';
import { FormTable } from '../../text/formTable.js';
import { Category, DateLexicon, FormInfo, EXTRA_CATEGORIES, Reading, TRIGGER_ROLES, categoryBit, formHash, formHashUnits, roleBit } from './lexicon.js';

export interface Hit {
  r: Reading;
  /** Token index after the match. */
  end: number;
}

const NONE: Reading[] = [];

// Per-token arrays are reused from one document to the next (extraction is synchronous), so a
// stream of documents does not allocate typed arrays or token objects each.
let cap = 0;
let sharedMask = new Int32Array(0);
let sharedNum = new Int32Array(0);
let sharedDigits = new Uint8Array(0);
let sharedSpecial = new Uint8Array(0);
const sharedNorm: (string | undefined)[] = [];
/** Indices of `sharedNorm` set for the current document (cleared by the next view). */
const normSet: number[] = [];

function ensure(n: number): void {
  if (cap >= n + 1) return;
  const size = Math.max(n + 1, cap * 2, 4096);
  cap = size;
  sharedMask = new Int32Array(size);
  sharedNum = new Int32Array(size);
  sharedDigits = new Uint8Array(size);
  sharedSpecial = new Uint8Array(size);
}

/**
 * Per lexicon: a bit filter over `formHash` of the extra forms (number words, modifiers, other
 * roles), and every form (start or extra) interned in a `FormTable`, so a token is looked up
 * from its units in place, without making a string of it.
 */
interface Lookup { xfilter: Uint8Array; table: FormTable; info: (FormInfo | undefined)[]; extra: (Reading[] | undefined)[] }
const lookups = new WeakMap<DateLexicon, Lookup>();
function lookupOf(lex: DateLexicon): Lookup {
  let l = lookups.get(lex);
  if (!l) {
    const xfilter = new Uint8Array(lex.filter.length);
    const table = new FormTable(lex.forms.size + lex.extra.size);
    const info: (FormInfo | undefined)[] = [];
    const extra: (Reading[] | undefined)[] = [];
    for (const [form, list] of lex.extra) {
      const h = formHash(form);
      xfilter[h >> 3] |= 1 << (h & 7);
      extra[table.internString(form)] = list;
    }
    for (const [form, fi] of lex.forms) info[table.internString(form)] = fi;
    l = { xfilter, table, info, extra };
    lookups.set(lex, l);
  }
  return l;
}

// Readings of a start category (other than ctx and modifier) or of a trigger role set one bit of
// the token's mask: a clear bit answers `cat` / `role` without a lookup.
const B_GMONTH = categoryBit('gmonth');
const B_HMONTH = categoryBit('hmonth');
const B_WEEKDAY = categoryBit('weekday');
const B_ORDINAL = categoryBit('ordinal');
const B_UNIT = categoryBit('unit');
const B_RELATIVE = categoryBit('relative');
const B_TOD = categoryBit('tod');
/** > 0: the category's mask bit; 0: start readings without a bit of their own (ctx); -1: extra readings. */
function catCode(cat: Category): number {
  switch (cat) {
    case 'gmonth': return B_GMONTH;
    case 'hmonth': return B_HMONTH;
    case 'weekday': return B_WEEKDAY;
    case 'ordinal': return B_ORDINAL;
    case 'unit': return B_UNIT;
    case 'relative': return B_RELATIVE;
    case 'tod': return B_TOD;
    case 'ctx': return 0;
    default: return cat === 'modifier' || EXTRA_CATEGORIES.includes(cat) ? -1 : categoryBit(cat);
  }
}
const R_FROM = roleBit('from');
const R_BETWEEN = roleBit('between');
const R_DAYS_WORD = roleBit('days-word');
const R_YEARS_WORD = roleBit('years-word');
const R_DAY_WORD = roleBit('day-word');
const R_YEAR_WORD = roleBit('year-word');
const R_MONTH_WORD = roleBit('month-word');
const R_AGO = roleBit('ago');
const R_AGO_COLLOQUIAL = roleBit('ago-colloquial');
const R_AFTER = roleBit('after');
const R_HOUR_WORD = roleBit('hour-word');
/** The mask bit of a trigger role (one of TRIGGER_ROLES), else 0 (the role's readings are extra). */
function triggerBit(role: string): number {
  switch (role) {
    case 'from': return R_FROM;
    case 'between': return R_BETWEEN;
    case 'days-word': return R_DAYS_WORD;
    case 'years-word': return R_YEARS_WORD;
    case 'day-word': return R_DAY_WORD;
    case 'year-word': return R_YEAR_WORD;
    case 'month-word': return R_MONTH_WORD;
    case 'ago': return R_AGO;
    case 'ago-colloquial': return R_AGO_COLLOQUIAL;
    case 'after': return R_AFTER;
    case 'hour-word': return R_HOUR_WORD;
    default: return 0;
  }
}
if (TRIGGER_ROLES.some((r) => triggerBit(r) === 0)) throw new Error('tokens.ts: a trigger role has no case in triggerBit');

/** `special` codes: tokens with no lexicon reading that can still start a date. */
export const SP_NUMBER = 1;
export const SP_ARTICLE = 2; // الـ as a token of its own (الـ21، الـ24 ساعة)
export const SP_PAREN = 3;

/** The flat input of a TokenView: what `prepareFlat` returns (units, offset map, token triples). */
export type FlatTokens = FlatText;

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
  /** Tokens as (normalized start, normalized end, kind) triples, as `TokenBuffer` stores them. */
  private readonly data: Int32Array;
  /** Normalized units; a token's form is made a string only when asked for (`norm`). */
  private readonly units: Uint16Array;
  private readonly ulen: number;
  /** Original [start, end) of each normalized unit. */
  private readonly ustarts: Int32Array;
  private readonly uends: Int32Array;
  /** Original offsets per token when built from `Token` objects (else null). */
  private readonly tstarts: Int32Array | null;
  private readonly tends: Int32Array | null;
  private readonly norms: (string | undefined)[];
  private readonly xfilter: Uint8Array;
  private readonly table: FormTable;
  private readonly extraById: (Reading[] | undefined)[];
  private readonly infoById: (FormInfo | undefined)[];

  /** From the flat buffers of the text core: no object or string per token. */
  static fromFlat(flat: FlatTokens, lex: DateLexicon): TokenView {
    return new TokenView(flat.tokens.count, flat.tokens.data, flat.units, flat.length, flat.starts, flat.ends, null, null, lex, flat.text);
  }

  /** From `Token` objects (prepareText). */
  static fromTokens(tokens: Token[], lex: DateLexicon, text: string): TokenView {
    const n = tokens.length;
    let total = 0;
    for (let i = 0; i < n; i++) total += tokens[i].norm.length;
    const units = new Uint16Array(total);
    const data = new Int32Array(3 * n);
    const tstarts = new Int32Array(n);
    const tends = new Int32Array(n);
    let p = 0;
    for (let i = 0; i < n; i++) {
      const t = tokens[i];
      const s = t.norm;
      data[3 * i] = p;
      for (let k = 0; k < s.length; k++) units[p++] = s.charCodeAt(k);
      data[3 * i + 1] = p;
      data[3 * i + 2] = KINDS.indexOf(t.kind);
      tstarts[i] = t.start;
      tends[i] = t.end;
    }
    const none = new Int32Array(0);
    return new TokenView(n, data, units, total, none, none, tstarts, tends, lex, text);
  }

  private constructor(
    n: number, data: Int32Array, units: Uint16Array, ulen: number, ustarts: Int32Array, uends: Int32Array,
    tstarts: Int32Array | null, tends: Int32Array | null, lex: DateLexicon, private readonly text: string,
  ) {
    this.n = n;
    ensure(n);
    this.data = data;
    this.units = units;
    this.ulen = ulen;
    this.ustarts = ustarts;
    this.uends = uends;
    this.tstarts = tstarts;
    this.tends = tends;
    const mask = (this.mask = sharedMask);
    const num = (this.num = sharedNum);
    const digits = (this.digits = sharedDigits);
    const special = (this.special = sharedSpecial);
    const norms = (this.norms = sharedNorm);
    for (let k = 0; k < normSet.length; k++) norms[normSet[k]] = undefined;
    normSet.length = 0;
    const look = lookupOf(lex);
    this.xfilter = look.xfilter;
    const table = (this.table = look.table);
    this.extraById = look.extra;
    const infoById = (this.infoById = look.info);
    const filter = lex.filter;
    for (let i = 0, p = 0; i < n; i++, p += 3) {
      // num and digits are only read for SP_NUMBER tokens, so only those are written
      mask[i] = 0;
      special[i] = 0;
      const k = data[p + 2] & KIND_MASK;
      const a = data[p];
      const b = data[p + 1];
      const len = b - a;
      if (k === K_ARABIC) {
        const h = formHashUnits(units, a, b);
        if ((filter[h >> 3] & (1 << (h & 7))) !== 0) {
          const id = table.find(units, a, b);
          const info = id < 0 ? undefined : infoById[id];
          if (info) mask[i] = info.mask;
        }
        if (len === 2 && units[a] === 0x627 && units[a + 1] === 0x644) special[i] = SP_ARTICLE;
      } else if (k === K_NUMBER) {
        special[i] = SP_NUMBER;
        let v = 0;
        let ok = len > 0 && len <= 9;
        for (let q = a; ok && q < b; q++) {
          const c = units[q];
          if (c < 0x30 || c > 0x39) ok = false;
          else v = v * 10 + (c - 0x30);
        }
        if (ok) {
          num[i] = v;
          digits[i] = len;
        } else {
          num[i] = -1;
          digits[i] = 0;
        }
      } else if (len === 1 && units[a] === 0x28) special[i] = SP_PAREN;
    }
    // a sentinel past the end keeps lookahead checks simple
    mask[n] = 0;
    num[n] = -1;
    digits[n] = 0;
    special[n] = 0;
  }

  /** Kind (index into KINDS) of token i, or -1 outside the document. */
  kind(i: number): number { return i >= 0 && i < this.n ? this.data[3 * i + 2] & KIND_MASK : -1; }
  /** Original [start, end) of token i. */
  start(i: number): number {
    if (this.tstarts !== null) return this.tstarts[i];
    const a = this.data[3 * i];
    if (this.data[3 * i + 1] <= a) return a < this.ulen ? this.ustarts[a] : this.text.length;
    return this.ustarts[a];
  }
  end(i: number): number {
    if (this.tends !== null) return this.tends[i];
    const a = this.data[3 * i];
    const b = this.data[3 * i + 1];
    if (b <= a) return a < this.ulen ? this.ustarts[a] : this.text.length;
    return this.uends[b - 1];
  }

  /** Start readings of token i (empty for most tokens). */
  readings(i: number): Reading[] {
    if (i < 0 || i >= this.n || this.mask[i] === 0) return NONE;
    const p = 3 * i;
    const id = this.table.find(this.units, this.data[p], this.data[p + 1]);
    return (id < 0 ? undefined : this.infoById[id])?.readings ?? NONE;
  }

  /** Readings of token i that are only checked next to a start (number words, modifiers, other roles). */
  extraReadings(i: number): Reading[] {
    if (i < 0 || i >= this.n) return NONE;
    const p = 3 * i;
    if ((this.data[p + 2] & KIND_MASK) !== K_ARABIC) return NONE;
    const h = formHashUnits(this.units, this.data[p], this.data[p + 1]);
    if ((this.xfilter[h >> 3] & (1 << (h & 7))) === 0) return NONE;
    const id = this.table.find(this.units, this.data[p], this.data[p + 1]);
    return (id < 0 ? undefined : this.extraById[id]) ?? NONE;
  }

  /** The token has any reading at all (start or extra). */
  known(i: number): boolean {
    return i >= 0 && i < this.n && (this.mask[i] !== 0 || this.extraReadings(i).length > 0);
  }

  norm(i: number): string {
    if (i < 0 || i >= this.n) return '';
    const s = this.norms[i];
    if (s !== undefined) return s;
    const a = this.data[3 * i];
    const b = this.data[3 * i + 1];
    let out: string;
    if (b - a <= 12) {
      const u = this.units;
      out = '';
      for (let k = a; k < b; k++) out += String.fromCharCode(u[k]);
    } else out = unitsToString(this.units.subarray(a, b), b - a);
    this.norms[i] = out;
    normSet.push(i);
    return out;
  }
  isNum(i: number): boolean { return i >= 0 && i < this.n && this.special[i] === SP_NUMBER && this.num[i] >= 0; }
  /** The token is exactly this punctuation/symbol/word (normalized). */
  is(i: number, s: string): boolean {
    if (i < 0 || i >= this.n) return false;
    const a = this.data[3 * i];
    if (this.data[3 * i + 1] - a !== s.length) return false;
    const u = this.units;
    for (let k = 0; k < s.length; k++) if (u[a + k] !== s.charCodeAt(k)) return false;
    return true;
  }
  /** No space between tokens i and i+1. */
  touching(i: number): boolean { return i >= 0 && i + 1 < this.n && this.end(i) === this.start(i + 1); }
  /** Tokens i and i+1 are close and on the same line (the parts of one date never cross a line break). */
  sameLine(i: number): boolean {
    if (i < 0 || i + 1 >= this.n) return false;
    const a = this.end(i);
    const b = this.start(i + 1);
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
    const code = catCode(cat);
    if (code > 0 && (this.mask[i] & code) === 0) return null;
    const list = code < 0 ? this.extraAndStart(i, cat) : this.readings(i);
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
    const bit = triggerBit(role);
    if (bit !== 0 && (this.mask[i] & bit) === 0) return -1;
    for (const r of bit !== 0 ? this.readings(i) : this.extraReadings(i)) {
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
      if (!this.is(i + 1 + k, rest[k])) return -1;
    }
    return i + 1 + rest.length;
  }
}
