/**
 * From what was written (`Spec`) to ISO values, against the reference date.
 *
 * Missing year (21 فبراير، الثلاثاء 21 فبراير، 14 رمضان):
 *  1. a weekday is written: take the years in which that day falls on that weekday and keep the
 *     one nearest the reference date; without a reference, the one nearest a year written in
 *     the same document; without either, the latest one not after FALLBACK_YEAR (news reports the
 *     past; the constant is the year this lexicon was written, not a clock reading);
 *  2. no weekday: the occurrence nearest the reference (previous, same or next year; ties go to
 *     the past); a modifier decides instead when written (15 أفريل المقبل: the next one after the
 *     reference, 21 فبراير الجاري: the reference's year);
 *  3. otherwise the value stays null.
 * Relative expressions need the reference; without it the value is null and `offset` says how
 * the expression moves from the reference. The clock is never read.
 */
import {
  addMonths, dayNumber, dayToHijri, daysInMonth, fmtDay, fmtHijri, fmtHour, fmtMinute, fmtMonth, fmtWeek, fmtYear,
  hijriMonthSpan, hijriToDay, hijriYearSpan, isValidGregorian, isoWeekday,
} from './calendar.js';
import { DateSpec, DomSpec, RangeSpec, ShiftSpec, SpanSpec, Spec, Time, TimeSpec, WeekdaySpec } from './grammar.js';
import { Calendar, DateMention, Grain, MentionKind, RefDate, Unit } from './types.js';

/** Year used to pick among weekday-matching years when nothing else anchors the document. */
export const FALLBACK_YEAR = 2025;

export interface ResolveContext {
  ref: RefDate | null;
  /** Gregorian years written in the document (anchor for weekday inference without a reference). */
  docYears: number[];
}

/** The resolved fields of a mention (everything but its text and offsets). */
export type Resolved = Omit<DateMention, 'text' | 'start' | 'end'>;

/** Resolves a spec; null when it names no real date (31 فبراير, 30 of a 29-day Hijri month). */
export function resolve(spec: Spec, ctx: ResolveContext): Resolved | null {
  switch (spec.t) {
    case 'date': return resolveDate(spec, ctx);
    case 'shift': return resolveShift(spec, ctx);
    case 'weekday': return resolveWeekday(spec, ctx);
    case 'dom': return resolveDom(spec, ctx);
    case 'span': return resolveSpan(spec, ctx);
    case 'time': return resolveTime(spec, ctx);
    case 'range': return resolveRange(spec, ctx);
  }
}

const UNIT_KEY: Record<Unit, string> = { minute: 'minutes', hour: 'hours', day: 'days', week: 'weeks', month: 'months', year: 'years' };

function refDay(ref: RefDate): number { return dayNumber(ref.y, ref.m, ref.d); }

function withTime(day: number, time: Time | undefined): { value: string; grain: Grain } {
  if (!time) return { value: fmtDay(day), grain: 'day' };
  if (time.min === undefined) return { value: fmtHour(day, time.h), grain: 'hour' };
  return { value: fmtMinute(day, time.h, time.min), grain: 'minute' };
}

const dayGrain = (time: Time | undefined): Grain => (!time ? 'day' : time.min === undefined ? 'hour' : 'minute');

function timeOffset(base: Record<string, number>, time: Time | undefined): Record<string, number> {
  if (!time) return base;
  return time.min === undefined ? { ...base, hour: time.h } : { ...base, hour: time.h, minute: time.min };
}

// ---------------------------------------------------------------- absolute dates

function result(value: string | null, grain: Grain, kind: MentionKind, calendar: Calendar, hijri: string | null, until: string | null, offset: Record<string, number> | null): Resolved {
  return { value, grain, kind, calendar, hijri, until, offset };
}

/** How an unresolved month name with a modifier moves from the reference (فبراير الماضي). */
function relativeOffset(s: DateSpec): Record<string, number> {
  const o: Record<string, number> = {};
  if (s.yShift !== undefined) o.years = s.yShift;
  if (s.m !== undefined) o.month = s.m;
  if (s.d !== undefined) o.day = s.d;
  if (s.dir !== undefined) o.direction = s.dir;
  return o;
}

