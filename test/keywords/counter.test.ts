import { describe, expect, it } from 'vitest';
import { KeywordCounter } from '../../src/analyze/keywords/counter.js';
import { keywordRows, perDocRows } from '../../src/analyze/keywords/rows.js';
import { count, countApart, settings } from './helpers.js';

/*
 * Two documents, counted by hand:
 *   d0: زار الوزير المغرب، وقال إن بالمغرب فرصا كبيرة. المغرب بلد جميل.   11 words
 *   d1: وللمغرب تاريخ طويل في 2024، والمغرب شريك.                          6 words (2024 is a number)
 * 17 words. المغرب, بالمغرب, وللمغرب, والمغرب: 5 occurrences of المغرب in 2 documents.
 * Function words: إن, في, and وقال (قال, a reporting verb in the list).
 */
const D0 = 'زار الوزير المغرب، وقال إن بالمغرب فرصا كبيرة. المغرب بلد جميل.';
const D1 = 'وللمغرب تاريخ طويل في 2024، والمغرب شريك.';
const ONE_EACH = ['الوزير', 'بلد', 'تاريخ', 'جميل', 'زار', 'شريك', 'طويل', 'فرصا', 'كبيرة'];

describe('keyword counting', () => {
  const p = count([D0, D1]);
  const rows = keywordRows(p, { top: 0, minCount: 1, maxVariants: 0 });

  it('counts words only (numbers and punctuation out), function words in the base', () => {
    expect(p.tokens).toBe(17);
    expect(p.documents).toBe(2);
  });

  it('groups clitic forms under their word, with the written variants', () => {
    expect(rows[0]).toEqual({
      rank: 1, term: 'المغرب', key: 'المغرب', count: 5, docs: 2, per_million: 294117.65,
      variants: [
        { form: 'المغرب', count: 2 }, { form: 'بالمغرب', count: 1 }, { form: 'والمغرب', count: 1 }, { form: 'وللمغرب', count: 1 },
      ],
    });
  });

  it('leaves function words out and orders ties by key', () => {
    expect(rows.map((r) => r.term)).toEqual(['المغرب', ...ONE_EACH]);
    expect(rows.slice(1).every((r) => r.count === 1 && r.docs === 1)).toBe(true);
  });

  it('keeps function words with stopwords off', () => {
    const all = keywordRows(count([D0, D1], { stopwords: false }), { top: 0, minCount: 1, maxVariants: 0 });
    expect(all.map((r) => r.term).sort()).toEqual(['المغرب', ...ONE_EACH, 'إن', 'في', 'قال'].sort());
    expect(all.find((r) => r.key === 'قال')!.variants).toEqual([{ form: 'وقال', count: 1 }]);
  });

  it('adds stopwords from the caller', () => {
    const r = keywordRows(count([D0, D1], { extraStopwords: ['جميل', 'بلد'] }), { top: 0, minCount: 1, maxVariants: 0 });
    expect(r.map((x) => x.term)).toEqual(['المغرب', ...ONE_EACH.filter((w) => w !== 'جميل' && w !== 'بلد')]);
  });

  it('counts written forms apart with --group surface', () => {
    const r = keywordRows(count([D0, D1], { group: 'surface' }), { top: 4, minCount: 1, maxVariants: 0 });
    expect(r.map((x) => [x.key, x.count])).toEqual([['المغرب', 2], ['الوزير', 1], ['بالمغرب', 1], ['بلد', 1]]);
  });

  it('groups by light stem with --group stem, names kept whole', () => {
    const r = keywordRows(count(['الحكومة والحكومات وحكومته. كبيرة وكبير. المغرب والمغربية.'], { group: 'stem' }), { top: 0, minCount: 1, maxVariants: 0 });
    const byKey = Object.fromEntries(r.map((x) => [x.key, x.count]));
    expect(byKey['حكوم']).toBe(3);
    expect(byKey['كبير']).toBe(2);
    // المغرب is a name (مغرب alone is rare): not stemmed, so not merged with المغربية
    expect(byKey['المغرب']).toBe(1);
    expect(byKey['مغرب']).toBe(1);
  });

  it('applies --min-count and --top', () => {
    expect(keywordRows(p, { top: 0, minCount: 2, maxVariants: 0 }).map((r) => r.term)).toEqual(['المغرب']);
    expect(keywordRows(p, { top: 3, minCount: 1, maxVariants: 0 })).toHaveLength(3);
    expect(keywordRows(p, { top: 1, minCount: 1, maxVariants: 2 })[0].variants).toHaveLength(2);
  });

  it('counts numbers as words with numbers on', () => {
    const r = keywordRows(count([D0, D1], { numbers: true }), { top: 0, minCount: 1, maxVariants: 0 });
    expect(r.find((x) => x.key === '2024')?.count).toBe(1);
  });

  it('gives the same result counted in one piece or in parts merged', () => {
    const a = keywordRows(count([D0, D1]), { top: 0, minCount: 1, maxVariants: 0 });
    const b = keywordRows(countApart([D0, D1]), { top: 0, minCount: 1, maxVariants: 0 });
    expect(b).toEqual(a);
  });

  it('shows the most frequent spelling as the term, hamza included', () => {
    const r = keywordRows(count(['الأمن الأمن الامن وللأمن']), { top: 1, minCount: 1, maxVariants: 0 })[0];
    expect(r).toMatchObject({ term: 'الأمن', key: 'الامن', count: 4 });
  });

  it('survives structured cloning (what worker threads send)', () => {
    const cloned = structuredClone(p);
    expect(keywordRows(cloned, { top: 0, minCount: 1, maxVariants: 0 })).toEqual(rows);
  });
});

describe('per-document TF-IDF', () => {
  /*
   * N = 2 documents. tfidf = tf * (ln((1 + N) / (1 + df)) + 1):
   *   d0: المغرب tf 3, df 2 -> 3 * (ln(3/3) + 1) = 3; words of d0 only: tf 1, df 1 -> ln(3/2) + 1 = 1.405465
   *   d1: المغرب tf 2 -> 2
   */
  const c = new KeywordCounter(settings({ perDoc: true }));
  const terms = [c.add({ id: 'a', text: D0 })!, c.add({ id: 'b', text: D1 })!];
  const rows = perDocRows(c.snapshot(), terms, { top: 2, minCount: 1, maxVariants: 0 });

  it('scores terms by tf * smoothed idf', () => {
    expect(rows).toEqual([
      { doc: 'a', rank: 1, term: 'المغرب', key: 'المغرب', count: 3, docs: 2, tfidf: 3 },
      { doc: 'a', rank: 2, term: 'الوزير', key: 'الوزير', count: 1, docs: 1, tfidf: 1.4055 },
      { doc: 'b', rank: 1, term: 'المغرب', key: 'المغرب', count: 2, docs: 2, tfidf: 2 },
      { doc: 'b', rank: 2, term: 'تاريخ', key: 'تاريخ', count: 1, docs: 1, tfidf: 1.4055 },
    ]);
  });

  it('returns the terms of each document without function words', () => {
    expect(terms[1].words).toBe(6);
    expect(terms[1].keys.split('\u0001').sort()).toEqual(['المغرب', 'تاريخ', 'شريك', 'طويل'].sort());
  });
});
