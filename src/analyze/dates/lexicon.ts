/**
 * Loads the date lexicons (data/lexicons/dates/*.txt) into one lookup table keyed by the
 * normalized form of a TOKEN, clitics included: the tokenizer keeps و/ف/ب/ل/ال glued to words
 * (وفبراير، لعام، الأسبوع، للأسبوع), so the loader expands each entry into its clitic variants
 * once, and matching costs one `Map.get` per token.
 *
 * File format: `FORM | FIELD | FIELD ...`, `#` comments, blank lines ignored. Each file has a
 * schema (below); a line that breaks it raises a `LexiconError` naming the file and line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizerFor } from '../../text/normalize.js';
import { Unit } from './types.js';
import { packagePath } from '../../paths.js';

export type Category = 'gmonth' | 'hmonth' | 'weekday' | 'ordinal' | 'number' | 'unit' | 'relative' | 'modifier' | 'tod' | 'fraction' | 'ctx';

export interface Entry {
  cat: Category;
  /** Normalized words of the form (more than one for phrases such as كانون الثاني). */
  words: string[];
  /** Month, ISO weekday, ordinal, number, day offset, direction or unit count, by category. */
  n: number;
  unit: Unit | null;
  /** Month set (msa, maghreb...), part of day (morning...) or grammar role (year-word...). */
  tag: string;
  ambiguous: boolean;
  /** Also a number word (صفر): needs a year or شهر even after a day. */
  numberWord: boolean;
  /** Modifier written before its unit (هذا الأسبوع). */
  pre: boolean;
  /** Feminine ordinal of a clock hour (الخامسة). */
  hour: boolean;
  file: string;
  line: number;
}

/** One way a token can be read: an entry, plus what the token adds to it. */
export interface Reading {
  entry: Entry;
  /** Words that must follow in the next tokens for the entry to match (phrases). */
  rest: string[];
  /** Length of the clitic prefix in normalized units (و، ب، ول...), or -1 when it is fused (لل). */
  prefix: number;
  /** The token carries the article (own or added): الأسبوع, اليوم. */
  article: boolean;
  /** Levantine demonstrative prefix هال (هالأسبوع = this week). */
  demonstrative: boolean;
}

/** All readings of one token form, with a bit mask of what they are (see `categoryBit`, `roleBit`). */
export interface FormInfo {
  readings: Reading[];
  mask: number;
}

export interface DateLexicon {
  /** Readings that can start a date expression (month, weekday, ordinal, unit, relative day, part of day, trigger roles). */
  forms: Map<string, FormInfo>;
  /**
   * Readings the grammar only checks next to a start (number words, modifiers, fractions and the
   * other roles: في، على، أن... are frequent, and looking them up at every token would cost a
   * `Map.get` for a quarter of all tokens).
   */
  extra: Map<string, Reading[]>;
  /**
   * Bit filter over `formHash` of every form: a token whose hash bit is clear is in no lexicon,
   * which spares the `Map` lookup for most tokens of a text.
   */
  filter: Uint8Array;
  entries: Entry[];
}

export class LexiconError extends Error {
  constructor(readonly file: string, readonly line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = 'LexiconError';
  }
}

type Field = { name: string; parse: (v: string) => number | string | null };
const int = (lo: number, hi: number) => (v: string) => (/^-?\d+$/.test(v) && Number(v) >= lo && Number(v) <= hi ? Number(v) : null);
const oneOf = (...xs: string[]) => (v: string) => (xs.includes(v) ? v : null);
const UNITS = ['minute', 'hour', 'day', 'week', 'month', 'year'];
export const ROLES = [
  'year-word', 'years-word', 'month-word', 'day-word', 'days-word', 'hour-word', 'era-hijri', 'era-greg', 'equiv', 'of',
  'from', 'to', 'between', 'ago', 'ago-colloquial', 'after', 'year-cue', 'quantity-head', 'today-head', 'general-head', 'weekday-head', 'weekday-tail', 'future-cue', 'after-year', 'century',
];

interface Schema {
  cat: Category;
  /** Required fields after FORM. */
  fields: Field[];
  /** Allowed optional trailing flags. */
  flags?: ('ambiguous' | 'number-word' | 'pre' | 'hour')[];
}

