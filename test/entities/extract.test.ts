import { beforeAll, describe, expect, it } from 'vitest';
import { normalizerFor } from '../../src/text/normalize.js';
import { prepareText } from '../../src/text/prepare.js';
import { ENTITY_TYPES, EntityMention, NerModel, extractEntities, loadEntityModel, resolveDocument } from '../../src/analyze/entities/index.js';
import { REPEAT_WINDOW } from '../../src/analyze/entities/extract.js';
import {
  completeAtConnectors, cutDescriptorHeads, cutLeadingDemonym, cutLeadingTitles, cutTrailingDemonym, dropDescribedNouns, splitAtConjoinedFirstName,
} from '../../src/analyze/entities/spanRules.js';
import { NUM_TAGS, TAG_O, tagB, tagI } from '../../src/analyze/entities/tags.js';

const norm = normalizerFor('standard');
let model: NerModel;
beforeAll(() => { model = loadEntityModel(); });

const run = (text: string) => extractEntities(prepareText(text, norm), model, { doc: 'd1' });
/** The tagger without the lexicons after it: what the lexicon rules start from. */
const runPlain = (text: string) => extractEntities(prepareText(text, norm), model, { doc: 'd1', gazetteerBackoff: false });
const brief = (ms: EntityMention[]) => ms.map((m) => [m.type, m.text, m.start, m.end]);
/** Slices by code points, as a Python or jq user would with the reported offsets. */
const cpSlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');
const expectExactSlices = (text: string, ms: EntityMention[]) => { for (const m of ms) expect(cpSlice(text, m.start, m.end)).toBe(m.text); };

