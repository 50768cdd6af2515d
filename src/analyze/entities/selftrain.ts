/**
 * Self-training pieces shared by scripts/ner/train.mjs (the shipped recipe) and
 * scripts/ner/selftrain.mjs (its cross-validation): sentences of unlabeled text as examples, and
 * the ones a trained tagger tags with confidence, its tags standing in for gold. Pure: the reading
 * of the news files is in scripts/ner/unlabeled.mjs.
 */
import type { PreparedText } from '../../text/prepare.js';
import { FEATURES_PER_TOKEN, FeatureExtractor } from './features.js';
import { Decoder, Example, TaggerWeights, constrainedTransitions } from './perceptron.js';
import { NUM_TAGS } from './tags.js';
import { exampleScores } from './train.js';
import { WordVectors } from './vectors.js';

export interface SelfTrainOptions {
  /** Unlabeled tokens tagged (the reading stops once this many are in). */
  tokens: number;
  /** One document in N of each source. */
  every: number;
  /** Every token's forward-backward marginal (temperature 1) of its Viterbi tag must reach this. */
  minMarg: number;
  /** Tokens added at most (the first confident sentences in reading order). */
  maxExtra: number;
  /** Sentence lengths considered, in tokens of the text core. */
  minLen: number;
  maxLen: number;
}

/** The best measured setting (CV 77.19 -> 77.54, dev end to end 77.56 -> 78.36: docs/ENTITIES.md). */
export const SELF_TRAIN_DEFAULTS: SelfTrainOptions = { tokens: 2_400_000, every: 3, minMarg: 0.9, maxExtra: 500_000, minLen: 6, maxLen: 50 };

/** The sentences of a prepared text with minLen..maxLen tokens as examples (gold all O, to be filled). */
export function sentenceExamples(p: PreparedText, fx: FeatureExtractor, minLen: number, maxLen: number): Example[] {
  const F = FEATURES_PER_TOKEN;
  const out: Example[] = [];
  for (const s of p.sentences) {
    const n = s.endToken - s.firstToken;
    if (n < minLen || n > maxLen) continue;
    const rows = new Int32Array(n * F);
    const vids = new Int32Array(n);
    fx.extract(p.tokens, s.firstToken, s.endToken, rows, vids);
    out.push({ rows, vids, gold: new Int8Array(n) });
  }
  return out;
}

export interface ConfidentResult {
  examples: Example[];
  /** Unlabeled sentences the tagger found at least one entity in. */
  withEntity: number;
  /** Tokens of the kept sentences. */
  tokens: number;
}

/**
 * Tags the unlabeled examples with w and keeps, in order, those with at least one entity whose
 * every token's tag has a marginal of minMarg or more, until maxExtra tokens; their tags become gold.
 * The unlabeled examples are left untouched (the kept ones share their feature rows).
 */
export function confidentExamples(w: TaggerWeights, unlabeled: Example[], vectors: WordVectors | null, minMarg: number, maxExtra: number): ConfidentResult {
  const dec = new Decoder();
  const tr = constrainedTransitions(w.trans);
  const examples: Example[] = [];
  let tokens = 0;
  let withEntity = 0;
  for (const u of unlabeled) {
    const n = u.gold.length;
    const scores = new Float64Array(n * NUM_TAGS);
    exampleScores(w, u, vectors, scores);
    const tags = new Int8Array(n);
    dec.viterbi(scores, n, tr, tags);
    let ents = 0;
    for (let i = 0; i < n; i++) if (tags[i] !== 0) ents++;
    if (ents === 0) continue;
    withEntity++;
    const marg = new Float64Array(n * NUM_TAGS);
    dec.marginals(scores, n, tr, 1, marg);
    let ok = true;
    for (let i = 0; i < n && ok; i++) if (marg[i * NUM_TAGS + tags[i]] < minMarg) ok = false;
    if (!ok) continue;
    if (tokens + n > maxExtra) break;
    examples.push({ rows: u.rows, vids: u.vids, gold: tags });
    tokens += n;
  }
  return { examples, withEntity, tokens };
}
