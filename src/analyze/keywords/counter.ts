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
import { FormTable, IntColumn } from '../../text/formTable.js';
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
}

/** Per-document term vectors: document i has entries [offsets[i], offsets[i + 1]). */
export interface DocVectors {
  ids: string[];
  /** Word tokens of each document. */
  words: Int32Array;
  offsets: Int32Array;
  groups: Int32Array;
  counts: Int32Array;
}

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
  /** Group keys, by group id. */
  groups: string[];
  groupStop: Uint8Array;
  groupCounts: Int32Array;
  groupDocs: Int32Array;
  /** N-grams of group ids (with --ngrams 2|3). */
  ngrams: TupleSnapshot | null;
  /** N-grams of form ids, for the variants of each n-gram. */
  ngramForms: TupleSnapshot | null;
  docs: DocVectors | null;
}

const UNSET = -1;

/** Growable tables shared by the counter and the merge. */
class Tables {
  readonly forms = new FormTable(1 << 16);
  readonly formWords: string[] = [];
  readonly formGroups = new IntColumn(1 << 16);
  readonly formCounts = new IntColumn(1 << 16);
  readonly groups = new FormTable(1 << 15);
  groupStop = new Uint8Array(1 << 15);
  readonly groupCounts = new IntColumn(1 << 15);
  readonly groupDocs = new IntColumn(1 << 15);
  readonly groupLastDoc = new IntColumn(1 << 15);
  ngrams: TupleTable | null = null;
  ngramForms: TupleTable | null = null;
  docIds: string[] = [];
  docWords: number[] = [];
  docOffsets: number[] = [0];
  docGroups = new IntColumn(1 << 12);
  docCounts = new IntColumn(1 << 12);
  docEntries = 0;
  documents = 0;
  tokens = 0;

  constructor(readonly settings: KeywordSettings) {
    if (settings.ngrams > 1) {
      const max = settings.maxNgrams ?? 1 << 21;
      this.ngrams = new TupleTable(settings.ngrams, max);
      this.ngramForms = new TupleTable(settings.ngrams, max);
    }
  }

  /** Group id of a key, creating it. */
  group(key: string, stop: boolean): number {
    const g = this.groups.internString(key);
    if (g >= this.groupStop.length) {
      const bigger = new Uint8Array(this.groupStop.length * 2);
      bigger.set(this.groupStop);
      this.groupStop = bigger;
    }
    if (stop) this.groupStop[g] = 1;
    this.groupCounts.ensure(g);
    this.groupDocs.ensure(g);
    this.groupLastDoc.ensure(g, -1);
    return g;
  }

  /** Form id of a string form, creating it with its group. */
  form(form: string, word: string, group: number): number {
    const f = this.forms.internString(form);
    if (f === this.formWords.length) {
      this.formWords.push(word);
      this.formGroups.ensure(f, UNSET);
      this.formCounts.ensure(f);
      this.formGroups.data[f] = group;
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
      formWords: this.formWords.slice(),
      formGroups: this.formGroups.data.slice(0, nf),
      formCounts: this.formCounts.data.slice(0, nf),
      groups: this.groups.forms.slice(),
      groupStop: this.groupStop.slice(0, ng),
      groupCounts: this.groupCounts.data.slice(0, ng),
      groupDocs: this.groupDocs.data.slice(0, ng),
      ngrams: this.ngrams ? this.ngrams.snapshot() : null,
      ngramForms: this.ngramForms ? this.ngramForms.snapshot() : null,
      docs: this.settings.perDoc
        ? {
            ids: this.docIds.slice(),
            words: Int32Array.from(this.docWords),
            offsets: Int32Array.from(this.docOffsets),
            groups: this.docGroups.data.slice(0, this.docEntries),
            counts: this.docCounts.data.slice(0, this.docEntries),
          }
        : null,
    };
  }

  pushDocEntry(g: number, c: number): void {
    const i = this.docEntries++;
    this.docGroups.ensure(i);
    this.docCounts.ensure(i);
    this.docGroups.data[i] = g;
    this.docCounts.data[i] = c;
  }
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

  constructor(readonly settings: KeywordSettings, terms?: TermAnalyzer) {
    this.t = new Tables(settings);
    this.terms = terms ?? new TermAnalyzer(settings);
  }

