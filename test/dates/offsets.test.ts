/** Every span slices the original text exactly, in code points, whatever surrounds it. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dates } from './helpers.js';

const slice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

describe('offsets', () => {
  it('are code points: emoji before a date do not shift it', () => {
    const text = '😀😀 وصل الوفد 🇲🇦 يوم 21 فبراير 2023 إلى الرباط';
    const [m] = dates(text);
    expect(m.text).toBe('يوم 21 فبراير 2023');
    expect(slice(text, m.start, m.end)).toBe(m.text);
    expect(m.start).toBe(text.indexOf('يوم') - 4); // four astral characters before it (2 emoji, 2 regional indicators), one unit each saved
  });
  it('keep diacritics, tatweel and Eastern digits of the original', () => {
    const text = 'وُلِدَ فِي الخَامِسَ عَشَرَ مِنْ مَارِسَ ١٩٩٠م، وتُوُفِّيَ أَمْسِ';
    const ms = dates(text, '2024-03-12');
    expect(ms.map((m) => [m.text, m.value])).toEqual([['الخَامِسَ عَشَرَ مِنْ مَارِسَ ١٩٩٠م', '1990-03-15'], ['أَمْسِ', '2024-03-11']]);
    for (const m of ms) expect(slice(text, m.start, m.end)).toBe(m.text);
  });
  it('cut a conjunction or preposition glued to the first word', () => {
    const text = 'وفبراير 2020 ولعام 2021 وبالأسبوع الماضي';
    expect(dates(text, '2024-03-12').map((m) => m.text)).toEqual(['فبراير 2020', 'عام 2021', 'الأسبوع الماضي']);
  });
  it('slice exactly for random text around date phrases (property)', () => {
    const phrases = ['21 فبراير 2023', 'أمس', 'الأسبوع الماضي', '14 رمضان 1445 هـ', 'من 13 إلى 15 يوليو', 'الساعة 5:16 مساءً', 'سنة ٢٠٢٤', '(2019)', 'يوم الثلاثاء'];
    const filler = fc.array(fc.constantFrom('و', 'في', 'قال', ' ', '\n', '😀', 'ـ', 'َ', '،', '.', '(', ')', '-', '2024', 'مارس', 'رمضان', 'abc', '\u200f', '١٢'), { maxLength: 8 }).map((a) => a.join(' '));
    fc.assert(fc.property(fc.array(fc.tuple(filler, fc.constantFrom(...phrases)), { minLength: 1, maxLength: 6 }), (parts) => {
      const text = parts.map(([f, p]) => `${f} ${p} `).join('');
      for (const m of dates(text, '2024-03-12')) {
        expect(slice(text, m.start, m.end)).toBe(m.text);
        expect(m.end).toBeGreaterThan(m.start);
      }
    }), { numRuns: 300 });
  });
});
