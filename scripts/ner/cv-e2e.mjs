#!/usr/bin/env node
// End-to-end cross-validation: the rules and lexicons after the tagger judged on five times the
// text of the dev split, none of it the dev split's own errors. A plain CRF (no self-training) is
// trained on four contiguous blocks of the ANERcorp train split, as in cv.mjs, and each held-out
// block is run through prepareText + extractEntities as the CLI does (each sentence a document).
// The fold models are kept in .cache, so that a change to the extractor is scored again in seconds.
//   node scripts/ner/cv-e2e.mjs [--folds 5] [--retrain] [--no-gazetteer] [--no-rules] [--doc-size N]
//     [--errors FILE] [--cache .cache/cv-e2e] [--no-audit] [--self-train [sources]]
// --self-train trains each fold model with the shipped self-training step (about 4 minutes a fold
// instead of 25 s; cached apart, in .cache/cv-e2e-self): the closest estimate of the shipped model.
// Each fold model gets the lexicon audit of its own training blocks (audit.mjs), as train.mjs does;
// --no-audit scores it without (every lexicon name the tagger missed is added).
// Not used for the shipped model. The fold models take the shipped model's temperature (fitted on
// dev for the same recipe) rather than one fitted on text they were trained on.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { normalizerFor } from '../../dist/text/normalize.js';
import { prepareText } from '../../dist/text/prepare.js';
import { parseConll, anercorpLabels } from '../../dist/analyze/entities/conll.js';
import { FeatureExtractor } from '../../dist/analyze/entities/features.js';
import { NerModel } from '../../dist/analyze/entities/model.js';
import { loadResources } from '../../dist/analyze/entities/resources.js';
import { WordVectors } from '../../dist/analyze/entities/vectors.js';
import { spansToWordTags } from '../../dist/analyze/entities/align.js';
import { extractEntities } from '../../dist/analyze/entities/extract.js';
import { SpanScorer } from '../../dist/analyze/entities/score.js';
import { ENTITY_TYPES, spansOf } from '../../dist/analyze/entities/tags.js';
import { buildExamples, formatScores, makeHeader, trainWeights } from '../../dist/analyze/entities/train.js';
import { backoffSkipFor } from './audit.mjs';
import { SELF_TRAIN_DEFAULTS, confidentExamples } from '../../dist/analyze/entities/selftrain.js';
import { SHIPPED_SELF_TRAIN, readUnlabeled, selfTrainOptions } from './unlabeled.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const flag = (name) => args.includes(name);
const FOLDS = Number(opt('--folds', 5));
const CACHE = opt('--cache', flag('--self-train') ? '.cache/cv-e2e-self' : '.cache/cv-e2e');
const DATA = opt('--data', '../shared/data');
const VECTORS = opt('--vectors', '.cache/ner-vectors.txt.gz');
const DOC_SIZE = Number(opt('--doc-size', 1));
const BITS = 20;
// --self-train [sources]: each fold model trained with the shipped self-training step (the
// first tagger of a fold trained on that fold's training blocks only); its own --cache default
const selfArg = opt('--self-train', undefined);
const SELF = !flag('--self-train') ? null : selfTrainOptions(
  (name, def) => (name === '--self-train' ? (selfArg === undefined || selfArg.startsWith('--') ? SHIPPED_SELF_TRAIN : selfArg) : opt(name, def)),
  SELF_TRAIN_DEFAULTS, DATA);
const log = (...m) => console.error(...m);

const norm = normalizerFor('standard');
const res = loadResources();
const all = parseConll(readFileSync(`${DATA}/anercorp/ANERCorp_CamelLab_train.txt`, 'utf8'), 'anercorp', anercorpLabels);
const modelPath = (k) => `${CACHE}/fold${k}-of-${FOLDS}.bin.gz`;
const bounds = (k) => [Math.floor((k * all.length) / FOLDS), Math.floor(((k + 1) * all.length) / FOLDS)];

