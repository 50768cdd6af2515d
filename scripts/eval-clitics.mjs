#!/usr/bin/env node
/**
 * Measures the clitic analysis against NewsFANE Gold, whose text is the ANERcorp train text
 * re-tokenized with clitics split off (../shared/data/newsfane_gold; CC BY-SA 3.0, Alotaibi & Lee 2014).
 *
 *   npm run build && node scripts/eval-clitics.mjs [--lexicon data/lexicons/words.tsv.gz] [--split dev|test|all] [--errors N]
 *
 * The ANERcorp train text (../shared/data/anercorp, whitespace tokens, clitics attached) gives
 * the written words; NewsFANE gives their gold segmentation. The two token streams are aligned
 * by letter skeleton (alefs dropped, hamza and ta marbuta folded: NewsFANE normalizes alef and
 * restores the alef of ل + ال), and each ANERcorp Arabic word gets the NewsFANE pieces it was
 * cut into. Only outer proclitics (و ف ب ك ل س) and enclitics are compared: NewsFANE never
 * separates the article.
 *
 * Splits: the aligned words are cut in two halves by position; `dev` (the first half) is where
 * the thresholds were tuned, `test` (the second half) is reported as the held-out figure.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliticAnalyzer, analysisNormalizer } from '../dist/text/clitics.js';
import { loadWordLexicon } from '../dist/text/wordLexicon.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PROCLITICS = new Set(['و', 'ف', 'ب', 'ك', 'ل', 'س']);
const ENCLITICS = new Set(['ه', 'ها', 'هم', 'هما', 'هن', 'ك', 'كم', 'كن', 'ي', 'نا']);

function args(argv) {
  const o = { lexicon: resolve(root, 'data/lexicons/words.tsv.gz'), data: resolve(root, '../shared/data'), split: 'all', errors: 0 };
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lexicon') o.lexicon = resolve(argv[++i]);
    else if (a === '--data') o.data = resolve(argv[++i]);
    else if (a === '--split') o.split = argv[++i];
    else if (a === '--errors') o.errors = Number(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

const isArabic = (s) => /^[\u0621-\u064A]+$/.test(s);

/** Letter skeleton for alignment only. */
function skeleton(s) {
  return s.replace(/[\u064B-\u065F\u0670\u0640]/g, '').replace(/[اأإآٱ]/g, '').replace(/ة/g, 'ت').replace(/ى/g, 'ي').replace(/[ؤئ]/g, 'ء');
}

function readAner(path, normalizer) {
  const words = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const sp = line.lastIndexOf(' ');
    if (sp <= 0) continue;
    // a token such as "(د" carries punctuation: keep its Arabic letters only
    const raw = normalizer.normalizeString(line.slice(0, sp));
    const m = raw.match(/[\u0621-\u064A]+/g);
    if (!m) continue;
    for (const w of m) words.push(w);
  }
  return words;
}

function readNewsFane(path, normalizer) {
  const pieces = [];
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const tok = normalizer.normalizeString(line.slice(0, tab).replace(/[\u200E\u200F\r]/g, ''));
    if (isArabic(tok)) pieces.push(tok);
  }
  return pieces;
}

/**
 * Aligns each ANERcorp word with the NewsFANE pieces whose skeletons concatenate to its skeleton.
 * The two files do not keep the same document order, so when the streams disagree the next
 * ANERcorp words are looked up in the whole NewsFANE letter stream (a unique match of at least
 * 24 letters that starts on a piece boundary) and the walk goes on from there.
 */
function align(words, pieces) {
  const out = [];
  const ws = words.map(skeleton);
  const ps = pieces.map(skeleton);
  const stream = ps.join('');
  const pieceAt = new Int32Array(stream.length + 1).fill(-1);
  for (let j = 0, off = 0; j < ps.length; off += ps[j].length, j++) if (pieceAt[off] < 0) pieceAt[off] = j;
  const used = new Uint8Array(ps.length);
  let i = 0;
  let j = 0;
  let skipped = 0;
  let lastResync = -1;
  const resync = () => {
    // never resynchronize twice at the same word: a word that matches nowhere is skipped
    for (let di = i === lastResync ? 1 : 0; di < 50 && i + di < ws.length; di++) {
      let key = '';
      for (let t = i + di; t < ws.length && key.length < 24; t++) key += ws[t];
      if (key.length < 24) return false;
      const at = stream.indexOf(key);
      if (at < 0 || stream.indexOf(key, at + 1) >= 0 || pieceAt[at] < 0 || used[pieceAt[at]]) continue;
      skipped += di;
      i += di;
      j = pieceAt[at];
      lastResync = i;
      return true;
    }
    skipped += 50;
    i += 50;
    return i < ws.length;
  };
  while (i < words.length) {
    if (j >= pieces.length) { if (!resync()) break; continue; }
    let joined = '';
    let found = -1;
    for (let k = 0; k < 4 && j + k < pieces.length; ) {
      joined += ps[j + k];
      k++;
      if (joined === ws[i]) { found = k; break; }
      if (joined.length >= ws[i].length) break;
    }
    if (found > 0 && !used[j]) {
      out.push({ word: words[i], pieces: pieces.slice(j, j + found) });
      for (let k = 0; k < found; k++) used[j + k] = 1;
      i++;
      j += found;
      continue;
    }
    if (!resync()) break;
  }
  return { aligned: out, skipped };
}

