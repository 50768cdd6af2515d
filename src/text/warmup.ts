/**
 * Runs the text core once over a short text that takes every branch of the normalizer, the
 * tokenizer and the sentence splitter, before a thread analyzes real documents.
 *
 * Why: V8 optimizes a hot function from the type feedback gathered so far. News text reaches
 * the rare branches (a URL, an e-mail, an emoji, a lone mark) only after the hot loops have been
 * optimized, and each first visit threw the optimized code away ("insufficient type feedback")
 * and compiled it again: measured on half the ANT corpus, tokenizeUnits was compiled 11 times
 * (650 ms of compiling), in a worker on the worker's own thread. With every branch seen first,
 * the first optimized code is the last. The results are thrown away; nothing is cached.
 */
import { normalizerFor, NormBuffer, unitsOf } from './normalize.js';
import { codePointLength } from './offsets.js';
import { splitSentences } from './sentences.js';
import { TokenBuffer, tokenizeUnits } from './tokenize.js';

/** One of every kind of thing the tokenizer, the sentence splitter and the normalizer treat apart. */
const SAMPLE = [
  'قالَ الوزيرُ: «إنّ المغربـــيّة ستُعلن.» ثم غادر!',
  'د. محمد و J. K. Rowling في 2023م. منذ 300 ق.م تقريبا؟! نعم...',
  'الرابط https://example.com/a?b=1, وwww.site.ma. والبريد a.b@mail.co.ma أو x@y و@ و#',
  '#وسم_جديد #tag_1 @user.name @_x 1.5 2,000 ١٢٫٥ ۱۲ 5km 3D G20 mp3 2024م و2024',
  'Привет Hello мир Wörld ﻻ ﺍﻟﺴﻼﻡ ﷺ کتاب ی ہ ٱ أإآ ى ة ؤ ئ ا\u0654 ب\u0654 و\u0653',
  '\u200fمرحبا\u200c \u061c \u202b ــ َ ُ ٰ ۖ \u08d3 😀 👨\u200d👩\u200d👧 ❤\ufe0f \ud800 $ % + = ( ) [ ] … ۔',
  '\n\nسطر جديد\r\nآخر ، ؛ " \' - _ * / \\ | ~ ^ ` { } < > ٪ ٭ ° € £ ¥',
].join('\n');

export function warmUpTextCore(rounds = 3): void {
  const norm = new NormBuffer();
  const tokens = new TokenBuffer();
  const bounds: number[] = [];
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    // The default profile only: building the tables of the others costs more than it saves.
    const normalizer = normalizerFor('standard');
    for (const withOffsets of [true, false]) {
      const len = normalizer.normalizeInto(SAMPLE, norm, withOffsets);
      tokenizeUnits(norm.units, len, tokens);
      sink += splitSentences(norm.units, tokens, bounds).length;
    }
    sink += normalizer.normalizeString('أحمد').length + normalizer.normalizeString('word').length;
    sink += codePointLength(SAMPLE) + codePointLength('كلمة') + unitsOf('قصير')[0];
  }
  if (sink < 0) throw new Error('unreachable');
}
