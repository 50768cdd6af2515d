#!/usr/bin/env node
// Experiment (not the shipped recipe): 5-fold cross-validation of a stacked second CRF pass and of
// extra token features, on the ANERcorp train split, tagger alone, token level (as cv.mjs).
//
//   node scripts/ner/stack.mjs [--extra quote,paren,orgdist] [--stack local,doc] [--window 8]
//     [--pass1 .cache/stack-pass1.bin] [--epochs 15]
//
// Pass 1 is the shipped recipe (cv.mjs) trained fold by fold; its out-of-fold Viterbi tags and
// marginals over every sentence are the jackknifed first-pass output the second pass reads
// (cached in --pass1, since they do not depend on the second pass' features). Pass 2, again fold
// by fold, sees the shipped features plus:
//   local: the first-pass tags at -2..+2, tag pairs, binned confidence and entity mass;
//   doc:   how the same base form was tagged by the first pass elsewhere in a window of
//          +-W sentences (ANERcorp has no article marks; articles run about 15 sentences).
// --extra adds token features to both passes (then no cache): inside quotes, inside parentheses,
// distance 1-5 after an organization head noun.
// Measured 2026-12-01 (docs/ENTITIES.md): pass 1 77.19; --stack local,doc 76.85; --stack doc
// 78.18 (window 8), 78.27 (16), 77.80 (4), but no gain end to end once the document rule runs;
// --extra quote,paren,orgdist 77.18.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { normalizerFor } from '../../dist/text/normalize.js';
import { parseConll, anercorpLabels } from '../../dist/analyze/entities/conll.js';
import { alignSentence } from '../../dist/analyze/entities/align.js';
import { splitProclitics } from '../../dist/analyze/entities/clitics.js';
import { FEATURES_PER_TOKEN, FeatureExtractor, VECTOR_OFFSETS } from '../../dist/analyze/entities/features.js';
import { labelIndex } from '../../dist/analyze/entities/gazetteer.js';
import { feat1, feat2, hashRange } from '../../dist/analyze/entities/hash.js';
import { trainCrf } from '../../dist/analyze/entities/crf.js';
import { Decoder, constrainedTransitions, emissionScores } from '../../dist/analyze/entities/perceptron.js';
import { loadResources } from '../../dist/analyze/entities/resources.js';
import { SpanScorer } from '../../dist/analyze/entities/score.js';
import { NUM_TAGS } from '../../dist/analyze/entities/tags.js';
import { formatScores } from '../../dist/analyze/entities/train.js';
import { WordVectors, addVectorScores } from '../../dist/analyze/entities/vectors.js';

const T = NUM_TAGS;
const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const FOLDS = 5;
const BITS = 20;
const EPOCHS = Number(opt('--epochs', 15));
const EXTRA = new Set((opt('--extra', '') || '').split(',').filter(Boolean));
const STACK = new Set((opt('--stack', '') || '').split(',').filter(Boolean));
const W = Number(opt('--window', 8));
const CACHE = opt('--pass1', '.cache/stack-pass1.bin');
const mask = (1 << BITS) - 1;
const t0 = Date.now();
const log = (...m) => console.error(`[${((Date.now() - t0) / 1000).toFixed(0)}s]`, ...m);

const res = loadResources();
const vectors = WordVectors.fromText(gunzipSync(readFileSync('.cache/ner-vectors.txt.gz')).toString('utf8'), res.clusters, 100, 381);
res.vectors = vectors;
const freq = res.clusters.freq;
const fx = new FeatureExtractor(res, BITS);
const norm = normalizerFor('standard');
const all = parseConll(readFileSync('../shared/data/anercorp/ANERCorp_CamelLab_train.txt', 'utf8'), 'anercorp', anercorpLabels);
const ORGHEAD = 1 << labelIndex('ORGHEAD');

