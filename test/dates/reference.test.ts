import { describe, expect, it } from 'vitest';
import { formatRef, parseRefDate, parseReference } from '../../src/analyze/dates/reference.js';

describe('--ref-date', () => {
  it('accepts YYYY-MM-DD and YYYY-MM-DDTHH:MM', () => {
    expect(parseRefDate('2024-03-12')).toEqual({ y: 2024, m: 3, d: 12 });
    expect(parseRefDate('2024-03-12T10:30')).toEqual({ y: 2024, m: 3, d: 12, h: 10, min: 30 });
  });
  it('rejects other forms and impossible dates', () => {
    for (const s of ['2024-3-12', '12/03/2024', '2024-02-30', '2024-03-12T25:00', 'yesterday', '']) expect(parseRefDate(s)).toBeNull();
  });
});

describe('document date metadata', () => {
  it('reads ISO, RFC 822, day-first and year-first forms, keeping the local time as written', () => {
    expect(parseReference('Sun, 18 Feb 2018 21:35:43 +0400')).toEqual({ y: 2018, m: 2, d: 18, h: 21, min: 35 });
    expect(parseReference('2017-01-20T21:43:00+01:00')).toEqual({ y: 2017, m: 1, d: 20, h: 21, min: 43 });
    expect(parseReference('2018-02-18')).toEqual({ y: 2018, m: 2, d: 18 });
    expect(parseReference('12/11/2016')).toEqual({ y: 2016, m: 11, d: 12 });
    expect(parseReference('2016/11/12')).toEqual({ y: 2016, m: 11, d: 12 });
    expect(parseReference('March 5, 2019')).toEqual({ y: 2019, m: 3, d: 5 });
  });
  it('reads epoch seconds and milliseconds', () => {
    expect(formatRef(parseReference(1710237600)!)).toBe('2024-03-12T10:00');
    expect(formatRef(parseReference(1710237600000)!)).toBe('2024-03-12T10:00');
  });
  it('gives null for missing or unreadable values', () => {
    for (const v of [null, undefined, '', 'منذ يومين', '31/02/2020', {}, 'n/a']) expect(parseReference(v)).toBeNull();
  });
});
