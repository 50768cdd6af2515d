/**
 * Clitic analysis of Arabic words: a conservative split of a written word into proclitics
 * (و ف, then ب ك ل س, then the article ال), the word, and one pronoun enclitic
 * (ه ها هم هما هن ك كم كن ي نا), with the word's and the base's offsets.
 *
 * Conservative means evidence decides, from a word lexicon of news text (wordLexicon.ts):
 *  - the remaining word must be attested on its own (count >= `minBase`);
 *  - the whole form must not be a word of its own: if it takes the article itself (الفكرة,
 *    الكتاب, الوالي, العربي) it is a noun, so فكرة، كتاب، والي، عربي stay whole;
 *  - the whole form must not be much more frequent than the clitic reading predicts: كان
 *    (17,311) is not ك + ان (3,064), كأس is not ك + أس. The allowed ratio count(form) /
 *    count(word) depends on the clitic (و and ب are frequent clitics, ف and ك rare ones).
 * Without such evidence the token stays whole (بلد، فيلم، كتاب، لبنان).
 *
 * The analysis works on the "spelling" form: the `standard` normalization WITHOUT alef and ya
 * folding, because hamza and alef maksura carry the evidence: وإلى and والى are و + إلى, but
 * والي (governor) has no hamza and ends in ya. Callers fold the result for their keys.
 *
 * The word keeps its article: بالمغرب, والمغرب and للمغرب all give the word المغرب (what a
 * reader calls the word; مغرب alone is another, rare, word). After ل the article's alef is not
 * written (للمغرب = ل + المغرب) and before a word starting with ل its lam goes too
 * (للغة = ل + اللغة); both are restored in `word`. Before an enclitic, ta marbuta is written ت
 * (حكومته = حكومة + ه) and alef maksura ي or ا (عليه = على + ه, مستواه = مستوى + ه); `word`
 * restores them too.
 */
import { Normalizer, Profile, Step, normalizerFor } from './normalize.js';
import type { WordLexicon } from './wordLexicon.js';

/** Steps the clitic analysis leaves out of a profile: hamza and alef maksura carry evidence. */
export const SPELLING_STEPS: Step[] = ['alef', 'ya'];

/** The normalizer whose forms the clitic analysis and the word lexicon use. */
export function analysisNormalizer(profile: Profile = 'standard', enable: Step[] = [], disable: Step[] = []): Normalizer {
  return normalizerFor(profile, enable.filter((s) => !SPELLING_STEPS.includes(s)), [...disable, ...SPELLING_STEPS]);
}

export interface CliticAnalysis {
  /** The analysed form (spelling form of the token). */
  form: string;
  /** Proclitics in order, e.g. ['و', 'ب', 'ال']; 'ال' also when the article is fused (للمغرب). */
  proclitics: string[];
  /** The enclitic pronoun, '' when none. */
  enclitic: string;
  /** Code units of the form before the word (the outer proclitics و ف ب ك ل س). */
  prefixLength: number;
  /** Code units of the article written inside the word: 2 (ال), 1 (the second ل of للمغرب), 0. */
  articleLength: number;
  /** Code units of the enclitic at the end of the form. */
  suffixLength: number;
  /** The word: the form without outer proclitics and enclitic, article kept, spelling restored. */
  word: string;
  /** The word without its article. */
  base: string;
}

export interface CliticOptions {
  /** Least lexicon count of a word for a split to be accepted. */
  minBase: number;
  /** A form is a noun of its own when count(ال + form) >= nounShare * count(form) (and >= minBase). */
  nounShare: number;
  /** Largest count(form) / count(word) ratio accepted, per clitic (multiplied for several clitics). */
  ratio: Record<string, number>;
}

export const DEFAULT_CLITIC_OPTIONS: CliticOptions = {
  minBase: 3,
  nounShare: 0.1,
  ratio: {
    // proclitics
    'و': 30, 'ف': 1, 'ب': 20, 'ك': 1, 'ل': 10, 'س': 3,
    // enclitics
    'ه': 30, 'ها': 30, 'هم': 30, 'هما': 10, 'هن': 1, 'ك~': 0.15, 'كم': 0.3, 'كن': 0.02, 'ي': 0.01, 'نا': 3,
  },
};

const CONJUNCTIONS = ['و', 'ف'];
const PARTICLES = ['ب', 'ك', 'ل', 'س'];
/** Longest first, so that ها is tried before ه. */
const ENCLITICS = ['هما', 'ها', 'هم', 'هن', 'كم', 'كن', 'نا', 'ه', 'ك', 'ي'];
/** Imperfect-verb prefixes that may follow the future marker س (سيكون, ستعقد, سنعمل, سأعمل). */
const IMPERFECT_CODES = new Set([0x064a, 0x062a, 0x0646, 0x0623]);

