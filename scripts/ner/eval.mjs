#!/usr/bin/env node
// Scores the entity extractor end to end on the dev split (npm run eval:ner): each dev sentence is
// joined with spaces into one document, run through prepareText + extractEntities exactly as
// `corpus entities` does (clitics outside spans included), the mentions are projected back onto
// the whitespace tokens (a token overlapping a mention takes its type), and typed exact spans are
// counted conlleval-style: precision, recall and F1 per type and micro-averaged.
//
//   npm run eval:ner [-- --model .cache/ner-dev.bin.gz] [--no-gazetteer] [--no-rules] [--errors FILE] [--doc-size N]
//     [--clusters PATH] (the clusters file the model was trained with, if not the shipped one)
//     [--corpus aqmar|wojood] (the AQMAR dev articles or the Wojood sample instead: out of domain, for
//     any model never trained on them)
// (defaults as in `corpus entities`: lexicon names the tagger missed and the organization rule on)
//
// The model must not have seen the dev sentences: .cache/ner-dev.bin.gz is written by the dev
// run of npm run train:ner (trained on the first 85% of the ANERcorp train split only).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { normalizerFor } from '../../dist/text/normalize.js';
import { prepareText } from '../../dist/text/prepare.js';
import { parseConll, anercorpLabels, aqmarLabels, parseWojood } from '../../dist/analyze/entities/conll.js';
import { readdirSync } from 'node:fs';
import { spansToWordTags } from '../../dist/analyze/entities/align.js';
import { extractEntities } from '../../dist/analyze/entities/extract.js';
import { NerModel } from '../../dist/analyze/entities/model.js';
import { loadResources } from '../../dist/analyze/entities/resources.js';
import { SpanScorer } from '../../dist/analyze/entities/score.js';
import { ENTITY_TYPES, spansOf } from '../../dist/analyze/entities/tags.js';
import { formatScores } from '../../dist/analyze/entities/train.js';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const MODEL = opt('--model', '.cache/ner-dev.bin.gz');
const DATA = opt('--data', '../shared/data');
const DEV_SHARE = 0.15;

// --corpus aqmar: the 20 AQMAR dev articles (Wikipedia; never trained on) instead, each sentence a
// document; with the shipped model (--model data/models/ner.bin.gz) it estimates out-of-domain text.
// --corpus wojood: the public Wojood sample (train + val), outermost spans mapped as in conll.ts
const CORPUS = opt('--corpus', 'anercorp');
let dev;
if (CORPUS === 'wojood') {
  dev = ['train.txt', 'val.txt'].flatMap((f) => parseWojood(readFileSync(`${DATA}/wojood_sample/${f}`, 'utf8')));
} else if (CORPUS === 'aqmar') {
  const dir = `${DATA}/aqmar/dev_articles`;
  dev = readdirSync(dir).sort().flatMap((f) => parseConll(readFileSync(`${dir}/${f}`, 'utf8'), 'aqmar', aqmarLabels));
} else {
  if (!existsSync(MODEL)) {
    console.error(`${MODEL} not found: training the dev model first (node scripts/ner/train.mjs --dev-only)`);
    execFileSync(process.execPath, ['scripts/ner/train.mjs', '--dev-only', '--dev-out', MODEL], { stdio: 'inherit' });
  }
  const all = parseConll(readFileSync(`${DATA}/anercorp/ANERCorp_CamelLab_train.txt`, 'utf8'), 'anercorp', anercorpLabels);
  const total = all.reduce((a, s) => a + s.words.length, 0);
  let cum = 0;
  let cut = all.length;
  for (let i = 0; i < all.length; i++) { cum += all[i].words.length; if (cum >= (1 - DEV_SHARE) * total) { cut = i + 1; break; } }
  dev = all.slice(cut);
}

const model = NerModel.load(MODEL, loadResources(opt('--clusters', null) ? { clustersPath: opt('--clusters') } : {}));
const norm = normalizerFor('standard');
const scorer = new SpanScorer();
const errors = [];
const t0 = process.hrtime.bigint();
// --doc-size N: N consecutive dev sentences, one per line, make one document (ANERcorp has no
// article marks); the default 1 scores each sentence alone, as before the document-level pass
const DOC_SIZE = Number(opt('--doc-size', 1));
for (let g = 0; g < dev.length; g += DOC_SIZE) {
  const group = dev.slice(g, g + DOC_SIZE);
  const words = group.flatMap((s) => s.words);
  const text = group.map((s) => s.words.join(' ')).join('\n');
  const starts = new Int32Array(words.length + 1);
  let pos = 0;
  words.forEach((w, i) => { starts[i] = pos; pos += w.length + 1; });
  starts[words.length] = text.length;
  const mentions = extractEntities(prepareText(text, norm), model, { doc: String(g), gazetteerBackoff: !args.includes('--no-gazetteer'), orgRule: !args.includes('--no-rules') });
  const predAll = spansToWordTags(mentions.map((m) => ({ type: ENTITY_TYPES.indexOf(m.type), start: m.utf16Start, end: m.utf16End })), starts);
  let at = 0;
  for (let q = 0; q < group.length; q++) {
  const k = g + q;
  const s = group[q];
  const pred = predAll.subarray(at, at + s.words.length);
  at += s.words.length;
  scorer.add(s.tags, pred);
  if (opt('--errors', null)) {
    const text = s.words.join(' ');
    const g = spansOf(s.tags).map((x) => `${ENTITY_TYPES[x.type]}:${s.words.slice(x.start, x.end).join(' ')}`);
    const p = spansOf(pred).map((x) => `${ENTITY_TYPES[x.type]}:${s.words.slice(x.start, x.end).join(' ')}`);
    const miss = g.filter((x) => !p.includes(x));
    const spur = p.filter((x) => !g.includes(x));
    if (miss.length + spur.length > 0) errors.push(`#${k} ${text}\n  missed: ${miss.join(' | ')}\n  wrong:  ${spur.join(' | ')}`);
  }
  }
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const devTokens = dev.reduce((a, s) => a + s.words.length, 0);
console.log(`${CORPUS === 'aqmar' ? 'AQMAR dev articles' : `dev split: last ${DEV_SHARE * 100}% of the ANERcorp train split`} (${dev.length} sentences, ${devTokens} tokens, ${DOC_SIZE} per document); model ${MODEL}`);
console.log('end to end (prepareText + extractEntities, spans projected onto whitespace tokens), typed exact spans:');
console.log(formatScores(scorer.scores()));
console.log(`${secs.toFixed(2)} s`);
if (opt('--errors', null)) writeFileSync(opt('--errors'), errors.join('\n'));
