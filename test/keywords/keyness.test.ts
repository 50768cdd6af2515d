import { describe, expect, it } from 'vitest';
import { FrequencyList, frequencyListOf, keyness, referenceFromLexicon, DEFAULT_KEYNESS_OPTIONS } from '../../src/analyze/keywords/keyness.js';
import { chiSquareP, g2Table, keynessG2, logRatio, significance } from '../../src/analyze/keywords/measures.js';
import { DEFAULT_TERM_SETTINGS, TermAnalyzer } from '../../src/analyze/keywords/terms.js';
import { WordLexicon } from '../../src/text/wordLexicon.js';
import { count } from './helpers.js';

const list = (counts: Record<string, number>, total: number): FrequencyList => ({
  counts: new Map(Object.entries(counts)),
  term: (key) => key,
  total,
  stop: new Set(),
});

describe('keyness measures, checked by hand', () => {
  /*
   * a = 10 of c = 1,000 (target), b = 10 of d = 10,000 (reference):
   *   E1 = 1000 * 20 / 11000 = 1.81818, E2 = 18.18182
   *   G2 = 2 (10 ln(10 / 1.81818) + 10 ln(10 / 18.18182)) = 20 ln(5.5 * 0.55) = 20 ln 3.025 = 22.1382
   *   log ratio = log2((10 / 1000) / (10 / 10000)) = log2 10 = 3.3219
   */
  it('G2 and log ratio of an over-used word', () => {
    expect(keynessG2(10, 10, 1000, 10000)).toBeCloseTo(22.1382, 4);
    expect(logRatio(10, 10, 1000, 10000)).toBeCloseTo(3.3219, 4);
    expect(significance(22.1382)).toBe('p<0.0001');
  });

  /* a = 0, b = 50: E2 = 10000 * 50 / 11000 = 45.4545; G2 = 2 * 50 ln(50 / 45.4545) = 100 ln 1.1 = 9.5310; log ratio with 0.5: log2(0.0005 / 0.005) = -3.3219 */
  it('G2 and log ratio of an absent word (zero counted as 0.5 in the ratio)', () => {
    expect(keynessG2(0, 50, 1000, 10000)).toBeCloseTo(9.531, 3);
    expect(logRatio(0, 50, 1000, 10000)).toBeCloseTo(-3.3219, 4);
    expect(significance(9.531)).toBe('p<0.01');
  });

  it('significance thresholds 3.84 / 6.63 / 10.83 / 15.13', () => {
    expect([3.83, 3.84, 6.63, 10.83, 15.13].map(significance)).toEqual(['n.s.', 'p<0.05', 'p<0.01', 'p<0.001', 'p<0.0001']);
  });

  it('p-values of chi-square with one degree of freedom', () => {
    expect(chiSquareP(3.841459)).toBeCloseTo(0.05, 6);
    expect(chiSquareP(6.634897)).toBeCloseTo(0.01, 6);
    expect(chiSquareP(10.827566)).toBeCloseTo(0.001, 6);
    expect(chiSquareP(0)).toBe(1);
  });

  /* [[20, 0], [0, 20]]: all expected 10; G2 = 2 (20 ln 2 + 20 ln 2) = 80 ln 2 = 55.4518 */
  it('G2 of a 2x2 table', () => {
    expect(g2Table(20, 0, 0, 20)).toBeCloseTo(55.4518, 4);
    expect(g2Table(10, 10, 10, 10)).toBe(0);
  });
});

describe('keyness rows', () => {
  const target = list({ المغرب: 10, الحرب: 0, السلام: 5 }, 1000);
  const reference = list({ المغرب: 10, الحرب: 50, السلام: 50 }, 10000);

  it('lists positive then negative keywords with their figures', () => {
    const rows = keyness(target, reference, DEFAULT_KEYNESS_OPTIONS);
    expect(rows.map((r) => [r.direction, r.key])).toEqual([['positive', 'المغرب'], ['negative', 'الحرب']]);
    expect(rows[0]).toMatchObject({
      rank: 1, term: 'المغرب', target_count: 10, reference_count: 10, target_per_million: 10000, reference_per_million: 1000,
      g2: 22.14, significance: 'p<0.0001', log_ratio: 3.322,
    });
    expect(rows[0].p_value).toBeCloseTo(chiSquareP(22.1382), 8);
    expect(rows[1]).toMatchObject({ rank: 1, target_count: 0, reference_count: 50, g2: 9.53, significance: 'p<0.01', log_ratio: -3.322 });
  });

  it('keeps a word used at the same rate out (السلام: 5 per 1,000 against 50 per 10,000)', () => {
    const rows = keyness(target, reference, { ...DEFAULT_KEYNESS_OPTIONS, p: 1 });
    expect(rows.find((r) => r.key === 'السلام')).toMatchObject({ g2: 0, significance: 'n.s.' });
    expect(keyness(target, reference, DEFAULT_KEYNESS_OPTIONS).some((r) => r.key === 'السلام')).toBe(false);
  });

  it('filters by direction, p and min-count', () => {
    expect(keyness(target, reference, { ...DEFAULT_KEYNESS_OPTIONS, directions: ['negative'] }).map((r) => r.key)).toEqual(['الحرب']);
    expect(keyness(target, reference, { ...DEFAULT_KEYNESS_OPTIONS, p: 0.001 }).map((r) => r.key)).toEqual(['المغرب']);
    expect(keyness(target, reference, { ...DEFAULT_KEYNESS_OPTIONS, minCount: 11 }).map((r) => r.key)).toEqual(['الحرب']);
  });

  it('compares two corpora counted from text, clitic forms grouped', () => {
    // target: المغرب 4 times (with clitics) in 8 words; reference: المغرب once in 8 words
    const t = frequencyListOf(count(['المغرب وبالمغرب وللمغرب والمغرب بلد جميل جدا وكبير']));
    const r = frequencyListOf(count(['الجزائر وبالجزائر وللجزائر بلد جميل جدا وكبير المغرب']));
    expect(t.total).toBe(8);
    expect(t.counts.get('المغرب')).toBe(4);
    const rows = keyness(t, r, { ...DEFAULT_KEYNESS_OPTIONS, minCount: 1, p: 1 });
    const morocco = rows.find((x) => x.key === 'المغرب')!;
    expect(morocco).toMatchObject({ direction: 'positive', target_count: 4, reference_count: 1 });
    expect(morocco.g2).toBeCloseTo(keynessG2(4, 1, 8, 8), 2);
    expect(rows.find((x) => x.key === 'الجزائر')).toMatchObject({ direction: 'negative', target_count: 0, reference_count: 3 });
    // جدا is a stopword: left out
    expect(rows.some((x) => x.key === 'جدا')).toBe(false);
  });

  it('builds the default reference from the lexicon in the same keys', () => {
    const lex = WordLexicon.of({ المغرب: 100, بالمغرب: 20, والمغرب: 30, في: 500, مغرب: 2 }, 10000);
    const ref = referenceFromLexicon(new TermAnalyzer(DEFAULT_TERM_SETTINGS, lex));
    expect(ref.total).toBe(10000);
    expect(ref.counts.get('المغرب')).toBe(150);
    expect(ref.term('المغرب')).toBe('المغرب');
    expect(ref.stop.has('في')).toBe(true);
  });
});
