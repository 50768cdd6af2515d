/**
 * Interns word forms straight from a UTF-16 buffer: the form is hashed and compared in place,
 * and a string is created only the first time a form is seen, so counting code does not
 * allocate per token (see ../shared/PERF.md). ASCII letters are folded to lower case (FBI and
 * fbi are one form); Arabic has no case.
 */
export interface FormTableIndex {
  slots: Int32Array;
  pool: Uint16Array;
}

/**
 * A table without strings (`{ strings: false }`) as plain data: its index, its size, and where
 * each form's units end in the pool, by id (forms lie in the pool in id order).
 */
export interface FormTableData extends FormTableIndex {
  size: number;
  ends: Int32Array;
}

export class FormTable {
  /**
   * Open addressing, four ints a slot: form id + 1 (0 = empty), hash, and where the form's folded
   * units lie in `pool` (offset, length). A lookup touches one slot line and the pool, not a
   * string object.
   */
  private slots: Int32Array;
  private mask: number;
  /** The folded code units of every form, one after the other. */
  private pool: Uint16Array;
  private poolUsed = 0;
  /** Forms by id (ids are dense, in order of first appearance); empty in a table without strings. */
  readonly forms: string[] = [];
  private count = 0;
  /**
   * Without strings: where each form's units end in the pool, by id; `formAt` makes a string
   * when one is asked for. Counting a corpus's types made some 200k strings per thread of which
   * `stats` shows twenty.
   */
  private readonly ends: IntColumn | null;

