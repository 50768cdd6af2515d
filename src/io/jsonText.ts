/**
 * The text field of a JSONL line, read straight from its UTF-8 bytes into UTF-16 code units,
 * for analyses that need nothing else of a document (`corpus stats`): no JS string for the line,
 * no JSON.parse, no string for the text, no copy of it back into units.
 *
 * Why: on the ANT corpus, decoding each line to a string and JSON.parse were about 11% of a
 * counting thread's time, and the normalizer then copied the text string into units again.
 *
 * Only a strict, common shape is read here: a flat object (values are strings, numbers, true,
 * false or null), ASCII keys without escapes, the text field once. Anything else returns -1 and
 * the caller takes the line through JSON.parse as usual, so errors are reported exactly as
 * before and no line is read differently (property-tested against JSON.parse). The bytes must be
 * valid UTF-8 (the loader checks each chunk with `buffer.isUtf8`).
 */

/** Reusable output: `units[0, length)` after a successful read. */
export class TextUnits {
  units = new Uint16Array(1 << 16);
  length = 0;
  ensure(n: number): void {
    if (this.units.length < n) this.units = new Uint16Array(Math.max(n, this.units.length * 2));
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

const isWs = (b: number) => b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a;

/** The field name as bytes, or null when it is not plain ASCII (no fast path then). */
export function fieldBytes(field: string): Uint8Array | null {
  const out = new Uint8Array(field.length);
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f || c === QUOTE || c === BACKSLASH) return null;
    out[i] = c;
  }
  return out;
}

/**
 * Reads the string value of `field` from the JSON object in b[start, end) into `out`; returns
 * its length in UTF-16 units, or -1 when the line is not of the simple shape (see above).
 */
export function readTextField(b: Uint8Array, start: number, end: number, field: Uint8Array, out: TextUnits): number {
  let i = start;
  while (i < end && isWs(b[i])) i++;
  if (i >= end || b[i] !== 0x7b) return -1; // {
  i++;
  let found = -1;
  let first = true;
  for (;;) {
    while (i < end && isWs(b[i])) i++;
    if (i >= end) return -1;
    if (b[i] === 0x7d) { // }
      if (!first) return -1; // a trailing comma
      i++;
      break;
    }
    if (b[i] !== QUOTE) return -1;
    // the key: ASCII, no escapes
    const k0 = i + 1;
    let k = k0;
    while (k < end && b[k] !== QUOTE) {
      if (b[k] === BACKSLASH || b[k] < 0x20 || b[k] >= 0x80) return -1;
      k++;
    }
    if (k >= end) return -1;
    let isField = k - k0 === field.length;
    for (let j = 0; isField && j < field.length; j++) if (b[k0 + j] !== field[j]) isField = false;
    i = k + 1;
    while (i < end && isWs(b[i])) i++;
    if (i >= end || b[i] !== 0x3a) return -1; // :
    i++;
    while (i < end && isWs(b[i])) i++;
    if (i >= end) return -1;
    if (isField) {
      if (found >= 0 || b[i] !== QUOTE) return -1; // twice (JSON.parse keeps the last), or not a string
      const r = decodeString(b, i + 1, end, out);
      if (r < 0) return -1;
      found = out.length;
      i = r;
    } else {
      i = skipScalar(b, i, end);
      if (i < 0) return -1;
    }
    while (i < end && isWs(b[i])) i++;
    if (i >= end) return -1;
    if (b[i] === 0x2c) { i++; first = false; continue; } // ,
    if (b[i] === 0x7d) { i++; break; }
    return -1;
  }
  while (i < end && isWs(b[i])) i++;
  return i === end ? found : -1;
}

/**
 * Decodes a JSON string body starting after its opening quote into out.units (out.length set);
 * returns the index after the closing quote, or -1.
 */
