/**
 * The shipped entity tagger: hashed emission weights (stored sparse, loaded into a compact
 * table), transitions, a temperature for confidence scores, and the resources (lexicons,
 * clusters) the features read.
 *
 * File format (gzip): "CNER" magic, u32 version, u32 header length, header JSON, then
 *   trans: (T+1)*T float32; rows: u32 count, then per row a varint delta of the row number, a u16
 *   mask of non-zero tags and one int16 per set bit (weight = value * header.scale).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Token } from '../../text/tokenize.js';
import { FEATURES_PER_TOKEN, FeatureExtractor, FeatureResources, VECTOR_OFFSETS } from './features.js';
import { Decoder, TaggerWeights, constrainedTransitions } from './perceptron.js';
import { NUM_TAGS } from './tags.js';
import { WordVectors, projectVectors } from './vectors.js';

const T = NUM_TAGS;
const MAGIC = 0x52454e43; // "CNER" little-endian
const VERSION = 3;

export interface ModelHeader {
  bits: number;
  featuresPerToken: number;
  /** Multiplier of the int16 weights. */
  scale: number;
  /** Softmax temperature of path scores for confidence scores (fitted on held-out data). */
  temperature: number;
  /**
   * Word ids (of the clusters file) with a row of vector-input scores per offset, 0 = none. The
   * rows are the training-time word vectors times their weights, so the vectors themselves need
   * not ship.
   */
  vectorWords?: number;
  /** Free-form training record: data, epochs, seed, dev scores. */
  training: Record<string, unknown>;
  /**
   * Lexicon forms (backoff.ts formKey) that the training data mostly leaves untagged: not added
   * where the tagger found nothing. Learned from the training sentences (scripts/ner/audit.mjs).
   */
  backoffSkip?: string[];
}

export class NerModel {
  readonly header: ModelHeader;
  readonly resources: FeatureResources;
  readonly extractor: FeatureExtractor;
  /** header.backoffSkip as a set. */
  readonly backoffSkip: ReadonlySet<string>;
  /** Row number -> compact row, or -1. */
  private readonly rowIndex: Int32Array;
  private readonly weights: Float32Array;
  private readonly trans: Float64Array;
  private readonly decoder = new Decoder();
  /** Per-word score rows of the vector inputs, one table per offset (empty without vectors). */
  private readonly vecScores: Float32Array;
  private readonly vecWords: number;
  private vids = new Int32Array(0);
  private rows = new Int32Array(0);
  private scores = new Float64Array(0);

  constructor(header: ModelHeader, weights: TaggerWeights, resources: FeatureResources, vectorTable?: Float32Array) {
    this.header = header;
    this.resources = resources;
    this.backoffSkip = new Set(header.backoffSkip ?? []);
    const words = header.vectorWords ?? 0;
    this.extractor = new FeatureExtractor(resources, header.bits, words);
    const R = 1 << header.bits;
    this.rowIndex = new Int32Array(R).fill(-1);
    let used = 0;
    for (let r = 0; r < R; r++) {
      for (let t = 0; t < T; t++) if (weights.emit[r * T + t] !== 0) { this.rowIndex[r] = used++; break; }
    }
    this.weights = new Float32Array(used * T);
    for (let r = 0; r < R; r++) {
      const c = this.rowIndex[r];
      if (c >= 0) for (let t = 0; t < T; t++) this.weights[c * T + t] = weights.emit[r * T + t];
    }
    this.trans = constrainedTransitions(weights.trans);
    if (words > 0 && (vectorTable === undefined || vectorTable.length !== VECTOR_OFFSETS.length * words * T))
      throw new Error(`entity model: the table of vector-input scores does not cover ${words} words`);
    this.vecScores = words > 0 ? vectorTable! : new Float32Array(0);
    this.vecWords = words;
  }

