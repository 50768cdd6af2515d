/**
 * Linear-chain CRF training over the same hashed emission rows and transitions as the perceptron:
 * the conditional log-likelihood of the gold tags with an L2 penalty, minus that, minimized by
 * stochastic gradient descent (rate eta0 / (1 + lambda * eta0 * t), the L2 decay exact through a
 * global scale of the weights; per-coordinate AdaGrad rates overfitted on the dev split). Gradients come from scaled forward-backward
 * (node and edge marginals); disallowed BIO2 transitions have probability zero throughout.
 * Deterministic for a seed (shuffling by the seeded PRNG, no other randomness).
 */
import { Example, TaggerWeights, emissionScores64, rng, shuffle } from './perceptron.js';
import { NUM_TAGS, allowedTransition } from './tags.js';
import { VECTOR_OFFSETS } from './features.js';
import type { WordVectors } from './vectors.js';

const T = NUM_TAGS;

export interface CrfOptions {
  bits: number;
  featuresPerToken: number;
  epochs: number;
  seed: number;
  /** Base learning rate. */
  rate: number;
  /** L2 penalty c2 of the objective sum(NLL) + c2 * |w|^2. */
  l2: number;
  /** Word vectors as real-valued inputs at VECTOR_OFFSETS (examples must carry vids). */
  vectors?: WordVectors | null;
  /** Multiplier of the vector values. */
  vectorScale?: number;
  /** Called after each epoch with the current weights (for dev curves) and the training NLL. */
  onEpoch?: (epoch: number, current: () => TaggerWeights, nll: number) => void;
}

/** Scratch buffers for forward-backward over one sentence. */
class Lattice {
  e = new Float64Array(0);
  a = new Float64Array(0);
  b = new Float64Array(0);
  logScale = new Float64Array(0);
  marg = new Float64Array(0);
  ensure(n: number): void {
    if (this.e.length >= n * T) return;
    const c = n * T * 2;
    this.e = new Float64Array(c); this.a = new Float64Array(c); this.b = new Float64Array(c);
    this.marg = new Float64Array(c); this.logScale = new Float64Array(n * 2);
  }
}

/**
 * Forward-backward over exp(scores) and the transition potentials `tp` ((T + 1) * T, zero where
 * disallowed). Writes node marginals into lat.marg, adds the edge marginals into `edge`
 * ((T + 1) * T, row T = sentence start) and returns log Z.
 */
function forwardBackward(scores: Float64Array, n: number, tp: Float64Array, lat: Lattice, edge: Float64Array): number {
  const { e, a, b, marg, logScale } = lat;
  let logZ = 0;
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let c = 0; c < T; c++) if (scores[i * T + c] > m) m = scores[i * T + c];
    for (let c = 0; c < T; c++) e[i * T + c] = Math.exp(scores[i * T + c] - m);
    logZ += m;
  }
  let z = 0;
  for (let c = 0; c < T; c++) { a[c] = tp[T * T + c] * e[c]; z += a[c]; }
  for (let c = 0; c < T; c++) a[c] /= z;
  logScale[0] = z;
  for (let i = 1; i < n; i++) {
    const o = i * T;
    z = 0;
    for (let c = 0; c < T; c++) {
      let s = 0;
      for (let p = 0; p < T; p++) s += a[o - T + p] * tp[p * T + c];
      a[o + c] = s * e[o + c];
      z += a[o + c];
    }
    for (let c = 0; c < T; c++) a[o + c] /= z;
    logScale[i] = z;
  }
  for (let i = 0; i < n; i++) logZ += Math.log(logScale[i]);
  // beta scaled by the same factors as alpha, so that a * b is the marginal directly
  for (let c = 0; c < T; c++) b[(n - 1) * T + c] = 1;
  for (let i = n - 2; i >= 0; i--) {
    const o = i * T;
    const zi = logScale[i + 1];
    for (let p = 0; p < T; p++) {
      let s = 0;
      for (let c = 0; c < T; c++) s += tp[p * T + c] * e[o + T + c] * b[o + T + c];
      b[o + p] = s / zi;
    }
  }
  for (let i = 0; i < n * T; i++) marg[i] = a[i] * b[i];
  for (let c = 0; c < T; c++) edge[T * T + c] += marg[c];
  for (let i = 1; i < n; i++) {
    const o = i * T;
    const zi = logScale[i];
    for (let p = 0; p < T; p++) {
      const ap = a[o - T + p];
      if (ap === 0) continue;
      for (let c = 0; c < T; c++) edge[p * T + c] += (ap * tp[p * T + c] * e[o + c] * b[o + c]) / zi;
    }
  }
  return logZ;
}

