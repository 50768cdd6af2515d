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
import { FEATURES_PER_TOKEN, FeatureExtractor, FeatureResources } from './features.js';
import { Decoder, TaggerWeights, constrainedTransitions } from './perceptron.js';
import { NUM_TAGS } from './tags.js';

const T = NUM_TAGS;
const MAGIC = 0x52454e43; // "CNER" little-endian
const VERSION = 2;

export interface ModelHeader {
  bits: number;
  featuresPerToken: number;
  /** Multiplier of the int16 weights. */
  scale: number;
  /** Softmax temperature of path scores for confidence scores (fitted on held-out data). */
  temperature: number;
  /** Free-form training record: data, epochs, seed, dev scores. */
  training: Record<string, unknown>;
}

export class NerModel {
  readonly header: ModelHeader;
  readonly resources: FeatureResources;
  readonly extractor: FeatureExtractor;
  /** Row number -> compact row, or -1. */
  private readonly rowIndex: Int32Array;
  private readonly weights: Float32Array;
  private readonly trans: Float64Array;
  private readonly decoder = new Decoder();
  private rows = new Int32Array(0);
  private scores = new Float64Array(0);

  constructor(header: ModelHeader, weights: TaggerWeights, resources: FeatureResources) {
    this.header = header;
    this.resources = resources;
    this.extractor = new FeatureExtractor(resources, header.bits);
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
  }

  /** Emission scores of tokens [start, end) into an internal buffer (n * T), returned. */
  emissions(tokens: Token[], start: number, end: number): Float64Array {
    const n = end - start;
    const F = FEATURES_PER_TOKEN;
    if (this.rows.length < n * F) this.rows = new Int32Array(n * F * 2);
    if (this.scores.length < n * T) this.scores = new Float64Array(n * T * 2);
    const rows = this.rows;
    this.extractor.extract(tokens, start, end, rows);
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

  static serialize(header: Omit<ModelHeader, 'scale'>, weights: TaggerWeights): Buffer {
    let maxAbs = 0;
    for (const v of weights.emit) if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
    const scale = maxAbs === 0 ? 1 : maxAbs / 32767;
    const full: ModelHeader = { ...header, scale };
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
    const R = 1 << header.bits;
    const body: number[] = [];
    let count = 0;
    let prev = -1;
    for (let r = 0; r < R; r++) {
      let mask = 0;
      const q: number[] = [];
      for (let t = 0; t < T; t++) {
        const v = Math.round(weights.emit[r * T + t] / scale);
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

  static deserialize(gz: Buffer, file = 'model'): { header: ModelHeader; weights: TaggerWeights } {
    const b = gunzipSync(gz);
    if (b.length < 12 || b.readUInt32LE(0) !== MAGIC) throw new Error(`${file}: not an entity model (bad magic)`);
    const version = b.readUInt32LE(4);
    if (version !== VERSION) throw new Error(`${file}: model version ${version}, this build reads ${VERSION}`);
    const hl = b.readUInt32LE(8);
    const header = JSON.parse(b.subarray(12, 12 + hl).toString('utf8')) as ModelHeader;
    if (header.featuresPerToken !== FEATURES_PER_TOKEN)
      throw new Error(`${file}: model has ${header.featuresPerToken} features per token, this build extracts ${FEATURES_PER_TOKEN}; retrain with npm run train:ner`);
    let at = 12 + hl;
    const weights = new TaggerWeights(header.bits);
    for (let i = 0; i < weights.trans.length; i++, at += 4) weights.trans[i] = b.readFloatLE(at);
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
    return { header, weights };
  }

  static load(path: string, resources: FeatureResources): NerModel {
    const { header, weights } = NerModel.deserialize(readFileSync(path), path);
    return new NerModel(header, weights, resources);
  }
}
