import { describe, expect, it } from 'vitest';
import { KwicSearcher, KwicSettings, leftContext, rightContext, sortKwic } from '../../src/analyze/keywords/kwic.js';
import { DEFAULT_TERM_SETTINGS } from '../../src/analyze/keywords/terms.js';

const search = (pattern: string, text: string, over: Partial<KwicSettings> = {}) =>
  new KwicSearcher({ ...DEFAULT_TERM_SETTINGS, pattern, match: 'word', width: 12, ...over }).add({ id: 'doc', text });

/** The slice of the original text between code point offsets. */
const cpSlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

// an emoji (two UTF-16 units, one code point) and diacritics before the matches
const TEXT = '😀 زار الوزير المغرب.\nوبالمغرب، قال: إنَّ لِلْمَغْرِبِ دوراً، والمغربية بلد.';

describe('KWIC', () => {
  it('finds every clitic form of the word, not other words', () => {
    const rows = search('المغرب', TEXT);
    expect(rows.map((r) => r.match)).toEqual(['المغرب', 'وبالمغرب', 'لِلْمَغْرِبِ']);
  });

  it('gives code point offsets that slice exactly the match out of the original text', () => {
    const rows = search('المغرب', TEXT);
    expect(rows.map((r) => [r.start, r.end])).toEqual([[13, 19], [21, 29], [41, 53]]);
    for (const r of rows) expect(cpSlice(TEXT, r.start, r.end)).toBe(r.match);
    expect(rows[0].doc).toBe('doc');
  });

  it('shows the context on both sides, line breaks as spaces', () => {
    const rows = search('المغرب', TEXT);
    expect(rows[0]).toMatchObject({ left: ' زار الوزير ', right: '. وبالمغرب، ' });
    expect(rows[1]).toMatchObject({ left: 'زير المغرب. ', right: '، قال: إنَّ ' });
    expect(search('المغرب', TEXT, { width: 14 })[0].left).toBe('😀 زار الوزير ');
    expect(Array.from(rows[2].left)).toHaveLength(12);
  });

  it('matches a phrase on consecutive words, clitics included', () => {
    const text = 'قالت الأمم المتحدة إن للأمم المتحدة دورا، والأمم المتحدة تعمل. الأمم، المتحدة.';
    const rows = search('الأمم المتحدة', text);
    expect(rows.map((r) => r.match)).toEqual(['الأمم المتحدة', 'للأمم المتحدة', 'والأمم المتحدة']);
    for (const r of rows) expect(cpSlice(text, r.start, r.end)).toBe(r.match);
  });

  it('matches the written form only with exact', () => {
    expect(search('بالمغرب', TEXT, { match: 'exact' })).toHaveLength(0);
    expect(search('وبالمغرب', TEXT, { match: 'exact' }).map((r) => r.start)).toEqual([21]);
    // the pattern's own clitics are ignored in word mode
    expect(search('بالمغرب', TEXT).map((r) => r.match)).toEqual(['المغرب', 'وبالمغرب', 'لِلْمَغْرِبِ']);
  });

  it('matches every form of a stem with stem', () => {
    const text = 'الحكومة قالت إن الحكومات والحكومية وحكومته تعمل، والحكم نافذ.';
    expect(search('الحكومة', text, { match: 'stem' }).map((r) => r.match)).toEqual(['الحكومة', 'الحكومات', 'والحكومية', 'وحكومته']);
    expect(search('الحكومة', text).map((r) => r.match)).toEqual(['الحكومة']);
  });

  it('sorts by the word after or before the match', () => {
    const text = 'المغرب يفوز. المغرب بلد. قال المغرب أمس. زار المغرب.';
    const rows = search('المغرب', text);
    // keys of the nearest words ('' at the edge of the document)
    expect(rows.map((r) => r.right1)).toEqual(['يفوز', 'بلد', 'امس', '']);
    expect(rows.map((r) => r.left1)).toEqual(['', 'يفوز', 'قال', 'زار']);
    expect(sortKwic(rows, 'right1').map((r) => r.start)).toEqual([45, 29, 13, 0]);
    expect(sortKwic(rows, 'left1').map((r) => r.left1)).toEqual(['', 'زار', 'قال', 'يفوز']);
    expect(sortKwic(rows, 'none')).toBe(rows);
  });

  it('context helpers count code points, not UTF-16 units', () => {
    expect(leftContext('😀😀ab', 6, 3)).toBe('😀ab');
    expect(rightContext('ab😀😀c', 0, 3)).toBe('ab😀');
    expect(leftContext('abc', 3, 0)).toBe('');
  });
});
