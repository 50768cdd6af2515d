import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planInputs } from '../../src/io/sources.js';
import type { Diagnostic, InputTask } from '../../src/io/types.js';
import { FIX, OPTS, isRoot, opts, tempDir } from './helpers.js';

async function plan(paths: string[], o = OPTS, stdinFormat?: 'text' | 'jsonl'): Promise<{ tasks: InputTask[]; diags: Diagnostic[] }> {
  const diags: Diagnostic[] = [];
  const tasks = await planInputs(paths, o, (d) => diags.push(d), stdinFormat);
  return { tasks, diags };
}

/** Shorten absolute fixture paths so assertions read like the user typed relative paths. */
const rel = (s: string): string => (s.startsWith(FIX) ? s.slice(FIX.length) : s);

describe('planInputs: folders', () => {
  it('walks recursively in code-unit path order, skipping hidden entries and other extensions', async () => {
    const { tasks, diags } = await plan([FIX + 'tree']);
    expect(diags).toEqual([]);
    expect(tasks.map((t) => [rel(t.display), rel(t.path), t.format, t.gzip, t.size])).toEqual([
      ['tree/UPPER.TXT', 'tree/UPPER.TXT', 'text', false, 6],
      ['tree/a.md', 'tree/a.md', 'text', false, 5],
      ['tree/b.txt', 'tree/b.txt', 'text', false, 3],
      ['tree/sub-x.txt', 'tree/sub-x.txt', 'text', false, 6],
      ['tree/sub/blob.txt', 'tree/sub/blob.txt', 'text', false, 16],
      ['tree/sub/d.txt.gz', 'tree/sub/d.txt.gz', 'text', true, 23],
      ['tree/sub/deeper/c.jsonl', 'tree/sub/deeper/c.jsonl', 'jsonl', false, 23],
    ]);
  });

  it('keeps the folder spelling the user gave, trailing slash included', async () => {
    const { tasks } = await plan([FIX + 'tree/sub/']);
    expect(tasks.map((t) => rel(t.display))).toEqual(['tree/sub/blob.txt', 'tree/sub/d.txt.gz', 'tree/sub/deeper/c.jsonl']);
  });

  it('uses the extension list (dots optional) and names it in the empty-folder warning', async () => {
    const { tasks } = await plan([FIX + 'tree'], opts({ extensions: ['.csv'] }));
    expect(tasks.map((t) => rel(t.display))).toEqual(['tree/notes.csv']);
    const { tasks: none, diags } = await plan([FIX + 'tree'], opts({ extensions: ['xml', 'html'] }));
    expect(none).toEqual([]);
    expect(diags).toEqual([{ severity: 'warning', path: FIX + 'tree', message: 'no .xml/.html files in this folder' }]);
  });

  it('warns about an empty folder', async () => {
    const dir = tempDir();
    const { tasks, diags } = await plan([dir]);
    expect(tasks).toEqual([]);
    expect(diags).toEqual([{ severity: 'warning', path: dir, message: 'no .txt/.md/.jsonl/.ndjson files in this folder' }]);
  });

  it('follows symlinks, skips loops and warns about broken links', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'a');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'b.txt'), 'bb');
    symlinkSync('..', join(dir, 'sub', 'up'));
    symlinkSync('a.txt', join(dir, 'link.txt'));
    symlinkSync('nowhere.txt', join(dir, 'gone.txt'));
    const { tasks, diags } = await plan([dir]);
    expect(tasks.map((t) => [t.display.slice(dir.length), t.size])).toEqual([
      ['/a.txt', 1],
      ['/link.txt', 1],
      ['/sub/b.txt', 2],
    ]);
    expect(diags).toEqual([
      { severity: 'warning', path: `${dir}/gone.txt`, message: 'broken symbolic link, skipped' },
      { severity: 'warning', path: `${dir}/sub/up`, message: 'symbolic link loop, skipped' },
    ]);
  });

  it.skipIf(isRoot)('reports an unreadable subfolder and continues with the rest', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'a');
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'b.txt'), 'b');
    chmodSync(join(dir, 'locked'), 0o000);
    try {
      const { tasks, diags } = await plan([dir]);
      expect(tasks.map((t) => t.display)).toEqual([`${dir}/a.txt`]);
      expect(diags).toEqual([{ severity: 'error', path: `${dir}/locked`, message: 'permission denied' }]);
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });
});

describe('planInputs: files and errors', () => {
  it('reads an explicit file whatever its extension, format from the name', async () => {
    const { tasks, diags } = await plan([FIX + 'loose/data.log', FIX + 'gz/docs.jsonl.gz', FIX + 'jsonl/docs.jsonl']);
    expect(diags).toEqual([]);
    expect(tasks.map((t) => ({ ...t, path: rel(t.path), display: rel(t.display) }))).toEqual([
      { path: 'loose/data.log', display: 'loose/data.log', format: 'text', gzip: false, size: 40 },
      { path: 'gz/docs.jsonl.gz', display: 'gz/docs.jsonl.gz', format: 'jsonl', gzip: true, size: 51 },
      { path: 'jsonl/docs.jsonl', display: 'jsonl/docs.jsonl', format: 'jsonl', gzip: false, size: 341 },
    ]);
  });

  it('reports missing paths, non-regular files and bad path components, and keeps going', async () => {
    const { tasks, diags } = await plan([FIX + 'nope.txt', '/dev/null', FIX + 'enc/utf8.txt/x', FIX + 'enc/utf8.txt']);
    expect(tasks.map((t) => rel(t.display))).toEqual(['enc/utf8.txt']);
    expect(diags).toEqual([
      { severity: 'error', path: FIX + 'nope.txt', message: 'no such file or directory' },
      { severity: 'error', path: '/dev/null', message: 'not a regular file' },
      { severity: 'error', path: FIX + 'enc/utf8.txt/x', message: 'not a directory (a path component is a file)' },
    ]);
  });

  it.skipIf(isRoot)('reports a file without read permission', async () => {
    const dir = tempDir();
    const f = join(dir, 'secret.txt');
    writeFileSync(f, 'x');
    chmodSync(f, 0o000);
    const { tasks, diags } = await plan([f]);
    expect(tasks).toEqual([]);
    expect(diags).toEqual([{ severity: 'error', path: f, message: 'permission denied' }]);
  });
});

describe('planInputs: stdin', () => {
  it('marks stdin for sniffing unless the format is given', async () => {
    expect((await plan(['-'])).tasks).toEqual([{ path: '-', display: '-', format: 'text', gzip: false, size: 0, sniffFormat: true }]);
    expect((await plan(['-'], OPTS, 'jsonl')).tasks).toEqual([{ path: '-', display: '-', format: 'jsonl', gzip: false, size: 0 }]);
    expect((await plan(['-'], OPTS, 'text')).tasks).toEqual([{ path: '-', display: '-', format: 'text', gzip: false, size: 0 }]);
  });

  it('reads stdin once when given twice', async () => {
    const { tasks, diags } = await plan(['-', '-'], OPTS, 'text');
    expect(tasks.length).toBe(1);
    expect(diags).toEqual([{ severity: 'warning', path: '-', message: 'stdin given more than once, read once' }]);
  });
});