describe('extractEntities with the shipped model', () => {
  it('finds a name announced by a title without the title, an organization, a Latin acronym and a glued place', () => {
    const text = 'استقبل السيد عبد اللطيف الحموشي، المدير العام للأمن الوطني، وفدا من مكتب التحقيقات الفيدرالي FBI بالرباط.';
    const ms = run(text);
    expect(brief(ms)).toEqual([
      ['PER', 'عبد اللطيف الحموشي', 13, 31],
      ['ORG', 'مكتب التحقيقات الفيدرالي', 68, 92],
      ['ORG', 'FBI', 93, 96],
      ['LOC', 'الرباط', 98, 104],
    ]);
    expectExactSlices(text, ms);
    expect(ms.every((m) => m.doc === 'd1' && m.score > 0 && m.score <= 1)).toBe(true);
  });

  it('an acronym spelled with dotted letter names is one organization, merged with its expansion', () => {
    const text = 'وقال مراسل بي. بي. سي في القاهرة إن الوضع هادئ. وأكدت سي. آي. إيه ذلك.';
    const ms = run(text);
    resolveDocument(ms, model.resources.gazetteer);
    expect(ms.map((m) => [m.type, m.text, m.start, m.end, m.canonical])).toEqual([
      ['ORG', 'بي. بي. سي', 11, 21, 'هيئة الإذاعة البريطانية'],
      ['LOC', 'القاهرة', 25, 32, 'القاهرة'],
      ['ORG', 'سي. آي. إيه', 54, 65, 'وكالة المخابرات المركزية الأمريكية'],
    ]);
    expectExactSlices(text, ms);
  });

  it('a place between quotation marks is the newspaper named after it, the same place unquoted stays a place', () => {
    const text = 'وقال في حديث لـ «الشرق الأوسط» إن الوضع في الشرق الأوسط خطير.';
    const ms = run(text);
    expect(brief(ms)).toEqual([['ORG', 'الشرق الأوسط', 17, 29], ['LOC', 'الشرق الأوسط', 43, 55]]);
    expectExactSlices(text, ms);
  });

  it('a clitic before a short first word of a listed name stays outside: وتل أبيب -> تل أبيب', () => {
    const text = 'زار الموفدون بيروت وتل أبيب أمس.';
    const ms = run(text);
    expect(brief(ms)).toEqual([['LOC', 'بيروت', 13, 18], ['LOC', 'تل أبيب', 20, 27]]);
    expectExactSlices(text, ms);
  });

  it('a place noun stays outside the name it announces, also for a weak lexicon name: منطقة الساحل -> الساحل', () => {
    const ms = run('تنشط الجماعات المسلحة في منطقة الساحل منذ سنوات.');
    expect(brief(ms)).toEqual([['LOC', 'الساحل', 31, 37]]);
  });

  it('an organization is taken whole with its head noun, a newspaper without its descriptor', () => {
    const a = run('وتعاون مكتب التحقيقات الفيدرالي ووكالة الاستخبارات المركزية مع المغرب.');
    expect(brief(a)).toEqual([
      ['ORG', 'مكتب التحقيقات الفيدرالي', 7, 31],
      ['ORG', 'وكالة الاستخبارات المركزية', 33, 59],
      ['LOC', 'المغرب', 63, 69],
    ]);
    const b = run('وقالت صحيفة هآرتس إن الحكومة تدرس الأمر.');
    expect(brief(b)).toEqual([['ORG', 'هآرتس', 12, 17]]);
  });

  it('a place the tagger finds inside a longer lexicon name of another entity takes that name; inside an event name it stays a place', () => {
    // the tagger alone reads أفريقيا (Africa) here: South Africa would merge with the continent
    const text = 'وصل منتخب جنوب أفريقيا إلى الرباط، ويحلم بنهائي دوري أبطال أوروبا.';
    const ms = run(text);
    expect(brief(ms)).toEqual([
      ['LOC', 'جنوب أفريقيا', 10, 22],
      ['LOC', 'الرباط', 27, 33],
      ['LOC', 'أوروبا', 59, 65],
    ]);
    expect(ms[0].canonical).toBe('جنوب أفريقيا');
    expectExactSlices(text, ms);
    expect(brief(runPlain(text))[0]).toEqual(['LOC', 'أفريقيا', 15, 22]);
  });

  it('a name and its own acronym read as one span are two mentions of the entity', () => {
    const text = 'ووقعت الجامعات اتفاقات تعاون بمعهد ماساتشوستس للتكنولوجيا MIT، في مجالات الطاقة.';
    // a tagger that reads the name and the acronym as one span (an earlier shipped model did)
    const toks = prepareText(text, norm).tokens;
    const first = toks.findIndex((t) => t.text === 'بمعهد');
    const last = toks.findIndex((t) => t.text === 'MIT');
    const oneSpan = Object.create(model) as NerModel;
    const ORG = ENTITY_TYPES.indexOf('ORG');
    oneSpan.tagWithMarginals = (_t, start, end, out, marg) => {
      out.fill(TAG_O, 0, end - start);
      for (let i = first; i <= last; i++) out[i - start] = i === first ? tagB(ORG) : tagI(ORG);
      for (let i = 0; i < end - start; i++) marg[i * NUM_TAGS + out[i]] = 1;
    };
    const plain = extractEntities(prepareText(text, norm), oneSpan, { doc: 'd1', gazetteerBackoff: false });
    expect(brief(plain)).toEqual([['ORG', 'معهد ماساتشوستس للتكنولوجيا MIT', 30, 61]]);
    const ms = extractEntities(prepareText(text, norm), oneSpan, { doc: 'd1' });
    expect(brief(ms)).toEqual([
      ['ORG', 'معهد ماساتشوستس للتكنولوجيا', 30, 57],
      ['ORG', 'MIT', 58, 61],
    ]);
    expect(new Set(ms.map((m) => m.canonical)).size).toBe(1);
    expectExactSlices(text, ms);
  });

  it('keeps conjunction and prepositions outside the span: وبالمغرب -> المغرب', () => {
    const text = 'ولد في فرنسا وبالمغرب قضى طفولته، ثم انتقل للعمل في الدار البيضاء.';
    const ms = run(text);
    expect(brief(ms)).toEqual([
      ['LOC', 'فرنسا', 7, 12],
      ['LOC', 'المغرب', 15, 21],
      ['LOC', 'الدار البيضاء', 52, 65],
    ]);
    expect(ms[1].normalized).toBe('المغرب');
  });

  it('after لل the span starts at the article lam and the normalized form gets its alef back', () => {
    const ms = run('قدم الوزير تعازيه للمغرب وللشعب المغربي.');
    const m = ms.find((x) => x.type === 'LOC');
    expect(m).toMatchObject({ text: 'لمغرب', start: 19, end: 24, normalized: 'المغرب' });
  });

  it('reports code point offsets when the text has characters outside the BMP', () => {
    const text = '😀 زار ترامب الرياض ثم توجه إلى الدوحة';
    const ms = run(text);
    expect(brief(ms)).toEqual([
      ['PER', 'ترامب', 6, 11],
      ['LOC', 'الرياض', 12, 18],
      ['LOC', 'الدوحة', 31, 37],
    ]);
    for (const m of ms) {
      expect(cpSlice(text, m.start, m.end)).toBe(m.text);
      expect(text.slice(m.utf16Start, m.utf16End)).toBe(m.text);
    }
  });

  it('slices diacritized names exactly and normalizes them', () => {
    const text = 'زار الملك مُحَمَّد السَّادِس مدينة طنجة أمس.';
    const ms = run(text);
    expect(ms.map((m) => [m.type, m.text, m.normalized])).toEqual([
      ['PER', 'مُحَمَّد السَّادِس', 'محمد السادس'],
      ['LOC', 'طنجة', 'طنجة'],
    ]);
    expectExactSlices(text, ms);
  });

  it('finds multiword organizations', () => {
    const ms = run('أعلنت منظمة الصحة العالمية أن وزارة الصحة المغربية سجلت حالات جديدة في مراكش وطنجة.');
    expect(ms.map((m) => [m.type, m.text])).toEqual([
      ['ORG', 'منظمة الصحة العالمية'],
      ['ORG', 'وزارة الصحة'],
      ['LOC', 'مراكش'],
      ['LOC', 'طنجة'],
    ]);
  });

  it('finds a long descriptive organization name by rule', () => {
    const ms = run('وشارك المختبر الوطني للشرطة العلمية والتقنية في الدورة.');
    expect(ms.map((m) => [m.type, m.text, m.source])).toEqual([['ORG', 'المختبر الوطني للشرطة العلمية والتقنية', 'rule']]);
  });

  it('does not read an adjective agreeing with a noun as an organization head: الجريمة المنظمة', () => {
    expect(run('تواجه الدول الجريمة المنظمة العابرة للحدود والاتجار الدولي في البشر.')).toEqual([]);
  });

  it('tags again, in the same document, a family name first written with the first name', () => {
    const ms = run('قال الدكتور خالد الشرقاوي السموني إن التعاون قوي. وتابع السموني بأن الجهود مستمرة.');
    expect(ms.map((m) => [m.type, m.text])).toEqual([['PER', 'خالد الشرقاوي السموني'], ['PER', 'السموني']]);
  });

  it('a reading reaches about an article (REPEAT_WINDOW tokens), not a whole file of articles read as one document', () => {
    const filler = (n: number) => 'ارتفعت الأسعار بشكل كبير خلال الأسبوع الماضي. '.repeat(n);
    const text = (n: number) => `قال الدكتور خالد الشرقاوي السموني إن التعاون قوي. ${filler(n)}وتابع السموني بأن الجهود مستمرة.`;
    const repeats = (n: number) => run(text(n)).filter((m) => m.text === 'السموني');
    // 8 tokens a filler sentence: 50 of them are 400 tokens, 150 are 1,200
    expect(prepareText(filler(150), norm).tokens.length).toBeGreaterThan(REPEAT_WINDOW);
    expect(repeats(50).map((m) => [m.type, m.source])).toEqual([['PER', 'rule']]);
    expect(repeats(150).filter((m) => m.source === 'rule')).toEqual([]);
  });

  it('returns nothing for text without names, and works on an empty document', () => {
    expect(run('ارتفعت الأسعار بشكل كبير خلال الأسبوع الماضي.')).toEqual([]);
    expect(run('')).toEqual([]);
  });
});

