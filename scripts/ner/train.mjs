#!/usr/bin/env node
// Trains the entity tagger shipped in data/models/ner.bin.gz (deterministic, seeded).
//
//   npm run train:ner                      dev run, then the shipped model
//   node scripts/ner/train.mjs --dev-only  only the dev run
//   options: --learner crf --epochs 15 --l2 0.1 --rate 0.05 --seeds 1 --bits 20 --prune 0.02
//            --self-train goud,ant_jawharafm,ant_multisource (default; none, or any comma list of these)
//            --self-tokens 2400000 --self-every 3 --self-min-marg 0.9 --self-max-extra 500000
//            --vectors .cache/ner-vectors.txt.gz (or none) --out data/models/ner.bin.gz
//            --dev-out .cache/ner-dev.bin.gz
//            --clusters PATH (another clusters file than data/models/ner-clusters.tsv.gz: experiments;
//            the vectors must come from the same clusters.mjs run, and eval.mjs needs the same --clusters)
//            (--learner perceptron --epochs 10 --seeds 3 --vectors none: the earlier recipe)
//
// Data: ../shared/data/anercorp, the CAMeL Lab TRAIN split (its test split is never read, and no
// other copy of ANERcorp is used). The dev split is the last 15% of the train split by tokens, in
// corpus order: articles next to the held-out test split.
//  - dev run: trains on the first 85%, prints token-level scores on the dev split, fits the
//    temperature of confidence scores there, and writes the dev model to .cache/ner-dev.bin.gz
//    (for npm run eval:ner, which scores it end to end; never shipped);
//  - shipped model: the same recipe on the whole train split, with the dev run's temperature.
// Features read the lexicons (data/lexicons/entities) and the word clusters
// (data/models/ner-clusters.tsv.gz, from scripts/ner/clusters.mjs): retrain after changing them.
// The learner is a linear-chain CRF (SGD on the L2-penalized log-likelihood, src/analyze/entities/
// crf.ts) that also reads word vectors as real-valued inputs of the word before, the word and the
// word after. The vectors (PPMI-SVD, the same ones the clusters come from) are written by
// scripts/ner/clusters.mjs --emb-out; this script runs it into .cache when the file is missing
// (a few minutes). The model file carries each word's vector scores, not the vectors.
// --prune drops emission weights below it (a CRF gives every feature seen a small weight; 0.02
// halves the file and leaves dev F1 unchanged).
// Self-training (docs/ENTITIES.md; --self-train none turns it off; CRF only): the tagger trained on
// the labeled sentences tags the sentences (6-50 tokens) of one document in 3 of Goud.ma, Jawhara FM
// and ANT multi-source news (interleaved, in file order), until 2.4 million tokens; the sentences with at least one entity and every
// token's marginal at 0.9 or more, up to 500,000 tokens, are added with its tags as gold and the
// same recipe is trained again on both (src/analyze/entities/selftrain.ts, scripts/ner/unlabeled.mjs;
// node scripts/ner/selftrain.mjs --mode cv cross-validates it). The dev run does the same with the
// first tagger trained on the first 85% only, so the dev figures stay honest.
// --seeds N sums the weights of N taggers trained on differently shuffled data (a cheap ensemble:
// +0.4 F1 in 5-fold cross-validation for the perceptron, nothing for the CRF).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname } from 'node:path';
import { execFileSync } from 'node:child_process';
import { normalizerFor } from '../../dist/text/normalize.js';
import { parseConll, anercorpLabels } from '../../dist/analyze/entities/conll.js';
import { FeatureExtractor } from '../../dist/analyze/entities/features.js';
import { NerModel } from '../../dist/analyze/entities/model.js';
import { loadResources } from '../../dist/analyze/entities/resources.js';
import { WordVectors } from '../../dist/analyze/entities/vectors.js';
import { SELF_TRAIN_DEFAULTS, confidentExamples } from '../../dist/analyze/entities/selftrain.js';
import { SHIPPED_SELF_TRAIN, readUnlabeled, selfTrainOptions } from './unlabeled.mjs';
import { AUDIT_DEFAULTS, backoffSkipFor, writeBackoffSkip } from './audit.mjs';
import { buildExamples, fitTemperature, formatScores, makeHeader, scoreExamples, trainWeights } from '../../dist/analyze/entities/train.js';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const LEARNER = opt('--learner', 'crf');
const EPOCHS = Number(opt('--epochs', LEARNER === 'crf' ? 15 : 10));
const BITS = Number(opt('--bits', 20));
const SEEDS = Number(opt('--seeds', LEARNER === 'crf' ? 1 : 3));
const OUT = opt('--out', 'data/models/ner.bin.gz');
const DEV_OUT = opt('--dev-out', '.cache/ner-dev.bin.gz');
const DATA = opt('--data', '../shared/data');
const DEV_SHARE = 0.15;
const RATE = Number(opt('--rate', 0.05));
const L2 = Number(opt('--l2', 0.1));
const VECTORS = opt('--vectors', '.cache/ner-vectors.txt.gz');
const PRUNE = Number(opt('--prune', LEARNER === 'crf' ? 0.02 : 0));
const VEC_WORDS = Number(opt('--vec-words', 1e9));
const SELF = opt('--self-train', LEARNER === 'crf' ? SHIPPED_SELF_TRAIN : 'none') === 'none' ? null : selfTrainOptions(opt, SELF_TRAIN_DEFAULTS, DATA);

