/**
 * UTF-16 code unit offsets (what JavaScript strings index by) to Unicode code point offsets
 * (what `corpus` reports, so that Python, Rust and jq users can slice the original text).
 * Arabic is all in the BMP, so for most documents the conversion is the identity and costs
 * one scan; documents with emoji or other astral characters get a binary search.
 */
export class CodePointIndex {
  /** Positions (code units) of the second half of each surrogate pair, ascending. */
  private readonly lows: Int32Array | null;

  constructor(text: string) {
    if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) {
      this.lows = null;
      return;
    }
    const lows: number[] = [];
    for (let i = 0; i < text.length - 1; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) lows.push(++i);
      }
    }
    this.lows = Int32Array.from(lows);
  }

  /** Code point offset of code unit offset `u`. */
  toCodePoint(u: number): number {
    const lows = this.lows;
    if (lows === null) return u;
    // count low surrogates strictly before u
    let lo = 0;
    let hi = lows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lows[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return u - lo;
  }

  /** Code unit offset of code point offset `cp` (inverse of toCodePoint). */
  toCodeUnit(cp: number): number {
    const lows = this.lows;
    if (lows === null) return cp;
    let u = cp;
    // each low surrogate before the position shifts it by one unit
    for (let k = 0; k < lows.length && lows[k] <= u; k++) u++;
    return u;
  }
}

/** Length in code points. */
export function codePointLength(s: string): number {
  let n = s.length;
  if (!/[\uD800-\uDBFF]/.test(s)) return n; // the common case, checked natively
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { n--; i++; }
    }
  }
  return n;
}

/** Copies a string's UTF-16 code units into `into` (one native copy; lone surrogates kept). */
export function writeUnits(text: string, into: Uint16Array): void {
  Buffer.from(into.buffer, into.byteOffset, into.byteLength).write(text, 0, 'utf16le');
}

