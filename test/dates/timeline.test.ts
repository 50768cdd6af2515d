import { describe, expect, it } from 'vitest';
import { chartWindow, fillGaps, periodOf, timeline } from '../../src/analyze/dates/index.js';
import { dates } from './helpers.js';

describe('timeline', () => {
  const text = [
    'وقعت الاتفاقية في 5 يناير 2018، ثم عدلت في 20 يناير 2018.',
    'وفي مارس 2018 صدر القرار. وفي عام 2016 بدأ المشروع.',
    'الأسبوع الماضي التقى الطرفان، وأمس صدر البيان الساعة 5 مساء.',
    'يستمر المعرض من 13 إلى 15 يوليو 2018. وفي 14 رمضان 1445 هـ تكرر الحدث.',
  ].join('\n');
  const ms = dates(text, '2018-03-14');

  it('counts mentions per year, month and day, each at its start', () => {
    expect(timeline(ms, 'year')).toEqual([
      { period: '2016', count: 1 }, { period: '2018', count: 7 }, { period: '2024', count: 1 },
    ]);
    expect(timeline(ms, 'month')).toEqual([
      { period: '2018-01', count: 2 }, { period: '2018-03', count: 4 }, { period: '2018-07', count: 1 }, { period: '2024-03', count: 1 },
    ]);
    expect(timeline(ms, 'day')).toEqual([
      { period: '2018-01-05', count: 1 }, { period: '2018-01-20', count: 1 }, { period: '2018-03-13', count: 1 }, { period: '2018-03-14', count: 1 },
      { period: '2018-07-13', count: 1 }, { period: '2024-03-24', count: 1 },
    ]);
  });
  it('leaves out coarser and unresolved mentions', () => {
    expect(periodOf({ value: '2016', grain: 'year' }, 'month')).toBeNull();
    expect(periodOf({ value: '2018-W10', grain: 'week' }, 'month')).toBe('2018-03');
    expect(periodOf({ value: '2018-W10', grain: 'week' }, 'day')).toBeNull();
    expect(periodOf({ value: null, grain: 'day' }, 'year')).toBeNull();
    expect(periodOf({ value: '2015-01-06T17:16', grain: 'minute' }, 'day')).toBe('2015-01-06');
  });
  it('fills empty periods for charts', () => {
    expect(fillGaps([{ period: '2018-11', count: 2 }, { period: '2019-02', count: 1 }], 'month', 100)).toEqual([
      { period: '2018-11', count: 2 }, { period: '2018-12', count: 0 }, { period: '2019-01', count: 0 }, { period: '2019-02', count: 1 },
    ]);
    expect(fillGaps([{ period: '1900', count: 1 }, { period: '2020', count: 1 }], 'year', 50)).toHaveLength(2); // too many: left as is
  });
  it('draws charts over the central share of the mentions', () => {
    const rows = [{ period: '1980', count: 1 }, { period: '2016', count: 10 }, { period: '2018', count: 88 }, { period: '2030', count: 1 }];
    expect(chartWindow(rows, 'year', 0.9, 100)).toEqual({
      rows: [{ period: '2016', count: 10 }, { period: '2017', count: 0 }, { period: '2018', count: 88 }],
      outside: 2,
    });
    expect(chartWindow(rows, 'year', 1, 100).outside).toBe(0);
  });
});
