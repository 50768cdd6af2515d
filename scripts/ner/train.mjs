#!/usr/bin/env node
// Trains the entity tagger shipped in data/models/ner.bin.gz (deterministic, seeded).
//
//   npm run train:ner                    dev run (train on 85% of ANERcorp train, score on the rest; the
//                                        dev model goes to .cache/ner-dev.bin.gz for npm run eval:ner),
//                                        then the shipped model trained on the whole ANERcorp train split
//   node scripts/ner/train.mjs --dev-only   only the dev run
//   options: --epochs 10 --bits 20 --seeds 3 --autolex [--folds 4 --unlabeled-docs 12000] --out PATH
//
// --seeds N trains N taggers on differently shuffled data and sums their weights (a cheap
// ensemble: +0.4 F1 in 5-fold cross-validation, scripts/ner/cv.mjs).
//
// --autolex (off by default: no gain measured on dev, 3 minutes more) adds two stages. Stage A is a tagger without the auto-lexicon; it tags unlabeled news, and the votes
// per word become the auto-lexicon (autolex.ts) that stage B, the shipped tagger, reads. Training
// sentences get auto-lexicon codes from a stage-A tagger that did not see them (jackknife over
// contiguous folds), so stage B learns how far to trust them on unseen text.
//
// Data: ../shared/data/anercorp (CAMeL Lab train split; the test split is never read) and the
// unlabeled corpora of scripts/ner/clusters.mjs. The dev split is the last 15% of the train split
// by tokens, in corpus order, i.e. articles next to the held-out test split and never trained on
// in the dev run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { normalizerFor } from '../../dist/text/normalize.js';
import { parseConll, anercorpLabels } from '../../dist/analyze/entities/conll.js';
import { FeatureExtractor } from '../../dist/analyze/entities/features.js';
import { NerModel } from '../../dist/analyze/entities/model.js';
import { loadResources } from '../../dist/analyze/entities/resources.js';
import { buildExamples, buildAutoLexicon, fitTemperature, formatScores, makeHeader, scoreExamples, trainWeights } from '../../dist/analyze/entities/train.js';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const flag = (name) => args.includes(name);
const EPOCHS = Number(opt('--epochs', 10));
const BITS = Number(opt('--bits', 20));
const SEEDS = Number(opt('--seeds', 3));
const SEED = 1;
const FOLDS = Number(opt('--folds', 4));
const UNLABELED_DOCS = Number(opt('--unlabeled-docs', 12000));
const AUTOLEX = flag('--autolex');
const DEV_OUT = opt('--dev-out', '.cache/ner-dev.bin.gz');
const OUT = opt('--out', 'data/models/ner.bin.gz');
const DATA = opt('--data', '../shared/data');
const DEV_SHARE = 0.15;

const t0 = Date.now();
const log = (...m) => console.error(`[${((Date.now() - t0) / 1000).toFixed(0)}s]`, ...m);
const norm = normalizerFor('standard');
const res = loadResources();
if (res.clusters === null) log('warning: no word clusters (run node scripts/ner/clusters.mjs first)');

export function anercorpSplit() {
  const all = parseConll(readFileSync(`${DATA}/anercorp/ANERCorp_CamelLab_train.txt`, 'utf8'), 'anercorp', anercorpLabels);
  const total = all.reduce((a, s) => a + s.words.length, 0);
  let cum = 0;
  let cut = all.length;
  for (let i = 0; i < all.length; i++) { cum += all[i].words.length; if (cum >= (1 - DEV_SHARE) * total) { cut = i + 1; break; } }
  return { all, train: all.slice(0, cut), dev: all.slice(cut) };
}

/** Unlabeled news texts: an even share of documents from each corpus, in file order. */
function unlabeledTexts() {
  const corpora = [
    `${DATA}/ant_multisource/ant_multisource.jsonl.xz`,
    `${DATA}/ant_jawharafm_tunisia/ant_jawharafm.jsonl.xz`,
    `${DATA}/moroccan_goud_marsum/marsum_goud_test.jsonl.xz`,
  ];
  const out = [];
  const per = [0.7, 0.2, 0.1];
  corpora.forEach((path, k) => {
    const text = execFileSync('xz', ['-dc', path], { maxBuffer: 1 << 30 }).toString('utf8');
    const lines = text.split('\n').filter((l) => l !== '');
    const want = Math.round(UNLABELED_DOCS * per[k]);
    const step = Math.max(1, Math.floor(lines.length / want));
    for (let i = 0; i < lines.length && out.length < UNLABELED_DOCS && (i / step) < want; i += step) {
      const r = JSON.parse(lines[i]);
      out.push([r.title, r.text].filter((x) => typeof x === 'string').join('\n'));
    }
  });
  return out;
}

