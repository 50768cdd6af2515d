#!/usr/bin/env node
// Experiment: self-training on unlabeled news. A tagger trained on the labeled sentences tags
// sentences of unlabeled news; the sentences it tags with confidence (at least one entity, every
// token's tag with a forward-backward marginal of --min-marg or more) are added, with its tags as
// gold, to the labeled ones, and the tagger is trained again.
//
//   node scripts/ner/selftrain.mjs --mode cv   5-fold CV as cv.mjs (the first tagger of each fold
//                                               trains on that fold's training part only), prints
//                                               the plain and the self-trained scores per fold
//   node scripts/ner/selftrain.mjs --mode dev  the dev run of train.mjs (first 85%), writes the
//                                               self-trained dev model to --dev-out for eval.mjs
//   options: --source ant_multisource|ant_jawharafm|goud --every 7 (one document in N) --tokens 600000
//            (unlabeled tokens tagged) --min-marg 0.95 --max-extra 150000 (tokens added at most)
//            --min-len 6 --max-len 50 --clusters PATH --vectors PATH
// Not used for the shipped model.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { normalizerFor } from '../../dist/text/normalize.js';
import { prepareText } from '../../dist/text/prepare.js';
import { parseConll, anercorpLabels } from '../../dist/analyze/entities/conll.js';
import { FEATURES_PER_TOKEN, FeatureExtractor, VECTOR_OFFSETS } from '../../dist/analyze/entities/features.js';
import { NerModel } from '../../dist/analyze/entities/model.js';
import { Decoder, constrainedTransitions, emissionScores } from '../../dist/analyze/entities/perceptron.js';
import { loadResources } from '../../dist/analyze/entities/resources.js';
import { SpanScorer } from '../../dist/analyze/entities/score.js';
import { NUM_TAGS } from '../../dist/analyze/entities/tags.js';
import { WordVectors, addVectorScores } from '../../dist/analyze/entities/vectors.js';
import { buildExamples, fitTemperature, formatScores, makeHeader, scoreExamples, trainWeights } from '../../dist/analyze/entities/train.js';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const MODE = opt('--mode', 'cv');
const DATA = opt('--data', '../shared/data');
const FOLDS = 5;
const EPOCHS = Number(opt('--epochs', 15));
const BITS = 20;
const SRC = { ant_multisource: 'ant_multisource/ant_multisource.jsonl.xz', ant_jawharafm: 'ant_jawharafm_tunisia/ant_jawharafm.jsonl.xz', goud: 'moroccan_goud_marsum/marsum_goud_test.jsonl.xz' };
const SOURCE = opt('--source', 'ant_multisource');
const EVERY = Number(opt('--every', 7));
const TOKENS = Number(opt('--tokens', 600000));
const MIN_MARG = Number(opt('--min-marg', 0.95));
const MAX_EXTRA = Number(opt('--max-extra', 150000));
const MIN_LEN = Number(opt('--min-len', 6));
const MAX_LEN = Number(opt('--max-len', 50));
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

// ---- unlabeled sentences as examples (gold filled in by the tagger) ---------------------------
const F = FEATURES_PER_TOKEN;
const unl = [];
{
  const xz = spawn('xz', ['-dc', `${DATA}/${SRC[SOURCE]}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const rl = createInterface({ input: xz.stdout, crlfDelay: Infinity });
  let k = 0, tok = 0;
  for await (const line of rl) {
    if (line === '' || k++ % EVERY !== 0) continue;
    const rec = JSON.parse(line);
    if (typeof rec.text !== 'string') continue;
    const p = prepareText(rec.text, norm);
    for (const s of p.sentences) {
      const n = s.endToken - s.firstToken;
      if (n < MIN_LEN || n > MAX_LEN) continue;
      const rows = new Int32Array(n * F);
      const vids = new Int32Array(n);
      fx.extract(p.tokens, s.firstToken, s.endToken, rows, vids);
      unl.push({ rows, vids, gold: new Int8Array(n) });
      tok += n;
    }
    if (tok >= TOKENS) break;
  }
  xz.kill();
  log(`${unl.length} unlabeled sentences, ${tok} tokens (${SOURCE}, one document in ${EVERY})`);
}

/** Tags the unlabeled sentences with w; returns the confident ones with the tags as gold. */
function confident(w) {
  const dec = new Decoder();
  const tr = constrainedTransitions(w.trans);
  const out = [];
  let tokens = 0, withEnt = 0;
  for (const u of unl) {
    const n = u.gold.length;
    const scores = new Float64Array(n * NUM_TAGS);
    emissionScores(w.emit, u.rows, n, F, scores);
    addVectorScores(w.dense, vectors, VECTOR_OFFSETS, u.vids, n, NUM_TAGS, scores);
    const tags = new Int8Array(n);
    dec.viterbi(scores, n, tr, tags);
    let ents = 0;
    for (let i = 0; i < n; i++) if (tags[i] !== 0) ents++;
    if (ents === 0) continue;
    withEnt++;
    const marg = new Float64Array(n * NUM_TAGS);
    dec.marginals(scores, n, tr, 1, marg);
    let ok = true;
    for (let i = 0; i < n && ok; i++) if (marg[i * NUM_TAGS + tags[i]] < MIN_MARG) ok = false;
    if (!ok) continue;
    if (tokens + n > MAX_EXTRA) break;
    out.push({ rows: u.rows, vids: u.vids, gold: tags });
    tokens += n;
  }
  log(`${withEnt} sentences with an entity; ${out.length} confident kept (${tokens} tokens)`);
  return out;
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