/**
 * Two-letter words that may stand after a clitic (ولا, فقد, بأن, ومن, وله). Other two-letter
 * readings are too often chance (وجد is not و + جد, وطنهم not و + طن + هم).
 */
const SHORT_WORDS = new Set([
  'قد', 'لا', 'ما', 'من', 'في', 'عن', 'لم', 'لن', 'إن', 'أن', 'ان', 'هو', 'هي', 'هم', 'هن', 'أو', 'او', 'إذ', 'لو',
  'كل', 'أي', 'اي', 'مع', 'ذا', 'كي', 'بل', 'ثم', 'له', 'لك', 'لي', 'به', 'بك', 'بي', 'هل', 'يا',
  'تم', 'ضد', 'أم', 'أب', 'أخ', 'حق', 'رب', 'عم', 'دم', 'شن',
]);

/** Words that start with ال where ال is not the article. */
const NOT_ARTICLE = new Set([
  'الله', 'اللهم', 'الذي', 'التي', 'الذين', 'اللذان', 'اللتان', 'اللذين', 'اللتين', 'اللاتي', 'اللواتي', 'اللائي',
  'الى', 'الي', 'الا', 'الان', 'الآن', 'الف', 'الاف', 'الم', 'الية', 'اليات',
]);

/** Which clitic layers may still be stripped. */
interface Allow {
  conjunction: boolean;
  particle: boolean;
  enclitic: boolean;
}
const ALLOW_ALL: Allow = { conjunction: true, particle: true, enclitic: true };

interface Reading {
  prefix: string;
  enclitic: string;
  word: string;
  fused: number;
  clitics: number;
  weight: number;
}

const ALEF = 0x0627;
const LAM = 0x0644;
const TEH = 0x062a;
const TEH_MARBUTA_CODE = 0x0629;
const ALEF_MAKSURA_CODE = 0x0649;
const HAMZA_CODE = 0x0621;

/** Whether `word` begins with the definite article (ال followed by at least two letters). */
export function hasArticle(word: string, lexicon?: WordLexicon): boolean {
  if (word.length < 4 || word.charCodeAt(0) !== ALEF || word.charCodeAt(1) !== LAM) return false;
  if (NOT_ARTICLE.has(word)) return false;
  if (lexicon) {
    // المانيا, الغاء: a hamza-less spelling of ألمانيا, إلغاء is no article
    const hamza = lexicon.hamzaSpellingCount(word);
    if (hamza > 0 && hamza > lexicon.count(word)) return false;
  }
  return true;
}

/** The evidence-based clitic splitter, with a cache per distinct form. */
export class CliticAnalyzer {
  private readonly cache = new Map<string, CliticAnalysis>();
  readonly options: CliticOptions;

  constructor(readonly lexicon: WordLexicon, options: Partial<CliticOptions> = {}) {
    this.options = { ...DEFAULT_CLITIC_OPTIONS, ...options, ratio: { ...DEFAULT_CLITIC_OPTIONS.ratio, ...(options.ratio ?? {}) } };
  }

  /** Analysis of one spelling form (see `analysisNormalizer`); the same object for the same form. */
  analyze(form: string): CliticAnalysis {
    let a = this.cache.get(form);
    if (a === undefined) {
      a = this.compute(form);
      this.cache.set(form, a);
    }
    return a;
  }

  /** The analysis without the cache (for callers that keep their own, per form id). */
  analyzeUncached(form: string): CliticAnalysis {
    return this.compute(form);
  }

  /** Forms analysed so far. */
  get cacheSize(): number {
    return this.cache.size;
  }

