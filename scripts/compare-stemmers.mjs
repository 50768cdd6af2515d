#!/usr/bin/env node
/**
 * Compares stemmers for `--group stem` on real news text: the project's light stemmer (with and
 * without its entity guard), the Arabic Snowball stemmer of @orama/stemmers, and arabic-stem
 * (its light stem and its first root).
 *
 *   npm run build
 *   npm i --no-save @orama/stemmers@3.1.18 arabic-stem@0.0.7     # only for this comparison
 *   node scripts/compare-stemmers.mjs [--docs 10000] [--sample 40] [--orama MODULE] [--arabic-stem MODULE]
 *
 * Input: the first N articles of ../shared/data/ant_multisource. Every stemmer gets the same
 * word keys (clitics removed by clitics.ts, article kept). Reported per stemmer:
 *   - classes: distinct stems among the word keys seen at least 5 times;
 *   - families kept together: hand-written inflection families (below) whose forms all get
 *     one stem (under-stemming shows as split families);
 *   - wrong merges: hand-written pairs of unrelated words that must not share a stem;
 *   - a random sample of merged classes, to read.
 */
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { KeywordCounter } from '../dist/analyze/keywords/counter.js';
import { lightStemmer } from '../dist/analyze/keywords/stem.js';
import { DEFAULT_TERM_SETTINGS, TermAnalyzer } from '../dist/analyze/keywords/terms.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Inflections that a stemmer for keyword grouping should bring together (normalized spelling). */
const FAMILIES = [
  ['الحكومة', 'حكومة', 'الحكومات', 'حكومات', 'الحكومية', 'حكومي'],
  ['الانتخابات', 'انتخابات', 'الانتخابية', 'انتخابي', 'الانتخابي'],
  ['المعلمين', 'معلمين', 'المعلمون', 'معلم', 'المعلم'],
  ['الاقتصاد', 'اقتصاد', 'الاقتصادية', 'اقتصادي', 'الاقتصادي', 'اقتصادية'],
  ['اللاعب', 'لاعب', 'اللاعبين', 'لاعبين', 'اللاعبون'],
  ['المغربية', 'مغربي', 'المغربي', 'مغربية', 'المغاربة'],
  ['السياسة', 'سياسة', 'السياسية', 'سياسي', 'السياسي', 'سياسية'],
  ['الشركة', 'شركة', 'الشركات', 'شركات'],
  ['الدولي', 'دولي', 'الدولية', 'دولية'],
  ['الأمريكي', 'امريكي', 'الامريكية', 'امريكية', 'الامريكيين', 'امريكيين'],
  ['المسؤول', 'مسؤول', 'المسؤولين', 'مسؤولين', 'المسؤولون'],
  ['الفلسطيني', 'فلسطيني', 'الفلسطينية', 'الفلسطينيين', 'فلسطينيين'],
  ['العسكري', 'عسكري', 'العسكرية', 'عسكرية', 'العسكريين'],
  ['الرياضي', 'رياضي', 'الرياضية', 'رياضية', 'الرياضيين'],
  ['المتحدث', 'متحدث', 'المتحدثة', 'متحدثة'],
];

/** Unrelated words that must not end up with one stem. */
const DISTINCT = [
  ['لبنان', 'لبن'], ['سلمان', 'سلم'], ['السودان', 'سود'], ['عمان', 'عم'], ['ايران', 'اير'], ['بوتين', 'وتين'],
  ['الولايات', 'ولا'], ['اليابان', 'ياب'], ['عثمان', 'عثم'], ['الانسان', 'انس'], ['رمضان', 'رمض'], ['المغرب', 'غرب'],
  ['الجزائر', 'جزر'], ['الكويت', 'كويت'], ['حسين', 'حس'], ['سوريا', 'سور'], ['تركيا', 'ترك'], ['الرياض', 'رياضي'],
  ['الامارات', 'امار'], ['البحرين', 'بحر'], ['فلسطين', 'فلسط'], ['واشنطن', 'شنط'],
];

