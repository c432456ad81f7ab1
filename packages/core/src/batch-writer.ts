/**
 * `BatchWriter<T>`: buffers rows and hands them to a sink in batches (by row count, bytes or time),
 * with backpressure, bounded concurrent flushes and retries that reuse the batch's dedup token —
 * so an engine with insert deduplication (ClickHouse `insert_deduplication_token`) counts a retried
 * batch once. A batch the engine refuses because of one row does not sink its batch-mates: it is
 * split in halves and retried until the refused row stands alone, and that row is dead-lettered
 * with its reason (`onDeadLetter`). A batch that exhausts its retries is never dropped silently: it
 * goes to `onError`, or, without one, fails the next `write()`/`flush()`/`close()`.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'eventemitter3';
import pRetry from 'p-retry';
import { JobkitError } from './errors.js';

const WHERE = 'core/batch-writer';

/** Context the sink receives with each batch. */
export interface BatchContext {
  /** Stable for every attempt of the same batch (a split half gets `<token>.0` / `<token>.1`). */
  dedupToken: string;
  /** 1 on the first attempt. */
  attempt: number;
  /** Sequence number of the batch in this writer, from 1. */
  seq: number;
}

export type BatchSink<T> = (batch: T[], context: BatchContext) => Promise<void>;

/** A batch that exhausted its retries (or hit a non-retryable error). */
export interface FailedBatch<T> {
  rows: T[];
  dedupToken: string;
  seq: number;
  error: unknown;
}

/** A row refused on its own (see {@link BatchWriterOptions.isolate}): nothing of it was written. */
export interface DeadLetter<T> {
  row: T;
  /** The sink's error message for this row alone. */
  reason: string;
  error: unknown;
  /** Sequence number of the batch the row came in. */
  seq: number;
  /** Sink calls spent on this row alone. */
  attempts: number;
}

export interface BatchWriterRetryOptions {
  /** Retries after the first attempt. @default 3 */
  retries?: number;
  /** @default 100 */
  minTimeout?: number;
  /** @default 5000 */
  maxTimeout?: number;
  /** @default 2 */
  factor?: number;
}

export interface BatchWriterOptions<T> {
  sink: BatchSink<T>;
  /** Cut a batch at this many rows. */
  maxRows: number;
  /** Also cut a batch at this many bytes (measured with `sizeOf`). @default unlimited */
  maxBytes?: number;
  /** Size of a row in bytes, used only with `maxBytes`. @default UTF-16 length of `JSON.stringify(row)` */
  sizeOf?: (row: T) => number;
  /** Flush a non-empty buffer at most this long after its first row arrived. */
  flushIntervalMs: number;
  /** Batches handed to the sink at once. @default 1 */
  maxConcurrentFlushes?: number;
  /** Rows buffered or in flight before `write()` waits (backpressure). @default 4 × maxRows */
  maxBufferedRows?: number;
  retry?: BatchWriterRetryOptions;
  /** Errors for which retrying is pointless. @default invalid-argument/validation JobkitErrors */
  shouldRetry?: (error: unknown) => boolean;
  /** Token for a batch (called once per batch, reused on retries). @default `<writer uuid>:<seq>` */
  dedupToken?: (batch: T[], seq: number) => string;
  /** Receives batches that failed for good. If it throws, the writer fails like without it. */
  onError?: (failed: FailedBatch<T>) => void | Promise<void>;
  /**
   * Errors that may be one row's fault (a value the engine refuses). A batch of several rows that
   * fails with one (at once when `shouldRetry` declines it, else after its retries) is split in
   * halves, each sent on its own, until the refused rows stand alone: about 2·log2(batch) sink
   * calls per bad row, the healthy rows are written. Errors of the sink as a whole (a network
   * error) should return false here; if they do not, a split whose first half (of several rows)
   * writes nothing stops splitting, so an outage costs about 2·log2(batch) attempts, not one per row.
   * @default the errors `shouldRetry` declines (permanent ones)
   */
  isolate?: (error: unknown) => boolean;
  /**
   * Receives each row refused on its own, with the reason; the row then counts as handled. If it
   * throws, or is not set, the row goes to `onError` as a one-row failed batch (never dropped).
   */
  onDeadLetter?: (dead: DeadLetter<T>) => void | Promise<void>;
}

export interface BatchWriterStats {
  rowsWritten: number;
  batchesWritten: number;
  retries: number;
  failedBatches: number;
  failedRows: number;
  /** Batches split to isolate a refused row. */
  splits: number;
  /** Rows handed to `onDeadLetter`. */
  deadLetteredRows: number;
  /** Rows in the buffer, not yet cut into a batch. */
  bufferedRows: number;
  /** Rows in batches handed to (or waiting for) the sink. */
  inFlightRows: number;
}

