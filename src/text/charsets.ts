/**
 * Character sets used by the normalizer, the tokenizer and the display code, defined once.
 * Each set is a list of inclusive code point ranges so that tables can be built from it.
 */

export type Ranges = ReadonlyArray<readonly [number, number]>;

/** Harakat, tanwin, shadda, sukun, superscript alef, Quranic annotation marks, extended Arabic marks. */
export const DIACRITICS: Ranges = [
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06ed],
  [0x08d3, 0x08ff],
];

export const TATWEEL = 0x0640;

/** Zero-width characters and bidi controls: invisible, they only confuse matching. */
export const CONTROLS: Ranges = [
  [0x00ad, 0x00ad], // soft hyphen
  [0x061c, 0x061c], // Arabic letter mark
  [0x200b, 0x200f], // ZWSP, ZWNJ, ZWJ, LRM, RLM
  [0x202a, 0x202e], // embeddings and overrides
  [0x2060, 0x2064], // word joiner, invisible operators
  [0x2066, 0x2069], // isolates
  [0xfeff, 0xfeff], // zero-width no-break space (a BOM inside the text)
];

/** Arabic presentation forms A and B (contextual glyph codes, ligatures). */
export const PRESENTATION_FORMS: Ranges = [
  [0xfb50, 0xfdff],
  [0xfe70, 0xfeff],
];

/** Combining hamza above/below and madda: with a preceding letter they compose into one letter. */
export const COMBINING_HAMZA: Ranges = [[0x0653, 0x0655]];

export function inRanges(cp: number, ranges: Ranges): boolean {
  for (const [lo, hi] of ranges) if (cp >= lo && cp <= hi) return true;
  return false;
}

/** Sorted list of every code point in the ranges (for building tables). */
export function expandRanges(ranges: Ranges): number[] {
  const out: number[] = [];
  for (const [lo, hi] of ranges) for (let c = lo; c <= hi; c++) out.push(c);
  return out;
}

/** The last code unit of `text` that is neither a diacritic nor tatweel (0 for an empty text): ى in علىَ. */
export function lastLetter(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c !== TATWEEL && !inRanges(c, DIACRITICS)) return c;
  }
  return 0;
}
