/**
 * The keyword accumulator: documents go in one at a time (`add`), the counts come out as a
 * plain, structured-cloneable `KeywordPartial` (`snapshot`), partials of several worker
 * threads combine with `mergeKeywordPartials`, and rows.ts turns the result into output rows.
 *
 * The hot loop allocates nothing per token: the text is normalized into a reused buffer,
 * tokenized into a flat Int32Array, and each word is looked up in a FormTable by its code
 * units; a string is created, and the clitic analysis run, only the first time a form is seen.
 * Everything else is integer arrays indexed by form id and group id.
 */
import type { Doc } from '../../io/types.js';
import { FormTable, FormTableIndex, IntColumn } from '../../text/formTable.js';
import { NormBuffer } from '../../text/normalize.js';
import { splitSentences } from '../../text/sentences.js';
import { K_ARABIC, K_HASHTAG, K_NUMBER, TokenBuffer, isWordKind, tokenizeUnits } from '../../text/tokenize.js';
import { TermAnalyzer, TermSettings } from './terms.js';
import { TupleSnapshot, TupleTable } from './tupleTable.js';

export interface KeywordSettings extends TermSettings {
  /** 1 = single words; 2 or 3 = multiword keywords. */
  ngrams: 1 | 2 | 3;
  /** Keep per-document term vectors (for `--per-doc` TF-IDF). */
  perDoc: boolean;
  /** Count number tokens as words. */
  numbers: boolean;
  /** Most n-gram types held before rare ones are pruned (per table, per thread). */
  maxNgrams?: number;
  /** Count the words around a node word (`corpus collocates`). */
  collocates?: { node: string; window: number };
}

/** Every `stride`-th value of `data` from `offset`, `n` of them. */
function every(data: Int32Array, stride: number, offset: number, n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = data[i * stride + offset];
  return out;
}

/** Co-occurrence counts around the node word, by group id. */
export interface CollocateCounts {
  /** Group key of the node. */
  node: string;
  window: number;
  /** Times the collocate stood in a node window: in all, to the left, to the right. */
  counts: Int32Array;
  left: Int32Array;
  right: Int32Array;
  /** Word positions inside all node windows (W in measures.ts). */
  windowWords: number;
}

/**
 * The terms of one document (--per-doc), returned by `add` so that the runner keeps documents
 * in input order; TF-IDF needs the document frequencies of the whole input, so the rows are
 * scored at the end (rows.ts perDocRows). Keys are joined with U+0001 to keep cloning cheap.
 */
export interface DocTerms {
  [k: string]: unknown;
  doc: string;
  /** Word tokens of the document. */
  words: number;
  keys: string;
  counts: Int32Array;
}

export const KEY_SEPARATOR = '\u0001';

/** Everything counted so far, as plain data (typed arrays, arrays, strings). */
export interface KeywordPartial {
  settings: KeywordSettings;
  documents: number;
  /** Word tokens counted, stopwords included (the per-million base). */
  tokens: number;
  /** Spelling forms (normalized without alef/ya folding), by form id. */
  forms: string[];
  /** The word of each form, clitics removed. */
  formWords: string[];
  formGroups: Int32Array;
  formCounts: Int32Array;
  /** The form and group tables' hash indexes: a merge adopts one partial's tables as they are. */
  formIndex: FormTableIndex | null;
  groupIndex: FormTableIndex | null;
  /** Group keys, by group id. */
  groups: string[];
  groupStop: Uint8Array;
  groupCounts: Int32Array;
  groupDocs: Int32Array;
  /** N-grams of group ids (with --ngrams 2|3). */
  ngrams: TupleSnapshot | null;
  /** N-grams of form ids, for the variants of each n-gram. */
  ngramForms: TupleSnapshot | null;
  collocates: CollocateCounts | null;
}


/**
 * N-gram types a thread holds before pruning, per table. Half a million keeps each table near
 * 20 MB and mostly in cache; the n-grams that matter (seen more than a handful of times) survive.
 */
export const DEFAULT_MAX_NGRAMS = 1 << 19;

/** Growable tables shared by the counter and the merge. */
class Tables {
  readonly forms: FormTable;
  readonly formWords: string[] = [];
  /** Per form, side by side (one cache line per token): [count, group]. */
  readonly formData: IntColumn;
  readonly groups: FormTable;
  groupStop: Uint8Array;
  /** Per group, side by side: [count, documents, last document that counted it]. */
  readonly groupData: IntColumn;
  ngrams: TupleTable | null = null;
  ngramForms: TupleTable | null = null;
  documents = 0;
  tokens = 0;
  /** Group key and id of the collocates node (-1 until seen). */
  nodeKey: string | null = null;
  nodeGroup = -1;
  readonly coCounts = new IntColumn(1 << 12);
  readonly coLeft = new IntColumn(1 << 12);
  readonly coRight = new IntColumn(1 << 12);
  windowWords = 0;

