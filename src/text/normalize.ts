/**
 * Arabic normalization with an offset map.
 *
 * Each step is a small per-character function; a `Normalizer` composes the enabled steps
 * into lookup tables once, so the hot loop is a table lookup per UTF-16 code unit with no
 * allocation. Every normalized code unit remembers the [start, end) range of ORIGINAL code
 * units it came from, which keeps three kinds of change exact:
 *   - deletion (diacritics, tatweel, controls): marks attach to the letter before them, so a
 *     word's original span includes its harakat; invisible controls attach to nothing;
 *   - 1 -> n (the lam-alef ligature U+FEFB becomes ل + ا): every produced unit maps to the
 *     whole ligature;
 *   - n -> 1 (ا + combining hamza U+0654 becomes أ, then ا): the produced unit maps to both.
 * Offsets here are UTF-16 code units; `CodePointIndex` (offsets.ts) converts at the output edge.
 */
import { COMBINING_HAMZA, CONTROLS, DIACRITICS, PRESENTATION_FORMS, TATWEEL, inRanges } from './charsets.js';
import { writeUnits } from './offsets.js';

export const STEPS = [
  'presentation',
  'compose',
  'controls',
  'tatweel',
  'digits',
  'diacritics',
  'persian',
  'alef',
  'ya',
  'ta-marbuta',
  'hamza',
] as const;
export type Step = (typeof STEPS)[number];

/** What each step does, with an example (shown by `corpus normalize --list-steps` and the README). */
export const STEP_INFO: Record<Step, { does: string; example: [string, string] }> = {
  presentation: { does: 'presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF) to letters; ligatures split', example: ['\uFEFB\uFEB3\uFEE0\uFEE4', 'لاسلم'] },
  compose: { does: 'letter + combining hamza/madda (U+0653-U+0655) to one letter', example: ['\u0627\u0654\u0645\u0646', 'أمن'] },
  controls: { does: 'zero-width and bidi controls removed (ZWNJ, ZWJ, LRM, RLM, U+061C, embeddings, isolates)', example: ['\u200Fمرحبا\u200C', 'مرحبا'] },
  tatweel: { does: 'tatweel (kashida) removed', example: ['مـــرحبا', 'مرحبا'] },
  digits: { does: 'Eastern Arabic digits (٠-٩, ۰-۹) and ٫ ٬ to 0-9 . ,', example: ['٢٠٢٤ و۱۲٫٥', '2024 و12.5'] },
  diacritics: { does: 'harakat, tanwin, shadda, sukun, dagger alef, Quranic marks removed', example: ['مُحَمَّدٌ', 'محمد'] },
  persian: { does: 'Persian/Urdu letter shapes to Arabic ones (ک ی ہ ھ ە ۃ)', example: ['کتاب علی', 'كتاب علي'] },
  alef: { does: 'alef with hamza or madda, wasla (أ إ آ ٱ) to bare alef ا', example: ['أحمد إلى آخر', 'احمد الى اخر'] },
  ya: { does: 'alef maksura ى to ya ي', example: ['مستشفى', 'مستشفي'] },
  'ta-marbuta': { does: 'ta marbuta ة to ha ه (aggressive only)', example: ['مدرسة', 'مدرسه'] },
  hamza: { does: 'hamza on waw or ya (ؤ ئ) to bare hamza ء (aggressive only)', example: ['مسؤول قائد', 'مسءول قاءد'] },
};

export const PROFILES = {
  none: [] as Step[],
  light: ['presentation', 'compose', 'controls', 'tatweel', 'digits'] as Step[],
  standard: ['presentation', 'compose', 'controls', 'tatweel', 'digits', 'diacritics', 'persian', 'alef', 'ya'] as Step[],
  aggressive: STEPS.slice() as Step[],
} satisfies Record<string, Step[]>;
export type Profile = keyof typeof PROFILES;
export const PROFILE_NAMES = Object.keys(PROFILES) as Profile[];

const PERSIAN: Record<number, number> = {
  0x06a9: 0x0643, // ک keheh
  0x06aa: 0x0643, // ڪ swash kaf
  0x06cc: 0x064a, // ی Farsi yeh
  0x06d2: 0x064a, // ے yeh barree
  0x06c1: 0x0647, // ہ heh goal
  0x06be: 0x0647, // ھ heh doachashmee
  0x06d5: 0x0647, // ە ae
  0x06c0: 0x0647, // ۀ heh with yeh above
  0x06c2: 0x0647, // ۂ heh goal with hamza
  0x06c3: 0x0629, // ۃ teh marbuta goal
  0x0676: 0x0624, // ٶ high hamza waw
  0x0677: 0x0624, // ٷ
  0x0678: 0x0626, // ٸ high hamza yeh
  0x06d3: 0x0626, // ۓ yeh barree with hamza
};
const ALEF_VARIANTS = [0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673, 0x0675];

