#!/usr/bin/env node
// Word clusters for the entity tagger, learned from unlabeled news (no labels, no network).
//
//   node scripts/ner/clusters.mjs [--out data/models/ner-clusters.tsv.gz] [--vocab 100000] [--emb-out FILE]
//     [--sources ant_multisource,ant_jawharafm,goud] [--dims 100] [--contexts 5000] [--min-count 5]
//
// 1. Tokenize and normalize (standard profile) the news corpora named below with the text core.
// 2. Count co-occurrences of each of the V most frequent words with the C most frequent words in
//    three slots: the word before, the word after, and the words two away (either side).
// 3. Weight by positive PMI (context counts smoothed with exponent 0.75), reduce to D dimensions
//    with a seeded randomized SVD, scale rows to unit length.
// 4. Cluster hierarchically with spherical k-means (branching 8, 4, 4, 8: 8 -> 32 -> 128 -> 1024
//    clusters); a word's leaf cluster plus its ancestors are the features.
// Everything is seeded: the same corpora give the same file. Takes a few minutes on one core.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { normalizerFor } from '../../dist/text/normalize.js';
import { prepareText } from '../../dist/text/prepare.js';
import { rng } from '../../dist/analyze/entities/perceptron.js';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const OUT = opt('--out', 'data/models/ner-clusters.tsv.gz');
const V = Number(opt('--vocab', 100000));
const C = Number(opt('--contexts', 5000));
const D = Number(opt('--dims', 100));
const MIN_COUNT = Number(opt('--min-count', 5));
const BRANCHING = opt('--branching', '8,4,4,8').split(',').map(Number);
const SEED = Number(opt('--seed', 7));
const DATA = opt('--data', '../shared/data');

// Default corpora, whose licences allow shipping derived data (see PROVENANCE.txt of each): CC BY 4.0
// (goud.ma), Apache-2.0 + citation (ANT Jawhara FM), citation licence with an Apache-2.0 badge
// (ANT multi-source). saudinewsnet is CC BY-NC-SA and is not used.
// --sources a,b,...: other corpora of the shared data folder by name (experiments: saudinewsnet is
// CC BY-NC-SA and moroccan_news_corpus_sample has no licence, so neither may feed a shipped file).
const SOURCE_FILES = {
  ant_multisource: 'ant_multisource/ant_multisource.jsonl.xz',
  ant_jawharafm: 'ant_jawharafm_tunisia/ant_jawharafm.jsonl.xz',
  goud: 'moroccan_goud_marsum/marsum_goud_test.jsonl.xz',
  saudinewsnet: 'saudinewsnet/saudinewsnet.jsonl.xz',
  moroccan_news: 'moroccan_news_corpus_sample/moroccan_news_corpus_sample.jsonl.xz',
};
const SOURCES = opt('--sources', 'ant_multisource,ant_jawharafm,goud').split(',');
const CORPORA = SOURCES.map((s) => {
  if (!(s in SOURCE_FILES)) throw new Error(`unknown source ${s} (known: ${Object.keys(SOURCE_FILES).join(', ')})`);
  return `${DATA}/${SOURCE_FILES[s]}`;
});

const t0 = Date.now();
const log = (...m) => console.error(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...m);

const random = rng(SEED);
const gauss = () => { let u = 0; while (u === 0) u = random(); return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random()); };

// ---- 1. tokens -> ids ---------------------------------------------------------------------
const ids = new Map();
const words = [];
let counts = new Int32Array(1 << 20);
let stream = new Int32Array(1 << 24);
let len = 0;
const BREAK = -1;
const push = (v) => {
  if (len === stream.length) { const b = new Int32Array(stream.length * 2); b.set(stream); stream = b; }
  stream[len++] = v;
};
const norm = normalizerFor('standard');
const WORDY = new Set(['arabic', 'latin', 'mixed', 'other']);