/** File name -> schema. Every file of the folder must be listed here (unknown files are an error). */
export const SCHEMAS: Record<string, Schema> = {
  'months-gregorian.txt': { cat: 'gmonth', fields: [{ name: 'MONTH', parse: int(1, 12) }, { name: 'SET', parse: oneOf('msa', 'maghreb', 'dz-tn', 'levant') }], flags: ['ambiguous'] },
  'months-hijri.txt': { cat: 'hmonth', fields: [{ name: 'MONTH', parse: int(1, 12) }], flags: ['ambiguous', 'number-word'] },
  'weekdays.txt': { cat: 'weekday', fields: [{ name: 'WEEKDAY', parse: int(1, 7) }], flags: ['ambiguous'] },
  'ordinals.txt': { cat: 'ordinal', fields: [{ name: 'N', parse: int(1, 31) }], flags: ['hour'] },
  'numbers.txt': { cat: 'number', fields: [{ name: 'N', parse: int(1, 1000) }] },
  'units.txt': { cat: 'unit', fields: [{ name: 'UNIT', parse: oneOf(...UNITS) }, { name: 'COUNT', parse: int(0, 2) }] },
  'relative.txt': { cat: 'relative', fields: [{ name: 'OFFSET', parse: int(-7, 7) }] },
  'modifiers.txt': { cat: 'modifier', fields: [{ name: 'DIRECTION', parse: int(-1, 1) }], flags: ['pre'] },
  'times-of-day.txt': { cat: 'tod', fields: [{ name: 'PERIOD', parse: oneOf('dawn', 'morning', 'noon', 'afternoon', 'evening', 'night') }] },
  'clock-fractions.txt': { cat: 'fraction', fields: [{ name: 'MINUTES', parse: int(-30, 45) }] },
  'context.txt': { cat: 'ctx', fields: [{ name: 'ROLE', parse: oneOf(...ROLES) }] },
};

const normalizer = normalizerFor('standard');

/** Parses one lexicon file's text into entries (exported for tests of the validation). */
export function parseLexiconFile(file: string, text: string): Entry[] {
  const schema = SCHEMAS[file.split('/').pop()!];
  if (!schema) throw new LexiconError(file, 0, 'unknown lexicon file (not in SCHEMAS)');
  const out: Entry[] = [];
  const seen = new Map<string, number>();
  const byForm = new Map<string, Entry>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i].trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const parts = raw.split('|').map((p) => p.trim());
    const form = normalizer.normalizeString(parts[0]).replace(/\s+/g, ' ').trim();
    if (form === '') throw new LexiconError(file, lineNo, 'empty form');
    if (/[^\u0600-\u06ff ]/.test(form)) throw new LexiconError(file, lineNo, `form "${parts[0]}" has non-Arabic characters`);
    const nFields = schema.fields.length;
    if (parts.length < 1 + nFields || parts.length > 2 + nFields) {
      throw new LexiconError(file, lineNo, `expected FORM | ${schema.fields.map((f) => f.name).join(' | ')}${schema.flags ? ` [| ${schema.flags.join('/')}]` : ''}, got ${parts.length} fields`);
    }
    const values: (number | string)[] = [];
    for (let k = 0; k < nFields; k++) {
      const v = schema.fields[k].parse(parts[1 + k]);
      if (v === null) throw new LexiconError(file, lineNo, `bad ${schema.fields[k].name} "${parts[1 + k]}"`);
      values.push(v);
    }
    let flag = '';
    if (parts.length === 2 + nFields) {
      flag = parts[1 + nFields];
      if (!(schema.flags as string[] | undefined)?.includes(flag)) {
        throw new LexiconError(file, lineNo, `unknown flag "${flag}"${schema.flags ? ` (allowed: ${schema.flags.join(', ')})` : ''}`);
      }
    }
    const entry: Entry = {
      cat: schema.cat, words: form.split(' '), n: 0, unit: null, tag: '',
      ambiguous: flag === 'ambiguous' || flag === 'number-word', numberWord: flag === 'number-word', pre: flag === 'pre', hour: flag === 'hour',
      file, line: lineNo,
    };
    switch (schema.cat) {
      case 'gmonth': entry.n = values[0] as number; entry.tag = values[1] as string; break;
      case 'unit': entry.unit = values[0] as Unit; entry.n = values[1] as number; break;
      case 'tod': case 'ctx': entry.tag = values[0] as string; break;
      default: entry.n = values[0] as number;
    }
    // The same line twice is a slip. The same form with another value is a conflict, except
    // where a form legitimately has several: grammar roles (من is `of` and `from`), parts of day,
    // and month sets (يونيو is msa and maghreb: kept once).
    const key = `${form}|${entry.n}|${entry.unit ?? ''}|${entry.tag}`;
    const dup = seen.get(key);
    if (dup !== undefined) throw new LexiconError(file, lineNo, `duplicate of line ${dup} ("${parts[0]}" normalizes to "${form}")`);
    seen.set(key, lineNo);
    const multiValued = schema.cat === 'ctx' || schema.cat === 'tod';
    const other = byForm.get(form);
    if (other && !multiValued) {
      if (schema.cat === 'gmonth' && other.n === entry.n) continue;
      throw new LexiconError(file, lineNo, `"${parts[0]}" conflicts with line ${other.line}`);
    }
    if (!other) byForm.set(form, entry);
    out.push(entry);
  }
  return out;
}

