import { beforeAll, describe, expect, it } from 'vitest';
import { normalizerFor } from '../../src/text/normalize.js';
import { prepareText } from '../../src/text/prepare.js';
import { alignSentence } from '../../src/analyze/entities/align.js';
import { auditLexicon, rarelyTagged, type GoldSentence } from '../../src/analyze/entities/backoff.js';
import { ENTITY_TYPES, NerModel, extractEntities, loadEntityModel } from '../../src/analyze/entities/index.js';
import { TAG_O, tagB, tagI } from '../../src/analyze/entities/tags.js';

const norm = normalizerFor('standard');
let model: NerModel;
beforeAll(() => { model = loadEntityModel(); });

const B = (t: string) => tagB(ENTITY_TYPES.indexOf(t as never));
const I = (t: string) => tagI(ENTITY_TYPES.indexOf(t as never));
/** A gold sentence from "word/TAG" pairs (TAG O, B-LOC, I-ORG, ...), as the CoNLL readers give them. */
const gold = (line: string): GoldSentence => {
  const words: string[] = [];
  const tags: number[] = [];
  for (const pair of line.split(' ')) {
    const [w, t] = pair.split('/');
    words.push(w);
    tags.push(t === 'O' ? TAG_O : t.startsWith('B-') ? B(t.slice(2)) : I(t.slice(2)));
  }
  const a = alignSentence(words, tags, norm);
  return { tokens: a.prepared.tokens, tags: a.tags };
};

describe('the lexicon audit', () => {
  // hand-made sentences in ANERcorp's conventions: the army named by its function stays untagged,
  // the country is tagged, Mecca is tagged without its epithet
  const sentences = () => [
    gold('وقال/O الجيش/O الإسرائيلي/O إن/O'),
    gold('وقصف/O الجيش/O الإسرائيلي/O غزة/B-LOC'),
    gold('أعلن/O الجيش/O الإسرائيلي/O أمس/O'),
    gold('زار/O لبنان/B-LOC أمس/O'),
    gold('في/O لبنان/B-LOC ./O'),
    gold('وبلبنان/B-LOC قالوا/O'),
    gold('وصل/O إلى/O مكة/B-LOC المكرمة/O'),
    gold('في/O مكة/B-LOC المكرمة/O'),
    gold('قرب/O مكة/B-LOC المكرمة/O'),
  ];

  it('counts each lexicon form, and how often the gold tags exactly that span with the lexicon type', () => {
    const counts = auditLexicon(sentences(), model.resources.gazetteer!, model.resources.clusters?.freq ?? null);
    expect(counts.get('الجيش الاسرائيلي')).toEqual({ seen: 3, tagged: 0 });
    expect(counts.get('لبنان')).toEqual({ seen: 3, tagged: 3 });
    expect(counts.get('مكة المكرمة')).toEqual({ seen: 3, tagged: 0 });
    expect(rarelyTagged(counts)).toEqual(['الجيش الاسرائيلي', 'مكة المكرمة']);
    // seen twice is not enough to judge a form
    expect(rarelyTagged(auditLexicon(sentences().slice(1), model.resources.gazetteer!, null))).toEqual(['مكة المكرمة']);
  });

  it('does not count a form inside a longer gold name', () => {
    const counts = auditLexicon([gold('قال/O رئيس/O الوزراء/O الإسباني/O خوسيه/B-PER لويس/I-PER ثاباتيرو/I-PER')], model.resources.gazetteer!, null);
    expect(counts.get('ثاباتيرو')).toBeUndefined();
  });
});

describe('the shipped model carries the audit of its training sentences', () => {
  it('lists forms ANERcorp leaves untagged and not the names it tags', () => {
    expect(model.backoffSkip.has('الجيش الاسرائيلي')).toBe(true);
    expect(model.backoffSkip.has('وزارة الخارجية')).toBe(true);
    expect(model.backoffSkip.has('لبنان')).toBe(false);
    expect(model.header.training.backoffAudit).toMatchObject({ sentences: 3973, minSeen: 3, maxShare: 0.4 });
  });

  it('a listed form is not added where the tagger found nothing; without the list it would be', () => {
    const text = 'وقال الجيش الإسرائيلي إن القصف استمر.';
    const blind = (skip?: Set<string>) => {
      const m = Object.create(model, skip === undefined ? {} : { backoffSkip: { value: skip } }) as NerModel;
      m.tag = (_t, start, end, out) => { out.fill(TAG_O, 0, end - start); };
      m.tagWithMarginals = (_t, start, end, out) => { out.fill(TAG_O, 0, end - start); };
      return extractEntities(prepareText(text, norm), m, { doc: 'd' }).map((x) => [x.type, x.text, x.source]);
    };
    expect(blind()).toEqual([]);
    expect(blind(new Set())).toEqual([['ORG', 'الجيش الإسرائيلي', 'gazetteer']]);
  });
});

describe('NerModel.rewriteHeader', () => {
  it('changes the header and leaves the weights as they were', async () => {
    const { readFileSync } = await import('node:fs');
    const { defaultModelPath } = await import('../../src/analyze/entities/resources.js');
    const bytes = readFileSync(defaultModelPath());
    const before = NerModel.deserialize(bytes);
    const after = NerModel.deserialize(NerModel.rewriteHeader(bytes, (h) => ({ ...h, backoffSkip: ['x'] })));
    expect(after.header.backoffSkip).toEqual(['x']);
    expect(after.header.temperature).toBe(before.header.temperature);
    expect(Buffer.from(after.weights.emit.buffer).equals(Buffer.from(before.weights.emit.buffer))).toBe(true);
    expect(Buffer.from(after.vectorTable.buffer).equals(Buffer.from(before.vectorTable.buffer))).toBe(true);
  });
});
