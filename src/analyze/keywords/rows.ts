/**
 * Output rows of `corpus keywords` from a (merged) KeywordPartial.
 *
 * Fields (snake_case; numbers stay numbers):
 *   rank, term (the most frequent written form of the group with clitics removed),
 *   key (the group key), count, docs (documents containing it), per_million (count per million
 *   word tokens of the input, stopwords included), variants (the group's written forms with
 *   their counts, most frequent first).
 * `--per-doc`: doc, rank, term, key, count (in the document), docs, tfidf.
 */
import { KEY_SEPARATOR, type DocTerms, type KeywordPartial } from './counter.js';
import { association } from './measures.js';

export interface Variant {
  form: string;
  count: number;
}

export interface KeywordRow {
  [k: string]: string | number | Variant[];
  rank: number;
  term: string;
  key: string;
  count: number;
  docs: number;
  per_million: number;
  variants: Variant[];
}

export interface DocKeywordRow {
  [k: string]: string | number;
  doc: string;
  rank: number;
  term: string;
  key: string;
  count: number;
  docs: number;
  tfidf: number;
}

export interface RowOptions {
  /** Rows to return (0 = all). */
  top: number;
  /** Least count of a row. */
  minCount: number;
  /** Variants listed per row (0 = all). */
  maxVariants: number;
}

export const DEFAULT_ROW_OPTIONS: RowOptions = { top: 50, minCount: 1, maxVariants: 10 };

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The written forms of each group (a counting sort of form ids by group, so building it costs
 * two passes over integer arrays) and, on demand, a group's term: its most frequent
 * clitic-free written form. Only the groups that reach the output are ever sorted or tallied.
 */
export class GroupForms {
  private readonly offsets: Int32Array;
  private readonly list: Int32Array;
  private readonly terms = new Map<number, string>();

  constructor(private readonly p: KeywordPartial) {
    const ng = p.groups.length;
    const offsets = new Int32Array(ng + 1);
    for (let f = 0; f < p.formGroups.length; f++) offsets[p.formGroups[f] + 1]++;
    for (let g = 0; g < ng; g++) offsets[g + 1] += offsets[g];
    const fill = offsets.slice(0, ng);
    const list = new Int32Array(p.forms.length);
    for (let f = 0; f < p.formGroups.length; f++) list[fill[p.formGroups[f]]++] = f;
    this.offsets = offsets;
    this.list = list;
  }

  /** Form ids of a group, most frequent first (ties by form). */
  forms(g: number): number[] {
    const p = this.p;
    return Array.from(this.list.subarray(this.offsets[g], this.offsets[g + 1]))
      .sort((a, b) => p.formCounts[b] - p.formCounts[a] || byText(p.forms[a], p.forms[b]));
  }

  term(g: number): string {
    let t = this.terms.get(g);
    if (t !== undefined) return t;
    const p = this.p;
    const tally = new Map<string, number>();
    for (let i = this.offsets[g]; i < this.offsets[g + 1]; i++) {
      const f = this.list[i];
      tally.set(p.formWords[f], (tally.get(p.formWords[f]) ?? 0) + p.formCounts[f]);
    }
    t = '';
    let best = -1;
    for (const [w, c] of tally) if (c > best || (c === best && w < t)) { t = w; best = c; }
    this.terms.set(g, t);
    return t;
  }
}

