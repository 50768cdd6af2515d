import { describe, expect, it } from 'vitest';
import { normalizerFor } from '../../src/text/normalize.js';
import { prepareText } from '../../src/text/prepare.js';
import { Gazetteer } from '../../src/analyze/entities/gazetteer.js';
import { LexiconError, loadLexiconDir, parseLexicon } from '../../src/analyze/entities/lexicon.js';
import { buildGazetteers } from '../../src/analyze/entities/resources.js';

const HEADER = '# what: test\n# source: hand\n# licence: MIT\n';
const norm = normalizerFor('standard');

describe('lexicon files', () => {
  it('reads entries, aliases and weak (~) forms under a @type', () => {
    const e = parseLexicon(`${HEADER}@type ORG\nمكتب التحقيقات الفيدرالي | إف بي آي | FBI\nقناة الجزيرة | ~الجزيرة\n`, 'orgs.txt');
    expect(e).toHaveLength(2);
    expect(e[0]).toMatchObject({ label: 'ORG', canonical: 'مكتب التحقيقات الفيدرالي', forms: ['مكتب التحقيقات الفيدرالي', 'إف بي آي', 'FBI'], weak: [false, false, false], where: 'orgs.txt:5' });
    expect(e[1].forms).toEqual(['قناة الجزيرة', 'الجزيرة']);
    expect(e[1].weak).toEqual([false, true]);
  });

  it('names the file and line of every problem', () => {
    expect(() => parseLexicon(`${HEADER}المغرب\n`, 'a.txt')).toThrow('a.txt:4: entry before any "@type" line');
    expect(() => parseLexicon(`${HEADER}@type PLACE\n`, 'b.txt')).toThrow('b.txt:4: unknown label "PLACE"');
    expect(() => parseLexicon(`${HEADER}@type LOC\nالمغرب | | Morocco\n`, 'c.txt')).toThrow('c.txt:5: empty form');
    expect(() => parseLexicon(`${HEADER}@kind LOC\n`, 'd.txt')).toThrow('d.txt:4: unknown directive');
    expect(() => parseLexicon('@type LOC\nالمغرب\n', 'e.txt')).toThrow(LexiconError);
  });

  it('validates every shipped lexicon file', () => {
    const entries = loadLexiconDir();
    expect(entries.length).toBeGreaterThan(1000);
    const labels = new Set(entries.map((e) => e.label));
    expect([...labels].sort()).toEqual(['DEMONYM', 'FIRST', 'LOC', 'LOCHEAD', 'MISC', 'NOTNAME', 'ORG', 'ORGHEAD', 'ORGPURPOSE', 'PER', 'SPORT', 'SURNAME', 'TITLE']);
  });
});

describe('gazetteer matching', () => {
  const { gazetteer, triggers } = buildGazetteers(loadLexiconDir());
  const match = (g: Gazetteer, text: string) => {
    const p = prepareText(text, norm);
    return g.matchAll(p.tokens, 0, p.tokens.length, null).map((h) => ({
      text: p.tokens.slice(h.start, h.end).map((t) => t.text).join(' '), cut: h.cut, canonical: h.entries[0].canonical, label: h.entries[0].label,
    }));
  };

  it('matches the longest multiword name, through hamza and alef variants and proclitics', () => {
    expect(match(gazetteer, 'وصل وفد المديرية العامة للامن الوطني إلى الولايات المتحدة الأمريكية وبالمغرب')).toEqual([
      { text: 'المديرية العامة للامن الوطني', cut: 0, canonical: 'المديرية العامة للأمن الوطني', label: 'ORG' },
      { text: 'الولايات المتحدة الأمريكية', cut: 0, canonical: 'الولايات المتحدة', label: 'LOC' },
      { text: 'وبالمغرب', cut: 2, canonical: 'المغرب', label: 'LOC' },
    ]);
  });

  it('matches Latin acronyms and their Arabic spelling to one entry', () => {
    expect(match(gazetteer, 'مدير FBI ومدير إف بي آي')).toEqual([
      { text: 'FBI', cut: 0, canonical: 'مكتب التحقيقات الفيدرالي', label: 'ORG' },
      { text: 'إف بي آي', cut: 0, canonical: 'مكتب التحقيقات الفيدرالي', label: 'ORG' },
    ]);
  });

  it('matches trigger words with or without the article and clitics', () => {
    expect(match(triggers, 'والرئيس والسيد بوزارة').map((h) => [h.text, h.label])).toEqual([
      ['والرئيس', 'TITLE'], ['والسيد', 'TITLE'], ['بوزارة', 'ORGHEAD'],
    ]);
  });

  it('looks names up by key: article and spaces folded', () => {
    expect(gazetteer.lookupName(norm.normalizeString('الانتربول'))?.canonical).toBe('المنظمة الدولية للشرطة الجنائية');
    expect(gazetteer.lookupName(norm.normalizeString('إنتربول'))?.canonical).toBe('المنظمة الدولية للشرطة الجنائية');
    expect(gazetteer.lookupName(norm.normalizeString('الديستي'))?.canonical).toBe('المديرية العامة لمراقبة التراب الوطني');
    expect(gazetteer.lookupName('بيت لحم المغرب')).toBeUndefined();
  });
});
