import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, corpus } from './run.js';

/*
 * fixtures/cli/small.txt, counted by hand:
 *   قال الرئيسُ إن المغرب شريك ، وإن المغرب قوي .   -> 8 Arabic words, 2 punctuation
 *   هل وصل الوفد ؟                                  -> 3 Arabic words, 1 punctuation
 *   زار 3 وزراء من FBI في 2024 .                    -> 4 Arabic, 1 Latin, 2 numbers, 1 punctuation
 * tokens 22, words 16, types 15 (المغرب twice; إن and وإن differ), hapax 14, sentences 3,
 * one diacritized Arabic word of 15 (الرئيسُ), normalized word lengths sum to 58.
 */
describe('corpus stats on a hand-counted text', () => {
  const r = corpus(['stats', 'fixtures/cli/small.txt', '--format', 'json']);
  const s = JSON.parse(r.stdout);

  it('exits 0 and prints the figures at the top level', () => {
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(s).toMatchObject({
      documents: 1, tokens: 22, words: 16, arabic_tokens: 15, latin_tokens: 1, number_tokens: 2, punctuation: 4,
      types: 15, hapax: 14, sentences: 3, ttr: 0.9375, ttr_1000: null, mean_token_length: 3.625, mean_sentence_tokens: 6,
      diacritized_share: 0.066667,
    });
    expect(s.characters).toBe([...readFileSync(join(ROOT, 'fixtures/cli/small.txt'), 'utf8')].length);
  });

  it('counts the diacritized word whatever the normalization keeps', () => {
    for (const profile of ['none', 'light', 'aggressive']) {
      const other = JSON.parse(corpus(['stats', 'fixtures/cli/small.txt', '--format', 'json', '--normalize', profile]).stdout);
      expect(other.diacritized_share, profile).toBe(0.066667);
    }
  });

  it('ranks the repeated word first', () => {
    expect(s.top_words[0]).toEqual({ rank: 1, word: 'المغرب', count: 2, per_million: 125000 });
  });
});

describe('corpus stats on the seeds', () => {
  it('reads seeds/ by default, as JSONL on a pipe', () => {
    const r = corpus(['stats']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const s = JSON.parse(lines[0]);
    expect(s.documents).toBe(5);
    const chars = readdirSync(join(ROOT, 'seeds')).reduce((a, f) => a + [...readFileSync(join(ROOT, 'seeds', f), 'utf8')].length, 0);
    expect(s.characters).toBe(chars);
    expect(s.words).toBe(s.arabic_tokens + s.latin_tokens + s.mixed_tokens + s.other_script_tokens);
    expect(s.types).toBeLessThan(s.words);
    expect(s.ttr_1000).toBeGreaterThan(s.ttr);
    expect(s.top_words).toHaveLength(20);
  });

  it('--per-doc gives one row per document, then the corpus row', () => {
    const r = corpus(['stats', '--per-doc', '--format', 'jsonl', '--top', '3']);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((x) => x.scope)).toEqual(['doc', 'doc', 'doc', 'doc', 'doc', 'corpus']);
    expect(rows[0].doc).toBe('seeds/000_aab43c37fd4f46ea.txt');
    const corpusRow = rows[5];
    for (const key of ['tokens', 'words', 'sentences', 'characters', 'punctuation']) {
      expect(rows.slice(0, 5).reduce((a, x) => a + x[key], 0), key).toBe(corpusRow[key]);
    }
    expect(rows[0].top_words).toHaveLength(3);
  });

  it('gives the same figures in worker threads as in one thread', () => {
    const one = JSON.parse(corpus(['stats', '--jobs', '1', '--format', 'json']).stdout);
    const env = { CORPUS_PARALLEL_MIN_BYTES: '0' };
    const two = JSON.parse(corpus(['stats', '--jobs', '2', '--format', 'json'], { env }).stdout);
    expect(two).toEqual(one);
    // two worker threads beside the main thread, groups handed to whichever is free; per-doc rows stay in input order
    const inputs = ['seeds', 'fixtures/dates/news.jsonl', 'fixtures/entities/sentences.jsonl'];
    const a = corpus(['stats', ...inputs, '--per-doc', '--format', 'jsonl', '--jobs', '1']).stdout;
    const b = corpus(['stats', ...inputs, '--per-doc', '--format', 'jsonl', '--jobs', '3'], { env }).stdout;
    expect(b).toBe(a);
    expect(a.trim().split('\n').length).toBeGreaterThan(10);
  });

  it('prints a table on request, CSV with a header, TSV', () => {
    const table = corpus(['stats', '--format', 'table']);
    expect(table.stdout).toContain('documents');
    expect(table.stdout).toContain('المغرب');
    const csv = corpus(['stats', '--format', 'csv']).stdout.split('\n');
    expect(csv[0].startsWith('documents,characters,tokens,words,')).toBe(true);
    expect(csv[1].startsWith('5,')).toBe(true);
    const tsv = corpus(['stats', '--format', 'tsv']).stdout.split('\n');
    expect(tsv[0].split('\t')[0]).toBe('documents');
  });

  it('keeps input order of per-document rows when workers take groups of files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-order-'));
    const seeds = readdirSync(join(ROOT, 'seeds')).map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8'));
    for (let i = 0; i < 24; i++) writeFileSync(join(dir, `doc${String(i).padStart(2, '0')}.txt`), seeds[i % 5].slice(0, 500 + 97 * i));
    const args = ['stats', dir, '--per-doc', '--format', 'jsonl', '--top', '2'];
    const one = corpus([...args, '--jobs', '1']).stdout;
    const two = corpus([...args, '--jobs', '2'], { env: { CORPUS_PARALLEL_MIN_BYTES: '0' } }).stdout;
    expect(two).toBe(one);
    expect(one.trim().split('\n')).toHaveLength(25);
  });
});

