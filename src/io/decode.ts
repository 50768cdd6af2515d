/**
 * Bytes -> text for whole documents (plain files, gz payloads, stdin in text mode).
 *
 * Order of decisions: a BOM always wins (as in the WHATWG decode algorithm, even over a forced
 * encoding, because a BOM is an unambiguous statement by the file itself); then a forced
 * `--encoding`; then, in `auto`, UTF-16 without BOM (must be tested before UTF-8 because
 * ASCII-only UTF-16 is also valid UTF-8), UTF-8, and Windows-1256 when the high bytes look like
 * Arabic. Anything else is an error rather than a silent mojibake, since wrong text would make
 * every later count wrong. Line ends are never touched: offsets reported by analyzers point into
 * exactly the string returned here.
 */
import { decodeValidUtf8 } from './utf8.js';
import { isUtf8 } from 'node:buffer';

export type DecodeResult = { text: string; encoding: string } | { error: string };

/** How much of the start of a buffer the binary / UTF-16 sniffers look at. */
const SNIFF_BYTES = 64 * 1024;

const cp1256 = new TextDecoder('windows-1256');

/**
 * Bytes whose Windows-1256 character is Arabic (U+0600..U+06FF) or one of the joiner/direction
 * marks that only occur in Arabic text (ZWNJ, ZWJ, LRM, RLM). Derived from the decoder itself so
 * the table cannot drift from the mapping actually used; the few Latin letters cp1256 keeps in
 * 0xC0-0xFF (à â ç è é ê ë î ï ô ù û ü) and punctuation are therefore not counted.
 */
const CP1256_ARABIC: Uint8Array = (() => {
  const table = new Uint8Array(256);
  for (let b = 0x80; b < 0x100; b++) {
    const cp = cp1256.decode(Uint8Array.of(b)).codePointAt(0) ?? 0;
    if ((cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x200c && cp <= 0x200f)) table[b] = 1;
  }
  return table;
})();

function hasUtf8Bom(buf: Buffer): boolean {
  return buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
}

/** The BOM-declared encoding and BOM length, if any. */
function sniffBom(buf: Buffer): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; skip: number } | null {
  if (hasUtf8Bom(buf)) return { encoding: 'utf-8', skip: 3 };
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/**
 * UTF-16 without BOM: in Arabic or ASCII text every code unit's high byte is 0x00 (ASCII,
 * spaces, digits, newlines) or 0x06 (Arabic block), so NULs pile up on one parity only.
 * Requires: >= 90% of the sampled units have such a high byte, a real share (>= 10%) of NULs on
 * that side, and almost none (< 1%) on the other side, and no U+0000 units.
 */
export function sniffUtf16NoBom(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, SNIFF_BYTES) & ~1;
  const units = n / 2;
  if (units < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  let leShaped = 0;
  let beShaped = 0;
  let nulUnits = 0;
  for (let i = 0; i < n; i += 2) {
    const a = buf[i];
    const b = buf[i + 1];
    if (a === 0) evenNul++;
    if (b === 0) oddNul++;
    if (a === 0 && b === 0) nulUnits++;
    if (b === 0x00 || b === 0x06) leShaped++;
    if (a === 0x00 || a === 0x06) beShaped++;
  }
  if (nulUnits > 0) return null;
  if (leShaped >= 0.9 * units && oddNul >= 0.1 * units && evenNul < 0.01 * units) return 'utf-16le';
  if (beShaped >= 0.9 * units && evenNul >= 0.1 * units && oddNul < 0.01 * units) return 'utf-16be';
  return null;
}

/**
 * True when the file should be skipped as binary: a NUL byte in the first 64 KiB that is not
 * explained by UTF-16 (BOM, forced UTF-16, or BOM-less UTF-16 as sniffed above).
 */
export function isBinary(buf: Buffer, encoding = 'auto'): boolean {
  const bom = sniffBom(buf);
  if (bom && bom.encoding !== 'utf-8') return hasNulUnit(buf, bom.skip);
  const forced = encoding.toLowerCase() === 'auto' ? null : canonicalEncoding(encoding);
  if (forced === 'utf-16le' || forced === 'utf-16be') return hasNulUnit(buf, 0);
  const head = buf.subarray(0, SNIFF_BYTES);
  if (head.indexOf(0) === -1) return false;
  return forced === null ? sniffUtf16NoBom(buf) === null : true;
}

/** A U+0000 code unit in the sampled part of a UTF-16 buffer (any byte order). */
function hasNulUnit(buf: Buffer, from: number): boolean {
  const end = Math.min(buf.length, from + SNIFF_BYTES);
  for (let i = from; i + 1 < end; i += 2) if (buf[i] === 0 && buf[i + 1] === 0) return true;
  return false;
}

/**
 * Windows-1256 Arabic heuristic: >= 70% of the high bytes are Arabic in cp1256, at least half of
 * those sit next to another Arabic byte (Arabic letters form words, while Latin-1 accents that
 * happen to land on Arabic code points are isolated between ASCII letters), and control bytes are
 * rare (a stray DOS 0x1A is tolerated).
 */
export function looksLikeCp1256Arabic(buf: Buffer): boolean {
  let high = 0;
  let arabic = 0;
  let inWords = 0;
  let control = 0;
  const len = buf.length;
  for (let i = 0; i < len; i++) {
    const b = buf[i];
    if (b >= 0x80) {
      high++;
      if (CP1256_ARABIC[b] === 1) {
        arabic++;
        if ((i > 0 && CP1256_ARABIC[buf[i - 1]] === 1) || (i + 1 < len && CP1256_ARABIC[buf[i + 1]] === 1)) inWords++;
      }
    } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b) {
      control++;
    }
  }
  return arabic > 0 && arabic >= 0.7 * high && inWords >= 0.5 * arabic && control <= 0.01 * len;
}

