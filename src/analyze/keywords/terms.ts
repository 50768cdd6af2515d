/**
 * From a written form to what the keyword tools count: the group key for `--group
 * surface|word|stem`, the word as written without clitics (for display), and whether it is a
 * stopword. One `TermAnalyzer` per thread; forms are analysed once each (callers cache by form).
 *
 * Two normalizers are involved. Text is normalized to the *spelling* form (the run's profile
 * without alef/ya folding, see clitics.ts), which the clitic analysis needs; keys are then
 * folded with the run's full profile (`standard` by default), so counts are "after the
 * standard normalization" as documented, while terms and variants keep hamza (الأمن, بأن).
 */
import { CliticAnalysis, CliticAnalyzer, analysisNormalizer } from '../../text/clitics.js';
import type { NormalizeSettings } from '../../run/analyzer.js';
import { Normalizer, normalizerFor } from '../../text/normalize.js';
import { WordLexicon, loadWordLexicon } from '../../text/wordLexicon.js';
import { Stemmer, isEntityLike, lightStemmer } from './stem.js';
import { DEFAULT_STOPWORDS, readStopwords } from './stopwords.js';

import { GROUP_MODES, type GroupMode } from './groupModes.js';
export { GROUP_MODES, type GroupMode };

export const STANDARD: NormalizeSettings = { profile: 'standard', enable: [], disable: [] };

/** Plain, structured-cloneable settings (worker threads rebuild a TermAnalyzer from them). */
export interface TermSettings {
  normalize: NormalizeSettings;
  group: GroupMode;
  /** Use the shipped stopword list. */
  stopwords: boolean;
  /** More stopwords (the words of `--stopwords FILE`, read by the caller). */
  extraStopwords: string[];
  /** Word lexicon file; default data/lexicons/words.tsv.gz. */
  lexiconPath?: string;
}

export const DEFAULT_TERM_SETTINGS: TermSettings = { normalize: STANDARD, group: 'word', stopwords: true, extraStopwords: [] };

export interface TermInfo {
  /** Group key (normalized with the run's profile). */
  key: string;
  /** The word as written, clitics removed (spelling form: hamza kept). */
  word: string;
  /** Word key (group key in `word` mode), used for stopwords and matching. */
  wordKey: string;
  stop: boolean;
}

export class TermAnalyzer {
  readonly spelling: Normalizer;
  readonly keys: Normalizer;
  readonly clitics: CliticAnalyzer;
  readonly stemmer: Stemmer;
  private readonly stopSet: Set<string>;
  private foldedCounts: Map<string, number> | null = null;

  constructor(readonly settings: TermSettings, lexicon?: WordLexicon) {
    const n = settings.normalize;
    this.spelling = analysisNormalizer(n.profile, n.enable, n.disable);
    this.keys = normalizerFor(n.profile, n.enable, n.disable);
    // the shipped lexicon is in the standard spelling; a profile that folds more folds it too
    const foldsMore = this.spelling.steps.has('ta-marbuta') || this.spelling.steps.has('hamza');
    this.clitics = new CliticAnalyzer(lexicon ?? loadWordLexicon(settings.lexiconPath, foldsMore ? this.spelling : undefined));
    this.stemmer = lightStemmer;
    const words = [...(settings.stopwords ? readStopwords(DEFAULT_STOPWORDS) : []), ...settings.extraStopwords];
    this.stopSet = new Set(words.map((w) => this.keys.normalizeString(w)));
  }

  get lexicon(): WordLexicon {
    return this.clitics.lexicon;
  }

  /** Clitic analysis of a spelling form (Arabic forms only; others come back whole). */
  analyze(form: string): CliticAnalysis {
    return this.clitics.analyze(form);
  }

  /** Everything the counters need about one spelling form. `arabic`: the token is Arabic. */
  info(form: string, arabic: boolean): TermInfo {
    let folded = this.keys.normalizeString(form);
    if (!arabic) folded = folded.toLowerCase();
    if (!arabic) return { key: folded, word: form, wordKey: folded, stop: this.isStopKey(folded) };
    // callers cache per form, so the analyzer's own cache would only hold a second copy
    const a = this.clitics.analyzeUncached(form);
    const wordKey = a.word === form ? folded : this.keys.normalizeString(a.word);
    const stop = this.isStopKey(wordKey) || this.stopSet.has(folded);
    const mode = this.settings.group;
    // a stopword keeps its word key in stem mode, so that no content word is grouped with it
    const key = mode === 'surface' ? folded : mode === 'word' || stop ? wordKey : this.stemKey(wordKey);
    return { key, word: a.word, wordKey, stop };
  }

  /** Stem key of a word key; entity-like words keep their word key. */
  stemKey(wordKey: string): string {
    if (isEntityLike(wordKey, (k) => this.foldedCount(k))) return wordKey;
    return this.stemmer.stem(wordKey);
  }

  /** A stopword, or (with the shipped list on) a word that cannot be a keyword: see isNoiseWord. */
  isStopKey(key: string): boolean {
    return this.stopSet.has(key) || (this.settings.stopwords && isNoiseWord(key));
  }

  /** Lexicon count of a folded form (forms that fold together are added up). */
  foldedCount(key: string): number {
    if (!this.foldedCounts) {
      const m = new Map<string, number>();
      for (const [form, c] of this.lexicon.entries()) {
        const k = this.keys.normalizeString(form);
        m.set(k, (m.get(k) ?? 0) + c);
      }
      this.foldedCounts = m;
    }
    return this.foldedCounts.get(key) ?? 0;
  }
}

/** Whether a spelling form is made of Arabic letters (the clitic analysis applies). */
export function isArabicForm(form: string): boolean {
  if (form.length === 0) return false;
  const c = form.charCodeAt(0);
  return c >= 0x0621 && c <= 0x06ff;
}

/**
 * One letter (a preposition left alone before a quote or a number, the era letters of 2023م,
 * the t and co of a broken link), or one letter repeated (laughter in tweets: ههههه, hhhh):
 * never a keyword, in any script. Keys are normalized, so marks and tatweel are gone.
 */
export function isNoiseWord(key: string): boolean {
  const first = key.codePointAt(0);
  if (first === undefined) return true;
  const width = first > 0xffff ? 2 : 1;
  if (key.length === width) return true;
  if (key.length < 3 * width) return false;
  for (let i = width; i < key.length; i += width) if (key.codePointAt(i) !== first) return false;
  return true;
}