/** A cached fold model this build can read (one trained before a feature change cannot). */
const usable = (k) => {
  if (!existsSync(modelPath(k))) return false;
  try { NerModel.deserialize(readFileSync(modelPath(k))); return true; } catch { log(`fold ${k + 1}: cached model unusable, retraining`); return false; }
};
const missing = [...Array(FOLDS).keys()].filter((k) => flag('--retrain') || !usable(k));
if (missing.length > 0) {
  if (!existsSync(VECTORS)) throw new Error(`${VECTORS} not found: node scripts/ner/clusters.mjs --emb-out ${VECTORS}`);
  const vectors = WordVectors.fromText(gunzipSync(readFileSync(VECTORS)).toString('utf8'), res.clusters, 100, 381);
  const fx = new FeatureExtractor({ ...res, vectors }, BITS);
  const ex = buildExamples(all, norm, fx);
  const unlabeled = SELF === null ? [] : await readUnlabeled(fx, norm, SELF, log);
  const { header } = NerModel.deserialize(readFileSync('data/models/ner.bin.gz'));
  mkdirSync(CACHE, { recursive: true });
  for (const k of missing) {
    const [a, b] = bounds(k);
    log(`fold ${k + 1}/${FOLDS}: training on ${ex.length - (b - a)} sentences`);
    const fold = [...ex.slice(0, a), ...ex.slice(b)];
    const algo = { bits: BITS, epochs: 15, seed: 1, learner: 'crf', rate: 0.05, l2: 0.1, vectors };
    let w = trainWeights(fold, algo);
    if (SELF !== null) {
      const c = confidentExamples(w, unlabeled, vectors, SELF.minMarg, SELF.maxExtra);
      log(`  self-training: ${c.examples.length} confident sentences added (${c.tokens} tokens)`);
      w = trainWeights([...fold, ...c.examples], algo);
    }
    writeFileSync(modelPath(k), NerModel.serialize(makeHeader(BITS, header.temperature, { cv: `fold ${k + 1} of ${FOLDS}, held out sentences ${a}-${b}` }), w, { vectors, prune: 0.02 }));
  }
}

const pooled = new SpanScorer();
const perFold = [];
const errors = [];
for (let k = 0; k < FOLDS; k++) {
  const [a, b] = bounds(k);
  const { header, weights, vectorTable } = NerModel.deserialize(readFileSync(modelPath(k)));
  header.backoffSkip = flag('--no-audit') ? [] : backoffSkipFor([...all.slice(0, a), ...all.slice(b)], res);
  const model = new NerModel(header, weights, res, vectorTable);
  const fold = new SpanScorer();
  for (let g = a; g < b; g += DOC_SIZE) {
    const group = all.slice(g, Math.min(b, g + DOC_SIZE));
    const words = group.flatMap((s) => s.words);
    const text = group.map((s) => s.words.join(' ')).join('\n');
    const starts = new Int32Array(words.length + 1);
    let pos = 0;
    words.forEach((w, i) => { starts[i] = pos; pos += w.length + 1; });
    starts[words.length] = text.length;
    const mentions = extractEntities(prepareText(text, norm), model, { doc: String(g), gazetteerBackoff: !flag('--no-gazetteer'), orgRule: !flag('--no-rules') });
    const predAll = spansToWordTags(mentions.map((m) => ({ type: ENTITY_TYPES.indexOf(m.type), start: m.utf16Start, end: m.utf16End })), starts);
    let at = 0;
    group.forEach((s, q) => {
      const pred = predAll.subarray(at, at + s.words.length);
      at += s.words.length;
      fold.add(s.tags, pred);
      pooled.add(s.tags, pred);
      const show = (tags) => spansOf(tags).map((x) => `${ENTITY_TYPES[x.type]}:${s.words.slice(x.start, x.end).join(' ')}`);
      const gold = show(s.tags);
      const got = show(pred);
      const miss = gold.filter((x) => !got.includes(x));
      const spur = got.filter((x) => !gold.includes(x));
      if (miss.length + spur.length > 0) errors.push(`#${g + q} ${s.words.join(' ')}\n  missed: ${miss.join(' | ')}\n  wrong:  ${spur.join(' | ')}`);
    });
  }
  perFold.push((fold.micro().f1 * 100).toFixed(2));
}
console.log(`end-to-end ${FOLDS}-fold CV over the ANERcorp train split (${SELF === null ? 'plain CRF' : 'self-trained CRF'} per fold, each sentence ${DOC_SIZE === 1 ? 'a document' : `of ${DOC_SIZE} a document`}):`);
console.log(formatScores(pooled.scores()));
console.log('folds:', perFold.join(' '), ' pooled micro F1:', (pooled.micro().f1 * 100).toFixed(2));
if (opt('--errors', null)) writeFileSync(opt('--errors'), errors.join('\n'));
