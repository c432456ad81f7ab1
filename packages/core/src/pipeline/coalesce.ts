/**
 * Write coalescing for the pipeline: concurrent single-item writes (one job page's upsert, one
 * event's index update) join one batch. One flush runs at a time and the next batch gathers while
 * it writes, so batches grow exactly when the sink is the bottleneck and stay size 1 when idle.
 * @module
 */

export interface CoalescerOptions {
  /** Largest batch handed to `flush`. @default 256 */
  maxItems?: number;
}

export interface Coalescer<T, R> {
  /** Resolves with the item's result once the batch holding it was written (rejects if that write failed). */
  add(item: T): Promise<R>;
  /** Resolves once everything added so far was written. */
  idle(): Promise<void>;
}

interface Pending<T, R> {
  item: T;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

/** `flush` gets a batch and returns one result per item, in order. */
export function createCoalescer<T, R>(flush: (items: T[]) => Promise<R[]>, options: CoalescerOptions = {}): Coalescer<T, R> {
  const maxItems = Math.max(1, options.maxItems ?? 256);
  let queue: Pending<T, R>[] = [];
  let running: Promise<void> | null = null;

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxItems);
      queue = queue.slice(batch.length);
      try {
        const results = await flush(batch.map((p) => p.item));
        batch.forEach((p, i) => p.resolve(results[i] as R));
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
    running = null;
  }

  return {
    add(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        // Start on a microtask so adds from the same tick share the first batch.
        running ??= Promise.resolve().then(drain);
      });
    },
    async idle() {
      while (running) await running;
    },
  };
}
