/** `corpus dates` end to end, through bin/corpus.js (run `npm run build` first). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, corpus } from '../cli/run.js';

const jsonl = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('corpus dates', () => {
  it('reads the seeds by default and prints the hand-checked rows as JSONL on a pipe', () => {
    const r = corpus(['dates']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const expected = JSON.parse(readFileSync(join(ROOT, 'fixtures/dates/seeds.expected.json'), 'utf8'));
    expect(jsonl(r.stdout)).toEqual(expected.mentions.map((m: { doc: string }) => ({ ...m, doc: `seeds/${m.doc}` })));
  });

  it('resolves relative expressions against --ref-date, from stdin', () => {
    const r = corpus(['dates', '-', '--ref-date', '2024-03-12'], { input: 'أعلنت الوزارة أمس عن إجراءات، والاجتماع الساعة 5:16 مساءً.' });
    expect(r.code).toBe(0);
    expect(jsonl(r.stdout).map((m) => [m.doc, m.text, m.value, m.grain])).toEqual([
      ['-', 'أمس', '2024-03-11', 'day'],
      ['-', 'الساعة 5:16 مساءً', '2024-03-12T17:16', 'minute'],
    ]);
  });

  it("uses each document's date metadata as its reference, and --ref-date over it", () => {
    const rows = jsonl(corpus(['dates', 'fixtures/dates/news.jsonl']).stdout);
    expect(rows.map((m) => [m.doc, m.text, m.value, m.grain, m.offset])).toEqual([
      ['a1', 'أمس', '2018-02-17', 'day', null],
      ['a1', '1 مارس المقبل', '2018-03-01', 'day', null],
      ['a2', 'الأربعاء 18 جانفي 2017', '2017-01-18', 'day', null],
      ['a2', 'الأسبوع المقبل', '2017-W04', 'week', null],
      ['a3', 'عام 1445 هـ', '2023-07-19', 'year', null],
      ['a3', 'منذ ثلاثة أيام', null, 'day', { days: -3 }],
      ['a4', 'يوم 14 رمضان 1445 هـ الموافق 24 مارس 2024 م الساعة العاشرة صباحا', '2024-03-24T10', 'hour', null],
    ]);
    expect(rows[6]).toMatchObject({ calendar: 'hijri', hijri: '1445-09-14' });
    const forced = jsonl(corpus(['dates', 'fixtures/dates/news.jsonl', '--ref-date', '2020-06-15']).stdout);
    expect(forced.filter((m) => m.kind === 'relative').map((m) => m.value)).toEqual(['2020-06-14', '2020-W26', '2020-06-12']);
  });

  it('writes CSV with every field', () => {
    const r = corpus(['dates', '-', '--format', 'csv', '--ref-date', '2024-03-12'], { input: 'من 13 إلى 15 يوليو 2023' });
    expect(r.stdout).toBe('doc,text,start,end,value,grain,kind,calendar,hijri,until,offset\n-,من 13 إلى 15 يوليو 2023,0,23,2023-07-13,day,range,gregorian,,2023-07-15,\n');
  });

  it('draws a timeline as bars on a table and as rows elsewhere', () => {
    const rows = jsonl(corpus(['dates', 'fixtures/dates/news.jsonl', '--timeline', 'year']).stdout);
    expect(rows).toEqual([{ period: '2017', count: 2 }, { period: '2018', count: 2 }, { period: '2023', count: 1 }, { period: '2024', count: 1 }]);
    const table = corpus(['dates', 'fixtures/dates/news.jsonl', '--timeline', '--format', 'table']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('dated mentions by month');
    expect(table.stdout).toMatch(/2018-02 +1 /);
    expect(table.stdout).toMatch(/2017-06 +0/); // empty months between are drawn too
  });

  it('rejects a bad --ref-date with a usage error', () => {
    const r = corpus(['dates', '--ref-date', '12/03/2024']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("corpus: --ref-date: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM (a real date), got '12/03/2024'\n");
  });

  it('gives the same rows with worker threads', () => {
    const args = ['dates', 'seeds', 'fixtures/dates/news.jsonl', '--ref-date', '2024-03-12'];
    const one = corpus([...args, '--jobs', '1']);
    const two = corpus([...args, '--jobs', '2'], { env: { CORPUS_PARALLEL_MIN_BYTES: '0' } });
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(jsonl(one.stdout).length).toBe(18);
    // workers render line formats themselves: the bytes must not depend on who rendered them
    for (const format of ['csv', 'tsv']) {
      const a = corpus([...args, '--format', format, '--jobs', '1']);
      const b = corpus([...args, '--format', format, '--jobs', '2'], { env: { CORPUS_PARALLEL_MIN_BYTES: '0' } });
      expect(b.stdout, format).toBe(a.stdout);
      expect(a.stdout.trim().split('\n').length, format).toBe(19);
    }
  });
});
