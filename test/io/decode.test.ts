import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalEncoding, decodeBytes, firstInvalidUtf8, isBinary, looksLikeCp1256Arabic, sniffUtf16NoBom } from '../../src/io/decode.js';
import { FIX } from './helpers.js';

const fx = (rel: string): Buffer => readFileSync(FIX + rel);
const AR_CP1256 = 'ذهب الطالب إلى المكتبة صباحاً.\r\nوقرأ كتاباً عن تاريخ الأندلس.\r\n';

describe('decodeBytes, auto', () => {
  it('reads UTF-8 as is', () => {
    expect(decodeBytes(fx('enc/utf8.txt'), 'auto', 'x')).toEqual({ text: 'مرحبا بالعالم\nسطر ثان\n', encoding: 'utf-8' });
  });

  it('strips a UTF-8 BOM and nothing else', () => {
    expect(decodeBytes(fx('enc/utf8-bom.txt'), 'auto', 'x')).toEqual({ text: 'نص مع علامة BOM\n', encoding: 'utf-8' });
  });

  it('decodes UTF-16 LE and BE by their BOM, keeping CRLF', () => {
    const want = 'السلام عليكم\r\nHello\r\n';
    expect(decodeBytes(fx('enc/utf16le-bom.txt'), 'auto', 'x')).toEqual({ text: want, encoding: 'utf-16le' });
    expect(decodeBytes(fx('enc/utf16be-bom.txt'), 'auto', 'x')).toEqual({ text: want, encoding: 'utf-16be' });
  });

  it('recognises BOM-less UTF-16LE Arabic', () => {
    expect(decodeBytes(fx('enc/utf16le-nobom.txt'), 'auto', 'x')).toEqual({
      text: 'كتب محمد رسالة طويلة إلى صديقه في 2024.\n',
      encoding: 'utf-16le',
    });
  });

  it('recognises BOM-less UTF-16BE of pure ASCII (valid UTF-8 too, but UTF-16 is tested first)', () => {
    const buf = Buffer.from('hello world\n', 'utf16le').swap16();
    expect(decodeBytes(buf, 'auto', 'x')).toEqual({ text: 'hello world\n', encoding: 'utf-16be' });
  });

  it('decodes Windows-1256 Arabic and keeps CRLF exactly', () => {
    const r = decodeBytes(fx('enc/cp1256-crlf.txt'), 'auto', 'x');
    expect(r).toEqual({ text: AR_CP1256, encoding: 'windows-1256' });
  });

  it('refuses Latin-1 text instead of guessing', () => {
    expect(decodeBytes(fx('enc/latin1-french.txt'), 'auto', 'x')).toEqual({
      error: 'not valid UTF-8 and not recognisable as Windows-1256 (use --encoding)',
    });
  });

  it('refuses pseudo-random high bytes', () => {
    let seed = 12345;
    const bytes = Buffer.alloc(4000);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = 0x20 + (seed % 0xe0);
    }
    expect(decodeBytes(bytes, 'auto', 'x')).toEqual({
      error: 'not valid UTF-8 and not recognisable as Windows-1256 (use --encoding)',
    });
  });

  it('returns an empty string for a BOM-only buffer', () => {
    expect(decodeBytes(fx('enc/bom-only.txt'), 'auto', 'x')).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('rejects a UTF-8 BOM followed by invalid bytes, naming the byte', () => {
    const buf = Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xff]);
    expect(decodeBytes(buf, 'auto', 'x')).toEqual({ error: 'not valid UTF-8 (byte 0xff at offset 4)' });
  });
});

