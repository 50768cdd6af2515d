import { describe, expect, it } from 'vitest';
import { splitBeforeArticle, splitProclitics } from '../../src/analyze/entities/clitics.js';

describe('proclitic stripper', () => {
  it('splits conjunctions and prepositions glued before the article', () => {
    expect(splitBeforeArticle('وبالمغرب')).toEqual({ cut: 2, base: 'المغرب', article: true });
    expect(splitBeforeArticle('بالرباط')).toEqual({ cut: 1, base: 'الرباط', article: true });
    expect(splitBeforeArticle('والامم')).toEqual({ cut: 1, base: 'الامم', article: true });
    expect(splitBeforeArticle('فالجزائر')).toEqual({ cut: 1, base: 'الجزائر', article: true });
  });

  it('puts back the alef of the article after the preposition لل', () => {
    expect(splitBeforeArticle('للمغرب')).toEqual({ cut: 1, base: 'المغرب', article: true });
    expect(splitBeforeArticle('وللامم')).toEqual({ cut: 2, base: 'الامم', article: true });
  });

  it('leaves words that only look like clitic + article alone', () => {
    expect(splitBeforeArticle('الله').cut).toBe(0);
    expect(splitBeforeArticle('لله').cut).toBe(0);
    expect(splitBeforeArticle('والي').cut).toBe(0);
    expect(splitBeforeArticle('بالي').cut).toBe(0);
  });

  it('without the article, splits only when the remainder is a much more frequent word', () => {
    const freq = (w: string) => ({ فرنسا: 5000, وفرنسا: 300, وليد: 800, ليد: 3, باريس: 4000, اريس: 0, بباريس: 90 } as Record<string, number>)[w] ?? 0;
    expect(splitProclitics('وفرنسا', freq)).toEqual({ cut: 1, base: 'فرنسا', article: false });
    expect(splitProclitics('بباريس', freq)).toEqual({ cut: 1, base: 'باريس', article: false });
    expect(splitProclitics('وليد', freq).cut).toBe(0);
    expect(splitProclitics('باريس', freq).cut).toBe(0);
    expect(splitProclitics('وفرنسا', null).cut).toBe(0);
  });
});
