/**
 * Linear-chain tagger: emission weights in a hashed table (one row of NUM_TAGS floats per
 * feature row), first-order transition weights, Viterbi decoding with the BIO2 constraints
 * built in (an I-X only after B-X or I-X), and averaged-perceptron training.
 */
import { NUM_TAGS, allowedTransition } from './tags.js';

const T = NUM_TAGS;
const NEG = -1e30;

export class TaggerWeights {
  readonly bits: number;
  /** rows * T emission weights. */
  readonly emit: Float32Array;
  /** (T + 1) * T transition weights; row T is the sentence start. */
  readonly trans: Float32Array;
  /** Weights of real-valued word-vector inputs: offsets * dims * T (empty without vectors). */
  readonly dense: Float32Array;

  constructor(bits: number, emit?: Float32Array, trans?: Float32Array, dense?: Float32Array) {
    this.bits = bits;
    this.emit = emit ?? new Float32Array((1 << bits) * T);
    this.trans = trans ?? new Float32Array((T + 1) * T);
    this.dense = dense ?? new Float32Array(0);
  }
}

/** Sums the emission scores of n tokens with F feature rows each into `scores` (n * T). */
export function emissionScores(w: Float32Array, rows: Int32Array, n: number, F: number, scores: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    const o = i * F;
    for (let f = 0; f < F; f++) {
      const r = rows[o + f];
      if (r < 0) continue;
      const b = r * 9;
      s0 += w[b]; s1 += w[b + 1]; s2 += w[b + 2]; s3 += w[b + 3]; s4 += w[b + 4];
      s5 += w[b + 5]; s6 += w[b + 6]; s7 += w[b + 7]; s8 += w[b + 8];
    }
    const q = i * T;
    scores[q] = s0; scores[q + 1] = s1; scores[q + 2] = s2; scores[q + 3] = s3; scores[q + 4] = s4;
    scores[q + 5] = s5; scores[q + 6] = s6; scores[q + 7] = s7; scores[q + 8] = s8;
  }
}
if (T !== 9) throw new Error('emissionScores is unrolled for 9 tags');

/** Transition scores with the BIO2 constraints applied (disallowed = -1e30). */
export function constrainedTransitions(trans: Float32Array): Float64Array {
  const out = new Float64Array((T + 1) * T);
  for (let p = 0; p <= T; p++)
    for (let c = 0; c < T; c++)
      out[p * T + c] = allowedTransition(p === T ? -1 : p, c) ? trans[p * T + c] : NEG;
  return out;
}

/** Reusable decoding buffers. */
export class Decoder {
  private delta = new Float64Array(0);
  private back = new Int8Array(0);

  /** Best tag sequence of n tokens given emission scores (n * T) and constrained transitions. */
  viterbi(scores: Float64Array, n: number, trans: Float64Array, out: Int8Array): void {
    if (n === 0) return;
    if (this.delta.length < n * T) { this.delta = new Float64Array(n * T * 2); this.back = new Int8Array(n * T * 2); }
    const d = this.delta;
    const bk = this.back;
    for (let c = 0; c < T; c++) d[c] = trans[T * T + c] + scores[c];
    for (let i = 1; i < n; i++) {
      const o = i * T;
      const po = o - T;
      for (let c = 0; c < T; c++) {
        let best = NEG * 2;
        let arg = 0;
        for (let p = 0; p < T; p++) {
          const v = d[po + p] + trans[p * T + c];
          if (v > best) { best = v; arg = p; }
        }
        d[o + c] = best + scores[o + c];
        bk[o + c] = arg;
      }
    }
    let best = NEG * 2;
    let arg = 0;
    const lo = (n - 1) * T;
    for (let c = 0; c < T; c++) if (d[lo + c] > best) { best = d[lo + c]; arg = c; }
    out[n - 1] = arg;
    for (let i = n - 1; i > 0; i--) { arg = bk[i * T + arg]; out[i - 1] = arg; }
  }