  constructor(initialCapacity = 1024, options: { strings?: boolean } = {}) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap <<= 1;
    this.slots = new Int32Array(cap * 4);
    this.mask = cap - 1;
    this.pool = new Uint16Array(Math.max(16, initialCapacity) * 8);
    this.ends = options.strings === false ? new IntColumn(initialCapacity) : null;
  }

  get size(): number {
    return this.count;
  }

  /** The form of an id (folded), as a string. */
  formAt(id: number): string {
    if (this.ends === null) return this.forms[id];
    return FormTable.formIn({ pool: this.pool, ends: this.ends.data }, id);
  }

  /** The form of an id in a table's `data()`, as a string, without rebuilding the table. */
  static formIn(d: Pick<FormTableData, 'pool' | 'ends'>, id: number): string {
    return formOf(d.pool, id === 0 ? 0 : d.ends[id - 1], d.ends[id]);
  }

  /** A table without strings as plain data (views of its own arrays: for a table that is done). */
  data(): FormTableData {
    if (this.ends === null) throw new Error('FormTable.data: only for a table without strings');
    return { slots: this.slots, pool: this.pool.subarray(0, this.poolUsed), size: this.count, ends: this.ends.data.subarray(0, this.count) };
  }

  /** The table a `data()` describes, adopting its arrays (it may grow from there). */
  static fromData(d: FormTableData): FormTable {
    if (d.ends.length !== d.size) throw new RangeError('FormTable.fromData: not a table');
    const t = new FormTable(16, { strings: false }).adopt(d, d.size, 'fromData');
    t.ends!.ensure(Math.max(0, d.size - 1));
    t.ends!.data.set(d.ends);
    return t;
  }

  /**
   * The hash index as plain data, so another thread can `restore` the table without rehashing.
   * Copies, unless `live`: then views of this table's own arrays, for a table that is done
   * (a final snapshot), which saves copying megabytes.
   */
  index(live = false): FormTableIndex {
    if (live) return { slots: this.slots, pool: this.pool.subarray(0, this.poolUsed) };
    return { slots: this.slots.slice(), pool: this.pool.slice(0, this.poolUsed) };
  }

  /** A table holding `forms` (ids in order), from the `index()` of the table that interned them. */
  static restore(forms: readonly string[], index: FormTableIndex): FormTable {
    const t = new FormTable(16).adopt(index, forms.length, 'restore');
    for (let i = 0; i < forms.length; i++) t.forms.push(forms[i]);
    return t;
  }

  /** Takes another table's index arrays as its own, holding `size` forms. */
  private adopt(index: FormTableIndex, size: number, caller: string): this {
    const cap = index.slots.length / 4;
    if (!Number.isInteger(cap) || (cap & (cap - 1)) !== 0 || size * 2 > cap) throw new RangeError(`FormTable.${caller}: not a table index`);
    this.slots = index.slots;
    this.mask = cap - 1;
    this.pool = index.pool;
    this.poolUsed = index.pool.length;
    this.count = size;
    return this;
  }

  /** Forgets every form (the arrays are kept, so a table reused per document allocates nothing). */
  reset(): void {
    this.slots.fill(0);
    this.poolUsed = 0;
    this.forms.length = 0;
    this.count = 0;
  }

  /** Calls fn for every form: its id, and its folded units pool[offset, offset + length) with their hash. */
  forEachForm(fn: (id: number, pool: Uint16Array, offset: number, length: number, hash: number) => void): void {
    eachSlot(this.slots, this.count, (id, hash, offset, length) => fn(id, this.pool, offset, length, hash));
  }

  /** Id of units[start, end), or -1 when the form was never interned. */
  find(units: ArrayLike<number>, start: number, end: number): number {
    const h = hashUnits(units, start, end);
    // the pool holds folded units: units with capitals are compared as a folded copy
    if (sawUpper) return this.findHashed(foldedCopy(units, start, end), 0, end - start, h);
    return this.findHashed(units, start, end, h);
  }

  /**
   * `find` for a form without ASCII capitals whose hash is known (the tokenizer's hash of an
   * Arabic word): no hashing, and a compare without case folding.
   */
  findHashed(units: ArrayLike<number>, start: number, end: number, h: number): number {
    const r = this.probeHashed(units, start, end, h);
    return r >= 0 ? r : -1;
  }

  /** `intern` for a form without ASCII capitals whose hash is known (see findHashed). */
  internHashed(units: ArrayLike<number>, start: number, end: number, h: number, given: string | null = null): number {
    const r = this.probeHashed(units, start, end, h);
    // new: it goes in the empty slot the probe stopped at (units without capitals are stored as they are)
    return r >= 0 ? r : this.place(-r - 1, h, units, start, end, given);
  }

  /** The id of the form, or -(slot + 1) for the empty slot where it would go. */
  private probeHashed(units: ArrayLike<number>, start: number, end: number, h: number): number {
    const slots = this.slots;
    const pool = this.pool;
    const mask = this.mask;
    const len = end - start;
    let slot = h & mask;
    for (;;) {
      const at = slot * 4;
      const id1 = slots[at];
      if (id1 === 0) return -slot - 1;
      if (slots[at + 1] === h && slots[at + 3] === len) {
        const offset = slots[at + 2];
        let i = 0;
        while (i < len && pool[offset + i] === units[start + i]) i++;
        if (i === len) return id1 - 1;
      }
      slot = (slot + 1) & mask;
    }
  }


  /** Calls fn for each form of a table's index (ids below `size`): its hash and where its units lie in the index's pool. */
  static eachIndexed(index: FormTableIndex, size: number, fn: (id: number, hash: number, offset: number, length: number) => void): void {
    eachSlot(index.slots, size, fn);
  }

  /**
   * Where each form of a table lies in the pool of its `index()`, with its hash, by id: so that
   * another table can intern them from the pool (folded units: `internHashed`) without a string
   * copy or a second hashing (merging the tables of several threads).
   */
  static layoutOf(index: FormTableIndex, size: number): { offsets: Int32Array; lengths: Int32Array; hashes: Int32Array } {
    const offsets = new Int32Array(size);
    const lengths = new Int32Array(size);
    const hashes = new Int32Array(size);
    eachSlot(index.slots, size, (id, hash, offset, length) => {
      hashes[id] = hash;
      offsets[id] = offset;
      lengths[id] = length;
    });
    return { offsets, lengths, hashes };
  }

  /** Id of units[start, end), interning it if new. */
  intern(units: ArrayLike<number>, start: number, end: number): number {
    return this.insert(units, start, end, null);
  }

  /** Id of a whole string (used when merging tables from workers and when loading lists). */
  internString(s: string): number {
    return this.insert(unitsOf(s), 0, s.length, s);
  }

  findString(s: string): number {
    return this.find(unitsOf(s), 0, s.length);
  }

  private same(offset: number, units: ArrayLike<number>, start: number, len: number): boolean {
    const pool = this.pool;
    for (let i = 0; i < len; i++) if (pool[offset + i] !== fold(units[start + i])) return false;
    return true;
  }

  /** `given`: the form as a string when the caller has one (kept as is when already folded). */
  private insert(units: ArrayLike<number>, start: number, end: number, given: string | null): number {
    const h = hashUnits(units, start, end);
    const len = end - start;
    let slot = h & this.mask;
    for (;;) {
      const at = slot * 4;
      const id1 = this.slots[at];
      if (id1 === 0) break;
      if (this.slots[at + 1] === h && this.slots[at + 3] === len && this.same(this.slots[at + 2], units, start, len)) return id1 - 1;
      slot = (slot + 1) & this.mask;
    }
    return this.place(slot, h, units, start, end, given);
  }

  /** Adds units[start, end) (hash h) as a new form in the empty `slot`; returns its id. */
  private place(slot: number, h: number, units: ArrayLike<number>, start: number, end: number, given: string | null): number {
    const len = end - start;
    const id = this.count;
    if (this.poolUsed + len > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + len));
      pool.set(this.pool.subarray(0, this.poolUsed));
      this.pool = pool;
    }
    const offset = this.poolUsed;
    for (let i = 0; i < len; i++) this.pool[offset + i] = fold(units[start + i]);
    this.poolUsed += len;
    if (this.ends === null) this.forms.push(given !== null && !hasUpperAscii(given) ? given : formOf(this.pool, offset, offset + len));
    else {
      this.ends.ensure(id);
      this.ends.data[id] = this.poolUsed;
    }
    this.count++;
    const at = slot * 4;
    this.slots[at] = id + 1;
    this.slots[at + 1] = h;
    this.slots[at + 2] = offset;
    this.slots[at + 3] = len;
    if (this.count * 2 > this.mask + 1) this.rehash();
    return id;
  }

  private rehash(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    const slots = new Int32Array(cap * 4);
    const mask = cap - 1;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at] === 0) continue;
      let slot = old[at + 1] & mask;
      while (slots[slot * 4] !== 0) slot = (slot + 1) & mask;
      // four plain stores: a subarray per slot would allocate for every form
      const to = slot * 4;
      slots[to] = old[at];
      slots[to + 1] = old[at + 1];
      slots[to + 2] = old[at + 2];
      slots[to + 3] = old[at + 3];
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** Calls fn for every used slot of a table's `slots` whose id is below `size`. */
function eachSlot(slots: Int32Array, size: number, fn: (id: number, hash: number, offset: number, length: number) => void): void {
  for (let at = 0; at < slots.length; at += 4) {
    const id1 = slots[at];
    if (id1 !== 0 && id1 <= size) fn(id1 - 1, slots[at + 1], slots[at + 2], slots[at + 3]);
  }
}

