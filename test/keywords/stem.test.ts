import { describe, expect, it } from 'vitest';
import { isEntityLike, lightStemmer } from '../../src/analyze/keywords/stem.js';
import { DEFAULT_TERM_SETTINGS, TermAnalyzer } from '../../src/analyze/keywords/terms.js';

describe('light stemmer', () => {
  it('strips the article and one pass of suffixes', () => {
    const s = (w: string) => lightStemmer.stem(w);
    expect(['الحكومة', 'حكومات', 'الحكومية', 'حكومي'].map(s)).toEqual(['حكوم', 'حكوم', 'حكوم', 'حكوم']);
    expect(['المعلمين', 'معلمون', 'المعلمة'].map(s)).toEqual(['معلم', 'معلم', 'معلم']);
    expect(['مغربيات', 'المغربية'].map(s)).toEqual(['مغرب', 'مغرب']);
  });
  it('never leaves fewer than three letters', () => {
    expect(lightStemmer.stem('سنة')).toBe('سنة');
    expect(lightStemmer.stem('اليد')).toBe('اليد');
    expect(lightStemmer.stem('بيان')).toBe('بيان');
  });
});

describe('entity guard', () => {
  const terms = new TermAnalyzer({ ...DEFAULT_TERM_SETTINGS, group: 'stem' });
  const count = (k: string) => terms.foldedCount(k);
  it('keeps names whole: always with the article, or never', () => {
    for (const w of ['المغرب', 'السودان', 'لبنان', 'سلمان', 'بوتين']) expect(isEntityLike(w, count), w).toBe(true);
    expect(terms.stemKey('لبنان')).toBe('لبنان');
    expect(terms.stemKey('السودان')).toBe('السودان');
  });
  it('stems common nouns and adjectives', () => {
    for (const w of ['الحكومة', 'الاتفاق', 'الانتخابات']) expect(isEntityLike(w, count), w).toBe(false);
    expect(terms.stemKey('الانتخابات')).toBe('انتخاب');
  });
});