const t0 = Date.now();
const log = (...m) => console.error(`[${((Date.now() - t0) / 1000).toFixed(0)}s]`, ...m);
const norm = normalizerFor('standard');
const res = loadResources(opt('--clusters', null) ? { clustersPath: opt('--clusters') } : {});
if (res.clusters === null) log('warning: no word clusters (run node scripts/ner/clusters.mjs first)');
let vectors = null;
if (VECTORS !== 'none' && LEARNER === 'crf') {
  if (!existsSync(VECTORS)) {
    log(`${VECTORS} not found: node scripts/ner/clusters.mjs --emb-out ${VECTORS} (the clusters it also writes go to .cache, the shipped ones stay)`);
    mkdirSync(dirname(VECTORS), { recursive: true });
    execFileSync(process.execPath, ['scripts/ner/clusters.mjs', '--data', DATA, '--out', `${dirname(VECTORS)}/ner-clusters-rebuilt.tsv.gz`, '--emb-out', VECTORS], { stdio: 'inherit' });
  }
  vectors = WordVectors.fromText(gunzipSync(readFileSync(VECTORS)).toString('utf8'), res.clusters, 100, 381).truncate(VEC_WORDS, 100);
  res.vectors = vectors;
}
const fx = new FeatureExtractor(res, BITS);
const algo = { learner: LEARNER, rate: RATE, l2: L2, vectors };

const all = parseConll(readFileSync(`${DATA}/anercorp/ANERCorp_CamelLab_train.txt`, 'utf8'), 'anercorp', anercorpLabels);
const total = all.reduce((a, s) => a + s.words.length, 0);
let cum = 0;
let cut = all.length;
for (let i = 0; i < all.length; i++) { cum += all[i].words.length; if (cum >= (1 - DEV_SHARE) * total) { cut = i + 1; break; } }
const examples = buildExamples(all, norm, fx);
const trainEx = examples.slice(0, cut);
const devEx = examples.slice(cut);
log(`ANERcorp train split: ${all.length} sentences, ${total} tokens; dev run: train ${trainEx.length}, dev ${devEx.length} sentences`);
const unlabeled = SELF === null ? [] : await readUnlabeled(fx, norm, SELF, log);