const CONJ = ['', 'و', 'ف'];
/** Grammar roles whose words take prepositions (لعام، بشهر، للمؤتمر العام). */
const PREP_ROLES = new Set(['year-word', 'years-word', 'month-word', 'day-word', 'days-word', 'hour-word', 'general-head', 'weekday-head', 'quantity-head']);
const PREP = ['', 'ب', 'ل', 'ك'];

/** Clitic prefixes allowed on the first word of an entry, by category. */
function prefixesFor(e: Entry): { preps: boolean; article: boolean; demonstrative: boolean } {
  switch (e.cat) {
    case 'gmonth': case 'hmonth': case 'weekday': case 'ordinal': return { preps: true, article: false, demonstrative: false };
    case 'unit': return { preps: true, article: true, demonstrative: true };
    case 'number': return { preps: false, article: true, demonstrative: false };
    case 'fraction': return { preps: false, article: false, demonstrative: false };
    case 'ctx': return { preps: PREP_ROLES.has(e.tag), article: false, demonstrative: false };
    default: return { preps: false, article: false, demonstrative: false };
  }
}

function addReading(map: Map<string, Reading[]>, key: string, r: Reading): void {
  const list = map.get(key);
  if (!list) { map.set(key, [r]); return; }
  if (list.some((x) => x.entry === r.entry && x.rest.join(' ') === r.rest.join(' '))) return;
  // exact forms first: a bare entry beats a clitic reading of another entry
  if (r.prefix === 0) list.unshift(r); else list.push(r);
}

/** Later phrase words starting with the conjunction may also be written apart (و العشرين). */
function restVariants(rest: string[]): string[][] {
  const out: string[][] = [rest];
  if (rest.some((w) => w.length > 2 && w.startsWith('و'))) {
    out.push(rest.flatMap((w) => (w.length > 2 && w.startsWith('و') ? ['و', w.slice(1)] : [w])));
  }
  return out;
}

const CATEGORIES: Category[] = ['gmonth', 'hmonth', 'weekday', 'ordinal', 'number', 'unit', 'relative', 'modifier', 'tod', 'fraction', 'ctx'];
/** Bit of a lexicon category in `FormInfo.mask` (pre-modifiers such as هذا get their own bit). */
export function categoryBit(cat: Category | 'pre-modifier'): number {
  return cat === 'pre-modifier' ? 1 << CATEGORIES.length : 1 << CATEGORIES.indexOf(cat);
}
/** Roles that start a date expression: in `forms`, with a bit each in `FormInfo.mask`. The others live in `extra`. */
export const TRIGGER_ROLES = ['from', 'between', 'days-word', 'years-word', 'day-word', 'year-word', 'month-word', 'ago', 'ago-colloquial', 'after', 'hour-word'];
const MASKED_ROLES = TRIGGER_ROLES;
/** Categories read only next to a start, kept in `extra`. */
export const EXTRA_CATEGORIES: Category[] = ['number', 'fraction'];

/** The reading belongs in `extra` rather than `forms`. */
export function isExtra(r: Reading): boolean {
  const e = r.entry;
  if (e.cat === 'ctx') return !TRIGGER_ROLES.includes(e.tag);
  if (e.cat === 'modifier') return !e.pre;
  return EXTRA_CATEGORIES.includes(e.cat);
}
/** Bit of a grammar role (context.txt) in `FormInfo.mask` (the mask fits 32 bits). */
export function roleBit(role: string): number {
  if (!ROLES.includes(role)) throw new Error(`unknown role ${role}`);
  const k = MASKED_ROLES.indexOf(role);
  return 1 << (CATEGORIES.length + 1 + (k < 0 ? MASKED_ROLES.length : k));
}

