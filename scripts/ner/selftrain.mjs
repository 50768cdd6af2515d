#!/usr/bin/env node
// Cross-validation of the self-training step of the shipped recipe (scripts/ner/train.mjs), and
// experiments with its options. A tagger trained on the labeled sentences tags sentences of
// unlabeled news; the sentences it tags with confidence (at least one entity, every token's tag
// with a forward-backward marginal of --self-min-marg or more) are added, with its tags as gold,
// to the labeled ones, and the tagger is trained again (src/analyze/entities/selftrain.ts,
// scripts/ner/unlabeled.mjs).
//
//   node scripts/ner/selftrain.mjs --mode cv   5-fold CV as cv.mjs (the first tagger of each fold
//                                               trains on that fold's training part only), prints
//                                               the plain and the self-trained scores per fold
//   node scripts/ner/selftrain.mjs --mode dev  the dev run of train.mjs (first 85%), writes the
//                                               self-trained dev model to --dev-out for eval.mjs
//   options (defaults: the shipped recipe, SELF_TRAIN_DEFAULTS):
//            --self-train goud,ant_jawharafm,ant_multisource (comma list of ant_multisource, ant_jawharafm, goud)
//            --self-every 3 (one document in N) --self-tokens 2400000 (unlabeled tokens tagged)
//            --self-min-marg 0.9 --self-max-extra 500000 (tokens added at most)
//            --self-min-len 6 --self-max-len 50 --clusters PATH --vectors PATH
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { normalizerFor } from '../../dist/text/normalize.js';
import { parseConll, anercorpLabels } from '../../dist/analyze/entities/conll.js';
import { FeatureExtractor } from '../../dist/analyze/entities/features.js';
import { NerModel } from '../../dist/analyze/entities/model.js';
import { loadResources } from '../../dist/analyze/entities/resources.js';
import { SpanScorer } from '../../dist/analyze/entities/score.js';
import { WordVectors } from '../../dist/analyze/entities/vectors.js';
import { SELF_TRAIN_DEFAULTS, confidentExamples } from '../../dist/analyze/entities/selftrain.js';
import { readUnlabeled, selfTrainOptions } from './unlabeled.mjs';
import { buildExamples, fitTemperature, formatScores, makeHeader, scoreExamples, trainWeights } from '../../dist/analyze/entities/train.js';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const MODE = opt('--mode', 'cv');
const DATA = opt('--data', '../shared/data');
const FOLDS = 5;
const EPOCHS = Number(opt('--epochs', 15));
const BITS = 20;
const t0 = Date.now();
const log = (...m) => console.error(`[${((Date.now() - t0) / 1000).toFixed(0)}s]`, ...m);

const norm = normalizerFor('standard');
const res = loadResources(opt('--clusters', null) ? { clustersPath: opt('--clusters') } : {});
const vectors = WordVectors.fromText(gunzipSync(readFileSync(opt('--vectors', '.cache/ner-vectors.txt.gz'))).toString('utf8'), res.clusters, 100, 381);
res.vectors = vectors;
const fx = new FeatureExtractor(res, BITS);
const algo = { bits: BITS, epochs: EPOCHS, seed: 1, learner: 'crf', rate: 0.05, l2: 0.1, vectors };
const all = parseConll(readFileSync(`${DATA}/anercorp/ANERCorp_CamelLab_train.txt`, 'utf8'), 'anercorp', anercorpLabels);
const ex = buildExamples(all, norm, fx);

const SELF = selfTrainOptions(opt, SELF_TRAIN_DEFAULTS, DATA);
const unl = await readUnlabeled(fx, norm, SELF, log);

/** Tags the unlabeled sentences with w; returns the confident ones with the tags as gold. */
function confident(w) {
  const c = confidentExamples(w, unl, vectors, SELF.minMarg, SELF.maxExtra);
  log(`${c.withEntity} sentences with an entity; ${c.examples.length} confident kept (${c.tokens} tokens)`);
  return c.examples;
}

if (MODE === 'cv') {
  const plain = new SpanScorer(), self = new SpanScorer();
  const per = [];
  for (let k = 0; k < FOLDS; k++) {
    const a = Math.floor((k * ex.length) / FOLDS), b = Math.floor(((k + 1) * ex.length) / FOLDS);
    const train = [...ex.slice(0, a), ...ex.slice(b)];
    const w0 = trainWeights(train, algo);
    const s0 = scoreExamples(w0, ex.slice(a, b), 0, vectors);
    plain.merge(s0);
    const extra = confident(w0);
    const w1 = trainWeights([...train, ...extra], algo);
    const s1 = scoreExamples(w1, ex.slice(a, b), 0, vectors);
    self.merge(s1);
    per.push(`${(s0.micro().f1 * 100).toFixed(1)}->${(s1.micro().f1 * 100).toFixed(1)}`);
    log(`fold ${k + 1}: ${per[k]}`);
  }
  console.log('self-trained:');
  console.log(formatScores(self.scores()));
  console.log('folds (plain -> self-trained):', per.join(' '), ` pooled micro F1: ${(plain.micro().f1 * 100).toFixed(2)} -> ${(self.micro().f1 * 100).toFixed(2)}`);
} else {
  const total = all.reduce((a, s) => a + s.words.length, 0);
  let cum = 0, cut = all.length;
  for (let i = 0; i < all.length; i++) { cum += all[i].words.length; if (cum >= 0.85 * total) { cut = i + 1; break; } }
  const trainEx = ex.slice(0, cut), devEx = ex.slice(cut);
  const w0 = trainWeights(trainEx, algo);
  log('plain dev token-level F1', (scoreExamples(w0, devEx, 0, vectors).micro().f1 * 100).toFixed(2));
  const extra = confident(w0);
  const w1 = trainWeights([...trainEx, ...extra], algo);
  const sc = scoreExamples(w1, devEx, 0, vectors).scores();
  console.log('self-trained dev run, token level:');
  console.log(formatScores(sc));
  const temperature = fitTemperature(w1, devEx, vectors);
  const OUT = opt('--dev-out', '.cache/ner-dev-self.bin.gz');
  mkdirSync('.cache', { recursive: true });
  writeFileSync(OUT, NerModel.serialize(makeHeader(BITS, temperature, { split: 'dev run, self-trained (experiment)' }), w1, { vectors, prune: 0.02 }));
  log(`wrote ${OUT} (temperature ${temperature})`);
}