async function readCorpus(path) {
  const xz = spawn('xz', ['-dc', path], { stdio: ['ignore', 'pipe', 'inherit'] });
  const rl = createInterface({ input: xz.stdout, crlfDelay: Infinity });
  let docs = 0;
  for await (const line of rl) {
    if (line === '') continue;
    const rec = JSON.parse(line);
    const text = [rec.title, rec.text].filter((x) => typeof x === 'string').join('\n');
    const p = prepareText(text, norm);
    for (const s of p.sentences) {
      for (let k = s.firstToken; k < s.endToken; k++) {
        const t = p.tokens[k];
        const w = WORDY.has(t.kind) ? t.norm : t.kind === 'number' ? '<num>' : t.norm;
        let id = ids.get(w);
        if (id === undefined) {
          id = words.length;
          ids.set(w, id);
          words.push(w);
          if (id === counts.length) { const b = new Int32Array(counts.length * 2); b.set(counts); counts = b; }
        }
        counts[id]++;
        push(id);
      }
      push(BREAK);
    }
    docs++;
  }
  log(`${path}: ${docs} documents, ${len} positions so far, ${words.length} types`);
}
for (const c of CORPORA) await readCorpus(c);

// ---- 2. vocabulary, contexts, co-occurrence counts ------------------------------------------
const byFreq = words.map((_, i) => i).filter((i) => counts[i] >= MIN_COUNT);
byFreq.sort((a, b) => counts[b] - counts[a] || (words[a] < words[b] ? -1 : 1));
const vocab = byFreq.slice(0, V);
const nV = vocab.length;
const rowOf = new Int32Array(words.length).fill(-1);
vocab.forEach((id, r) => { rowOf[id] = r; });
const ctxOf = new Int32Array(words.length).fill(-1);
vocab.slice(0, C).forEach((id, c) => { ctxOf[id] = c; });
const nC = Math.min(C, nV);
const COLS = 3 * nC;
log(`vocabulary ${nV} words (min count ${MIN_COUNT}), ${nC} context words, ${COLS} columns`);

// open-addressing table: key = row * COLS + col (fits in 32 bits for V*COLS < 2^32)
if (nV * COLS >= 2 ** 32) throw new Error('vocab * contexts too large for 32-bit keys');
let capBits = 24;
let keys = new Uint32Array(1 << capBits).fill(0xffffffff);
let vals = new Float32Array(1 << capBits);
let used = 0;
const EMPTY = 0xffffffff;
function add(key, v) {
  let mask = (1 << capBits) - 1;
  let h = Math.imul(key ^ (key >>> 16), 0x45d9f3b) >>> 0;
  let i = h & mask;
  for (;;) {
    const k = keys[i];
    if (k === key) { vals[i] += v; return; }
    if (k === EMPTY) {
      keys[i] = key; vals[i] = v; used++;
      if (used * 10 > keys.length * 7) grow();
      return;
    }
    i = (i + 1) & mask;
  }
}
function grow() {
  const oldK = keys, oldV = vals;
  capBits++;
  keys = new Uint32Array(1 << capBits).fill(EMPTY);
  vals = new Float32Array(1 << capBits);
  used = 0;
  for (let i = 0; i < oldK.length; i++) if (oldK[i] !== EMPTY) add(oldK[i], oldV[i]);
  log(`table grown to 2^${capBits}`);
}
for (let i = 0; i < len; i++) {
  const w = stream[i];
  if (w === BREAK) continue;
  const r = rowOf[w];
  if (r < 0) continue;
  const base = r * COLS;
  const l1 = i > 0 ? stream[i - 1] : BREAK;
  const r1 = i + 1 < len ? stream[i + 1] : BREAK;
  if (l1 !== BREAK && ctxOf[l1] >= 0) add(base + ctxOf[l1], 1);
  if (r1 !== BREAK && ctxOf[r1] >= 0) add(base + nC + ctxOf[r1], 1);
  if (l1 !== BREAK && i > 1) { const l2 = stream[i - 2]; if (l2 !== BREAK && ctxOf[l2] >= 0) add(base + 2 * nC + ctxOf[l2], 1); }
  if (r1 !== BREAK && i + 2 < len) { const r2 = stream[i + 2]; if (r2 !== BREAK && ctxOf[r2] >= 0) add(base + 2 * nC + ctxOf[r2], 1); }
}
log(`${used} distinct (word, context) pairs`);

