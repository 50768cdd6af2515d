/**
 * `corpus stats`: corpus figures computed in one pass over flat buffers.
 *
 * A `StatsCounter` holds the raw sums; it is plain data (typed arrays, strings, numbers), so a
 * worker thread can send its counter back and the main thread merges them. Derived figures
 * (ttr, ttr_1000, means) are computed once at the end by `figuresOf`.
 */
import { DIACRITICS, inRanges } from '../../text/charsets.js';
import { NormBuffer, Normalizer, unitsOf } from '../../text/normalize.js';
import { splitSentences } from '../../text/sentences.js';
import {
  K_ARABIC, K_EMAIL, K_HASHTAG, K_LATIN, K_MENTION, K_MIXED, K_NUMBER, K_OTHER, K_PUNCT, K_SYMBOL, K_URL,
  TokenBuffer, tokenizeUnits,
} from '../../text/tokenize.js';
import { expectedTypeRatio } from './diversity.js';
import { FormTable, IntColumn, type FormTableData } from '../../text/formTable.js';
import { topIds } from './top.js';

/** Raw sums, mergeable. Index of `kinds` = token kind code. */
export interface StatsSums {
  documents: number;
  characters: number;
  kinds: number[];
  sentences: number;
  wordUnits: number;
  diacritized: number;
}

/**
 * What a counter sends back: sums, and the type table as data (FormTable.data: the forms'
 * units in a pool with the hash index, no strings, so that a merge adopts it as it is and only
 * the words shown become strings) with the count of each type by id.
 */
export interface StatsPartial {
  sums: StatsSums;
  types: FormTableData;
  counts: Int32Array;
}

export interface StatsFigures {
  documents: number;
  characters: number;
  tokens: number;
  words: number;
  arabic_tokens: number;
  latin_tokens: number;
  mixed_tokens: number;
  other_script_tokens: number;
  number_tokens: number;
  punctuation: number;
  symbols: number;
  urls: number;
  emails: number;
  hashtags: number;
  mentions: number;
  types: number;
  hapax: number;
  ttr: number | null;
  ttr_1000: number | null;
  sentences: number;
  mean_token_length: number | null;
  mean_sentence_tokens: number | null;
  diacritized_share: number | null;
}

export interface TopWord {
  word: string;
  count: number;
  per_million: number;
}

export type StatsRow = StatsFigures & { doc?: string; top_words: TopWord[] };

export interface StatsOptions {
  normalizer: Normalizer;
  perDoc: boolean;
  top: number;
}

const emptySums = (): StatsSums => ({ documents: 0, characters: 0, kinds: new Array(11).fill(0), sentences: 0, wordUnits: 0, diacritized: 0 });

/** Counts per word type, keyed in place from UTF-16 units (ASCII case folded: FBI = fbi). */
class TypeCounts {
  private readonly table: FormTable;
  private readonly counts: IntColumn;
  constructor(capacity: number) {
    this.table = new FormTable(capacity, { strings: false });
    this.counts = new IntColumn(capacity);
  }
  add(units: ArrayLike<number>, start: number, end: number): void {
    this.bump(this.table.intern(units, start, end));
  }
  /** An Arabic word with the tokenizer's hash. */
  addArabic(units: ArrayLike<number>, start: number, end: number, hash: number): void {
    this.bump(this.table.internHashed(units, start, end, hash));
  }
  private bump(id: number): void {
    this.counts.ensure(id);
    this.counts.data[id]++;
  }
  /** Views of the live table and counts: valid until this table counts again or is reset. */
  entries(): { types: FormTableData; counts: Int32Array } {
    return { types: this.table.data(), counts: this.counts.data.subarray(0, this.table.size) };
  }
  /** Empties the table and counts for the next document. */
  reset(): void {
    this.counts.data.fill(0, 0, this.table.size);
    this.table.reset();
  }
  /** Adds these counts to `into` (forms taken from this table's folded units, no string made). */
  addTo(into: TypeCounts): void {
    const counts = this.counts.data;
    this.table.forEachForm((id, pool, offset, length, hash) => {
      const target = into.table.internHashed(pool, offset, offset + length, hash);
      into.counts.ensure(target);
      into.counts.data[target] += counts[id];
    });
  }
}