/** Applies the per-character letter steps (after presentation/compose) to one code point. */
function mapLetter(cp: number, steps: ReadonlySet<Step>): string {
  if (steps.has('controls') && inRanges(cp, CONTROLS)) return '';
  if (steps.has('tatweel') && cp === TATWEEL) return '';
  if (steps.has('diacritics') && inRanges(cp, DIACRITICS)) return '';
  if (steps.has('digits')) {
    if (cp >= 0x0660 && cp <= 0x0669) return String.fromCharCode(0x30 + cp - 0x0660);
    if (cp >= 0x06f0 && cp <= 0x06f9) return String.fromCharCode(0x30 + cp - 0x06f0);
    if (cp === 0x066b) return '.';
    if (cp === 0x066c) return ',';
  }
  if (steps.has('persian') && PERSIAN[cp] !== undefined) cp = PERSIAN[cp];
  if (steps.has('alef') && ALEF_VARIANTS.includes(cp)) cp = 0x0627;
  if (steps.has('ya') && cp === 0x0649) cp = 0x064a;
  if (steps.has('ta-marbuta') && cp === 0x0629) cp = 0x0647;
  if (steps.has('hamza') && (cp === 0x0624 || cp === 0x0626)) cp = 0x0621;
  return String.fromCharCode(cp);
}

/** Presentation form to its letters, or null to keep it (multi-word ligatures such as U+FDFA stay whole). */
function unfoldPresentation(cp: number): string | null {
  const nfkc = String.fromCharCode(cp).normalize('NFKC');
  if (nfkc === String.fromCharCode(cp)) return null;
  // U+FE70-U+FE7F are spacing harakat: NFKC gives space + mark; keep the mark only.
  if (cp >= 0xfe70 && cp <= 0xfe7f) return nfkc.replace(/ /g, '');
  if (nfkc.includes(' ')) return null;
  return nfkc;
}

// Action codes of the per-code-unit table.
// EMIT covers kept and replaced units alike (`single` holds the identity for kept ones): 99.8% of
// news text takes that one branch, which the CPU predicts; a separate KEEP / REPLACE / "may
// compose" test per letter mispredicted often enough to cost most of the loop (measured: 11 ns
// a unit before, see docs/ARCHITECTURE.md).
const EMIT = 0; // one unit out: single[c]
const DROP_MARK = 2; // deleted; widens the previous unit's original span (a mark belongs to its letter)
const DROP_CONTROL = 3; // deleted; belongs to nobody
const EXPAND = 4; // several units out, from `multi`
const HIGH_SURROGATE = 5; // kept as EMIT is; a following low surrogate makes a pair counted in NormBuffer.pairs
const COMBINING = 16; // flag on U+0653-U+0655 (compose step): merge into the letter just emitted when they compose; else the low bits apply
const BASE_ACTION = 15;

/** Reusable output buffers, grown as needed, so normalizing a stream of documents allocates little. */
export class NormBuffer {
  units = new Uint16Array(1024);
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);
  length = 0;
  /** Surrogate pairs in the source of the last normalization: its length in code points is source length - pairs. */
  pairs = 0;
  /**
   * When not null, each normalization lists here where it removed a diacritic (or composed one
   * into its letter): the normalized position right after the letter it belongs to, in order,
   * `diacriticCount` of them. Statistics read diacritized words from it without the offset map.
   */
  diacritics: Int32Array | null = null;
  diacriticCount = 0;
  /** Asks the normalizations into this buffer to list their diacritics (see `diacritics`). */
  listDiacritics(): this {
    this.diacritics ??= new Int32Array(256);
    return this;
  }
  /** Records a diacritic belonging to the unit before normalized position `at`. */
  addDiacritic(at: number): void {
    let list = this.diacritics!;
    if (this.diacriticCount === list.length) {
      const bigger = new Int32Array(list.length * 2);
      bigger.set(list);
      this.diacritics = list = bigger;
    }
    list[this.diacriticCount++] = at;
  }
  ensure(n: number, withOffsets: boolean): void {
    if (this.units.length < n) this.units = new Uint16Array(Math.max(n, this.units.length * 2));
    if (withOffsets && this.starts.length < n) {
      const size = Math.max(n, this.starts.length * 2);
      this.starts = new Int32Array(size);
      this.ends = new Int32Array(size);
    }
  }
}

/** Normalized text plus the map back to the original. Offsets are UTF-16 code units. */
export interface NormalizedText {
  original: string;
  text: string;
  /** Original start of each normalized unit. */
  starts: Int32Array;
  /** Original end (exclusive) of each normalized unit. */
  ends: Int32Array;
}