// ---- 3. PPMI sparse matrix (CSR) -------------------------------------------------------------
const rowNnz = new Int32Array(nV + 1);
const rowSum = new Float64Array(nV);
const colSum = new Float64Array(COLS);
for (let i = 0; i < keys.length; i++) {
  const k = keys[i];
  if (k === EMPTY) continue;
  const r = Math.floor(k / COLS);
  rowNnz[r + 1]++;
  rowSum[r] += vals[i];
  colSum[k - r * COLS] += vals[i];
}
for (let r = 0; r < nV; r++) rowNnz[r + 1] += rowNnz[r];
const nnz = rowNnz[nV];
const colIdx = new Int32Array(nnz);
const val = new Float32Array(nnz);
const fill = rowNnz.slice(0, nV);
for (let i = 0; i < keys.length; i++) {
  const k = keys[i];
  if (k === EMPTY) continue;
  const r = Math.floor(k / COLS);
  const at = fill[r]++;
  colIdx[at] = k - r * COLS;
  val[at] = vals[i];
}
keys = null; vals = null;
let total = 0;
for (let r = 0; r < nV; r++) total += rowSum[r];
const colAlpha = new Float64Array(COLS);
let alphaTotal = 0;
for (let c = 0; c < COLS; c++) { colAlpha[c] = Math.pow(colSum[c], 0.75); alphaTotal += colAlpha[c]; }
for (let r = 0; r < nV; r++) {
  for (let j = rowNnz[r]; j < rowNnz[r + 1]; j++) {
    const c = colIdx[j];
    const pmi = Math.log((val[j] / total) / ((rowSum[r] / total) * (colAlpha[c] / alphaTotal)));
    val[j] = pmi > 0 ? pmi : 0;
  }
}
log(`PPMI matrix: ${nV} x ${COLS}, ${nnz} non-zeros`);