function addSums(into: StatsSums, sums: StatsSums): void {
  into.documents += sums.documents;
  into.characters += sums.characters;
  into.sentences += sums.sentences;
  into.wordUnits += sums.wordUnits;
  into.diacritized += sums.diacritized;
  for (let k = 0; k < into.kinds.length; k++) into.kinds[k] += sums.kinds[k];
}

/** Counts documents one at a time; reuses its buffers between documents. */
export class StatsCounter {
  private readonly norm = new NormBuffer();
  private readonly tokens = new TokenBuffer();
  private readonly bounds: number[] = [];
  private readonly sums = emptySums();
  // Sized for a corpus (a quarter million types), as the keyword tables are: growing by doubling
  // rehashed megabytes several times per worker; untouched pages of a big fresh table cost nothing.
  private readonly types = new TypeCounts(1 << 18);

  private readonly dropsDiacritics: boolean;

  constructor(private readonly opts: StatsOptions) {
    this.dropsDiacritics = opts.normalizer.steps.has('diacritics');
    // Removed diacritics are listed by the normalizer; then no offset map is needed.
    if (this.dropsDiacritics) this.norm.listDiacritics();
  }

  /** Per-document table, reused (--per-doc). */
  private docTypes: TypeCounts | null = null;

  /** Counts a document; with perDoc, returns its own figures as a row. */
  add(id: string, text: string): StatsRow | undefined {
    if (!this.opts.perDoc) {
      this.count(text, this.sums, this.types);
      return undefined;
    }
    // Counted once into the document's own small table, which is then added to the corpus one:
    // a lookup in the big table per distinct form of the document instead of per word.
    const sums = emptySums();
    const types = (this.docTypes ??= new TypeCounts(1024));
    types.reset();
    this.count(text, sums, types);
    addSums(this.sums, sums);
    types.addTo(this.types);
    return { doc: id, ...rowOf({ sums, ...types.entries() }, this.opts.top) }; // before the next reset
  }

  /** Counts a document given as UTF-16 units src[0, n) (the loader's fast path for JSONL text). */
  addUnits(src: Uint16Array, n: number): void {
    this.countUnits(src, n, this.sums, this.types);
  }

  private count(text: string, sums: StatsSums, types: TypeCounts): void {
    this.countUnits(unitsOf(text), text.length, sums, types);
  }

  private countUnits(src: Uint16Array, n: number, sums: StatsSums, types: TypeCounts): void {
    const drops = this.dropsDiacritics;
    const norm = this.norm;
    const len = this.opts.normalizer.normalizeUnitsInto(src, n, norm, !drops);
    const u = norm.units;
    const tb = this.tokens;
    tokenizeUnits(u, len, tb);
    sums.documents++;
    sums.characters += n - norm.pairs; // code points: the normalizer counted the surrogate pairs
    sums.sentences += splitSentences(u, tb, this.bounds).length / 2;
    const kinds = sums.kinds;
    const data = tb.data;
    const hashes = tb.hashes;
    // Removed diacritics, by the normalized position right after their letter, in text order.
    const marks = norm.diacritics;
    const markCount = norm.diacriticCount;
    let m = 0;
    for (let t = 0; t < tb.count; t++) {
      const s = data[t * 3];
      const e = data[t * 3 + 1];
      const k = data[t * 3 + 2] & 0xff;
      kinds[k]++;
      if (k !== K_ARABIC && k !== K_LATIN && k !== K_MIXED && k !== K_OTHER) continue;
      if (k === K_ARABIC) types.addArabic(u, s, e, hashes[t]);
      else types.add(u, s, e);
      sums.wordUnits += e - s;
      if (k !== K_ARABIC) continue;
      if (drops) {
        // a diacritic belongs to this word when it follows one of its letters: s < position <= e
        while (m < markCount && marks![m] <= s) m++;
        if (m < markCount && marks![m] <= e) sums.diacritized++;
      } else if (hasDiacritic(src, norm.starts[s], norm.ends[e - 1])) {
        // diacritics kept (--normalize none, light): look in every word
        sums.diacritized++;
      }
    }
  }