  /**
   * `forms`, `groups`: expected sizes (a merge knows them; growing a table rehashes it).
   * `base`: a partial (with its table indexes) to start from, adopted without re-interning;
   * its n-grams and totals are not taken (the merge adds them like any other partial's).
   */
  constructor(readonly settings: KeywordSettings, forms = 1 << 16, groups = 1 << 15, base: KeywordPartial | null = null) {
    if (base !== null && base.formIndex !== null && base.groupIndex !== null) {
      const nf = base.forms.length;
      const ng = base.groups.length;
      this.forms = FormTable.restore(base.forms, base.formIndex);
      for (let f = 0; f < nf; f++) this.formWords.push(base.formWords[f]);
      this.formData = new IntColumn(2 * Math.max(forms, nf));
      for (let f = 0; f < nf; f++) {
        this.formData.data[2 * f] = base.formCounts[f];
        this.formData.data[2 * f + 1] = base.formGroups[f];
      }
      this.groups = FormTable.restore(base.groups, base.groupIndex);
      this.groupStop = new Uint8Array(Math.max(groups, ng));
      this.groupStop.set(base.groupStop);
      this.groupData = new IntColumn(3 * Math.max(groups, ng));
      for (let g = 0; g < ng; g++) {
        this.groupData.data[3 * g] = base.groupCounts[g];
        this.groupData.data[3 * g + 1] = base.groupDocs[g];
        this.groupData.data[3 * g + 2] = -1;
      }
      const co = base.collocates;
      if (co) {
        this.nodeKey = co.node;
        this.nodeGroup = this.groups.findString(co.node);
        for (const [col, from] of [[this.coCounts, co.counts], [this.coLeft, co.left], [this.coRight, co.right]] as const) {
          col.ensure(ng);
          col.data.set(from);
        }
        this.windowWords = co.windowWords;
      }
    } else {
      this.forms = new FormTable(forms);
      this.formData = new IntColumn(2 * forms);
      this.groups = new FormTable(groups);
      this.groupStop = new Uint8Array(groups);
      this.groupData = new IntColumn(3 * groups);
    }
    if (settings.ngrams > 1) {
      const max = settings.maxNgrams ?? DEFAULT_MAX_NGRAMS;
      this.ngrams = new TupleTable(settings.ngrams, max);
      this.ngramForms = new TupleTable(settings.ngrams, max);
    }
  }

  /**
   * Group id of a key, creating it. `from`: the key's folded units and hash in another table's
   * pool (a merge), which spares copying and hashing the string.
   */
  group(key: string, stop: boolean, from?: PooledForm): number {
    const before = this.groups.size;
    const g = from ? this.groups.internHashed(from.pool, from.offset, from.offset + from.length, from.hash, key) : this.groups.internString(key);
    if (g === before) {
      this.groupData.ensure(g * 3 + 2);
      this.groupData.data[g * 3 + 2] = -1; // counted in no document yet
    }
    if (g >= this.groupStop.length) {
      const bigger = new Uint8Array(this.groupStop.length * 2);
      bigger.set(this.groupStop);
      this.groupStop = bigger;
    }
    if (stop) this.groupStop[g] = 1;
    if (this.nodeKey !== null) {
      this.coCounts.ensure(g);
      this.coLeft.ensure(g);
      this.coRight.ensure(g);
      if (key === this.nodeKey) this.nodeGroup = g;
    }
    return g;
  }

  /** Form id of a string form, creating it with its group (`from`: as in `group`). */
  form(form: string, word: string, group: number, from?: PooledForm): number {
    const f = from ? this.forms.internHashed(from.pool, from.offset, from.offset + from.length, from.hash, form) : this.forms.internString(form);
    if (f === this.formWords.length) {
      this.formWords.push(word);
      this.formData.ensure(f * 2 + 1);
      this.formData.data[f * 2 + 1] = group;
    }
    return f;
  }

