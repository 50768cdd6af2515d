/**
 * Gazetteer: a trie over normalized token sequences built from lexicon entries, matched greedily
 * (longest first, left to right) over the tokens of a sentence. The first token of a match may
 * carry proclitics (وبالمغرب matches المغرب); the match records how many normalized characters
 * were cut so the reported span leaves them out. Several entries may share a form (برشلونة the
 * city and the club): a match carries all of them.
 */
import { Normalizer, normalizerFor } from '../../text/normalize.js';
import { prepareText } from '../../text/prepare.js';
import type { Token } from '../../text/tokenize.js';
import { FrequencyOf, splitProclitics } from './clitics.js';
import { LEXICON_LABELS, LexiconEntry, LexiconLabel } from './lexicon.js';
import { nameKey } from './merge.js';

interface TrieNode {
  next: Map<string, TrieNode> | null;
  /** Entries one of whose forms ends here. */
  entries: number[] | null;
  /** Whether every form ending here is weak (also a common word). */
  weak: boolean;
}

export interface GazetteerHit {
  /** Token range [start, end) in the token array. */
  start: number;
  end: number;
  /** Matching entries (first = the one listed first). */
  entries: LexiconEntry[];
  /** Bit (1 << label index) for each label among the entries. */
  labels: number;
  weak: boolean;
  /** Normalized characters of proclitics cut from the first token. */
  cut: number;
  /** The first token's normalized form without those proclitics (as matched). */
  base: string;
}

export const labelIndex = (l: LexiconLabel): number => LEXICON_LABELS.indexOf(l);

/** Normalized token forms of a written name, as the tokenizer would see them in text. */
export function nameTokens(s: string, normalizer: Normalizer): string[] {
  return prepareText(s, normalizer).tokens.map((t) => t.norm);
}

/** ال + at least two letters: the article is dropped when matching triggers. */
function foldArticle(w: string): string {
  return w.length > 3 && w.charCodeAt(0) === 0x0627 && w.charCodeAt(1) === 0x0644 ? w.slice(2) : w;
}

export interface GazetteerOptions {
  /** Match words with or without the article (trigger nouns: الوزير = وزير). */
  articleInsensitive?: boolean;
}

export class Gazetteer {
  readonly entries: LexiconEntry[];
  private readonly root: TrieNode = { next: null, entries: null, weak: true };
  /** Normalized full form (tokens joined by one space) -> entry index. */
  private readonly byForm = new Map<string, number>();
  private readonly fold: boolean;
  /** Name key (merge.ts nameKey: article and spaces folded) -> entry index. */
  private readonly byName = new Map<string, number>();

  constructor(entries: LexiconEntry[], normalizer: Normalizer = normalizerFor('standard'), options: GazetteerOptions = {}) {
    this.entries = entries;
    this.fold = options.articleInsensitive === true;
    entries.forEach((e, idx) => {
      e.forms.forEach((form, f) => {
        const toks = nameTokens(form, normalizer);
        if (toks.length === 0) return;
        const key = toks.join(' ');
        if (!this.byForm.has(key)) this.byForm.set(key, idx);
        const nk = nameKey(toks.join(' '));
        if (!this.byName.has(nk)) this.byName.set(nk, idx);
        let node = this.root;
        for (const raw of toks) {
          const t = this.fold ? foldArticle(raw) : raw;
          if (node.next === null) node.next = new Map();
          let child = node.next.get(t);
          if (child === undefined) { child = { next: null, entries: null, weak: true }; node.next.set(t, child); }
          node = child;
        }
        if (node.entries === null) node.entries = [];
        if (!node.entries.includes(idx)) node.entries.push(idx);
        if (!e.weak[f]) node.weak = false;
      });
    });
  }

  get size(): number { return this.byForm.size; }

  /** The entry one of whose forms normalizes to `normalizedKey` (tokens joined by one space). */
  lookup(normalizedKey: string): LexiconEntry | undefined {
    const i = this.byForm.get(normalizedKey);
    return i === undefined ? undefined : this.entries[i];
  }

  /** The entry of a written name, compared by name key (FBI, الإنتربول = الانتربول = إنتربول). */
  lookupName(normalized: string): LexiconEntry | undefined {
    const i = this.byName.get(nameKey(normalized));
    return i === undefined ? undefined : this.entries[i];
  }

  /**
   * Longest match starting at token i: the first token is tried whole, then without the proclitics
   * the stripper finds, then without any و/ف + ب/ك/ل prefix whose remainder starts a lexicon name
   * (the lexicon itself vouches for the split: وفرنسا, بوزارة).
   */
  matchAt(tokens: Token[], i: number, end: number, freq: FrequencyOf | null): GazetteerHit | null {
    const first = tokens[i].norm;
    let best = this.walk(tokens, i, end, first, 0);
    if (tokens[i].kind !== 'arabic') return best;
    // a two-letter remainder (تل of وتل أبيب) is believed only as the first word of a longer name
    const consider = (key: string, cut: number) => {
      const alt = this.walk(tokens, i, end, key, cut);
      if (alt !== null && key.length < 3 && alt.end - alt.start < 2) return;
      if (alt !== null && (best === null || alt.end > best.end)) best = alt;
    };
    const split = splitProclitics(first, freq);
    if (split.cut > 0) consider(split.base, split.cut);
    const c0 = first.charCodeAt(0);
    const c1 = first.charCodeAt(1);
    const conj = c0 === 0x0648 || c0 === 0x0641;
    const prep = (c: number) => c === 0x0628 || c === 0x0643 || c === 0x0644;
    if (first.length - 1 >= 2 && (conj || prep(c0)) && split.cut !== 1) consider(first.slice(1), 1);
    if (first.length - 2 >= 2 && conj && prep(c1) && split.cut !== 2) consider(first.slice(2), 2);
    return best;
  }

  private walk(tokens: Token[], i: number, end: number, firstKey: string, cut: number): GazetteerHit | null {
    const key = (w: string) => (this.fold ? foldArticle(w) : w);
    let node = this.root.next?.get(key(firstKey));
    let best: TrieNode | null = null;
    let bestEnd = i;
    let j = i + 1;
    while (node !== undefined) {
      if (node.entries !== null) { best = node; bestEnd = j; }
      if (j >= end || node.next === null) break;
      node = node.next.get(key(tokens[j].norm));
      j++;
    }
    if (best === null || best.entries === null) return null;
    const entries = best.entries.map((k) => this.entries[k]);
    let labels = 0;
    for (const e of entries) labels |= 1 << labelIndex(e.label);
    return { start: i, end: bestEnd, entries, labels, weak: best.weak, cut, base: firstKey };
  }

  /** Non-overlapping matches over tokens [start, end), greedy longest-first from the left. */
  matchAll(tokens: Token[], start: number, end: number, freq: FrequencyOf | null): GazetteerHit[] {
    const out: GazetteerHit[] = [];
    for (let i = start; i < end; ) {
      const hit = this.matchAt(tokens, i, end, freq);
      if (hit === null) { i++; continue; }
      out.push(hit);
      i = hit.end;
    }
    return out;
  }
}
