import { describe, expect, it } from 'vitest';
import { keywordRows } from '../../src/analyze/keywords/rows.js';
import { TupleTable } from '../../src/analyze/keywords/tupleTable.js';
import { count, countApart } from './helpers.js';

/*
 * Sentence 1: قال وزير الخارجية في المغرب إن الأمم المتحدة تدعم الحل.
 * Sentence 2: الأمم المتحدة، المغرب.
 * Function words: قال, في, إن. Bigrams without one at an edge, inside sentences, not across
 * the comma: وزير الخارجية, الأمم المتحدة (twice), المتحدة تدعم, تدعم الحل.
 * Trigrams (a function word may stand in the middle): الخارجية في المغرب, المغرب إن الأمم,
 * الأمم المتحدة تدعم, المتحدة تدعم الحل.
 */
const TEXT = 'قال وزير الخارجية في المغرب إن الأمم المتحدة تدعم الحل. الأمم المتحدة، المغرب.';

describe('multiword keywords', () => {
  it('counts bigrams inside sentences with no function word at either edge', () => {
    const rows = keywordRows(count([TEXT], { ngrams: 2 }), { top: 0, minCount: 1, maxVariants: 0 });
    expect(rows.map((r) => [r.key, r.count])).toEqual([
      ['الامم المتحدة', 2], ['المتحدة تدعم', 1], ['تدعم الحل', 1], ['وزير الخارجية', 1],
    ]);
    expect(rows[0]).toMatchObject({ term: 'الأمم المتحدة', docs: 1, variants: [{ form: 'الأمم المتحدة', count: 2 }] });
  });

  it('allows a function word inside a trigram, not at its edges', () => {
    const rows = keywordRows(count([TEXT], { ngrams: 3 }), { top: 0, minCount: 1, maxVariants: 0 });
    expect(rows.map((r) => r.key).sort()).toEqual(['الامم المتحدة تدعم', 'الخارجية في المغرب', 'المتحدة تدعم الحل', 'المغرب ان الامم'].sort());
  });

  it('groups clitic forms inside n-grams and strips them in the term', () => {
    const rows = keywordRows(count(['دعت الأمم المتحدة. وقالت للأمم المتحدة شكرا. والأمم المتحدة تدعم.'], { ngrams: 2 }), { top: 1, minCount: 1, maxVariants: 0 });
    expect(rows[0]).toMatchObject({ term: 'الأمم المتحدة', count: 3, variants: [{ form: 'الأمم المتحدة', count: 1 }, { form: 'للأمم المتحدة', count: 1 }, { form: 'والأمم المتحدة', count: 1 }] });
  });

  it('merges n-grams of several workers', () => {
    const texts = [TEXT, 'الأمم المتحدة تدعم الحل.'];
    const one = keywordRows(count(texts, { ngrams: 2 }), { top: 0, minCount: 1, maxVariants: 0 });
    const parts = keywordRows(countApart(texts, { ngrams: 2 }), { top: 0, minCount: 1, maxVariants: 0 });
    expect(parts).toEqual(one);
    expect(one.find((r) => r.key === 'الامم المتحدة')).toMatchObject({ count: 3, docs: 2 });
  });
});

describe('n-gram table pruning', () => {
  it('drops the rarest tuples when over its limit and remembers the floor', () => {
    const t = new TupleTable(2, 4);
    const add = (a: number, b: number, times: number) => { for (let i = 0; i < times; i++) t.add([a, b], 0, 0); };
    add(1, 2, 5);
    add(3, 4, 1);
    add(5, 6, 1);
    add(7, 8, 2);
    add(9, 10, 1);
    expect(t.size).toBe(5);
    t.maybePrune();
    // count <= 1 dropped (3 of 5 left, within 0.75 * 4)
    expect(t.size).toBe(2);
    expect(t.prunedFloor).toBe(1);
    expect(t.counts[t.find([1, 2])]).toBe(5);
    expect(t.find([3, 4])).toBe(-1);
    // the table works on after pruning
    add(3, 4, 1);
    expect(t.counts[t.find([3, 4])]).toBe(1);
  });

  it('bounds the memory of a long run and keeps the frequent n-grams', () => {
    // 200 documents, each with two bigrams never seen again and one that is always there
    const texts = Array.from({ length: 200 }, (_, i) => `شركة${'ب'.repeat(i % 50)} جديدة${'ت'.repeat(i % 40)} الأمم المتحدة`);
    const p = count(texts, { ngrams: 2, maxNgrams: 64 });
    expect(p.ngrams!.counts.length).toBeLessThanOrEqual(64);
    expect(p.ngrams!.prunedFloor).toBeGreaterThan(0);
    const rows = keywordRows(p, { top: 1, minCount: 1, maxVariants: 0 });
    expect(rows[0].key).toBe('الامم المتحدة');
    // undercounted by at most the pruning floor
    expect(rows[0].count).toBeGreaterThanOrEqual(200 - p.ngrams!.prunedFloor);
    expect(rows[0].count).toBeLessThanOrEqual(200);
  });
});
