/**
 * `corpus keyness`: the words a target corpus uses significantly more (positive keywords) or
 * less (negative keywords) than a reference corpus, by log-likelihood G2, with the log ratio as
 * effect size (formulas in measures.ts).
 *
 * The reference is either counted from the user's files (a KeywordPartial, exactly like the
 * target) or, by default, derived from the shipped word lexicon (data/lexicons/words.tsv.gz:
 * 8.6 million words of 2014-2018 news from the ANT corpus and goud.ma, see its header): every
 * lexicon form goes through the same clitic analysis, grouping and stopwords as the target, so
 * both sides count the same keys. Forms seen fewer than 3 times are not in the lexicon, so
 * reference counts below 3 read as 0; the reference total still counts them.
 */
import type { KeywordPartial } from './counter.js';
import { chiSquareP, criticalValue, keynessG2, logRatio, significance } from './measures.js';
import { GroupForms, round } from './rows.js';
import { TermAnalyzer, isArabicForm } from './terms.js';

/** Counts by group key, with the word (clitics removed) to show for each key. */
export interface FrequencyList {
  counts: Map<string, number>;
  /** The word to show for a key (computed for the keys that reach the output only). */
  term(key: string): string | undefined;
  /** Words in the corpus (the relative-frequency base), stopwords included. */
  total: number;
  /** Keys that are stopwords (left out of keyness unless stopwords are off). */
  stop: Set<string>;
}

export function frequencyListOf(p: KeywordPartial): FrequencyList {
  const index = new GroupForms(p);
  const counts = new Map<string, number>();
  const groupOf = new Map<string, number>();
  const stop = new Set<string>();
  for (let g = 0; g < p.groups.length; g++) {
    counts.set(p.groups[g], p.groupCounts[g]);
    groupOf.set(p.groups[g], g);
    if (p.groupStop[g]) stop.add(p.groups[g]);
  }
  return { counts, term: (key) => (groupOf.has(key) ? index.term(groupOf.get(key)!) : undefined), total: p.tokens, stop };
}

/** The shipped reference: the word lexicon folded into the analyzer's group keys. */
export function referenceFromLexicon(terms: TermAnalyzer): FrequencyList {
  const counts = new Map<string, number>();
  const best = new Map<string, [string, number]>();
  const stop = new Set<string>();
  for (const [form, c] of terms.lexicon.entries()) {
    const info = terms.info(form, isArabicForm(form));
    counts.set(info.key, (counts.get(info.key) ?? 0) + c);
    if (info.stop) stop.add(info.key);
    const b = best.get(info.key);
    if (!b) best.set(info.key, [info.word, c]);
    else if (b[0] === info.word) b[1] += c;
    else if (c > b[1]) best.set(info.key, [info.word, c]);
  }
  return { counts, term: (key) => best.get(key)?.[0], total: terms.lexicon.tokens, stop };
}

export interface KeynessRow {
  [k: string]: string | number;
  rank: number;
  /** positive: used more in the target; negative: used less. */
  direction: 'positive' | 'negative';
  term: string;
  key: string;
  target_count: number;
  reference_count: number;
  target_per_million: number;
  reference_per_million: number;
  /** Log-likelihood G2. */
  g2: number;
  /** p-value of G2 (chi-square, 1 degree of freedom). */
  p_value: number;
  /** p<0.0001, p<0.001, p<0.01, p<0.05 or n.s. */
  significance: string;
  /** log2 of the ratio of relative frequencies (1 = twice as frequent). */
  log_ratio: number;
}

export interface KeynessOptions {
  /** Rows per direction (0 = all). */
  top: number;
  /** Least count in the corpus that over-uses the word. */
  minCount: number;
  /** Largest p-value kept: 0.05, 0.01, 0.001, 0.0001, or 1 for all. */
  p: number;
  sort: 'g2' | 'log-ratio';
  /** Include stopwords. */
  stopwords: boolean;
  /** Which directions to list. */
  directions: Array<'positive' | 'negative'>;
}

export const DEFAULT_KEYNESS_OPTIONS: KeynessOptions = { top: 50, minCount: 3, p: 0.05, sort: 'g2', stopwords: false, directions: ['positive', 'negative'] };

export function keyness(target: FrequencyList, reference: FrequencyList, o: KeynessOptions = DEFAULT_KEYNESS_OPTIONS): KeynessRow[] {
  const c = target.total;
  const d = reference.total;
  const critical = criticalValue(o.p);
  const keys = new Set<string>([...target.counts.keys(), ...reference.counts.keys()]);
  const found: Record<'positive' | 'negative', KeynessRow[]> = { positive: [], negative: [] };
  for (const key of keys) {
    if (!o.stopwords && (target.stop.has(key) || reference.stop.has(key))) continue;
    const a = target.counts.get(key) ?? 0;
    const b = reference.counts.get(key) ?? 0;
    if (a + b === 0) continue;
    const positive = a / c > b / d;
    if ((positive ? a : b) < o.minCount) continue;
    const g2 = keynessG2(a, b, c, d);
    if (g2 < critical) continue;
    const direction = positive ? 'positive' : 'negative';
    found[direction].push({
      rank: 0,
      direction,
      term: '',
      key,
      target_count: a,
      reference_count: b,
      target_per_million: round((a * 1e6) / c, 2),
      reference_per_million: round((b * 1e6) / d, 2),
      g2: round(g2, 2),
      p_value: chiSquareP(g2),
      significance: significance(g2),
      log_ratio: round(logRatio(a, b, c, d), 3),
    });
  }
  const rows: KeynessRow[] = [];
  for (const direction of o.directions) {
    const list = found[direction];
    list.sort((x, y) =>
      (o.sort === 'g2' ? y.g2 - x.g2 : Math.abs(y.log_ratio) - Math.abs(x.log_ratio)) ||
      y.g2 - x.g2 || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    const kept = o.top > 0 ? list.slice(0, o.top) : list;
    kept.forEach((r, i) => {
      r.rank = i + 1;
      r.term = target.term(r.key) ?? reference.term(r.key) ?? r.key;
      rows.push(r);
    });
  }
  return rows;
}
