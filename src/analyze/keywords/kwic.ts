/**
 * `corpus kwic`: every occurrence of a word or phrase with its context (keyword in context).
 *
 * Matching is clitic-aware: the pattern and every token are reduced to their word keys
 * (terms.ts), so المغرب finds بالمغرب, فالمغرب, للمغرب and والمغرب; with `stem` the stem keys
 * are compared (all forms of a stem), with `exact` the normalized written forms. A phrase
 * matches consecutive words with nothing but white space between them.
 *
 * Rows: doc, start, end (code points of the original text; [...text].slice(start, end) is the
 * matched tokens exactly), left and right (up to `width` code points of context, white space
 * runs shown as one space), match. Rows also carry `left1`/`right1`, the keys of the nearest
 * words, for sorting.
 */
import type { Doc } from '../../io/types.js';
import { FormTable, IntColumn } from '../../text/formTable.js';
import { NormBuffer } from '../../text/normalize.js';
import { CodePointIndex } from '../../text/offsets.js';
import { K_ARABIC, K_HASHTAG, TokenBuffer, isWordKind, tokenizeUnits } from '../../text/tokenize.js';
import { TermAnalyzer, TermSettings } from './terms.js';

export type MatchMode = 'word' | 'stem' | 'exact';

export interface KwicSettings extends TermSettings {
  pattern: string;
  match: MatchMode;
  /** Context width in code points on each side. */
  width: number;
}

export interface KwicRow {
  [k: string]: string | number;
  doc: string;
  start: number;
  end: number;
  left: string;
  match: string;
  right: string;
  /** Key of the first word before / after the match ('' at the edge), for --sort. */
  left1: string;
  right1: string;
}

const NOT_YET = -2;
const OTHER = -1;

export class KwicSearcher {
  readonly terms: TermAnalyzer;
  /** Keys of the pattern words, in order. */
  readonly patternKeys: string[];
  private readonly norm = new NormBuffer();
  private readonly tokens = new TokenBuffer();
  private readonly forms = new FormTable(1 << 14);
  /** Per form: index of the pattern word it matches (its key), OTHER, or NOT_YET. */
  private readonly formMatch = new IntColumn(1 << 14, NOT_YET);
  private readonly formKeys: string[] = [];
  matches = 0;

  constructor(readonly settings: KwicSettings, terms?: TermAnalyzer) {
    // stopwords play no part in matching; the group mode follows the match mode
    this.terms = terms ?? new TermAnalyzer({ ...settings, group: settings.match === 'stem' ? 'stem' : settings.match === 'exact' ? 'surface' : 'word' });
    this.patternKeys = this.keysOfText(settings.pattern);
  }

  /** Keys of the words of a text (the pattern). */
  keysOfText(text: string): string[] {
    const len = this.terms.spelling.normalizeInto(text, this.norm, false);
    tokenizeUnits(this.norm.units, len, this.tokens);
    const keys: string[] = [];
    for (let t = 0; t < this.tokens.count; t++) {
      const kind = this.tokens.kind(t);
      if (!isWordKind(kind) && kind !== K_HASHTAG) continue;
      const form = String.fromCharCode(...this.norm.units.subarray(this.tokens.start(t), this.tokens.end(t)));
      keys.push(this.keyOf(form, kind));
    }
    return keys;
  }

  private keyOf(form: string, kind: number): string {
    return this.terms.info(form, kind === K_ARABIC).key;
  }

  private formId(u: Uint16Array, s: number, e: number, kind: number): number {
    let f = this.forms.find(u, s, e);
    if (f < 0) {
      f = this.forms.intern(u, s, e);
      this.formMatch.ensure(f);
      this.formMatch.data[f] = NOT_YET;
    }
    if (this.formMatch.data[f] === NOT_YET) {
      const key = this.keyOf(this.forms.forms[f], kind);
      this.formKeys[f] = key;
      const i = this.patternKeys.indexOf(key);
      this.formMatch.data[f] = i >= 0 ? i : OTHER;
    }
    return f;
  }

  /** The KWIC rows of one document, in text order. */
  add(doc: Pick<Doc, 'id' | 'text'>): KwicRow[] {
    const rows: KwicRow[] = [];
    const m = this.patternKeys.length;
    if (m === 0) return rows;
    const text = doc.text;
    const len = this.terms.spelling.normalizeInto(text, this.norm, true);
    const u = this.norm.units;
    const tb = this.tokens;
    tokenizeUnits(u, len, tb);
    const n = tb.count;
    // form id of each word token, -1 for other tokens
    const ids = new Int32Array(n);
    for (let t = 0; t < n; t++) {
      const kind = tb.kind(t);
      ids[t] = isWordKind(kind) || kind === K_HASHTAG ? this.formId(u, tb.start(t), tb.end(t), kind) : -1;
    }
    const starts = this.norm.starts;
    const ends = this.norm.ends;
    let cp: CodePointIndex | null = null;
    for (let t = 0; t + m <= n; t++) {
      if (ids[t] < 0 || this.formMatch.data[ids[t]] !== 0) continue;
      let ok = true;
      for (let j = 1; j < m && ok; j++) {
        const f = ids[t + j];
        // consecutive words only: no token and nothing but white space between them
        ok = f >= 0 && this.formMatch.data[f] === j && onlySpace(text, ends[tb.end(t + j - 1) - 1], starts[tb.start(t + j)]);
      }
      if (!ok) continue;
      const a = starts[tb.start(t)];
      const b = ends[tb.end(t + m - 1) - 1];
      cp ??= new CodePointIndex(text);
      rows.push({
        doc: doc.id,
        start: cp.toCodePoint(a),
        end: cp.toCodePoint(b),
        left: leftContext(text, a, this.settings.width),
        match: text.slice(a, b),
        right: rightContext(text, b, this.settings.width),
        left1: this.nearestKey(ids, t - 1, -1),
        right1: this.nearestKey(ids, t + m, 1),
      });
      this.matches++;
      t += m - 1;
    }
    return rows;
  }

  private nearestKey(ids: Int32Array, from: number, step: number): string {
    for (let t = from; t >= 0 && t < ids.length; t += step) if (ids[t] >= 0) return this.formKeys[ids[t]];
    return '';
  }
}

function onlySpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // spaces, tabs, line breaks, no-break space, bidi and zero-width controls
    if (!(c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || (c >= 0x200b && c <= 0x200f) || c === 0x061c || c === 0x0640)) return false;
  }
  return true;
}

const WS = /\s+/g;

/** Up to `width` code points before `at`, white space runs as one space. */
export function leftContext(text: string, at: number, width: number): string {
  if (width <= 0) return '';
  const raw = text.slice(Math.max(0, at - width * 3 - 2), at).replace(WS, ' ');
  const cps = Array.from(raw);
  return cps.slice(Math.max(0, cps.length - width)).join('');
}

/** Up to `width` code points after `at`, white space runs as one space. */
export function rightContext(text: string, at: number, width: number): string {
  if (width <= 0) return '';
  const raw = text.slice(at, at + width * 3 + 2).replace(WS, ' ');
  return Array.from(raw).slice(0, width).join('');
}

/** Sorts rows by the word to the right (right1) or left (left1) of the match; stable otherwise. */
export function sortKwic(rows: KwicRow[], by: 'right1' | 'left1' | 'none'): KwicRow[] {
  if (by === 'none') return rows;
  return rows
    .map((r, i) => [r, i] as const)
    .sort(([x, i], [y, j]) => (x[by] < y[by] ? -1 : x[by] > y[by] ? 1 : i - j))
    .map(([r]) => r);
}