/** Sum of the weights of SEEDS taggers trained on differently shuffled examples. */
function trainEnsemble(examples, dev) {
  const w = trainWeights(examples, { bits: BITS, epochs: EPOCHS, seed: SEED, log }, dev);
  for (let s = 1; s < SEEDS; s++) {
    const w2 = trainWeights(examples, { bits: BITS, epochs: EPOCHS, seed: SEED + s });
    for (let i = 0; i < w.emit.length; i++) w.emit[i] += w2.emit[i];
    for (let i = 0; i < w.trans.length; i++) w.trans[i] += w2.trans[i];
    log(`seed ${SEED + s} added`);
  }
  return w;
}

function stageA(sentences) {
  const resA = { ...res, autolex: null };
  const fx = new FeatureExtractor(resA, BITS);
  const ex = buildExamples(sentences, norm, fx);
  const w = trainWeights(ex, { bits: BITS, epochs: EPOCHS, seed: SEED });
  return new NerModel(makeHeader(BITS, 1, {}), w, resA);
}

/** Trains the two-stage tagger on `sentences`; returns stage-B weights and the auto-lexicon for new text. */
function trainTwoStage(sentences, unlabeled, dev) {
  if (!AUTOLEX) {
    const fx = new FeatureExtractor({ ...res, autolex: null }, BITS);
    const ex = buildExamples(sentences, norm, fx);
    const devEx = dev === undefined ? undefined : buildExamples(dev, norm, fx);
    return { weights: trainEnsemble(ex, devEx), lexicon: null, devEx };
  }
  log(`stage A on ${sentences.length} sentences`);
  const full = buildAutoLexicon(stageA(sentences), unlabeled, norm);
  log(`auto-lexicon: ${full.lexicon.codes.size} words from ${full.tokens} unlabeled tokens`);
  const examples = [];
  const n = sentences.length;
  for (let k = 0; k < FOLDS; k++) {
    const a = Math.floor((k * n) / FOLDS);
    const b = Math.floor(((k + 1) * n) / FOLDS);
    const lex = buildAutoLexicon(stageA([...sentences.slice(0, a), ...sentences.slice(b)]), unlabeled, norm).lexicon;
    const fx = new FeatureExtractor({ ...res, autolex: lex }, BITS);
    examples.push(...buildExamples(sentences.slice(a, b), norm, fx));
    log(`fold ${k + 1}/${FOLDS}: ${lex.codes.size} auto-lexicon words`);
  }
  const fxFull = new FeatureExtractor({ ...res, autolex: full.lexicon }, BITS);
  const devEx = dev === undefined ? undefined : buildExamples(dev, norm, fxFull);
  const weights = trainEnsemble(examples, devEx);
  return { weights, lexicon: full.lexicon, devEx };
}

const { all, train, dev } = anercorpSplit();
const unlabeled = AUTOLEX ? unlabeledTexts() : [];
if (AUTOLEX) log(`${unlabeled.length} unlabeled documents`);
log(`ANERcorp train split: ${all.length} sentences; dev run: train ${train.length}, dev ${dev.length}`);
const devRun = trainTwoStage(train, unlabeled, dev);
const devScores = scoreExamples(devRun.weights, devRun.devEx).scores();
const temperature = fitTemperature(devRun.weights, devRun.devEx);
console.log(`dev split (last ${DEV_SHARE * 100}% of the ANERcorp train split, ${dev.length} sentences), token-level typed exact spans:`);
console.log(formatScores(devScores));
log(`temperature ${temperature}`);
const trainingRecord = (sentences) => ({
  data: 'ANERcorp, CAMeL Lab train split (Benajiba & Rosso 2007; split: Obeid et al. 2020), CC BY-SA 4.0',
  sentences, epochs: EPOCHS, seeds: SEEDS, bits: BITS, autolex: AUTOLEX, folds: AUTOLEX ? FOLDS : 0, unlabeledDocs: unlabeled.length,
});
mkdirSync(dirname(DEV_OUT), { recursive: true });
writeFileSync(DEV_OUT, NerModel.serialize(makeHeader(BITS, temperature, { ...trainingRecord(train.length), split: 'dev run: first 85% of the train split' }), devRun.weights, devRun.lexicon));
log(`wrote ${DEV_OUT} (dev model, not shipped)`);
if (flag('--dev-only')) process.exit(0);

log(`final model on all ${all.length} sentences`);
const fin = trainTwoStage(all, unlabeled);
const header = makeHeader(BITS, temperature, {
  ...trainingRecord(all.length),
  dev: { sentences: dev.length, microF1: Number(devScores[4].f1.toFixed(4)), note: 'token-level, dev run trained without the dev sentences' },
});
const buf = NerModel.serialize(header, fin.weights, fin.lexicon);
writeFileSync(OUT, buf);
log(`wrote ${OUT} (${(buf.length / 1024).toFixed(0)} KiB)`);