describe('cutLeadingDemonym', () => {
  const PER = ENTITY_TYPES.indexOf('PER');
  const LOC = ENTITY_TYPES.indexOf('LOC');
  const demonyms = () => model.resources.demonyms!;
  const tokensOf = (text: string) => prepareText(text, norm).tokens;

  it('cuts a nationality adjective, glued proclitics and all, from the start of a person span of two words or more', () => {
    const toks = tokensOf('وأعاد المدرب الثقة للبرازيلي فريد والفرنسية ماري لوبان');
    const words = toks.map((t) => t.text);
    expect(words.slice(3)).toEqual(['للبرازيلي', 'فريد', 'والفرنسية', 'ماري', 'لوبان']);
    const spans = [{ type: PER, start: 3, end: 5 }, { type: PER, start: 5, end: 8 }];
    expect(cutLeadingDemonym(spans, toks, 0, demonyms(), null)).toEqual([
      { type: PER, start: 4, end: 5 },
      { type: PER, start: 6, end: 8 },
    ]);
  });

  it('leaves a lone adjective, an adjective at the end (a family name: محمد المصري) and other types alone', () => {
    const toks = tokensOf('البرازيلي محمد المصري المغربي الرجاء');
    const spans = [
      { type: PER, start: 0, end: 1 },
      { type: PER, start: 1, end: 3 },
      { type: LOC, start: 3, end: 5 },
    ];
    expect(cutLeadingDemonym(spans, toks, 0, demonyms(), null)).toEqual(spans);
  });

  it('the list is read from data/lexicons/entities/trig-demonyms.txt in masculine and feminine forms', () => {
    for (const f of ['البرازيلي', 'البرازيلية', 'الامريكي', 'الاميركية', 'الفرنسي']) expect(demonyms().has(f), f).toBe(true);
  });
});