  /**
   * Among the accepted readings the one that strips the fewest clitics wins (ties: the best
   * attested word), and its word is analysed again for the clitics that may still precede or
   * follow it: وبالمغرب is و + بالمغرب, then ب + المغرب. Taking the fewest first keeps فكرته as
   * فكرة + ه rather than ف + كرة + ه, since the one-clitic reading فكرة is attested.
   */
  private compute(form: string, allow = ALLOW_ALL): CliticAnalysis {
    const whole = this.whole(form);
    const n = form.length;
    if (n < 3 || !isArabicWord(form)) return whole;
    const lex = this.lexicon;
    const o = this.options;
    const prefixes = prefixesOf(form, allow);
    const enclitics = encliticsOf(form, allow);
    if (prefixes.length === 1 && enclitics.length === 1) return hasArticle(form, lex) ? this.make(form, '', '', form, -1) : whole;
    // Candidate words are looked up as code unit ranges of one buffer, "ال" + form, edited in
    // place and restored, so that no string is made for a candidate that is not attested.
    const B = this.buffer(n + 2);
    B[0] = ALEF;
    B[1] = LAM;
    for (let i = 0; i < n; i++) B[i + 2] = form.charCodeAt(i);
    const formCount = lex.countUnits(B, 2, n + 2);
    // a form that takes the article itself is a word of its own: فكرة (الفكرة), والي (الوالي)
    const asNoun = lex.countUnits(B, 0, n + 2);
    if (asNoun >= o.minBase && asNoun >= o.nounShare * formCount) return whole;

    let best: Reading | null = null;
    for (const prefix of prefixes) {
      for (const enclitic of enclitics) {
        if (prefix === '' && enclitic === '') continue;
        const start = 2 + prefix.length;
        const end = 2 + n - enclitic.length;
        if (end - start < 2) continue;
        if (prefix.endsWith('س') && (!IMPERFECT_CODES.has(B[start]) || enclitic === 'ي')) continue;
        const clitics = prefix.length + (enclitic === '' ? 0 : 1);
        if (best && clitics > best.clitics) continue;
        let limit = 1;
        for (const p of prefix) limit *= o.ratio[p];
        if (enclitic !== '') limit *= o.ratio[enclitic === 'ك' ? 'ك~' : enclitic];
        const fusedPossible = prefix.endsWith('ل') && B[start] === LAM && enclitic === '';
        const last = B[end - 1];
        const restored = enclitic === '' ? 0 : last === TEH ? TEH_MARBUTA_CODE : last === 0x064a || last === ALEF ? ALEF_MAKSURA_CODE : last === 0x0626 || last === 0x0624 ? HAMZA_CODE : 0;
        // readings: the rest as written; after ل the fused article (ا + rest, ال + rest); before an enclitic the restored last letter
        for (let kind = 0; kind < 4; kind++) {
          if ((kind === 1 || kind === 2) && !fusedPossible) continue;
          if (kind === 3 && restored === 0) continue;
          const from = kind === 1 ? start - 1 : kind === 2 ? start - 2 : start;
          const save1 = B[start - 1];
          const save2 = B[start - 2];
          if (kind === 1) B[start - 1] = ALEF;
          if (kind === 2) { B[start - 2] = ALEF; B[start - 1] = LAM; }
          if (kind === 3) B[end - 1] = restored;
          const len = end - from;
          let ok = true;
          if (enclitic !== '' && len >= 4 && B[from] === ALEF && B[from + 1] === LAM && !NOT_ARTICLE.has(unitsString(B, from, end))) ok = false; // no pronoun after the article
          if (ok && len === 2 && !SHORT_WORDS.has(unitsString(B, from, end))) ok = false;
          const c = ok ? lex.countUnits(B, from, end) : 0;
          if (ok && c >= o.minBase && formCount <= limit * c) {
            // a double lam is far more often ل + article than ل + a word in ل (لله, للغة; but لليبيا)
            const fused = kind === 1 ? 1 : kind === 2 ? 0 : -1;
            const weight = fused >= 0 ? 10 * c : c;
            if (!best || clitics < best.clitics || weight > best.weight) {
              best = { prefix, enclitic, word: unitsString(B, from, end), fused, clitics, weight };
            }
          }
          B[start - 1] = save1;
          B[start - 2] = save2;
          B[end - 1] = form.charCodeAt(end - 3);
        }
      }
    }
    if (!best) return hasArticle(form, lex) ? this.make(form, '', '', form, -1) : whole;
    // clitics that may remain inside: after و/ف a particle; after a particle nothing; after an enclitic no other
    const conj = best.prefix !== '' && CONJUNCTIONS.includes(best.prefix[0]);
    const particle = best.prefix !== '' && PARTICLES.includes(best.prefix[best.prefix.length - 1]);
    const inner: Allow = {
      conjunction: allow.conjunction && best.prefix === '',
      particle: allow.particle && !particle && (best.prefix === '' || conj),
      enclitic: allow.enclitic && best.enclitic === '',
    };
    if (best.fused < 0 && (inner.conjunction || inner.particle || inner.enclitic)) {
      const a = this.compute(best.word, inner);
      if (a.prefixLength > 0 || a.suffixLength > 0) {
        return this.make(form, best.prefix + a.form.slice(0, a.prefixLength), best.enclitic || a.enclitic, a.word, a.articleLength === 1 || (a.articleLength === 0 && a.proclitics.includes('ال')) ? a.articleLength : -1);
      }
    }
    return this.make(form, best.prefix, best.enclitic, best.word, best.fused);
  }

