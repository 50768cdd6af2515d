import { expect, test } from 'vitest';
import { displayWidth, forDisplay, truncateDisplay } from '../../src/report/display.js';

test('harakat, Quranic marks and superscript alef are removed', () => {
  expect(forDisplay('الْكِتَابُ')).toBe('الكتاب');
  expect(forDisplay('رَحْمَٰنِ')).toBe('رحمن');
  expect(forDisplay('مُحَمَّدٌ ﷺ')).toBe('محمد ﷺ');
  expect(forDisplay('الصَّلَوٰةَۖ')).toBe('الصلوة');
  expect(forDisplay('عليه\u0610')).toBe('عليه');
  expect(forDisplay('\u08F0ب')).toBe('ب');
});

test('tatweel is removed', () => {
  expect(forDisplay('كـــتاب')).toBe('كتاب');
});

test('zero-width and bidi controls are removed', () => {
  expect(forDisplay('\uFEFFa\u200Bb\u200Fc\u202Bd\u202Ce\u2066f\u2069g\u061Ch\u2060i')).toBe('abcdefghi');
});

test('tabs and line breaks become one space each; other controls go', () => {
  expect(forDisplay('a\tb\nc\r\nd\re')).toBe('a b c d e');
  expect(forDisplay('\u001b[31mred\u0007')).toBe('[31mred');
});

test('plain Latin and Arabic letters are untouched', () => {
  expect(forDisplay('Corpus مرحبا 123 ٤٥٦')).toBe('Corpus مرحبا 123 ٤٥٦');
});

test('truncateDisplay cuts by code points and ends in an ellipsis', () => {
  expect(truncateDisplay('abcdef', 6)).toBe('abcdef');
  expect(truncateDisplay('abcdef', 4)).toBe('abc…');
  expect(truncateDisplay('مرحبا بالعالم', 6)).toBe('مرحبا…');
  expect(truncateDisplay('😀😀😀', 2)).toBe('😀…');
  expect(truncateDisplay('😀😀', 2)).toBe('😀😀');
  expect(truncateDisplay('abc', 1)).toBe('…');
  expect(truncateDisplay('abc', 0)).toBe('');
  expect(displayWidth('😀ab')).toBe(3);
});
