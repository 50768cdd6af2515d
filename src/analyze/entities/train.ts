/**
 * Training pipeline pieces shared by scripts/ner/train.mjs and the tests: gold sentences to
 * examples (aligned to the text core's tokens, features extracted once), perceptron training,
 * tagging gold sentences for scoring, and the auto-lexicon pass over unlabeled text.
 */
import type { Normalizer } from '../../text/normalize.js';
import { prepareText } from '../../text/prepare.js';
import { alignSentence } from './align.js';
import { AutoLexicon, AutoLexiconBuilder } from './autolex.js';
import { splitProclitics } from './clitics.js';
import type { LabeledSentence } from './conll.js';
import { FEATURES_PER_TOKEN, FeatureExtractor, FeatureResources } from './features.js';
import { NerModel, ModelHeader } from './model.js';
import { Decoder, Example, TaggerWeights, constrainedTransitions, emissionScores, trainPerceptron } from './perceptron.js';
import { SpanScorer, TypeScore } from './score.js';
import { NUM_TAGS, TAG_O, typeOf } from './tags.js';

export function buildExamples(sentences: LabeledSentence[], normalizer: Normalizer, fx: FeatureExtractor): Example[] {
  const F = FEATURES_PER_TOKEN;
  return sentences.map((s) => {
    const a = alignSentence(s.words, s.tags, normalizer);
    const n = a.prepared.tokens.length;
    const rows = new Int32Array(n * F);
    fx.extract(a.prepared.tokens, 0, n, rows);
    return { rows, gold: a.tags };
  });
}

export interface TrainConfig {
  bits: number;
  epochs: number;
  seed: number;
  log?: (msg: string) => void;
}

export function trainWeights(examples: Example[], cfg: TrainConfig, dev?: Example[]): TaggerWeights {
  return trainPerceptron(examples, {
    bits: cfg.bits,
    featuresPerToken: FEATURES_PER_TOKEN,
    epochs: cfg.epochs,
    seed: cfg.seed,
    onEpoch: (e, avg, mistakes) => {
      if (cfg.log === undefined) return;
      let msg = `epoch ${e}: ${mistakes} sentences with a mistake`;
      if (dev !== undefined && dev.length > 0) msg += `, dev micro F1 ${(scoreExamples(avg(), dev).micro().f1 * 100).toFixed(2)}`;
      cfg.log(msg);
    },
  });
}

/** Token-level scoring of examples (the text core's tokens) with given weights. */
export function scoreExamples(w: TaggerWeights, examples: Example[], oBias = 0): SpanScorer {
  const F = FEATURES_PER_TOKEN;
  const dec = new Decoder();
  const tr = constrainedTransitions(w.trans);
  const sc = new SpanScorer();
  let scores = new Float64Array(0);
  let out = new Int8Array(0);
  for (const ex of examples) {
    const n = ex.gold.length;
    if (scores.length < n * NUM_TAGS) { scores = new Float64Array(n * NUM_TAGS * 2); out = new Int8Array(n * 2); }
    emissionScores(w.emit, ex.rows, n, F, scores);
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
export function fitTemperature(w: TaggerWeights, examples: Example[]): number {
  const F = FEATURES_PER_TOKEN;
  const dec = new Decoder();
  const tr = constrainedTransitions(w.trans);
  let best = 1;
  let bestLL = -Infinity;
  for (const temp of [1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256]) {
    let ll = 0;
    for (const ex of examples) {
      const n = ex.gold.length;
      const scores = new Float64Array(n * NUM_TAGS);
      emissionScores(w.emit, ex.rows, n, F, scores);
      const marg = new Float64Array(n * NUM_TAGS);
      dec.marginals(scores, n, tr, temp, marg);
      for (let i = 0; i < n; i++) ll += Math.log(Math.max(1e-9, marg[i * NUM_TAGS + ex.gold[i]]));
    }
    if (ll > bestLL) { bestLL = ll; best = temp; }
  }
  return best;
}

/**
 * Tags unlabeled documents with a first model and collects, per word base, the votes for each
 * type (O counts too), as the auto-lexicon of the second model.
 */
export function buildAutoLexicon(model: NerModel, texts: Iterable<string>, normalizer: Normalizer, minCount = 3): { lexicon: AutoLexicon; tokens: number } {
  const builder = new AutoLexiconBuilder();
  const freq = model.resources.clusters?.freq ?? null;
  let tags = new Int8Array(256);
  let tokens = 0;
  for (const text of texts) {
    const p = prepareText(text, normalizer);
    for (const s of p.sentences) {
      const n = s.endToken - s.firstToken;
      if (tags.length < n) tags = new Int8Array(n * 2);
      model.tag(p.tokens, s.firstToken, s.endToken, tags);
      for (let i = 0; i < n; i++) {
        const t = p.tokens[s.firstToken + i];
        if (t.kind !== 'arabic' && t.kind !== 'latin') continue;
        const base = t.kind === 'arabic' ? splitProclitics(t.norm, freq).base : t.norm;
        builder.add(base, tags[i] === TAG_O ? -1 : typeOf(tags[i]));
      }
      tokens += n;
    }
  }
  return { lexicon: builder.build(minCount), tokens };
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
