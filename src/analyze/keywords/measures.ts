/**
 * Association and keyness measures (pure arithmetic).
 *
 * Keyness (Rayson & Garside 2000; Hardie 2014), a word seen `a` times in a target of `c` words
 * and `b` times in a reference of `d` words:
 *   E1 = c (a + b) / (c + d),  E2 = d (a + b) / (c + d)
 *   G2 = 2 (a ln(a / E1) + b ln(b / E2))            (a term with a zero count is 0)
 *   log ratio = log2((a / c) / (b / d)), a zero count replaced by 0.5 (Hardie's convention)
 * G2 follows a chi-square distribution with one degree of freedom: 3.84, 6.63, 10.83 and 15.13
 * are the critical values for p < 0.05, 0.01, 0.001 and 0.0001.
 */

/** Critical values of chi-square with 1 degree of freedom, strictest first. */
export const CRITICAL_VALUES: ReadonlyArray<readonly [number, number]> = [
  [15.13, 0.0001],
  [10.83, 0.001],
  [6.63, 0.01],
  [3.84, 0.05],
];

const xlogx = (o: number, e: number): number => (o > 0 && e > 0 ? o * Math.log(o / e) : 0);

/** Keyness log-likelihood G2 of a target count `a` (of `c`) against a reference count `b` (of `d`). */
export function keynessG2(a: number, b: number, c: number, d: number): number {
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  return 2 * (xlogx(a, e1) + xlogx(b, e2));
}

/** Binary log of the ratio of relative frequencies; zero counts count as 0.5. */
export function logRatio(a: number, b: number, c: number, d: number): number {
  return Math.log2(((a === 0 ? 0.5 : a) / c) / ((b === 0 ? 0.5 : b) / d));
}

/** Log-likelihood G2 of a 2x2 contingency table [[o11, o12], [o21, o22]]. */
export function g2Table(o11: number, o12: number, o21: number, o22: number): number {
  const n = o11 + o12 + o21 + o22;
  if (n <= 0) return 0;
  const r1 = o11 + o12;
  const r2 = o21 + o22;
  const c1 = o11 + o21;
  const c2 = o12 + o22;
  return 2 * (xlogx(o11, (r1 * c1) / n) + xlogx(o12, (r1 * c2) / n) + xlogx(o21, (r2 * c1) / n) + xlogx(o22, (r2 * c2) / n));
}

/** Complementary error function (Numerical Recipes `erfcc`, relative error below 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

/** p-value of a chi-square statistic with one degree of freedom. */
export function chiSquareP(x: number): number {
  if (!(x > 0)) return 1;
  return erfc(Math.sqrt(x / 2));
}

/** 'p<0.0001', 'p<0.001', 'p<0.01', 'p<0.05' or 'n.s.' from the critical values. */
export function significance(g2: number): string {
  for (const [critical, p] of CRITICAL_VALUES) if (g2 >= critical) return `p<${p}`;
  return 'n.s.';
}

/** The critical value for a p threshold (0.05, 0.01, 0.001, 0.0001; 1 = no threshold). */
export function criticalValue(p: number): number {
  if (p >= 1) return 0;
  for (const [critical, q] of CRITICAL_VALUES) if (q === p) return critical;
  throw new RangeError(`p must be one of 0.05, 0.01, 0.001, 0.0001 or 1, got ${p}`);
}

/**
 * Collocation measures of a node and a collocate, counted in windows around the node:
 *   O  = co-occurrences (collocate inside a node window)
 *   W  = word positions inside all node windows, f = collocate frequency, N = corpus words
 *   E  = W f / N                          (expected co-occurrences)
 *   MI = log2(O / E)                      (Church & Hanks 1990, window-size corrected)
 *   t  = (O - E) / sqrt(O)
 *   G2 = log-likelihood of [[O, W - O], [f - O, N - W - f + O]] (Dunning 1993)
 */
export interface Association {
  expected: number;
  mi: number;
  t_score: number;
  log_likelihood: number;
}

export function association(o: number, windowWords: number, f: number, n: number): Association {
  const expected = (windowWords * f) / n;
  const o12 = Math.max(0, windowWords - o);
  const o21 = Math.max(0, f - o);
  const o22 = Math.max(0, n - windowWords - f + o);
  return {
    expected,
    mi: o > 0 && expected > 0 ? Math.log2(o / expected) : 0,
    t_score: o > 0 ? (o - expected) / Math.sqrt(o) : 0,
    log_likelihood: g2Table(o, o12, o21, o22),
  };
}