/** Shared by every normalizer: the code points that count as diacritics. */
let diacritics: Uint8Array | null = null;
function diacriticTable(): Uint8Array {
  if (diacritics === null) {
    diacritics = new Uint8Array(0x10000);
    for (const [lo, hi] of DIACRITICS) for (let c = lo; c <= hi; c++) diacritics[c] = 1;
  }
  return diacritics;
}

export class Normalizer {
  readonly steps: ReadonlySet<Step>;
  private readonly action = new Uint8Array(0x10000);
  /** 1 for the code points of DIACRITICS (what `diacritized_share` counts). */
  private readonly diacritic = diacriticTable();
  /** The unit EMIT writes for each unit (the identity unless a step replaces it). */
  private readonly single = Uint16Array.from({ length: 0x10000 }, (_, i) => i);
  private readonly multi = new Map<number, Uint16Array>();
  /** (base << 16 | mark) -> resulting unit, for the compose step. */
  private readonly composed = new Map<number, number>();

  constructor(steps: Iterable<Step>) {
    this.steps = new Set(steps);
    this.buildTables();
  }

  static fromProfile(profile: Profile, enable: Step[] = [], disable: Step[] = []): Normalizer {
    const steps = new Set<Step>(PROFILES[profile]);
    for (const s of enable) steps.add(s);
    for (const s of disable) steps.delete(s);
    return new Normalizer(steps);
  }

  get isIdentity(): boolean {
    return this.steps.size === 0;
  }

  private buildTables(): void {
    const steps = this.steps;
    // Only these blocks hold characters that some step changes; everything else is kept.
    const candidates: Array<[number, number]> = [[0x00ad, 0x00ad], [0x0600, 0x08ff], [0x200b, 0x206f], [0xfb50, 0xfeff]];
    for (const [lo, hi] of candidates) for (let cp = lo; cp <= hi; cp++) {
      let out: string;
      if (steps.has('presentation') && inRanges(cp, PRESENTATION_FORMS) && !inRanges(cp, CONTROLS)) {
        const unfolded = unfoldPresentation(cp);
        out = unfolded === null ? String.fromCharCode(cp) : [...unfolded].map((c) => mapLetter(c.charCodeAt(0), steps)).join('');
      } else {
        out = mapLetter(cp, steps);
      }
      if (out.length === 1 && out.charCodeAt(0) === cp) continue; // kept: EMIT of itself
      if (out.length === 0) {
        const isMark = cp === TATWEEL || /\p{M}/u.test(String.fromCharCode(cp)) || (cp >= 0xfe70 && cp <= 0xfe7f);
        this.action[cp] = isMark ? DROP_MARK : DROP_CONTROL;
      } else if (out.length === 1) {
        this.action[cp] = EMIT;
        this.single[cp] = out.charCodeAt(0);
      } else {
        this.action[cp] = EXPAND;
        this.multi.set(cp, Uint16Array.from(out, (c) => c.charCodeAt(0)));
      }
    }
    if (steps.has('compose')) {
      for (let base = 0x0600; base <= 0x06ff; base++) {
        for (let mark = COMBINING_HAMZA[0][0]; mark <= COMBINING_HAMZA[0][1]; mark++) {
          const nfc = String.fromCharCode(base, mark).normalize('NFC');
          if (nfc.length !== 1) continue;
          const mapped = mapLetter(nfc.charCodeAt(0), steps);
          if (mapped.length !== 1) continue;
          this.composed.set((base << 16) | mark, mapped.charCodeAt(0));
        }
      }
      for (let mark = COMBINING_HAMZA[0][0]; mark <= COMBINING_HAMZA[0][1]; mark++) this.action[mark] |= COMBINING;
    }
    for (let cp = 0xd800; cp <= 0xdbff; cp++) this.action[cp] = HIGH_SURROGATE;
  }

  /**
   * Normalizes `text` into `buf` and returns the normalized length. With `withOffsets` false
   * the offset arrays are not written (statistics need only the units).
   */
  normalizeInto(text: string, buf: NormBuffer, withOffsets: boolean): number {
    return this.normalizeUnitsInto(unitsOf(text), text.length, buf, withOffsets);
  }

