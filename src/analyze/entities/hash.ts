/**
 * 32-bit string and integer hashing for the hashed feature table. Strings are hashed over a
 * code-unit range so that prefixes, suffixes and clitic-stripped bases never allocate a slice.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over s[start, end). */
export function hashRange(s: string, start = 0, end = s.length): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** Continues an FNV-1a hash with more code units (base forms that put back an elided alef). */
export function hashContinue(h: number, s: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

export const FNV_START = FNV_OFFSET;

/** Murmur3 finalizer: spreads the bits of a combined value. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines a template id with one value. */
export function feat1(template: number, a: number): number {
  return fmix(Math.imul(template + 1, 0x9e3779b1) ^ a);
}

/** Combines a template id with two values (word pairs, cluster pairs). */
export function feat2(template: number, a: number, b: number): number {
  return fmix(Math.imul(template + 1, 0x9e3779b1) ^ fmix(a ^ Math.imul(b, 0x27d4eb2f) ^ 0x165667b1));
}
