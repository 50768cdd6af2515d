import { describe, expect, it } from 'vitest';
import { lexiconType } from '../../src/analyze/entities/extract.js';
import { cutAtNotNames, readsAsDialect, splitAtListedConjunct } from '../../src/analyze/entities/spanRules.js';
import { loadResources } from '../../src/analyze/entities/resources.js';
import { normalizerFor } from '../../src/text/normalize.js';
import { prepareText } from '../../src/text/prepare.js';

// Sentences of Darija news (goud.ma style) where the tagger, trained on MSA, had run a name into
// the dialect words around it; the span is given as the tagger gave it, token indexes.
const norm = normalizerFor('standard');
const { notNames } = loadResources({ clustersPath: null });

function cut(text: string, start: number, end: number): string[] {
  const p = prepareText(text, norm);
  return cutAtNotNames([{ type: 0, start, end }], p.tokens, 0, notNames, readsAsDialect(p.tokens, notNames)).map((s) => p.tokens.slice(s.start, s.end).map((t) => t.text).join(' '));
}

describe('words that are never part of a name (not-names.txt)', () => {
  it('are read from the lexicon folder, weak forms marked', () => {
    expect(notNames!.get('اللي')).toBe(false);
    expect(notNames!.get('هادي')).toBe(true);
  });

  it('cut a span and leave the name before them', () => {
    expect(cut('الصحافي سليمان الريسوني اللي كاين فالحبس', 1, 5)).toEqual(['سليمان الريسوني']);
    expect(cut('وقالت سميرة اللي خدامة معاه', 1, 3)).toEqual(['سميرة']);
    expect(cut('الوزير محمد الوفا اللّي كان', 1, 4)).toEqual(['محمد الوفا']); // with a shadda
  });

  it('keep two words or more after them, not one', () => {
    expect(cut('شفتي هاد بن زايد', 1, 4)).toEqual(['بن زايد']);
    expect(cut('راه ماشي ساهل', 1, 3)).toEqual([]);
    expect(cut('قالت ليه واللي دار', 2, 4)).toEqual([]); // after و
  });

  it('drop a weak form only when it is the whole span, in a document that reads as Darija', () => {
    expect(cut('واش قال هادي اللي كتب', 2, 3)).toEqual([]);
    expect(cut('التقى الرئيس هادي بالوفد في الرياض', 2, 3)).toEqual(['هادي']); // president Hadi of Yemen, MSA
    expect(cut('الرئيس عبد ربه منصور هادي', 1, 5)).toEqual(['عبد ربه منصور هادي']);
    expect(cut('صرح المصمم كريستوفر كاين للصحيفة', 2, 4)).toEqual(['كريستوفر كاين']); // Kane, a name inside a span
  });

  it('leave the Iraqi province ديالى alone (ديالي, my, is not listed)', () => {
    expect(cut('اشتباكات في محافظة ديالى شمال بغداد', 3, 4)).toEqual(['ديالى']);
  });

  it('tell a Darija document by two different listed words', () => {
    const dialect = (t: string) => readsAsDialect(prepareText(t, norm).tokens, notNames);
    expect(dialect('واش كاين شي حد اللي جا')).toBe(true);
    expect(dialect('قال اللي اللي')).toBe(false);
    expect(dialect('قال الرئيس هادي إن الحوار مستمر')).toBe(false);
  });

  it('leave MSA names alone', () => {
    expect(cut('استقبل الملك محمد السادس وفدا', 2, 4)).toEqual(['محمد السادس']);
  });
});

describe('two names joined by و', () => {
  // the span is given as the tagger might give it (one ORG over both names), token indexes
  const { gazetteer } = loadResources({ clustersPath: null });
  function split(text: string, start: number, end: number): string[] {
    const p = prepareText(text, norm);
    const hits = gazetteer!.matchAll(p.tokens, 0, p.tokens.length, null);
    return splitAtListedConjunct([{ type: 2, start, end }], hits, p.tokens, 0).map((s) => p.tokens.slice(s.start, s.end).map((t) => t.text).join(' '));
  }

  it('are cut before و + a lexicon name inside the span', () => {
    expect(split('مباراة بين أرسنال وموناكو', 2, 4)).toEqual(['أرسنال', 'وموناكو']);
    expect(split('وتابع مانشستر يونايتد وليون انطلاقته', 1, 4)).toEqual(['مانشستر يونايتد', 'وليون']);
  });

  it('stay whole when the lexicons know the whole span, or the second part is no name', () => {
    expect(split('زار الوفد البوسنة والهرسك', 2, 4)).toEqual(['البوسنة والهرسك']);
    expect(split('حزب الأصالة والمعاصرة', 0, 3)).toEqual(['حزب الأصالة والمعاصرة']);
  });
});

describe('the type of a span the tagger is unsure of', () => {
  // extractEntities asks lexiconType only for a model span whose mean marginal is under 0.8
  const { gazetteer } = loadResources({ clustersPath: null });
  function typeOf(text: string, start: number, end: number): string | undefined {
    const p = prepareText(text, norm);
    return lexiconType(gazetteer!.matchAll(p.tokens, 0, p.tokens.length, null), start, end);
  }

  it('comes from the lexicons when they list exactly that name under one type', () => {
    expect(typeOf('قوات المساعدة بقيادة الناتو بأفغانستان', 3, 4)).toBe('ORG');
    expect(typeOf('وقال مسؤول في البيت الأبيض', 3, 5)).toBe('ORG');
    expect(typeOf('عاد الوفد إلى الجزائر', 3, 4)).toBe('LOC');
  });

  it('stays the tagger\'s for a common word, a name of two types, or another span', () => {
    expect(typeOf('ارتفعت مبيعات نيسان', 2, 3)).toBeUndefined(); // weak: also the month
    expect(typeOf('فاز ليون على مرسيليا', 1, 2)).toBeUndefined(); // the city and the club
    expect(typeOf('قوات المساعدة بقيادة الناتو بأفغانستان', 3, 5)).toBeUndefined();
    expect(typeOf('قال مسؤول في البيت', 3, 4)).toBeUndefined();
  });
});