describe('corpus stats reads JSONL text straight from the bytes when it can, with the same figures', () => {
  // lines the byte reader takes (flat objects, escapes, emoji, diacritics, other fields of every
  // kind) and lines it leaves to JSON.parse (a BOM, a nested field, an escaped key, bad JSON,
  // a missing text): the figures must not depend on which path read which line
  const lines = [
    '\ufeff{"id":"a","text":"قال الرئيسُ إن المغرب شريك."}',
    '{"id":"b","title":"عنوان","n":-1.5e3,"ok":true,"z":null,"text":"زار 3 وزراء من FBI في 2024.\\nوعاد \\"غدا\\" 😀 \\u0041"}',
    '{"id":"c","meta":{"source":"x"},"text":"هل وصل الوفد؟"}',
    '{"i\\u0064":"d","text":"المغرب والمغرب"}',
    '{"id":"e","text":"نص مكسور"',
    '{"id":"f"}',
    '  {"text" : "مسافات حول الحقول" , "id" : 7 }\r',
    '',
  ];
  const dir = mkdtempSync(join(tmpdir(), 'corpus-fast-'));
  const file = join(dir, 'mixed.jsonl');
  writeFileSync(file, lines.map((l) => l + '\n').join('').repeat(40));
  const env = { CORPUS_PARALLEL_MIN_BYTES: '1' };

  it('gives the figures of the per-document path (which parses every line), in one thread and in two', () => {
    const whole = corpus(['stats', file, '--format', 'json'], { env });
    const oneThread = corpus(['stats', file, '--format', 'json', '--jobs', '1']);
    const perDoc = corpus(['stats', file, '--per-doc', '--format', 'jsonl', '--jobs', '1']);
    expect(whole.code).toBe(1); // the bad lines are input errors, reported
    const corpusRow = JSON.parse(perDoc.stdout.trim().split('\n').pop()!);
    const { scope, doc, ...figures } = corpusRow;
    expect([scope, doc]).toEqual(['corpus', null]);
    const unranked = (out: string) => {
      const j = JSON.parse(out);
      return { ...j, top_words: j.top_words.map(({ rank: _rank, ...w }: { rank: number }) => w) };
    };
    expect(unranked(whole.stdout)).toEqual(figures);
    expect(unranked(oneThread.stdout)).toEqual(figures);
    // a, b, c, d and the spaced line, 40 times, but a line with a BOM that is not the file's first
    expect(figures.documents).toBe(1 + 40 * 4);
    // the same diagnostics, with the same line numbers
    const diags = (r: { stderr: string }) => r.stderr.split('\n').filter((l) => l.includes('mixed.jsonl:')).sort();
    expect(diags(whole)).toEqual(diags(perDoc));
    expect(diags(whole)).toHaveLength(39 + 40 + 40);
    expect(diags(whole)[0]).toMatch(/mixed\.jsonl:\d+: /);
  });
});
