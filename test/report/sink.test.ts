import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { createSink, installEpipeExit } from '../../src/report/sink.js';
import { brokenPipe, memoryStream } from './helpers.js';

describe('backpressure', () => {
  test('a slow reader gets every row, in order, and the buffer stays small', async () => {
    const out = memoryStream({ delayMs: 1, highWaterMark: 64 });
    const sink = createSink(out.stream, { chunkSize: 0 });
    const lines = Array.from({ length: 150 }, (_, i) => `{"n":${i},"w":"كلمة"}\n`);
    for (const line of lines) await sink.write(line);
    await sink.end();
    expect(out.text()).toBe(lines.join(''));
    // Had write() ignored backpressure, all 150 rows (> 3 KB) would have queued in the stream.
    expect(out.maxBuffered()).toBeLessThanOrEqual(64 + lines[149].length);
  });

  test('small writes are gathered into chunks and all flushed by end()', async () => {
    const out = memoryStream();
    const sink = createSink(out.stream, { chunkSize: 10 });
    for (const s of ['abc', 'def', 'ghij', 'k', 'lm']) await sink.write(s);
    expect(out.chunks).toEqual(['abcdefghij']);
    await sink.end();
    expect(out.chunks).toEqual(['abcdefghij', 'klm']);
  });

  test('endStream ends the stream after the last write', async () => {
    const out = memoryStream();
    const sink = createSink(out.stream, { endStream: true });
    await sink.write('x\n');
    await sink.end();
    expect(out.text()).toBe('x\n');
    expect(out.stream.writableFinished).toBe(true);
  });
});

describe('EPIPE', () => {
  test('a closed reader ends output quietly: no throw, sink closed, signal aborted', async () => {
    const pipe = brokenPipe();
    const sink = createSink(pipe.stream, { chunkSize: 0 });
    expect(sink.closed).toBe(false);
    await sink.write('first\n');
    await new Promise((r) => setImmediate(r));
    expect(sink.closed).toBe(true);
    expect(sink.signal.aborted).toBe(true);
    await expect(sink.write('second\n')).resolves.toBeUndefined();
    await expect(sink.end()).resolves.toBeUndefined();
    expect(pipe.writes()).toBe(1);
  });

  test('EPIPE found only at end() is quiet too', async () => {
    const pipe = brokenPipe();
    const sink = createSink(pipe.stream);
    await sink.write('queued\n');
    await expect(sink.end()).resolves.toBeUndefined();
    expect(sink.closed).toBe(true);
  });

  test('installEpipeExit exits 0 on EPIPE and ignores other errors', () => {
    const pipe = brokenPipe();
    const codes: number[] = [];
    installEpipeExit(pipe.stream, (code) => codes.push(code));
    pipe.stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(codes).toEqual([0]);
    createSink(pipe.stream); // the sink's listener keeps the ENOSPC below from being unhandled
    pipe.stream.emit('error', Object.assign(new Error('no space'), { code: 'ENOSPC' }));
    expect(codes).toEqual([0]);
  });
});

test('other stream errors are reported by the next write/end', async () => {
  const out = memoryStream();
  const sink = createSink(out.stream, { chunkSize: 0 });
  const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  out.stream.destroy(enospc);
  await new Promise((r) => setImmediate(r));
  expect(sink.closed).toBe(true);
  await expect(sink.write('x')).rejects.toBe(enospc);
  await expect(sink.end()).rejects.toBe(enospc);
});

describe('EPIPE on a real process.stdout', () => {
  // The child runs the sink over its real stdout, a pipe we close after the first bytes.
  const dir = mkdtempSync(join(tmpdir(), 'corpus-sink-'));
  const source = readFileSync(new URL('../../src/report/sink.ts', import.meta.url), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  writeFileSync(join(dir, 'sink.mjs'), js.outputText);

  const run = (script: string) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      writeFileSync(join(dir, 'child.mjs'), script);
      const child = spawn(process.execPath, [join(dir, 'child.mjs')], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', (code) => resolve({ code, stderr }));
    });

  test('installEpipeExit: exit code 0, nothing on stderr', async () => {
    const result = await run(`
      import { createSink, installEpipeExit } from './sink.mjs';
      installEpipeExit();
      const sink = createSink();
      for (let i = 0; ; i++) await sink.write('line ' + i + '\\n');
    `);
    expect(result).toEqual({ code: 0, stderr: '' });
  });

  test('sink alone: the producing loop sees closed and stops', async () => {
    const result = await run(`
      import { createSink } from './sink.mjs';
      const sink = createSink();
      for (let i = 0; !sink.closed; i++) await sink.write('line ' + i + '\\n');
      await sink.end();
      process.stderr.write('stopped\\n');
    `);
    expect(result).toEqual({ code: 0, stderr: 'stopped\n' });
  });
});
