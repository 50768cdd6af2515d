/** Adversarial inputs: long runs of date-like material must be scanned in linear time. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dates } from './helpers.js';

const repeat = (unit: string, chars: number) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);

const INPUTS: Record<string, string> = {
  digits: repeat('1', 200_000),
  'digits and slashes': repeat('12/', 200_000),
  'digits and dashes': repeat('2010-', 200_000),
  'month names': repeat('فبراير ', 200_000),
  'day month pairs': repeat('21 فبراير ', 200_000),
  'from/to': repeat('من 13 إلى ', 200_000),
  'between/and': repeat('بين 2010 و', 200_000),
  'weekdays and modifiers': repeat('الثلاثاء الماضي يوم ', 200_000),
  'relative words': repeat('أمس اليوم غدا بعد ', 200_000),
  'hour words': repeat('الساعة الخامسة من ', 200_000),
  'double dating': repeat('14 رمضان 1445 هـ الموافق ', 200_000),
  'parentheses': repeat('(2024) ', 200_000),
  'clock': repeat('5:16:', 200_000),
};

describe('fuzz: 200,000 characters of repeated date material', () => {
  for (const [name, text] of Object.entries(INPUTS)) {
    it(`${name} finishes fast`, () => {
      const t0 = performance.now();
      const ms = dates(text, '2024-03-12');
      const ms1 = performance.now() - t0;
      expect(ms1).toBeLessThan(3000);
      for (const m of ms.slice(0, 50)) expect([...text].slice(m.start, m.end).join('')).toBe(m.text);
    });
  }
  it('grows linearly: four times the input takes at most about four times as long', () => {
    const unit = 'من 13 إلى 15 يوليو 2023 بين 2010 و2015 الثلاثاء 21 فبراير الجاري أمس ';
    const time = (chars: number) => {
      const text = repeat(unit, chars);
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        dates(text, '2024-03-12');
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    time(20_000); // warm up
    const small = time(50_000);
    const large = time(200_000);
    expect(large / small).toBeLessThan(8);
  });
});

describe('fuzz: random soup of date pieces', () => {
  const pieces = ['«', '»', '"', '(', ')', '/', '-', ':', '،', '.', 'ال', 'الـ', 'و', 'من', 'إلى', 'بين', 'يوم', 'يومي', 'عامي', 'الساعة',
    'فبراير', 'شباط', 'رمضان', 'صفر', 'هـ', 'م', 'الموافق', 'الماضي', 'المقبل', 'الثلاثاء', 'أمس', 'اليوم', 'غدا', 'منذ', 'قبل', 'بعد',
    'الأسبوع', 'الأيام', 'الثلاثة', 'الخامسة', 'مساء', 'من', 'صباح', 'والنصف', 'إلا', 'ربعا', 'القرن', 'هذا', 'هالشهر',
    '1', '12', '21', '2023', '1445', '٢٠٢٤', '5:16', '21.02.2023', '14-09-1432', '😀', '\n'];
  it('never throws and always slices exactly, whatever comes first or last', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.constantFrom(' ', ''), (parts, sep) => {
      const text = parts.join(sep);
      for (const m of dates(text, '2024-03-12')) expect([...text].slice(m.start, m.end).join('')).toBe(m.text);
      for (const m of dates(text)) expect(m.end).toBeGreaterThan(m.start);
    }), { numRuns: 2000 });
  });
});
