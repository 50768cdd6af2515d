#!/usr/bin/env node
/**
 * Builds data/lexicons/words.tsv.gz: the written word forms of three news corpora with their
 * counts, in the clitic analysis spelling (`standard` normalization without alef/ya folding).
 *
 *   npm run build && node scripts/build-lexicon.mjs [--min-count 3] [--data ../shared/data] [--out data/lexicons/words.tsv.gz]
 *
 * Only derived counts ship, never text. Sources are chosen for their licences (see SOURCES);
 * SaudiNewsNet (CC BY-NC-SA) and the Moroccan News Corpus sample (no licence) are left out.
 * Duplicate article texts are counted once.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { analysisNormalizer } from '../dist/text/clitics.js';
import { FormTable, IntColumn } from '../dist/text/formTable.js';
import { NormBuffer } from '../dist/text/normalize.js';
import { K_HASHTAG, TokenBuffer, isWordKind, tokenizeUnits } from '../dist/text/tokenize.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const SOURCES = [
  {
    dir: 'ant_multisource', file: 'ant_multisource.jsonl.xz',
    what: 'ANT Corpus v2.1, 31,525 MSA news articles (SkyNews Arabia, Al Arabiya, France24, BBC Arabic, CNN Arabic, 2018)',
    licence: 'Apache-2.0 badge and citation licence: Chouigui, Ben Khiroun, Elayeb, An Arabic Multi-source News Corpus, AJSE 46(8), 2021',
  },
  {
    dir: 'ant_jawharafm_tunisia', file: 'ant_jawharafm.jsonl.xz',
    what: 'ANT Corpus v1.1, 10,161 MSA news articles from Jawhara FM, Tunisia (2014-2017)',
    licence: 'Apache-2.0 (LICENSE file) and citation licence: Chouigui, Ben Khiroun, Elayeb, ANT Corpus, AICCSA 2017',
  },
  {
    dir: 'moroccan_goud_marsum', file: 'marsum_goud_test.jsonl.xz',
    what: 'MArSum test split, 1,981 Moroccan news articles from goud.ma (Darija and MSA)',
    licence: 'CC BY 4.0: Gaanoun, Naira, Allak, Benelallam, Automatic Text Summarization for Moroccan Arabic Dialect, 2022',
  },
];

function args(argv) {
  const o = { minCount: 3, data: resolve(root, '../shared/data'), out: join(root, 'data/lexicons/words.tsv.gz'), sources: SOURCES.map((s) => s.dir) };
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--min-count') o.minCount = Number(argv[++i]);
    else if (a === '--data') o.data = resolve(argv[++i]);
    else if (a === '--out') o.out = resolve(argv[++i]);
    else if (a === '--sources') o.sources = argv[++i].split(',');
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

async function* records(path) {
  const child = spawn('xzcat', [path], { stdio: ['ignore', 'pipe', 'inherit'] });
  const rl = createInterface({ input: child.stdout, crlfDelay: Infinity });
  for await (const line of rl) if (line.trim() !== '') yield JSON.parse(line);
}

async function main() {
  const o = args(process.argv);
  const normalizer = analysisNormalizer('standard');
  const nb = new NormBuffer();
  const tb = new TokenBuffer();
  const table = new FormTable(1 << 18);
  const counts = new IntColumn(1 << 18);
  const seen = new Set();
  let tokens = 0;
  let documents = 0;
  let duplicates = 0;
  const used = SOURCES.filter((s) => o.sources.includes(s.dir));
  for (const src of used) {
    const t0 = Date.now();
    for await (const rec of records(join(o.data, src.dir, src.file))) {
      const text = typeof rec.text === 'string' ? rec.text : '';
      if (text.trim() === '') continue;
      const digest = createHash('sha1').update(text).digest('base64');
      if (seen.has(digest)) { duplicates++; continue; }
      seen.add(digest);
      documents++;
      const len = normalizer.normalizeInto(text, nb, false);
      tokenizeUnits(nb.units, len, tb);
      const d = tb.data;
      for (let t = 0; t < tb.count; t++) {
        const kind = d[t * 3 + 2] & 0xff;
        // what `corpus keywords` counts: words and hashtags
        if (!isWordKind(kind) && kind !== K_HASHTAG) continue;
        const id = table.intern(nb.units, d[t * 3], d[t * 3 + 1]);
        counts.ensure(id);
        counts.data[id]++;
        tokens++;
      }
    }
    process.stderr.write(`${src.dir}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s (${documents} documents so far)\n`);
  }
  const ids = [];
  for (let id = 0; id < table.size; id++) if (counts.data[id] >= o.minCount) ids.push(id);
  const forms = table.forms;
  ids.sort((a, b) => counts.data[b] - counts.data[a] || (forms[a] < forms[b] ? -1 : forms[a] > forms[b] ? 1 : 0));
  const header = [
    '# words.tsv: written word forms of Arabic news with their counts (form<TAB>count), most frequent first.',
    '# Spelling: corpus `standard` normalization WITHOUT alef and ya folding (hamza and alef maksura kept),',
    '#   diacritics and tatweel removed, Latin letters in lower case. Words and #hashtags as the corpus tokenizer cuts them.',
    `# Pruned: forms seen fewer than ${o.minCount} times are left out (${table.size} distinct forms before pruning, ${ids.length} kept).`,
    '# Built by scripts/build-lexicon.mjs from (duplicate article texts counted once):',
    ...used.flatMap((s) => [`#   ${s.what}`, `#     licence: ${s.licence}`]),
    '# Only derived counts are shipped, no text. Attribution as above.',
    `# tokens: ${tokens}`,
    `# documents: ${documents}`,
  ];
  const body = ids.map((id) => `${forms[id]}\t${counts.data[id]}`).join('\n');
  const gz = gzipSync(Buffer.from(header.join('\n') + '\n' + body + '\n', 'utf8'), { level: 9 });
  writeFileSync(o.out, gz);
  process.stderr.write(`${o.out}: ${ids.length} forms (of ${table.size}), ${tokens} tokens, ${documents} documents (${duplicates} duplicates skipped), ${gz.length} bytes\n`);
}

main().catch((err) => {
  process.stderr.write(`build-lexicon: ${err.message}\n`);
  process.exit(1);
});
