import { describe, expect, it } from 'vitest';
import { CliticAnalyzer, analysisNormalizer, analyzeToken, cliticSpans, hasArticle } from '../../src/text/clitics.js';
import { prepareText } from '../../src/text/prepare.js';
import { WordLexicon, loadWordLexicon } from '../../src/text/wordLexicon.js';

/** The lexicon shipped in data/lexicons (part of the repository). */
const shipped = new CliticAnalyzer(loadWordLexicon());
const split = (form: string) => {
  const a = shipped.analyze(form);
  return { pro: a.proclitics.join('+'), word: a.word, enc: a.enclitic };
};

describe('clitic analysis with the shipped lexicon', () => {
  it('splits conjunctions, prepositions and the article off attested words', () => {
    expect(split('والمغرب')).toEqual({ pro: 'و+ال', word: 'المغرب', enc: '' });
    expect(split('بالمغرب')).toEqual({ pro: 'ب+ال', word: 'المغرب', enc: '' });
    expect(split('فالمغرب')).toEqual({ pro: 'ف+ال', word: 'المغرب', enc: '' });
    expect(split('وبالمغرب')).toEqual({ pro: 'و+ب+ال', word: 'المغرب', enc: '' });
    expect(split('وقال')).toEqual({ pro: 'و', word: 'قال', enc: '' });
    expect(split('سيكون')).toEqual({ pro: 'س', word: 'يكون', enc: '' });
    expect(split('وإلى')).toEqual({ pro: 'و', word: 'إلى', enc: '' });
  });

  it('restores the article after ل (the alef, and the lam before a word in ل)', () => {
    expect(split('للمغرب')).toEqual({ pro: 'ل+ال', word: 'المغرب', enc: '' });
    expect(split('وللمغرب')).toEqual({ pro: 'و+ل+ال', word: 'المغرب', enc: '' });
    expect(split('للغة')).toEqual({ pro: 'ل+ال', word: 'اللغة', enc: '' });
    // ل + a name beginning with ل: no article
    expect(split('لليبيا')).toEqual({ pro: 'ل', word: 'ليبيا', enc: '' });
    expect(split('لله')).toEqual({ pro: 'ل', word: 'الله', enc: '' });
  });

  it('splits pronoun enclitics and restores the letter written before them', () => {
    expect(split('حكومته')).toEqual({ pro: '', word: 'حكومة', enc: 'ه' });
    expect(split('عليه')).toEqual({ pro: '', word: 'على', enc: 'ه' });
    expect(split('مستواه')).toEqual({ pro: '', word: 'مستوى', enc: 'ه' });
    expect(split('أبناؤه')).toEqual({ pro: '', word: 'أبناء', enc: 'ه' });
    expect(split('فيها')).toEqual({ pro: '', word: 'في', enc: 'ها' });
    expect(split('لدينا')).toEqual({ pro: '', word: 'لدى', enc: 'نا' });
    expect(split('وكتابه')).toEqual({ pro: 'و', word: 'كتاب', enc: 'ه' });
    // one clitic read first: فكرة + ه, not ف + كرة + ه
    expect(split('فكرته')).toEqual({ pro: '', word: 'فكرة', enc: 'ه' });
  });

  it('leaves words whole when they are words of their own', () => {
    for (const w of ['والي', 'بلد', 'فيلم', 'كتاب', 'لبنان', 'كان', 'كانت', 'فكرة', 'بعد', 'فقط', 'بين', 'وطن', 'عربي', 'سنوات', 'كأس', 'بنك', 'هناك', 'تلك', 'عامي']) {
      expect(split(w), w).toEqual({ pro: '', word: w, enc: '' });
    }
  });

  it('marks the article without removing it from the word', () => {
    const a = shipped.analyze('المغرب');
    expect(a).toMatchObject({ proclitics: ['ال'], word: 'المغرب', base: 'مغرب', prefixLength: 0, articleLength: 2 });
    // hamza-less spellings of أل words and relative pronouns carry no article
    expect(shipped.analyze('المانيا').proclitics).toEqual([]);
    expect(shipped.analyze('الذي').proclitics).toEqual([]);
    expect(hasArticle('الاتفاق')).toBe(true);
    expect(hasArticle('الله')).toBe(false);
  });

  it('returns the same object for the same form (cached)', () => {
    expect(shipped.analyze('بالمغرب')).toBe(shipped.analyze('بالمغرب'));
  });
});

