/**
 * The shipped entity tagger: hashed emission weights (stored sparse, loaded into a compact
 * table), transitions, a temperature for confidence scores, and the resources (lexicons,
 * clusters) the features read.
 *
 * File format (gzip): "CNER" magic, u32 version, u32 header length, header JSON, then
 *   trans: (T+1)*T float32; rows: u32 count, then per row a varint delta of the row number, a u16
 *   mask of non-zero tags and one int16 per set bit (weight = value * header.scale).
 *   Version 4 then repeats trans, table and rows for the second pass (header.doc.scale).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Token } from '../../text/tokenize.js';
import { FEATURES_PER_TOKEN, FeatureExtractor, FeatureResources, VECTOR_OFFSETS } from './features.js';
import { DOC_SLOTS, aggregateSentence, docKeys, docRows } from './docstage.js';
import { Decoder, TaggerWeights, constrainedTransitions } from './perceptron.js';
import { NUM_TAGS } from './tags.js';
import { WordVectors, projectVectors } from './vectors.js';

const T = NUM_TAGS;
const MAGIC = 0x52454e43; // "CNER" little-endian
/** 3: one pass; 4: a second, document-level pass follows (written only when there is one). */
const VERSION = 4;

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
  /** The second, document-level pass (docstage.ts), when the file has one (version 4). */
  doc?: DocPassHeader;
}

/** The second pass: its own weights over the first pass' rows plus DOC_SLOTS document rows. */
export interface DocPassHeader {
  /** Sentences before and after a token's own whose first-pass tags it reads. */
  window: number;
  temperature: number;
  scale: number;
  vectorWords: number;
}

/** Weights of the second pass as training gives them (the window and temperature go in the header). */
export interface DocPassWeights {
  weights: TaggerWeights;
  window: number;
  temperature: number;
  /** The projected table of vector-input scores (a loaded model being rewritten). */
  vectorTable?: Float32Array;
}

/** One pass' weights in the compact runtime form: emission rows, transitions, vector-input scores. */
class Pass {
  /** Row number -> compact row, or -1. */
  private readonly rowIndex: Int32Array;
  private readonly weights: Float32Array;
  readonly trans: Float64Array;
  /** Per-word score rows of the vector inputs, one table per offset (empty without vectors). */
  private readonly vecScores: Float32Array;
  readonly vecWords: number;

  constructor(bits: number, weights: TaggerWeights, words: number, vectorTable: Float32Array | undefined, what: string) {
    const R = 1 << bits;
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
      throw new Error(`entity model: the table of vector-input scores of the ${what} does not cover ${words} words`);
    this.vecScores = words > 0 ? vectorTable! : new Float32Array(0);
    this.vecWords = words;
  }

  /** Emission scores of n tokens with F rows each (and their word ids) into sc (n * T). */
  score(rows: Int32Array, F: number, vids: Int32Array, n: number, sc: Float64Array): void {
    const idx = this.rowIndex;
    const w = this.weights;
    const withVectors = this.vecWords > 0;
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
          const id = vids[j];
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
  }
}

/** Sentence bounds as the document tagger reads them (prepared.sentences fit). */
export interface SentenceBounds {
  firstToken: number;
  endToken: number;
}

export class NerModel {
  readonly header: ModelHeader;
  readonly resources: FeatureResources;
  readonly extractor: FeatureExtractor;
  private readonly first: Pass;
  /** The document-level second pass, or null. */
  private readonly second: Pass | null;
  private readonly decoder = new Decoder();
  private vids = new Int32Array(0);
  private rows = new Int32Array(0);
  private scores = new Float64Array(0);

