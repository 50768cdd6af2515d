/**
 * Counts word types straight from a UTF-16 buffer: the key is hashed and compared in place,
 * and a string is created only the first time a type is seen. This is what keeps
 * `corpus stats` from allocating a string per token (see ../shared/PERF.md).
 */
export class TypeTable {
  private slots: Int32Array; // type id + 1, 0 = empty
  private hashes: Int32Array; // per type id
  keys: string[] = [];
  counts: Int32Array;
  size = 0;
  private mask: number;

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap <<= 1;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    this.hashes = new Int32Array(initialCapacity);
    this.counts = new Int32Array(initialCapacity);
  }

  /**
   * Adds one occurrence of units[start, end), with ASCII letters folded to lower case
   * (FBI and fbi are one type), and returns the type id.
   */
  add(units: ArrayLike<number>, start: number, end: number, by = 1): number {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) {
      let c = units[i];
      if (c >= 0x41 && c <= 0x5a) c += 32;
      h = Math.imul(h ^ c, 0x01000193);
    }
    const len = end - start;
    let slot = h & this.mask;
    for (;;) {
      const id1 = this.slots[slot];
      if (id1 === 0) break;
      const id = id1 - 1;
      if (this.hashes[id] === h) {
        const key = this.keys[id];
        if (key.length === len) {
          let same = true;
          for (let i = 0; i < len; i++) {
            let c = units[start + i];
            if (c >= 0x41 && c <= 0x5a) c += 32;
            if (key.charCodeAt(i) !== c) { same = false; break; }
          }
          if (same) {
            this.counts[id] += by;
            return id;
          }
        }
      }
      slot = (slot + 1) & this.mask;
    }
    const id = this.size++;
    if (id >= this.counts.length) this.growArrays();
    let key = '';
    for (let i = start; i < end; i++) {
      let c = units[i];
      if (c >= 0x41 && c <= 0x5a) c += 32;
      key += String.fromCharCode(c);
    }
    this.keys.push(key);
    this.hashes[id] = h;
    this.counts[id] = by;
    this.slots[slot] = id + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
    return id;
  }

  /** Adds a whole string key (used when merging tables from workers). */
  addKey(key: string, by: number): void {
    const units = new Uint16Array(key.length);
    for (let i = 0; i < key.length; i++) units[i] = key.charCodeAt(i);
    this.add(units, 0, units.length, by);
  }

  private growArrays(): void {
    const cap = this.counts.length * 2;
    const counts = new Int32Array(cap);
    counts.set(this.counts);
    this.counts = counts;
    const hashes = new Int32Array(cap);
    hashes.set(this.hashes);
    this.hashes = hashes;
  }

  private rehash(): void {
    const cap = this.slots.length * 2;
    const slots = new Int32Array(cap);
    const mask = cap - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.hashes[id] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** Ids of the `n` most frequent types, ties broken by key for stable output. */
  top(n: number): number[] {
    const ids = Array.from({ length: this.size }, (_, i) => i);
    ids.sort((a, b) => this.counts[b] - this.counts[a] || (this.keys[a] < this.keys[b] ? -1 : this.keys[a] > this.keys[b] ? 1 : 0));
    return ids.slice(0, n);
  }
}
