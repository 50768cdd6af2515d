import { beforeAll, describe, expect, it } from 'vitest';
import { normalizerFor } from '../../src/text/normalize.js';
import { prepareText } from '../../src/text/prepare.js';
import { EntityMention, NerModel, extractEntities, groupEntities, loadEntityModel, resolveDocument } from '../../src/analyze/entities/index.js';

const norm = normalizerFor('standard');
let model: NerModel;
beforeAll(() => { model = loadEntityModel(); });

function docs(...texts: string[]): EntityMention[] {
  const all: EntityMention[] = [];
  texts.forEach((text, i) => {
    const ms = extractEntities(prepareText(text, norm), model, { doc: `doc${i + 1}` });
    resolveDocument(ms, model.resources.gazetteer);
    all.push(...ms);
  });
  return all;
}

describe('merging variants', () => {
  it('gives a short person name the full name written earlier in the document', () => {
    const ms = docs('قال المدرب وليد الركراكي إن الفريق جاهز. وأضاف الركراكي أن اللاعبين في حالة جيدة.');
    const per = ms.filter((m) => m.type === 'PER');
    expect(per.map((m) => [m.text, m.canonical])).toEqual([
      ['وليد الركراكي', 'وليد الركراكي'],
      ['الركراكي', 'وليد الركراكي'],
    ]);
  });

  it('does not merge two people who share a family name in different documents', () => {
    const ms = docs(
      'وصل الباحث محمد الحموشي إلى فاس. وقال الحموشي إن البحث انتهى.',
      'استقبل عبد اللطيف الحموشي الوفد بالرباط. وأكد الحموشي أهمية التعاون.',
    );
    const per = ms.filter((m) => m.type === 'PER').map((m) => [m.doc, m.text, m.canonical]);
    expect(per).toEqual([
      ['doc1', 'محمد الحموشي', 'محمد الحموشي'],
      ['doc1', 'الحموشي', 'محمد الحموشي'],
      ['doc2', 'عبد اللطيف الحموشي', 'عبد اللطيف الحموشي'],
      ['doc2', 'الحموشي', 'عبد اللطيف الحموشي'],
    ]);
    const groups = groupEntities(ms).filter((g) => g.type === 'PER');
    // equal counts: groups sort by canonical name
    expect(groups.map((g) => [g.canonical, g.count, g.docs])).toEqual([
      ['عبد اللطيف الحموشي', 2, 1],
      ['محمد الحموشي', 2, 1],
    ]);
  });

  it('merges an acronym with its expansion through the lexicon, across documents', () => {
    const ms = docs('التقى مدير FBI بنظيره المغربي.', 'وأشاد مكتب التحقيقات الفيدرالي الأمريكي بالتعاون.');
    const groups = groupEntities(ms).filter((g) => g.type === 'ORG');
    expect(groups).toEqual([
      { type: 'ORG', canonical: 'مكتب التحقيقات الفيدرالي', count: 2, docs: 2, variants: ['FBI', 'مكتب التحقيقات الفيدرالي'], docIds: ['doc1', 'doc2'] },
    ]);
    expect(ms.filter((m) => m.type === 'ORG').map((m) => m.canonical)).toEqual(['مكتب التحقيقات الفيدرالي', 'مكتب التحقيقات الفيدرالي']);
  });

  it('merges spelling variants of one name across documents (hamza, article, عبد joined)', () => {
    const ms = docs('السيد عبد اللطيف حموشي في الرباط', 'السيد عبداللطيف حموشي في الرباط', 'السيد عبد اللطيف الحموشي في الرباط');
    const groups = groupEntities(ms);
    expect(groups.map((g) => [g.type, g.canonical, g.count, g.docs])).toEqual([
      ['LOC', 'الرباط', 3, 3],
      ['PER', 'عبد اللطيف الحموشي', 3, 3],
    ]);
    expect(groups[1].variants).toEqual(['عبد اللطيف الحموشي', 'عبد اللطيف حموشي', 'عبداللطيف حموشي']);
  });

  it('keeps the same string with different types apart', () => {
    const ms = docs('فاز المغرب على مصر في كأس أفريقيا وعاد اللاعبون إلى المغرب.');
    const loc = ms.filter((m) => m.normalized === 'المغرب');
    expect(loc.length).toBeGreaterThan(0);
    const groups = groupEntities(ms);
    const keys = groups.map((g) => `${g.type}:${g.canonical}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
