/**
 * The phrase set of fixtures/dates/dev-phrases.jsonl (dev and held-out splits, written before
 * the analyzer) as a regression test: each phrase must keep resolving to its value and grain.
 * `node scripts/eval-dates.mjs` prints the same as accuracy figures.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dates } from './helpers.js';

interface Phrase { id: string; split: string; ref: string | null; text: string; value: string | null; grain: string | null; until?: string; offset?: Record<string, number>; known_miss?: string }

const file = fileURLToPath(new URL('../../fixtures/dates/dev-phrases.jsonl', import.meta.url));
const phrases: Phrase[] = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

describe('phrase set', () => {
  it('has the three splits', () => {
    expect(phrases.length).toBeGreaterThanOrEqual(250);
    expect(new Set(phrases.map((p) => p.split))).toEqual(new Set(['dev', 'heldout', 'heldout2', 'heldout3']));
  });
  // a known miss is expected to fail: when it starts passing, drop its known_miss note
  it.each(phrases.filter((p) => p.known_miss).map((p) => [p.id, p] as const))('%s (known miss)', (_id, p) => {
    const ms = dates(p.text, p.ref);
    expect(ms.some((m) => m.value === p.value && m.grain === p.grain)).toBe(false);
  });
  it.each(phrases.filter((p) => !p.known_miss).map((p) => [p.id, p] as const))('%s', (_id, p) => {
    const ms = dates(p.text, p.ref);
    if (p.value === null && p.grain === null) {
      expect(ms.map((m) => m.text)).toEqual([]);
      return;
    }
    const found = ms.map((m) => ({ value: m.value, grain: m.grain, ...(p.until !== undefined ? { until: m.until } : {}), ...(p.offset !== undefined ? { offset: m.offset } : {}) }));
    expect(found).toContainEqual({ value: p.value, grain: p.grain, ...(p.until !== undefined ? { until: p.until } : {}), ...(p.offset !== undefined ? { offset: p.offset } : {}) });
  });
});
