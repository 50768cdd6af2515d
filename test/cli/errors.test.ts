import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, corpus } from './run.js';

describe('exit codes and one-line errors', () => {
  it('a missing path is exit 1 with one line naming it', () => {
    const r = corpus(['stats', 'no/such/file.txt']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('corpus: no/such/file.txt: no such file or directory\n');
  });

  it('a bad file next to good ones is reported, the rest analyzed, exit 1', () => {
    const r = corpus(['stats', 'fixtures/io/enc/latin1-french.txt', 'fixtures/cli/small.txt', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).documents).toBe(1);
    expect(r.stderr).toMatch(/^corpus: fixtures\/io\/enc\/latin1-french.txt: .*UTF-8.*$/m);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a binary file in a folder is skipped with a warning and the run succeeds', () => {
    const r = corpus(['stats', 'fixtures/io/tree', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^corpus: fixtures\/io\/tree\/sub\/blob.txt: warning: binary file, skipped$/m);
    expect(JSON.parse(r.stdout).documents).toBeGreaterThan(0);
    expect(corpus(['stats', 'fixtures/io/tree', '--quiet']).stderr).toBe('');
  });

  it('a bad JSONL line is reported with its line number and skipped', () => {
    const r = corpus(['stats', 'fixtures/io/jsonl/docs.jsonl', '--format', 'json']);
    expect(r.stderr).toMatch(/^corpus: fixtures\/io\/jsonl\/docs.jsonl:\d+: /m);
    expect(JSON.parse(r.stdout).documents).toBeGreaterThan(0);
  });

  it('bad usage is exit 2', () => {
    expect(corpus(['stats', '--format', 'xml']).code).toBe(2);
    expect(corpus(['stats', '--bogus']).code).toBe(2);
    expect(corpus(['stats', '--jobs', 'zero']).code).toBe(2);
    expect(corpus(['stats', '--without', 'vowels']).stderr).toMatch(/^corpus: --without: unknown step 'vowels'/);
    expect(corpus(['nosuchcommand']).code).toBe(2);
    const enc = corpus(['stats', '--encoding', 'klingon']);
    expect(enc.code).toBe(2);
    expect(enc.stderr).toMatch(/^corpus: --encoding: unknown encoding 'klingon'/);
  });

  it('answers --version quickly', () => {
    const t0 = performance.now();
    const r = corpus(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(performance.now() - t0).toBeLessThan(2000); // generous for CI; typical ~60 ms
  });

  it('ends quietly with exit 0 when the reader closes the pipe (| head)', () => {
    const r = spawnSync('bash', ['-c', `for i in $(seq 1 400); do cat seeds/*.txt; done | node '${BIN}' normalize - | head -c 100 >/dev/null; echo "\${PIPESTATUS[1]}"`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('0');
    expect(r.stderr).toBe('');
  });

  it('ends quietly when the reader closes the pipe while worker threads and the main thread count (| head)', () => {
    // about 6 MB of JSONL (over the 4 MB at which workers start), made from the seeds
    const dir = mkdtempSync(join(tmpdir(), 'corpus-head-'));
    const text = readdirSync(join(ROOT, 'seeds')).map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8')).join('\n');
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < 6e6; i++) {
      const line = JSON.stringify({ id: `d${i}`, text });
      lines.push(line);
      size += Buffer.byteLength(line) + 1;
    }
    const file = join(dir, 'big.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    for (const cmd of ['dates', 'stats --per-doc']) {
      const t0 = performance.now();
      const r = spawnSync('bash', ['-c', `node '${BIN}' ${cmd} '${file}' --format jsonl | head -n 2 >/dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: ROOT, encoding: 'utf8' });
      expect(r.stdout.trim(), cmd).toBe('0');
      expect(r.stderr, cmd).toBe('');
      expect(performance.now() - t0, cmd).toBeLessThan(20000);
    }
  });
});

describe('stdin and formats', () => {
  it('reads stdin with -', () => {
    const r = corpus(['stats', '-', '--format', 'json'], { input: 'المغرب بلد جميل.\n' });
    expect(JSON.parse(r.stdout)).toMatchObject({ documents: 1, words: 3, punctuation: 1, sentences: 1 });
  });

  it('normalize is a filter from stdin to stdout', () => {
    const r = corpus(['normalize', '-'], { input: 'أَعْلَنَتْ وزارةُ الداخليـــة ﻻ ٢٠٢٤\n' });
    expect(r.stdout).toBe('اعلنت وزارة الداخلية لا 2024\n');
    const agg = corpus(['normalize', '-', '--normalize', 'aggressive'], { input: 'وزارة مسؤول' });
    expect(agg.stdout).toBe('وزاره مسءول\n');
  });

  it('normalize --format jsonl prints {doc, text}', () => {
    const r = corpus(['normalize', 'fixtures/cli/small.txt', '--format', 'jsonl']);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(1);
    expect(rows[0].doc).toBe('fixtures/cli/small.txt');
    expect(rows[0].text.split('\n')[0]).toBe('قال الرئيس ان المغرب شريك، وان المغرب قوي.');
  });

  it('JSONL input carries ids into per-doc rows', () => {
    const input = ['{"id":"a1","text":"المغرب بلد."}', '{"text":"تونس بلد جميل."}', ''].join('\n');
    const r = corpus(['stats', '-', '--per-doc', '--format', 'jsonl'], { input });
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((x) => x.doc)).toEqual(['a1', '-:2', null]);
    expect(rows.map((x) => x.words)).toEqual([2, 3, 5]);
  });

  it('decodes Windows-1256 files and keeps CRLF', () => {
    const r = corpus(['normalize', 'fixtures/io/enc/cp1256-crlf.txt', '--normalize', 'none', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].text).toBe('ذهب الطالب إلى المكتبة صباحاً.\r\nوقرأ كتاباً عن تاريخ الأندلس.\r\n');
    const s = JSON.parse(corpus(['stats', 'fixtures/io/enc/cp1256-crlf.txt', '--format', 'json']).stdout);
    expect(s).toMatchObject({ documents: 1, words: 10, sentences: 2, diacritized_share: 0.2 });
  });

  it('reads .gz files', () => {
    const r = corpus(['normalize', 'fixtures/io/gz/text.txt.gz']);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['نص مضغوط', 'سطر ثان']);
  });
});
