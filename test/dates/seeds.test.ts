/** The five seed articles: every dated expression, checked by hand in fixtures/dates/seeds.expected.json. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dates } from './helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const expected = JSON.parse(readFileSync(`${root}fixtures/dates/seeds.expected.json`, 'utf8'));

describe('seeds', () => {
  const files = readdirSync(`${root}seeds`).filter((f) => f.endsWith('.txt')).sort();
  it('are the five articles', () => expect(files).toHaveLength(5));
  for (const f of files) {
    it(f, () => {
      const text = readFileSync(`${root}seeds/${f}`, 'utf8');
      const got = dates(text, expected.reference).map((m) => ({ doc: f, ...m }));
      expect(got).toEqual(expected.mentions.filter((m: { doc: string }) => m.doc === f));
      for (const m of got) expect([...text].slice(m.start, m.end).join('')).toBe(m.text);
    });
  }
  it("resolve Wray's visit (الثلاثاء 21 فبراير) to 2023-02-21 in both articles", () => {
    const visits = expected.mentions.filter((m: { text: string }) => m.text.includes('21 فبراير'));
    expect(visits.map((m: { value: string }) => m.value)).toEqual(['2023-02-21', '2023-02-21']);
  });
});
