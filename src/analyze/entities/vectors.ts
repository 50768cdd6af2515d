/**
 * Dense word vectors (PPMI-SVD, scripts/ner/clusters.mjs) used as real-valued tagger inputs. Rows
 * are aligned with the word ids of the clusters file, so a token's vector costs no extra lookup.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { WordClusters } from './clusters.js';

const MAGIC = 0x43455643; // "CVEC" little-endian

export class WordVectors {
  readonly dims: number;
  /** size * dims values; row i belongs to word id i of the clusters. */
  readonly data: Float32Array;
  readonly size: number;

  constructor(dims: number, data: Float32Array) {
    this.dims = dims;
    this.data = data;
    this.size = data.length / dims;
  }

  /**
   * File (gzip): "CVEC", u32 words, u32 dims, f32 divisor, then words * dims int8 values, row i
   * being word id i of the clusters file (only the most frequent words: rarer ones have none).
   */
  static serialize(v: WordVectors, words: number, divisor: number): Buffer {
    const n = Math.min(words, v.size);
    const b = Buffer.alloc(16 + n * v.dims);
    b.writeUInt32LE(MAGIC, 0);
    b.writeUInt32LE(n, 4);
    b.writeUInt32LE(v.dims, 8);
    b.writeFloatLE(divisor, 12);
    for (let i = 0; i < n * v.dims; i++) b.writeInt8(Math.max(-127, Math.min(127, Math.round(v.data[i] * divisor))), 16 + i);
    return gzipSync(b, { level: 9 });
  }

  static deserialize(gz: Buffer, file = 'vectors'): WordVectors {
    const b = gunzipSync(gz);
    if (b.length < 16 || b.readUInt32LE(0) !== MAGIC) throw new Error(`${file}: not a word-vector file (bad magic)`);
    const n = b.readUInt32LE(4);
    const dims = b.readUInt32LE(8);
    const div = b.readFloatLE(12);
    if (b.length !== 16 + n * dims) throw new Error(`${file}: expected ${n} x ${dims} values`);
    const data = new Float32Array(n * dims);
    for (let i = 0; i < data.length; i++) data[i] = b.readInt8(16 + i) / div;
    return new WordVectors(dims, data);
  }

  static load(path: string): WordVectors {
    return WordVectors.deserialize(readFileSync(path), path);
  }

  /** The first `words` rows and `dims` dimensions. */
  truncate(words: number, dims: number): WordVectors {
    const n = Math.min(words, this.size);
    const d = Math.min(dims, this.dims);
    const data = new Float32Array(n * d);
    for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) data[i * d + k] = this.data[i * this.dims + k];
    return new WordVectors(d, data);
  }

  /**
   * Reads "word<TAB>v1 v2 ..." lines (integers, divided by `divisor`), keeping the first `dims`
   * values of the words the clusters know; other cluster words get zero vectors.
   */
  static fromText(text: string, clusters: WordClusters, dims: number, divisor: number): WordVectors {
    const data = new Float32Array(clusters.size * dims);
    for (const line of text.split('\n')) {
      const t = line.indexOf('\t');
      if (t <= 0) continue;
      const id = clusters.id(line.slice(0, t));
      if (id < 0) continue;
      const v = line.slice(t + 1).split(' ');
      for (let d = 0; d < dims && d < v.length; d++) data[id * dims + d] = Number(v[d]) / divisor;
    }
    return new WordVectors(dims, data);
  }
}

/**
 * Adds the scores of the real-valued vector inputs to `scores` (n * T): for each token and each
 * offset of VECTOR_OFFSETS, the neighbour's vector times that offset's dims x T block of `dense`.
 */
export function addVectorScores(dense: Float32Array, vectors: WordVectors, offsets: number[], vids: Int32Array, n: number, T: number, scores: Float64Array): void {
  const D = vectors.dims;
  const x = vectors.data;
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < offsets.length; a++) {
      const j = i + offsets[a];
      if (j < 0 || j >= n || vids[j] < 0) continue;
      const xo = vids[j] * D;
      const wo = a * D * T;
      for (let d = 0; d < D; d++) {
        const v = x[xo + d];
        if (v === 0) continue;
        const b = wo + d * T;
        for (let c = 0; c < T; c++) scores[i * T + c] += v * dense[b + c];
      }
    }
  }
}

/**
 * Per-word score tables (offsets * size * T): the product of every word's vector with each
 * offset's weights, computed once when a model is loaded so that tagging adds one row per offset.
 */
export function projectVectors(dense: Float32Array, vectors: WordVectors, offsets: number[], T: number): Float32Array {
  const D = vectors.dims;
  const V = vectors.size;
  const out = new Float32Array(offsets.length * V * T);
  for (let a = 0; a < offsets.length; a++) {
    for (let id = 0; id < V; id++) {
      const o = (a * V + id) * T;
      for (let d = 0; d < D; d++) {
        const v = vectors.data[id * D + d];
        if (v === 0) continue;
        const b = (a * D + d) * T;
        for (let c = 0; c < T; c++) out[o + c] += v * dense[b + c];
      }
    }
  }
  return out;
}