  private alpha = new Float64Array(0);
  private beta = new Float64Array(0);
  private emitP = new Float64Array(0);
  private transP = new Float64Array((T + 1) * T);
  private transKey: Float64Array | null = null;
  private transTemp = 0;

  /**
   * Posterior marginals of each (token, tag) under a softmax of the path scores divided by
   * `temperature`, written into `marg` (n * T). Scaled forward-backward in probability space:
   * exp() once per (token, tag), each step normalized so nothing overflows.
   */
  marginals(scores: Float64Array, n: number, trans: Float64Array, temperature: number, marg: Float64Array): void {
    if (this.alpha.length < n * T) {
      this.alpha = new Float64Array(n * T * 2);
      this.beta = new Float64Array(n * T * 2);
      this.emitP = new Float64Array(n * T * 2);
    }
    const inv = 1 / temperature;
    const tp = this.transP;
    if (this.transKey !== trans || this.transTemp !== temperature) {
      for (let k = 0; k < tp.length; k++) tp[k] = trans[k] <= NEG ? 0 : Math.exp(trans[k] * inv);
      this.transKey = trans;
      this.transTemp = temperature;
    }
    const e = this.emitP;
    for (let i = 0; i < n; i++) {
      let m = -Infinity;
      for (let c = 0; c < T; c++) if (scores[i * T + c] > m) m = scores[i * T + c];
      for (let c = 0; c < T; c++) e[i * T + c] = Math.exp((scores[i * T + c] - m) * inv);
    }
    const a = this.alpha;
    const b = this.beta;
    let z = 0;
    for (let c = 0; c < T; c++) { a[c] = tp[T * T + c] * e[c]; z += a[c]; }
    for (let c = 0; c < T; c++) a[c] /= z;
    for (let i = 1; i < n; i++) {
      z = 0;
      const o = i * T;
      for (let c = 0; c < T; c++) {
        let s = 0;
        for (let p = 0; p < T; p++) s += a[o - T + p] * tp[p * T + c];
        a[o + c] = s * e[o + c];
        z += a[o + c];
      }
      for (let c = 0; c < T; c++) a[o + c] /= z;
    }
    for (let c = 0; c < T; c++) b[(n - 1) * T + c] = 1;
    for (let i = n - 2; i >= 0; i--) {
      const o = i * T;
      z = 0;
      for (let p = 0; p < T; p++) {
        let s = 0;
        for (let c = 0; c < T; c++) s += tp[p * T + c] * e[o + T + c] * b[o + T + c];
        b[o + p] = s;
        z += s;
      }
      for (let p = 0; p < T; p++) b[o + p] /= z;
    }
    for (let i = 0; i < n; i++) {
      const o = i * T;
      let sum = 0;
      for (let c = 0; c < T; c++) { marg[o + c] = a[o + c] * b[o + c]; sum += marg[o + c]; }
      for (let c = 0; c < T; c++) marg[o + c] /= sum;
    }
  }
}

/** A training example: feature rows (n * F) and gold tags (n). */
export interface Example {
  rows: Int32Array;
  gold: Int8Array;
  /** Word ids of the tokens' vectors (-1 = none), when the model reads word vectors. */
  vids?: Int32Array;
}

/** Small seeded PRNG (mulberry32) so that training is reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates shuffle in place, from a seeded generator (training passes visit examples in a new order). */
export function shuffle(order: Int32Array | number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]; order[i] = order[j]; order[j] = t;
  }
}

export interface TrainOptions {
  bits: number;
  featuresPerToken: number;
  epochs: number;
  seed: number;
  /** Margin: added to the score of every wrong tag while decoding for an update (cost-augmented). */
  cost?: number;
  /** Share of feature slots hidden at random in each training pass (feature bagging). */
  dropout?: number;
  /** Called after each epoch with the averaged weights so far (for dev curves). */
  onEpoch?: (epoch: number, averaged: () => TaggerWeights, mistakes: number) => void;
}

