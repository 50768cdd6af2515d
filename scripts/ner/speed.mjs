#!/usr/bin/env node
// Quick in-process speed check of the entity extractor (a few seconds, unlike npm run bench:ner):
// prepareText + extractEntities + resolveDocument over the first N documents of a JSONL file,
// single thread, for each model given; prints tokens per second. Compare models in one run, on an
// idle machine.
//   node scripts/ner/speed.mjs [--file /tmp/ant.jsonl] [--docs 4000] [--rounds 3] MODEL...
import { readFileSync } from 'node:fs';
import { normalizerFor } from '../../dist/text/normalize.js';
import { prepareText } from '../../dist/text/prepare.js';
import { extractEntities } from '../../dist/analyze/entities/extract.js';
import { resolveDocument } from '../../dist/analyze/entities/merge.js';
import { NerModel } from '../../dist/analyze/entities/model.js';
import { loadResources } from '../../dist/analyze/entities/resources.js';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const FILE = opt('--file', '/tmp/ant.jsonl');
const DOCS = Number(opt('--docs', 4000));
const ROUNDS = Number(opt('--rounds', 3));
const models = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const texts = [];
const buf = readFileSync(FILE, 'utf8');
let at = 0;
while (texts.length < DOCS && at < buf.length) {
  const nl = buf.indexOf('\n', at);
  const line = buf.slice(at, nl < 0 ? buf.length : nl);
  at = nl < 0 ? buf.length : nl + 1;
  if (line === '') continue;
  texts.push(JSON.parse(line).text ?? '');
}
const norm = normalizerFor('standard');
const res = loadResources();
const loaded = models.map((m) => [m, NerModel.load(m, res)]);
let tokens = 0;
for (const t of texts) tokens += prepareText(t, norm).tokens.length;
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, model] of loaded) {
    const t0 = process.hrtime.bigint();
    let n = 0;
    for (let k = 0; k < texts.length; k++) {
      const ms = extractEntities(prepareText(texts[k], norm), model, { doc: String(k) });
      resolveDocument(ms, model.resources.gazetteer);
      n += ms.length;
    }
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    console.log(`round ${r + 1} ${name}: ${texts.length} docs, ${tokens} tokens, ${n} mentions, ${(tokens / secs / 1000).toFixed(0)}k tokens/s`);
  }
}