function readingBits(r: Reading): number {
  const e = r.entry;
  if (e.cat === 'ctx') return roleBit(e.tag);
  if (e.cat === 'modifier' && e.pre) return categoryBit('pre-modifier');
  return categoryBit(e.cat);
}

export const FILTER_BITS = 1 << 18;
/** Cheap hash of a form: its length and first, second, last and next-to-last code units, mixed. */
export function formHash(s: string): number {
  const n = s.length;
  let h = Math.imul(n, 0x9e3779b1);
  h = Math.imul(h ^ s.charCodeAt(0), 0x85ebca6b);
  h = Math.imul(h ^ s.charCodeAt(n > 1 ? 1 : 0), 0xc2b2ae35);
  h = Math.imul(h ^ s.charCodeAt(n - 1), 0x27d4eb2f);
  h = Math.imul(h ^ s.charCodeAt(n > 2 ? n - 2 : 0), 0x165667b1);
  return (h ^ (h >>> 15)) & (FILTER_BITS - 1);
}

/** `formHash` of units[a, b) (the same value as for the string of those units). */
export function formHashUnits(u: Uint16Array, a: number, b: number): number {
  const n = b - a;
  if (n === 0) return formHash('');
  let h = Math.imul(n, 0x9e3779b1);
  h = Math.imul(h ^ u[a], 0x85ebca6b);
  h = Math.imul(h ^ u[n > 1 ? a + 1 : a], 0xc2b2ae35);
  h = Math.imul(h ^ u[b - 1], 0x27d4eb2f);
  h = Math.imul(h ^ u[n > 2 ? b - 2 : a], 0x165667b1);
  return (h ^ (h >>> 15)) & (FILTER_BITS - 1);
}

export function buildLexicon(entries: Entry[]): DateLexicon {
  const readings = new Map<string, Reading[]>();
  for (const e of entries) {
    const first = e.words[0];
    const rests = restVariants(e.words.slice(1));
    const policy = prefixesFor(e);
    const ownArticle = first.startsWith('ال');
    const bases: { base: string; article: boolean }[] = [{ base: first, article: ownArticle }];
    if (policy.article && !ownArticle) bases.push({ base: 'ال' + first, article: true });
    // one-letter forms (م، هـ) take no clitic; two-letter ones (في، آب) only the conjunction
    const len = first.length;
    for (const { base, article } of bases) {
      for (const conj of CONJ) {
        for (const prep of policy.preps ? PREP : ['']) {
          if ((len === 1 && (conj || prep)) || (len === 2 && prep)) continue;
          let word: string;
          let prefix: number;
          if (prep === 'ل' && base.startsWith('ال')) { word = conj + 'لل' + base.slice(2); prefix = -1; }
          else { word = conj + prep + base; prefix = conj.length + prep.length; }
          for (const rest of rests) addReading(readings, word, { entry: e, rest, prefix, article, demonstrative: false });
        }
      }
      if (policy.demonstrative && article && base.startsWith('ال')) {
        for (const rest of rests) addReading(readings, 'ه' + base, { entry: e, rest, prefix: 0, article, demonstrative: true });
      }
    }
  }
  const forms = new Map<string, FormInfo>();
  const extra = new Map<string, Reading[]>();
  const filter = new Uint8Array(FILTER_BITS >> 3);
  for (const [form, list] of readings) {
    const main = list.filter((r) => !isExtra(r));
    const rest = list.filter(isExtra);
    if (rest.length) extra.set(form, rest);
    if (main.length === 0) continue;
    let mask = 0;
    for (const r of main) mask |= readingBits(r);
    forms.set(form, { readings: main, mask });
    const h = formHash(form);
    filter[h >> 3] |= 1 << (h & 7);
  }
  return { forms, extra, filter, entries };
}

/** Folder of the shipped lexicons (works from src/ under vitest and from dist/ when built). */
export const LEXICON_DIR = packagePath('data/lexicons/dates/');

export function loadLexicon(dir: string = LEXICON_DIR): DateLexicon {
  const entries: Entry[] = [];
  for (const file of Object.keys(SCHEMAS)) {
    const path = join(dir, file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new LexiconError(path, 0, `cannot read lexicon: ${(err as Error).message}`);
    }
    entries.push(...parseLexiconFile(path, text));
  }
  return buildLexicon(entries);
}

let shared: DateLexicon | null = null;
/** The shipped lexicon, loaded once per process. */
export function defaultLexicon(): DateLexicon {
  if (!shared) shared = loadLexicon();
  return shared;
}