export interface BatchWriterEvents<T> {
  batch: (info: { seq: number; rows: number; attempts: number; durationMs: number; dedupToken: string }) => void;
  retry: (info: { seq: number; attempt: number; error: unknown; dedupToken: string }) => void;
  failed: (failed: FailedBatch<T>) => void;
  deadLetter: (dead: DeadLetter<T>) => void;
}

export interface BatchWriter<T> {
  /** Buffer rows; resolves once they are accepted (waits while the buffer is full). */
  write(rows: T | readonly T[]): Promise<void>;
  /** Resolves when every row written so far reached the sink (or `onError`). */
  flush(): Promise<void>;
  /** Flush everything and stop; later writes reject with `CLOSED`. */
  close(): Promise<void>;
  stats(): BatchWriterStats;
  on<E extends keyof BatchWriterEvents<T>>(event: E, listener: BatchWriterEvents<T>[E]): () => void;
}

function defaultShouldRetry(error: unknown): boolean {
  return !(JobkitError.is(error, 'INVALID_ARGUMENT') || JobkitError.is(error, 'VALIDATION_FAILED'));
}

function positiveInt(name: string, v: number | undefined, allowUndefined: boolean): void {
  if (v === undefined && allowUndefined) return;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 1) {
    throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] ${name} must be a positive number, got ${String(v)}`);
  }
}

interface Batch<T> {
  rows: T[];
  seq: number;
  token: string;
}

/** Create a {@link BatchWriter}. */
export function createBatchWriter<T>(options: BatchWriterOptions<T>): BatchWriter<T> {
  if (typeof options?.sink !== 'function') throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] sink must be a function`);
  positiveInt('maxRows', options.maxRows, false);
  positiveInt('maxBytes', options.maxBytes, true);
  positiveInt('flushIntervalMs', options.flushIntervalMs, false);
  positiveInt('maxConcurrentFlushes', options.maxConcurrentFlushes, true);
  positiveInt('maxBufferedRows', options.maxBufferedRows, true);
  const maxRows = Math.floor(options.maxRows);
  const maxBuffered = Math.max(options.maxBufferedRows ?? maxRows * 4, maxRows);
  const concurrency = options.maxConcurrentFlushes ?? 1;
  const sizeOf = options.sizeOf ?? ((row: T) => JSON.stringify(row)?.length ?? 0);
  const retry = { retries: 3, minTimeout: 100, maxTimeout: 5000, factor: 2, ...options.retry };
  const shouldRetry = options.shouldRetry ?? defaultShouldRetry;
  const isolate = options.isolate ?? ((error: unknown) => !shouldRetry(error));
  const writerId = randomUUID();
  const tokenFor = options.dedupToken ?? ((_b: T[], seq: number) => `${writerId}:${seq}`);
  const emitter = new EventEmitter();

  let buffer: T[] = [];
  let bufferBytes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  let running = 0;
  let inFlightRows = 0;
  let closed = false;
  /** First unhandled failure; surfaced once by the next write/flush/close. */
  let pendingError: unknown;
  const queue: Batch<T>[] = [];
  const spaceWaiters: (() => void)[] = [];
  const idleWaiters: (() => void)[] = [];
  const stats = { rowsWritten: 0, batchesWritten: 0, retries: 0, failedBatches: 0, failedRows: 0, splits: 0, deadLetteredRows: 0 };

  const pending = () => buffer.length + inFlightRows;

  function wake(): void {
    while (spaceWaiters.length > 0 && pending() < maxBuffered) spaceWaiters.shift()?.();
    if (buffer.length === 0 && inFlightRows === 0) for (const w of idleWaiters.splice(0)) w();
  }

  function throwPending(): void {
    if (pendingError !== undefined) {
      const e = pendingError;
      pendingError = undefined;
      throw e;
    }
  }

  function cut(): void {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (buffer.length === 0) return;
    const rows = buffer;
    buffer = [];
    bufferBytes = 0;
    seq += 1;
    inFlightRows += rows.length;
    queue.push({ rows, seq, token: tokenFor(rows, seq) });
    pump();
  }

  function pump(): void {
    while (running < concurrency && queue.length > 0) {
      const batch = queue.shift() as Batch<T>;
      running += 1;
      void send(batch).finally(() => {
        running -= 1;
        inFlightRows -= batch.rows.length;
        pump();
        wake();
      });
    }
  }

  /** Attempt a batch with retries; resolves with the final error, or undefined once written. */
  async function attempt(batch: Batch<T>): Promise<{ error?: unknown; attempts: number }> {
    let attempts = 0;
    try {
      await pRetry(
        async (n) => {
          attempts = n;
          await options.sink(batch.rows, { dedupToken: batch.token, attempt: n, seq: batch.seq });
        },
        {
          retries: retry.retries,
          minTimeout: retry.minTimeout,
          maxTimeout: retry.maxTimeout,
          factor: retry.factor,
          shouldRetry: ({ error }) => shouldRetry(error),
          onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
            if (retriesLeft > 0 && shouldRetry(error)) {
              stats.retries += 1;
              emitter.emit('retry', { seq: batch.seq, attempt: attemptNumber, error, dedupToken: batch.token });
            }
          },
        },
      );
      return { attempts };
    } catch (error) {
      return { error, attempts };
    }
  }

  /**
   * Send a batch (splitting it to isolate refused rows); returns whether any row was written.
   * When a split's first half (of several rows) writes nothing, the sink is failing as a whole
   * rather than for one row, so the second half is not split further: it fails as one batch.
   */
  async function send(batch: Batch<T>, split = true): Promise<boolean> {
    const started = performance.now();
    const { error, attempts } = await attempt(batch);
    if (error === undefined) {
      stats.rowsWritten += batch.rows.length;
      stats.batchesWritten += 1;
      emitter.emit('batch', {
        seq: batch.seq,
        rows: batch.rows.length,
        attempts,
        durationMs: performance.now() - started,
        dedupToken: batch.token,
      });
      return true;
    }
    const rowFault = isolate(error);
    if (rowFault && split && batch.rows.length > 1) {
      // Depth first, left half first: rows keep their order, and each half has a token of its own.
      stats.splits += 1;
      const mid = batch.rows.length >> 1;
      const left = await send({ rows: batch.rows.slice(0, mid), seq: batch.seq, token: `${batch.token}.0` });
      // A lone refused row says nothing about the sink; several rows none of which went in do.
      const right = await send({ rows: batch.rows.slice(mid), seq: batch.seq, token: `${batch.token}.1` }, left || mid === 1);
      return left || right;
    }
    if (rowFault && batch.rows.length === 1 && options.onDeadLetter) {
      const dead: DeadLetter<T> = {
        row: batch.rows[0] as T,
        reason: error instanceof Error ? error.message : String(error),
        error,
        seq: batch.seq,
        attempts,
      };
      try {
        await options.onDeadLetter(dead);
        stats.deadLetteredRows += 1;
        emitter.emit('deadLetter', dead);
      } catch (e) {
        await fail(batch, e, attempts);
      }
      return false;
    }
    await fail(batch, error, attempts);
    return false;
  }

  async function fail(batch: Batch<T>, error: unknown, attempts: number): Promise<void> {
    stats.failedBatches += 1;
    stats.failedRows += batch.rows.length;
    const failed: FailedBatch<T> = { rows: batch.rows, dedupToken: batch.token, seq: batch.seq, error };
    emitter.emit('failed', failed);
    try {
      if (!options.onError) throw error;
      await options.onError(failed);
    } catch (e) {
      pendingError ??= new JobkitError(
        'ANALYTICS_FAILED',
        `[${WHERE}] batch ${batch.seq} (${batch.rows.length} rows, token ${batch.token}) failed after ${attempts} attempt(s): ${
          e instanceof Error ? e.message : String(e)
        }`,
        { cause: e, details: { failed } },
      );
    }
  }

  async function flush(): Promise<void> {
    cut();
    if (pending() > 0) await new Promise<void>((resolve) => idleWaiters.push(resolve));
    throwPending();
  }

  return {
    async write(input) {
      if (closed) throw new JobkitError('CLOSED', `[${WHERE}] write after close`);
      throwPending();
      const rows = (Array.isArray(input) ? input : [input]) as readonly T[];
      for (const row of rows) {
        while (pending() >= maxBuffered) {
          // Backpressure: wait for a batch to finish before buffering more.
          await new Promise<void>((resolve) => spaceWaiters.push(resolve));
          if (closed) throw new JobkitError('CLOSED', `[${WHERE}] closed while waiting to write`);
        }
        buffer.push(row);
        if (options.maxBytes !== undefined) bufferBytes += sizeOf(row);
        if (buffer.length >= maxRows || (options.maxBytes !== undefined && bufferBytes >= options.maxBytes)) cut();
        else if (!timer) {
          timer = setTimeout(cut, options.flushIntervalMs);
          timer.unref?.();
        }
      }
    },
    flush,
    async close() {
      if (closed) return flush();
      closed = true;
      await flush();
      for (const w of spaceWaiters.splice(0)) w();
    },
    stats() {
      return { ...stats, bufferedRows: buffer.length, inFlightRows };
    },
    on(event, listener) {
      emitter.on(event, listener as (...args: unknown[]) => void);
      return () => {
        emitter.off(event, listener as (...args: unknown[]) => void);
      };
    },
  };
}