  constructor(header: ModelHeader, weights: TaggerWeights, resources: FeatureResources, vectorTable?: Float32Array, doc?: { weights: TaggerWeights; vectorTable?: Float32Array }) {
    this.header = header;
    this.resources = resources;
    const words = header.vectorWords ?? 0;
    this.extractor = new FeatureExtractor(resources, header.bits, words);
    this.first = new Pass(header.bits, weights, words, vectorTable, 'first pass');
    if ((header.doc === undefined) !== (doc === undefined)) throw new Error('entity model: the header and the weights disagree on a second pass');
    this.second = doc === undefined ? null : new Pass(header.bits, doc.weights, header.doc!.vectorWords, doc.vectorTable, 'second pass');
    if (this.second !== null && this.second.vecWords > words) throw new Error('entity model: the second pass reads vectors the first pass has no word ids for');
  }

  /** Whether tagging reads the whole document (a second, document-level pass). */
  get documentLevel(): boolean {
    return this.second !== null;
  }

  /** First-pass emission scores of tokens [start, end) into an internal buffer (n * T), returned. */
  emissions(tokens: Token[], start: number, end: number): Float64Array {
    const n = end - start;
    const F = FEATURES_PER_TOKEN;
    if (this.rows.length < n * F) this.rows = new Int32Array(n * F * 2);
    if (this.scores.length < n * T) this.scores = new Float64Array(n * T * 2);
    if (this.vids.length < n) this.vids = new Int32Array(n * 2);
    this.extractor.extract(tokens, start, end, this.rows, this.first.vecWords > 0 ? this.vids : undefined);
    this.first.score(this.rows, F, this.vids, n, this.scores);
    return this.scores;
  }

  /** Best BIO2 tags of tokens [start, end) into `out` (length >= end - start), first pass only. */
  tag(tokens: Token[], start: number, end: number, out: Int8Array): void {
    const n = end - start;
    if (n === 0) return;
    const sc = this.emissions(tokens, start, end);
    this.decoder.viterbi(sc, n, this.first.trans, out);
  }

  /**
   * Tags and per-(token, tag) posterior probabilities (n * T) for confidence scores, first pass
   * only. Costs about as much again as `tag`.
   */
  tagWithMarginals(tokens: Token[], start: number, end: number, out: Int8Array, marg: Float64Array): void {
    const n = end - start;
    if (n === 0) return;
    const sc = this.emissions(tokens, start, end);
    this.decoder.viterbi(sc, n, this.first.trans, out);
    this.decoder.marginals(sc, n, this.first.trans, this.header.temperature, marg);
  }

  /**
   * Tags every sentence of a document: `tags` (tokens.length) and, unless null, the posteriors
   * `marg` (tokens.length * T), indexed by token. With a second pass, the first pass tags all
   * sentences (marginals at temperature 1, as in training), then the second pass re-tags each
   * sentence reading how the first pass tagged the same words nearby (docstage.ts).
   */
  tagDocument(tokens: Token[], sentences: SentenceBounds[], tags: Int8Array, marg: Float64Array | null): void {
    const second = this.second;
    if (second === null) {
      for (const s of sentences) {
        if (s.endToken === s.firstToken) continue;
        if (marg !== null) this.tagWithMarginals(tokens, s.firstToken, s.endToken, tags.subarray(s.firstToken), marg.subarray(s.firstToken * T));
        else this.tag(tokens, s.firstToken, s.endToken, tags.subarray(s.firstToken));
      }
      return;
    }
    const F = FEATURES_PER_TOKEN;
    const N = tokens.length;
    const rowsAll = new Int32Array(N * F);
    const vidsAll = new Int32Array(N);
    const tags1 = new Int8Array(N);
    const marg1 = new Float64Array(N * T);
    const dec = this.decoder;
    let sc = new Float64Array(0);
    for (const s of sentences) {
      const a = s.firstToken;
      const n = s.endToken - a;
      if (n === 0) continue;
      if (sc.length < n * T) sc = new Float64Array(n * T * 2);
      const rows = rowsAll.subarray(a * F);
      const vids = vidsAll.subarray(a);
      this.extractor.extract(tokens, a, s.endToken, rows, this.first.vecWords > 0 ? vids : undefined);
      this.first.score(rows, F, vids, n, sc);
      dec.viterbi(sc, n, this.first.trans, tags1.subarray(a));
      dec.marginals(sc, n, this.first.trans, 1, marg1.subarray(a * T));
    }
    const keys = new Int32Array(N);
    docKeys(tokens, 0, N, this.resources.clusters?.freq ?? null, keys);
    const bounds = sentences.map((s) => [s.firstToken, s.endToken]);
    const aggs = bounds.map(([a, b]) => aggregateSentence(keys, marg1, a, b));
    const F2 = F + DOC_SLOTS;
    const mask = this.extractor.mask;
    const window = this.header.doc!.window;
    let rows2 = new Int32Array(0);
    for (let si = 0; si < sentences.length; si++) {
      const a = sentences[si].firstToken;
      const n = sentences[si].endToken - a;
      if (n === 0) continue;
      if (rows2.length < n * F2) rows2 = new Int32Array(n * F2 * 2);
      if (sc.length < n * T) sc = new Float64Array(n * T * 2);
      for (let i = 0; i < n; i++) rows2.set(rowsAll.subarray((a + i) * F, (a + i + 1) * F), i * F2);
      docRows(si, bounds, aggs, keys, tags1, marg1, window, mask, rows2, F2, F);
      second.score(rows2, F2, vidsAll.subarray(a), n, sc);
      dec.viterbi(sc, n, second.trans, tags.subarray(a));
      if (marg !== null) dec.marginals(sc, n, second.trans, this.header.doc!.temperature, marg.subarray(a * T));
    }
  }

