/**
 * Counts word types straight from a UTF-16 buffer: keys are hashed and compared in place against
 * a flat pool of code units, so `corpus stats` allocates nothing per token and nothing per type
 * until the strings are asked for at the end (see ../shared/PERF.md). Open addressing with
 * linear probing, kept at most half full.
 */
const utf16 = new TextDecoder('utf-16le');

export class TypeTable {
  /**
   * Four ints a slot: hash, key start in `pool` + 1 (0 = empty), key length, count. A lookup that
   * hits reads one slot and the key's units: two cache lines, which is what makes this fast.
   */
  private slots: Int32Array;
  private mask: number;
  private pool: Uint16Array;
  private poolLength = 0;
  size = 0;

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap <<= 1;
    this.slots = new Int32Array(cap * 4);
    this.mask = cap - 1;
    this.pool = new Uint16Array(initialCapacity * 8);
  }

  /** Adds `by` occurrences of units[start, end), ASCII letters folded to lower case (FBI = fbi). */
  add(units: ArrayLike<number>, start: number, end: number, by = 1): void {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) {
      let c = units[i];
      if (c >= 0x41 && c <= 0x5a) c += 32;
      h = Math.imul(h ^ c, 0x01000193);
    }
    const len = end - start;
    const slots = this.slots;
    const pool = this.pool;
    let slot = h & this.mask;
    for (;;) {
      const at = slot << 2;
      const ks1 = slots[at + 1];
      if (ks1 === 0) break;
      if (slots[at] === h && slots[at + 2] === len) {
        const ks = ks1 - 1;
        let i = 0;
        for (; i < len; i++) {
          let c = units[start + i];
          if (c >= 0x41 && c <= 0x5a) c += 32;
          if (pool[ks + i] !== c) break;
        }
        if (i === len) {
          slots[at + 3] += by;
          return;
        }
      }
      slot = (slot + 1) & this.mask;
    }
    if (this.poolLength + len > this.pool.length) {
      const bigger = new Uint16Array(Math.max(this.pool.length * 2, this.poolLength + len));
      bigger.set(this.pool.subarray(0, this.poolLength));
      this.pool = bigger;
    }
    const p = this.pool;
    for (let i = 0; i < len; i++) {
      let c = units[start + i];
      if (c >= 0x41 && c <= 0x5a) c += 32;
      p[this.poolLength + i] = c;
    }
    const at = slot << 2;
    slots[at] = h;
    slots[at + 1] = this.poolLength + 1;
    slots[at + 2] = len;
    slots[at + 3] = by;
    this.poolLength += len;
    this.size++;
    if (this.size * 2 > this.mask + 1) this.rehash();
  }

  private scratch = new Uint16Array(64);
  /** Adds a whole string key (merging tables from workers); no allocation for keys under 64 units. */
  addKey(key: string, by: number): void {
    if (key.length > this.scratch.length) this.scratch = new Uint16Array(key.length * 2);
    const s = this.scratch;
    for (let i = 0; i < key.length; i++) s[i] = key.charCodeAt(i);
    this.add(s, 0, key.length, by);
  }

  /** Keys and counts, in the order the types were first seen. */
  entries(): { keys: string[]; counts: Int32Array } {
    const found: number[] = [];
    const slots = this.slots;
    for (let at = 0; at < slots.length; at += 4) if (slots[at + 1] !== 0) found.push(at);
    found.sort((a, b) => slots[a + 1] - slots[b + 1]);
    const keys = new Array<string>(found.length);
    const counts = new Int32Array(found.length);
    // one decode of the whole pool, then slices: far cheaper than a string built per key
    const all = this.poolLength ? utf16.decode(this.pool.subarray(0, this.poolLength)) : '';
    for (let i = 0; i < found.length; i++) {
      const at = found[i];
      const ks = slots[at + 1] - 1;
      keys[i] = all.slice(ks, ks + slots[at + 2]);
      counts[i] = slots[at + 3];
    }
    return { keys, counts };
  }

  private rehash(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    const slots = new Int32Array(cap * 4);
    const mask = cap - 1;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at + 1] === 0) continue;
      let slot = old[at] & mask;
      while (slots[(slot << 2) + 1] !== 0) slot = (slot + 1) & mask;
      slots.set(old.subarray(at, at + 4), slot << 2);
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** Ids of the `n` largest counts, ties broken by key, without sorting every type. */
export function topIds(counts: ArrayLike<number>, keys: readonly string[], n: number): number[] {
  const before = (a: number, b: number) => counts[a] > counts[b] || (counts[a] === counts[b] && keys[a] < keys[b]);
  // a min-heap of the best n so far: its root is the weakest of them
  const heap: number[] = [];
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && before(heap[m], heap[l])) m = l;
      if (r < heap.length && before(heap[m], heap[r])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (let id = 0; id < counts.length; id++) {
    if (heap.length < n) {
      heap.push(id);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent], heap[i])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (n > 0 && before(id, heap[0])) {
      heap[0] = id;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : 1));
}
