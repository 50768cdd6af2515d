import { describe, expect, it } from 'vitest';
import { TAG_NAMES, allowedTransition, repairBio, spansOf } from '../../src/analyze/entities/tags.js';

const t = (...names: string[]) => names.map((n) => TAG_NAMES.indexOf(n));

describe('BIO2 tags', () => {
  it('names tags in a fixed order', () => {
    expect(TAG_NAMES).toEqual(['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC']);
  });

  it('repairs an I- that does not continue an entity of its type into a B-', () => {
    const tags = t('O', 'I-PER', 'I-PER', 'B-LOC', 'I-ORG', 'O', 'I-MISC');
    repairBio(tags);
    expect(tags.map((x) => TAG_NAMES[x])).toEqual(['O', 'B-PER', 'I-PER', 'B-LOC', 'B-ORG', 'O', 'B-MISC']);
  });

  it('reads spans as [start, end) token ranges', () => {
    expect(spansOf(t('B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-LOC'))).toEqual([
      { type: 0, start: 0, end: 2 },
      { type: 1, start: 3, end: 4 },
      { type: 1, start: 4, end: 6 },
    ]);
  });

  it('allows I-X only after B-X or I-X', () => {
    const [bper, iper, bloc, iloc] = t('B-PER', 'I-PER', 'B-LOC', 'I-LOC');
    expect(allowedTransition(-1, iper)).toBe(false);
    expect(allowedTransition(0, iper)).toBe(false);
    expect(allowedTransition(bper, iper)).toBe(true);
    expect(allowedTransition(iper, iper)).toBe(true);
    expect(allowedTransition(bloc, iper)).toBe(false);
    expect(allowedTransition(bper, iloc)).toBe(false);
    expect(allowedTransition(iper, bloc)).toBe(true);
  });
});
