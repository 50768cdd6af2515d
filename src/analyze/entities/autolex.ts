/**
 * Auto-lexicon: for each word (its clitic-stripped base), how often a first tagger labelled it as
 * part of a PER, LOC, ORG or MISC name across a large unlabeled news corpus. Names recur across
 * articles, so the votes of many contexts type a word the training data never showed (a minister
 * named in a thousand articles is a person even where one sentence says little). The second,
 * shipped tagger reads the bands of these shares as features.
 *
 * A word's code packs, for each of the four types, a 3-bit band of the share of its occurrences
 * tagged with that type, and a 2-bit band of how many occurrences were seen.
 */
import { ENTITY_TYPES } from './tags.js';

const NT = ENTITY_TYPES.length;

/** Share bands: 0 = never, then (0,5%), [5,20%), [20,40%), [40,60%), [60,80%), [80,100%]. */
export function shareBand(share: number): number {
  if (share <= 0) return 0;
  if (share < 0.05) return 1;
  if (share < 0.2) return 2;
  if (share < 0.4) return 3;
  if (share < 0.6) return 4;
  if (share < 0.8) return 5;
  return 6;
}

function countBand(n: number): number {
  return n < 5 ? 0 : n < 30 ? 1 : n < 300 ? 2 : 3;
}

/** Packs per-type counts (O count first, then the four types) into a code (0 = no evidence). */
export function packCounts(counts: ArrayLike<number>): number {
  let total = 0;
  for (let k = 0; k <= NT; k++) total += counts[k];
  if (total === 0) return 0;
  let code = countBand(total);
  let any = false;
  for (let k = 0; k < NT; k++) {
    const b = shareBand(counts[k + 1] / total);
    if (b > 0) any = true;
    code |= b << (2 + 3 * k);
  }
  return any ? code : 0;
}

/** Band (0-6) of type k in a code. */
export const bandOf = (code: number, k: number): number => (code >>> (2 + 3 * k)) & 7;

/** The type with the highest band (ties: first), or -1; with its band in the upper bits. */
export function dominant(code: number): number {
  let best = -1;
  let bb = 0;
  for (let k = 0; k < NT; k++) { const b = bandOf(code, k); if (b > bb) { bb = b; best = k; } }
  return best < 0 ? 0 : 1 + best + 8 * bb;
}

export class AutoLexicon {
  readonly codes: Map<string, number>;
  constructor(codes: Map<string, number>) { this.codes = codes; }
  code(word: string): number { return this.codes.get(word) ?? 0; }

  /** Serialized as "word<TAB>code" lines. */
  toText(): string {
    const keys = [...this.codes.keys()].sort();
    return keys.map((k) => `${k}\t${this.codes.get(k)}`).join('\n');
  }

  static fromText(text: string): AutoLexicon {
    const m = new Map<string, number>();
    for (const line of text.split('\n')) {
      if (line === '') continue;
      const t = line.indexOf('\t');
      m.set(line.slice(0, t), Number(line.slice(t + 1)));
    }
    return new AutoLexicon(m);
  }
}

/** Accumulates per-word tag votes (O + four types) while tagging an unlabeled corpus. */
export class AutoLexiconBuilder {
  private readonly counts = new Map<string, Int32Array>();

  add(word: string, type: number): void {
    let c = this.counts.get(word);
    if (c === undefined) { c = new Int32Array(NT + 1); this.counts.set(word, c); }
    c[type + 1]++;
  }

  /** Words seen at least `minCount` times with some entity votes. */
  build(minCount = 3): AutoLexicon {
    const m = new Map<string, number>();
    for (const [w, c] of this.counts) {
      let total = 0;
      for (let k = 0; k <= NT; k++) total += c[k];
      if (total < minCount) continue;
      const code = packCounts(c);
      if (code !== 0) m.set(w, code);
    }
    return new AutoLexicon(m);
  }
}