  /** Emission scores of tokens [start, end) into an internal buffer (n * T), returned. */
  emissions(tokens: Token[], start: number, end: number): Float64Array {
    const n = end - start;
    const F = FEATURES_PER_TOKEN;
    if (this.rows.length < n * F) this.rows = new Int32Array(n * F * 2);
    if (this.scores.length < n * T) this.scores = new Float64Array(n * T * 2);
    if (this.vids.length < n) this.vids = new Int32Array(n * 2);
    const rows = this.rows;
    const withVectors = this.vecWords > 0;
    this.extractor.extract(tokens, start, end, rows, withVectors ? this.vids : undefined);
    const idx = this.rowIndex;
    const w = this.weights;
    const sc = this.scores;
    for (let i = 0; i < n; i++) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
      const o = i * F;
      for (let f = 0; f < F; f++) {
        const r = rows[o + f];
        if (r < 0) continue;
        const c = idx[r];
        if (c < 0) continue;
        const b = c * 9;
        s0 += w[b]; s1 += w[b + 1]; s2 += w[b + 2]; s3 += w[b + 3]; s4 += w[b + 4];
        s5 += w[b + 5]; s6 += w[b + 6]; s7 += w[b + 7]; s8 += w[b + 8];
      }
      if (withVectors) {
        const vs = this.vecScores;
        const V = this.vecWords;
        for (let a = 0; a < VECTOR_OFFSETS.length; a++) {
          const j = i + VECTOR_OFFSETS[a];
          if (j < 0 || j >= n) continue;
          const id = this.vids[j];
          if (id < 0) continue;
          const b = (a * V + id) * 9;
          s0 += vs[b]; s1 += vs[b + 1]; s2 += vs[b + 2]; s3 += vs[b + 3]; s4 += vs[b + 4];
          s5 += vs[b + 5]; s6 += vs[b + 6]; s7 += vs[b + 7]; s8 += vs[b + 8];
        }
      }
      const q = i * T;
      sc[q] = s0; sc[q + 1] = s1; sc[q + 2] = s2; sc[q + 3] = s3; sc[q + 4] = s4;
      sc[q + 5] = s5; sc[q + 6] = s6; sc[q + 7] = s7; sc[q + 8] = s8;
    }
    return sc;
  }

  /** Best BIO2 tags of tokens [start, end) into `out` (length >= end - start). */
  tag(tokens: Token[], start: number, end: number, out: Int8Array): void {
    const n = end - start;
    if (n === 0) return;
    const sc = this.emissions(tokens, start, end);
    this.decoder.viterbi(sc, n, this.trans, out);
  }

  /**
   * Tags and per-(token, tag) posterior probabilities (n * T) for confidence scores. Costs about
   * as much again as `tag`.
   */
  tagWithMarginals(tokens: Token[], start: number, end: number, out: Int8Array, marg: Float64Array): void {
    const n = end - start;
    if (n === 0) return;
    const sc = this.emissions(tokens, start, end);
    this.decoder.viterbi(sc, n, this.trans, out);
    this.decoder.marginals(sc, n, this.trans, this.header.temperature, marg);
  }

  // ---- serialization ----------------------------------------------------------------------

  /**
   * With `vectors` (the training-time word vectors) and vector weights, the per-word score rows
   * are computed and stored as int8. `prune` drops emission weights below it in absolute value
   * (a CRF gives every feature seen in training a small non-zero weight).
   */
  static serialize(header: Omit<ModelHeader, 'scale'>, weights: TaggerWeights, opt: { vectors?: WordVectors | null; vectorTable?: Float32Array; prune?: number } = {}): Buffer {
    let maxAbs = 0;
    for (const v of weights.emit) if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
    const scale = maxAbs === 0 ? 1 : maxAbs / 32767;
    const prune = opt.prune ?? 0;
    const vectors = weights.dense.length > 0 ? opt.vectors ?? null : null;
    if (weights.dense.length > 0 && vectors === null) throw new Error('serialize: the weights read word vectors; pass them');
    // a table already projected (a loaded model being rewritten) is kept as it is
    const table = vectors !== null ? projectVectors(weights.dense, vectors, VECTOR_OFFSETS, T) : opt.vectorTable ?? new Float32Array(0);
    const full: ModelHeader = { ...header, scale, vectorWords: table.length / (VECTOR_OFFSETS.length * T) };
    const parts: Buffer[] = [];
    const head = Buffer.from(JSON.stringify(full), 'utf8');
    const pre = Buffer.alloc(12);
    pre.writeUInt32LE(MAGIC, 0);
    pre.writeUInt32LE(VERSION, 4);
    pre.writeUInt32LE(head.length, 8);
    parts.push(pre, head);
    const tr = Buffer.alloc(weights.trans.length * 4);
    weights.trans.forEach((v, i) => tr.writeFloatLE(v, i * 4));
    parts.push(tr);
    let tMax = 0;
    for (const v of table) if (Math.abs(v) > tMax) tMax = Math.abs(v);
    const tScale = tMax === 0 ? 1 : tMax / 127;
    const tb = Buffer.alloc(8 + table.length);
    tb.writeUInt32LE(table.length, 0);
    tb.writeFloatLE(tScale, 4);
    table.forEach((v, i) => tb.writeInt8(Math.round(v / tScale), 8 + i));
    parts.push(tb);
    const R = 1 << header.bits;
    const body: number[] = [];
    let count = 0;
    let prev = -1;
    for (let r = 0; r < R; r++) {
      let mask = 0;
      const q: number[] = [];
      for (let t = 0; t < T; t++) {
        const w = weights.emit[r * T + t];
        const v = Math.abs(w) < prune ? 0 : Math.round(w / scale);
        if (v !== 0) { mask |= 1 << t; q.push(v); }
      }
      if (mask === 0) continue;
      count++;
      let d = r - prev;
      prev = r;
      while (d >= 0x80) { body.push((d & 0x7f) | 0x80); d >>>= 7; }
      body.push(d);
      body.push(mask & 0xff, mask >>> 8);
      for (const v of q) { const u = v & 0xffff; body.push(u & 0xff, u >>> 8); }
    }
    const cnt = Buffer.alloc(4);
    cnt.writeUInt32LE(count, 0);
    parts.push(cnt, Buffer.from(body));
    return gzipSync(Buffer.concat(parts), { level: 9 });
  }

  static deserialize(gz: Buffer, file = 'model'): { header: ModelHeader; weights: TaggerWeights; vectorTable: Float32Array } {
    const b = gunzipSync(gz);
    if (b.length < 12 || b.readUInt32LE(0) !== MAGIC) throw new Error(`${file}: not an entity model (bad magic)`);
    const version = b.readUInt32LE(4);
    // version 2 files are version 3 without the table of vector-input scores
    if (version !== VERSION && version !== 2) throw new Error(`${file}: model version ${version}, this build reads ${VERSION}`);
    const hl = b.readUInt32LE(8);
    const header = JSON.parse(b.subarray(12, 12 + hl).toString('utf8')) as ModelHeader;
    if (header.featuresPerToken !== FEATURES_PER_TOKEN)
      throw new Error(`${file}: model has ${header.featuresPerToken} features per token, this build extracts ${FEATURES_PER_TOKEN}; retrain with npm run train:ner`);
    let at = 12 + hl;
    const trans = new Float32Array((T + 1) * T);
    for (let i = 0; i < trans.length; i++, at += 4) trans[i] = b.readFloatLE(at);
    const tableN = version === 2 ? 0 : b.readUInt32LE(at);
    const tScale = version === 2 ? 0 : b.readFloatLE(at + 4);
    if (version !== 2) at += 8;
    const vectorTable = new Float32Array(tableN);
    for (let i = 0; i < tableN; i++) vectorTable[i] = b.readInt8(at + i) * tScale;
    at += tableN;
    if (tableN !== (header.vectorWords ?? 0) * VECTOR_OFFSETS.length * T) throw new Error(`${file}: ${tableN} vector-input scores for ${header.vectorWords ?? 0} words`);
    const weights = new TaggerWeights(header.bits, undefined, trans);
    const count = b.readUInt32LE(at);
    at += 4;
    let r = -1;
    for (let k = 0; k < count; k++) {
      let d = 0;
      let shift = 0;
      for (;;) { const x = b[at++]; d |= (x & 0x7f) << shift; if (x < 0x80) break; shift += 7; }
      r += d;
      const mask = b[at] | (b[at + 1] << 8);
      at += 2;
      for (let t = 0; t < T; t++) {
        if ((mask & (1 << t)) === 0) continue;
        weights.emit[r * T + t] = b.readInt16LE(at) * header.scale;
        at += 2;
      }
    }
    if (at !== b.length) throw new Error(`${file}: ${b.length - at} stray bytes after the weights`);
    return { header, weights, vectorTable };
  }

  /** The same model file with its JSON header changed (the weights untouched, byte for byte). */
  static rewriteHeader(gz: Buffer, update: (h: ModelHeader) => ModelHeader): Buffer {
    const b = gunzipSync(gz);
    if (b.length < 12 || b.readUInt32LE(0) !== MAGIC) throw new Error('not an entity model (bad magic)');
    const hl = b.readUInt32LE(8);
    const json = Buffer.from(JSON.stringify(update(JSON.parse(b.subarray(12, 12 + hl).toString('utf8')) as ModelHeader)), 'utf8');
    const head = Buffer.alloc(12);
    b.copy(head, 0, 0, 8);
    head.writeUInt32LE(json.length, 8);
    return gzipSync(Buffer.concat([head, json, b.subarray(12 + hl)]), { level: 9 });
  }

  static load(path: string, resources: FeatureResources): NerModel {
    const { header, weights, vectorTable } = NerModel.deserialize(readFileSync(path), path);
    return new NerModel(header, weights, resources, vectorTable);
  }
}
