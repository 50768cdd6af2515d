/**
 * Reference dates: the strict form users type (`--ref-date 2024-03-12` or `2024-03-12T10:30`)
 * and a lenient reader for the `date` metadata of JSONL documents, which comes in whatever form
 * the source used: ISO 8601, RFC 822 (`Sun, 18 Feb 2018 21:35:43 +0400`), `18/02/2018`,
 * `2018/02/18`, epoch seconds or milliseconds. A written time is kept as written (the
 * article's local time); the zone is ignored because relative expressions are in local time.
 */
import { isValidGregorian, fromDayNumber } from './calendar.js';
import { RefDate } from './types.js';

const STRICT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/** Parses `YYYY-MM-DD[THH:MM]`; returns null when malformed or not a real date. */
export function parseRefDate(s: string): RefDate | null {
  const m = STRICT.exec(s.trim());
  if (!m) return null;
  return build(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], true);
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

// Each pattern is anchored on digits with bounded repetitions: linear time.
const ISO_LIKE = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?/;
const DMY = /(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ,]+(\d{1,2}):(\d{2}))?/;
const D_MON_Y = /(\d{1,2})[ -]([A-Za-z]{3,9})[ ,-]*(\d{4})(?:[ T,]+(\d{1,2}):(\d{2}))?/;
const MON_D_Y = /([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})(?:[ T,]+(\d{1,2}):(\d{2}))?/;

/** Lenient reader for metadata dates; null when nothing date-like is found. */
export function parseReference(value: unknown): RefDate | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isFinite(value)) {
    const ms = value > 1e11 ? value : value * 1000; // epoch milliseconds or seconds
    const n = Math.floor(ms / 86_400_000);
    const { y, m, d } = fromDayNumber(n);
    const rest = ms - n * 86_400_000;
    return { y, m, d, h: Math.floor(rest / 3_600_000), min: Math.floor((rest % 3_600_000) / 60_000) };
  }
  if (typeof value !== 'string') return null;
  const s = value.trim().slice(0, 200);
  if (/^\d{9,13}$/.test(s)) return parseReference(Number(s));
  let m = ISO_LIKE.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5]);
  m = D_MON_Y.exec(s);
  if (m && MONTHS[m[2].slice(0, 3).toLowerCase()]) return build(Number(m[3]), MONTHS[m[2].slice(0, 3).toLowerCase()], Number(m[1]), m[4], m[5]);
  m = MON_D_Y.exec(s);
  if (m && MONTHS[m[1].slice(0, 3).toLowerCase()]) return build(Number(m[3]), MONTHS[m[1].slice(0, 3).toLowerCase()], Number(m[2]), m[4], m[5]);
  m = DMY.exec(s);
  if (m) return build(Number(m[3]), Number(m[2]), Number(m[1]), m[4], m[5]);
  return null;
}

/** A checked reference; an impossible time is an error when strict, else dropped. */
function build(y: number, mo: number, d: number, hh?: string, mm?: string, strict = false): RefDate | null {
  if (!isValidGregorian(y, mo, d)) return null;
  const ref: RefDate = { y, m: mo, d };
  if (hh !== undefined && mm !== undefined) {
    const h = Number(hh);
    const min = Number(mm);
    if (h < 24 && min < 60) { ref.h = h; ref.min = min; }
    else if (strict) return null;
  }
  return ref;
}

/** The reference as `YYYY-MM-DD[THH:MM]` (for messages and reports). */
export function formatRef(ref: RefDate): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const day = `${p(ref.y, 4)}-${p(ref.m)}-${p(ref.d)}`;
  return ref.h === undefined ? day : `${day}T${p(ref.h)}:${p(ref.min ?? 0)}`;
}