function args(argv) {
  const o = { docs: 10000, sample: 40, orama: '@orama/stemmers/arabic', arabicStem: 'arabic-stem', data: resolve(root, '../shared/data') };
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--docs') o.docs = Number(argv[++i]);
    else if (a === '--sample') o.sample = Number(argv[++i]);
    else if (a === '--orama') o.orama = argv[++i];
    else if (a === '--arabic-stem') o.arabicStem = argv[++i];
    else if (a === '--data') o.data = resolve(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

async function main() {
  const o = args(process.argv);
  let snowball;
  try {
    snowball = (await import(o.orama)).stemmer;
  } catch {
    process.stderr.write('compare-stemmers: @orama/stemmers is not installed: npm i --no-save @orama/stemmers@3.1.18\n');
    process.exit(2);
  }
  let arabicStem = null;
  try {
    const mod = await import(o.arabicStem);
    const Stemmer = mod.default?.default ?? mod.default ?? mod;
    arabicStem = new Stemmer();
  } catch {
    process.stderr.write('compare-stemmers: arabic-stem is not installed (npm i --no-save arabic-stem@0.0.7): left out\n');
  }
  const settings = { ...DEFAULT_TERM_SETTINGS, group: 'word', ngrams: 1, perDoc: false, numbers: false };
  const terms = new TermAnalyzer(settings);
  const counter = new KeywordCounter(settings, terms);
  const child = spawn('xzcat', [resolve(o.data, 'ant_multisource/ant_multisource.jsonl.xz')], { stdio: ['ignore', 'pipe', 'inherit'] });
  let n = 0;
  for await (const line of createInterface({ input: child.stdout })) {
    if (n >= o.docs) { child.kill(); break; }
    const r = JSON.parse(line);
    counter.add({ id: r.id, text: r.text ?? '' });
    n++;
  }
  const p = counter.snapshot();
  const keys = [];
  const count = new Map();
  for (let g = 0; g < p.groups.length; g++) {
    if (p.groupStop[g] || p.groupCounts[g] < 5 || !/^[\u0621-\u064A]+$/.test(p.groups[g])) continue;
    keys.push(p.groups[g]);
    count.set(p.groups[g], p.groupCounts[g]);
  }
  const fold = (w) => terms.keys.normalizeString(w);
  const stemmers = {
    'light (guarded)': (w) => terms.stemKey(w),
    'light (no guard)': (w) => lightStemmer.stem(w),
    'snowball (@orama/stemmers)': (w) => fold(snowball(w)),
  };
  if (arabicStem) {
    // stem() returns candidate roots and a light stem ("normalized"); both are tried as keys.
    // It throws on some words: those count as failures and keep the word itself.
    const cache = new Map();
    const failed = new Set();
    const of = (w) => {
      let r = cache.get(w);
      if (!r) {
        try { r = arabicStem.stem(w); } catch { failed.add(w); r = { stem: [w], normalized: w }; }
        cache.set(w, r);
      }
      return r;
    };
    process.on('exit', () => { if (failed.size) console.log(`arabic-stem threw on ${failed.size} word keys, e.g. ${[...failed].slice(0, 8).join(' ')}`); });
    stemmers['arabic-stem (light stem)'] = (w) => fold(of(w).normalized);
    stemmers['arabic-stem (first root)'] = (w) => fold(of(w).stem[0] ?? w);
  }
  let seed = 42;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (const [name, stem] of Object.entries(stemmers)) {
    const classes = new Map();
    for (const k of keys) {
      const s = stem(k);
      if (!classes.has(s)) classes.set(s, []);
      classes.get(s).push(k);
    }
    const together = FAMILIES.filter((f) => new Set(f.map((w) => stem(fold(w)))).size === 1).length;
    const pairsSplit = FAMILIES.reduce((acc, f) => {
      const stems = f.map((w) => stem(fold(w)));
      let split = 0;
      for (let i = 0; i < f.length; i++) for (let j = i + 1; j < f.length; j++) if (stems[i] !== stems[j]) split++;
      return acc + split;
    }, 0);
    const pairs = FAMILIES.reduce((acc, f) => acc + (f.length * (f.length - 1)) / 2, 0);
    const wrong = DISTINCT.filter(([a, b]) => stem(fold(a)) === stem(fold(b)));
    const merged = [...classes.values()].filter((c) => c.length > 1);
    console.log(`== ${name}`);
    console.log(`word keys ${keys.length} -> classes ${classes.size} (${merged.length} with several keys)`);
    console.log(`families kept together ${together}/${FAMILIES.length}; family pairs split ${pairsSplit}/${pairs}`);
    console.log(`wrong merges ${wrong.length}/${DISTINCT.length}: ${wrong.map((w) => w.join('=')).join(' ')}`);
    seed = 42;
    const sample = [];
    for (let i = 0; i < o.sample && merged.length; i++) sample.push(merged[Math.floor(rand() * merged.length)]);
    for (const c of sample) {
      c.sort((a, b) => count.get(b) - count.get(a));
      console.log(`  ${stem(c[0])}: ${c.slice(0, 8).map((k) => `${k}:${count.get(k)}`).join(' ')}`);
    }
  }
}

main().catch((err) => {
  process.stderr.write(`compare-stemmers: ${err.message}\n`);
  process.exit(1);
});
