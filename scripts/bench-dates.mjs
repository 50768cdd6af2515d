#!/usr/bin/env node
/**
 * Speed of the dates analyzer on one thread: prepareText alone, then prepareText +
 * extractDates, over every document of a JSONL file (reference = each document's `date`).
 *   npm run build && node scripts/bench-dates.mjs /tmp/ant.jsonl
 * (decompress once: xzcat ../shared/data/ant_multisource/ant_multisource.jsonl.xz > /tmp/ant.jsonl)
 */
import { readFileSync } from 'node:fs';
import { extractDates, parseReference } from '../dist/analyze/dates/index.js';
import { prepareText } from '../dist/text/prepare.js';
import { normalizerFor } from '../dist/text/normalize.js';

const file = process.argv[2] ?? '/tmp/ant.jsonl';
const t0 = performance.now();
const docs = readFileSync(file, 'utf8').split('\n').filter((l) => l).map((l) => JSON.parse(l));
const tRead = performance.now() - t0;
const normalizer = normalizerFor('standard');

let tokens = 0;
const t1 = performance.now();
for (const d of docs) tokens += prepareText(d.text ?? '', normalizer).tokens.length;
const tPrep = performance.now() - t1;

let mentions = 0;
let resolved = 0;
const t2 = performance.now();
for (const d of docs) {
  const ms = extractDates(prepareText(d.text ?? '', normalizer), { ref: parseReference(d.date) });
  mentions += ms.length;
  for (const m of ms) if (m.value !== null) resolved++;
}
const tAll = performance.now() - t2;

const s = (ms) => (ms / 1000).toFixed(2);
console.log(`documents        ${docs.length}`);
console.log(`tokens           ${tokens}`);
console.log(`read+parse JSONL ${s(tRead)} s`);
console.log(`prepareText      ${s(tPrep)} s  (${Math.round(tokens / (tPrep / 1000)).toLocaleString('en')} tokens/s)`);
console.log(`prepare+dates    ${s(tAll)} s  (${Math.round(tokens / (tAll / 1000)).toLocaleString('en')} tokens/s)`);
console.log(`dates alone      ${s(tAll - tPrep)} s  (${(100 * (tAll - tPrep) / tPrep).toFixed(0)}% on top of prepareText)`);
console.log(`mentions         ${mentions} (${resolved} resolved)`);