export function trainCrf(examples: Example[], opt: CrfOptions): TaggerWeights {
  const F = opt.featuresPerToken;
  const rowsN = 1 << opt.bits;
  // weights = scale * v (the SGD trick that makes the L2 decay one multiplication per step)
  const v = new Float64Array(rowsN * T);
  const tv = new Float64Array((T + 1) * T);
  let scale = 1;
  let step = 0;
  const vec = opt.vectors ?? null;
  const D = vec === null ? 0 : vec.dims;
  const vdata = vec === null ? new Float32Array(0) : vec.data;
  const vs = opt.vectorScale ?? 1;
  const OFF = VECTOR_OFFSETS;
  const dv = new Float64Array(OFF.length * D * T);
  const rescale = (): void => {
    for (let i = 0; i < dv.length; i++) dv[i] *= scale;
    for (let i = 0; i < v.length; i++) v[i] *= scale;
    for (let i = 0; i < tv.length; i++) tv[i] *= scale;
    scale = 1;
  };
  const allowed = new Uint8Array((T + 1) * T);
  for (let p = 0; p <= T; p++) for (let c = 0; c < T; c++) allowed[p * T + c] = allowedTransition(p === T ? -1 : p, c) ? 1 : 0;
  const tp = new Float64Array((T + 1) * T);
  const edge = new Float64Array((T + 1) * T);
  const lat = new Lattice();
  const random = rng(opt.seed);
  const order = examples.map((_, i) => i);
  const N = examples.length;
  const lambda = (2 * opt.l2) / N;
  const eta = opt.rate;
  let scores = new Float64Array(0);
  let delta = new Float64Array(0);

  const current = (): TaggerWeights => {
    const out = new TaggerWeights(opt.bits);
    for (let i = 0; i < v.length; i++) out.emit[i] = scale * v[i];
    for (let i = 0; i < tv.length; i++) out.trans[i] = allowed[i] ? scale * tv[i] : 0;
    if (D > 0) {
      const d = new Float32Array(dv.length);
      for (let i = 0; i < dv.length; i++) d[i] = scale * dv[i] * vs;
      return new TaggerWeights(opt.bits, out.emit, out.trans, d);
    }
    return out;
  };

  /**
   * One sweep over the dense inputs of n tokens: adds their scores (unscaled weights dv) to `sc`,
   * or with `step` takes a gradient step (k = rate / scale) on dv from `delta`.
   */
  const dense = (vids: Int32Array, n: number, sc: Float64Array, step: boolean, k: number): void => {
    for (let i = 0; i < n; i++) {
      for (let a = 0; a < OFF.length; a++) {
        const j = i + OFF[a];
        if (j < 0 || j >= n) continue;
        const id = vids[j];
        if (id < 0) continue;
        const xo = id * D;
        const wo = a * D * T;
        for (let d = 0; d < D; d++) {
          const x = vdata[xo + d] * vs;
          if (x === 0) continue;
          const b = wo + d * T;
          if (!step) for (let c = 0; c < T; c++) sc[i * T + c] += x * dv[b + c];
          else for (let c = 0; c < T; c++) dv[b + c] -= k * x * delta[i * T + c];
        }
      }
    }
  };

  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    shuffle(order, random);
    let nll = 0;
    for (const idx of order) {
      const ex = examples[idx];
      const n = ex.gold.length;
      if (n === 0) continue;
      if (scores.length < n * T) { scores = new Float64Array(n * T * 2); delta = new Float64Array(n * T * 2); }
      lat.ensure(n);
      const rows = ex.rows;
      emissionScores64(v, rows, n, F, scores);
      if (D > 0) dense(ex.vids!, n, scores, false, 0);
      if (scale !== 1) for (let k = 0; k < n * T; k++) scores[k] *= scale;
      for (let k = 0; k < tp.length; k++) tp[k] = allowed[k] ? Math.exp(scale * tv[k]) : 0;
      edge.fill(0);
      const logZ = forwardBackward(scores, n, tp, lat, edge);
      let gold = 0;
      for (let i = 0; i < n; i++) {
        const g = ex.gold[i];
        gold += scores[i * T + g] + scale * tv[(i === 0 ? T : ex.gold[i - 1]) * T + g];
      }
      nll += logZ - gold;
      // d(-loglik)/d(score[i, c]) = marginal - gold indicator
      const marg = lat.marg;
      for (let i = 0; i < n * T; i++) delta[i] = marg[i];
      for (let i = 0; i < n; i++) delta[i * T + ex.gold[i]] -= 1;
      for (let i = 0; i < n; i++) edge[(i === 0 ? T : ex.gold[i - 1]) * T + ex.gold[i]] -= 1;
      step++;
      const rate = eta / (1 + lambda * eta * step);
      scale *= 1 - rate * lambda;
      const k = rate / scale;
      for (let i = 0; i < n; i++) {
        const o = i * F;
        const q = i * T;
        for (let f = 0; f < F; f++) {
          const r = rows[o + f];
          if (r < 0) continue;
          const bb = r * T;
          for (let c = 0; c < T; c++) v[bb + c] -= k * delta[q + c];
        }
      }
      for (let q = 0; q < tv.length; q++) if (allowed[q]) tv[q] -= k * edge[q];
      if (D > 0) dense(ex.vids!, n, scores, true, k);
      if (scale < 1e-6) rescale();
    }
    opt.onEpoch?.(epoch + 1, current, nll);
  }
  return current();
}
