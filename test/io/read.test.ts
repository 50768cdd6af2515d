import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readDocBatches, readDocs } from '../../src/io/read.js';
import type { InputTask } from '../../src/io/types.js';
import { FIX, chunked, fixTask, isRoot, opts, readAll, task, tempDir } from './helpers.js';

const stdinTask = (over: Partial<InputTask> = {}): InputTask => ({ path: '-', display: '-', format: 'text', gzip: false, size: 0, sniffFormat: true, ...over });
const textDoc = (id: string, text: string) => ({ id, text, meta: {}, source: id });

describe('readDocs: text files', () => {
  it('yields one doc per file with the display path as id', async () => {
    expect(await readAll(fixTask('enc/utf8.txt'))).toEqual({ docs: [textDoc('enc/utf8.txt', 'مرحبا بالعالم\nسطر ثان\n')], diags: [] });
    expect(await readAll(fixTask('enc/cp1256-crlf.txt'))).toEqual({
      docs: [textDoc('enc/cp1256-crlf.txt', 'ذهب الطالب إلى المكتبة صباحاً.\r\nوقرأ كتاباً عن تاريخ الأندلس.\r\n')],
      diags: [],
    });
    expect((await readAll(fixTask('enc/utf16be-bom.txt'))).docs).toEqual([textDoc('enc/utf16be-bom.txt', 'السلام عليكم\r\nHello\r\n')]);
  });

  it('skips empty, BOM-only and binary files with a warning', async () => {
    for (const f of ['enc/empty.txt', 'enc/bom-only.txt']) {
      expect(await readAll(fixTask(f))).toEqual({ docs: [], diags: [{ severity: 'warning', path: f, message: 'empty file, skipped' }] });
    }
    expect(await readAll(fixTask('enc/binary.png.txt'))).toEqual({
      docs: [],
      diags: [{ severity: 'warning', path: 'enc/binary.png.txt', message: 'binary file, skipped' }],
    });
  });

  it('reports undecodable files as errors; a forced encoding decodes them', async () => {
    expect(await readAll(fixTask('enc/latin1-french.txt'))).toEqual({
      docs: [],
      diags: [{ severity: 'error', path: 'enc/latin1-french.txt', message: 'not valid UTF-8 and not recognisable as Windows-1256 (use --encoding)' }],
    });
    expect((await readAll(fixTask('enc/latin1-french.txt'), opts({ encoding: 'windows-1256' }))).docs).toEqual([
      textDoc('enc/latin1-french.txt', 'Le café était très chaud à Noël, dit Zoë.\n'),
    ]);
    expect((await readAll(fixTask('enc/utf8.txt'), opts({ encoding: 'bogus' }))).diags).toEqual([
      { severity: 'error', path: 'enc/utf8.txt', message: "unknown encoding 'bogus'" },
    ]);
  });

  it('reports missing files and directories read as files', async () => {
    expect((await readAll(fixTask('enc/missing.txt'))).diags).toEqual([{ severity: 'error', path: 'enc/missing.txt', message: 'no such file or directory' }]);
    expect((await readAll(fixTask('tree'))).diags).toEqual([{ severity: 'error', path: 'tree', message: 'is a directory' }]);
    expect((await readAll(task(FIX + 'tree', 'tree.jsonl'))).diags).toEqual([{ severity: 'error', path: 'tree.jsonl', message: 'is a directory' }]);
  });

  it.skipIf(isRoot)('reports unreadable files', async () => {
    const f = join(tempDir(), 'secret.txt');
    writeFileSync(f, 'x');
    chmodSync(f, 0o000);
    expect((await readAll(task(f, 'secret.txt'))).diags).toEqual([{ severity: 'error', path: 'secret.txt', message: 'permission denied' }]);
  });

  it('reads a 20 MB single-line file as one doc', async () => {
    const f = join(tempDir(), 'huge.txt');
    const text = 'كلمة '.repeat(2_000_000) + 'نهاية';
    writeFileSync(f, text);
    const { docs, diags } = await readAll(task(f, 'huge.txt'));
    expect(diags).toEqual([]);
    expect(docs.length).toBe(1);
    expect(docs[0].text.length).toBe(text.length);
    expect(docs[0].text === text).toBe(true);
  });
});

