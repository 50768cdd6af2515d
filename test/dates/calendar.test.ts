import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  dayNumber, dayToHijri, fmtDay, fmtWeek, fromDayNumber, hijriMonthSpan, hijriToDay, hijriYearSpan, isoWeekday, weekMonday,
} from '../../src/analyze/dates/calendar.js';

const day = (iso: string) => dayNumber(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
const hijri = (y: number, m: number, d: number) => { const n = hijriToDay(y, m, d); return n === null ? null : fmtDay(n); };

describe('Gregorian day numbers', () => {
  it('match Date for every day from 1900 to 2100', () => {
    for (let n = dayNumber(1900, 1, 1); n <= dayNumber(2100, 12, 31); n++) {
      const d = new Date(n * 86_400_000);
      const { y, m, d: dd } = fromDayNumber(n);
      expect([y, m, dd]).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
      if (n % 997 === 0) expect(dayNumber(y, m, dd)).toBe(n);
    }
  });
  it('give ISO weekdays', () => {
    expect(isoWeekday(day('2024-03-12'))).toBe(2); // Tuesday
    expect(isoWeekday(day('2023-02-21'))).toBe(2);
    expect(isoWeekday(day('2020-02-02'))).toBe(7); // Sunday
  });
  it('format ISO weeks, including the years whose week 1 starts in December', () => {
    expect(fmtWeek(day('2024-03-12'))).toBe('2024-W11');
    expect(fmtWeek(day('2019-12-30'))).toBe('2020-W01');
    expect(fmtWeek(day('2021-01-03'))).toBe('2020-W53');
    expect(fmtDay(weekMonday('2020-W01')!)).toBe('2019-12-30');
    expect(fmtDay(weekMonday('2024-W11')!)).toBe('2024-03-11');
  });
});

describe('Hijri (Umm al-Qura) to Gregorian', () => {
  it('converts known dates', () => {
    expect(hijri(1445, 9, 1)).toBe('2024-03-11'); // 1 Ramadan 1445
    expect(hijri(1445, 9, 14)).toBe('2024-03-24');
    expect(hijri(1445, 10, 1)).toBe('2024-04-10'); // Eid al-Fitr 1445
    expect(hijri(1445, 1, 1)).toBe('2023-07-19');
    expect(hijri(1446, 1, 1)).toBe('2024-07-07');
    expect(hijri(1432, 9, 14)).toBe('2011-08-14');
    expect(hijri(1444, 12, 10)).toBe('2023-06-28'); // Eid al-Adha 1444
    expect(hijri(1439, 9, 1)).toBe('2018-05-16');
  });
  it('rejects days that do not exist', () => {
    expect(hijriToDay(1445, 9, 30)).not.toBeNull(); // Ramadan 1445 had 30 days
    expect(hijriToDay(1446, 9, 30)).toBeNull(); // Ramadan 1446 had 29
    expect(hijriToDay(1445, 13, 1)).toBeNull();
    expect(hijriToDay(1445, 1, 31)).toBeNull();
  });
  it('gives month and year spans', () => {
    expect(hijriMonthSpan(1445, 9)!.map(fmtDay)).toEqual(['2024-03-11', '2024-04-09']);
    expect(hijriYearSpan(1445)!.map(fmtDay)).toEqual(['2023-07-19', '2024-07-06']);
  });
  it('inverts Intl for any day from 1900 to 2076 (property)', () => {
    fc.assert(fc.property(fc.integer({ min: dayNumber(1900, 1, 1), max: dayNumber(2076, 12, 31) }), (n) => {
      const h = dayToHijri(n);
      expect(hijriToDay(h.y, h.m, h.d)).toBe(n);
    }), { numRuns: 400 });
  });
});
