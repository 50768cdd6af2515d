/** Selecting the most frequent types without sorting the whole vocabulary. */

/** Ids of the `n` largest counts, ties broken by key, without sorting every type. */
export function topIds(counts: ArrayLike<number>, keyOf: (id: number) => string, n: number): number[] {
  // keys are only needed to break ties (and made only then: see FormTable.formAt)
  const before = (a: number, b: number) => counts[a] > counts[b] || (counts[a] === counts[b] && keyOf(a) < keyOf(b));
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
  // This loop runs once, at the end, usually before V8 has optimized it: the common case (a type
  // below the weakest of the best n) is one load and one compare against a local.
  let floor = -Infinity; // count of the heap's root once the heap is full
  for (let id = 0; id < counts.length; id++) {
    if (counts[id] < floor) continue;
    if (heap.length < n) {
      heap.push(id);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent], heap[i])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
      if (heap.length === n) floor = counts[heap[0]];
    } else if (n > 0 && before(id, heap[0])) {
      heap[0] = id;
      siftDown(0);
      floor = counts[heap[0]];
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : 1));
}
