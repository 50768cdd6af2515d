/**
 * Training pipeline pieces shared by scripts/ner/train.mjs and the tests: gold sentences to
 * examples (aligned to the text core's tokens, features extracted once), perceptron training,
 * scoring, and the temperature of confidence scores.
 */
import type { Normalizer } from '../../text/normalize.js';
import { alignSentence } from './align.js';
import type { LabeledSentence } from './conll.js';
import { FEATURES_PER_TOKEN, FeatureExtractor, FeatureResources, VECTOR_OFFSETS } from './features.js';
import type { ModelHeader } from './model.js';
import { trainCrf } from './crf.js';
import { Decoder, Example, TaggerWeights, constrainedTransitions, emissionScores, trainPerceptron } from './perceptron.js';
import { SpanScorer, TypeScore } from './score.js';
import { NUM_TAGS } from './tags.js';
import { WordVectors, addVectorScores } from './vectors.js';

export function buildExamples(sentences: LabeledSentence[], normalizer: Normalizer, fx: FeatureExtractor): Example[] {
  const F = FEATURES_PER_TOKEN;
  return sentences.map((s) => {
    const a = alignSentence(s.words, s.tags, normalizer);
    const n = a.prepared.tokens.length;
    const rows = new Int32Array(n * F);
    const vids = new Int32Array(n);
    fx.extract(a.prepared.tokens, 0, n, rows, vids);
    return { rows, gold: a.tags, vids };
  });
}

export interface TrainConfig {
  bits: number;
  epochs: number;
  seed: number;
  cost?: number;
  dropout?: number;
  /** 'perceptron' (default) or 'crf' (SGD on the L2-penalized log-likelihood). */
  learner?: 'perceptron' | 'crf';
  /** CRF: base learning rate and L2 penalty c2 (objective: sum of NLL + c2 |w|^2). */
  rate?: number;
  l2?: number;
  /** CRF: word vectors as real-valued inputs, and the multiplier of their values. */
  vectors?: WordVectors | null;
  vectorScale?: number;
  log?: (msg: string) => void;
}

export function trainWeights(examples: Example[], cfg: TrainConfig, dev?: Example[]): TaggerWeights {
  if (cfg.learner === 'crf')
    return trainCrf(examples, {
      bits: cfg.bits,
      featuresPerToken: FEATURES_PER_TOKEN,
      epochs: cfg.epochs,
      seed: cfg.seed,
      rate: cfg.rate ?? 0.1,
      l2: cfg.l2 ?? 1,
      vectors: cfg.vectors ?? null,
      vectorScale: cfg.vectorScale ?? 1,
      onEpoch: (e, cur, nll) => {
        if (cfg.log === undefined) return;
        let msg = `epoch ${e}: training NLL ${nll.toFixed(0)}`;
        if (dev !== undefined && dev.length > 0) msg += `, dev micro F1 ${(scoreExamples(cur(), dev, 0, cfg.vectors ?? null).micro().f1 * 100).toFixed(2)}`;
        cfg.log(msg);
      },
    });
  return trainPerceptron(examples, {
    bits: cfg.bits,
    featuresPerToken: FEATURES_PER_TOKEN,
    epochs: cfg.epochs,
    seed: cfg.seed,
    cost: cfg.cost,
    dropout: cfg.dropout,
    onEpoch: (e, avg, mistakes) => {
      if (cfg.log === undefined) return;
      let msg = `epoch ${e}: ${mistakes} sentences with a mistake`;
      if (dev !== undefined && dev.length > 0) msg += `, dev micro F1 ${(scoreExamples(avg(), dev).micro().f1 * 100).toFixed(2)}`;
      cfg.log(msg);
    },
  });
}

/** The tag scores of an example's tokens (hashed features, then word vectors) into `scores` (n x NUM_TAGS). */
export function exampleScores(w: TaggerWeights, ex: Example, vectors: WordVectors | null, scores: Float64Array): void {
  const n = ex.gold.length;
  emissionScores(w.emit, ex.rows, n, FEATURES_PER_TOKEN, scores);
  if (vectors !== null && w.dense.length > 0) addVectorScores(w.dense, vectors, VECTOR_OFFSETS, ex.vids!, n, NUM_TAGS, scores);
}

/** Token-level scoring of examples (the text core's tokens) with given weights. */
export function scoreExamples(w: TaggerWeights, examples: Example[], oBias = 0, vectors: WordVectors | null = null): SpanScorer {
  const dec = new Decoder();
  const tr = constrainedTransitions(w.trans);
  const sc = new SpanScorer();
  let scores = new Float64Array(0);
  let out = new Int8Array(0);
  for (const ex of examples) {
    const n = ex.gold.length;
    if (scores.length < n * NUM_TAGS) { scores = new Float64Array(n * NUM_TAGS * 2); out = new Int8Array(n * 2); }
    exampleScores(w, ex, vectors, scores);
    if (oBias !== 0) for (let i = 0; i < n; i++) scores[i * NUM_TAGS] -= oBias;
    dec.viterbi(scores, n, tr, out);
    sc.add(ex.gold, out.subarray(0, n));
  }
  return sc;
}

/**
 * Fits the softmax temperature of path scores so that token marginals of the predicted tags are
 * calibrated on held-out examples (grid search on log-likelihood of the gold tags).
 */
export function fitTemperature(w: TaggerWeights, examples: Example[], vectors: WordVectors | null = null): number {
  const dec = new Decoder();
  const tr = constrainedTransitions(w.trans);
  let best = 1;
  let bestLL = -Infinity;
  for (const temp of [0.5, 0.75, 1, 1.5, 2, 3, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256]) {
    let ll = 0;
    for (const ex of examples) {
      const n = ex.gold.length;
      const scores = new Float64Array(n * NUM_TAGS);
      exampleScores(w, ex, vectors, scores);
      const marg = new Float64Array(n * NUM_TAGS);
      dec.marginals(scores, n, tr, temp, marg);
      for (let i = 0; i < n; i++) ll += Math.log(Math.max(1e-9, marg[i * NUM_TAGS + ex.gold[i]]));
    }
    if (ll > bestLL) { bestLL = ll; best = temp; }
  }
  return best;
}

export function makeHeader(bits: number, temperature: number, training: Record<string, unknown>): Omit<ModelHeader, 'scale'> {
  return { bits, featuresPerToken: FEATURES_PER_TOKEN, temperature, training };
}

export function formatScores(scores: TypeScore[]): string {
  const pct = (x: number) => (x * 100).toFixed(2).padStart(6);
  const lines = ['type     gold  pred  correct  precision  recall     F1'];
  for (const s of scores)
    lines.push(`${s.type.padEnd(6)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)} ${String(s.correct).padStart(8)}     ${pct(s.precision)}  ${pct(s.recall)} ${pct(s.f1)}`);
  return lines.join('\n');
}

export type { FeatureResources };