  snapshot(): KeywordPartial {
    const nf = this.forms.size;
    const ng = this.groups.size;
    return {
      settings: this.settings,
      documents: this.documents,
      tokens: this.tokens,
      forms: this.forms.forms.slice(),
      // views of the live tables: a snapshot is taken once, when counting is over
      formIndex: this.forms.index(true),
      groupIndex: this.groups.index(true),
      formWords: this.formWords.slice(),
      formGroups: every(this.formData.data, 2, 1, nf),
      formCounts: every(this.formData.data, 2, 0, nf),
      groups: this.groups.forms.slice(),
      groupStop: this.groupStop.slice(0, ng),
      groupCounts: every(this.groupData.data, 3, 0, ng),
      groupDocs: every(this.groupData.data, 3, 1, ng),
      ngrams: this.ngrams ? this.ngrams.snapshot() : null,
      ngramForms: this.ngramForms ? this.ngramForms.snapshot() : null,
      collocates: this.nodeKey !== null
        ? {
            node: this.nodeKey,
            window: this.settings.collocates!.window,
            counts: this.coCounts.data.slice(0, ng),
            left: this.coLeft.data.slice(0, ng),
            right: this.coRight.data.slice(0, ng),
            windowWords: this.windowWords,
          }
        : null,
    };
  }
}

/** A form as it lies in a table's pool (see FormTable.layoutOf). */
interface PooledForm {
  pool: Uint16Array;
  offset: number;
  length: number;
  hash: number;
}

/** Counts keywords of documents added one at a time; reuses its buffers between documents. */
export class KeywordCounter {
  private readonly t: Tables;
  private readonly terms: TermAnalyzer;
  private readonly norm = new NormBuffer();
  private readonly tokens = new TokenBuffer();
  private readonly bounds: number[] = [];
  /** Per-document scratch: count of each group in the current document (for --per-doc). */
  private docTf = new IntColumn(1 << 15);
  private readonly touched: number[] = [];
  /** The current n-gram window: group ids and form ids of the last words. */
  private readonly winGroups = new Int32Array(3);
  private readonly winForms = new Int32Array(3);
  /** Word tokens of the current document: group id and sentence number (for collocates). */
  private seqGroups = new IntColumn(1 << 12);
  private seqSentences = new IntColumn(1 << 12);

  constructor(readonly settings: KeywordSettings, terms?: TermAnalyzer) {
    // Sized for a corpus (a quarter million forms): growing by doubling rehashes and copies
    // megabytes several times per worker; the pages of a big fresh table cost nothing until used.
    this.t = new Tables(settings, 1 << 18, 1 << 17);
    this.terms = terms ?? new TermAnalyzer(settings);
    if (settings.collocates) {
      const keys = wordKeysOf(this.terms, settings.collocates.node);
      if (keys.length !== 1) throw new RangeError(`collocates: the node must be one word, got "${settings.collocates.node}"`);
      this.t.nodeKey = keys[0];
    }
  }

  /** Counts one document; with --per-doc returns its terms (see DocTerms). */
  add(doc: Pick<Doc, 'id' | 'text'>): DocTerms | undefined {
    const len = this.terms.spelling.normalizeInto(doc.text, this.norm, false);
    return this.count(len, doc.id);
  }

  /** Counts one document given as UTF-16 units `src[0, n)` (a JSONL text read from the bytes); without --per-doc only. */
  addUnits(src: Uint16Array, n: number): void {
    if (this.settings.perDoc) throw new Error('addUnits: per-document terms need the document id');
    this.count(this.terms.spelling.normalizeUnitsInto(src, n, this.norm, false), '');
  }