describe('readDocs: gzip', () => {
  it('decompresses text and JSONL', async () => {
    expect(await readAll(fixTask('gz/text.txt.gz'))).toEqual({ docs: [textDoc('gz/text.txt.gz', 'نص مضغوط\nسطر ثان\n')], diags: [] });
    expect(await readAll(fixTask('gz/docs.jsonl.gz'))).toEqual({
      docs: [
        { id: 'g1', text: 'أ', meta: {}, source: 'gz/docs.jsonl.gz' },
        { id: 'gz/docs.jsonl.gz:2', text: 'ب', meta: {}, source: 'gz/docs.jsonl.gz' },
      ],
      diags: [],
    });
  });

  it('reports corrupt and truncated gzip data in one line', async () => {
    expect(await readAll(fixTask('gz/corrupt.txt.gz'))).toEqual({
      docs: [],
      diags: [{ severity: 'error', path: 'gz/corrupt.txt.gz', message: 'corrupt gzip data (invalid distance too far back)' }],
    });
    expect(await readAll(fixTask('gz/truncated.jsonl.gz'))).toEqual({
      docs: [],
      diags: [{ severity: 'error', path: 'gz/truncated.jsonl.gz', message: 'truncated gzip data (unexpected end of file)' }],
    });
  });

  it('keeps the docs decoded before the gzip stream broke', async () => {
    const f = join(tempDir(), 'cut.jsonl.gz');
    const full = gzipSync(Buffer.from('{"id":"x","text":"نص"}\n'.repeat(20000)));
    writeFileSync(f, full.subarray(0, Math.floor(full.length * 0.8)));
    const { docs, diags } = await readAll(task(f, 'cut.jsonl.gz'));
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.length).toBeLessThan(20000);
    expect(docs.every((d) => d.id === 'x' && d.text === 'نص')).toBe(true);
    expect(diags).toEqual([{ severity: 'error', path: 'cut.jsonl.gz', message: 'truncated gzip data (unexpected end of file)' }]);
  });
});