// ---- randomized SVD --------------------------------------------------------------------------
const K = D + 10; // oversampling
function multA(X, k) { // (nV x COLS) * (COLS x k) -> nV x k
  const Y = new Float64Array(nV * k);
  for (let r = 0; r < nV; r++) {
    const o = r * k;
    for (let j = rowNnz[r]; j < rowNnz[r + 1]; j++) {
      const v = val[j];
      if (v === 0) continue;
      const xo = colIdx[j] * k;
      for (let q = 0; q < k; q++) Y[o + q] += v * X[xo + q];
    }
  }
  return Y;
}
function multAt(Y, k) { // (COLS x nV) * (nV x k) -> COLS x k
  const Z = new Float64Array(COLS * k);
  for (let r = 0; r < nV; r++) {
    const o = r * k;
    for (let j = rowNnz[r]; j < rowNnz[r + 1]; j++) {
      const v = val[j];
      if (v === 0) continue;
      const zo = colIdx[j] * k;
      for (let q = 0; q < k; q++) Z[zo + q] += v * Y[o + q];
    }
  }
  return Z;
}
function orthonormalize(M, rows, k) { // modified Gram-Schmidt on the k columns of a rows x k matrix
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < a; b++) {
      let dot = 0;
      for (let r = 0; r < rows; r++) dot += M[r * k + a] * M[r * k + b];
      for (let r = 0; r < rows; r++) M[r * k + a] -= dot * M[r * k + b];
    }
    let n2 = 0;
    for (let r = 0; r < rows; r++) n2 += M[r * k + a] * M[r * k + a];
    const inv = n2 > 0 ? 1 / Math.sqrt(n2) : 0;
    for (let r = 0; r < rows; r++) M[r * k + a] *= inv;
  }
}
const Omega = new Float64Array(COLS * K);
for (let i = 0; i < Omega.length; i++) Omega[i] = gauss();
let Y = multA(Omega, K);
orthonormalize(Y, nV, K);
for (let it = 0; it < 2; it++) { // power iterations sharpen the spectrum
  const Z = multAt(Y, K);
  orthonormalize(Z, COLS, K);
  Y = multA(Z, K);
  orthonormalize(Y, nV, K);
}
log('range found');
// B = Q^T A (K x COLS); eigen-decompose B B^T (K x K) with Jacobi rotations
const Bt = multAt(Y, K); // COLS x K  (= B^T)
const G = new Float64Array(K * K);
for (let c = 0; c < COLS; c++) for (let a = 0; a < K; a++) { const v = Bt[c * K + a]; if (v === 0) continue; for (let b = 0; b < K; b++) G[a * K + b] += v * Bt[c * K + b]; }
const { values, vectors } = jacobiEigen(G, K);
const order = values.map((v, i) => i).sort((a, b) => values[b] - values[a]).slice(0, D);
// embedding = Q * U_B * S^0.5, with S = sqrt(eigenvalue)
const E = new Float64Array(nV * D);
for (let r = 0; r < nV; r++) {
  for (let d = 0; d < D; d++) {
    const e = order[d];
    let s = 0;
    for (let a = 0; a < K; a++) s += Y[r * K + a] * vectors[a * K + e];
    E[r * D + d] = s * Math.pow(Math.max(values[e], 0), 0.25);
  }
}
for (let r = 0; r < nV; r++) {
  let n2 = 0;
  for (let d = 0; d < D; d++) n2 += E[r * D + d] ** 2;
  const inv = n2 > 0 ? 1 / Math.sqrt(n2) : 0;
  for (let d = 0; d < D; d++) E[r * D + d] *= inv;
}
log(`embeddings ${nV} x ${D}`);
const EMB_OUT = opt('--emb-out', null);
if (EMB_OUT) {
  const lines = [];
  for (let r = 0; r < nV; r++) { const v = []; for (let d = 0; d < D; d++) v.push(Math.max(-127, Math.min(127, Math.round(E[r * D + d] * 127 * 3)))); lines.push(words[vocab[r]] + '\t' + v.join(' ')); }
  mkdirSync(dirname(EMB_OUT), { recursive: true });
  writeFileSync(EMB_OUT, gzipSync(lines.join('\n')));
  log('wrote embeddings', EMB_OUT);
}

function jacobiEigen(A0, n) {
  const A = Float64Array.from(A0);
  const Vm = new Float64Array(n * n);
  for (let i = 0; i < n; i++) Vm[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += A[p * n + q] ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (A[q * n + q] - A[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p], akq = A[k * n + q];
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k], aqk = A[q * n + k];
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = Vm[k * n + p], vkq = Vm[k * n + q];
          Vm[k * n + p] = c * vkp - s * vkq;
          Vm[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = [];
  for (let i = 0; i < n; i++) values.push(A[i * n + i]);
  return { values, vectors: Vm };
}

// ---- 4. hierarchical spherical k-means ---------------------------------------------------------
function kmeans(members, k, iters = 20) {
  const m = members.length;
  if (m <= k) return members.map((_, i) => i % k);
  // k-means++ seeding on cosine distance
  const cent = new Float64Array(k * D);
  const dist = new Float64Array(m).fill(Infinity);
  let pick = members[Math.floor(random() * m)];
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < D; d++) cent[c * D + d] = E[pick * D + d];
    let sum = 0;
    for (let i = 0; i < m; i++) {
      let dot = 0;
      const o = members[i] * D;
      for (let d = 0; d < D; d++) dot += E[o + d] * cent[c * D + d];
      const dd = Math.max(0, 1 - dot);
      if (dd < dist[i]) dist[i] = dd;
      sum += dist[i];
    }
    let x = random() * sum;
    let chosen = m - 1;
    for (let i = 0; i < m; i++) { x -= dist[i]; if (x <= 0) { chosen = i; break; } }
    pick = members[chosen];
  }
  const assign = new Int32Array(m);
  for (let it = 0; it < iters; it++) {
    let changed = 0;
    for (let i = 0; i < m; i++) {
      const o = members[i] * D;
      let best = -Infinity, arg = 0;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const co = c * D;
        for (let d = 0; d < D; d++) dot += E[o + d] * cent[co + d];
        if (dot > best) { best = dot; arg = c; }
      }
      if (assign[i] !== arg || it === 0) { changed++; assign[i] = arg; }
    }
    cent.fill(0);
    for (let i = 0; i < m; i++) { const o = members[i] * D, co = assign[i] * D; for (let d = 0; d < D; d++) cent[co + d] += E[o + d]; }
    for (let c = 0; c < k; c++) {
      let n2 = 0;
      for (let d = 0; d < D; d++) n2 += cent[c * D + d] ** 2;
      const inv = n2 > 0 ? 1 / Math.sqrt(n2) : 0;
      for (let d = 0; d < D; d++) cent[c * D + d] *= inv;
    }
    if (changed === 0) break;
  }
  return Array.from(assign);
}

