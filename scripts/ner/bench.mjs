#!/usr/bin/env node
// Speed of `corpus entities` on the ANT multi-source news (31,525 articles), the whole process:
// reading, prepareText, tagging, rules, merging within documents, JSONL output.
//
//   node scripts/ner/bench.mjs [--file /tmp/ant.jsonl] [--jobs 1,2]
//
// Decompresses ../shared/data/ant_multisource/ant_multisource.jsonl.xz to the file first if it
// is missing, counts its tokens with `corpus stats`, then times `corpus entities` per --jobs value
// and prints tokens per second and peak RSS (from /usr/bin/time when available).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const FILE = opt('--file', '/tmp/ant.jsonl');
const JOBS = opt('--jobs', '1,2').split(',').map(Number);
const SRC = '../shared/data/ant_multisource/ant_multisource.jsonl.xz';

if (!existsSync(FILE)) {
  console.error(`decompressing ${SRC} to ${FILE}`);
  const fd = openSync(FILE, 'w');
  execFileSync('xz', ['-dc', SRC], { stdio: ['ignore', fd, 'inherit'] });
  closeSync(fd);
}
const stats = JSON.parse(execFileSync(process.execPath, ['bin/corpus.js', 'stats', FILE, '--format', 'json', '-q'], { maxBuffer: 1 << 26 }).toString());
console.log(`${FILE}: ${stats.documents} documents, ${stats.tokens} tokens (${stats.words} words)`);
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
for (const jobs of JOBS) {
  const cmd = [process.execPath, 'bin/corpus.js', 'entities', FILE, '--format', 'jsonl', '-q', '--jobs', String(jobs)];
  const t0 = process.hrtime.bigint();
  const r = timeBin ? spawnSync(timeBin, ['-v', ...cmd], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 }) : spawnSync(cmd[0], cmd.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr?.toString() ?? '');
  console.log(`--jobs ${jobs}: ${secs.toFixed(1)} s, ${Math.round(stats.tokens / secs).toLocaleString('en-US')} tokens/s${rss ? `, peak RSS ${Math.round(Number(rss[1]) / 1024)} MB` : ''}`);
}
