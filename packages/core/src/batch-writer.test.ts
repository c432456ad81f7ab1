import { describe, expect, it } from 'vitest';
import { createBatchWriter, type BatchContext } from './batch-writer.js';
import { JobkitError } from './errors.js';

const fastRetry = { retries: 3, minTimeout: 1, maxTimeout: 5 };

function recorder() {
  const batches: { rows: number[]; ctx: BatchContext }[] = [];
  return { batches, sink: async (rows: number[], ctx: BatchContext) => void batches.push({ rows: [...rows], ctx }) };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('createBatchWriter', () => {
  it('cuts batches by row count and keeps order', async () => {
    const { batches, sink } = recorder();
    const w = createBatchWriter({ sink, maxRows: 3, flushIntervalMs: 60_000, retry: fastRetry });
    await w.write([1, 2, 3, 4, 5, 6, 7]);
    await tick();
    expect(batches.map((b) => b.rows)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(w.stats().bufferedRows).toBe(1);
    await w.close();
    expect(batches.map((b) => b.rows)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(w.stats()).toMatchObject({ rowsWritten: 7, batchesWritten: 3, retries: 0, failedBatches: 0 });
  });

  it('flushes a partial batch after flushIntervalMs', async () => {
    const { batches, sink } = recorder();
    const w = createBatchWriter({ sink, maxRows: 100, flushIntervalMs: 20, retry: fastRetry });
    await w.write([1, 2]);
    expect(batches).toHaveLength(0);
    await tick(80);
    expect(batches.map((b) => b.rows)).toEqual([[1, 2]]);
    await w.close();
  });

  it('cuts by bytes when maxBytes is set', async () => {
    const { batches, sink } = recorder();
    const w = createBatchWriter({ sink, maxRows: 1000, maxBytes: 10, sizeOf: () => 4, flushIntervalMs: 60_000 });
    await w.write([1, 2, 3, 4, 5, 6]);
    await w.close();
    expect(batches.map((b) => b.rows)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('applies backpressure: write waits while the sink is slow and the buffer is full', async () => {
    const gate = deferred();
    const seen: number[][] = [];
    const w = createBatchWriter<number>({
      sink: async (rows) => {
        seen.push(rows);
        await gate.promise;
      },
      maxRows: 2,
      maxBufferedRows: 4,
      flushIntervalMs: 60_000,
    });
    let done = false;
    const writing = w.write([1, 2, 3, 4, 5, 6]).then(() => (done = true));
    await tick(20);
    expect(done).toBe(false);
    expect(w.stats().bufferedRows + w.stats().inFlightRows).toBe(4);
    gate.resolve();
    await writing;
    expect(done).toBe(true);
    await w.close();
    expect(seen.flat()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('never runs more than maxConcurrentFlushes sinks at once', async () => {
    let running = 0;
    let peak = 0;
    const w = createBatchWriter<number>({
      sink: async () => {
        running += 1;
        peak = Math.max(peak, running);
        await tick(5);
        running -= 1;
      },
      maxRows: 1,
      maxConcurrentFlushes: 2,
      maxBufferedRows: 100,
      flushIntervalMs: 60_000,
    });
    await w.write(Array.from({ length: 10 }, (_, i) => i));
    await w.close();
    expect(peak).toBe(2);
    expect(w.stats().batchesWritten).toBe(10);
  });

  it('retries a failed batch with the same dedup token', async () => {
    const tokens: string[] = [];
    const retries: number[] = [];
    let calls = 0;
    const w = createBatchWriter<number>({
      sink: async (_rows, ctx) => {
        tokens.push(ctx.dedupToken);
        calls += 1;
        if (calls <= 2) throw new Error('transient');
      },
      maxRows: 10,
      flushIntervalMs: 60_000,
      retry: fastRetry,
    });
    w.on('retry', (r) => retries.push(r.attempt));
    await w.write([1, 2, 3]);
    await w.flush();
    expect(tokens).toHaveLength(3);
    expect(new Set(tokens).size).toBe(1);
    expect(retries).toEqual([1, 2]);
    expect(w.stats()).toMatchObject({ rowsWritten: 3, batchesWritten: 1, retries: 2, failedBatches: 0 });
    // Next batch gets a new token.
    await w.write([4]);
    await w.close();
    expect(tokens.at(-1)).not.toBe(tokens[0]);
  });

  it('hands an exhausted batch with its rows to onError', async () => {
    const dead: number[][] = [];
    const w = createBatchWriter<number>({
      sink: async (rows) => {
        if (rows.includes(13)) throw new Error('poison');
      },
      maxRows: 2,
      flushIntervalMs: 60_000,
      retry: { retries: 2, minTimeout: 1, maxTimeout: 2 },
      onError: (f) => void dead.push(f.rows),
    });
    await w.write([1, 2, 13, 4, 5]);
    await w.close();
    expect(dead).toEqual([[13, 4]]);
    expect(w.stats()).toMatchObject({ rowsWritten: 3, failedBatches: 1, failedRows: 2, retries: 2 });
  });

  it('without onError a failed batch fails the next flush (never silently lost)', async () => {
    const w = createBatchWriter<number>({
      sink: async () => {
        throw new Error('down');
      },
      maxRows: 5,
      flushIntervalMs: 60_000,
      retry: { retries: 1, minTimeout: 1, maxTimeout: 1 },
    });
    await w.write([1, 2]);
    const err = await w.flush().catch((e: unknown) => e);
    expect(JobkitError.is(err, 'ANALYTICS_FAILED')).toBe(true);
    expect((err as JobkitError).details.failed).toMatchObject({ rows: [1, 2] });
    await w.close();
  });

  it('does not retry validation errors', async () => {
    let calls = 0;
    const w = createBatchWriter<number>({
      sink: async () => {
        calls += 1;
        throw new JobkitError('VALIDATION_FAILED', 'bad row');
      },
      maxRows: 5,
      flushIntervalMs: 60_000,
      retry: fastRetry,
      onError: () => {},
    });
    await w.write([1]);
    await w.close();
    expect(calls).toBe(1);
  });

  it('rejects writes after close and bad options', async () => {
    const { sink } = recorder();
    const w = createBatchWriter({ sink, maxRows: 2, flushIntervalMs: 10 });
    await w.close();
    await expect(w.write(1)).rejects.toSatisfy((e) => JobkitError.is(e, 'CLOSED'));
    expect(() => createBatchWriter({ sink, maxRows: 0, flushIntervalMs: 10 })).toThrow(/maxRows/);
  });
});
