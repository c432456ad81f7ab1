/**
 * Bounded selection shared by the embedded engine's ranking (documents) and facets (values).
 * @module
 */

/** Total order on ordinals: negative when `a` comes first. */
export type Cmp = (a: number, b: number) => number;

/** Smallest `k` items under `cmp`, sorted; a bounded heap so a 100k-hit query does not sort 100k. */
export function topK(items: ArrayLike<number>, k: number, cmp: Cmp): number[] {
  const n = items.length;
  if (n <= k * 4) return Array.from(items).sort(cmp).slice(0, k);
  // Max-heap (by cmp) of the best k seen so far.
  const heap: number[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (cmp(heap[i] as number, heap[p] as number) <= 0) break;
      [heap[i], heap[p]] = [heap[p] as number, heap[i] as number];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && cmp(heap[l] as number, heap[m] as number) > 0) m = l;
      if (r < heap.length && cmp(heap[r] as number, heap[m] as number) > 0) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as number, heap[i] as number];
      i = m;
    }
  };
  for (let j = 0; j < n; j++) {
    const it = items[j] as number;
    if (heap.length < k) {
      heap.push(it);
      up(heap.length - 1);
    } else if (cmp(it, heap[0] as number) < 0) {
      heap[0] = it;
      down(0);
    }
  }
  return heap.sort(cmp);
}