// path[r] = cluster index at each depth
const depth = BRANCHING.length;
const path = Array.from({ length: depth }, () => new Int32Array(nV));
let groups = [Array.from({ length: nV }, (_, i) => i)];
let sizes = [];
for (let lvl = 0; lvl < depth; lvl++) {
  const k = BRANCHING[lvl];
  const next = [];
  for (const g of groups) {
    const a = kmeans(g, k);
    const parts = Array.from({ length: k }, () => []);
    g.forEach((r, i) => parts[a[i]].push(r));
    for (const part of parts) {
      const id = next.length;
      for (const r of part) path[lvl][r] = id;
      next.push(part);
    }
  }
  groups = next;
  sizes.push(next.length);
  log(`level ${lvl + 1}: ${next.length} clusters`);
}

// ---- write -----------------------------------------------------------------------------------
const leaves = sizes[depth - 1];
const leafParent = (lvl) => { const p = new Int32Array(leaves); for (let r = 0; r < nV; r++) p[path[depth - 1][r]] = path[lvl][r]; return p; };
const out = [];
out.push('# what: word clusters (hierarchical spherical k-means over PPMI-SVD word vectors) and word frequencies, for the entity tagger');
out.push(`# source: computed by scripts/ner/clusters.mjs (seed ${SEED}, vocab ${nV}, contexts ${nC}, dims ${D}, branching ${BRANCHING.join(',')}) from ${CORPORA.map((c) => c.replace(DATA + '/', '')).join(', ')}`);
if (SOURCES.some((x) => !['ant_multisource', 'ant_jawharafm', 'goud'].includes(x))) out.push('# licence: EXPERIMENT ONLY, not to be shipped: built from corpora whose licences (CC BY-NC-SA, none stated) do not allow it');
else out.push('# licence: derived statistics; corpora: ANT corpus (Chouigui, Ben Khiroun, Elayeb; citation licence, Apache-2.0), Goud MArSum (Gaanoun et al. 2022, CC BY 4.0); see NOTICE');
out.push(`@leaves ${leaves}`);
for (let lvl = depth - 2; lvl >= 0; lvl--) out.push(`@level ${sizes[lvl]} ${Array.from(leafParent(lvl)).join(' ')}`);
for (let r = 0; r < nV; r++) out.push(`${words[vocab[r]]}\t${counts[vocab[r]]}\t${path[depth - 1][r]}`);
const gz = gzipSync(out.join('\n') + '\n', { level: 9 });
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, gz);
log(`wrote ${OUT} (${(gz.length / 1024).toFixed(0)} KiB)`);
// A few neighbours for a sanity check
for (const w of ['المغرب', 'باريس', 'محمد', 'الحموشي', 'وزارة', 'الأمم']) {
  const id = ids.get(norm.normalizeString(w));
  const r = id === undefined ? -1 : rowOf[id];
  if (r < 0) { log(w, 'not in vocabulary'); continue; }
  const leaf = path[depth - 1][r];
  const mates = [];
  for (let q = 0; q < nV && mates.length < 12; q++) if (path[depth - 1][q] === leaf) mates.push(words[vocab[q]]);
  log(w, '->', mates.join(' '));
}
