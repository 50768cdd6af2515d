#!/usr/bin/env node
// Cross-validation over contiguous blocks of the ANERcorp train split, for feature and resource
// decisions (dev alone is too small to tell 0.5 points apart). Not used for the shipped model.
//   node scripts/ner/cv.mjs [--folds 5] [--epochs 15] [--bits 20] [--no-gaz] [--no-clusters] [--clusters PATH]
//     [--learner crf|perceptron] [--rate 0.05] [--l2 0.1] [--seeds 1]
//     [--vectors .cache/ner-vectors.txt.gz|none] [--vec-words N] [--vec-dims N] [--vec-offsets -1,0,1]
//     [--gaz-dropout P]
// Defaults are the shipped recipe (npm run train:ner); the earlier one is
//   --learner perceptron --epochs 10 --seeds 3 --vectors none
import { existsSync, readFileSync } from 'node:fs';
import { normalizerFor } from '../../dist/text/normalize.js';
import { parseConll, anercorpLabels } from '../../dist/analyze/entities/conll.js';
import { FeatureExtractor } from '../../dist/analyze/entities/features.js';
import { loadResources } from '../../dist/analyze/entities/resources.js';
import { SpanScorer } from '../../dist/analyze/entities/score.js';
import { buildExamples, formatScores, scoreExamples, trainWeights } from '../../dist/analyze/entities/train.js';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const flag = (name) => args.includes(name);
const FOLDS = Number(opt('--folds', 5));
const LEARNER = opt('--learner', 'crf');
const EPOCHS = Number(opt('--epochs', LEARNER === 'crf' ? 15 : 10));
const VECTORS = opt('--vectors', LEARNER === 'crf' ? '.cache/ner-vectors.txt.gz' : 'none');
if (VECTORS !== 'none' && !existsSync(VECTORS)) throw new Error(`${VECTORS} not found: run npm run train:ner first, or node scripts/ner/clusters.mjs --emb-out ${VECTORS}`);
const BITS = Number(opt('--bits', 20));
const res = loadResources(opt('--clusters', null) ? { clustersPath: opt('--clusters') } : {});
if (flag('--no-gaz')) { res.gazetteer = null; res.triggers = null; }
if (flag('--no-clusters')) res.clusters = null;
const drop = new Set((opt('--drop', '') || '').split(',').filter(Boolean).map(Number));
const norm = normalizerFor('standard');
const all = parseConll(readFileSync('../shared/data/anercorp/ANERCorp_CamelLab_train.txt', 'utf8'), 'anercorp', anercorpLabels);
if (opt('--vec-offsets', null)) {
  // experiment only: the shipped offsets are a constant of the model format
  const { VECTOR_OFFSETS } = await import('../../dist/analyze/entities/features.js');
  VECTOR_OFFSETS.splice(0, VECTOR_OFFSETS.length, ...opt('--vec-offsets').split(',').map(Number));
}
let vectors = null;
if (VECTORS !== 'none') {
  const { gunzipSync } = await import('node:zlib');
  const { WordVectors } = await import('../../dist/analyze/entities/vectors.js');
  vectors = WordVectors.fromText(gunzipSync(readFileSync(VECTORS)).toString('utf8'), res.clusters, Number(opt('--vec-dims', 100)), 381).truncate(Number(opt('--vec-words', 1e9)), Number(opt('--vec-dims', 100)));
  res.vectors = vectors;
}
const vecCfg = { vectors, vectorScale: Number(opt('--vec-scale', 1)) };
const fx = new FeatureExtractor(res, BITS);
const ex = buildExamples(all, norm, fx);
// --gaz-dropout P: experiment, a share P of the training sentences (seeded, fixed) trained without
// the name lexicons' features, so that the tagger learns context for names the lexicons lack
const GAZ_DROP = Number(opt('--gaz-dropout', 0));
let exNoGaz = null;
if (GAZ_DROP > 0) {
  const { rng } = await import('../../dist/analyze/entities/perceptron.js');
  const fx0 = new FeatureExtractor({ ...res, gazetteer: null }, BITS);
  const ex0 = buildExamples(all, norm, fx0);
  const r = rng(11);
  exNoGaz = ex.map((e, i) => (r() < GAZ_DROP ? ex0[i] : e));
}
if (drop.size > 0) for (const e of ex) { const F = e.rows.length / e.gold.length; for (let i = 0; i < e.rows.length; i++) if (drop.has(i % F)) e.rows[i] = -1; }
const BIASES = (opt('--o-bias', '0')).split(',').map(Number);
const pooledB = BIASES.map(() => new SpanScorer());
const pooled = new SpanScorer();
const CUT = Number(opt('--cutoff', 0));
if (CUT > 0) {
  const cnt = new Int32Array(1 << BITS);
  for (const e of ex) for (const r of e.rows) if (r >= 0) cnt[r]++;
  for (const e of ex) for (let i = 0; i < e.rows.length; i++) if (e.rows[i] >= 0 && cnt[e.rows[i]] < CUT) e.rows[i] = -1;
}
const per = [];
for (let k = 0; k < FOLDS; k++) {
  const a = Math.floor((k * ex.length) / FOLDS), b = Math.floor(((k + 1) * ex.length) / FOLDS);
  const SEEDS = Number(opt('--seeds', 1));
  const trainEx = exNoGaz ?? ex;
  const w = trainWeights([...trainEx.slice(0, a), ...trainEx.slice(b)], { bits: BITS, epochs: EPOCHS, seed: 1, cost: Number(opt('--cost', 0)), dropout: Number(opt('--dropout', 0)), learner: LEARNER, rate: Number(opt('--rate', 0.05)), l2: Number(opt('--l2', 0.1)), ...vecCfg });
  for (let sd = 2; sd <= SEEDS; sd++) {
    const w2 = trainWeights([...trainEx.slice(0, a), ...trainEx.slice(b)], { bits: BITS, epochs: EPOCHS, seed: sd, cost: Number(opt('--cost', 0)), dropout: Number(opt('--dropout', 0)), learner: LEARNER, rate: Number(opt('--rate', 0.05)), l2: Number(opt('--l2', 0.1)), ...vecCfg });
    for (let i = 0; i < w.emit.length; i++) w.emit[i] += w2.emit[i];
    for (let i = 0; i < w.trans.length; i++) w.trans[i] += w2.trans[i];
    for (let i = 0; i < w.dense.length; i++) w.dense[i] += w2.dense[i];
  }
  BIASES.forEach((bias, j) => pooledB[j].merge(scoreExamples(w, ex.slice(a, b), bias, vectors)));
  const sc = scoreExamples(w, ex.slice(a, b), BIASES[0], vectors);
  per.push((sc.micro().f1 * 100).toFixed(1));
  pooled.merge(sc);
}
console.log(formatScores(pooled.scores()));
if (BIASES.length > 1) BIASES.forEach((bias, j) => { const m = pooledB[j].micro(); console.log(`O bias ${bias}: P ${(m.precision * 100).toFixed(2)} R ${(m.recall * 100).toFixed(2)} F1 ${(m.f1 * 100).toFixed(2)}`); });
console.log('folds:', per.join(' '), ' pooled micro F1:', (pooled.micro().f1 * 100).toFixed(2));
