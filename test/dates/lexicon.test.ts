import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEXICON_DIR, LexiconError, SCHEMAS, defaultLexicon, loadLexicon, parseLexiconFile } from '../../src/analyze/dates/lexicon.js';

describe('shipped lexicons', () => {
  it('all load, and every file of the folder has a schema and a header', () => {
    const files = readdirSync(LEXICON_DIR).filter((f) => f.endsWith('.txt')).sort();
    expect(files).toEqual(Object.keys(SCHEMAS).sort());
    for (const f of files) {
      const text = readFileSync(join(LEXICON_DIR, f), 'utf8');
      expect(text.startsWith('# ')).toBe(true);
      expect(text).toMatch(/Source: .*Licence: /);
    }
    expect(defaultLexicon().entries.length).toBeGreaterThan(400);
  });
  it('cover every regional month set and both calendars', () => {
    const months = defaultLexicon().entries.filter((e) => e.cat === 'gmonth');
    for (const set of ['msa', 'maghreb', 'dz-tn', 'levant']) {
      const covered = new Set(months.filter((e) => e.tag === set).map((e) => e.n));
      expect(covered.size, set).toBeGreaterThanOrEqual(set === 'msa' || set === 'levant' ? 12 : 6);
    }
    expect(new Set(defaultLexicon().entries.filter((e) => e.cat === 'hmonth').map((e) => e.n)).size).toBe(12);
  });
  it('expand clitics so that one lookup finds a glued word', () => {
    const { forms, extra } = defaultLexicon();
    expect(forms.get('وفبراير')?.readings[0].entry.n).toBe(2);
    expect(forms.get('للاسبوع')?.readings.some((r) => r.entry.unit === 'week')).toBe(true);
    expect(forms.get('هالاسبوع')?.readings.some((r) => r.demonstrative)).toBe(true);
    expect(extra.get('والنصف')?.[0].entry.n).toBe(30);
    expect(forms.has('باب')).toBe(false); // آب (August) takes no preposition: باب is "door"
  });
});

describe('validation names the file and line', () => {
  const bad = (file: string, body: string) => () => parseLexiconFile(`/x/${file}`, `# header\n${body}\n`);
  it.each([
    ['months-gregorian.txt', 'يناير | 13 | msa', /months-gregorian\.txt:2: bad MONTH "13"/],
    ['months-gregorian.txt', 'يناير | 1 | gulf', /:2: bad SET "gulf"/],
    ['months-gregorian.txt', 'يناير | 1', /:2: expected FORM \| MONTH \| SET/],
    ['weekdays.txt', 'الثلاثاء | 2 | rare', /:2: unknown flag "rare"/],
    ['units.txt', 'يوم | days | 1', /:2: bad UNIT "days"/],
    ['relative.txt', 'أمس | -1\nامس | -1', /relative\.txt:3: duplicate of line 2/],
    ['relative.txt', 'أمس | -1\nأمس | -2', /relative\.txt:3: "أمس" conflicts with line 2/],
    ['context.txt', 'سنة | year', /:2: bad ROLE "year"/],
    ['ordinals.txt', 'first | 1', /:2: form "first" has non-Arabic characters/],
    ['nothing.txt', 'x | 1', /nothing\.txt:0: unknown lexicon file/],
  ])('%s: %s', (file, body, message) => {
    expect(bad(file, body)).toThrow(LexiconError);
    expect(bad(file, body)).toThrow(message);
  });
  it('on load, a broken file in a folder stops with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dates-lex-'));
    for (const f of Object.keys(SCHEMAS)) writeFileSync(join(dir, f), readFileSync(join(LEXICON_DIR, f)));
    writeFileSync(join(dir, 'weekdays.txt'), '# weekdays\nالثلاثاء | 9\n');
    expect(() => loadLexicon(dir)).toThrow(`${join(dir, 'weekdays.txt')}:2: bad WEEKDAY "9"`);
  });
});
