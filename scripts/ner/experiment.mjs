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
const { readdirSync } = await import('node:fs');
const conll = await import('../../dist/analyze/entities/conll.js');
const extra = (process.env.EXTRA ?? '').split(',').filter(Boolean);
for (const x of extra) {
  let sents = [];
  if (x === 'aqmar') for (const f of readdirSync('../shared/data/aqmar/dev_articles').sort()) sents.push(...conll.parseConll(readFileSync('../shared/data/aqmar/dev_articles/' + f, 'utf8'), 'aqmar', conll.aqmarLabels));
  if (x === 'aqmar3') for (const f of readdirSync('../shared/data/aqmar/dev_articles').sort()) sents.push(...conll.parseConll(readFileSync('../shared/data/aqmar/dev_articles/' + f, 'utf8'), 'aqmar', (l) => (l === 'PER' || l === 'LOC' || l === 'ORG') ? l : null));
  if (x === 'wojood') for (const f of ['train.txt', 'val.txt']) sents.push(...conll.parseWojood(readFileSync('../shared/data/wojood_sample/' + f, 'utf8')));
  console.log('extra', x, sents.length);
  train.push(...sents);
}
console.log('train', train.length, 'dev', dev.length);
const norm = normalizerFor('standard');
const res = loadResources({ clustersPath: process.env.CLUSTERS ?? null });
if (process.env.NOGAZ) { res.gazetteer = null; res.triggers = null; }
const fx = new FeatureExtractor(res, bits);
const F0 = FEATURES_PER_TOKEN;
const F = process.env.AUG ? 2 * F0 : F0;
const keep = process.env.KEEP ? new Set(process.env.KEEP.split(',').map(Number)) : null;
const toEx = (s) => {
  const a = alignSentence(s.words, s.tags, norm);
  s.aligned = a;
  const n = a.prepared.tokens.length;
  const rows = new Int32Array(n * F0);
  fx.extract(a.prepared.tokens, 0, n, rows);
  if (process.env.AUG) {
    const r2 = new Int32Array(n * F * 2);
    const dom = s.corpus === 'anercorp' ? 0x1234567 : 0x7654321;
    for (let i = 0; i < n; i++) for (let f = 0; f < F; f++) {
      const r = rows[i * F + f];
      r2[i * 2 * F + f] = r;
      r2[i * 2 * F + F + f] = r < 0 ? -1 : (Math.imul(r ^ dom, 0x9e3779b1) >>> 0) & ((1 << bits) - 1);
    }
    return { rows: r2, gold: a.tags, toks: a.prepared.tokens };
  }
  if (keep) for (let i = 0; i < n; i++) for (let f = 0; f < F0; f++) if (!keep.has(f)) rows[i * F0 + f] = -1;
  return { rows, gold: a.tags, toks: a.prepared.tokens };
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
const finalW = trainPerceptron(trEx, { bits, featuresPerToken: F, epochs, seed: 1, onEpoch: (e, avg, m) => {
  const s = evalDev(avg());
  console.log(e, 'mistakes', m, s.map((r) => `${r.type} ${(r.f1 * 100).toFixed(1)}` + (process.env.PR ? `(${(r.precision*100).toFixed(0)}/${(r.recall*100).toFixed(0)})` : "")).join(' | '), `${Date.now() - t0}ms`);
} });
if (process.env.ERRORS) {
  const { spansOf, ENTITY_TYPES } = await import('../../dist/analyze/entities/tags.js');
  const tr = constrainedTransitions(finalW.trans);
  const cats = { miss: 0, spurious: 0, type: 0, boundary: 0 };
  const lines = [];
  for (const ex of dvEx) {
    const n = ex.gold.length;
    const scores = new Float64Array(n * 9);
    emissionScores(finalW.emit, ex.rows, n, F, scores);
    const out = new Int8Array(n);
    dec.viterbi(scores, n, tr, out);
    const g = spansOf(ex.gold), p = spansOf(out);
    const txt = (s) => ex.toks.slice(s.start, s.end).map((t) => t.text).join(' ');
    const ctx = (s) => ex.toks.slice(Math.max(0, s.start - 3), s.start).map((t) => t.text).join(' ');
    for (const s of g) {
      const exact = p.find((q) => q.start === s.start && q.end === s.end);
      if (exact && exact.type === s.type) continue;
      const over = p.find((q) => q.start < s.end && q.end > s.start);
      if (exact) { cats.type++; lines.push(`TYPE  gold ${ENTITY_TYPES[s.type]} pred ${ENTITY_TYPES[exact.type]}: ${txt(s)}   [${ctx(s)}]`); }
      else if (over) { cats.boundary++; lines.push(`BOUND gold ${ENTITY_TYPES[s.type]} ${txt(s)} | pred ${ENTITY_TYPES[over.type]} ${txt(over)}   [${ctx(s)}]`); }
      else { cats.miss++; lines.push(`MISS  ${ENTITY_TYPES[s.type]}: ${txt(s)}   [${ctx(s)}]`); }
    }
    for (const q of p) if (!g.some((s) => s.start < q.end && s.end > q.start)) { cats.spurious++; lines.push(`SPUR  ${ENTITY_TYPES[q.type]}: ${txt(q)}   [${ctx(q)}]`); }
  }
  console.log(cats);
  (await import('node:fs')).writeFileSync('/tmp/ner-errors.txt', lines.join('\n'));
}
if (process.env.ROWS) {
  const w = finalW.emit; const R = w.length / 9;
  let nz = 0; const maxes = [];
  for (let r = 0; r < R; r++) { let m = 0; for (let t = 0; t < 9; t++) m = Math.max(m, Math.abs(w[r * 9 + t])); if (m > 0) { nz++; maxes.push(m); } }
  maxes.sort((a, b) => a - b);
  console.log('rows', R, 'nonzero', nz, 'quantiles', [0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1].map((q) => maxes[Math.min(maxes.length - 1, Math.floor(q * maxes.length))].toFixed(3)).join(' '));
  for (const th of [0.05, 0.1, 0.2, 0.3, 0.5, 1]) {
    const w2 = Float32Array.from(w); let kept = 0;
    for (let r = 0; r < R; r++) { let m = 0; for (let t = 0; t < 9; t++) m = Math.max(m, Math.abs(w2[r * 9 + t])); if (m < th) for (let t = 0; t < 9; t++) w2[r * 9 + t] = 0; else kept++; }
    const s = evalDev({ emit: w2, trans: finalW.trans });
    console.log('prune <', th, 'kept', kept, 'micro', (s[4].f1 * 100).toFixed(1));
  }
}
