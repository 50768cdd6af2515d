import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocs } from '../../src/io/read.js';
import { formatOf } from '../../src/io/sources.js';
import { DEFAULT_EXTENSIONS, type Diagnostic, type Doc, type InputTask, type LoadOptions } from '../../src/io/types.js';

/** Absolute path of fixtures/io, with a trailing slash. */
export const FIX = fileURLToPath(new URL('../../fixtures/io/', import.meta.url));

export const OPTS: LoadOptions = { encoding: 'auto', textField: 'text', idField: 'id', extensions: DEFAULT_EXTENSIONS };

export function opts(over: Partial<LoadOptions> = {}): LoadOptions {
  return { ...OPTS, ...over };
}

/** A whole-file task for `abs`, displayed as `display` (so assertions stay machine-independent). */
export function task(abs: string, display: string, size = 0): InputTask {
  return { path: abs, display, ...formatOf(abs), size };
}

/** Fixture task displayed by its path relative to fixtures/io. */
export function fixTask(rel: string): InputTask {
  return task(FIX + rel, rel);
}

export async function readAll(
  t: InputTask,
  o: LoadOptions = OPTS,
  stdin?: AsyncIterable<Buffer | string>,
): Promise<{ docs: Doc[]; diags: Diagnostic[] }> {
  const diags: Diagnostic[] = [];
  const docs: Doc[] = [];
  for await (const d of readDocs(t, o, (x) => diags.push(x), stdin)) docs.push(d);
  return { docs, diags };
}

export function tempDir(prefix = 'corpus-io-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Feed a buffer as stdin in chunks of `size` bytes (tiny chunks stress the sniffers and splitters). */
export async function* chunked(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