  // ---- serialization ----------------------------------------------------------------------

  /**
   * With `vectors` (the training-time word vectors) and vector weights, the per-word score rows
   * are computed and stored as int8. `prune` drops emission weights below it in absolute value
   * (a CRF gives every feature seen in training a small non-zero weight). `doc` adds a second,
   * document-level pass (file version 4).
   */
  static serialize(header: Omit<ModelHeader, 'scale'>, weights: TaggerWeights, opt: { vectors?: WordVectors | null; vectorTable?: Float32Array; prune?: number; doc?: DocPassWeights } = {}): Buffer {
    const first = writePass(header.bits, weights, opt.vectors ?? null, opt.vectorTable, opt.prune ?? 0);
    const { doc: _old, ...rest } = header as ModelHeader;
    const full: ModelHeader = { ...rest, scale: first.scale, vectorWords: first.words };
    let second: ReturnType<typeof writePass> | null = null;
    if (opt.doc !== undefined) {
      second = writePass(header.bits, opt.doc.weights, opt.vectors ?? null, opt.doc.vectorTable, opt.prune ?? 0);
      full.doc = { window: opt.doc.window, temperature: opt.doc.temperature, scale: second.scale, vectorWords: second.words };
    }
    const head = Buffer.from(JSON.stringify(full), 'utf8');
    const pre = Buffer.alloc(12);
    pre.writeUInt32LE(MAGIC, 0);
    // a one-pass model keeps the version 3 layout byte for byte
    pre.writeUInt32LE(second === null ? 3 : VERSION, 4);
    pre.writeUInt32LE(head.length, 8);
    const parts = [pre, head, ...first.parts, ...(second === null ? [] : second.parts)];
    return gzipSync(Buffer.concat(parts), { level: 9 });
  }