function decodeString(b: Uint8Array, i: number, end: number, out: TextUnits): number {
  out.ensure(end - i);
  const u = out.units;
  let o = 0;
  while (i < end) {
    const c = b[i];
    // Arabic first (two-byte sequences): the common case of this corpus' text
    if (c >= 0xc0) {
      if (c < 0xe0) {
        u[o++] = ((c & 0x1f) << 6) | (b[i + 1] & 0x3f);
        i += 2;
      } else if (c < 0xf0) {
        u[o++] = ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
        i += 3;
      } else {
        const cp = ((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f);
        u[o++] = 0xd800 + ((cp - 0x10000) >> 10);
        u[o++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
        i += 4;
      }
      continue;
    }
    if (c >= 0x20 && c !== QUOTE && c !== BACKSLASH) { // ASCII (valid UTF-8 has no lone continuation byte here)
      u[o++] = c;
      i++;
      continue;
    }
    if (c === QUOTE) {
      out.length = o;
      return i + 1;
    }
    if (c !== BACKSLASH || i + 1 >= end) return -1; // a raw control character is invalid JSON
    const e = b[i + 1];
    i += 2;
    switch (e) {
      case 0x22: u[o++] = 0x22; break;
      case 0x5c: u[o++] = 0x5c; break;
      case 0x2f: u[o++] = 0x2f; break;
      case 0x62: u[o++] = 0x08; break;
      case 0x66: u[o++] = 0x0c; break;
      case 0x6e: u[o++] = 0x0a; break;
      case 0x72: u[o++] = 0x0d; break;
      case 0x74: u[o++] = 0x09; break;
      case 0x75: { // \uXXXX: one code unit, surrogates included, as JSON.parse gives them
        if (i + 4 > end) return -1;
        let v = 0;
        for (let k = 0; k < 4; k++) {
          const h = hexValue(b[i + k]);
          if (h < 0) return -1;
          v = (v << 4) | h;
        }
        u[o++] = v;
        i += 4;
        break;
      }
      default: return -1;
    }
  }
  return -1;
}

function hexValue(h: number): number {
  if (h >= 0x30 && h <= 0x39) return h - 0x30;
  if (h >= 0x61 && h <= 0x66) return h - 0x57;
  if (h >= 0x41 && h <= 0x46) return h - 0x37;
  return -1;
}

/** Index after a string, number, true, false or null starting at i; -1 for anything else (objects and arrays included). */
function skipScalar(b: Uint8Array, i: number, end: number): number {
  const c = b[i];
  if (c === QUOTE) {
    i++;
    while (i < end) {
      const d = b[i];
      if (d === QUOTE) return i + 1;
      if (d === BACKSLASH) {
        const e = b[i + 1];
        if (e === 0x75) {
          if (i + 6 > end) return -1;
          for (let k = 2; k < 6; k++) if (hexValue(b[i + k]) < 0) return -1;
          i += 6;
          continue;
        }
        if (e !== 0x22 && e !== 0x5c && e !== 0x2f && e !== 0x62 && e !== 0x66 && e !== 0x6e && e !== 0x72 && e !== 0x74) return -1;
        i += 2;
        continue;
      }
      if (d < 0x20) return -1;
      i++;
    }
    return -1;
  }
  if (c === 0x74) return literal(b, i, end, 'true');
  if (c === 0x66) return literal(b, i, end, 'false');
  if (c === 0x6e) return literal(b, i, end, 'null');
  return skipNumber(b, i, end);
}

function literal(b: Uint8Array, i: number, end: number, word: string): number {
  if (i + word.length > end) return -1;
  for (let k = 0; k < word.length; k++) if (b[i + k] !== word.charCodeAt(k)) return -1;
  return i + word.length;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** A JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
function skipNumber(b: Uint8Array, i: number, end: number): number {
  if (i < end && b[i] === 0x2d) i++;
  if (i >= end || !isDigit(b[i])) return -1;
  if (b[i] === 0x30) i++;
  else while (i < end && isDigit(b[i])) i++;
  if (i < end && b[i] === 0x2e) {
    i++;
    if (i >= end || !isDigit(b[i])) return -1;
    while (i < end && isDigit(b[i])) i++;
  }
  if (i < end && (b[i] === 0x65 || b[i] === 0x45)) {
    i++;
    if (i < end && (b[i] === 0x2b || b[i] === 0x2d)) i++;
    if (i >= end || !isDigit(b[i])) return -1;
    while (i < end && isDigit(b[i])) i++;
  }
  return i;
}

/**
 * Runs the reader over lines that take each of its branches, before a thread reads real ones
 * (see text/warmup.ts for why): without it `decodeString` was compiled 9 times per run as news
 * text reached a three-byte character, an emoji, then each escape. The results are dropped.
 */
export function warmUpJsonText(rounds = 3): void {
  const lines = [
    '{"id":"a-1","title":"عنوان \\"مقتبس\\" \\u00e9","n":-12.5e+3,"m":0,"ok":true,"no":false,"z":null,"text":"قال الوزير: «نعم…» ثم غادر 😀 — €5\\n\\tسطر\\r\\n\\"\\\\\\/\\b\\f\\u0041\\ud83d\\ude00 FBI 2024"}',
    '  { "text" : "ASCII only, and Arabic: المغرب" , "url" : "https:\\/\\/x.ma\\/a?b=1" }  ',
    '{"meta":{"nested":1},"text":"declined"}',
    '{"text":"unterminated',
  ];
  const bytes = lines.map((l) => Buffer.from(l, 'utf8'));
  const field = fieldBytes('text')!;
  const out = new TextUnits();
  let sink = 0;
  for (let r = 0; r < rounds; r++) for (const b of bytes) sink += readTextField(b, 0, b.length, field, out);
  if (Number.isNaN(sink)) throw new Error('unreachable');
}
