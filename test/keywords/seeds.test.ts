import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keywordRows } from '../../src/analyze/keywords/rows.js';
import { count } from './helpers.js';

const ROOT = join(import.meta.dirname, '../..');
const expected = JSON.parse(readFileSync(join(ROOT, 'fixtures/keywords/seeds.expected.json'), 'utf8')) as {
  documents: Record<string, Array<[string, number]>>;
  corpus: Array<[string, number, number]>;
};
const files = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
const texts = files.map((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8'));

/** Function words a reader would not accept among keywords (written independently of stopwords.txt). */
const FUNCTION_WORDS = new Set([
  'في', 'من', 'على', 'إلى', 'الى', 'عن', 'مع', 'أن', 'إن', 'ان', 'التي', 'الذي', 'الذين', 'هذا', 'هذه', 'ذلك', 'تلك',
  'كان', 'كانت', 'قد', 'لا', 'لم', 'لن', 'ما', 'هو', 'هي', 'هم', 'كل', 'بعض', 'بين', 'خلال', 'بعد', 'قبل', 'عند',
  'حيث', 'كما', 'أو', 'ثم', 'حتى', 'أيضا', 'إلا', 'غير', 'لكن', 'قي', 'أخرى', 'خاصة', 'مختلف', 'وقد', 'فقد', 'ضمن',
]);

describe('keywords of the seed articles (hand-checked)', () => {
  files.forEach((file, i) => {
    it(`${file}: the top 20 are the expected content words`, () => {
      const rows = keywordRows(count([texts[i]]), { top: 20, minCount: 1, maxVariants: 0 });
      expect(rows.map((r) => [r.term, r.count])).toEqual(expected.documents[file]);
      for (const r of rows) expect(FUNCTION_WORDS.has(r.term), r.term).toBe(false);
    });
  });

  it('the five together: top 20 with document frequencies', () => {
    const rows = keywordRows(count(texts), { top: 20, minCount: 1, maxVariants: 0 });
    expect(rows.map((r) => [r.term, r.count, r.docs])).toEqual(expected.corpus);
  });

  it('clitic forms count with their base', () => {
    const rows = keywordRows(count([texts[4]]), { top: 0, minCount: 1, maxVariants: 0 });
    const row = (term: string) => rows.find((r) => r.term === term)!;
    expect(row('المغرب').variants).toEqual([{ form: 'المغرب', count: 3 }, { form: 'بالمغرب', count: 1 }, { form: 'للمغرب', count: 1 }]);
    expect(row('الأمن').variants).toEqual([{ form: 'للأمن', count: 5 }, { form: 'الأمن', count: 2 }, { form: 'الامن', count: 1 }]);
    // no clitic form is left as a row of its own
    for (const r of rows) expect(['بالمغرب', 'للمغرب', 'للأمن', 'والأمن'].includes(r.term), r.term).toBe(false);
  });
});