  private scratch = new Uint16Array(64);
  private buffer(n: number): Uint16Array {
    if (this.scratch.length < n) this.scratch = new Uint16Array(n * 2);
    return this.scratch;
  }

  private whole(form: string): CliticAnalysis {
    return { form, proclitics: [], enclitic: '', prefixLength: 0, articleLength: 0, suffixLength: 0, word: form, base: form };
  }

  /** `fused`: article units written in the form when the word was rebuilt after ل (1 or 0), else -1. */
  private make(form: string, prefix: string, enclitic: string, word: string, fused: number): CliticAnalysis {
    const article = fused >= 0 ? !NOT_ARTICLE.has(word) : hasArticle(word, this.lexicon);
    const proclitics = [...prefix];
    if (article) proclitics.push('ال');
    return {
      form,
      proclitics,
      enclitic,
      prefixLength: prefix.length,
      articleLength: !article ? 0 : fused >= 0 ? fused : 2,
      suffixLength: enclitic.length,
      word,
      base: article ? word.slice(2) : word,
    };
  }
}

function isArabicWord(form: string): boolean {
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    if (c < 0x0621 || c > 0x06ff) return false;
  }
  return true;
}

/** The one reading without a clitic, shared (most forms have no other, and this runs per new form). */
const NONE_ONLY: readonly string[] = Object.freeze(['']);

/** Outer proclitic strings that the form starts with: '', و, ف, ب, وب, فل, ... */
function prefixesOf(form: string, allow: Allow): readonly string[] {
  const first = form[0];
  const conj = allow.conjunction && CONJUNCTIONS.includes(first) ? first : '';
  const second = form[conj.length];
  const particle = allow.particle && PARTICLES.includes(second);
  if (!conj && !particle) return NONE_ONLY;
  const out = [''];
  if (conj) out.push(conj);
  if (particle) out.push(conj + second);
  return out;
}

function encliticsOf(form: string, allow: Allow): readonly string[] {
  if (!allow.enclitic) return NONE_ONLY;
  let out: string[] | null = null;
  for (const e of ENCLITICS) if (form.endsWith(e)) (out ??= ['']).push(e);
  return out ?? NONE_ONLY;
}

function unitsString(units: Uint16Array, start: number, end: number): string {
  return String.fromCharCode.apply(null, units.subarray(start, end) as unknown as number[]);
}

/** Original [start, end) spans (UTF-16 units) of a token's word and base. */
export interface CliticSpans {
  wordStart: number;
  wordEnd: number;
  baseStart: number;
  baseEnd: number;
}

/**
 * Maps an analysis back to original offsets. `normStart` is the token's first unit in the
 * normalized text, `starts`/`ends` the normalized-to-original map (NormalizedText). The
 * normalized token and the spelling form have the same length (alef and ya folding are 1:1),
 * so code unit positions inside the form are positions inside the normalized token.
 * A diacritic after a proclitic belongs to the proclitic (وَالمغرب): the word starts at the
 * original position of its own first letter.
 */
export function cliticSpans(a: CliticAnalysis, normStart: number, starts: ArrayLike<number>, ends: ArrayLike<number>): CliticSpans {
  const n = a.form.length;
  const wordFirst = normStart + a.prefixLength;
  const last = normStart + n - a.suffixLength - 1;
  const baseFirst = wordFirst + a.articleLength;
  return {
    wordStart: starts[wordFirst],
    wordEnd: ends[last],
    baseStart: starts[baseFirst],
    baseEnd: ends[last],
  };
}

/**
 * Index of the first normalized unit whose original start is `originalStart` (a token's
 * `start`): the normalized-to-original map never decreases, so a binary search finds it.
 */
export function normalizedIndexOf(starts: ArrayLike<number>, originalStart: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid] < originalStart) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Clitic analysis of a token of a PreparedText made with `analysisNormalizer` (token.norm is
 * then the spelling form), with the word's and base's original spans.
 */
export function analyzeToken(
  analyzer: CliticAnalyzer,
  token: { norm: string; start: number },
  norm: { starts: ArrayLike<number>; ends: ArrayLike<number> },
): CliticAnalysis & CliticSpans {
  const a = analyzer.analyze(token.norm);
  return { ...a, ...cliticSpans(a, normalizedIndexOf(norm.starts, token.start), norm.starts, norm.ends) };
}