describe('readDocs: JSONL', () => {
  it('yields good lines and reports each bad line with its whole-file line number', async () => {
    const src = 'jsonl/docs.jsonl';
    expect(await readAll(fixTask(src))).toEqual({
      docs: [
        { id: 'a1', text: 'النص الأول', meta: { date: '2018-02-18', tags: ['x', 'y'] }, source: src },
        { id: `${src}:6`, text: 'بدون معرف', meta: { source: 'bbc' }, source: src },
        { id: '8', text: 'رقم', meta: { title: null }, source: src },
        { id: `${src}:10`, text: 'معرف فارغ', meta: {}, source: src },
      ],
      diags: [
        { severity: 'error', path: `${src}:2`, message: 'invalid JSON (Expected double-quoted property name in JSON at position 32)' },
        { severity: 'error', path: `${src}:3`, message: 'not a JSON object (got array)' },
        { severity: 'error', path: `${src}:4`, message: 'no string field "text"' },
        { severity: 'error', path: `${src}:8`, message: 'no string field "text" (found number)' },
      ],
    });
  });

  it('gives the same documents in batches, one batch per chunk read, line numbers kept across chunks', async () => {
    const dir = tempDir();
    const path = join(dir, 'big.jsonl');
    // about 3 MB: three 1 MB chunks, lines cut at the chunk edges; every 500th line has no id, line 2500 is bad
    const lines: string[] = [];
    for (let i = 1; i <= 9000; i++) {
      if (i === 2500) lines.push('{"text": oops}');
      else if (i % 500 === 0) lines.push(JSON.stringify({ text: `بدون معرف ${i} ${'ن'.repeat(150)}` }));
      else lines.push(JSON.stringify({ id: `d${i}`, text: `وثيقة رقم ${i} ${'س'.repeat(150)}` }));
    }
    writeFileSync(path, lines.join('\n') + '\n');
    const flat = await readAll(task(path, 'big.jsonl'));
    const diags: unknown[] = [];
    const batches: number[] = [];
    const docs = [];
    for await (const batch of readDocBatches(task(path, 'big.jsonl'), opts(), (d) => diags.push(d))) {
      batches.push(batch.length);
      docs.push(...batch);
    }
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(docs).toEqual(flat.docs);
    expect(diags).toEqual(flat.diags);
    expect(docs).toHaveLength(8999);
    expect(docs[498].id).toBe('d499');
    expect(docs[499].id).toBe('big.jsonl:500');
    expect(diags).toEqual([{ severity: 'error', path: 'big.jsonl:2500', message: expect.stringContaining('invalid JSON') }]);
  });

  it('handles a UTF-8 BOM, CRLF line ends, blank lines and a last line without newline', async () => {
    const src = 'jsonl/crlf-bom.jsonl';
    expect(await readAll(fixTask(src))).toEqual({
      docs: [
        { id: 'c1', text: 'سطر\r\nبنهاية CRLF', meta: {}, source: src },
        { id: `${src}:2`, text: 'ثان', meta: {}, source: src },
        { id: 'c3', text: 'ثالث', meta: { n: 3 }, source: src },
      ],
      diags: [],
    });
  });

  it('honours textField and idField and keeps both out of meta', async () => {
    const f = join(tempDir(), 'x.ndjson');
    writeFileSync(f, '{"url":"u1","body":"نص","text":"other","id":5}\n{"url":{"a":1},"body":"ب"}\n');
    expect((await readAll(task(f, 'x.ndjson'), opts({ textField: 'body', idField: 'url' }))).docs).toEqual([
      { id: 'u1', text: 'نص', meta: { text: 'other', id: 5 }, source: 'x.ndjson' },
      { id: '{"a":1}', text: 'ب', meta: {}, source: 'x.ndjson' },
    ]);
  });

  it('keeps a "__proto__" field as plain meta data', async () => {
    const f = join(tempDir(), 'p.jsonl');
    writeFileSync(f, '{"text":"t","__proto__":{"polluted":1}}\n');
    const { docs } = await readAll(task(f, 'p.jsonl'));
    expect(Object.getPrototypeOf(docs[0].meta)).toBe(Object.prototype);
    expect(Object.keys(docs[0].meta)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports invalid UTF-8 on its line only; a forced single-byte encoding decodes it', async () => {
    const f = join(tempDir(), 'mixed.jsonl');
    writeFileSync(f, Buffer.concat([
      Buffer.from('{"id":"ok","text":"سليم"}\n{"id":"bad","text":"'),
      Buffer.from([0xc7, 0xe1]), // "ال" in cp1256
      Buffer.from('"}\n{"id":"ok2","text":"abc"}\n'),
    ]));
    expect(await readAll(task(f, 'mixed.jsonl'))).toEqual({
      docs: [
        { id: 'ok', text: 'سليم', meta: {}, source: 'mixed.jsonl' },
        { id: 'ok2', text: 'abc', meta: {}, source: 'mixed.jsonl' },
      ],
      diags: [{ severity: 'error', path: 'mixed.jsonl:2', message: 'not valid UTF-8 (byte 0xc7 at byte 21 of the line; use --encoding)' }],
    });
    const forced = await readAll(task(f, 'mixed.jsonl'), opts({ encoding: 'cp1256' }));
    expect(forced.docs.map((d) => d.text)).toEqual(['ط³ظ„ظٹظ…', 'ال', 'abc']);
    expect(forced.diags).toEqual([]);
  });

  it('refuses UTF-16 and binary JSONL once per file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.jsonl'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"text":"x"}\n', 'utf16le')]));
    writeFileSync(join(dir, 'b.jsonl'), Buffer.from('{"text":"x"}\n', 'utf16le'));
    writeFileSync(join(dir, 'c.jsonl'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const msg = 'UTF-16 JSONL is not supported (convert it to UTF-8)';
    expect((await readAll(task(join(dir, 'a.jsonl'), 'a.jsonl'))).diags).toEqual([{ severity: 'error', path: 'a.jsonl', message: msg }]);
    expect((await readAll(task(join(dir, 'b.jsonl'), 'b.jsonl'))).diags).toEqual([{ severity: 'error', path: 'b.jsonl', message: msg }]);
    expect((await readAll(task(join(dir, 'c.jsonl'), 'c.jsonl'))).diags).toEqual([{ severity: 'warning', path: 'c.jsonl', message: 'binary file, skipped' }]);
    expect((await readAll(fixTask('jsonl/docs.jsonl'), opts({ encoding: 'utf-16le' }))).diags).toEqual([
      { severity: 'error', path: 'jsonl/docs.jsonl', message: 'JSONL must be UTF-8 (or an ASCII-compatible encoding), not utf-16le' },
    ]);
  });

  it('joins lines cut across 1 MiB chunks, even inside a multi-byte character', async () => {
    const f = join(tempDir(), 'edges.jsonl');
    const records: { id: string; text: string }[] = [];
    let bytes = 0;
    for (let i = 0; bytes < 3.5 * 1024 * 1024; i++) {
      const rec = { id: `r${i}`, text: 'ب'.repeat(1 + ((i * 7919) % 5000)) + ` ${i}` };
      records.push(rec);
      bytes += Buffer.byteLength(JSON.stringify(rec)) + 1;
    }
    const buf = Buffer.from(records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    // Make sure at least one chunk edge falls between the two bytes of an Arabic letter.
    const edges = [1, 2, 3].map((k) => k * 1024 * 1024);
    expect(edges.some((e) => (buf[e] & 0xc0) === 0x80)).toBe(true);
    writeFileSync(f, buf);
    const { docs, diags } = await readAll(task(f, 'edges.jsonl'));
    expect(diags).toEqual([]);
    expect(docs.map((d) => ({ id: d.id, text: d.text }))).toEqual(records);
  });

  it('reads a 20 MB line between ordinary lines', async () => {
    const f = join(tempDir(), 'big.jsonl');
    const big = 'ن'.repeat(10_000_000);
    writeFileSync(f, `{"id":"a","text":"x"}\n{"text":"${big}"}\r\n{"id":"c","text":"z"}\n`);
    const { docs, diags } = await readAll(task(f, 'big.jsonl'));
    expect(diags).toEqual([]);
    expect(docs.map((d) => [d.id, d.text.length])).toEqual([
      ['a', 1],
      ['big.jsonl:2', 10_000_000],
      ['c', 1],
    ]);
    expect(docs[1].text === big).toBe(true);
  });
});

describe('readDocs: stdin', () => {
  const jsonl = '{"id":"s1","text":"أول"}\n\n{"text":"ثان","k":1}\n';

  it('reads text stdin as one doc with id "-"', async () => {
    expect(await readAll(stdinTask(), undefined, chunked(Buffer.from('سطر\r\nآخر'), 3))).toEqual({
      docs: [{ id: '-', text: 'سطر\r\nآخر', meta: {}, source: '-' }],
      diags: [],
    });
  });

  it('detects JSONL when the first non-empty lines are all JSON objects, even in 1-byte chunks', async () => {
    const want = {
      docs: [
        { id: 's1', text: 'أول', meta: {}, source: '-' },
        { id: '-:3', text: 'ثان', meta: { k: 1 }, source: '-' },
      ],
      diags: [],
    };
    expect(await readAll(stdinTask(), undefined, chunked(Buffer.from(jsonl), 1))).toEqual(want);
    expect(await readAll(stdinTask(), undefined, chunked(Buffer.from('\uFEFF' + jsonl), 4096))).toEqual(want);
  });

  it('stays text when a line is not a JSON object or the format is fixed', async () => {
    const notJsonl = '{"text":"a"}\n{not json}\n';
    expect((await readAll(stdinTask(), undefined, chunked(Buffer.from(notJsonl), 5))).docs).toEqual([{ id: '-', text: notJsonl, meta: {}, source: '-' }]);
    expect((await readAll(stdinTask({ sniffFormat: false }), undefined, chunked(Buffer.from(jsonl), 7))).docs).toEqual([{ id: '-', text: jsonl, meta: {}, source: '-' }]);
    const forced = await readAll(stdinTask({ format: 'jsonl', sniffFormat: false }), undefined, chunked(Buffer.from('{"text":"a"}\nhello\n'), 7));
    expect(forced).toEqual({
      docs: [{ id: '-:1', text: 'a', meta: {}, source: '-' }],
      diags: [{ severity: 'error', path: '-:2', message: `invalid JSON (Unexpected token 'h', "hello" is not valid JSON)` }],
    });
  });

  it('gunzips stdin by its magic bytes and accepts string chunks', async () => {
    expect((await readAll(stdinTask(), undefined, chunked(gzipSync(Buffer.from(jsonl)), 10))).docs.map((d) => d.id)).toEqual(['s1', '-:3']);
    async function* strings(): AsyncGenerator<string> {
      yield 'مر';
      yield 'حبا';
    }
    expect((await readAll(stdinTask(), undefined, strings())).docs).toEqual([{ id: '-', text: 'مرحبا', meta: {}, source: '-' }]);
  });

  it('releases stdin when the consumer stops early', async () => {
    let released = false;
    async function* source(): AsyncGenerator<Buffer> {
      try {
        for (let i = 0; ; i++) yield Buffer.from(`{"id":"${i}","text":"t"}\n`);
      } finally {
        released = true;
      }
    }
    const ids: string[] = [];
    for await (const d of readDocs(stdinTask(), opts(), () => {}, source())) {
      ids.push(d.id);
      if (ids.length === 3) break;
    }
    expect(ids).toEqual(['0', '1', '2']);
    expect(released).toBe(true);
  });

  it('warns on empty stdin and decodes cp1256 stdin', async () => {
    expect(await readAll(stdinTask(), undefined, chunked(Buffer.alloc(0), 1))).toEqual({
      docs: [],
      diags: [{ severity: 'warning', path: '-', message: 'empty file, skipped' }],
    });
    const cp = (await import('node:fs')).readFileSync(FIX + 'enc/cp1256-crlf.txt');
    expect((await readAll(stdinTask(), undefined, chunked(cp, 10))).docs[0].text).toBe('ذهب الطالب إلى المكتبة صباحاً.\r\nوقرأ كتاباً عن تاريخ الأندلس.\r\n');
  });
});
