import { describe, expect, it } from 'vitest';
import { StatsCounter, figuresOf } from '../../src/analyze/stats/stats.js';
import { normalizerFor } from '../../src/text/normalize.js';

/** diacritized_share of one text, and the number of Arabic words it is a share of. */
function diacritized(text: string, profile: 'none' | 'light' | 'standard' | 'aggressive' = 'standard') {
  const c = new StatsCounter({ normalizer: normalizerFor(profile), perDoc: false, top: 0 });
  c.add('d', text);
  const f = figuresOf(c.snapshot());
  return Math.round(f.diacritized_share! * f.arabic_tokens);
}

describe('diacritized words, whatever the normalization does around the marks', () => {
  // Each case counted by hand: which Arabic words carry a diacritic.
  const cases: Array<[string, number, string]> = [
    ['كتبَ الولدُ درسه', 2, 'marks inside and at the end of words'],
    ['كـتـاب جميل', 0, 'tatweel is no diacritic'],
    ['ﻃﻔﻼً صغير', 1, 'a tanween after a lam-alef presentation ligature (one unit that becomes two)'],
    ['قال ً محمد', 0, 'a stray mark after a space belongs to no word'],
    ['مدرسةٌ\u200Cكبيرة', 1, 'a mark before a zero-width non-joiner'],
    ['ا\u0654حمد وصل', 1, 'a combining hamza composed into its alef'],
    ['قرأ الطالبُ، ثم كتبَ.', 2, 'marks before punctuation'],
  ];
  for (const [text, words, what] of cases) {
    it(what, () => {
      for (const profile of ['standard', 'aggressive', 'none', 'light'] as const) expect(diacritized(text, profile), `${profile}: ${text}`).toBe(words);
    });
  }
});