/**
 * Averaged structured perceptron (Collins 2002) with the lazy-averaging trick: `acc` holds the
 * sum of step * update, and the average is w - acc / step.
 */
export function trainPerceptron(examples: Example[], opt: TrainOptions): TaggerWeights {
  const F = opt.featuresPerToken;
  const rowsN = 1 << opt.bits;
  const w = new Float64Array(rowsN * T);
  const acc = new Float64Array(rowsN * T);
  const tw = new Float64Array((T + 1) * T);
  const tacc = new Float64Array((T + 1) * T);
  const decoder = new Decoder();
  const random = rng(opt.seed);
  const order = examples.map((_, i) => i);
  let step = 1;
  let scores = new Float64Array(0);
  let pred = new Int8Array(0);
  let masked = new Int32Array(0);
  const cost = opt.cost ?? 0;
  const dropout = opt.dropout ?? 0;

  const averaged = (): TaggerWeights => {
    const out = new TaggerWeights(opt.bits);
    for (let i = 0; i < w.length; i++) out.emit[i] = w[i] - acc[i] / step;
    for (let i = 0; i < tw.length; i++) out.trans[i] = tw[i] - tacc[i] / step;
    return out;
  };

  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    shuffle(order, random);
    let mistakes = 0;
    for (const idx of order) {
      const ex = examples[idx];
      const n = ex.gold.length;
      if (scores.length < n * T) { scores = new Float64Array(n * T * 2); pred = new Int8Array(n * 2); }
      let rows = ex.rows;
      if (dropout > 0) {
        if (masked.length < rows.length) masked = new Int32Array(rows.length * 2);
        for (let k = 0; k < rows.length; k++) masked[k] = random() < dropout ? -1 : rows[k];
        rows = masked.subarray(0, rows.length);
      }
      emissionScores64(w, rows, n, F, scores);
      if (cost > 0) for (let i = 0; i < n; i++) for (let c = 0; c < T; c++) if (c !== ex.gold[i]) scores[i * T + c] += cost;
      decoder.viterbi(scores, n, constrainedTransitions64(tw), pred);
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const g = ex.gold[i];
        const p = pred[i];
        if (g !== p) {
          wrong = true;
          const o = i * F;
          for (let f = 0; f < F; f++) {
            const r = rows[o + f];
            if (r < 0) continue;
            w[r * T + g] += 1; acc[r * T + g] += step;
            w[r * T + p] -= 1; acc[r * T + p] -= step;
          }
        }
        const gp = i === 0 ? T : ex.gold[i - 1];
        const pp = i === 0 ? T : pred[i - 1];
        if (gp !== pp || g !== p) {
          tw[gp * T + g] += 1; tacc[gp * T + g] += step;
          tw[pp * T + p] -= 1; tacc[pp * T + p] -= step;
        }
      }
      if (wrong) mistakes++;
      step++;
    }
    opt.onEpoch?.(epoch + 1, averaged, mistakes);
  }
  return averaged();
}

/** `emissionScores` over unscaled training weights (Float64, any number of tags T). */
export function emissionScores64(w: Float64Array, rows: Int32Array, n: number, F: number, scores: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const q = i * T;
    for (let c = 0; c < T; c++) scores[q + c] = 0;
    const o = i * F;
    for (let f = 0; f < F; f++) {
      const r = rows[o + f];
      if (r < 0) continue;
      const b = r * T;
      for (let c = 0; c < T; c++) scores[q + c] += w[b + c];
    }
  }
}

const transBuf = new Float64Array((T + 1) * T);
function constrainedTransitions64(tw: Float64Array): Float64Array {
  for (let p = 0; p <= T; p++)
    for (let c = 0; c < T; c++)
      transBuf[p * T + c] = allowedTransition(p === T ? -1 : p, c) ? tw[p * T + c] : NEG;
  return transBuf;
}