describe('decodeBytes, forced encoding', () => {
  it('accepts cp1256 labels in any case', () => {
    const latin = fx('enc/latin1-french.txt');
    const want = { text: 'Le café était très chaud à Noël, dit Zoë.\n', encoding: 'windows-1256' };
    expect(decodeBytes(latin, 'cp1256', 'x')).toEqual(want);
    expect(decodeBytes(latin, 'Windows-1256', 'x')).toEqual(want);
  });

  it('forced UTF-8 names the first bad byte', () => {
    expect(decodeBytes(fx('enc/cp1256-crlf.txt'), 'utf-8', 'x')).toEqual({ error: 'not valid UTF-8 (byte 0xd0 at offset 0)' });
  });

  it('decodes ISO-8859-6 and rejects bytes it does not define', () => {
    expect(decodeBytes(Buffer.from([0xc7, 0xe4, 0x20, 0x41]), 'iso-8859-6', 'x')).toEqual({ text: 'ال A', encoding: 'iso-8859-6' });
    expect(decodeBytes(Buffer.from([0xc7, 0xdb]), 'iso-8859-6', 'x')).toEqual({
      error: 'not valid iso-8859-6 (bytes that the encoding does not define)',
    });
  });

  it('forced UTF-16 reports odd lengths and unpaired surrogates', () => {
    expect(decodeBytes(Buffer.from([0x41, 0x00, 0x42]), 'utf-16le', 'x')).toEqual({ error: 'not valid UTF-16LE (odd number of bytes)' });
    expect(decodeBytes(Buffer.from([0x00, 0xd8, 0x41, 0x00]), 'utf-16le', 'x')).toEqual({ error: 'not valid UTF-16LE (unpaired surrogate)' });
    expect(decodeBytes(Buffer.from([0x06, 0x27, 0x00, 0x0a]), 'utf-16be', 'x')).toEqual({ text: 'ا\n', encoding: 'utf-16be' });
  });

  it('rejects unknown labels, including ones WHATWG maps to "replacement"', () => {
    expect(decodeBytes(fx('enc/utf8.txt'), 'klingon', 'x')).toEqual({ error: "unknown encoding 'klingon'" });
    expect(decodeBytes(fx('enc/utf8.txt'), 'iso-2022-kr', 'x')).toEqual({ error: "unknown encoding 'iso-2022-kr'" });
  });

  it('lets a BOM win over a forced encoding', () => {
    expect(decodeBytes(fx('enc/utf8-bom.txt'), 'windows-1256', 'x')).toEqual({ text: 'نص مع علامة BOM\n', encoding: 'utf-8' });
  });

  it('canonicalises labels', () => {
    expect(canonicalEncoding('CP1256')).toBe('windows-1256');
    expect(canonicalEncoding('utf-16')).toBe('utf-16le');
    expect(canonicalEncoding('nope')).toBeNull();
  });
});

describe('isBinary', () => {
  it('flags NUL bytes that are not UTF-16', () => {
    expect(isBinary(fx('enc/binary.png.txt'))).toBe(true);
    expect(isBinary(Buffer.from('abc\0def'))).toBe(true);
  });

  it('does not flag text or UTF-16 (with or without BOM, or forced)', () => {
    expect(isBinary(fx('enc/utf8.txt'))).toBe(false);
    expect(isBinary(fx('enc/utf16le-bom.txt'))).toBe(false);
    expect(isBinary(fx('enc/utf16be-bom.txt'))).toBe(false);
    expect(isBinary(fx('enc/utf16le-nobom.txt'))).toBe(false);
    expect(isBinary(Buffer.from('中文', 'utf16le'), 'utf-16le')).toBe(false);
  });

  it('flags U+0000 code units inside UTF-16', () => {
    expect(isBinary(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0x00]))).toBe(true);
  });

  it('only looks at the first 64 KiB', () => {
    const buf = Buffer.alloc(70 * 1024, 0x61);
    buf[69 * 1024] = 0;
    expect(isBinary(buf)).toBe(false);
    buf[100] = 0;
    expect(isBinary(buf)).toBe(true);
  });
});

describe('sniffers', () => {
  it('UTF-16 sniffing needs NULs on one side only', () => {
    expect(sniffUtf16NoBom(Buffer.from('abc', 'utf16le'))).toBe('utf-16le');
    expect(sniffUtf16NoBom(fx('enc/binary.png.txt'))).toBeNull();
    expect(sniffUtf16NoBom(Buffer.from('abcdef'))).toBeNull();
  });

  it('cp1256 heuristic wants Arabic words, not isolated accents', () => {
    expect(looksLikeCp1256Arabic(fx('enc/cp1256-crlf.txt'))).toBe(true);
    // 0xC7 is "Ç" in Latin-1 and "ا" in cp1256: isolated between ASCII letters it is not Arabic.
    expect(looksLikeCp1256Arabic(Buffer.from('Fran\xc7ois \xc7a va', 'latin1'))).toBe(false);
    // One Arabic word (6 bytes) among 10 Latin accents: 6/16 high bytes Arabic, below the 70% bar.
    const mostlyLatin = Buffer.concat([Buffer.from([0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3]), Buffer.from(' \xe9t\xe9 \xe0 \xe8 \xfc \xe9 \xe2 \xee \xf4 \xfb', 'latin1')]);
    expect(looksLikeCp1256Arabic(mostlyLatin)).toBe(false);
    expect(looksLikeCp1256Arabic(Buffer.concat([mostlyLatin.subarray(0, 6), Buffer.from(' \xe9t\xe9', 'latin1')]))).toBe(true);
    // Control bytes beyond 1% mean it is not text at all.
    expect(looksLikeCp1256Arabic(Buffer.from([0xc7, 0xe1, 0x01, 0x02, 0x20, 0xc7, 0xe1]))).toBe(false);
  });

  it('finds the first invalid UTF-8 byte', () => {
    expect(firstInvalidUtf8(Buffer.from('ok'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from('نص'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2); // truncated
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // > U+10FFFF
  });
});
