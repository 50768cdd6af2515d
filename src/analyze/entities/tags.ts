/**
 * Entity types and the BIO2 tag set of the tagger, as small integers so that decoding works on
 * typed arrays. Tag 0 is O; type k (0-based) has B = 1 + 2k and I = 2 + 2k.
 */
export const ENTITY_TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const NUM_TAGS = 1 + 2 * ENTITY_TYPES.length;
export const TAG_O = 0;

export const TAG_NAMES: string[] = ['O'];
for (const t of ENTITY_TYPES) TAG_NAMES.push(`B-${t}`, `I-${t}`);

export const tagB = (type: number): number => 1 + 2 * type;
export const tagI = (type: number): number => 2 + 2 * type;
export const isB = (tag: number): boolean => tag > 0 && (tag & 1) === 1;
export const isI = (tag: number): boolean => tag > 0 && (tag & 1) === 0;
/** Type index of a B or I tag (-1 for O). */
export const typeOf = (tag: number): number => (tag === 0 ? -1 : (tag - 1) >> 1);

export function isEntityType(s: string): s is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(s);
}

/** Whether `cur` may follow `prev` in BIO2 (prev = -1 at the start of a sentence). */
export function allowedTransition(prev: number, cur: number): boolean {
  if (!isI(cur)) return true;
  return prev > 0 && typeOf(prev) === typeOf(cur);
}

/**
 * Repairs a tag sequence in place so that it is valid BIO2: an I-X that does not continue an X
 * entity opens one (becomes B-X), the reading conlleval and seqeval use by default.
 */
export function repairBio(tags: Int8Array | number[]): void {
  let prev = -1;
  for (let i = 0; i < tags.length; i++) {
    if (isI(tags[i]) && !(prev > 0 && typeOf(prev) === typeOf(tags[i]))) tags[i] = tags[i] - 1;
    prev = tags[i];
  }
}

/** A typed span over token indexes [start, end). */
export interface TagSpan {
  type: number;
  start: number;
  end: number;
}

/** Spans of a valid (or repaired-on-the-fly) BIO2 sequence. */
export function spansOf(tags: ArrayLike<number>): TagSpan[] {
  const out: TagSpan[] = [];
  let cur: TagSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t === TAG_O) { cur = null; continue; }
    const ty = typeOf(t);
    if (isI(t) && cur !== null && cur.type === ty && cur.end === i) { cur.end = i + 1; continue; }
    cur = { type: ty, start: i, end: i + 1 };
    out.push(cur);
  }
  return out;
}