describe('cutTrailingDemonym', () => {
  const ORG = ENTITY_TYPES.indexOf('ORG');
  const PER = ENTITY_TYPES.indexOf('PER');
  const res = () => model.resources;
  const freq = () => res().clusters?.freq ?? null;
  /** The spans after the rule, as text, for the given [start, end) token spans of the text. */
  const cutText = (text: string, spans: [number, number, number][]) => {
    const toks = prepareText(text, norm).tokens;
    const hits = res().gazetteer!.matchAll(toks, 0, toks.length, freq());
    const out = cutTrailingDemonym(spans.map(([type, start, end]) => ({ type, start, end })), 0,
      { toks, demonyms: res().demonyms, triggers: res().triggers, gaz: res().gazetteer, hits, freq: freq() });
    return out.map((sp) => toks.slice(sp.start, sp.end).map((t) => t.text).join(' '));
  };

  it('cuts the nationality adjective (and a compass word) after a proper name, as ANERcorp tags clubs, papers and agencies', () => {
    expect(cutText('ريال مدريد الإسباني', [[ORG, 0, 3]])).toEqual(['ريال مدريد']);
    expect(cutText('أمام الزمالك المصري', [[ORG, 1, 3]])).toEqual(['الزمالك']);
    expect(cutText('وكالة يونهاب الكورية الجنوبية', [[ORG, 1, 4]])).toEqual(['يونهاب']);
  });

  it('keeps names on a head noun, descriptive phrases, a frequent word alone, names known whole, common adjectives and other types', () => {
    const whole: [string, [number, number, number]][] = [
      ['منظمة التحرير الفلسطينية', [ORG, 0, 3]], // head noun
      ['الخطوط الجوية الإيرانية', [ORG, 0, 3]], // two definite words: a description, tagged whole in ANERcorp
      ['الجيش الإسرائيلي', [ORG, 0, 2]], // الجيش alone is no name
      ['أرامكو السعودية', [ORG, 0, 2]], // السعودية is weak: also the country, here part of the name
      ['سوق فلسطين للأوراق المالية', [ORG, 0, 4]], // المالية "financial"
      ['محمد المصري', [PER, 0, 2]], // a family name
    ];
    for (const [text, span] of whole) expect(cutText(text, [span]), text).toEqual([text]);
  });

  it('end to end: the tagger leaves the adjectives out, and so does a club the lexicon lists with its adjective (ليل الفرنسي)', () => {
    const text = 'وفي المجموعة ذاتها، تعادل ليل الفرنسي مع ميلان الإيطالي.';
    const ms = run(text);
    expect(ms.map((m) => [m.type, m.text])).toEqual([['ORG', 'ليل'], ['ORG', 'ميلان']]);
    expectExactSlices(text, ms);
    // a tagger that finds nothing leaves the names to the lexicons, whose forms are ليل الفرنسي and ميلان الإيطالي
    // (without the audit's list: ANERcorp never tags ميلان الإيطالي whole, so the shipped model would not add it)
    const blind = Object.create(model, { backoffSkip: { value: new Set<string>() } }) as NerModel;
    blind.tag = (_t, start, end, out) => { out.fill(TAG_O, 0, end - start); };
    blind.tagWithMarginals = (_t, start, end, out) => { out.fill(TAG_O, 0, end - start); };
    const fromLexicon = extractEntities(prepareText(text, norm), blind, { doc: 'd1' });
    expect(fromLexicon.map((m) => [m.type, m.text, m.source, m.canonical])).toEqual([
      ['ORG', 'ليل', 'gazetteer', 'ليل'],
      ['ORG', 'ميلان', 'gazetteer', 'إيه سي ميلان'],
    ]);
  });
});

