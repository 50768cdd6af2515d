import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFiner, splitTasks } from '../../src/io/split.js';
import type { Diagnostic, Doc, InputTask } from '../../src/io/types.js';
import { fixTask, readAll, task, tempDir } from './helpers.js';

function fileTask(name: string, content: string | Buffer): InputTask {
  const f = join(tempDir(), name);
  writeFileSync(f, content);
  return { ...task(f, name), size: Buffer.byteLength(content) };
}

/** Ranges must tile [0, size) exactly, and every inner edge must follow a newline. */
function expectTiling(ranges: InputTask[], buf: Buffer): void {
  expect(ranges[0].byteStart).toBe(0);
  expect(ranges[ranges.length - 1].byteEnd).toBe(buf.length);
  for (let i = 1; i < ranges.length; i++) {
    expect(ranges[i].byteStart).toBe(ranges[i - 1].byteEnd);
    expect(buf[(ranges[i].byteStart ?? 0) - 1]).toBe(0x0a);
  }
}

async function readRanges(ranges: InputTask[]): Promise<{ docs: Doc[]; diags: Diagnostic[] }> {
  const docs: Doc[] = [];
  const diags: Diagnostic[] = [];
  for (const r of ranges) {
    const out = await readAll(r);
    docs.push(...out.docs);
    diags.push(...out.diags);
  }
  return { docs, diags };
}

/** ~300 KB of JSONL with ids missing on some lines, bad lines, blank lines and CRLF; plus what it holds. */
function sampleJsonl(): { content: string; docs: number; bad: number; noId: number } {
  const lines: string[] = [];
  let docs = 0;
  let bad = 0;
  let noId = 0;
  for (let i = 0; i < 3000; i++) {
    const text = 'خبر '.repeat(1 + (i % 37)) + i;
    if (i % 97 === 0) {
      lines.push('{broken');
      bad++;
    } else if (i % 89 === 0) lines.push('');
    else if (i % 5 === 0) {
      lines.push(JSON.stringify({ text, n: i }));
      docs++;
      noId++;
    } else {
      lines.push(JSON.stringify({ id: `d${i}`, text }) + (i % 3 === 0 ? '\r' : ''));
      docs++;
    }
  }
  return { content: lines.join('\n') + '\n', docs, bad, noId };
}

describe('splitTasks', () => {
  it('cuts a big JSONL file into newline-aligned ranges whose docs equal the whole file', async () => {
    const { content, docs, bad, noId } = sampleJsonl();
    expect([docs, bad, noId]).toEqual([2936, 31, 587]);
    const whole = fileTask('s.jsonl', content);
    const ranges = splitTasks([whole], 4, 10_000);
    expect(ranges.length).toBe(4);
    expect(ranges.every((r) => r.path === whole.path && r.display === 's.jsonl' && r.format === 'jsonl')).toBe(true);
    expectTiling(ranges, readFileSync(whole.path));

    const expected = await readAll(whole);
    expect(expected.docs.length).toBe(docs);
    expect(expected.diags.length).toBe(bad);
    expect(expected.diags[1]).toEqual({ severity: 'error', path: 's.jsonl:98', message: 'invalid JSON (Expected property name or \'}\' in JSON at position 1)' });
    expect(expected.docs.filter((d) => d.id.startsWith('s.jsonl:')).length).toBe(noId);
    expect(expected.docs[4]).toEqual({ id: 's.jsonl:6', text: 'خبر '.repeat(6) + '5', meta: { n: 5 }, source: 's.jsonl' });
    expect(await readRanges(ranges)).toEqual(expected);
  });

  it('numbers lines of a later range as whole-file lines', async () => {
    const lines = Array.from({ length: 100 }, (_, i) => `{"text":"line ${i + 1}"}`);
    const t = fileTask('n.jsonl', lines.join('\n') + '\n');
    const ranges = splitTasks([t], 3, 100);
    expect(ranges.length).toBe(3);
    const last = await readAll(ranges[2]);
    expect(last.docs[0].id).toBe(`n.jsonl:${Number(last.docs[0].text.slice(5))}`);
    expect(last.docs[last.docs.length - 1]).toEqual({ id: 'n.jsonl:100', text: 'line 100', meta: {}, source: 'n.jsonl' });
  });

  it('keeps a candidate that already sits just after a newline', () => {
    const line = '{"text":"x"}\n'; // 13 bytes
    const t = fileTask('e.jsonl', line.repeat(10));
    expect(splitTasks([t], 2, 13).map((r) => [r.byteStart, r.byteEnd])).toEqual([
      [0, 65],
      [65, 130],
    ]);
  });

  it('merges ranges swallowed by a long line and drops an empty last range', async () => {
    const content = `{"id":"a","text":"${'x'.repeat(100_000)}"}\n{"id":"b","text":"y"}\n{"id":"c","text":"z"}`;
    const t = fileTask('l.jsonl', content);
    const ranges = splitTasks([t], 8, 1000);
    expect(ranges.map((r) => [r.byteStart, r.byteEnd])).toEqual([
      [0, 100_021],
      [100_021, content.length],
    ]);
    expect((await readRanges(ranges)).docs.map((d) => d.id)).toEqual(['a', 'b', 'c']);
  });

  it('leaves text, gzip, stdin, small files and parts < 2 alone', () => {
    const big = fileTask('big.jsonl', sampleJsonl().content);
    const text = { ...fixTask('enc/utf8.txt'), size: 50_000_000 };
    const gz = { ...fixTask('gz/docs.jsonl.gz'), size: 50_000_000 };
    const stdin: InputTask = { path: '-', display: '-', format: 'jsonl', gzip: false, size: 0 };
    expect(splitTasks([text, gz, stdin], 4, 1000)).toEqual([text, gz, stdin]);
    expect(splitTasks([big], 1, 1000)).toEqual([big]);
    expect(splitTasks([big], 8, big.size)).toEqual([big]);
    expect(splitTasks([big], 8, Math.floor(big.size / 2)).length).toBe(2);
  });

  it('leaves a file that vanished whole, so reading reports it', () => {
    const gone: InputTask = { path: '/nonexistent/x.jsonl', display: 'x.jsonl', format: 'jsonl', gzip: false, size: 100_000_000 };
    expect(splitTasks([gone], 4)).toEqual([gone]);
  });
});

describe('splitFiner', () => {
  it('cuts a byte range of a JSONL file into smaller newline-aligned ranges with the same documents', async () => {
    const whole = fileTask('f.jsonl', sampleJsonl().content);
    const [first, second] = splitTasks([whole], 2, 1000);
    const finer = splitFiner([first, second], 20_000);
    expect(finer.length).toBeGreaterThan(10);
    expectTiling(finer, readFileSync(whole.path));
    expect(finer.some((r) => r.byteStart === second.byteStart)).toBe(true); // the old edge stays an edge
    expect(await readRanges(finer)).toEqual(await readAll(whole));
  });

  it('leaves text, gzip and stdin tasks, and ranges already small, as they are', () => {
    const text = { ...fixTask('enc/utf8.txt'), size: 50_000_000 };
    const gz = { ...fixTask('gz/docs.jsonl.gz'), size: 50_000_000 };
    const small = fileTask('s.jsonl', '{"text":"x"}\n'.repeat(10));
    expect(splitFiner([text, gz, small], 100)).toEqual([text, gz, small]);
  });
});