/** Single-word keyword rows, most frequent first (ties by key). */
export function keywordRows(p: KeywordPartial, o: RowOptions = DEFAULT_ROW_OPTIONS): KeywordRow[] {
  if (p.settings.ngrams > 1) return ngramRows(p, o);
  // with --top, only groups counted at least as often as the top-th one can be printed
  let floor = Math.max(1, o.minCount);
  if (o.top > 0 && p.groups.length > o.top) {
    const counts = new Int32Array(p.groups.length);
    let n = 0;
    for (let g = 0; g < p.groups.length; g++) if (p.groupStop[g] === 0) counts[n++] = p.groupCounts[g];
    if (n > o.top) floor = Math.max(floor, counts.subarray(0, n).sort()[n - o.top]);
  }
  const ids: number[] = [];
  for (let g = 0; g < p.groups.length; g++) if (p.groupStop[g] === 0 && p.groupCounts[g] >= floor) ids.push(g);
  ids.sort((a, b) => p.groupCounts[b] - p.groupCounts[a] || byText(p.groups[a], p.groups[b]));
  const chosen = o.top > 0 ? ids.slice(0, o.top) : ids;
  const index = new GroupForms(p);
  return chosen.map((g, i) => ({
    rank: i + 1,
    term: index.term(g),
    key: p.groups[g],
    count: p.groupCounts[g],
    docs: p.groupDocs[g],
    per_million: round((p.groupCounts[g] * 1e6) / Math.max(1, p.tokens), 2),
    variants: (o.maxVariants > 0 ? index.forms(g).slice(0, o.maxVariants) : index.forms(g)).map((f) => ({ form: p.forms[f], count: p.formCounts[f] })),
  }));
}

/** Multiword keyword rows (--ngrams 2|3). */
export function ngramRows(p: KeywordPartial, o: RowOptions = DEFAULT_ROW_OPTIONS): KeywordRow[] {
  const ng = p.ngrams!;
  const nf = p.ngramForms!;
  const n = ng.n;
  // Only the n-grams that can reach the output get a key string: with --top, those counted at
  // least as often as the top-th most frequent one (millions of n-grams may be held).
  let floor = o.minCount;
  if (o.top > 0 && ng.counts.length > o.top) {
    const sorted = Int32Array.from(ng.counts).sort();
    floor = Math.max(floor, sorted[sorted.length - o.top]);
  }
  const ids: number[] = [];
  for (let e = 0; e < ng.counts.length; e++) if (ng.counts[e] >= floor) ids.push(e);
  const keyOf = (e: number): string => {
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(p.groups[ng.keys[e * n + i]]);
    return parts.join(' ');
  };
  const keys = new Map<number, string>();
  for (const e of ids) keys.set(e, keyOf(e));
  ids.sort((a, b) => ng.counts[b] - ng.counts[a] || byText(keys.get(a)!, keys.get(b)!));
  const chosen = o.top > 0 ? ids.slice(0, o.top) : ids;
  // surface variants of the chosen n-grams: form tuples whose groups make the n-gram
  const wanted = new Map<string, number>();
  for (const e of chosen) wanted.set(Array.from(ng.keys.subarray(e * n, e * n + n)).join(','), e);
  const variants = new Map<number, number[]>();
  const groupsOf: number[] = new Array(n);
  for (let v = 0; v < nf.counts.length; v++) {
    for (let i = 0; i < n; i++) groupsOf[i] = p.formGroups[nf.keys[v * n + i]];
    const e = wanted.get(groupsOf.join(','));
    if (e === undefined) continue;
    let list = variants.get(e);
    if (!list) variants.set(e, (list = []));
    list.push(v);
  }
  const formsOf = (v: number): number[] => Array.from(nf.keys.subarray(v * n, v * n + n));
  return chosen.map((e, i) => {
    const text = (v: number): string => formsOf(v).map((f) => p.forms[f]).join(' ');
    const vs = (variants.get(e) ?? []).sort((a, b) => nf.counts[b] - nf.counts[a] || byText(text(a), text(b)));
    const top = vs[0];
    return {
      rank: i + 1,
      term: top === undefined ? keys.get(e)! : formsOf(top).map((f) => p.formWords[f]).join(' '),
      key: keys.get(e)!,
      count: ng.counts[e],
      docs: ng.docs[e],
      per_million: round((ng.counts[e] * 1e6) / Math.max(1, p.tokens), 2),
      variants: (o.maxVariants > 0 ? vs.slice(0, o.maxVariants) : vs).map((v) => ({ form: text(v), count: nf.counts[v] })),
    };
  });
}

/**
 * Top terms of each document by TF-IDF:
 *   tfidf(t, d) = tf(t, d) * (ln((1 + N) / (1 + df(t))) + 1)
 * with tf the count of t in d, N the number of documents and df(t) the documents containing t
 * (the smoothed idf of scikit-learn: a term of every document still weighs tf).
 */
