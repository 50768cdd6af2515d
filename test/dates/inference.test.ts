/** Missing years: from a written weekday, then from the reference; the rule of resolve.ts. */
import { describe, expect, it } from 'vitest';
import { FALLBACK_YEAR } from '../../src/analyze/dates/index.js';
import { brief, only } from './helpers.js';

describe('year from a written weekday', () => {
  it('takes the weekday-matching year nearest the reference', () => {
    // 21 February is a Tuesday in 2017 and 2023, a Monday in 2022
    expect(only('التقى الطرفان الثلاثاء 21 فبراير.', '2023-03-01').value).toBe('2023-02-21');
    expect(only('التقى الطرفان الاثنين 21 فبراير.', '2023-03-01').value).toBe('2022-02-21');
    expect(only('التقى الطرفان الثلاثاء 21 فبراير.', '2018-06-01').value).toBe('2017-02-21');
  });
  it('without a reference, takes the one nearest a year written in the document', () => {
    expect(brief('في عام 2016 ... ثم الثلاثاء 21 فبراير')).toEqual([['عام 2016', '2016', 'year'], ['الثلاثاء 21 فبراير', '2017-02-21', 'day']]);
    // Tuesday 21 February: 2006, 2012, 2017...; 2012 is nearest 2010
    expect(brief('الثلاثاء 21 فبراير، بعد قمة عام 2010')).toEqual([['الثلاثاء 21 فبراير', '2012-02-21', 'day'], ['عام 2010', '2010', 'year']]);
  });
  it(`without a reference or a year, takes the latest one not after ${FALLBACK_YEAR} (the seeds: Wray's visit)`, () => {
    const m = only('استقبال عبد اللطيف حموشي، الثلاثاء 21 فبراير الجاري بالرباط، كريستوفر راي');
    expect(m).toMatchObject({ text: 'الثلاثاء 21 فبراير الجاري', value: '2023-02-21', grain: 'day', kind: 'absolute' });
  });
  it('ignores the weekday when the year is written', () => {
    expect(only('الأربعاء 21 فبراير 2023').value).toBe('2023-02-21');
  });
  it('works for Hijri dates too', () => {
    // 14 Ramadan 1445 was a Sunday (24 March 2024)
    expect(only('الأحد 14 رمضان', '2024-01-01')).toMatchObject({ value: '2024-03-24', hijri: '1445-09-14' });
  });
});

describe('year from the reference', () => {
  it('takes the occurrence nearest the reference (previous, same or next year)', () => {
    expect(only('في 5 جانفي', '2023-11-20').value).toBe('2024-01-05');
    expect(only('في 25 ديسمبر', '2024-01-10').value).toBe('2023-12-25');
    expect(only('في 21 فبراير', '2024-03-12').value).toBe('2024-02-21');
    expect(only('في ديسمبر', '2024-03-12').value).toBe('2023-12');
    expect(only('في فبراير', '2023-11-20').value).toBe('2024-02');
    expect(only('ولد في 29 فبراير', '2021-02-28').value).toBe('2020-02-29');
  });
  it('follows a written modifier instead', () => {
    expect(only('تم تأجيله إلى 15 أفريل المقبل.', '2024-03-12').value).toBe('2024-04-15');
    expect(only('في 25 نونبر المقبل', '2023-11-20').value).toBe('2023-11-25');
    expect(only('في 18 سبتمبر الماضي', '2022-10-05').value).toBe('2022-09-18');
    expect(only('في 18 أكتوبر الماضي', '2022-10-05').value).toBe('2021-10-18');
    expect(only('في مارس الجاري', '2024-03-12').value).toBe('2024-03');
    expect(only('في مارس المقبل', '2024-03-12').value).toBe('2025-03');
  });
  it('stays null without a reference or a weekday', () => {
    expect(only('في 21 فبراير')).toMatchObject({ value: null, grain: 'day', kind: 'absolute', offset: null });
    expect(only('فبراير الماضي')).toMatchObject({ value: null, grain: 'month', kind: 'relative', offset: { month: 2, direction: -1 } });
  });
  it('reads the reference from the document date metadata forms', () => {
    expect(only('أمس', 'Sun, 18 Feb 2018 21:35:43 +0400').value).toBe('2018-02-17');
  });
});
