/**
 * Document-level features of the second tagger pass: how the first pass tagged the same word
 * elsewhere in the document. A name written in full once (برند جوتشولك, PER with confidence) is
 * often a bare, ambiguous word further on (جوتشولك after وقال); the first pass sees one sentence
 * at a time, the second pass sees what the first pass made of the other occurrences.
 *
 * "Elsewhere" is the sentences within `window` of the token's own in the same document (and the
 * other tokens of its own sentence): ANERcorp has no article boundaries, so training uses a
 * window over consecutive sentences, and running uses the same window over the document, so that
 * both see the same kind of neighbourhood. Words are keyed by their clitic-stripped base
 * (وجوتشولك and جوتشولك meet). The first-pass marginals must come from a model that did not see
 * the sentence (jackknifed in training), or the second pass learns to trust overfit tags.
 */
import type { Token } from '../../text/tokenize.js';
import { splitProclitics } from './clitics.js';
import { feat1, feat2, hashRange } from './hash.js';
import { NUM_TAGS } from './tags.js';

const T = NUM_TAGS;

/** Extra feature slots per token of the second pass (after the first pass' FEATURES_PER_TOKEN). */
export const DOC_SLOTS = 6;

/** Default window (sentences before and after); 5-fold CV: 8 and 16 alike, 4 lower (ENTITIES.md). */
export const DOC_WINDOW = 8;

/** Per-token keys: a hash of the clitic-stripped base (odd, never 0), 0 for tokens that are not words. */
export function docKeys(tokens: Token[], start: number, end: number, freq: ((w: string) => number) | null, out: Int32Array, at = 0): void {
  for (let i = start; i < end; i++) {
    const t = tokens[i];
    let key = 0;
    if (t.kind === 'arabic' || t.kind === 'latin') {
      const b = t.kind === 'arabic' ? splitProclitics(t.norm, freq).base : t.norm;
      if (b.length >= 2) key = hashRange(b) | 1;
    }
    out[at + i - start] = key;
  }
}

/** Sums of the first-pass marginals (T values, then the count) of each key over one sentence. */
export type SentenceAggregate = Map<number, Float64Array>;

export function aggregateSentence(keys: Int32Array, marg: Float64Array, start: number, end: number): SentenceAggregate {
  const m: SentenceAggregate = new Map();
  for (let i = start; i < end; i++) {
    const key = keys[i];
    if (key === 0) continue;
    let a = m.get(key);
    if (a === undefined) { a = new Float64Array(T + 1); m.set(key, a); }
    for (let c = 0; c < T; c++) a[c] += marg[i * T + c];
    a[T] += 1;
  }
  return m;
}

const MASS = [0.05, 0.2, 0.4, 0.6, 0.8, 0.95];
const COUNT = [1.5, 2.5, 4.5, 8.5];
const bin = (x: number, cuts: number[]): number => { let k = 0; while (k < cuts.length && x >= cuts[k]) k++; return k; };

/**
 * Writes the DOC_SLOTS rows (or -1) of every token of sentence `si` into `out` at
 * `(i - start) * stride + offset`. `keys`, `tags` and `marg` are indexed by the token's position
 * in the document (marg: T values per token); `aggs` holds one aggregate per sentence, and
 * `bounds[s]` = [first token, end token) of sentence s.
 */
export function docRows(si: number, bounds: ArrayLike<number>[], aggs: SentenceAggregate[], keys: Int32Array, tags: Int8Array, marg: Float64Array,
  window: number, mask: number, out: Int32Array, stride: number, offset: number): void {
  const [start, end] = [bounds[si][0], bounds[si][1]];
  const agg = new Float64Array(T + 1);
  const lo = Math.max(0, si - window);
  const hi = Math.min(aggs.length - 1, si + window);
  for (let i = start; i < end; i++) {
    let o = (i - start) * stride + offset;
    const key = keys[i];
    agg.fill(0);
    if (key !== 0) {
      for (let s = lo; s <= hi; s++) {
        const a = aggs[s].get(key);
        if (a !== undefined) for (let c = 0; c <= T; c++) agg[c] += a[c];
      }
      // the token itself is not "elsewhere"
      for (let c = 0; c < T; c++) agg[c] -= marg[i * T + c];
      agg[T] -= 1;
    }
    const cnt = agg[T];
    if (key === 0 || cnt < 0.5) {
      out[o++] = feat1(200, 0) & mask;
      for (let k = 1; k < DOC_SLOTS; k++) out[o++] = -1;
      continue;
    }
    // type mass of the other occurrences: O, PER, LOC, ORG, MISC
    const ty = [agg[0], agg[1] + agg[2], agg[3] + agg[4], agg[5] + agg[6], agg[7] + agg[8]];
    let bt = 0;
    for (let k = 1; k < 5; k++) if (ty[k] > ty[bt]) bt = k;
    let be = 1;
    for (let k = 2; k < 5; k++) if (ty[k] > ty[be]) be = k;
    let b9 = 0;
    for (let c = 1; c < T; c++) if (agg[c] > agg[b9]) b9 = c;
    const cb = bin(cnt, COUNT);
    const eShare = bin(ty[be] / cnt, MASS);
    out[o++] = feat1(200, 1 + cb) & mask;
    out[o++] = feat2(201, bt, bin(ty[bt] / cnt, MASS)) & mask;
    out[o++] = feat2(202, be, eShare) & mask;
    out[o++] = feat2(203, be * 16 + eShare, tags[i]) & mask;
    out[o++] = feat2(204, b9, bin(agg[b9] / cnt, MASS)) & mask;
    out[o++] = feat2(205, be * 16 + eShare, cb) & mask;
  }
}
