/**
 * Write coalescing for the pipeline: concurrent single-item writes (one job page's upsert, one
 * event's index update) join one batch. One flush runs at a time and the next batch gathers while
 * it writes, so batches grow exactly when the sink is the bottleneck and stay size 1 when idle.
 * With `maxWaitMs`, a batch also waits a little for company when the sink is idle, because a sink
 * with a high fixed cost per call (an embedded database transaction) is faster in batches even
 * when it is not saturated.
 * @module
 */

export interface CoalescerOptions {
  /** Largest batch handed to `flush`. @default 256 */
  maxItems?: number;
  /**
   * How long the oldest pending item may wait for others before its batch is flushed (a full
   * batch or {@link Coalescer.flushNow} flushes sooner). @default 0 (flush on the next microtask)
   */
  maxWaitMs?: number;
  /**
   * When a flush of several items rejects and this returns true for the error, the batch is
   * flushed again in halves (and so on), so only the items that fail on their own reject and
   * their batch-mates resolve. Use it for idempotent sinks whose errors can be one item's fault;
   * leave it unset for errors of the sink as a whole. At most about 2·log2(batch) extra flushes
   * per failing item; when a first half fails entirely the second is not split further (an
   * outage). @default never split
   */
  isolate?: (error: unknown) => boolean;
}

export interface Coalescer<T, R> {
  /** Resolves with the item's result once the batch holding it was written (rejects if that write failed). */
  add(item: T): Promise<R>;
  /** Resolves once everything added so far was written. */
  idle(): Promise<void>;
  /** End the current wait: the caller knows no more items are coming soon. */
  flushNow(): void;
  /** Items added and not yet handed to `flush`. */
  readonly pending: number;
}

interface Pending<T, R> {
  item: T;
  at: number;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

/** `flush` gets a batch and returns one result per item, in order (none for `void` results). */
export function createCoalescer<T, R>(flush: (items: T[]) => Promise<R[]>, options: CoalescerOptions = {}): Coalescer<T, R> {
  const maxItems = Math.max(1, options.maxItems ?? 256);
  const maxWaitMs = Math.max(0, options.maxWaitMs ?? 0);
  let queue: Pending<T, R>[] = [];
  let running: Promise<void> | null = null;
  let endWait: (() => void) | null = null;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        endWait = null;
        resolve();
      }
      endWait = done;
    });

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      if (maxWaitMs > 0 && queue.length < maxItems) {
        // Measured from the oldest item, so items that gathered during the previous flush go at once.
        const left = queue[0]!.at + maxWaitMs - Date.now();
        if (left > 0) await wait(left);
      }
      const batch = queue.length <= maxItems ? queue : queue.slice(0, maxItems);
      queue = queue.length <= maxItems ? [] : queue.slice(maxItems);
      await settle(batch);
    }
    running = null;
  }

  /**
   * Flush a batch; returns whether any item was written. When a split's first half (of several
   * items) writes nothing at all, the sink is failing as a whole (not one item), so the second half
   * is flushed once more without splitting: an outage costs about 2·log2(batch) flushes, not one
   * per item.
   */
  async function settle(batch: Pending<T, R>[], split = true): Promise<boolean> {
    try {
      const results = await flush(batch.map((p) => p.item));
      batch.forEach((p, i) => {
        p.resolve(results[i] as R);
      });
      return true;
    } catch (error) {
      if (split && batch.length > 1 && options.isolate?.(error)) {
        const mid = batch.length >> 1;
        const left = await settle(batch.slice(0, mid));
        // A lone failing item says nothing about the sink; several items none of which went in do.
        const right = await settle(batch.slice(mid), left || mid === 1);
        return left || right;
      }
      for (const p of batch) p.reject(error);
      return false;
    }
  }

  return {
    add(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, at: maxWaitMs > 0 ? Date.now() : 0, resolve, reject });
        if (queue.length >= maxItems) endWait?.();
        // Start on a microtask so adds from the same tick share the first batch.
        running ??= Promise.resolve().then(drain);
      });
    },
    async idle() {
      while (running !== null) {
        endWait?.();
        await running;
      }
    },
    flushNow() {
      endWait?.();
    },
    get pending() {
      return queue.length;
    },
  };
}
