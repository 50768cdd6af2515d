#!/usr/bin/env node
/**
 * Speed of the dates analyzer on one thread over every document of a JSONL file (reference =
 * each document's `date`): per document, prepareText and extractDates are timed apart, in the
 * same pass, so machine noise hits both alike. Best of two passes.
 *   npm run build && node scripts/bench-dates.mjs /tmp/ant.jsonl
 * (decompress once: xzcat ../shared/data/ant_multisource/ant_multisource.jsonl.xz > /tmp/ant.jsonl)
 */
import { readFileSync } from 'node:fs';
import { extractDates, parseReference } from '../dist/analyze/dates/index.js';
import { prepareText } from '../dist/text/prepare.js';
import { normalizerFor } from '../dist/text/normalize.js';

const file = process.argv[2] ?? '/tmp/ant.jsonl';
const t0 = performance.now();
const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l);
const docs = lines.map((l) => JSON.parse(l));
const tRead = performance.now() - t0;
const normalizer = normalizerFor('standard');

let best = null;
for (let pass = 0; pass < 2; pass++) {
  let tPrep = 0;
  let tDates = 0;
  let tokens = 0;
  let mentions = 0;
  let resolved = 0;
  for (const d of docs) {
    const a = performance.now();
    const prepared = prepareText(d.text ?? '', normalizer);
    const b = performance.now();
    const ms = extractDates(prepared, { ref: parseReference(d.date) });
    tDates += performance.now() - b;
    tPrep += b - a;
    tokens += prepared.tokens.length;
    mentions += ms.length;
    for (const m of ms) if (m.value !== null) resolved++;
  }
  if (!best || tPrep + tDates < best.tPrep + best.tDates) best = { tPrep, tDates, tokens, mentions, resolved };
}
const s = (ms) => (ms / 1000).toFixed(2);
const rate = (ms) => Math.round(best.tokens / (ms / 1000)).toLocaleString('en');
console.log(`documents          ${docs.length}`);
console.log(`tokens             ${best.tokens.toLocaleString('en')}`);
console.log(`read + JSON.parse  ${s(tRead)} s`);
console.log(`prepareText        ${s(best.tPrep)} s  (${rate(best.tPrep)} tokens/s)`);
console.log(`extractDates       ${s(best.tDates)} s  (${rate(best.tDates)} tokens/s; ${(best.tDates / best.tPrep).toFixed(2)}x prepareText)`);
console.log(`prepare + dates    ${s(best.tPrep + best.tDates)} s  (${rate(best.tPrep + best.tDates)} tokens/s)`);
console.log(`mentions           ${best.mentions} (${best.resolved} with a value)`);