  static deserialize(gz: Buffer, file = 'model'): { header: ModelHeader; weights: TaggerWeights; vectorTable: Float32Array; doc?: { weights: TaggerWeights; vectorTable: Float32Array } } {
    const b = gunzipSync(gz);
    if (b.length < 12 || b.readUInt32LE(0) !== MAGIC) throw new Error(`${file}: not an entity model (bad magic)`);
    const version = b.readUInt32LE(4);
    // version 2 files are version 3 without the table of vector-input scores; 4 adds a second pass
    if (version !== VERSION && version !== 3 && version !== 2) throw new Error(`${file}: model version ${version}, this build reads ${VERSION}`);
    const hl = b.readUInt32LE(8);
    const header = JSON.parse(b.subarray(12, 12 + hl).toString('utf8')) as ModelHeader;
    if (header.featuresPerToken !== FEATURES_PER_TOKEN)
      throw new Error(`${file}: model has ${header.featuresPerToken} features per token, this build extracts ${FEATURES_PER_TOKEN}; retrain with npm run train:ner`);
    if ((version === 4) !== (header.doc !== undefined)) throw new Error(`${file}: version ${version} and the header disagree on a second pass`);
    const r = { at: 12 + hl };
    const first = readPass(b, r, header.bits, header.scale, header.vectorWords ?? 0, version === 2, file);
    const out: ReturnType<typeof NerModel.deserialize> = { header, weights: first.weights, vectorTable: first.vectorTable };
    if (header.doc !== undefined) out.doc = readPass(b, r, header.bits, header.doc.scale, header.doc.vectorWords, false, file);
    if (r.at !== b.length) throw new Error(`${file}: ${b.length - r.at} stray bytes after the weights`);
    return out;
  }

  static load(path: string, resources: FeatureResources): NerModel {
    const { header, weights, vectorTable, doc } = NerModel.deserialize(readFileSync(path), path);
    return new NerModel(header, weights, resources, vectorTable, doc);
  }
}

/** One pass in the file layout: trans, the table of vector-input scores, the sparse int16 rows. */
function writePass(bits: number, weights: TaggerWeights, vectorsIn: WordVectors | null, vectorTable: Float32Array | undefined, prune: number): { parts: Buffer[]; scale: number; words: number } {
  let maxAbs = 0;
  for (const v of weights.emit) if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
  const scale = maxAbs === 0 ? 1 : maxAbs / 32767;
  const vectors = weights.dense.length > 0 ? vectorsIn : null;
  if (weights.dense.length > 0 && vectors === null) throw new Error('serialize: the weights read word vectors; pass them');
  // a table already projected (a loaded model being rewritten) is kept as it is
  const table = vectors !== null ? projectVectors(weights.dense, vectors, VECTOR_OFFSETS, T) : vectorTable ?? new Float32Array(0);
  const parts: Buffer[] = [];
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
  const R = 1 << bits;
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
  return { parts, scale, words: table.length / (VECTOR_OFFSETS.length * T) };
}

function readPass(b: Buffer, r: { at: number }, bits: number, scale: number, vectorWords: number, noTable: boolean, file: string): { weights: TaggerWeights; vectorTable: Float32Array } {
  let at = r.at;
  const trans = new Float32Array((T + 1) * T);
  for (let i = 0; i < trans.length; i++, at += 4) trans[i] = b.readFloatLE(at);
  const tableN = noTable ? 0 : b.readUInt32LE(at);
  const tScale = noTable ? 0 : b.readFloatLE(at + 4);
  if (!noTable) at += 8;
  const vectorTable = new Float32Array(tableN);
  for (let i = 0; i < tableN; i++) vectorTable[i] = b.readInt8(at + i) * tScale;
  at += tableN;
  if (tableN !== vectorWords * VECTOR_OFFSETS.length * T) throw new Error(`${file}: ${tableN} vector-input scores for ${vectorWords} words`);
  const weights = new TaggerWeights(bits, undefined, trans);
  const count = b.readUInt32LE(at);
  at += 4;
  let row = -1;
  for (let k = 0; k < count; k++) {
    let d = 0;
    let shift = 0;
    for (;;) { const x = b[at++]; d |= (x & 0x7f) << shift; if (x < 0x80) break; shift += 7; }
    row += d;
    const mask = b[at] | (b[at + 1] << 8);
    at += 2;
    for (let t = 0; t < T; t++) {
      if ((mask & (1 << t)) === 0) continue;
      weights.emit[row * T + t] = b.readInt16LE(at) * scale;
      at += 2;
    }
  }
  r.at = at;
  return { weights, vectorTable };
}
