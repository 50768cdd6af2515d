#!/usr/bin/env node
// Writes src/text/charClassTable.ts: the tokenizer's character classes as runs (see chars.ts).
//   npm run build && node scripts/build-char-classes.mjs && npm run build
import { writeFileSync } from 'node:fs';
import { computeCharClasses, decodeRuns, encodeRuns } from '../dist/text/chars.js';

const table = computeCharClasses();
const runs = encodeRuns(table);
const back = decodeRuns(runs);
if (back.some((c, i) => c !== table[i])) throw new Error('round trip failed');
// ASCII source: every non-ASCII character escaped, 16 runs a line
const pieces = [...runs].map((c) => (c.charCodeAt(0) < 0x80 ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
const lines = [];
for (let i = 0; i < pieces.length; i += 32) lines.push(`'${pieces.slice(i, i + 32).join('')}'`);
writeFileSync(new URL('../src/text/charClassTable.ts', import.meta.url), `// Written by scripts/build-char-classes.mjs from Unicode properties (Node ${process.versions.node}, Unicode ${process.versions.unicode}): do not edit.
// The tokenizer's class of every UTF-16 code unit as runs: a class character (A + class), then a length character (U+0100 + length - 1).
export const CHAR_CLASS_RUNS =
  ${lines.join(' +\n  ')};
`);
console.log(`${runs.length / 2} runs, ${runs.length} characters`);
