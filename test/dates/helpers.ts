/** Small helpers for the dates tests: run the analyzer on a string, pick fields. */
import { extractDates, extractDatesFlat } from '../../src/analyze/dates/index.js';
import type { DateMention } from '../../src/analyze/dates/index.js';
import { normalizerFor } from '../../src/text/normalize.js';
import { prepareFlat, prepareText } from '../../src/text/prepare.js';

export function dates(text: string, ref: string | null = null): DateMention[] {
  const opts = { ref: ref ? { date: ref } : null };
  const out = extractDates(prepareText(text, normalizerFor('standard')), opts);
  // the command's path (flat buffers, no Token objects) must give exactly the same mentions
  const flat = extractDatesFlat(prepareFlat(text, normalizerFor('standard')), opts);
  if (JSON.stringify(flat) !== JSON.stringify(out)) {
    throw new Error(`extractDatesFlat differs from extractDates on ${JSON.stringify(text)}:\n${JSON.stringify(flat)}\n${JSON.stringify(out)}`);
  }
  return out;
}

/** text, value, grain of every mention: compact enough to compare whole results. */
export function brief(text: string, ref: string | null = null): Array<[string, string | null, string]> {
  return dates(text, ref).map((m) => [m.text, m.value, m.grain]);
}

/** The single mention of a phrase (fails when there are none or several). */
export function only(text: string, ref: string | null = null): DateMention {
  const ms = dates(text, ref);
  if (ms.length !== 1) throw new Error(`expected one mention in «${text}», got ${ms.length}: ${JSON.stringify(ms.map((m) => m.text))}`);
  return ms[0];
}
