import { describe, expect, it } from 'vitest';
import { normalizerFor } from '../../src/text/normalize.js';
import { prepareFlat } from '../../src/text/prepare.js';
import { extractDatesFlat } from '../../src/analyze/dates/extract.js';
import { parseRefDate } from '../../src/analyze/dates/reference.js';
import { warmUpDates } from '../../src/analyze/dates/warmup.js';

describe('warmUpDates', () => {
  it('leaves no state behind: a text gives the same mentions before and after it', () => {
    const text = 'وصل الوزير الثلاثاء 21 فبراير الجاري، ويعود بعد غد على الساعة 5:16 مساءً، منذ 3 أيام.';
    const ref = parseRefDate('2023-02-19');
    const norm = normalizerFor('standard');
    const before = JSON.stringify(extractDatesFlat(prepareFlat(text, norm), { ref }));
    warmUpDates(1);
    const after = extractDatesFlat(prepareFlat(text, norm), { ref });
    expect(JSON.stringify(after)).toBe(before);
    expect(after.map((m) => m.value)).toContain('2023-02-21');
  });
});
