import { describe, expect, it } from 'vitest';
import { association } from '../../src/analyze/keywords/measures.js';
import { collocateRows } from '../../src/analyze/keywords/rows.js';
import { count, countApart } from './helpers.js';

/*
 * Node الأمن, window 2, inside sentences:
 *   S1: الأمن الوطني مهم.                  node at 0: الوطني, مهم (right)            W += 2
 *   S2: الأمن الوطني والأمن العام.         node at 0: الوطني, الأمن (right)          W += 2
 *                                          node at 2: الأمن, الوطني (left), العام (right) W += 3
 *   S3: الطقس جميل اليوم.                   no node
 * W = 7, N = 3 + 4 + 3 = 10 words. الوطني: O = 3 (left 1, right 2), f = 2.
 *   E = W f / N = 7 * 2 / 10 = 1.4; MI = log2(3 / 1.4) = 1.0995; t = (3 - 1.4) / sqrt 3 = 0.9238
 */
const TEXT = 'الأمن الوطني مهم. الأمن الوطني والأمن العام. الطقس جميل اليوم.';

describe('collocates', () => {
  const p = count([TEXT], { collocates: { node: 'الأمن', window: 2 } });

  it('counts the words in the windows of every node occurrence, inside sentences', () => {
    expect(p.tokens).toBe(10);
    expect(p.collocates!.windowWords).toBe(7);
    const rows = collocateRows(p, { top: 0, minCount: 1, sort: 'count', stopwords: false });
    expect(rows.map((r) => [r.term, r.count, r.left, r.right, r.frequency])).toEqual([
      ['الوطني', 3, 1, 2, 2], ['العام', 1, 0, 1, 1], ['مهم', 1, 0, 1, 1],
    ]);
  });

  it('computes MI, t-score and log-likelihood', () => {
    const row = collocateRows(p, { top: 1, minCount: 1, sort: 'count', stopwords: false })[0];
    expect(row).toMatchObject({ expected: 1.4, mi: 1.1, t_score: 0.924 });
    expect(row.log_likelihood).toBeCloseTo(association(3, 7, 2, 10).log_likelihood, 2);
  });

  it('finds the node through its clitic forms and respects --min-count', () => {
    const q = count(['وللأمن الوطني دور. بالأمن الوطني نعيش.'], { collocates: { node: 'الأمن', window: 1 } });
    expect(collocateRows(q, { top: 0, minCount: 2, sort: 'count', stopwords: false }).map((r) => [r.term, r.count])).toEqual([['الوطني', 2]]);
  });

  it('gives the same counts from merged parts', () => {
    const texts = [TEXT, 'الأمن الوطني أولا.'];
    const one = collocateRows(count(texts, { collocates: { node: 'الأمن', window: 2 } }), { top: 0, minCount: 1, sort: 'log-likelihood', stopwords: false });
    const parts = collocateRows(countApart(texts, { collocates: { node: 'الأمن', window: 2 } }), { top: 0, minCount: 1, sort: 'log-likelihood', stopwords: false });
    expect(parts).toEqual(one);
  });
});

describe('association measures', () => {
  it('matches the hand-computed values', () => {
    const a = association(3, 7, 2, 10);
    expect(a.expected).toBeCloseTo(1.4, 10);
    expect(a.mi).toBeCloseTo(Math.log2(3 / 1.4), 10);
    expect(a.t_score).toBeCloseTo(1.6 / Math.sqrt(3), 10);
  });
  it('is zero without co-occurrence', () => {
    expect(association(0, 7, 2, 10)).toMatchObject({ mi: 0, t_score: 0 });
  });
});
