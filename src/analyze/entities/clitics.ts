/**
 * A conservative proclitic stripper for names glued to conjunctions and prepositions
 * (وبالمغرب -> المغرب, للمغرب -> المغرب, وفرنسا -> فرنسا). It works on the NORMALIZED form
 * (standard profile: bare alef) and returns how many leading normalized characters are clitics,
 * so that callers can cut the original text at the matching offset.
 *
 * Two levels of confidence:
 *  - before the article ال the split is always made: و/ف, then ب/ك/ل, then ال (لل is ل + ال
 *    whose alef is not written);
 *  - without the article (وفرنسا, بباريس) a name may itself begin with one of these letters
 *    (وليد, فرنسا, باريس, لبنان), so the split is made only when a word-frequency source says
 *    the remainder is a much more common word than the whole.
 * The keywords issue brings a fuller clitic analysis; this one only needs to be safe for names.
 */

const WAW = 0x0648;
const FA = 0x0641;
const BA = 0x0628;
const KAF = 0x0643;
const LAM = 0x0644;
const ALEF = 0x0627;

export interface ProcliticSplit {
  /** Normalized characters that are clitics (0 = none). */
  cut: number;
  /** The base: the word without clitics, with the article's alef put back after لل. */
  base: string;
  /** Whether the base starts with the article (or with its لل form). */
  article: boolean;
}

const isConj = (c: number) => c === WAW || c === FA;
const isPrep = (c: number) => c === BA || c === KAF || c === LAM;

/** Minimum letters left after the article for a split to be believed (ال + 2 letters). */
const MIN_AFTER_ARTICLE = 2;

/**
 * Clitics before the article only (always safe). Returns cut = 0 when the word has none.
 */
export function splitBeforeArticle(w: string): ProcliticSplit {
  const n = w.length;
  let i = 0;
  if (i < n && isConj(w.charCodeAt(i))) i++;
  if (i < n && isPrep(w.charCodeAt(i))) {
    // لل + stem: the preposition ل before the article whose alef is dropped
    if (w.charCodeAt(i) === LAM && w.charCodeAt(i + 1) === LAM && n - (i + 2) >= MIN_AFTER_ARTICLE + 1) {
      return { cut: i + 1, base: 'ا' + w.slice(i + 1), article: true };
    }
    i++;
  }
  if (i > 0 && w.charCodeAt(i) === ALEF && w.charCodeAt(i + 1) === LAM && n - (i + 2) >= MIN_AFTER_ARTICLE) {
    return { cut: i, base: w.slice(i), article: true };
  }
  const article = w.charCodeAt(0) === ALEF && w.charCodeAt(1) === LAM && n - 2 >= MIN_AFTER_ARTICLE;
  return { cut: 0, base: w, article };
}

/** Word frequencies from unlabeled text (0 = unknown). */
export type FrequencyOf = (word: string) => number;

/** How much more frequent the remainder must be than the whole word to split it. */
const RATIO = 4;
const MIN_REST_FREQ = 20;
const MIN_REST_LEN = 3;

/**
 * Full conservative split: before the article always; otherwise و/ف and ب/ك/ل only when
 * `freq` says the remainder is a common word and the whole is not (so وليد and باريس stay whole).
 */
export function splitProclitics(w: string, freq: FrequencyOf | null): ProcliticSplit {
  const a = splitBeforeArticle(w);
  if (a.cut > 0 || a.article || freq === null) return a;
  const n = w.length;
  const whole = freq(w);
  let best: ProcliticSplit = a;
  // longest clitic sequence first: conj + prep, then one of them
  const c0 = w.charCodeAt(0);
  const c1 = w.charCodeAt(1);
  const candidates: number[] = [];
  if (isConj(c0) && isPrep(c1)) candidates.push(2);
  if (isConj(c0) || isPrep(c0)) candidates.push(1);
  for (const cut of candidates) {
    if (n - cut < MIN_REST_LEN) continue;
    const rest = w.slice(cut);
    const f = freq(rest);
    if (f >= MIN_REST_FREQ && f >= RATIO * whole) { best = { cut, base: rest, article: false }; break; }
  }
  return best;
}