/** Gold split of pieces: leading proclitics, trailing enclitic. */
function goldSplit(pieces) {
  let a = 0;
  let b = pieces.length;
  const pro = [];
  while (a < b - 1 && PROCLITICS.has(pieces[a])) pro.push(pieces[a++]);
  let enc = '';
  if (b - 1 > a && ENCLITICS.has(pieces[b - 1])) enc = pieces[--b];
  return { pro: pro.join(''), enc };
}

function main() {
  const o = args(process.argv);
  const normalizer = analysisNormalizer('standard');
  const words = readAner(resolve(o.data, 'anercorp/ANERCorp_CamelLab_train.txt'), normalizer);
  const pieces = readNewsFane(resolve(o.data, 'newsfane_gold/NewsFANE_Gold_2014_170K.part_ANERcorpTRAIN.txt'), normalizer);
  const { aligned, skipped } = align(words, pieces);
  const half = Math.floor(aligned.length / 2);
  const sel = o.split === 'dev' ? aligned.slice(0, half) : o.split === 'test' ? aligned.slice(half) : aligned;
  const lex = loadWordLexicon(o.lexicon);
  const analyzer = new CliticAnalyzer(lex);

  const classes = { 'و ف': new Set(['و', 'ف']), 'ب ك ل س': new Set(['ب', 'ك', 'ل', 'س']) };
  const stat = () => ({ tp: 0, fp: 0, fn: 0 });
  const byClass = { 'و ف': stat(), 'ب ك ل س': stat(), enclitic: stat() };
  let exact = 0;
  let exactWf = 0;
  let splitWords = 0;
  const errors = [];
  for (const { word, pieces: p } of sel) {
    const gold = goldSplit(p);
    const a = analyzer.analyze(word);
    const pro = a.form.slice(0, a.prefixLength);
    const enc = a.enclitic;
    if (gold.pro || gold.enc) splitWords++;
    const wf = (x) => [...x].filter((c) => c === 'و' || c === 'ف').join('');
    if (wf(pro) === wf(gold.pro) && enc === gold.enc) exactWf++;
    if (pro === gold.pro && enc === gold.enc) exact++;
    else if (errors.length < o.errors) errors.push(`${word}\tgold ${p.join('+')}\tours ${[...pro].join('+')}${pro ? '+' : ''}${a.word}${enc ? '+' + enc : ''}`);
    for (const [name, set] of Object.entries(classes)) {
      const g = [...gold.pro].filter((c) => set.has(c));
      const s = [...pro].filter((c) => set.has(c));
      const st = byClass[name];
      for (const c of s) { const at = g.indexOf(c); if (at >= 0) { g.splice(at, 1); st.tp++; } else st.fp++; }
      st.fn += g.length;
    }
    const st = byClass.enclitic;
    if (enc && enc === gold.enc) st.tp++;
    else {
      if (enc) st.fp++;
      if (gold.enc) st.fn++;
    }
  }
  const pct = (x, n) => (n ? ((100 * x) / n).toFixed(1) : '-');
  const lines = [
    `lexicon ${o.lexicon} (${lex.size} forms)`,
    `aligned ${aligned.length} ANERcorp Arabic words of ${words.length} (${skipped} skipped while resynchronizing); split ${o.split}: ${sel.length} words, ${splitWords} with a gold clitic`,
    `word-level agreement (outer proclitics and enclitic identical): ${pct(exact, sel.length)}%`,
    `word-level agreement on و ف and enclitic (NewsFANE keeps ب ك ل س attached to nouns; ignored here): ${pct(exactWf, sel.length)}%`,
  ];
  for (const [name, st] of Object.entries(byClass)) {
    const p = st.tp / (st.tp + st.fp || 1);
    const r = st.tp / (st.tp + st.fn || 1);
    lines.push(`${name.padEnd(8)} precision ${pct(st.tp, st.tp + st.fp)}%  recall ${pct(st.tp, st.tp + st.fn)}%  F1 ${(p + r ? (200 * p * r) / (p + r) : 0).toFixed(1)}  (tp ${st.tp}, fp ${st.fp}, fn ${st.fn})`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  if (errors.length) process.stdout.write(errors.join('\n') + '\n');
}

main();
