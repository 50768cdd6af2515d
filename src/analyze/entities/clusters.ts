/**
 * Word clusters learned from unlabeled news (scripts/ner/clusters.mjs): each frequent word form
 * has a leaf cluster and, through parent tables, coarser clusters, plus its corpus frequency
 * (which the clitic stripper uses to tell وفرنسا from وليد).
 *
 * File format (gzip text):
 *   # comments (what, source, licence)
 *   @leaves N
 *   @level K p0 p1 ... p(N-1)      one line per coarser level: parent (0..K-1) of each leaf
 *   word<TAB>frequency<TAB>leaf
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export class WordClusters {
  private readonly index = new Map<string, number>();
  readonly leaves: number;
  /** Number of clusters at each level: [leaves, coarser...]. */
  readonly levelSizes: number[];
  private readonly leaf: Int32Array;
  private readonly freqs: Uint32Array;
  private readonly parents: Int32Array[];

  constructor(words: string[], freqs: Uint32Array, leaf: Int32Array, leaves: number, parents: { size: number; map: Int32Array }[]) {
    words.forEach((w, i) => this.index.set(w, i));
    this.freqs = freqs;
    this.leaf = leaf;
    this.leaves = leaves;
    this.parents = parents.map((p) => p.map);
    this.levelSizes = [leaves, ...parents.map((p) => p.size)];
  }

  get size(): number { return this.index.size; }

  /** Word id, or -1 when the word is not in the vocabulary. */
  id(word: string): number {
    const i = this.index.get(word);
    return i === undefined ? -1 : i;
  }

  freqOfId(id: number): number { return id < 0 ? 0 : this.freqs[id]; }
  freq = (word: string): number => this.freqOfId(this.id(word));

  /** Cluster of a word id at a level (0 = leaves), or -1. */
  clusterOfId(id: number, level: number): number {
    if (id < 0) return -1;
    const l = this.leaf[id];
    return level === 0 ? l : this.parents[level - 1][l];
  }

  static parse(text: string, file = 'clusters'): WordClusters {
    const words: string[] = [];
    const freqs: number[] = [];
    const leafs: number[] = [];
    let leaves = -1;
    const parents: { size: number; map: Int32Array }[] = [];
    const lines = text.split('\n');
    for (let n = 0; n < lines.length; n++) {
      const line = lines[n];
      if (line === '' || line.startsWith('#')) continue;
      if (line.startsWith('@leaves ')) { leaves = Number(line.slice(8)); continue; }
      if (line.startsWith('@level ')) {
        const parts = line.slice(7).split(' ').map(Number);
        const size = parts[0];
        const map = Int32Array.from(parts.slice(1));
        if (map.length !== leaves || map.some((p) => !(p >= 0 && p < size)))
          throw new Error(`${file}:${n + 1}: bad @level line (need ${leaves} parents below ${size})`);
        parents.push({ size, map });
        continue;
      }
      const t1 = line.indexOf('\t');
      const t2 = line.indexOf('\t', t1 + 1);
      if (t1 <= 0 || t2 < 0) throw new Error(`${file}:${n + 1}: expected word<TAB>frequency<TAB>cluster`);
      const f = Number(line.slice(t1 + 1, t2));
      const c = Number(line.slice(t2 + 1));
      if (!(c >= 0 && c < leaves) || !(f >= 0)) throw new Error(`${file}:${n + 1}: bad frequency or cluster`);
      words.push(line.slice(0, t1));
      freqs.push(f);
      leafs.push(c);
    }
    if (leaves <= 0) throw new Error(`${file}: missing @leaves line`);
    return new WordClusters(words, Uint32Array.from(freqs), Int32Array.from(leafs), leaves, parents);
  }

  static load(path: string): WordClusters {
    const buf = readFileSync(path);
    const text = (path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
    return WordClusters.parse(text, path);
  }
}