  /** Counts the normalized text in this.norm (`len` units). */
  private count(len: number, id: string): DocTerms | undefined {
    const t = this.t;
    const settings = this.settings;
    const u = this.norm.units;
    const tb = this.tokens;
    tokenizeUnits(u, len, tb);
    const n = settings.ngrams;
    const colloc = t.nodeKey !== null;
    const needSentences = n > 1 || colloc;
    if (needSentences) splitSentences(u, tb, this.bounds);
    const bounds = this.bounds;
    let nextBound = 0; // index into bounds of the next sentence start
    const docNo = t.documents++;
    const data = tb.data;
    const hashes = tb.hashes;
    const forms = t.forms;
    const perDoc = settings.perDoc;
    let inWindow = 0;
    let words = 0;
    let sentence = 0;
    let nodeSeen = false;
    const numbers = settings.numbers;
    // typed arrays held in locals (refreshed when a new form may have grown them)
    let formData = t.formData.data;
    let groupData = t.groupData.data;
    const count = tb.count;
    for (let k = 0; k < count; k++) {
      if (needSentences && nextBound < bounds.length && bounds[nextBound] === k) {
        inWindow = 0; // a sentence starts here
        nextBound += 2;
        sentence++;
      }
      const kind = data[k * 3 + 2] & 0xff;
      if (!(isWordKind(kind) || kind === K_HASHTAG || (numbers && kind === K_NUMBER))) {
        inWindow = 0; // punctuation, numbers, URLs break multiword spans
        continue;
      }
      const s = data[k * 3];
      const e = data[k * 3 + 1];
      let f = kind === K_ARABIC ? forms.findHashed(u, s, e, hashes[k]) : forms.find(u, s, e);
      if (f < 0) {
        f = this.newForm(u, s, e, kind);
        formData = t.formData.data;
        groupData = t.groupData.data;
      }
      formData[f * 2]++;
      const g = formData[f * 2 + 1];
      const gi = g * 3;
      groupData[gi]++;
      if (groupData[gi + 2] !== docNo) {
        groupData[gi + 2] = docNo;
        groupData[gi + 1]++;
      }
      if (colloc) {
        this.seqGroups.ensure(words);
        this.seqSentences.ensure(words);
        this.seqGroups.data[words] = g;
        this.seqSentences.data[words] = sentence;
        if (g === t.nodeGroup) nodeSeen = true;
      }
      words++;
      if (perDoc) {
        this.docTf.ensure(g);
        if (this.docTf.data[g]++ === 0) this.touched.push(g);
      }
      if (n > 1) {
        if (inWindow === n) {
          for (let i = 1; i < n; i++) { this.winGroups[i - 1] = this.winGroups[i]; this.winForms[i - 1] = this.winForms[i]; }
          inWindow--;
        }
        this.winGroups[inWindow] = g;
        this.winForms[inWindow] = f;
        inWindow++;
        if (inWindow === n && t.groupStop[this.winGroups[0]] === 0 && t.groupStop[g] === 0) {
          t.ngrams!.add(this.winGroups, 0, docNo);
          t.ngramForms!.add(this.winForms, 0, docNo);
        }
      }
    }
    t.tokens += words;
    if (n > 1) {
      t.ngrams!.maybePrune();
      t.ngramForms!.maybePrune();
    }
    if (nodeSeen) this.countWindows(words);
    if (!perDoc) return undefined;
    const touched = this.touched;
    const keys: string[] = [];
    const counts: number[] = [];
    for (let i = 0; i < touched.length; i++) {
      const g = touched[i];
      if (t.groupStop[g] === 0) {
        keys.push(t.groups.forms[g]);
        counts.push(this.docTf.data[g]);
      }
      this.docTf.data[g] = 0;
    }
    touched.length = 0;
    return { doc: id, words, keys: keys.join(KEY_SEPARATOR), counts: Int32Array.from(counts) };
  }

  /** Counts the words within `window` words of each node occurrence, inside its sentence. */
  private countWindows(words: number): void {
    const t = this.t;
    const w = this.settings.collocates!.window;
    const gs = this.seqGroups.data;
    const ss = this.seqSentences.data;
    const node = t.nodeGroup;
    for (let i = 0; i < words; i++) {
      if (gs[i] !== node) continue;
      const sent = ss[i];
      for (let j = Math.max(0, i - w); j <= i + w && j < words; j++) {
        if (j === i || ss[j] !== sent) continue;
        const g = gs[j];
        t.windowWords++;
        t.coCounts.data[g]++;
        if (j < i) t.coLeft.data[g]++;
        else t.coRight.data[g]++;
      }
    }
  }

  private newForm(u: Uint16Array, s: number, e: number, kind: number): number {
    const t = this.t;
    const f = t.forms.intern(u, s, e);
    const form = t.forms.forms[f];
    const info = this.terms.info(form, kind === K_ARABIC);
    const g = t.group(info.key, info.stop);
    t.formWords.push(info.word);
    t.formData.ensure(f * 2 + 1);
    t.formData.data[f * 2 + 1] = g;
    return f;
  }

  snapshot(): KeywordPartial {
    return this.t.snapshot();
  }
}