describe('two people joined by و, clubs in match reports', () => {
  const PER = ENTITY_TYPES.indexOf('PER');
  const res = () => model.resources;
  const texts = (text: string, spans: [number, number][]) => {
    const toks = prepareText(text, norm).tokens;
    return splitAtConjoinedFirstName(spans.map(([start, end]) => ({ type: PER, start, end })), toks, 0, res().triggers, res().clusters?.freq ?? null)
      .map((sp) => toks.slice(sp.start, sp.end).map((t) => t.text).join(' '));
  };

  it('cuts a person span before an inner و + first name', () => {
    expect(texts('فيصل ملكاوي وغيث الطراونة', [[0, 4]])).toEqual(['فيصل ملكاوي', 'وغيث الطراونة']);
    expect(texts('صالح عبد الغفور وبسام شراب ووليد', [[0, 5]])).toEqual(['صالح عبد الغفور', 'وبسام شراب']);
  });

  it('cuts before an inner و-word whose remainder the news counts as the more common word', () => {
    // فرج is 6 times as frequent as وفرج in the unlabeled news, so وفرج is و + a name
    expect(texts('وعادل فتحي وفرج شلبي', [[0, 4]])).toEqual(['وعادل فتحي', 'وفرج شلبي']);
    // after a link word the و belongs to the name: سعد بن أبي وقاص
    expect(texts('سعد بن أبي وقاص', [[0, 4]])).toEqual(['سعد بن أبي وقاص']);
  });

  it('keeps و-words that belong to the name: ولد (son of), a name that itself starts with و', () => {
    expect(texts('محمد ولد عبد العزيز', [[0, 4]])).toEqual(['محمد ولد عبد العزيز']);
    expect(texts('خالد وليد', [[0, 2]])).toEqual(['خالد وليد']);
  });

  /** The lexicons alone (a tagger that finds nothing), without the audit's list. */
  const fromLexicons = (text: string) => {
    const blind = Object.create(model, { backoffSkip: { value: new Set<string>() } }) as NerModel;
    blind.tag = (_t, start, end, out) => { out.fill(TAG_O, 0, end - start); };
    blind.tagWithMarginals = (_t, start, end, out) => { out.fill(TAG_O, 0, end - start); };
    return extractEntities(prepareText(text, norm), blind, { doc: 'd' }).map((m) => [m.type, m.text, m.canonical]);
  };

  it('a city that is also a club is the club in a match report, unless the sentence places it', () => {
    expect(fromLexicons('تعادل روما مع نابولي في الدوري الإيطالي.')).toEqual([['ORG', 'روما', 'روما'], ['ORG', 'نابولي', 'نابولي']]);
    expect(fromLexicons('وصل اللاعبون إلى روما قبل المباراة.')).toEqual([['LOC', 'روما', 'روما']]);
    expect(fromLexicons('زار الرئيس روما ونابولي.')).toEqual([['LOC', 'روما', 'روما'], ['LOC', 'نابولي', 'نابولي']]);
  });
});

