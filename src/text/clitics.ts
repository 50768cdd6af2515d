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
const IMPERFECT = new Set(['ي', 'ت', 'ن', 'أ']);

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
const TEH_MARBUTA = 'ة';
const ALEF_MAKSURA = 'ى';

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
    if (form.length < 3 || !isArabicWord(form)) return whole;
    const lex = this.lexicon;
    const o = this.options;
    const prefixes = prefixesOf(form, allow);
    const enclitics = encliticsOf(form, allow);
    if (prefixes.length === 1 && enclitics.length === 1) return hasArticle(form, lex) ? this.make(form, '', '', form, -1) : whole;
    const formCount = lex.count(form);
    // a form that takes the article itself is a word of its own: فكرة (الفكرة), والي (الوالي)
    const asNoun = lex.count('ال' + form);
    if (asNoun >= o.minBase && asNoun >= o.nounShare * formCount) return whole;

    let best: Reading | null = null;
    for (const prefix of prefixes) {
      for (const enclitic of enclitics) {
        if (prefix === '' && enclitic === '') continue;
        const start = prefix.length;
        const end = form.length - enclitic.length;
        if (end - start < 2) continue;
        const rest = form.slice(start, end);
        if (prefix.endsWith('س') && (!IMPERFECT.has(rest[0]) || enclitic === 'ي')) continue;
        const clitics = prefix.length + (enclitic === '' ? 0 : 1);
        if (best && clitics > best.clitics) continue;
        let limit = 1;
        for (const p of prefix) limit *= o.ratio[p];
        if (enclitic !== '') limit *= o.ratio[enclitic === 'ك' ? 'ك~' : enclitic];
        for (const [word, fused] of wordCandidates(rest, prefix, enclitic)) {
          if (enclitic !== '' && hasArticle(word)) continue; // no pronoun after the article
          if (word.length === 2 && !SHORT_WORDS.has(word)) continue;
          const c = lex.count(word);
          if (c < o.minBase || formCount > limit * c) continue;
          // a double lam is far more often ل + article than ل + a word in ل (لله, للغة; but لليبيا)
          const weight = fused >= 0 ? 10 * c : c;
          if (best && clitics === best.clitics && weight <= best.weight) continue;
          best = { prefix, enclitic, word, fused, clitics, weight };
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

/** Outer proclitic strings that the form starts with: '', و, ف, ب, وب, فل, ... */
function prefixesOf(form: string, allow: Allow): string[] {
  const out = [''];
  const first = form[0];
  const conj = allow.conjunction && CONJUNCTIONS.includes(first) ? first : '';
  if (conj) out.push(conj);
  const second = form[conj.length];
  if (allow.particle && PARTICLES.includes(second)) out.push(conj + second);
  return out;
}

function encliticsOf(form: string, allow: Allow): string[] {
  const out = [''];
  if (!allow.enclitic) return out;
  for (const e of ENCLITICS) if (form.endsWith(e)) out.push(e);
  return out;
}

/**
 * Readings of the rest of a form as a word: [word, fused], where `fused` is the number of
 * article units written in the form when the article was restored after ل (للمغرب: ل + المغرب,
 * 1; للغة: ل + اللغة, 0), else -1. Before an enclitic the last letter may be written
 * differently (حكومت -> حكومة, علي -> على, مستوا -> مستوى, أبناؤ -> أبناء).
 */
function wordCandidates(rest: string, prefix: string, enclitic: string): Array<[string, number]> {
  const out: Array<[string, number]> = [[rest, -1]];
  if (prefix.endsWith('ل') && rest.charCodeAt(0) === LAM && enclitic === '') {
    out.push(['ا' + rest, 1]);
    out.push(['ال' + rest, 0]);
  }
  if (enclitic !== '') {
    const last = rest.charCodeAt(rest.length - 1);
    const stem = rest.slice(0, -1);
    if (last === TEH) out.push([stem + TEH_MARBUTA, -1]);
    else if (last === 0x064a || last === ALEF) out.push([stem + ALEF_MAKSURA, -1]);
    else if (last === 0x0626 || last === 0x0624) out.push([stem + 'ء', -1]);
  }
  return out;
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