function resolveDate(s: DateSpec, ctx: ResolveContext): Resolved | null {
  if (s.alt) return resolveDouble(s, s.alt, ctx);
  // a written day and month is a calendar date even when a modifier picks its year (21 فبراير الجاري)
  const relative = (s.dir !== undefined || s.yShift !== undefined) && s.d === undefined;
  const grain: Grain = s.d !== undefined ? dayGrain(s.time) : s.m !== undefined ? 'month' : 'year';
  const kind: MentionKind = relative ? 'relative' : 'absolute';
  const cal = s.cal;
  if (cal === 'gregorian') {
    const y = s.y ?? gregorianYear(s, ctx);
    if (y === null) return result(null, grain, kind, cal, null, null, relative ? relativeOffset(s) : null);
    if (s.m === undefined) return result(fmtYear(y), grain, kind, cal, null, null, null);
    if (s.d === undefined) return result(fmtMonth(y, s.m), grain, kind, cal, null, null, null);
    if (!isValidGregorian(y, s.m, s.d)) return null;
    return result(dayValue(dayNumber(y, s.m, s.d), s.time), grain, kind, cal, null, null, null);
  }
  const y = s.y ?? hijriYear(s, ctx);
  if (y === null) return result(null, grain, kind, cal, null, null, relative ? relativeOffset(s) : null);
  if (s.m === undefined) {
    const span = hijriYearSpan(y);
    return span ? result(fmtDay(span[0]), grain, kind, cal, fmtHijri(y), fmtDay(span[1]), null) : null;
  }
  if (s.d === undefined) {
    const span = hijriMonthSpan(y, s.m);
    return span ? result(fmtDay(span[0]), grain, kind, cal, fmtHijri(y, s.m), fmtDay(span[1]), null) : null;
  }
  const n = hijriToDay(y, s.m, s.d);
  if (n === null) return null;
  return result(dayValue(n, s.time), grain, kind, cal, fmtHijri(y, s.m, s.d), null, null);
}

function dayValue(day: number, time: Time | undefined): string {
  if (!time) return fmtDay(day);
  return time.min === undefined ? fmtHour(day, time.h) : fmtMinute(day, time.h, time.min);
}

/** 14 رمضان 1445 هـ الموافق 24 مارس 2024 م: value from the Gregorian side, hijri as written. */
function resolveDouble(a: DateSpec, b: DateSpec, ctx: ResolveContext): Resolved | null {
  const greg = a.cal === 'gregorian' ? a : b;
  const hij = a.cal === 'hijri' ? a : b;
  const time = a.time ?? b.time;
  const g = resolveDate({ ...greg, alt: undefined, time }, ctx);
  const h = resolveDate({ ...hij, alt: undefined, time }, ctx);
  const main = g ?? h;
  if (!main) return null;
  return { ...main, value: g?.value ?? h?.value ?? null, calendar: 'hijri', hijri: h?.hijri ?? fmtHijri(hij.y, hij.m, hij.d) };
}

function nearest<T>(cands: T[], dist: (c: T) => number): T | null {
  let best: T | null = null;
  let bestD = Infinity;
  for (const c of cands) {
    const d = dist(c);
    if (d < bestD) { best = c; bestD = d; } // ties keep the earlier candidate (the past)
  }
  return best;
}

function gregorianYear(s: DateSpec, ctx: ResolveContext): number | null {
  const ref = ctx.ref;
  const m = s.m;
  if (m === undefined) return ref && s.yShift !== undefined ? ref.y + s.yShift : null;
  if (s.yShift !== undefined) return ref ? ref.y + s.yShift : null;
  const d = s.d;
  if (s.dir !== undefined && ref) {
    const r = refDay(ref);
    if (s.dir === 0) return ref.y;
    if (d === undefined) {
      if (s.dir < 0) return m < ref.m ? ref.y : ref.y - 1;
      return m > ref.m ? ref.y : ref.y + 1;
    }
    const years = [ref.y - 1, ref.y, ref.y + 1].filter((y) => isValidGregorian(y, m, d));
    if (s.dir < 0) return years.filter((y) => dayNumber(y, m, d) < r).pop() ?? null;
    return years.find((y) => dayNumber(y, m, d) > r) ?? null;
  }
  if (s.wd !== undefined && d !== undefined) {
    const anchor = ref ? ref.y : ctx.docYears.length ? ctx.docYears[0] : FALLBACK_YEAR;
    const cands: number[] = [];
    for (let y = anchor - 40; y <= anchor + 40; y++) {
      if (isValidGregorian(y, m, d) && isoWeekday(dayNumber(y, m, d)) === s.wd) cands.push(y);
    }
    if (ref) { const r = refDay(ref); return nearest(cands, (y) => Math.abs(dayNumber(y, m, d) - r)); }
    if (ctx.docYears.length) return nearest(cands, (y) => Math.min(...ctx.docYears.map((dy) => Math.abs(y - dy))));
    return cands.filter((y) => y <= FALLBACK_YEAR).pop() ?? null;
  }
  if (!ref) return null;
  if (d === undefined) {
    return nearest([ref.y - 1, ref.y, ref.y + 1], (y) => Math.abs((y - ref.y) * 12 + m - ref.m));
  }
  const r = refDay(ref);
  // 29 February: only leap years are candidates
  const years = [ref.y - 1, ref.y, ref.y + 1].filter((y) => isValidGregorian(y, m, d));
  if (years.length === 0) {
    for (let y = ref.y - 4; y <= ref.y + 4; y++) if (isValidGregorian(y, m, d)) years.push(y);
  }
  return nearest(years, (y) => Math.abs(dayNumber(y, m, d) - r));
}