// ---- extra token features ----------------------------------------------------------------------
const QUOTES = new Set(['"', '«', '»', '“', '”', "'"]);
const EXTRA_SLOTS = (EXTRA.has('quote') ? 2 : 0) + (EXTRA.has('paren') ? 2 : 0) + (EXTRA.has('orgdist') ? 2 : 0);
function extraRows(toks, out, F, base) {
  const n = toks.length;
  let k = 0;
  const clusterOf = (t) => res.clusters.clusterOfId(res.clusters.id(t.norm), 1);
  if (EXTRA.has('quote')) {
    // inside a quoted span of the sentence: odd number of quote marks before the token, and one after
    let open = false;
    const inside = new Uint8Array(n);
    let total = 0;
    for (const t of toks) if (QUOTES.has(t.norm)) total++;
    let seen = 0;
    for (let i = 0; i < n; i++) {
      if (QUOTES.has(toks[i].norm)) { open = !open; seen++; continue; }
      inside[i] = open && seen < total ? 1 : 0;
    }
    for (let i = 0; i < n; i++) {
      out[i * F + base + k] = inside[i] ? feat1(300, 1) & mask : -1;
      out[i * F + base + k + 1] = inside[i] ? feat2(301, 1, clusterOf(toks[i])) & mask : -1;
    }
    k += 2;
  }
  if (EXTRA.has('paren')) {
    let depth = 0;
    for (let i = 0; i < n; i++) {
      const w = toks[i].norm;
      if (w === '(') { depth++; out[i * F + base + k] = -1; out[i * F + base + k + 1] = -1; continue; }
      if (w === ')') { depth = Math.max(0, depth - 1); out[i * F + base + k] = -1; out[i * F + base + k + 1] = -1; continue; }
      out[i * F + base + k] = depth > 0 ? feat1(302, 1) & mask : -1;
      out[i * F + base + k + 1] = depth > 0 ? feat2(303, 1, clusterOf(toks[i])) & mask : -1;
    }
    k += 2;
  }
  if (EXTRA.has('orgdist')) {
    // distance (1..5 tokens, no punctuation between) after the last organization head noun
    let last = -100;
    for (let i = 0; i < n; i++) {
      const t = toks[i];
      const d = i - last;
      const v = last >= 0 && d >= 1 && d <= 5 ? d : 0;
      out[i * F + base + k] = v > 0 ? feat1(304, v) & mask : -1;
      out[i * F + base + k + 1] = v > 0 ? feat2(305, v, clusterOf(t)) & mask : -1;
      if (t.kind === 'punctuation' || t.kind === 'symbol') last = -100;
      const h = res.triggers.matchAt(toks, i, n, freq);
      if (h !== null && (h.labels & ORGHEAD) !== 0) { last = h.end - 1; i = h.end - 1; }
    }
    k += 2;
  }
}

// ---- examples ----------------------------------------------------------------------------------
const F0 = FEATURES_PER_TOKEN;
const F1 = F0 + EXTRA_SLOTS;
const sents = all.map((s) => {
  const a = alignSentence(s.words, s.tags, norm);
  const toks = a.prepared.tokens;
  const n = toks.length;
  const r0 = new Int32Array(n * F0);
  const vids = new Int32Array(n);
  fx.extract(toks, 0, n, r0, vids);
  const rows = new Int32Array(n * F1).fill(-1);
  for (let i = 0; i < n; i++) for (let f = 0; f < F0; f++) rows[i * F1 + f] = r0[i * F0 + f];
  if (EXTRA_SLOTS > 0) extraRows(toks, rows, F1, F0);
  const keys = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    if (t.kind !== 'arabic' && t.kind !== 'latin') { keys[i] = 0; continue; }
    const b = t.kind === 'arabic' ? splitProclitics(t.norm, freq).base : t.norm;
    keys[i] = b.length >= 2 ? hashRange(b) | 1 : 0;
  }
  return { rows, gold: a.tags, vids, keys, n };
});
log(`${sents.length} sentences, ${F1} slots per token`);

const folds = [];
for (let k = 0; k < FOLDS; k++) folds.push([Math.floor((k * sents.length) / FOLDS), Math.floor(((k + 1) * sents.length) / FOLDS)]);
const cfg = { bits: BITS, epochs: EPOCHS, seed: 1, rate: 0.05, l2: 0.1, vectors, vectorScale: 1 };

