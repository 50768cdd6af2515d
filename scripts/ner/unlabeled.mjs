// Unlabeled news sentences for self-training (scripts/ner/train.mjs, scripts/ner/selftrain.mjs):
// reads the news files of the shared data folder in file order (deterministic), one document in
// `every`, and turns their sentences into examples (src/analyze/entities/selftrain.ts).
//
// Only news whose licences allow shipping a derived model can be named here: ANT multi-source
// (citation licence, Apache-2.0 badge), ANT Jawhara FM (Apache-2.0 + citation) and Goud.ma
// (CC BY 4.0). SaudiNewsNet (CC BY-NC-SA) and the Moroccan news sample (no licence) are not.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { prepareText } from '../../dist/text/prepare.js';
import { sentenceExamples } from '../../dist/analyze/entities/selftrain.js';

export const SELF_TRAIN_SOURCES = {
  ant_multisource: 'ant_multisource/ant_multisource.jsonl.xz',
  ant_jawharafm: 'ant_jawharafm_tunisia/ant_jawharafm.jsonl.xz',
  goud: 'moroccan_goud_marsum/marsum_goud_test.jsonl.xz',
};

/** Sentences of one source until `tokens` tokens (or the end of the file). */
async function readSource(path, fx, norm, o, tokens) {
  const xz = spawn('xz', ['-dc', path], { stdio: ['ignore', 'pipe', 'inherit'] });
  const rl = createInterface({ input: xz.stdout, crlfDelay: Infinity });
  const out = [];
  let k = 0, tok = 0;
  for await (const line of rl) {
    if (line === '' || k++ % o.every !== 0) continue;
    const rec = JSON.parse(line);
    if (typeof rec.text !== 'string') continue;
    for (const e of sentenceExamples(prepareText(rec.text, norm), fx, o.minLen, o.maxLen)) { out.push(e); tok += e.gold.length; }
    if (tok >= tokens) break;
  }
  rl.close();
  xz.kill();
  return { examples: out, tokens: tok };
}

/**
 * o: SelfTrainOptions plus sources (names of SELF_TRAIN_SOURCES) and data (the shared data folder).
 * With several sources, the token budget is shared equally, what a source cannot fill passing to
 * the ones after it, and the sentences are interleaved one source after the other, so that the
 * maxExtra cap of the confident selection does not favour the first source.
 */
export async function readUnlabeled(fx, norm, o, log = () => {}) {
  const lists = [];
  let used = 0;
  for (let i = 0; i < o.sources.length; i++) {
    const name = o.sources[i];
    if (!(name in SELF_TRAIN_SOURCES)) throw new Error(`unknown or unlicensed self-training source ${name} (allowed: ${Object.keys(SELF_TRAIN_SOURCES).join(', ')})`);
    const budget = (o.tokens - used) / (o.sources.length - i);
    const r = await readSource(`${o.data}/${SELF_TRAIN_SOURCES[name]}`, fx, norm, o, budget);
    used += r.tokens;
    lists.push(r.examples);
    log(`${r.examples.length} unlabeled sentences, ${r.tokens} tokens (${name}, one document in ${o.every})`);
  }
  if (lists.length === 1) return lists[0];
  const out = [];
  for (let j = 0; lists.some((l) => j < l.length); j++) for (const l of lists) if (j < l.length) out.push(l[j]);
  return out;
}

/** The shipped recipe's self-training sources (docs/ENTITIES.md: dev +0.7, CV +0.4, seeds unchanged). */
export const SHIPPED_SELF_TRAIN = 'goud,ant_jawharafm,ant_multisource';

/** Reads --self-* options (defaults: SELF_TRAIN_DEFAULTS and the shipped sources). */
export function selfTrainOptions(opt, defaults, data) {
  return {
    sources: opt('--self-train', SHIPPED_SELF_TRAIN).split(','),
    tokens: Number(opt('--self-tokens', defaults.tokens)),
    every: Number(opt('--self-every', defaults.every)),
    minMarg: Number(opt('--self-min-marg', defaults.minMarg)),
    maxExtra: Number(opt('--self-max-extra', defaults.maxExtra)),
    minLen: Number(opt('--self-min-len', defaults.minLen)),
    maxLen: Number(opt('--self-max-len', defaults.maxLen)),
    data,
  };
}
