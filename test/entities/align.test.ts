import { describe, expect, it } from 'vitest';
import { normalizerFor } from '../../src/text/normalize.js';
import { alignSentence, spansToWordTags } from '../../src/analyze/entities/align.js';
import { TAG_NAMES } from '../../src/analyze/entities/tags.js';

const norm = normalizerFor('standard');
const tags = (...names: string[]) => names.map((n) => TAG_NAMES.indexOf(n));
const names = (t: ArrayLike<number>) => Array.from(t, (x) => TAG_NAMES[x]);

describe('gold whitespace tokens and the text core tokens', () => {
  it('splits punctuation glued to words and leaves it outside the entity', () => {
    const a = alignSentence(['(د', 'ب', 'أ)', 'زار', '"ماكرون"', 'الرباط.'], tags('B-ORG', 'I-ORG', 'I-ORG', 'O', 'B-PER', 'B-LOC'), norm);
    expect(a.prepared.tokens.map((t) => t.text)).toEqual(['(', 'د', 'ب', 'أ', ')', 'زار', '"', 'ماكرون', '"', 'الرباط', '.']);
    expect(names(a.tags)).toEqual(['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O', 'B-PER', 'O', 'B-LOC', 'O']);
    expect(Array.from(a.wordOf)).toEqual([0, 0, 1, 2, 2, 3, 4, 4, 4, 5, 5]);
  });

  it('splits Arabic letters from digits inside one entity word', () => {
    const a = alignSentence(['مونديال2030', 'قادم'], tags('B-MISC', 'O'), norm);
    expect(a.prepared.tokens.map((t) => t.text)).toEqual(['مونديال', '2030', 'قادم']);
    expect(names(a.tags)).toEqual(['B-MISC', 'I-MISC', 'O']);
  });

  it('projects character spans back onto whitespace words: a clitic-stripped span still covers its word', () => {
    // "ولد في وبالمغرب الجديد": words start at 0, 4, 7, 16; the span of المغرب is [9, 15)
    const starts = Int32Array.from([0, 4, 7, 16, 22]);
    expect(names(spansToWordTags([{ type: 1, start: 9, end: 15 }], starts))).toEqual(['O', 'O', 'B-LOC', 'O']);
    expect(names(spansToWordTags([{ type: 0, start: 0, end: 6 }, { type: 2, start: 7, end: 22 }], starts))).toEqual(['B-PER', 'I-PER', 'B-ORG', 'I-ORG']);
  });
});
