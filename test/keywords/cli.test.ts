import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, corpus } from '../cli/run.js';

const jsonl = (s: string) => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const cpSlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

describe('corpus keywords', () => {
  it('reads stdin and groups clitic forms', () => {
    const r = corpus(['keywords', '-', '--format', 'jsonl'], { input: 'زار الوزير المغرب، وقال إن بالمغرب فرصا. المغرب بلد جميل، وللمغرب تاريخ.' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rows = jsonl(r.stdout);
    expect(rows[0]).toEqual({
      rank: 1, term: 'المغرب', key: 'المغرب', count: 4, docs: 1, per_million: 333333.33,
      variants: [{ form: 'المغرب', count: 2 }, { form: 'بالمغرب', count: 1 }, { form: 'وللمغرب', count: 1 }],
    });
    expect(rows.map((x) => x.term)).not.toContain('قال');
  });

  it('prints CSV with the variants as JSON in one cell', () => {
    const r = corpus(['keywords', 'fixtures/keywords/target.txt', '--format', 'csv', '--top', '1']);
    expect(r.stdout).toBe('rank,term,key,count,docs,per_million,variants\n1,المنتخب,المنتخب,5,1,238095.24,"[{""form"":""المنتخب"",""count"":3},{""form"":""وبالمنتخب"",""count"":1},{""form"":""وللمنتخب"",""count"":1}]"\n');
  });

  it('adds stopwords from a file and reports a bad file with its line', () => {
    const r = corpus(['keywords', '--stopwords', 'fixtures/keywords/stopwords-extra.txt', '--top', '3', '--format', 'jsonl']);
    expect(r.code).toBe(0);
    expect(jsonl(r.stdout).map((x) => x.term)).toEqual(['المغرب', 'الأمن', 'الوطني']);
    const bad = corpus(['keywords', '--stopwords', 'fixtures/keywords/stopwords-bad.txt']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('corpus: fixtures/keywords/stopwords-bad.txt:2: one word per line expected, got "ما زال"\n');
    expect(bad.stdout).toBe('');
  });

  it('gives multiword keywords and per-document TF-IDF', () => {
    const bi = jsonl(corpus(['keywords', '--ngrams', '2', '--top', '3', '--format', 'jsonl']).stdout);
    expect(bi.map((x) => [x.term, x.count])).toEqual([['الأجهزة الأمنية', 16], ['الأمنية المغربية', 15], ['الأمن الوطني', 13]]);
    const per = jsonl(corpus(['keywords', '--per-doc', '--top', '2', '--format', 'jsonl']).stdout);
    expect(per).toHaveLength(10);
    expect(per.map((x) => x.doc)).toEqual(['000', '000', '001', '001', '002', '002', '003', '003', '004', '004'].map((n) => expect.stringContaining(`seeds/${n}_`)));
    expect(Object.keys(per[0])).toEqual(['doc', 'rank', 'term', 'key', 'count', 'docs', 'tfidf']);
  });

  it('rejects --per-doc with --ngrams', () => {
    const r = corpus(['keywords', '--per-doc', '--ngrams', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('corpus: --per-doc works on single words: leave out --ngrams\n');
  });

  it('gives the same rows from worker threads as from one thread', () => {
    const env = { CORPUS_PARALLEL_MIN_BYTES: '0' };
    for (const args of [['keywords', '--top', '30'], ['keywords', '--per-doc', '--top', '3'], ['keywords', '--ngrams', '3', '--top', '10'], ['kwic', 'المغرب']]) {
      const one = corpus([...args, '--jobs', '1', '--format', 'jsonl'], { env });
      const two = corpus([...args, '--jobs', '2', '--format', 'jsonl'], { env });
      expect(two.code).toBe(0);
      expect(two.stdout, args.join(' ')).toBe(one.stdout);
    }
  });
});

describe('corpus keyness', () => {
  it('compares a target with a reference', () => {
    const r = corpus(['keyness', 'fixtures/keywords/target.txt', '--reference', 'fixtures/keywords/reference.txt', '--min-count', '1', '--p', '1', '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const rows = jsonl(r.stdout);
    const team = rows.find((x) => x.key === 'المنتخب');
    // المنتخب: 5 of 21 words in the target (المنتخب 3, وبالمنتخب, وللمنتخب), 1 of 17 in the reference
    expect(team).toMatchObject({ direction: 'positive', target_count: 5, reference_count: 1, target_per_million: 238095.24, reference_per_million: 58823.53 });
    const gov = rows.find((x) => x.key === 'الحكومة');
    expect(gov).toMatchObject({ direction: 'negative', target_count: 0, reference_count: 3 });
    expect(Object.keys(rows[0])).toEqual(['rank', 'direction', 'term', 'key', 'target_count', 'reference_count', 'target_per_million', 'reference_per_million', 'g2', 'p_value', 'significance', 'log_ratio']);
  });

  it('uses the shipped news reference by default', () => {
    const rows = jsonl(corpus(['keyness', '--top', '3', '--direction', 'positive', '--format', 'jsonl']).stdout);
    expect(rows.map((x) => x.term)).toEqual(['الأمنية', 'المغربية', 'المغرب']);
    expect(rows.every((x) => x.significance === 'p<0.0001' && x.reference_count > 0)).toBe(true);
  });
});

describe('corpus kwic', () => {
  const file = 'seeds/004_7c58610f35bf1d4c.txt';
  const text = readFileSync(join(ROOT, file), 'utf8');

  it('finds every clitic form with exact code point offsets', () => {
    const r = corpus(['kwic', 'المغرب', file, '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const rows = jsonl(r.stdout);
    expect(rows.map((x) => x.match)).toEqual(['بالمغرب', 'المغرب', 'المغرب', 'المغرب', 'للمغرب']);
    expect(rows.map((x) => x.start)).toEqual([389, 1456, 2111, 2726, 2877]);
    for (const x of rows) {
      expect(cpSlice(text, x.start, x.end)).toBe(x.match);
      expect(Object.keys(x)).toEqual(['doc', 'start', 'end', 'left', 'match', 'right']);
    }
  });

  it('sorts, limits and checks its options', () => {
    const sorted = jsonl(corpus(['kwic', 'المغرب', file, '--sort', 'right1', '--limit', '2', '--format', 'jsonl']).stdout);
    expect(sorted).toHaveLength(2);
    const both = corpus(['kwic', 'المغرب', '--stem', '--exact']);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('corpus: --stem and --exact exclude each other\n');
    const empty = corpus(['kwic', '،،']);
    expect(empty.code).toBe(2);
  });
});

describe('corpus collocates', () => {
  it('lists the neighbours of a word', () => {
    const rows = jsonl(corpus(['collocates', 'الأمن', '--top', '2', '--format', 'jsonl']).stdout);
    expect(rows.map((x) => x.term)).toEqual(['الوطني', 'المدير']);
    expect(rows[0]).toMatchObject({ rank: 1, count: 22, frequency: 28 });
  });
  it('wants one word', () => {
    const r = corpus(['collocates', 'الأمم المتحدة']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('corpus: the node must be one word, got "الأمم المتحدة"\n');
  });
});

describe('corpus keywords reads JSONL text straight from the bytes, with the same counts', () => {
  // The same documents twice: flat lines (read from the bytes) and lines with a nested field
  // (which the byte reader leaves to JSON.parse). Keywords, n-grams and collocates must agree.
  const texts = [
    'زار الوزير المغرب، وقال إن بالمغرب فرصا كبيرة.\nالمغرب بلد جميل 😀 و"الرباط" عاصمته.',
    'وللمغرب تاريخ طويل في 2024، والمغرب شريك لـFBI والإنتربول.',
    'قالت الصحيفة إن الرباط والدار البيضاء مدينتان كبيرتان في المغرب.',
  ];
  const flat = texts.map((text, i) => JSON.stringify({ id: `d${i}`, n: i, text })).join('\n') + '\n';
  const nested = texts.map((text, i) => JSON.stringify({ id: `d${i}`, meta: { n: i }, text })).join('\n') + '\n';
  const dir = mkdtempSync(join(tmpdir(), 'corpus-kw-fast-'));
  writeFileSync(join(dir, 'flat.jsonl'), flat.repeat(30));
  writeFileSync(join(dir, 'nested.jsonl'), nested.repeat(30));
  for (const args of [['keywords', '--top', '0'], ['keywords', '--ngrams', '2', '--top', '0'], ['collocates', 'المغرب']]) {
    it(`${args.join(' ')}: one thread and two`, () => {
      const parsed = corpus([...args, join(dir, 'nested.jsonl'), '--format', 'jsonl', '--jobs', '1']);
      expect(parsed.code).toBe(0);
      expect(parsed.stdout.split('\n').length).toBeGreaterThan(3);
      for (const jobs of ['1', '2']) {
        const fast = corpus([...args, join(dir, 'flat.jsonl'), '--format', 'jsonl', '--jobs', jobs], { env: { CORPUS_PARALLEL_MIN_BYTES: '1' } });
        expect(fast.stdout).toBe(parsed.stdout);
      }
    });
  }
});