/** Combines partials (the result does not depend on their order). */
export function mergeKeywordPartials(parts: KeywordPartial[]): KeywordPartial {
  if (parts.length === 1) return parts[0];
  const settings = parts[0].settings;
  const sum = (size: (p: KeywordPartial) => number) => parts.reduce((a, p) => a + size(p), 0);
  // The biggest partial's tables are adopted as they are; only the others are interned into them.
  let base: KeywordPartial | null = null;
  for (const p of parts) if (p.formIndex && p.groupIndex && (base === null || p.forms.length > base.forms.length)) base = p;
  const t = new Tables({ ...settings, maxNgrams: Number.MAX_SAFE_INTEGER }, sum((p) => p.forms.length), sum((p) => p.groups.length), base);
  let ngramFloor = 0;
  let formFloor = 0;
  const node = parts[0].collocates?.node ?? null;
  t.nodeKey = node;
  for (const p of parts) {
    t.documents += p.documents;
    t.tokens += p.tokens;
    if (p === base) {
      // already in the tables; its tuples still go in (identity maps)
      if (p.ngrams && t.ngrams) {
        addTuples(t.ngrams, p.ngrams, identity(p.groups.length));
        ngramFloor += p.ngrams.prunedFloor;
      }
      if (p.ngramForms && t.ngramForms) {
        addTuples(t.ngramForms, p.ngramForms, identity(p.forms.length));
        formFloor += p.ngramForms.prunedFloor;
      }
      continue;
    }
    // The partial's keys are interned from its own pool with the hashes its index holds.
    const groupAt = p.groupIndex ? FormTable.layoutOf(p.groupIndex, p.groups.length) : null;
    const formAt = p.formIndex ? FormTable.layoutOf(p.formIndex, p.forms.length) : null;
    const pooled: PooledForm = { pool: new Uint16Array(0), offset: 0, length: 0, hash: 0 };
    const groupMap = new Int32Array(p.groups.length);
    if (groupAt) pooled.pool = p.groupIndex!.pool;
    for (let g = 0; g < p.groups.length; g++) {
      if (groupAt) { pooled.offset = groupAt.offsets[g]; pooled.length = groupAt.lengths[g]; pooled.hash = groupAt.hashes[g]; }
      const m = t.group(p.groups[g], p.groupStop[g] === 1, groupAt ? pooled : undefined);
      groupMap[g] = m;
      t.groupData.data[m * 3] += p.groupCounts[g];
      t.groupData.data[m * 3 + 1] += p.groupDocs[g];
      if (p.collocates) {
        t.coCounts.data[m] += p.collocates.counts[g];
        t.coLeft.data[m] += p.collocates.left[g];
        t.coRight.data[m] += p.collocates.right[g];
      }
    }
    if (p.collocates) t.windowWords += p.collocates.windowWords;
    const formMap = new Int32Array(p.forms.length);
    if (formAt) pooled.pool = p.formIndex!.pool;
    for (let f = 0; f < p.forms.length; f++) {
      if (formAt) { pooled.offset = formAt.offsets[f]; pooled.length = formAt.lengths[f]; pooled.hash = formAt.hashes[f]; }
      const m = t.form(p.forms[f], p.formWords[f], groupMap[p.formGroups[f]], formAt ? pooled : undefined);
      formMap[f] = m;
      t.formData.data[m * 2] += p.formCounts[f];
    }
    if (p.ngrams && t.ngrams) {
      addTuples(t.ngrams, p.ngrams, groupMap);
      ngramFloor += p.ngrams.prunedFloor;
    }
    if (p.ngramForms && t.ngramForms) {
      addTuples(t.ngramForms, p.ngramForms, formMap);
      formFloor += p.ngramForms.prunedFloor;
    }
  }
  const out = t.snapshot();
  out.settings = settings;
  if (out.ngrams) out.ngrams.prunedFloor = ngramFloor;
  if (out.ngramForms) out.ngramForms.prunedFloor = formFloor;
  return out;
}

/** Group keys of the words of a text (a collocates node, a KWIC pattern). */
export function wordKeysOf(terms: TermAnalyzer, text: string): string[] {
  const nb = new NormBuffer();
  const tb = new TokenBuffer();
  const len = terms.spelling.normalizeInto(text, nb, false);
  tokenizeUnits(nb.units, len, tb);
  const keys: string[] = [];
  for (let k = 0; k < tb.count; k++) {
    const kind = tb.kind(k);
    if (!isWordKind(kind) && kind !== K_HASHTAG) continue;
    let form = '';
    for (let i = tb.start(k); i < tb.end(k); i++) form += String.fromCharCode(nb.units[i]);
    keys.push(terms.info(form, kind === K_ARABIC).key);
  }
  return keys;
}

function identity(n: number): Int32Array {
  const map = new Int32Array(n);
  for (let i = 0; i < n; i++) map[i] = i;
  return map;
}

function addTuples(into: TupleTable, from: TupleSnapshot, map: Int32Array): void {
  const n = from.n;
  const tuple = new Int32Array(n);
  for (let e = 0; e < from.counts.length; e++) {
    for (let i = 0; i < n; i++) tuple[i] = map[from.keys[e * n + i]];
    into.add(tuple, 0, -1, from.counts[e], from.docs[e]);
  }
}
