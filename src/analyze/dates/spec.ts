/**
 * `dates` as a runner analysis (see src/run/analyzer.ts): one row per date expression, and with
 * a timeline grain, the count of dated mentions per period (order-free, so workers merge it).
 */
import type { AnalyzerSpec } from '../../run/analyzer.js';
import type { Row } from '../../report/types.js';
import { normalizerFor } from '../../text/normalize.js';
import { prepareFlat } from '../../text/prepare.js';
import { extractDatesFlat } from './extract.js';
import { parseReference } from './reference.js';
import { periodOf, TimelineGrain } from './timeline.js';
import { warmUpDates } from './warmup.js';
import type { RefDate } from './types.js';

export interface DatesSpecOptions {
  /** `--ref-date`: wins over every document's own `date`. */
  ref: RefDate | null;
  /** Count mentions per period instead of returning rows. */
  timeline: TimelineGrain | null;
}

export interface DatesPartial {
  /** Timeline counts by period (empty without a timeline grain). */
  periods: Map<string, number>;
  mentions: number;
  /** Mentions without a value (relative with no reference, year not inferable). */
  unresolved: number;
  /** Mentions with a value too coarse for the timeline (a bare year on a monthly timeline). */
  coarser: number;
  /** Documents that had no reference (no --ref-date and no readable `date` field). */
  withoutReference: number;
}

export const datesSpec: AnalyzerSpec<DatesSpecOptions, DatesPartial> = {
  create(o) {
    // The lexicons are written for the standard profile: dates ignore --normalize.
    const normalizer = normalizerFor('standard');
    const partial: DatesPartial = { periods: new Map(), mentions: 0, unresolved: 0, coarser: 0, withoutReference: 0 };
    return {
      add(doc) {
        const ref = o.ref ?? parseReference(doc.meta.date);
        if (!ref) partial.withoutReference++;
        const mentions = extractDatesFlat(prepareFlat(doc.text, normalizer), { ref });
        partial.mentions += mentions.length;
        if (o.timeline) {
          for (const m of mentions) {
            if (m.value === null) { partial.unresolved++; continue; }
            const p = periodOf(m, o.timeline);
            if (p === null) partial.coarser++;
            else partial.periods.set(p, (partial.periods.get(p) ?? 0) + 1);
          }
          return undefined;
        }
        const rows: Row[] = new Array(mentions.length);
        for (let k = 0; k < mentions.length; k++) {
          const m = mentions[k];
          if (m.value === null) partial.unresolved++;
          rows[k] = {
            doc: doc.id, text: m.text, start: m.start, end: m.end, value: m.value, grain: m.grain, kind: m.kind,
            calendar: m.calendar, hijri: m.hijri, until: m.until, offset: m.offset,
          };
        }
        return rows;
      },
      snapshot: () => partial,
    };
  },
  merge(parts) {
    const out: DatesPartial = { periods: new Map(), mentions: 0, unresolved: 0, coarser: 0, withoutReference: 0 };
    for (const p of parts) {
      for (const [k, n] of p.periods) out.periods.set(k, (out.periods.get(k) ?? 0) + n);
      out.mentions += p.mentions;
      out.unresolved += p.unresolved;
      out.coarser += p.coarser;
      out.withoutReference += p.withoutReference;
    }
    return out;
  },
  // sums, and periods sorted when printed
  splitInvariant: () => true,
  warmUp: warmUpDates,
};
