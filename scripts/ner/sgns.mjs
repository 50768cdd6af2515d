#!/usr/bin/env node
// Experiment: skip-gram word vectors with negative sampling (word2vec's SGNS), learned from the
// same unlabeled news as the clusters, over the vocabulary of an existing PPMI-SVD vectors file
// (clusters.mjs --emb-out), written in the same text format, optionally appended to those vectors
// (--concat: 100 SVD dims then the SGNS dims), for cv.mjs/train.mjs --vectors F --vec-dims N.
//
//   node scripts/ner/sgns.mjs --base .cache/ner-vectors.txt.gz --out .cache/ner-vectors-sgns.txt.gz
//     [--concat] [--dims 100] [--window 5] [--neg 5] [--epochs 3] [--sample 1e-4] [--rate 0.025]
//
// Seeded and single-threaded: the same corpora give the same file.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { normalizerFor } from '../../dist/text/normalize.js';
import { prepareText } from '../../dist/text/prepare.js';
import { rng } from '../../dist/analyze/entities/perceptron.js';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const BASE = opt('--base', '.cache/ner-vectors.txt.gz');
const OUT = opt('--out', '.cache/ner-vectors-sgns.txt.gz');
const D = Number(opt('--dims', 100));
const WIN = Number(opt('--window', 5));
const NEG = Number(opt('--neg', 5));
const EPOCHS = Number(opt('--epochs', 3));
const SAMPLE = Number(opt('--sample', 1e-4));
const RATE = Number(opt('--rate', 0.025));
const DATA = opt('--data', '../shared/data');
const CORPORA = ['ant_multisource/ant_multisource.jsonl.xz', 'ant_jawharafm_tunisia/ant_jawharafm.jsonl.xz', 'moroccan_goud_marsum/marsum_goud_test.jsonl.xz'].map((f) => `${DATA}/${f}`);
const t0 = Date.now();
const log = (...m) => console.error(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...m);
const random = rng(11);

// vocabulary and rows of the base file
const baseLines = gunzipSync(readFileSync(BASE)).toString('utf8').split('\n').filter(Boolean);
const words = baseLines.map((l) => l.slice(0, l.indexOf('\t')));
const rowOf = new Map(words.map((w, i) => [w, i]));
const V = words.length;
log(`${V} words from ${BASE}`);

// corpus as a stream of rows (-1 = sentence break; words outside the vocabulary dropped)
let stream = new Int32Array(1 << 24);
let len = 0;
const counts = new Float64Array(V);
const norm = normalizerFor('standard');
const WORDY = new Set(['arabic', 'latin', 'mixed', 'other']);
const push = (v) => { if (len === stream.length) { const b = new Int32Array(len * 2); b.set(stream); stream = b; } stream[len++] = v; };
for (const path of CORPORA) {
  const xz = spawn('xz', ['-dc', path], { stdio: ['ignore', 'pipe', 'inherit'] });
  for await (const line of createInterface({ input: xz.stdout, crlfDelay: Infinity })) {
    if (line === '') continue;
    const rec = JSON.parse(line);
    const p = prepareText([rec.title, rec.text].filter((x) => typeof x === 'string').join('\n'), norm);
    for (const s of p.sentences) {
      for (let k = s.firstToken; k < s.endToken; k++) {
        const t = p.tokens[k];
        const r = rowOf.get(WORDY.has(t.kind) ? t.norm : t.kind === 'number' ? '<num>' : t.norm);
        if (r !== undefined) { push(r); counts[r]++; }
      }
      push(-1);
    }
  }
  log(`${path}: ${len} positions so far`);
}
const total = counts.reduce((a, b) => a + b, 0);

// unigram^0.75 table for negatives; subsampling keep-probabilities
const TABLE = 1 << 24;
const table = new Int32Array(TABLE);
{
  let z = 0;
  for (let i = 0; i < V; i++) z += counts[i] ** 0.75;
  let i = 0;
  let cum = counts[0] ** 0.75 / z;
  for (let a = 0; a < TABLE; a++) {
    table[a] = i;
    if (a / TABLE > cum && i < V - 1) { i++; cum += counts[i] ** 0.75 / z; }
  }
}
const keep = new Float64Array(V);
for (let i = 0; i < V; i++) { const f = counts[i] / total; keep[i] = f > 0 ? Math.min(1, Math.sqrt(SAMPLE / f) + SAMPLE / f) : 1; }

const W = new Float32Array(V * D);
const C = new Float32Array(V * D);
for (let i = 0; i < W.length; i++) W[i] = (random() - 0.5) / D;
const grad = new Float32Array(D);
const sent = new Int32Array(4096);
const sigmoid = (x) => (x > 6 ? 1 : x < -6 ? 0 : 1 / (1 + Math.exp(-x)));

function update(w, c, label, lr) {
  const wo = w * D;
  const co = c * D;
  let dot = 0;
  for (let d = 0; d < D; d++) dot += W[wo + d] * C[co + d];
  const g = (label - sigmoid(dot)) * lr;
  for (let d = 0; d < D; d++) { grad[d] += g * C[co + d]; C[co + d] += g * W[wo + d]; }
}

const steps = EPOCHS * len;
for (let ep = 0; ep < EPOCHS; ep++) {
  let at = 0;
  while (at < len) {
    let n = 0;
    while (at < len && stream[at] !== -1) { const r = stream[at++]; if (n < sent.length && random() < keep[r]) sent[n++] = r; }
    at++;
    const lr = Math.max(RATE * 1e-4, RATE * (1 - (ep * len + at) / steps));
    for (let i = 0; i < n; i++) {
      const b = 1 + Math.floor(random() * WIN);
      for (let j = Math.max(0, i - b); j < Math.min(n, i + b + 1); j++) {
        if (j === i) continue;
        grad.fill(0);
        update(sent[i], sent[j], 1, lr);
        for (let k = 0; k < NEG; k++) {
          const neg = table[Math.floor(random() * TABLE)];
          if (neg !== sent[j]) update(sent[i], neg, 0, lr);
        }
        const wo = sent[i] * D;
        for (let d = 0; d < D; d++) W[wo + d] += grad[d];
      }
    }
  }
  log(`epoch ${ep + 1}`);
}

const CONCAT = args.includes('--concat');
const lines = [];
for (let r = 0; r < V; r++) {
  let n2 = 0;
  for (let d = 0; d < D; d++) n2 += W[r * D + d] ** 2;
  const inv = n2 > 0 ? 1 / Math.sqrt(n2) : 0;
  const v = [];
  for (let d = 0; d < D; d++) v.push(Math.max(-127, Math.min(127, Math.round(W[r * D + d] * inv * 127 * 3))));
  const line = baseLines[r];
  lines.push(CONCAT ? `${line} ${v.join(' ')}` : `${words[r]}\t${v.join(' ')}`);
}
writeFileSync(OUT, gzipSync(lines.join('\n')));
log(`wrote ${OUT} (${CONCAT ? 'SVD + ' : ''}${D} SGNS dims)`);
