/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian), ISO 8601
 * formatting, and Hijri <-> Gregorian conversion with the Umm al-Qura calendar built into
 * `Intl` (ICU). `Intl` only converts Gregorian -> Hijri, so the inverse is a search: estimate
 * from the mean month length, then step until the Hijri parts match (a few `Intl` calls,
 * cached per date).
 */

const MS_PER_DAY = 86_400_000;

export interface Ymd { y: number; m: number; d: number }

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, by integer arithmetic (no `Date`):
 * the era-based days-from-civil method (eras of 400 years, March-based years).
 */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of `dayNumber`. */
export function fromDayNumber(n: number): Ymd {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function isValidGregorian(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** ISO weekday of a day number: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(n: number): number {
  // 1970-01-01 was a Thursday (4)
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** Month arithmetic: (y, m) moved by k months. */
export function addMonths(y: number, m: number, k: number): { y: number; m: number } {
  const t = y * 12 + (m - 1) + k;
  return { y: Math.floor(t / 12), m: (((t % 12) + 12) % 12) + 1 };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function fmtYear(y: number): string { return pad(y, 4); }
export function fmtMonth(y: number, m: number): string { return `${pad(y, 4)}-${pad(m, 2)}`; }
// A corpus names the same few thousand days again and again (its reference dates and the days
// around them): formatting each once saves a measurable share of `corpus dates`.
const dayStrings = new Map<number, string>();
export function fmtDay(n: number): string {
  let s = dayStrings.get(n);
  if (s === undefined) {
    const { y, m, d } = fromDayNumber(n);
    s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
    if (dayStrings.size >= 1 << 16) dayStrings.clear();
    dayStrings.set(n, s);
  }
  return s;
}
export function fmtHour(n: number, h: number): string { return `${fmtDay(n)}T${pad(h, 2)}`; }
export function fmtMinute(n: number, h: number, min: number): string { return `${fmtDay(n)}T${pad(h, 2)}:${pad(min, 2)}`; }

/** ISO 8601 week (`2024-W11`) of a day number: the week year is the year of its Thursday. */
export function fmtWeek(n: number): string {
  const thursday = n - isoWeekday(n) + 4;
  const { y } = fromDayNumber(thursday);
  const week = Math.floor((thursday - dayNumber(y, 1, 1)) / 7) + 1;
  return `${pad(y, 4)}-W${pad(week, 2)}`;
}

/** Monday of the ISO week written `YYYY-Www`, or null. */
export function weekMonday(value: string): number | null {
  const w = /^(\d{4})-W(\d{2})$/.exec(value);
  if (!w) return null;
  const y = Number(w[1]);
  const jan4 = dayNumber(y, 1, 4);
  return jan4 - isoWeekday(jan4) + 1 + (Number(w[2]) - 1) * 7;
}

// ---- Hijri (Umm al-Qura) ----

const hijriFormat = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
  timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric',
});

const toHijriCache = new Map<number, Ymd>();
const fromHijriCache = new Map<number, number | null>();

/** Hijri date (Umm al-Qura) of a day number. */
export function dayToHijri(n: number): Ymd {
  let h = toHijriCache.get(n);
  if (h) return h;
  let y = 0;
  let m = 0;
  let d = 0;
  for (const p of hijriFormat.formatToParts(new Date(n * MS_PER_DAY))) {
    if (p.type === 'year') y = Number(p.value);
    else if (p.type === 'month') m = Number(p.value);
    else if (p.type === 'day') d = Number(p.value);
  }
  h = { y, m, d };
  if (toHijriCache.size > 100_000) toHijriCache.clear();
  toHijriCache.set(n, h);
  return h;
}

/** 1 Muharram 1 AH (16 July 622 Julian) as a proleptic Gregorian day number. */
const HIJRI_EPOCH = dayNumber(622, 7, 19);
const MEAN_YEAR = 354.36667;
const MEAN_MONTH = 29.530589;

const hijriOrdinal = (y: number, m: number, d: number) => (y - 1) * MEAN_YEAR + (m - 1) * MEAN_MONTH + d;

/** Day number of a Hijri date, or null when that day does not exist (30 of a 29-day month). */
export function hijriToDay(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 30 || y < 1 || y > 9999) return null;
  const key = (y * 13 + m) * 31 + d;
  const cached = fromHijriCache.get(key);
  if (cached !== undefined) return cached;
  let n = HIJRI_EPOCH + Math.round(hijriOrdinal(y, m, d) - 1);
  let result: number | null = null;
  for (let step = 0; step < 8; step++) {
    const h = dayToHijri(n);
    if (h.y === y && h.m === m && h.d === d) { result = n; break; }
    const diff = Math.round(hijriOrdinal(y, m, d) - hijriOrdinal(h.y, h.m, h.d));
    if (diff === 0) break; // the target day does not exist
    n += diff;
  }
  if (result === null) {
    // near a month edge the mean-length estimate can oscillate: settle with a short walk
    for (let k = -3; k <= 3 && result === null; k++) {
      const h = dayToHijri(n + k);
      if (h.y === y && h.m === m && h.d === d) result = n + k;
    }
  }
  if (fromHijriCache.size > 100_000) fromHijriCache.clear();
  fromHijriCache.set(key, result);
  return result;
}

/** First and last day numbers of a Hijri month. */
export function hijriMonthSpan(y: number, m: number): [number, number] | null {
  const first = hijriToDay(y, m, 1);
  if (first === null) return null;
  const next = m === 12 ? hijriToDay(y + 1, 1, 1) : hijriToDay(y, m + 1, 1);
  return [first, next === null ? first + 29 : next - 1];
}

/** First and last day numbers of a Hijri year. */
export function hijriYearSpan(y: number): [number, number] | null {
  const first = hijriToDay(y, 1, 1);
  const next = hijriToDay(y + 1, 1, 1);
  if (first === null || next === null) return null;
  return [first, next - 1];
}

export function fmtHijri(y: number | undefined, m?: number, d?: number): string | null {
  if (y === undefined) return null;
  if (m === undefined) return pad(y, 4);
  if (d === undefined) return `${pad(y, 4)}-${pad(m, 2)}`;
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}
