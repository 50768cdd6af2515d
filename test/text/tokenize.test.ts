import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizerFor, type Profile } from '../../src/text/normalize.js';
import { prepareText } from '../../src/text/prepare.js';
import { tokenize } from '../../src/text/tokenize.js';

const std = normalizerFor('standard');
const toks = (s: string, profile: Profile = 'standard') => tokenize(normalizerFor(profile).normalize(s));
const pairs = (s: string) => toks(s).map((t) => [t.kind, t.text]);

describe('tokenizer', () => {
  it('splits Arabic words, punctuation and numbers with original offsets', () => {
    const text = 'قالَ المديرُ: "الأمنُ أولاً"، 2024.';
    const t = toks(text);
    expect(t.map((x) => x.norm)).toEqual(['قال', 'المدير', ':', '"', 'الامن', 'اولا', '"', '،', '2024', '.']);
    for (const x of t) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(t[1].text).toBe('المديرُ');
  });

  it('keeps numbers with separators whole, Western and Eastern', () => {
    expect(pairs('بلغ 1.5 مليون و2,000 درهم أي ٢٠٢٤ و١٢٫٥')).toEqual([
      ['arabic', 'بلغ'], ['number', '1.5'], ['arabic', 'مليون'], ['arabic', 'و'], ['number', '2,000'], ['arabic', 'درهم'],
      ['arabic', 'أي'], ['number', '٢٠٢٤'], ['arabic', 'و'], ['number', '١٢٫٥'],
    ]);
    expect(toks('٢٠٢٤')[0].norm).toBe('2024');
  });

  it('splits an era letter from its year but keeps Latin acronyms and Latin+digit words', () => {
    expect(pairs('عام 2023م و1445هـ')).toEqual([['arabic', 'عام'], ['number', '2023'], ['arabic', 'م'], ['arabic', 'و'], ['number', '1445'], ['arabic', 'هـ']]);
    expect(pairs('مدير FBI وقمة G20')).toEqual([['arabic', 'مدير'], ['latin', 'FBI'], ['arabic', 'وقمة'], ['mixed', 'G20']]);
  });

  it('keeps URLs, e-mails, hashtags and mentions as one token', () => {
    expect(pairs('زوروا https://www.hespress.com/politique/123.html، أو راسلوا info@goud.ma #المغرب_اليوم @MAP_Agency')).toEqual([
      ['arabic', 'زوروا'], ['url', 'https://www.hespress.com/politique/123.html'], ['punctuation', '،'], ['arabic', 'أو'],
      ['arabic', 'راسلوا'], ['email', 'info@goud.ma'], ['hashtag', '#المغرب_اليوم'], ['mention', '@MAP_Agency'],
    ]);
  });

  it('ends a hashtag where a link glued to it begins (tweets of ArSarcasm: #أبلhttps://t.co/...)', () => {
    expect(pairs('تخدمي #أجهزة #أبلhttps://t.co/8LikGFNvm9 https://t.co/x')).toEqual([
      ['arabic', 'تخدمي'], ['hashtag', '#أجهزة'], ['hashtag', '#أبل'], ['url', 'https://t.co/8LikGFNvm9'], ['url', 'https://t.co/x'],
    ]);
    expect(pairs('#tagwww.site.ma #whatever')).toEqual([['hashtag', '#tag'], ['url', 'www.site.ma'], ['hashtag', '#whatever']]);
  });

  it('groups runs of final punctuation and leaves emoji as symbols', () => {
    expect(pairs('معقول؟! والله... 😂')).toEqual([['arabic', 'معقول'], ['punctuation', '؟!'], ['arabic', 'والله'], ['punctuation', '...'], ['symbol', '😂']]);
  });

  it('keeps diacritics and tatweel inside the word in profile none', () => {
    expect(pairs('مُحَمَّـــد')).toEqual([['arabic', 'مُحَمَّـــد']]);
    expect(toks('مُحَمَّـــد', 'none')[0].norm).toBe('مُحَمَّـــد');
  });

  it('is linear on adversarial input', () => {
    const s = 'a.'.repeat(200_000) + '@';
    const t0 = performance.now();
    const t = toks(s);
    expect(t.length).toBe(400_001);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('sentences', () => {
  const sentences = (text: string) => prepareText(text, std).sentences.map((s) => text.slice(s.start, s.end));

  it('splits at . ! ? ؟ … and line breaks, keeping closing quotes', () => {
    expect(sentences('وصل الوفد. هل انتهى الاجتماع؟ قال: "نعم!" ثم غادر…\nعنوان بلا نقطة\nنص آخر')).toEqual([
      'وصل الوفد.', 'هل انتهى الاجتماع؟', 'قال: "نعم!"', 'ثم غادر…', 'عنوان بلا نقطة', 'نص آخر',
    ]);
  });

  it('does not split after abbreviations, inside decimals or URLs', () => {
    expect(sentences('استقبل د. محمد وزير الصحة. بلغت النسبة 3.5 بالمئة في www.example.com/a.b اليوم. ولد عام 300 ق.م في روما.')).toEqual([
      'استقبل د. محمد وزير الصحة.', 'بلغت النسبة 3.5 بالمئة في www.example.com/a.b اليوم.', 'ولد عام 300 ق.م في روما.',
    ]);
  });

  it('does not split inside an acronym spelled with the Arabic names of Latin letters', () => {
    expect(sentences('وقال مراسل بي. بي. سي إن الوضع هادئ. وأكدت سي. آي. إيه ذلك.')).toEqual([
      'وقال مراسل بي. بي. سي إن الوضع هادئ.', 'وأكدت سي. آي. إيه ذلك.',
    ]);
    // a common word that is also a letter name ends a sentence outside a dotted chain
    expect(sentences('لم يكن يعرف أي. بي رأيه.')).toEqual(['لم يكن يعرف أي.', 'بي رأيه.']);
  });

  it('ends a sentence after a year with its era letter', () => {
    expect(sentences('وقع ذلك سنة 2023م. ثم عاد.')).toEqual(['وقع ذلك سنة 2023م.', 'ثم عاد.']);
  });
});

// Text mixing everything the normalizer touches.
const pieces = [
  'ا', 'أ', 'إ', 'آ', 'ٱ', 'ى', 'ي', 'ة', 'ؤ', 'ئ', 'ک', 'ی', 'ہ', 'ب', 'ل', 'م', 'ال', 'و',
  '\u064E', '\u0650', '\u0651', '\u0652', '\u0670', '\u06D6', '\u08F0', '\u0640', '\u0654', '\u0653',
  '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\u202B', '\u2067', '\u2069', '\uFEFF',
  '\uFEFB', '\uFEF5', '\uFE8D', '\uFEE1', '\uFDF2', '\uFDFA', '\uFE70', '\uFB8E',
  '٠', '٩', '۴', '٫', '٬', '0', '7', '.', ',', 'A', 'z', 'FBI', ' ', '\n', '\r\n', '،', '؟', '!', '#', '@', '_', '😀', 'http://a.b/c', 'x@y.co',
];
const arbText = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join(''));

describe('property: offsets survive normalization', () => {
  it('every token slice of the original normalizes to its normalized form', () => {
    for (const profile of ['none', 'light', 'standard', 'aggressive'] as const) {
      const n = normalizerFor(profile);
      fc.assert(
        fc.property(arbText, (text) => {
          const norm = n.normalize(text);
          for (const t of tokenize(norm)) {
            expect(text.slice(t.start, t.end)).toBe(t.text);
            expect(n.normalizeString(t.text)).toBe(t.norm);
          }
        }),
        { numRuns: 300 },
      );
    }
  });

  it('the map never decreases and stays inside the original', () => {
    fc.assert(
      fc.property(arbText, (text) => {
        const norm = std.normalize(text);
        for (let i = 0; i < norm.text.length; i++) {
          expect(norm.starts[i]).toBeLessThan(norm.ends[i]);
          expect(norm.ends[i]).toBeLessThanOrEqual(text.length);
          if (i > 0) expect(norm.starts[i]).toBeGreaterThanOrEqual(norm.starts[i - 1]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('sentences cover tokens in order without overlap', () => {
    fc.assert(
      fc.property(arbText, (text) => {
        const p = prepareText(text, std);
        let next = 0;
        for (const s of p.sentences) {
          expect(s.firstToken).toBe(next);
          expect(s.endToken).toBeGreaterThan(s.firstToken);
          next = s.endToken;
        }
        expect(next).toBe(p.tokens.length);
      }),
      { numRuns: 300 },
    );
  });
});