describe('name links, leading titles, descriptor heads', () => {
  const PER = ENTITY_TYPES.indexOf('PER');
  const ORG = ENTITY_TYPES.indexOf('ORG');
  const res = () => model.resources;
  const freq = () => res().clusters?.freq ?? null;
  type Rule = (spans: { type: number; start: number; end: number }[], toks: ReturnType<typeof prepareText>['tokens']) => { type: number; start: number; end: number }[];
  /** The spans after a rule, as [type, text], for the given [type, start, end) token spans. */
  const apply = (rule: Rule, text: string, spans: [number, number, number][]) => {
    const toks = prepareText(text, norm).tokens;
    return rule(spans.map(([type, start, end]) => ({ type, start, end })), toks)
      .map((sp) => [ENTITY_TYPES[sp.type], toks.slice(sp.start, sp.end).map((t) => t.text).join(' ')]);
  };
  const links: Rule = (spans, toks) => completeAtConnectors(spans, toks, 0, toks.length, res().triggers, freq());
  const titles: Rule = (spans, toks) => cutLeadingTitles(spans, toks, 0, res().triggers, freq());
  const heads: Rule = (spans, toks) => cutDescriptorHeads(spans, toks, 0, freq());

  it('a person span ending on بن, أبي, أبو or دو runs on to the next word or into the next person span', () => {
    expect(apply(links, 'بايع علي بن أبي طالب', [[PER, 1, 4]])).toEqual([['PER', 'علي بن أبي طالب']]);
    expect(apply(links, 'الحسين بن علي', [[PER, 0, 2]])).toEqual([['PER', 'الحسين بن علي']]);
    expect(apply(links, 'قال إيرفيه دو شاريت', [[PER, 1, 3]])).toEqual([['PER', 'إيرفيه دو شاريت']]);
    expect(apply(links, 'قال إيرفيه دو شاريت', [[PER, 1, 3], [PER, 3, 4]])).toEqual([['PER', 'إيرفيه دو شاريت']]);
    expect(apply(links, 'ابن عبد الله ، وقال', [[PER, 0, 2]])).toEqual([['PER', 'ابن عبد الله']]);
    expect(apply(links, 'حمد بن جاسم آل ثاني', [[PER, 0, 3]])).toEqual([['PER', 'حمد بن جاسم آل ثاني']]);
    expect(apply(links, 'حمد بن جاسم آل ثاني', [[PER, 0, 3], [PER, 4, 5]])).toEqual([['PER', 'حمد بن جاسم آل ثاني']]);
    // ال written without madda is no family link
    expect(apply(links, 'حمد بن جاسم ال ثاني', [[PER, 0, 3]])).toEqual([['PER', 'حمد بن جاسم']]);
  });

  it('takes the first name before بنت or بن, and leaves آبي (Abe), a lone أبي and a function word after the link alone', () => {
    expect(apply(links, 'روت عائشة بنت أبي بكر', [[PER, 3, 5]])).toEqual([['PER', 'عائشة بنت أبي بكر']]);
    expect(apply(links, 'شينزو آبي في طوكيو', [[PER, 0, 2]])).toEqual([['PER', 'شينزو آبي']]);
    expect(apply(links, 'قال أبي قد', [[PER, 1, 2]])).toEqual([['PER', 'أبي']]);
    expect(apply(links, 'سامر أبو من', [[PER, 0, 2]])).toEqual([['PER', 'سامر أبو']]);
    expect(apply(links, 'جان مارك دو لا سابليير', [[PER, 0, 3]])).toEqual([['PER', 'جان مارك دو']]);
  });

  it('a person span loses a leading title with the article, and a second one after it', () => {
    expect(apply(titles, 'التقى الإمبراطور جاتشينغ', [[PER, 1, 3]])).toEqual([['PER', 'جاتشينغ']]);
    expect(apply(titles, 'قال الصحابي الجليل سعد بن أبي وقاص', [[PER, 1, 7]])).toEqual([['PER', 'الجليل سعد بن أبي وقاص']]);
    expect(apply(titles, 'وللرئيس الشيخ زايد', [[PER, 0, 3]])).toEqual([['PER', 'زايد']]);
  });

  it('keeps indefinite titles that begin names (سيد محمد خاتمي, شيخ شريف), البابا, a lone title and organizations', () => {
    for (const text of ['سيد محمد خاتمي', 'شيخ شريف', 'البابا بنديكت']) expect(apply(titles, text, [[PER, 0, text.split(' ').length]]), text).toEqual([['PER', text]]);
    expect(apply(titles, 'الرئيس', [[PER, 0, 1]])).toEqual([['PER', 'الرئيس']]);
    expect(apply(titles, 'الرئيس الفرنسي', [[ORG, 0, 2]])).toEqual([['ORG', 'الرئيس الفرنسي']]);
  });

  it('a one-word definite person span before a nationality adjective is a described noun (الأسد الهندي), not a person', () => {
    const described: Rule = (spans, toks) => dropDescribedNouns(spans, toks, 0, toks.length, res().demonyms, freq());
    expect(apply(described, 'يعيش الأسد الهندي في الغابات', [[PER, 1, 2]])).toEqual([]);
    expect(apply(described, 'قال بشار الأسد السوري', [[PER, 1, 3]])).toEqual([['PER', 'بشار الأسد']]);
    expect(apply(described, 'وصل الأسد أمس', [[PER, 1, 2]])).toEqual([['PER', 'الأسد']]);
    expect(apply(described, 'زار النعيمي السعودية', [[PER, 1, 2]])).toEqual([['PER', 'النعيمي']]);
  });

  it('an organization span loses a descriptor head (حركة, شركة, نادي, صحيفة), not a head that is part of the name', () => {
    expect(apply(heads, 'لحركة الجهاد الإسلامي', [[ORG, 0, 3]])).toEqual([['ORG', 'الجهاد الإسلامي']]);
    expect(apply(heads, 'شركة نيسان', [[ORG, 0, 2]])).toEqual([['ORG', 'نيسان']]);
    expect(apply(heads, 'ونادي تشارلتون', [[ORG, 0, 2]])).toEqual([['ORG', 'تشارلتون']]);
    expect(apply(heads, 'والنادي الأهلي', [[ORG, 0, 2]])).toEqual([['ORG', 'الأهلي']]);
    for (const text of ['حزب الله', 'جامعة القاهرة', 'وكالة الصحافة الفرنسية', 'الشركة السعودية للكهرباء', 'شركة']) {
      expect(apply(heads, text, [[ORG, 0, text.split(' ').length]]), text).toEqual([['ORG', text]]);
    }
    expect(apply(heads, 'نادي محمد', [[PER, 0, 2]])).toEqual([['PER', 'نادي محمد']]);
  });

  it('end to end, a lexicon form with its descriptor (صحيفة هآرتس) is named without it', () => {
    const blind = Object.create(model, { backoffSkip: { value: new Set<string>() } }) as NerModel;
    blind.tag = (_t, start, end, out) => { out.fill(TAG_O, 0, end - start); };
    blind.tagWithMarginals = (_t, start, end, out) => { out.fill(TAG_O, 0, end - start); };
    const text = 'ونقلت صحيفة هآرتس الخبر.';
    const ms = extractEntities(prepareText(text, norm), blind, { doc: 'd' });
    expect(ms.map((m) => [m.type, m.text, m.source])).toEqual([['ORG', 'هآرتس', 'gazetteer']]);
    expectExactSlices(text, ms);
  });
});

