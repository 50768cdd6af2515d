#!/usr/bin/env node
// `npm run bench [-- COMMAND... --runs N]`: times `corpus COMMAND` against the shell pipeline
// people use today on the 31,525 articles of ../shared/data/ant_multisource, alternating the
// two in the same run (the machines are noisy; only the ratio is comparable), and reports
// wall times (median), the ratio, MB/s and peak RSS (from /usr/bin/time when present).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(root, '../shared/data/ant_multisource/ant_multisource.jsonl.xz');
const KNOWN = {
  stats: { args: ['stats', '--format', 'json'], target: 0.5 },
  keywords: { args: ['keywords', '--format', 'jsonl'], target: 1.0 },
  dates: { args: ['dates', '--format', 'jsonl'], target: 1.0 },
  entities: { args: ['entities', '--format', 'jsonl'], target: null },
};

const argv = process.argv.slice(2);
let runs = 3;
const commands = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--runs') runs = Number(argv[++i]);
  else commands.push(argv[i]);
}
const available = execFileSync(process.execPath, [join(root, 'bin/corpus.js'), '--help'], { encoding: 'utf8' });
const selected = (commands.length ? commands : Object.keys(KNOWN)).filter((c) => {
  if (!KNOWN[c]) throw new Error(`unknown bench command ${c}`);
  return new RegExp(`^  ${c}\\b`, 'm').test(available);
});

if (!existsSync(source)) {
  console.error(`bench: ${source} is missing (the benchmark needs ../shared/data)`);
  process.exit(1);
}
const dir = join(tmpdir(), 'corpus-bench');
mkdirSync(dir, { recursive: true });
const jsonl = join(dir, 'ant_multisource.jsonl');
const txt = join(dir, 'ant_multisource.txt');
if (!existsSync(jsonl)) {
  console.error('bench: decompressing ant_multisource.jsonl.xz ...');
  execFileSync('bash', ['-c', `xz -dc '${source}' > '${jsonl}.part'`]);
  renameSync(`${jsonl}.part`, jsonl);
}
if (!existsSync(txt)) {
  // The pipeline reads the article texts themselves, not JSON.
  const lines = readFileSync(jsonl, 'utf8').split('\n').filter(Boolean);
  writeFileSync(txt, lines.map((l) => JSON.parse(l).text).join('\n') + '\n');
}
const jsonlMB = statSync(jsonl).size / 1e6;
const txtMB = statSync(txt).size / 1e6;
const hasTime = existsSync('/usr/bin/time');

function timed(shellCommand) {
  const cmd = hasTime ? `/usr/bin/time -f '%M' bash -c ${JSON.stringify(shellCommand)} 2>&1 >/dev/null | tail -1` : `${shellCommand} >/dev/null`;
  const t0 = process.hrtime.bigint();
  const r = spawnSync('bash', ['-c', cmd], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`bench: failed: ${shellCommand}\n${r.stderr}`);
  const rssKB = hasTime ? Number(r.stdout.trim().split('\n').pop()) : NaN;
  return { wall, rssMB: rssKB / 1024 };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const pipeline = `LC_ALL=C tr -s '[:space:][:punct:]' '\\n' < '${txt}' | LC_ALL=C sort | LC_ALL=C uniq -c | LC_ALL=C sort -rn`;
// The issue writes the pipeline without a locale; users run it in theirs (UTF-8 collation makes
// sort slower). Targets are judged against the faster C-locale pipeline above (as PERF.md does);
// the locale one is reported beside it.
const localePipeline = `tr -s '[:space:][:punct:]' '\\n' < '${txt}' | sort | uniq -c | sort -rn`;
const locale = process.env.LC_ALL || process.env.LANG || 'POSIX';
console.log(`data: ${jsonl} (${jsonlMB.toFixed(1)} MB JSONL, ${txtMB.toFixed(1)} MB of text), ${runs} alternating runs, node ${process.version}`);
console.log(`pipeline: ${pipeline.replace(`'${txt}'`, 'ant.txt')}`);
console.log(`also timed: ${localePipeline.replace(`'${txt}'`, 'ant.txt')} in the ${locale} locale\n`);
const results = [];
let localeWall = NaN;
for (const name of selected) {
  const corpus = `'${process.execPath}' '${join(root, 'bin/corpus.js')}' ${KNOWN[name].args.join(' ')} --quiet '${jsonl}'`;
  const p = [];
  const c = [];
  const l = [];
  for (let i = 0; i < runs; i++) {
    p.push(timed(pipeline));
    c.push(timed(corpus));
    if (results.length === 0) l.push(timed(localePipeline));
  }
  if (l.length) localeWall = median(l.map((x) => x.wall));
  const pw = median(p.map((x) => x.wall));
  const cw = median(c.map((x) => x.wall));
  const row = {
    command: `corpus ${name}`,
    corpus_s: +cw.toFixed(2),
    pipeline_s: +pw.toFixed(2),
    ratio: +(cw / pw).toFixed(2),
    target: KNOWN[name].target,
    corpus_mb_s: +(txtMB / cw).toFixed(1),
    corpus_peak_rss_mb: Math.round(Math.max(...c.map((x) => x.rssMB))),
    pipeline_peak_rss_mb: Math.round(Math.max(...p.map((x) => x.rssMB))),
    locale_pipeline_s: +localeWall.toFixed(2),
    locale_ratio: +(cw / localeWall).toFixed(2),
  };
  results.push(row);
  console.log(`${row.command.padEnd(16)} ${row.corpus_s.toFixed(2)} s vs pipeline ${row.pipeline_s.toFixed(2)} s = ${row.ratio.toFixed(2)}x` +
    `${row.target ? ` (target <= ${row.target}x: ${row.ratio <= row.target ? 'met' : 'MISSED'})` : ''}, ${row.corpus_mb_s} MB/s of text, peak RSS ${row.corpus_peak_rss_mb} MB` +
    `; ${row.locale_ratio.toFixed(2)}x the pipeline in the ${locale} locale (${row.locale_pipeline_s.toFixed(2)} s)`);
}
console.log('\n' + JSON.stringify(results));