export function perDocRows(p: KeywordPartial, docs: Iterable<DocTerms>, o: RowOptions = DEFAULT_ROW_OPTIONS): DocKeywordRow[] {
  const index = new GroupForms(p);
  const groupOf = new Map<string, number>();
  for (let g = 0; g < p.groups.length; g++) groupOf.set(p.groups[g], g);
  const N = p.documents;
  const rows: DocKeywordRow[] = [];
  const scored: Array<[number, number, number]> = [];
  for (const d of docs) {
    scored.length = 0;
    const keys = d.keys === '' ? [] : d.keys.split(KEY_SEPARATOR);
    for (let j = 0; j < keys.length; j++) {
      const g = groupOf.get(keys[j]);
      const tf = d.counts[j];
      if (g === undefined || tf < o.minCount) continue;
      scored.push([g, tf, tf * (Math.log((1 + N) / (1 + p.groupDocs[g])) + 1)]);
    }
    scored.sort((a, b) => b[2] - a[2] || b[1] - a[1] || byText(p.groups[a[0]], p.groups[b[0]]));
    const top = o.top > 0 ? scored.slice(0, o.top) : scored;
    top.forEach(([g, tf, score], r) => {
      rows.push({ doc: d.doc, rank: r + 1, term: index.term(g), key: p.groups[g], count: tf, docs: p.groupDocs[g], tfidf: round(score, 4) });
    });
  }
  return rows;
}

export interface CollocateRow {
  [k: string]: string | number;
  rank: number;
  term: string;
  key: string;
  /** Co-occurrences with the node inside the window. */
  count: number;
  /** Of which to the left / to the right of the node. */
  left: number;
  right: number;
  /** Frequency of the collocate in the whole input. */
  frequency: number;
  expected: number;
  mi: number;
  t_score: number;
  log_likelihood: number;
}

export interface CollocateOptions {
  top: number;
  minCount: number;
  sort: 'log-likelihood' | 'mi' | 't-score' | 'count';
  /** Include stopwords as collocates. */
  stopwords: boolean;
}

export const DEFAULT_COLLOCATE_OPTIONS: CollocateOptions = { top: 50, minCount: 3, sort: 'log-likelihood', stopwords: false };

/**
 * Collocates of the node word (measures in measures.ts): every group seen at least `minCount`
 * times within the window, the node itself excepted.
 */
export function collocateRows(p: KeywordPartial, o: CollocateOptions = DEFAULT_COLLOCATE_OPTIONS): CollocateRow[] {
  const c = p.collocates;
  if (!c) return [];
  const index = new GroupForms(p);
  const rows: CollocateRow[] = [];
  for (let g = 0; g < p.groups.length; g++) {
    const count = c.counts[g];
    if (count < o.minCount || count === 0 || p.groups[g] === c.node) continue;
    if (!o.stopwords && p.groupStop[g]) continue;
    const a = association(count, c.windowWords, p.groupCounts[g], p.tokens);
    rows.push({
      rank: 0,
      term: '',
      key: p.groups[g],
      count,
      left: c.left[g],
      right: c.right[g],
      frequency: p.groupCounts[g],
      expected: round(a.expected, 3),
      mi: round(a.mi, 3),
      t_score: round(a.t_score, 3),
      log_likelihood: round(a.log_likelihood, 2),
    });
  }
  const field = o.sort === 'log-likelihood' ? 'log_likelihood' : o.sort === 't-score' ? 't_score' : o.sort;
  rows.sort((x, y) => (y[field] as number) - (x[field] as number) || y.count - x.count || byText(x.key, y.key));
  const kept = o.top > 0 ? rows.slice(0, o.top) : rows;
  const groupOf = new Map(p.groups.map((k, g) => [k, g]));
  kept.forEach((r, i) => {
    r.rank = i + 1;
    r.term = index.term(groupOf.get(r.key)!);
  });
  return kept;
}