describe('words the lexicons list whole, repeats written otherwise', () => {
  const PER = ENTITY_TYPES.indexOf('PER');
  /** A tagger that tags exactly the tokens written as one of `names` as one-word persons, with full confidence. */
  const taggerOf = (names: string[]) => {
    const stub = Object.create(model) as NerModel;
    stub.tagWithMarginals = (toks, start, end, out, marg) => {
      out.fill(TAG_O, 0, end - start);
      for (let i = start; i < end; i++) if (names.includes(toks[i].text)) out[i - start] = tagB(PER);
      for (let i = 0; i < end - start; i++) marg[i * NUM_TAGS + out[i]] = 1;
    };
    return stub;
  };

  it('a first name or lexicon name that starts like a proclitic keeps its letters: فيصل, فادي, كاليفورنيا, لمجرد', () => {
    for (const word of ['فيصل', 'فادي', 'كاليفورنيا', 'لمجرد']) {
      const text = `وقال ${word} أمس`;
      const ms = extractEntities(prepareText(text, norm), taggerOf([word]), { doc: 'd', gazetteerBackoff: false, consistency: false });
      expect(ms.map((m) => m.text), word).toEqual([word]);
    }
    // a glued proclitic is still cut when the word as written is no listed name
    const ms = extractEntities(prepareText('وقال لفيصل أمس', norm), taggerOf(['لفيصل']), { doc: 'd', gazetteerBackoff: false, consistency: false });
    expect(ms.map((m) => m.text)).toEqual(['فيصل']);
  });

  it('a name found once is tagged again where it recurs written the same way, never on a word that normalizes like it (علي, على)', () => {
    const text = 'وصل علي إلى القاعة. وجلس على الكرسي، ثم قال علي إن الاجتماع انتهى.';
    const stub = taggerOf([]);
    let first = true;
    // only the first علي is the tagger's; the second must come from the one-reading rule
    stub.tagWithMarginals = (toks, start, end, out, marg) => {
      out.fill(TAG_O, 0, end - start);
      for (let i = start; i < end && first; i++) if (toks[i].text === 'علي') { out[i - start] = tagB(PER); first = false; }
      for (let i = 0; i < end - start; i++) marg[i * NUM_TAGS + out[i]] = 1;
    };
    const ms = extractEntities(prepareText(text, norm), stub, { doc: 'd', gazetteerBackoff: false });
    expect(ms.map((m) => [m.text, m.source])).toEqual([['علي', 'model'], ['علي', 'rule']]);
    expectExactSlices(text, ms);
  });
});

