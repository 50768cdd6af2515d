/**
 * The word lexicon: written word forms with their counts in a news corpus
 * (data/lexicons/words.tsv.gz, built by scripts/build-lexicon.mjs). The clitic analysis uses it
 * as evidence (a base is split off only when it is attested on its own) and `corpus keyness`
 * uses it as its default reference frequency list.
 *
 * Forms are in the clitic analysis spelling: the `standard` normalization without alef and ya
 * folding (see clitics.ts: hamza and alef maksura tell و+إلى from والي).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { FormTable } from './formTable.js';
import { unitsOf, type Normalizer } from './normalize.js';
import { packagePath } from '../paths.js';

export const DEFAULT_WORD_LEXICON = packagePath('data/lexicons/words.tsv.gz');

export class LexiconError extends Error {
  constructor(readonly file: string, readonly line: number, readonly what: string) {
    super(line > 0 ? `${file}:${line}: ${what}` : `${file}: ${what}`);
  }
}

export class WordLexicon {
  /** Forms by id (a FormTable, so lookups need no string: see countUnits). */
  private readonly index: FormTable;
  private countsById: Int32Array;

  /**
   * @param tokens word tokens in the source corpus, pruned forms included (the `# tokens:` header)
   * @param documents documents in the source corpus (the `# documents:` header)
   */
  private constructor(capacity: number, public tokens: number, public documents: number) {
    this.index = new FormTable(capacity + 16, { strings: false });
    this.countsById = new Int32Array(capacity + 16);
  }

  /** Adds `c` to a form's count. */
  private add(form: string, c: number): void {
    this.addUnits(unitsOf(form), 0, form.length, c);
  }

  /** Adds `c` to the count of the form units[start, end). */
  private addUnits(units: Uint16Array, start: number, end: number, c: number): void {
    const id = this.index.intern(units, start, end);
    if (id >= this.countsById.length) {
      const bigger = new Int32Array(this.countsById.length * 2);
      bigger.set(this.countsById);
      this.countsById = bigger;
    }
    this.countsById[id] += c;
    const first = units[start];
    if ((first === 0x0623 || first === 0x0625 || first === 0x0622) && units[start + 1] === 0x0644 && end - start > 1) {
      const bare = 'ا' + String.fromCharCode.apply(null, units.subarray(start + 1, end) as unknown as number[]);
      this.hamzaLess.set(bare, (this.hamzaLess.get(bare) ?? 0) + c);
    }
  }

  /** ال... spellings of forms written أل/إل/آل..., with the counts of the hamza spellings. */
  private readonly hamzaLess = new Map<string, number>();

  /** Number of distinct forms. */
  get size(): number {
    return this.index.size;
  }

  /** Every form with its count, most frequent first as in the file. */
  *entries(): IterableIterator<[string, number]> {
    for (let id = 0; id < this.index.size; id++) yield [this.index.formAt(id), this.countsById[id]];
  }

  /** Count of a form, 0 when absent (or pruned). */
  count(form: string): number {
    const id = this.index.findString(form);
    return id < 0 ? 0 : this.countsById[id];
  }

  /**
   * Count of the form units[start, end) without making a string of it (the clitic analysis
   * looks up several candidate words per form). Latin letters compare case-folded.
   */
  countUnits(units: ArrayLike<number>, start: number, end: number): number {
    const id = this.index.find(units, start, end);
    return id < 0 ? 0 : this.countsById[id];
  }

  /**
   * For a form written ال..., the count of its spellings with hamza or madda on the alef
   * (المانيا -> ألمانيا, الغاء -> إلغاء): when they win, the ال is no article.
   */
  hamzaSpellingCount(form: string): number {
    return this.hamzaLess.get(form) ?? 0;
  }

  static empty(): WordLexicon {
    return new WordLexicon(0, 0, 0);
  }

  /** A lexicon from literal counts (tests, fixtures); `tokens` defaults to their sum. */
  static of(entries: Record<string, number>, tokens?: number): WordLexicon {
    const list = Object.entries(entries);
    const lex = new WordLexicon(list.length, 0, 0);
    let total = 0;
    for (const [form, c] of list) {
      lex.add(form, c);
      total += c;
    }
    lex.tokens = tokens ?? total;
    return lex;
  }

  /**
   * Parses the TSV text: `#` comment lines (`# tokens: N` and `# documents: N` are read),
   * then `form<TAB>count` lines. With `normalizer`, every form is passed through it and counts
   * of forms that become equal are added (so the lexicon follows the caller's profile).
   */
  static parse(text: string, file: string, normalizer?: Normalizer): WordLexicon {
    // Read as UTF-16 units and interned without a string per form: this runs once per thread
    // before counting starts, mostly in unoptimized code, and strings made it 100 ms a thread.
    const u = new Uint16Array(text.length);
    let lines = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      u[i] = c;
      if (c === 0x0a) lines++;
    }
    const lex = new WordLexicon(lines + 1, -1, 0);
    let lineNo = 0;
    let pos = 0;
    let sum = 0;
    const n = u.length;
    while (pos < n) {
      let nl = pos;
      while (nl < n && u[nl] !== 0x0a) nl++;
      lineNo++;
      const start = pos;
      let end = nl > start && u[nl - 1] === 0x0d ? nl - 1 : nl;
      pos = nl + 1;
      if (end === start) continue;
      if (u[start] === 0x23) {
        const m = /^#\s*(tokens|documents):\s*(\d+)\s*$/.exec(text.slice(start, end));
        if (m) {
          if (m[1] === 'tokens') lex.tokens = Number(m[2]);
          else lex.documents = Number(m[2]);
        }
        continue;
      }
      let tab = -1;
      for (let i = start; i < end; i++) {
        if (u[i] !== 0x09) continue;
        if (tab >= 0) { tab = -2; break; }
        tab = i;
      }
      if (tab <= start) throw new LexiconError(file, lineNo, 'expected "form<TAB>count"');
      let c = 0;
      for (let i = tab + 1; i < end; i++) {
        const d = u[i] - 0x30;
        if (d < 0 || d > 9 || (d === 0 && i === tab + 1)) throw new LexiconError(file, lineNo, `count is not a positive integer: "${text.slice(tab + 1, end)}"`);
        c = c * 10 + d;
      }
      if (c === 0) throw new LexiconError(file, lineNo, 'count is not a positive integer: ""');
      for (let i = start; i < tab; i++) {
        const ch = u[i];
        if (ch === 0x20 || ch === 0xa0 || (ch >= 0x09 && ch <= 0x0d) || ch === 0x2028 || ch === 0x2029 || ch === 0x3000 || (ch >= 0x2000 && ch <= 0x200a)) {
          throw new LexiconError(file, lineNo, `form contains white space: "${text.slice(start, tab)}"`);
        }
      }
      if (normalizer) lex.add(normalizer.normalizeString(text.slice(start, tab)), c);
      else lex.addUnits(u, start, tab, c);
      sum += c;
    }
    if (lex.tokens < 0) lex.tokens = sum;
    return lex;
  }
}

const loaded = new Map<string, WordLexicon>();

/**
 * Reads a lexicon file (gzip when the name ends in .gz), once per process, path and normalizer.
 * The file is in the spelling of the `standard` profile without alef/ya folding; a caller whose
 * profile folds more (aggressive: ة -> ه, ؤ ئ -> ء) passes its spelling normalizer so that the
 * lexicon's forms fold the same way (forms that fall together add up).
 */
export function loadWordLexicon(path: string = DEFAULT_WORD_LEXICON, normalizer?: Normalizer): WordLexicon {
  const key = normalizer ? `${path}\u0000${[...normalizer.steps].sort().join(',')}` : path;
  let lex = loaded.get(key);
  if (!lex) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (err) {
      throw new LexiconError(path, 0, `cannot read the word lexicon (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    if (path.endsWith('.gz')) bytes = gunzipSync(bytes);
    lex = WordLexicon.parse(bytes.toString('utf8'), path, normalizer);
    loaded.set(key, lex);
  }
  return lex;
}