function hijriYear(s: DateSpec, ctx: ResolveContext): number | null {
  const ref = ctx.ref;
  const m = s.m;
  if (m === undefined) return null;
  const d = s.d;
  if (ref) {
    const r = refDay(ref);
    const h = dayToHijri(r);
    if (s.yShift !== undefined) return h.y + s.yShift;
    if (s.dir !== undefined) {
      if (s.dir === 0) return h.y;
      if (d === undefined) return s.dir < 0 ? (m < h.m ? h.y : h.y - 1) : (m > h.m ? h.y : h.y + 1);
      const years = [h.y - 1, h.y, h.y + 1].filter((y) => hijriToDay(y, m, d) !== null);
      if (s.dir < 0) return years.filter((y) => hijriToDay(y, m, d)! < r).pop() ?? null;
      return years.find((y) => hijriToDay(y, m, d)! > r) ?? null;
    }
    if (s.wd !== undefined && d !== undefined) {
      const cands = weekdayHijriYears(h.y, m, d, s.wd);
      return nearest(cands, (y) => Math.abs(hijriToDay(y, m, d)! - r));
    }
    // the occurrence nearest the reference (inside the month counts as distance 0)
    return nearest([h.y - 1, h.y, h.y + 1], (y) => {
      if (d !== undefined) { const n = hijriToDay(y, m, d); return n === null ? Infinity : Math.abs(n - r); }
      const span = hijriMonthSpan(y, m);
      if (!span) return Infinity;
      return r < span[0] ? span[0] - r : r > span[1] ? r - span[1] : 0;
    });
  }
  if (s.wd !== undefined && d !== undefined) {
    const anchorG = ctx.docYears.length ? ctx.docYears[0] : FALLBACK_YEAR;
    const anchor = dayToHijri(dayNumber(anchorG, 7, 1)).y;
    const cands = weekdayHijriYears(anchor, m, d, s.wd);
    if (ctx.docYears.length) {
      return nearest(cands, (y) => Math.min(...ctx.docYears.map((dy) => Math.abs(hijriToDay(y, m, d)! - dayNumber(dy, 7, 1)))));
    }
    const limit = dayNumber(FALLBACK_YEAR, 12, 31);
    return cands.filter((y) => hijriToDay(y, m, d)! <= limit).pop() ?? null;
  }
  return null;
}

function weekdayHijriYears(anchor: number, m: number, d: number, wd: number): number[] {
  const out: number[] = [];
  for (let y = anchor - 40; y <= anchor + 40; y++) {
    const n = hijriToDay(y, m, d);
    if (n !== null && isoWeekday(n) === wd) out.push(y);
  }
  return out;
}

// ---------------------------------------------------------------- relative expressions

function shiftValue(ref: RefDate, unit: Unit, n: number, time?: Time): { value: string | null; grain: Grain } {
  const r = refDay(ref);
  switch (unit) {
    case 'day': return withTime(r + n, time);
    case 'week': return { value: fmtWeek(r + 7 * n), grain: 'week' };
    case 'month': { const { y, m } = addMonths(ref.y, ref.m, n); return { value: fmtMonth(y, m), grain: 'month' }; }
    case 'year': return { value: fmtYear(ref.y + n), grain: 'year' };
    case 'hour':
    case 'minute': {
      if (ref.h === undefined) return { value: null, grain: unit };
      const total = r * 1440 + ref.h * 60 + (ref.min ?? 0) + n * (unit === 'hour' ? 60 : 1);
      const day = Math.floor(total / 1440);
      const mins = total - day * 1440;
      return unit === 'hour'
        ? { value: fmtHour(day, Math.floor(mins / 60)), grain: 'hour' }
        : { value: fmtMinute(day, Math.floor(mins / 60), mins % 60), grain: 'minute' };
    }
  }
}