describe('a name the tagger cut short', () => {
  /** A tagger that tags tokens [from, to) of each sentence's text as one span of `type`. */
  const spanTagger = (type: string, from: number, to: number) => {
    const stub = Object.create(model) as NerModel;
    const t = ENTITY_TYPES.indexOf(type as (typeof ENTITY_TYPES)[number]);
    stub.tagWithMarginals = (_toks, start, end, out, marg) => {
      out.fill(TAG_O, 0, end - start);
      for (let i = from; i < to && i < end - start; i++) out[i] = i === from ? tagB(t) : tagI(t);
      for (let i = 0; i < end - start; i++) marg[i * NUM_TAGS + out[i]] = 1;
    };
    return stub;
  };
  const run1 = (text: string, type: string, from: number, to: number) =>
    extractEntities(prepareText(text, norm), spanTagger(type, from, to), { doc: 'd' }).map((m) => [m.type, m.text]);

  it('takes the lexicon name that it begins when the lexicons do not know the span alone', () => {
    expect(run1('زار الولايات المتحدة أمس', 'LOC', 1, 2)).toEqual([['LOC', 'الولايات المتحدة']]);
    expect(run1('في شبه الجزيرة العربية', 'LOC', 1, 2)).toEqual([['LOC', 'شبه الجزيرة العربية']]);
  });

  it('leaves a span the lexicons know as a name of its own, and a descriptor before a name, alone', () => {
    // أفريقيا is a name of its own; it is not cut short of أفريقيا الوسطى by the tagger's choice
    expect(run1('جاء من أفريقيا', 'LOC', 2, 3)).toEqual([['LOC', 'أفريقيا']]);
    // صحيفة هآرتس: the tagger's هآرتس stays without the descriptor
    expect(run1('نقلت صحيفة هآرتس', 'ORG', 2, 3)).toEqual([['ORG', 'هآرتس']]);
  });

  it('takes a regnal number after a one-word or titled name, not the rank after a player of two names', () => {
    expect(run1('توفي الملك الحسن الثاني عام 1999', 'PER', 2, 3)).toEqual([['PER', 'الحسن الثاني']]);
    expect(run1('وقال البابا بنديكت السادس عشر إن السلام ممكن', 'PER', 2, 3)).toEqual([['PER', 'بنديكت السادس عشر']]);
    expect(run1('وحل فرناندو غونزاليز العاشر في الترتيب', 'PER', 1, 3)).toEqual([['PER', 'فرناندو غونزاليز']]);
  });
});