  add(doc: Pick<Doc, 'id' | 'text'>): void {
    const t = this.t;
    const settings = this.settings;
    const len = this.terms.spelling.normalizeInto(doc.text, this.norm, false);
    const u = this.norm.units;
    const tb = this.tokens;
    tokenizeUnits(u, len, tb);
    const n = settings.ngrams;
    if (n > 1) splitSentences(u, tb, this.bounds);
    const bounds = this.bounds;
    let nextBound = 0; // index into bounds of the next sentence start
    const docNo = t.documents++;
    const data = tb.data;
    const forms = t.forms;
    const perDoc = settings.perDoc;
    let inWindow = 0;
    let words = 0;
    for (let k = 0; k < tb.count; k++) {
      if (n > 1 && nextBound < bounds.length && bounds[nextBound] === k) {
        inWindow = 0; // a sentence starts here
        nextBound += 2;
      }
      const kind = data[k * 3 + 2] & 0xff;
      if (!(isWordKind(kind) || kind === K_HASHTAG || (settings.numbers && kind === K_NUMBER))) {
        inWindow = 0; // punctuation, numbers, URLs break multiword spans
        continue;
      }
      const s = data[k * 3];
      const e = data[k * 3 + 1];
      let f = forms.find(u, s, e);
      if (f < 0) f = this.newForm(u, s, e, kind);
      t.formCounts.data[f]++;
      const g = t.formGroups.data[f];
      t.groupCounts.data[g]++;
      if (t.groupLastDoc.data[g] !== docNo) {
        t.groupLastDoc.data[g] = docNo;
        t.groupDocs.data[g]++;
      }
      t.tokens++;
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
    if (n > 1) {
      t.ngrams!.maybePrune();
      t.ngramForms!.maybePrune();
    }
    if (perDoc) {
      t.docIds.push(doc.id);
      t.docWords.push(words);
      const touched = this.touched;
      for (let i = 0; i < touched.length; i++) {
        const g = touched[i];
        if (t.groupStop[g] === 0) t.pushDocEntry(g, this.docTf.data[g]);
        this.docTf.data[g] = 0;
      }
      touched.length = 0;
      t.docOffsets.push(t.docEntries);
    }
  }

  private newForm(u: Uint16Array, s: number, e: number, kind: number): number {
    const t = this.t;
    const f = t.forms.intern(u, s, e);
    const form = t.forms.forms[f];
    const info = this.terms.info(form, kind === K_ARABIC);
    const g = t.group(info.key, info.stop);
    t.formWords.push(info.word);
    t.formGroups.ensure(f, UNSET);
    t.formCounts.ensure(f);
    t.formGroups.data[f] = g;
    return f;
  }

  snapshot(): KeywordPartial {
    return this.t.snapshot();
  }
}

/** Combines partials in the order given (per-document rows keep that order). */
export function mergeKeywordPartials(parts: KeywordPartial[]): KeywordPartial {
  if (parts.length === 1) return parts[0];
  const settings = parts[0].settings;
  const t = new Tables({ ...settings, maxNgrams: Number.MAX_SAFE_INTEGER });
  let ngramFloor = 0;
  let formFloor = 0;
  for (const p of parts) {
    t.documents += p.documents;
    t.tokens += p.tokens;
    const groupMap = new Int32Array(p.groups.length);
    for (let g = 0; g < p.groups.length; g++) {
      const m = t.group(p.groups[g], p.groupStop[g] === 1);
      groupMap[g] = m;
      t.groupCounts.data[m] += p.groupCounts[g];
      t.groupDocs.data[m] += p.groupDocs[g];
    }
    const formMap = new Int32Array(p.forms.length);
    for (let f = 0; f < p.forms.length; f++) {
      const m = t.form(p.forms[f], p.formWords[f], groupMap[p.formGroups[f]]);
      formMap[f] = m;
      t.formCounts.data[m] += p.formCounts[f];
    }
    if (p.ngrams && t.ngrams) {
      addTuples(t.ngrams, p.ngrams, groupMap);
      ngramFloor += p.ngrams.prunedFloor;
    }
    if (p.ngramForms && t.ngramForms) {
      addTuples(t.ngramForms, p.ngramForms, formMap);
      formFloor += p.ngramForms.prunedFloor;
    }
    if (p.docs) {
      const d = p.docs;
      for (let i = 0; i < d.ids.length; i++) {
        t.docIds.push(d.ids[i]);
        t.docWords.push(d.words[i]);
        for (let j = d.offsets[i]; j < d.offsets[i + 1]; j++) t.pushDocEntry(groupMap[d.groups[j]], d.counts[j]);
        t.docOffsets.push(t.docEntries);
      }
    }
  }
  const out = t.snapshot();
  out.settings = settings;
  if (out.ngrams) out.ngrams.prunedFloor = ngramFloor;
  if (out.ngramForms) out.ngramForms.prunedFloor = formFloor;
  return out;
}

function addTuples(into: TupleTable, from: TupleSnapshot, map: Int32Array): void {
  const n = from.n;
  const tuple = new Int32Array(n);
  for (let e = 0; e < from.counts.length; e++) {
    for (let i = 0; i < n; i++) tuple[i] = map[from.keys[e * n + i]];
    into.add(tuple, 0, -1, from.counts[e], from.docs[e]);
  }
}
