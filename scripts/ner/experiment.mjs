// Quick training/dev experiment (not shipped): node scripts/ner/experiment.mjs [epochs] [bits]
import { readFileSync } from 'node:fs';
import { normalizerFor } from '../../dist/text/normalize.js';
import { parseConll, anercorpLabels } from '../../dist/analyze/entities/conll.js';
import { alignSentence } from '../../dist/analyze/entities/align.js';
import { FeatureExtractor, FEATURES_PER_TOKEN } from '../../dist/analyze/entities/features.js';
import { trainPerceptron, emissionScores, constrainedTransitions, Decoder } from '../../dist/analyze/entities/perceptron.js';
import { WordClusters } from '../../dist/analyze/entities/clusters.js';
import { loadResources } from '../../dist/analyze/entities/resources.js';
import { SpanScorer } from '../../dist/analyze/entities/score.js';

const epochs = Number(process.argv[2] ?? 10);
const bits = Number(process.argv[3] ?? 20);
const all = parseConll(readFileSync('../shared/data/anercorp/ANERCorp_CamelLab_train.txt', 'utf8'), 'anercorp', anercorpLabels);
const total = all.reduce((a, s) => a + s.words.length, 0);
let cum = 0, cut = 0;
for (let i = 0; i < all.length; i++) { cum += all[i].words.length; if (cum >= 0.85 * total) { cut = i + 1; break; } }
const mode = process.env.SPLIT ?? "tail";
const train = mode === "tail" ? all.slice(0, cut) : all.filter((_, i) => i % 7 !== 3);
const dev = mode === "tail" ? all.slice(cut) : all.filter((_, i) => i % 7 === 3);
console.log('train', train.length, 'dev', dev.length);
const norm = normalizerFor('standard');
const res = loadResources({ clustersPath: process.env.CLUSTERS ?? null });
if (process.env.NOGAZ) { res.gazetteer = null; res.triggers = null; }
const fx = new FeatureExtractor(res, bits);
const F = FEATURES_PER_TOKEN;
const keep = process.env.KEEP ? new Set(process.env.KEEP.split(',').map(Number)) : null;
const toEx = (s) => {
  const a = alignSentence(s.words, s.tags, norm);
  const n = a.prepared.tokens.length;
  const rows = new Int32Array(n * F);
  fx.extract(a.prepared.tokens, 0, n, rows);
  if (keep) for (let i = 0; i < n; i++) for (let f = 0; f < F; f++) if (!keep.has(f)) rows[i * F + f] = -1;
  return { rows, gold: a.tags };
};
let t0 = Date.now();
const trEx = train.map(toEx), dvEx = dev.map(toEx);
console.log('features', Date.now() - t0, 'ms');
const dec = new Decoder();
const evalDev = (wts) => {
  const sc = new SpanScorer();
  const tr = constrainedTransitions(wts.trans);
  for (const ex of dvEx) {
    const n = ex.gold.length;
    const scores = new Float64Array(n * 9);
    emissionScores(wts.emit, ex.rows, n, F, scores);
    const out = new Int8Array(n);
    dec.viterbi(scores, n, tr, out);
    sc.add(ex.gold, out);
  }
  return sc.scores();
};
t0 = Date.now();
trainPerceptron(trEx, { bits, featuresPerToken: F, epochs, seed: 1, onEpoch: (e, avg, m) => {
  const s = evalDev(avg());
  console.log(e, 'mistakes', m, s.map((r) => `${r.type} ${(r.f1 * 100).toFixed(1)}` + (process.env.PR ? `(${(r.precision*100).toFixed(0)}/${(r.recall*100).toFixed(0)})` : "")).join(' | '), `${Date.now() - t0}ms`);
} });