function decode(w, ex, F, dec, tr, wantMarg) {
  const n = ex.n;
  const sc = new Float64Array(n * T);
  emissionScores(w.emit, ex.rows, n, F, sc);
  addVectorScores(w.dense, vectors, VECTOR_OFFSETS, ex.vids, n, T, sc);
  const out = new Int8Array(n);
  dec.viterbi(sc, n, tr, out);
  let marg = null;
  if (wantMarg) { marg = new Float64Array(n * T); dec.marginals(sc, n, tr, 1, marg); }
  return { tags: out, marg };
}

/** Cross-validation with F slots per example row; returns the pooled scorer and the out-of-fold outputs. */
function crossValidate(examples, F, wantMarg) {
  const pooled = new SpanScorer();
  const per = [];
  const outs = new Array(examples.length);
  for (const [a, b] of folds) {
    const train = [...examples.slice(0, a), ...examples.slice(b)];
    const w = trainCrf(train, { ...cfg, featuresPerToken: F });
    const dec = new Decoder();
    const tr = constrainedTransitions(w.trans);
    const sc = new SpanScorer();
    for (let i = a; i < b; i++) {
      const o = decode(w, examples[i], F, dec, tr, wantMarg);
      outs[i] = o;
      sc.add(examples[i].gold, o.tags);
    }
    per.push((sc.micro().f1 * 100).toFixed(1));
    pooled.merge(sc);
    log(`fold ${per.length}: ${per[per.length - 1]}`);
  }
  return { pooled, per, outs };
}

function report(name, r) {
  console.log(`== ${name}`);
  console.log(formatScores(r.pooled.scores()));
  console.log('folds:', r.per.join(' '), ' pooled micro F1:', (r.pooled.micro().f1 * 100).toFixed(2));
}

// ---- pass 1 ------------------------------------------------------------------------------------
let p1;
if (EXTRA_SLOTS === 0 && existsSync(CACHE)) {
  const b = readFileSync(CACHE);
  let at = 0;
  p1 = sents.map((s) => {
    const tags = new Int8Array(b.buffer.slice(b.byteOffset + at, b.byteOffset + at + s.n)); at += s.n;
    const marg = new Float64Array(s.n * T);
    for (let i = 0; i < s.n * T; i++, at += 4) marg[i] = b.readFloatLE(at);
    return { tags, marg };
  });
  const sc = new SpanScorer();
  sents.forEach((s, i) => sc.add(s.gold, p1[i].tags));
  console.log(`pass 1 (cached ${CACHE}): pooled micro F1 ${(sc.micro().f1 * 100).toFixed(2)}`);
} else {
  const r = crossValidate(sents, F1, STACK.size > 0);
  report(`pass 1${EXTRA.size ? ' + ' + [...EXTRA].join(',') : ''}`, r);
  p1 = r.outs;
  if (EXTRA_SLOTS === 0) {
    const parts = [];
    for (const o of p1) {
      parts.push(Buffer.from(o.tags.buffer, o.tags.byteOffset, o.tags.length));
      const m = Buffer.alloc(o.marg.length * 4);
      o.marg.forEach((v, i) => m.writeFloatLE(v, i * 4));
      parts.push(m);
    }
    writeFileSync(CACHE, Buffer.concat(parts));
  }
}
if (STACK.size === 0) process.exit(0);

// ---- pass 2 features ---------------------------------------------------------------------------
const bin = (x, cuts) => { let k = 0; while (k < cuts.length && x >= cuts[k]) k++; return k; };
const CONF = [0.5, 0.7, 0.9, 0.97];
const MASS = [0.05, 0.2, 0.4, 0.6, 0.8, 0.95];
const LOCAL = STACK.has('local') ? 10 : 0;
const DOC = STACK.has('doc') ? 6 : 0;
const F2 = F1 + LOCAL + DOC;

