/**
 * Timeline of a corpus: how many dated mentions fall in each year, month or day. A mention
 * counts once, at its start (a range at its first value); mentions coarser than the timeline
 * (a bare year on a monthly timeline) and unresolved ones are left out.
 */
import { dayNumber, fmtDay, fmtMonth, weekMonday } from './calendar.js';
import { DateMention, Grain, GRAINS } from './types.js';

export type TimelineGrain = 'year' | 'month' | 'day';
export const TIMELINE_GRAINS: TimelineGrain[] = ['year', 'month', 'day'];

export interface TimelineRow {
  period: string;
  count: number;
}

const rank = (g: Grain) => GRAINS.indexOf(g);

/** The period of a mention at the timeline's grain, or null when it cannot be placed. */
export function periodOf(m: Pick<DateMention, 'value' | 'grain'>, grain: TimelineGrain): string | null {
  const v = m.value;
  if (v === null) return null;
  if (rank(m.grain) < rank(grain)) return null;
  let day = v;
  if (m.grain === 'week') {
    if (grain === 'day') return null;
    const monday = weekMonday(v);
    if (monday === null) return null;
    day = fmtDay(monday);
  }
  const len = grain === 'year' ? 4 : grain === 'month' ? 7 : 10;
  return day.length >= len ? day.slice(0, len) : null;
}

/** Counts per period, sorted by period; `fill` adds the empty periods in between (for charts). */
export function timeline(mentions: Iterable<Pick<DateMention, 'value' | 'grain'>>, grain: TimelineGrain, opts: { fill?: boolean; maxFill?: number } = {}): TimelineRow[] {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    const p = periodOf(m, grain);
    if (p !== null) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const rows = [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([period, count]) => ({ period, count }));
  return opts.fill ? fillGaps(rows, grain, opts.maxFill ?? 1000) : rows;
}

/** Inserts zero rows for the periods missing between the first and last row (at most `max` rows in all). */
export function fillGaps(rows: TimelineRow[], grain: TimelineGrain, max: number): TimelineRow[] {
  if (rows.length < 2) return rows;
  const first = rows[0].period;
  const last = rows[rows.length - 1].period;
  const periods: string[] = [];
  if (grain === 'year') {
    const a = Number(first);
    const b = Number(last);
    if (b - a + 1 > max) return rows;
    for (let y = a; y <= b; y++) periods.push(String(y).padStart(4, '0'));
  } else if (grain === 'month') {
    const a = Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7)) - 1;
    const b = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7)) - 1;
    if (b - a + 1 > max) return rows;
    for (let t = a; t <= b; t++) periods.push(fmtMonth(Math.floor(t / 12), (t % 12) + 1));
  } else {
    const a = dayNumber(Number(first.slice(0, 4)), Number(first.slice(5, 7)), Number(first.slice(8, 10)));
    const b = dayNumber(Number(last.slice(0, 4)), Number(last.slice(5, 7)), Number(last.slice(8, 10)));
    if (b - a + 1 > max) return rows;
    for (let n = a; n <= b; n++) periods.push(fmtDay(n));
  }
  const counts = new Map(rows.map((r) => [r.period, r.count]));
  return periods.map((period) => ({ period, count: counts.get(period) ?? 0 }));
}

/**
 * The rows a chart should draw: the central `keep` share of the mentions (a few historical dates
 * would otherwise stretch a monthly chart over centuries), gaps filled when that stays under
 * `maxBars`. Returns the rows and how many mentions fell outside.
 */
export function chartWindow(rows: TimelineRow[], grain: TimelineGrain, keep = 0.99, maxBars = 400): { rows: TimelineRow[]; outside: number } {
  const total = rows.reduce((a, r) => a + r.count, 0);
  if (rows.length === 0 || total === 0) return { rows, outside: 0 };
  const tail = (total * (1 - keep)) / 2;
  let lo = 0;
  let cut = 0;
  while (lo < rows.length - 1 && cut + rows[lo].count <= tail) cut += rows[lo++].count;
  let hi = rows.length - 1;
  let cutHi = 0;
  while (hi > lo && cutHi + rows[hi].count <= tail) cutHi += rows[hi--].count;
  const window = rows.slice(lo, hi + 1);
  return { rows: fillGaps(window, grain, maxBars), outside: cut + cutHi };
}
