/**
 * Counts tuples of small integers (n-grams of group ids) in an open-addressing table of flat
 * Int32Arrays: no object per entry, so millions of n-grams stay cheap, and the arrays travel to
 * and from worker threads as they are.
 *
 * Memory is bounded by pruning: when the table holds more than `maxEntries` tuples, every tuple
 * counted at most `floor` times is dropped and the floor goes up by one for the next pruning
 * (lossy counting). A tuple's count can then be too low by at most `prunedFloor`; tuples seen
 * more often than that overall are never lost entirely.
 */
export class TupleTable {
  /** Tuple elements, `n` per entry. */
  keys: Int32Array;
  counts: Int32Array;
  docs: Int32Array;
  /** Last document that counted the entry (for `docs`). */
  private lastDoc: Int32Array;
  size = 0;
  /** Largest count ever pruned (0 = counts are exact). */
  prunedFloor = 0;
  private slots: Int32Array;
  private mask: number;

  constructor(readonly n: number, readonly maxEntries = 1 << 21, capacity = 1 << 12) {
    this.keys = new Int32Array(capacity * n);
    this.counts = new Int32Array(capacity);
    this.docs = new Int32Array(capacity);
    this.lastDoc = new Int32Array(capacity).fill(-1);
    let cap = 16;
    while (cap < capacity * 2) cap <<= 1;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private hash(t: ArrayLike<number>, at: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < this.n; i++) h = Math.imul(h ^ t[at + i], 0x01000193);
    return (h ^ (h >>> 15)) | 0;
  }

  /** Entry index of the tuple t[at, at + n), or -1. */
  find(t: ArrayLike<number>, at = 0): number {
    const n = this.n;
    let slot = this.hash(t, at) & this.mask;
    for (;;) {
      const e1 = this.slots[slot];
      if (e1 === 0) return -1;
      const e = e1 - 1;
      let same = true;
      for (let i = 0; i < n; i++) if (this.keys[e * n + i] !== t[at + i]) { same = false; break; }
      if (same) return e;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Adds `by` to the tuple t[at, at + n) seen in document `doc`; returns its entry index. */
  add(t: ArrayLike<number>, at: number, doc: number, by = 1, docsBy = 1): number {
    const n = this.n;
    let slot = this.hash(t, at) & this.mask;
    let e = -1;
    for (;;) {
      const e1 = this.slots[slot];
      if (e1 === 0) break;
      const cand = e1 - 1;
      let same = true;
      for (let i = 0; i < n; i++) if (this.keys[cand * n + i] !== t[at + i]) { same = false; break; }
      if (same) { e = cand; break; }
      slot = (slot + 1) & this.mask;
    }
    if (e < 0) {
      e = this.size++;
      if (e >= this.counts.length) this.grow();
      for (let i = 0; i < n; i++) this.keys[e * n + i] = t[at + i];
      this.counts[e] = 0;
      this.docs[e] = 0;
      this.lastDoc[e] = -1;
      this.slots[slot] = e + 1;
      if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    }
    this.counts[e] += by;
    if (doc < 0) this.docs[e] += docsBy;
    else if (this.lastDoc[e] !== doc) {
      this.lastDoc[e] = doc;
      this.docs[e]++;
    }
    return e;
  }

  /** Prunes when over the limit; returns a map old entry -> new entry (-1 = dropped), or null. */
  maybePrune(): Int32Array | null {
    if (this.size <= this.maxEntries) return null;
    let floor = this.prunedFloor;
    let remap: Int32Array;
    do {
      floor++;
      remap = this.compact(floor);
    } while (this.size > this.maxEntries * 0.75);
    this.prunedFloor = floor;
    return remap;
  }

  /** Keeps entries whose count is above `floor`; returns old -> new indices. */
  compact(floor: number): Int32Array {
    const n = this.n;
    const remap = new Int32Array(this.size).fill(-1);
    let w = 0;
    for (let e = 0; e < this.size; e++) {
      if (this.counts[e] <= floor) continue;
      remap[e] = w;
      if (w !== e) {
        for (let i = 0; i < n; i++) this.keys[w * n + i] = this.keys[e * n + i];
        this.counts[w] = this.counts[e];
        this.docs[w] = this.docs[e];
        this.lastDoc[w] = this.lastDoc[e];
      }
      w++;
    }
    this.size = w;
    this.rehash(this.slots.length);
    return remap;
  }

  private grow(): void {
    const cap = this.counts.length * 2;
    const keys = new Int32Array(cap * this.n);
    keys.set(this.keys);
    this.keys = keys;
    for (const name of ['counts', 'docs', 'lastDoc'] as const) {
      const a = new Int32Array(cap);
      a.set(this[name]);
      this[name] = a;
    }
  }

  private rehash(cap: number): void {
    const slots = new Int32Array(cap);
    const mask = cap - 1;
    for (let e = 0; e < this.size; e++) {
      let slot = this.hash(this.keys, e * this.n) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = e + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** Plain snapshot (trimmed arrays). */
  snapshot(): TupleSnapshot {
    return {
      n: this.n,
      keys: this.keys.slice(0, this.size * this.n),
      counts: this.counts.slice(0, this.size),
      docs: this.docs.slice(0, this.size),
      prunedFloor: this.prunedFloor,
    };
  }
}

export interface TupleSnapshot {
  n: number;
  keys: Int32Array;
  counts: Int32Array;
  docs: Int32Array;
  prunedFloor: number;
}