/** Per sentence: base key -> summed first-pass marginals (9) and a count, over its tokens. */
const sentAgg = sents.map((s, si) => {
  const m = new Map();
  const marg = p1[si].marg;
  for (let i = 0; i < s.n; i++) {
    const key = s.keys[i];
    if (key === 0) continue;
    let a = m.get(key);
    if (a === undefined) { a = new Float64Array(T + 1); m.set(key, a); }
    for (let c = 0; c < T; c++) a[c] += marg[i * T + c];
    a[T] += 1;
  }
  return m;
});

const stacked = sents.map((s, si) => {
  const n = s.n;
  const rows = new Int32Array(n * F2);
  for (let i = 0; i < n; i++) for (let f = 0; f < F1; f++) rows[i * F2 + f] = s.rows[i * F1 + f];
  const tg = p1[si].tags;
  const mg = p1[si].marg;
  const tagAt = (j) => (j < 0 ? 20 : j >= n ? 21 : tg[j]);
  for (let i = 0; i < n; i++) {
    let o = i * F2 + F1;
    const put = (h) => { rows[o++] = h & mask; };
    if (LOCAL) {
      const t = tg[i];
      put(feat1(210, t));
      put(feat1(211, tagAt(i - 1)));
      put(feat1(212, tagAt(i + 1)));
      put(feat1(213, tagAt(i - 2)));
      put(feat1(214, tagAt(i + 2)));
      put(feat2(215, tagAt(i - 1), t));
      put(feat2(216, t, tagAt(i + 1)));
      put(feat2(217, t, bin(mg[i * T + t], CONF)));
      put(feat1(218, bin(1 - mg[i * T], MASS)));
      // the most likely entity type of the token whatever its tag, and how likely
      let bt = 0, bp = -1;
      for (let ty = 0; ty < 4; ty++) { const p = mg[i * T + 1 + 2 * ty] + mg[i * T + 2 + 2 * ty]; if (p > bp) { bp = p; bt = ty; } }
      put(feat2(219, bt, bin(bp, MASS)));
    }
    if (DOC) {
      const key = s.keys[i];
      const agg = new Float64Array(T + 1);
      if (key !== 0) {
        for (let sj = Math.max(0, si - W); sj <= Math.min(sents.length - 1, si + W); sj++) {
          const a = sentAgg[sj].get(key);
          if (a !== undefined) for (let c = 0; c <= T; c++) agg[c] += a[c];
        }
        for (let c = 0; c < T; c++) agg[c] -= mg[i * T + c];
        agg[T] -= 1;
      }
      const cnt = agg[T];
      if (key === 0 || cnt < 0.5) {
        put(feat1(200, 0));
        for (let k = 1; k < DOC; k++) rows[o++] = -1;
      } else {
        // type mass of the other occurrences: O, PER, LOC, ORG, MISC
        const ty = [agg[0], agg[1] + agg[2], agg[3] + agg[4], agg[5] + agg[6], agg[7] + agg[8]];
        let bt = 0;
        for (let k = 1; k < 5; k++) if (ty[k] > ty[bt]) bt = k;
        let be = 1;
        for (let k = 2; k < 5; k++) if (ty[k] > ty[be]) be = k;
        let b9 = 0;
        for (let c = 1; c < T; c++) if (agg[c] > agg[b9]) b9 = c;
        const cb = bin(cnt, [1.5, 2.5, 4.5, 8.5]);
        const eShare = bin(ty[be] / cnt, MASS);
        put(feat1(200, 1 + cb));
        put(feat2(201, bt, bin(ty[bt] / cnt, MASS)));
        put(feat2(202, be, eShare));
        put(feat2(203, be * 16 + eShare, tg[i]));
        put(feat2(204, b9, bin(agg[b9] / cnt, MASS)));
        put(feat2(205, be * 16 + eShare, cb));
      }
    }
  }
  return { rows, gold: s.gold, vids: s.vids, n };
});
const r2 = crossValidate(stacked, F2, false);
report(`pass 2: ${[...STACK].join(',')}${DOC ? ` window ${W}` : ''}`, r2);
