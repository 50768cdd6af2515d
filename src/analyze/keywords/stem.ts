/**
 * Light stemming for `--group stem`, in the manner of Light10 (Larkey, Ballesteros & Connell
 * 2007): strip the article, then a short, ordered list of suffixes, never below three letters.
 * The input is a word key: clitics are already off (clitics.ts), so the stemmer does not strip
 * و ب ك ف ل itself (a stemmer that does turns بوتين into وتين).
 *
 * Words that look like names are not stemmed at all (see `isEntityLike`): لبنان is not لبن + ان,
 * سلمان not سلم + ان, السودان not سود + ان.
 */
import { hasArticle } from '../../text/clitics.js';

export interface Stemmer {
  readonly name: string;
  /** Stem of a word key (normalized, clitics removed, article kept). */
  stem(word: string): string;
}

/** Suffixes in the order they are tried; each is removed at most once. */
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية', 'ه', 'ة', 'ي'];
const MIN_STEM = 3;

export const lightStemmer: Stemmer = {
  name: 'light',
  stem(word: string): string {
    let w = word;
    if (hasArticle(w) && w.length - 2 >= MIN_STEM) w = w.slice(2);
    for (const s of SUFFIXES) {
      if (w.length - s.length >= MIN_STEM && w.endsWith(s)) w = w.slice(0, -s.length);
    }
    return w;
  },
};

/**
 * A word is entity-like when the lexicon shows it (nearly) only with the article or (nearly)
 * never with it: المغرب (مغرب is rare), السودان, لبنان (اللبنان does not occur), بوتين.
 * Common nouns and adjectives occur both ways (الاتفاق / اتفاق). Verbs never take the article
 * either, so they are left unstemmed too, which costs little: their forms are few in news.
 * `count` returns lexicon counts of folded keys.
 */
export function isEntityLike(word: string, count: (key: string) => number, minCount = 10, share = 0.02): boolean {
  if (hasArticle(word)) {
    const bare = word.slice(2);
    const c = count(word);
    return c >= minCount && count(bare) < share * c;
  }
  const c = count(word);
  return c >= minCount && count('ال' + word) < share * c;
}