  /** The counts so far; the counter must not count more afterwards (the snapshot holds its live table). */
  snapshot(): StatsPartial {
    return { sums: this.sums, ...this.types.entries() };
  }
}

function hasDiacritic(src: Uint16Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (inRanges(src[i], DIACRITICS)) return true;
  return false;
}

/** Merges the partials of several workers (order does not matter). */
export function mergePartials(parts: StatsPartial[]): StatsPartial {
  if (parts.length === 1) return parts[0];
  const sums = emptySums();
  let total = 0;
  let base = parts[0];
  for (const p of parts) {
    total += p.types.size;
    if (p.types.size > base.types.size) base = p;
  }
  // The merge runs in the main thread after the workers end, so its cost is all wall time: the
  // biggest partial's table is adopted as it is, and only the others' types are interned into
  // it, from their pools with the hashes their index holds (no string, no second hashing).
  const table = FormTable.fromData(base.types);
  const counts = new IntColumn(total);
  counts.data.set(base.counts);
  for (const p of parts) {
    addSums(sums, p.sums);
    if (p === base) continue;
    const { pool } = p.types;
    const partCounts = p.counts;
    FormTable.eachIndexed(p.types, p.types.size, (id, hash, offset, length) => {
      const target = table.internHashed(pool, offset, offset + length, hash);
      counts.data[target] += partCounts[id];
    });
  }
  return { sums, types: table.data(), counts: counts.data.subarray(0, table.size) };
}

const ratio = (a: number, b: number): number | null => (b > 0 ? round(a / b, 6) : null);
function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function wordsOf(p: StatsPartial): number {
  const k = p.sums.kinds;
  return k[K_ARABIC] + k[K_LATIN] + k[K_MIXED] + k[K_OTHER];
}

export function figuresOf(p: StatsPartial): StatsFigures {
  const k = p.sums.kinds;
  const words = wordsOf(p);
  const tokens = k.reduce((a, b) => a + b, 0);
  let hapax = 0;
  for (let i = 0; i < p.counts.length; i++) if (p.counts[i] === 1) hapax++;
  return {
    documents: p.sums.documents,
    characters: p.sums.characters,
    tokens,
    words,
    arabic_tokens: k[K_ARABIC],
    latin_tokens: k[K_LATIN],
    mixed_tokens: k[K_MIXED],
    other_script_tokens: k[K_OTHER],
    number_tokens: k[K_NUMBER],
    punctuation: k[K_PUNCT],
    symbols: k[K_SYMBOL],
    urls: k[K_URL],
    emails: k[K_EMAIL],
    hashtags: k[K_HASHTAG],
    mentions: k[K_MENTION],
    types: p.types.size,
    hapax,
    ttr: ratio(p.types.size, words),
    ttr_1000: words >= 1000 ? round(expectedTypeRatio(p.counts, words, 1000), 6) : null,
    sentences: p.sums.sentences,
    mean_token_length: ratio(p.sums.wordUnits, words),
    mean_sentence_tokens: ratio(tokens - k[K_PUNCT], p.sums.sentences),
    diacritized_share: ratio(p.sums.diacritized, k[K_ARABIC]),
  };
}

export function topWords(p: StatsPartial, n: number): TopWord[] {
  if (n <= 0) return [];
  const words = wordsOf(p); // not figuresOf: its ttr_1000 walks every type
  const formAt = (id: number) => FormTable.formIn(p.types, id);
  const ids = topIds(p.counts, formAt, n);
  return ids.map((id) => ({ word: formAt(id), count: p.counts[id], per_million: round((p.counts[id] * 1e6) / words, 1) }));
}

export function rowOf(p: StatsPartial, top: number): StatsRow {
  return { ...figuresOf(p), top_words: topWords(p, top) };
}
