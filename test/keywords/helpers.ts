import { KeywordCounter, KeywordPartial, KeywordSettings, mergeKeywordPartials } from '../../src/analyze/keywords/counter.js';
import { DEFAULT_TERM_SETTINGS } from '../../src/analyze/keywords/terms.js';

export function settings(over: Partial<KeywordSettings> = {}): KeywordSettings {
  return { ...DEFAULT_TERM_SETTINGS, ngrams: 1, perDoc: false, numbers: false, ...over };
}

/** Counts texts (ids d0, d1, ...) in one counter. */
export function count(texts: string[], over: Partial<KeywordSettings> = {}): KeywordPartial {
  const c = new KeywordCounter(settings(over));
  texts.forEach((text, i) => c.add({ id: `d${i}`, text }));
  return c.snapshot();
}

/** Counts each text in its own counter (as separate workers would) and merges. */
export function countApart(texts: string[], over: Partial<KeywordSettings> = {}): KeywordPartial {
  return mergeKeywordPartials(texts.map((text, i) => {
    const c = new KeywordCounter(settings(over));
    c.add({ id: `d${i}`, text });
    return c.snapshot();
  }));
}
