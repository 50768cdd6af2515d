#!/usr/bin/env node
// The lexicon audit (src/analyze/entities/backoff.ts): which lexicon forms the training sentences
// mostly leave untagged, written into a model file's header as backoffSkip. train.mjs runs it for
// the models it writes; run alone, it updates an existing model without touching its weights:
//   node scripts/ner/audit.mjs --model data/models/ner.bin.gz --part all        (the shipped model)
//   node scripts/ner/audit.mjs --model .cache/ner-dev.bin.gz --part dev-train   (first 85%)
//   node scripts/ner/audit.mjs --part all --report                              (the counts, no file)
//     [--min-seen 3] [--max-share 0.4] [--data ../shared/data]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizerFor } from '../../dist/text/normalize.js';
import { parseConll, anercorpLabels } from '../../dist/analyze/entities/conll.js';
import { alignSentence } from '../../dist/analyze/entities/align.js';
import { auditLexicon, rarelyTagged } from '../../dist/analyze/entities/backoff.js';
import { NerModel } from '../../dist/analyze/entities/model.js';
import { loadResources } from '../../dist/analyze/entities/resources.js';

export const AUDIT_DEFAULTS = { minSeen: 3, maxShare: 0.4 };

/** Counts of the lexicon forms over gold sentences ({words, tags} as parseConll gives them). */
export function countForms(sentences, resources) {
  const norm = normalizerFor('standard');
  const gold = sentences.map((s) => { const a = alignSentence(s.words, s.tags, norm); return { tokens: a.prepared.tokens, tags: a.tags }; });
  return auditLexicon(gold, resources.gazetteer, resources.clusters?.freq ?? null);
}

export function backoffSkipFor(sentences, resources, opts = AUDIT_DEFAULTS) {
  return rarelyTagged(countForms(sentences, resources), opts.minSeen, opts.maxShare);
}

/** Rewrites the model file at path with backoffSkip in its header. */
export function writeBackoffSkip(path, skip, note) {
  writeFileSync(path, NerModel.rewriteHeader(readFileSync(path), (h) => ({ ...h, backoffSkip: skip, training: { ...h.training, backoffAudit: note } })));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
  const DATA = opt('--data', '../shared/data');
  const PART = opt('--part', 'all');
  const opts = { minSeen: Number(opt('--min-seen', AUDIT_DEFAULTS.minSeen)), maxShare: Number(opt('--max-share', AUDIT_DEFAULTS.maxShare)) };
  const all = parseConll(readFileSync(`${DATA}/anercorp/ANERCorp_CamelLab_train.txt`, 'utf8'), 'anercorp', anercorpLabels);
  let sentences = all;
  if (PART === 'dev-train') {
    // the dev model's training part, cut as train.mjs cuts it (85% of the tokens)
    const total = all.reduce((a, s) => a + s.words.length, 0);
    let cum = 0;
    let cut = all.length;
    for (let i = 0; i < all.length; i++) { cum += all[i].words.length; if (cum >= 0.85 * total) { cut = i + 1; break; } }
    sentences = all.slice(0, cut);
  } else if (PART !== 'all') throw new Error(`--part all|dev-train, not ${PART}`);
  const res = loadResources();
  const counts = countForms(sentences, res);
  const skip = rarelyTagged(counts, opts.minSeen, opts.maxShare);
  if (args.includes('--report')) {
    const rows = [...counts].sort((a, b) => b[1].seen - a[1].seen);
    for (const [k, c] of rows) console.log(`${c.seen}\t${c.tagged}\t${skip.includes(k) ? 'skip' : ''}\t${k}`);
  }
  console.error(`${counts.size} lexicon forms seen in ${sentences.length} sentences, ${skip.length} mostly untagged (seen >= ${opts.minSeen}, tagged < ${opts.maxShare})`);
  const model = opt('--model', null);
  if (model !== null) {
    writeBackoffSkip(model, skip, { sentences: sentences.length, ...opts, forms: skip.length });
    console.error(`${model}: backoffSkip written`);
  }
}
