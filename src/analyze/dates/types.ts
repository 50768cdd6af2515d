/**
 * Output contract of the dates analyzer (one `DateMention` per date expression) and the
 * small value types shared by its modules.
 */

export const GRAINS = ['year', 'month', 'week', 'day', 'hour', 'minute'] as const;
export type Grain = (typeof GRAINS)[number];

export type MentionKind = 'absolute' | 'relative' | 'range';
export type Calendar = 'gregorian' | 'hijri';

/** Units of relative expressions (منذ 3 أيام، الأسبوع الماضي). */
export type Unit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

export interface DateMention {
  /** Exactly the original slice of the document text. */
  text: string;
  /** Offsets into the original text in Unicode code points, end exclusive. */
  start: number;
  end: number;
  /**
   * ISO 8601 cut at `grain`: `2024`, `2023-02`, `2024-W10`, `2023-02-21`, `2015-01-06T17`,
   * `2015-01-06T17:16`. For a Hijri month or year (which do not line up with Gregorian ones)
   * the first Gregorian day, with `until` the last. `null` when the expression needs a reference
   * date and none is known, or a year cannot be inferred.
   */
  value: string | null;
  grain: Grain;
  kind: MentionKind;
  calendar: Calendar;
  /** The Hijri date as written (`1445-09-14`, `1445-09`, `1445`), only for Hijri expressions. */
  hijri: string | null;
  /** Last value of a range (same format as `value`), and the last day of a Hijri month/year. */
  until: string | null;
  /** For a relative expression without a reference date: how it moves from the reference, e.g. `{ days: -1 }`. */
  offset: Record<string, number> | null;
}

/** A reference date (and optional time) that relative expressions and missing years resolve against. */
export interface RefDate {
  y: number;
  m: number;
  d: number;
  /** Hour and minute when the reference carries a time (needed by "قبل ساعتين"). */
  h?: number;
  min?: number;
}

export interface ExtractOptions {
  /**
   * Reference: explicit (`--ref-date`), else the document's `date` metadata (the caller parses
   * it with `parseReference`), else null. Never the clock.
   */
  ref?: { date: string } | RefDate | null;
}