describe('clitic analysis rules on a hand-made lexicon', () => {
  const lex = WordLexicon.of({ قال: 100, وقال: 150, كان: 1000, ان: 10, فكرة: 100, الفكرة: 50, كرة: 500, كتاب: 40, كتابه: 5, دولار: 2 });
  const an = new CliticAnalyzer(lex);
  it('accepts a split when the word is attested and the form is not too frequent for it', () => {
    expect(an.analyze('وقال').word).toBe('قال'); // 150 <= 30 * 100
    expect(an.analyze('وكتابه')).toMatchObject({ proclitics: ['و'], word: 'كتاب', enclitic: 'ه' });
  });
  it('rejects a split when the form is far more frequent than the clitic reading allows', () => {
    expect(an.analyze('كان').word).toBe('كان'); // 1000 > 1 * 10 (ك is a rare clitic)
  });
  it('rejects a split when the form takes the article itself', () => {
    expect(an.analyze('فكرة').word).toBe('فكرة'); // الفكرة is attested
  });
  it('rejects a split when the word is too rare', () => {
    expect(an.analyze('بدولار').word).toBe('بدولار'); // دولار seen twice < minBase 3
  });
  it('leaves everything whole with an empty lexicon', () => {
    const none = new CliticAnalyzer(WordLexicon.empty());
    for (const w of ['وقال', 'بالمغرب', 'حكومته']) expect(none.analyze(w).word).toBe(w);
  });
});

describe('original offsets of the word and the base', () => {
  const normalizer = analysisNormalizer('standard');

  it('keeps a diacritic of the prefix out of the word span', () => {
    const text = 'قال إنَّ وَبِالْمَغْرِبِ خيراً';
    const p = prepareText(text, normalizer);
    const tok = p.tokens[2];
    expect(tok.text).toBe('وَبِالْمَغْرِبِ');
    expect(tok.norm).toBe('وبالمغرب');
    const a = analyzeToken(shipped, tok, p.norm);
    expect(text.slice(a.wordStart, a.wordEnd)).toBe('الْمَغْرِبِ');
    expect(text.slice(a.baseStart, a.baseEnd)).toBe('مَغْرِبِ');
    expect(text.slice(tok.start, a.wordStart)).toBe('وَبِ');
  });

  it('points at the written lam for a fused article and stops before the enclitic', () => {
    const text = 'ذهب لِلْمَغْرِبِ وحكومتُهُ';
    const p = prepareText(text, normalizer);
    const fused = analyzeToken(shipped, p.tokens[1], p.norm);
    expect(text.slice(fused.wordStart, fused.wordEnd)).toBe('لْمَغْرِبِ');
    expect(text.slice(fused.baseStart, fused.baseEnd)).toBe('مَغْرِبِ');
    const enc = analyzeToken(shipped, p.tokens[2], p.norm);
    expect(enc).toMatchObject({ proclitics: ['و'], word: 'حكومة', enclitic: 'ه' });
    expect(text.slice(enc.wordStart, enc.wordEnd)).toBe('حكومتُ');
  });

  it('maps through a lam-alef ligature', () => {
    // U+FEFB (lam-alef) becomes two letters, both mapped to the ligature
    const text = 'و\uFEFBعبون';
    const p = prepareText(text, normalizer);
    expect(p.tokens[0].norm).toBe('ولاعبون');
    const a = analyzeToken(shipped, p.tokens[0], p.norm);
    expect(a).toMatchObject({ proclitics: ['و'], word: 'لاعبون' });
    expect(text.slice(a.wordStart, a.wordEnd)).toBe('\uFEFBعبون');
    expect(cliticSpans(a, 0, p.norm.starts, p.norm.ends).wordStart).toBe(1);
  });
});