/** WHATWG canonical name of a label (`cp1256` -> `windows-1256`), or null when unknown. */
export function canonicalEncoding(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** Offset of the first byte that breaks UTF-8 (only called on the error path). */
export function firstInvalidUtf8(buf: Buffer, from = 0): number {
  let i = from;
  const n = buf.length;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function utf8Error(buf: Buffer, from: number): string {
  const at = firstInvalidUtf8(buf, from);
  const where = at >= 0 ? ` (byte 0x${buf[at].toString(16).padStart(2, '0')} at offset ${at})` : '';
  return `not valid UTF-8${where}`;
}

/** Decode with a WHATWG decoder in fatal mode; the BOM was already removed by the caller. */
function decodeWith(encoding: string, buf: Buffer, from: number): DecodeResult {
  if (encoding === 'utf-8') {
    const body = buf.subarray(from);
    // isUtf8 + toString is several times faster than a fatal TextDecoder on big files.
    if (!isUtf8(body)) return { error: utf8Error(buf, from) };
    return { text: decodeValidUtf8(buf, from, buf.length), encoding };
  }
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(buf.subarray(from));
    return { text, encoding };
  } catch {
    if (encoding.startsWith('utf-16')) {
      const odd = (buf.length - from) % 2 === 1;
      return { error: `not valid ${encoding.toUpperCase()} (${odd ? 'odd number of bytes' : 'unpaired surrogate'})` };
    }
    return { error: `not valid ${encoding} (bytes that the encoding does not define)` };
  }
}

/**
 * Decode a whole document. `encoding` is `auto` or a WHATWG label. `path` is part of the agreed
 * signature, but messages stay path-free: the caller puts the path in `Diagnostic.path`.
 */
export function decodeBytes(buf: Buffer, encoding: string, path: string): DecodeResult {
  void path;
  const requested = encoding.trim().toLowerCase();
  const forced = requested === 'auto' || requested === '' ? null : canonicalEncoding(requested);
  if (requested !== 'auto' && requested !== '' && forced === null) return { error: `unknown encoding '${encoding}'` };
  if (forced === 'replacement') return { error: `unknown encoding '${encoding}'` };

  const bom = sniffBom(buf);
  if (bom) return decodeWith(bom.encoding, buf, bom.skip);
  if (forced !== null) return decodeWith(forced, buf, 0);

  const utf16 = sniffUtf16NoBom(buf);
  if (utf16) {
    const r = decodeWith(utf16, buf, 0);
    if ('text' in r) return r;
  }
  if (isUtf8(buf)) return { text: decodeValidUtf8(buf, 0, buf.length), encoding: 'utf-8' };
  if (looksLikeCp1256Arabic(buf)) return { text: cp1256.decode(buf), encoding: 'windows-1256' };
  return { error: 'not valid UTF-8 and not recognisable as Windows-1256 (use --encoding)' };
}
