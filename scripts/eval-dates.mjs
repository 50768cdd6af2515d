#!/usr/bin/env node
/**
 * Accuracy of the dates analyzer on the phrase set fixtures/dates/dev-phrases.jsonl.
 *
 * Written as plain ESM importing the compiled library from dist/ (Node 20 cannot run .ts):
 *   npm run build && node scripts/eval-dates.mjs [--split dev|heldout|all] [--verbose] [FILE]
 *
 * A phrase is right when one mention has the expected value at the expected grain (and the
 * expected `until` / `offset` when the phrase gives them); a phrase with value and grain null
 * is right when nothing is found (negatives: names, bare numbers, صفر as zero).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractDates } from '../dist/analyze/dates/index.js';
import { prepareText } from '../dist/text/prepare.js';
import { normalizerFor } from '../dist/text/normalize.js';

const args = process.argv.slice(2);
const splitArg = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'all';
const verbose = args.includes('--verbose');
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--split')
  ?? fileURLToPath(new URL('../fixtures/dates/dev-phrases.jsonl', import.meta.url));

const normalizer = normalizerFor('standard');
const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const bySplit = new Map();
const failures = [];
for (const row of rows) {
  if (splitArg !== 'all' && row.split !== splitArg) continue;
  const mentions = extractDates(prepareText(row.text, normalizer), { ref: row.ref ? { date: row.ref } : null });
  let ok;
  if (row.value === null && row.grain === null) ok = mentions.length === 0;
  else {
    ok = mentions.some((m) => m.value === row.value && m.grain === row.grain
      && (row.until === undefined || m.until === row.until)
      && (row.offset === undefined || JSON.stringify(m.offset) === JSON.stringify(row.offset)));
  }
  const s = bySplit.get(row.split) ?? { n: 0, ok: 0 };
  s.n++;
  if (ok) s.ok++;
  bySplit.set(row.split, s);
  if (!ok) failures.push({ row, mentions });
}
let n = 0;
let good = 0;
for (const [split, s] of bySplit) {
  console.log(`${split.padEnd(8)} ${s.ok}/${s.n} = ${(s.ok / s.n).toFixed(3)}`);
  n += s.n;
  good += s.ok;
}
console.log(`${'all'.padEnd(8)} ${good}/${n} = ${(good / n).toFixed(3)}`);
if (verbose) {
  for (const { row, mentions } of failures) {
    console.log(`\n✗ ${row.id} [${row.ref}] ${row.text}\n  want ${row.value} ${row.grain}${row.until ? ' until ' + row.until : ''}${row.known_miss ? `\n  (known miss: ${row.known_miss})` : ''}`);
    for (const m of mentions) console.log(`  got  ${m.value} ${m.grain} ${m.kind}${m.until ? ' until ' + m.until : ''} «${m.text}»${m.offset ? ' ' + JSON.stringify(m.offset) : ''}`);
  }
}