function unitGrain(unit: Unit, time?: Time): Grain {
  return unit === 'day' ? dayGrain(time) : unit;
}

/** A relative mention in the Gregorian calendar (most mentions: built without spreads, they are many). */
function relative(value: string | null, grain: Grain, offset: Record<string, number> | null): Resolved {
  return { value, grain, kind: 'relative', calendar: 'gregorian', hijri: null, until: null, offset };
}

function resolveShift(s: ShiftSpec, ctx: ResolveContext): Resolved {
  if (!ctx.ref) return relative(null, unitGrain(s.unit, s.time), timeOffset({ [UNIT_KEY[s.unit]]: s.n }, s.time));
  const { value, grain } = shiftValue(ctx.ref, s.unit, s.n, s.time);
  return relative(value, grain, value === null ? { [UNIT_KEY[s.unit]]: s.n } : null);
}

function resolveWeekday(s: WeekdaySpec, ctx: ResolveContext): Resolved {
  if (!ctx.ref) return relative(null, dayGrain(s.time), timeOffset({ weekday: s.wd, weeks: s.dir ?? 0 }, s.time));
  const r = refDay(ctx.ref);
  const rw = isoWeekday(r);
  let day: number;
  if (s.dir === -1) day = r - (((rw - s.wd + 7) % 7) || 7); // strictly before
  else if (s.dir === 1) day = r + (((s.wd - rw + 7) % 7) || 7); // strictly after
  else if (s.dir === 0) day = r - rw + s.wd; // in the reference's week
  else if (s.future) day = r + ((s.wd - rw + 7) % 7); // on or after
  else day = r - ((rw - s.wd + 7) % 7); // on or before: news reports what happened
  const t = withTime(day, s.time);
  return relative(t.value, t.grain, null);
}

function resolveDom(s: DomSpec, ctx: ResolveContext): Resolved | null {
  const base = { kind: 'relative' as MentionKind, calendar: 'gregorian' as Calendar, hijri: null, until: null, grain: dayGrain(s.time) };
  if (!ctx.ref) return { ...base, value: null, offset: timeOffset({ months: s.months, day: s.d }, s.time) };
  const { y, m } = addMonths(ctx.ref.y, ctx.ref.m, s.months);
  if (s.d > daysInMonth(y, m)) return null;
  return { ...base, ...withTime(dayNumber(y, m, s.d), s.time), offset: null };
}

/** The n units before the reference (dir -1: [ref-n, ref-1]) or after it (dir 1: [ref+1, ref+n]). */
function resolveSpan(s: SpanSpec, ctx: ResolveContext): Resolved {
  const base = { kind: 'range' as MentionKind, calendar: 'gregorian' as Calendar, hijri: null, grain: s.unit as Grain };
  if (!ctx.ref) return { ...base, value: null, until: null, offset: { [UNIT_KEY[s.unit]]: s.dir * s.n } };
  const a = shiftValue(ctx.ref, s.unit, s.dir < 0 ? -s.n : 1);
  const b = shiftValue(ctx.ref, s.unit, s.dir < 0 ? -1 : s.n);
  const ok = a.value !== null && b.value !== null;
  return { ...base, value: a.value, until: b.value, offset: ok ? null : { [UNIT_KEY[s.unit]]: s.dir * s.n } };
}

function resolveTime(s: TimeSpec, ctx: ResolveContext): Resolved {
  if (!ctx.ref) return relative(null, dayGrain(s.time), timeOffset({ days: 0 }, s.time));
  const t = withTime(refDay(ctx.ref), s.time);
  return relative(t.value, t.grain, null);
}

function resolveRange(s: RangeSpec, ctx: ResolveContext): Resolved | null {
  const a = resolveDate(s.from, ctx);
  const b = resolveDate(s.to, ctx);
  if (!a || !b) return null;
  const ok = a.value !== null && b.value !== null;
  return {
    value: ok ? a.value : null,
    until: ok ? (b.until ?? b.value) : null,
    grain: a.grain,
    kind: 'range',
    calendar: a.calendar,
    hijri: a.hijri,
    offset: null,
  };
}

