import { describe, expect, it } from 'vitest';
import { NormBuffer, Normalizer, PROFILES, STEP_INFO, STEPS, normalizerFor, toOriginal, type Step } from '../../src/text/normalize.js';
import { codePointLength } from '../../src/text/offsets.js';

const only = (...steps: Step[]) => new Normalizer(steps);

describe('normalization steps', () => {
  it('each step turns its documented example into the documented result', () => {
    for (const step of STEPS) {
      const [input, output] = STEP_INFO[step].example;
      // the examples of letter steps may need the presentation step to be readable; run the step alone
      expect(only(step).normalizeString(input), step).toBe(output);
    }
  });

  it('removes harakat, shadda, tanwin, sukun, dagger alef and Quranic marks', () => {
    expect(only('diacritics').normalizeString('بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ')).toBe('بسم ٱلله ٱلرحمن');
    expect(only('diacritics').normalizeString('ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَ ۛ فِيهِ ۛ')).toBe('ذلك ٱلكتب لا ريب  فيه ');
  });

  it('folds alef variants, alef maksura and Persian letters only when asked', () => {
    expect(only('alef').normalizeString('أإآٱ')).toBe('اااا');
    expect(only('ya').normalizeString('على مستشفى')).toBe('علي مستشفي');
    expect(only('persian').normalizeString('کیک')).toBe('كيك');
    expect(normalizerFor('light').normalizeString('أحمد على')).toBe('أحمد على');
  });

  it('aggressive folds ta marbuta and hamza seats, standard does not', () => {
    expect(normalizerFor('aggressive').normalizeString('مسؤولة قائد')).toBe('مسءوله قاءد');
    expect(normalizerFor('standard').normalizeString('مسؤولة قائد')).toBe('مسؤولة قائد');
  });

  it('converts Eastern Arabic and Persian digits with the Arabic decimal separator', () => {
    expect(only('digits').normalizeString('٢٠٢٤ ۱۴۰۳ ٣٫١٤ ١٬٠٠٠')).toBe('2024 1403 3.14 1,000');
  });

  it('removes zero-width and bidi controls', () => {
    expect(only('controls').normalizeString('\u202Bأهلا\u202C \u2067FBI\u2069 ب\u200Cه\u061C')).toBe('أهلا FBI به');
  });

  it('profile none changes nothing', () => {
    const s = 'ﻻ أَحْمَد ٢٠٢٤ \u200Fـ';
    expect(normalizerFor('none').normalizeString(s)).toBe(s);
  });

  it('profiles are nested: light within standard within aggressive', () => {
    for (const s of PROFILES.light) expect(PROFILES.standard).toContain(s);
    for (const s of PROFILES.standard) expect(PROFILES.aggressive).toContain(s);
  });
});

describe('offset map', () => {
  it('1 to n: the lam-alef ligature becomes two letters, both mapped to the ligature', () => {
    const n = normalizerFor('standard').normalize('\uFEFBبد');
    expect(n.text).toBe('لابد');
    expect(toOriginal(n, 0, 1)).toEqual([0, 1]);
    expect(toOriginal(n, 1, 2)).toEqual([0, 1]);
    expect(toOriginal(n, 2, 4)).toEqual([1, 3]);
  });

  it('n to 1: alef + combining hamza becomes one letter mapped to both', () => {
    const n = normalizerFor('light').normalize('ا\u0654من');
    expect(n.text).toBe('أمن');
    expect(toOriginal(n, 0, 1)).toEqual([0, 2]);
    expect(toOriginal(n, 1, 3)).toEqual([2, 4]);
    expect(normalizerFor('standard').normalize('ا\u0654من').text).toBe('امن');
  });

  it('deletions: diacritics stay with their letter, controls belong to nobody', () => {
    const text = '\u200Fكَتَبَ الدَّرْسَ';
    const n = normalizerFor('standard').normalize(text);
    expect(n.text).toBe('كتب الدرس');
    const [s, e] = toOriginal(n, 0, 3);
    expect(text.slice(s, e)).toBe('كَتَبَ');
    const [s2, e2] = toOriginal(n, 4, 9);
    expect(text.slice(s2, e2)).toBe('الدَّرْسَ');
  });

  it('tatweel inside a word keeps the word one span', () => {
    const text = 'المـــغرب';
    const n = normalizerFor('standard').normalize(text);
    expect(n.text).toBe('المغرب');
    expect(toOriginal(n, 0, 6)).toEqual([0, 9]);
  });

  it('astral characters pass through with their two code units', () => {
    const text = 'مرحبا 😀 أهلا';
    const n = normalizerFor('standard').normalize(text);
    expect(n.text).toBe('مرحبا 😀 اهلا');
    expect(toOriginal(n, 6, 8)).toEqual([6, 8]);
  });
});

describe('code units kept exactly', () => {
  it('keeps lone surrogates and a leading U+FEFF that no step removes, in long texts too', () => {
    const none = normalizerFor('none');
    const long = '\uFEFFأ\uD800ب'.repeat(40);
    expect(none.normalizeString(long)).toBe(long);
    expect(none.normalize(long).text).toBe(long);
  });

  it('counts the surrogate pairs of its source (a text in code points is its length minus them), lone halves not', () => {
    const buf = new NormBuffer();
    for (const text of ['مرحبا 😀 👨\u200d👩 ﷺ', '\uD800ب\uDC00', 'x\uD83D', '\uD83D\uDE00\uD83D\uDE00', '', 'بلا رموز']) {
      for (const profile of ['none', 'standard'] as const) {
        normalizerFor(profile).normalizeInto(text, buf, profile === 'none');
        expect(text.length - buf.pairs, JSON.stringify(text)).toBe(codePointLength(text));
        expect(text.length - buf.pairs).toBe([...text].length);
      }
    }
  });
});