/** Sum of the weights of SEEDS taggers trained on differently shuffled examples. */
function trainEnsemble(ex, dev) {
  const w = trainWeights(ex, { ...algo, bits: BITS, epochs: EPOCHS, seed: 1, log }, dev);
  for (let s = 2; s <= SEEDS; s++) {
    const w2 = trainWeights(ex, { ...algo, bits: BITS, epochs: EPOCHS, seed: s });
    for (let i = 0; i < w.emit.length; i++) w.emit[i] += w2.emit[i];
    for (let i = 0; i < w.trans.length; i++) w.trans[i] += w2.trans[i];
    for (let i = 0; i < w.dense.length; i++) w.dense[i] += w2.dense[i];
    log(`seed ${s} added`);
  }
  return w;
}

/** trainEnsemble, then with self-training: tag the unlabeled sentences, add the confident ones, train again. */
function trainRecipe(ex, dev) {
  const w0 = trainEnsemble(ex, dev);
  if (SELF === null) return { weights: w0, added: null };
  const c = confidentExamples(w0, unlabeled, vectors, SELF.minMarg, SELF.maxExtra);
  log(`self-training: ${c.withEntity} unlabeled sentences with an entity, ${c.examples.length} confident added (${c.tokens} tokens); training again`);
  return { weights: trainEnsemble([...ex, ...c.examples], dev), added: { sentences: c.examples.length, tokens: c.tokens } };
}

const record = (sentences, added) => ({
  data: 'ANERcorp, CAMeL Lab train split (Benajiba & Rosso 2007; split: Obeid et al. 2020), CC BY-SA 4.0',
  sentences, epochs: EPOCHS, seeds: SEEDS, bits: BITS, learner: LEARNER,
  ...(LEARNER === 'crf' ? { rate: RATE, l2: L2 } : {}), vectors: VECTORS === 'none' ? null : 'PPMI-SVD word vectors of scripts/ner/clusters.mjs (--emb-out)', prune: PRUNE,
  selfTraining: SELF === null ? null : {
    sources: SELF.sources, everyNthDocument: SELF.every, tokensTagged: SELF.tokens, minMarginal: SELF.minMarg, maxTokensAdded: SELF.maxExtra,
    sentenceTokens: [SELF.minLen, SELF.maxLen], added,
  },
});

const dev = trainRecipe(trainEx, devEx);
const devWeights = dev.weights;
const devScores = scoreExamples(devWeights, devEx, 0, vectors).scores();
const temperature = fitTemperature(devWeights, devEx, vectors);
console.log(`dev split (last ${DEV_SHARE * 100}% of the ANERcorp train split, ${devEx.length} sentences), token-level typed exact spans:`);
console.log(formatScores(devScores));
log(`temperature ${temperature}`);
mkdirSync(dirname(DEV_OUT), { recursive: true });
writeFileSync(DEV_OUT, NerModel.serialize(makeHeader(BITS, temperature, { ...record(trainEx.length, dev.added), split: 'dev run: first 85% of the train split' }), devWeights, { vectors, prune: PRUNE }));
// the lexicon audit of the same sentences the weights were trained on (audit.mjs, backoff.ts)
const auditNote = (n, skip) => ({ sentences: n, ...AUDIT_DEFAULTS, forms: skip.length });
const devSkip = backoffSkipFor(all.slice(0, cut), res);
writeBackoffSkip(DEV_OUT, devSkip, auditNote(cut, devSkip));
log(`wrote ${DEV_OUT} (dev model, not shipped; ${devSkip.length} lexicon forms not added)`);
if (args.includes('--dev-only')) process.exit(0);

const shipped = trainRecipe(examples);
const weights = shipped.weights;
const buf = NerModel.serialize(makeHeader(BITS, temperature, {
  ...record(all.length, shipped.added),
  dev: { sentences: devEx.length, microF1: Number(devScores[4].f1.toFixed(4)), note: 'token-level, dev run trained without the dev sentences' },
}), weights, { vectors, prune: PRUNE });
writeFileSync(OUT, buf);
const skip = backoffSkipFor(all, res);
writeBackoffSkip(OUT, skip, auditNote(all.length, skip));
log(`wrote ${OUT} (${(buf.length / 1024).toFixed(0)} KiB; ${skip.length} lexicon forms not added)`);