  /** The same over UTF-16 code units src[0, n) (the loader's `Doc.units`, or a copied string). */
  normalizeUnitsInto(src: Uint16Array, n: number, buf: NormBuffer, withOffsets: boolean): number {
    buf.ensure(n + 16, withOffsets);
    let units = buf.units;
    let starts = buf.starts;
    let ends = buf.ends;
    const action = this.action;
    const single = this.single;
    let o = 0;
    let pairs = 0;
    const listing = buf.diacritics !== null;
    buf.diacriticCount = 0;
    for (let i = 0; i < n; i++) {
      const c = src[i];
      let a = action[c];
      if (a === EMIT) {
        units[o] = single[c];
        if (withOffsets) { starts[o] = i; ends[o] = i + 1; }
        o++;
        continue;
      }
      if (a & COMBINING) {
        // A letter + combining hamza/madda that compose: the letter just written (from the unit
        // right before) becomes the composed one and its span takes the mark in.
        if (i > 0 && o > 0 && action[src[i - 1]] === EMIT) {
          const comp = this.composed.get((src[i - 1] << 16) | c);
          if (comp !== undefined) {
            units[o - 1] = comp;
            if (withOffsets) ends[o - 1] = i + 1;
            if (listing && this.diacritic[c] === 1) buf.addDiacritic(o);
            continue;
          }
        }
        a &= BASE_ACTION;
        if (a === EMIT) {
          units[o] = single[c];
          if (withOffsets) { starts[o] = i; ends[o] = i + 1; }
          o++;
          continue;
        }
      }
      switch (a) {
        case HIGH_SURROGATE:
          units[o] = c;
          if (withOffsets) { starts[o] = i; ends[o] = i + 1; }
          o++;
          if (i + 1 < n && src[i + 1] >= 0xdc00 && src[i + 1] <= 0xdfff) pairs++;
          break;
        case DROP_MARK:
          if (withOffsets && o > 0 && ends[o - 1] === i) ends[o - 1] = i + 1;
          if (listing && this.diacritic[c] === 1) buf.addDiacritic(o);
          break;
        case DROP_CONTROL:
          break;
        case EXPAND: {
          const m = this.multi.get(c)!;
          if (o + m.length + (n - i) > units.length) {
            buf.ensure(o + m.length + (n - i) + 16, withOffsets);
            // ensure() may reallocate: copy what was written so far
            if (buf.units !== units) { buf.units.set(units.subarray(0, o)); units = buf.units; }
            if (withOffsets && buf.starts !== starts) {
              buf.starts.set(starts.subarray(0, o)); buf.ends.set(ends.subarray(0, o));
              starts = buf.starts; ends = buf.ends;
            }
          }
          for (let k = 0; k < m.length; k++) {
            units[o] = m[k];
            if (withOffsets) { starts[o] = i; ends[o] = i + 1; }
            o++;
          }
          break;
        }
      }
    }
    buf.length = o;
    buf.pairs = pairs;
    return o;
  }

  /** Convenience form: the normalized string with its own offset arrays. */
  normalize(text: string): NormalizedText {
    const buf = new NormBuffer();
    const len = this.normalizeInto(text, buf, true);
    return {
      original: text,
      text: unitsToString(buf.units, len),
      starts: buf.starts.slice(0, len),
      ends: buf.ends.slice(0, len),
    };
  }

  /** The normalized string alone (for keys and lexicon lookups). */
  normalizeString(text: string): string {
    // Most short strings (word forms, keys) come out unchanged: then no copy and no new string.
    const action = this.action;
    const single = this.single;
    let i = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (action[c] !== EMIT || single[c] !== c) break;
    }
    if (i === text.length) return text;
    const buf = scratch;
    const len = this.normalizeInto(text, buf, false);
    return unitsToString(buf.units, len);
  }
}

const scratch = new NormBuffer();

let copied = new Uint16Array(1 << 16);
/**
 * A string's code units in a reused buffer (valid until the next call): one native copy, lone
 * surrogates kept.
 */
export function unitsOf(text: string): Uint16Array {
  if (copied.length < text.length) copied = new Uint16Array(Math.max(text.length, copied.length * 2));
  if (text.length < 32) {
    // a native write has a fixed cost that a short word does not repay
    for (let i = 0; i < text.length; i++) copied[i] = text.charCodeAt(i);
  } else {
    writeUnits(text, copied);
  }
  const u = copied;
  if (copied.length > 1 << 24) copied = new Uint16Array(1 << 16); // do not keep a huge document's buffer
  return u;
}

export function unitsToString(units: Uint16Array, length: number): string {
  if (length === 0) return '';
  if (length < 64) return String.fromCharCode.apply(null, units.subarray(0, length) as unknown as number[]);
  return Buffer.from(units.buffer, units.byteOffset, length * 2).toString('utf16le');
}

/** Original [start, end) of the normalized span [start, end). */
export function toOriginal(norm: NormalizedText, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = start < norm.starts.length ? norm.starts[start] : norm.original.length;
    return [at, at];
  }
  return [norm.starts[start], norm.ends[end - 1]];
}

const cache = new Map<string, Normalizer>();
/** Shared normalizer per profile (tables are built once per process). */
export function normalizerFor(profile: Profile, enable: Step[] = [], disable: Step[] = []): Normalizer {
  const key = `${profile}+${enable.join(',')}-${disable.join(',')}`;
  let n = cache.get(key);
  if (!n) {
    n = Normalizer.fromProfile(profile, enable, disable);
    cache.set(key, n);
  }
  return n;
}