let scratch = new Uint16Array(256);
/** The string's code units in a reused buffer (strings and buffers share one code path). */
function unitsOf(s: string): Uint16Array {
  if (scratch.length < s.length) scratch = new Uint16Array(s.length * 2);
  for (let i = 0; i < s.length; i++) scratch[i] = s.charCodeAt(i);
  return scratch;
}

function hasUpperAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return true;
  }
  return false;
}

const fold = (c: number): number => (c >= 0x41 && c <= 0x5a ? c + 32 : c);

/** FNV-1a over folded UTF-16 units; the tokenizer computes the same for Arabic words as it scans them. */
export const FORM_HASH_SEED = 0x811c9dc5 | 0;
export const FORM_HASH_PRIME = 0x01000193;
/** Whether the units last hashed by hashUnits held an ASCII capital. */
let sawUpper = false;
function hashUnits(units: ArrayLike<number>, start: number, end: number): number {
  let h = FORM_HASH_SEED;
  let upper = false;
  for (let i = start; i < end; i++) {
    let c = units[i];
    if (c >= 0x41 && c <= 0x5a) { c += 32; upper = true; }
    h = Math.imul(h ^ c, FORM_HASH_PRIME);
  }
  sawUpper = upper;
  return h;
}

let folded = new Uint16Array(64);
/** units[start, end) with ASCII capitals folded, in a reused buffer (valid until the next call). */
function foldedCopy(units: ArrayLike<number>, start: number, end: number): Uint16Array {
  if (folded.length < end - start) folded = new Uint16Array((end - start) * 2);
  for (let i = start; i < end; i++) folded[i - start] = fold(units[i]);
  return folded;
}


function formOf(units: ArrayLike<number>, start: number, end: number): string {
  let upper = false;
  for (let i = start; i < end; i++) if (units[i] >= 0x41 && units[i] <= 0x5a) { upper = true; break; }
  // one flat string at once (a string grown with += is a rope that every later lookup must flatten)
  if (!upper && units instanceof Uint16Array && end - start < 4096) {
    return String.fromCharCode.apply(null, units.subarray(start, end) as unknown as number[]);
  }
  const codes = new Array<number>(end - start);
  for (let i = start; i < end; i++) codes[i - start] = fold(units[i]);
  return String.fromCharCode(...codes);
}

/** A growable Int32 vector indexed by form id; unused slots hold `fill`. */
export class IntColumn {
  data: Int32Array;
  constructor(capacity = 1024, readonly fill = 0) {
    this.data = new Int32Array(capacity);
    if (fill !== 0) this.data.fill(fill);
  }
  /** Makes index `i` addressable (new slots hold `fill`). */
  ensure(i: number): void {
    if (i < this.data.length) return;
    let cap = this.data.length * 2;
    while (cap <= i) cap *= 2;
    const bigger = new Int32Array(cap);
    bigger.set(this.data);
    if (this.fill !== 0) bigger.fill(this.fill, this.data.length);
    this.data = bigger;
  }
}
