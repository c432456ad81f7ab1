import { describe, expect, it } from 'vitest';
import { type BatchContext, createBatchWriter, type DeadLetter } from './batch-writer.js';
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

describe('createBatchWriter: a refused row does not sink its batch', () => {
  /** An engine that refuses any insert holding a poison row (the whole insert fails, as ClickHouse does). */
  const engine = (
    poison: (n: number) => boolean,
    error: (n: number) => Error = (n) => new JobkitError('VALIDATION_FAILED', `cannot parse row ${n}`),
  ) => {
    const stored: number[] = [];
    const tokens: string[] = [];
    let calls = 0;
    const sink = async (rows: number[], ctx: BatchContext) => {
      calls += 1;
      tokens.push(ctx.dedupToken);
      const bad = rows.find(poison);
      if (bad !== undefined) throw error(bad);
      stored.push(...rows);
    };
    return { stored, tokens, sink, calls: () => calls };
  };

  it('splits a refused batch until the bad rows stand alone, writes the rest in order, dead-letters each with its reason', async () => {
    for (const bad of [[0], [37], [99], [12, 13], [5, 60, 61, 98]]) {
      const e = engine((n) => bad.includes(n));
      const dead: DeadLetter<number>[] = [];
      const w = createBatchWriter<number>({
        sink: e.sink,
        maxRows: 100,
        flushIntervalMs: 60_000,
        retry: fastRetry,
        onDeadLetter: (d) => void dead.push(d),
      });
      const rows = Array.from({ length: 100 }, (_, i) => i);
      await w.write(rows);
      await w.close();
      expect(e.stored).toEqual(rows.filter((n) => !bad.includes(n)));
      expect(dead.map((d) => d.row)).toEqual(bad);
      expect(dead.map((d) => d.reason)).toEqual(bad.map((n) => `cannot parse row ${n}`));
      // Permanent errors are not retried: about 2·log2(100) calls per bad row, not one per row.
      expect(e.calls()).toBeLessThanOrEqual(1 + bad.length * 2 * Math.ceil(Math.log2(100)));
      expect(new Set(e.tokens).size).toBe(e.tokens.length);
      expect(w.stats()).toMatchObject({ rowsWritten: 100 - bad.length, deadLetteredRows: bad.length, failedBatches: 0, failedRows: 0 });
    }
  });

  it('isolates with the caller’s predicate after bounded retries, and keeps an outage whole', async () => {
    const refused = (n: number) => Object.assign(new Error(`Code: 25. Cannot parse escape sequence in row ${n}`), { code: '25' });
    const e = engine((n) => n === 7, refused);
    const dead: DeadLetter<number>[] = [];
    const w = createBatchWriter<number>({
      sink: e.sink,
      maxRows: 16,
      flushIntervalMs: 60_000,
      retry: { retries: 1, minTimeout: 1, maxTimeout: 1 },
      shouldRetry: () => true,
      isolate: (err) => (err as { code?: string }).code === '25',
      onDeadLetter: (d) => void dead.push(d),
    });
    await w.write(Array.from({ length: 16 }, (_, i) => i));
    await w.close();
    expect(e.stored).toHaveLength(15);
    expect(dead).toMatchObject([{ row: 7, attempts: 2 }]);
    expect(e.calls()).toBeLessThanOrEqual(2 * (1 + 2 * 4));

    // A sink that is down fails the same way for every half: not an isolatable error, so no split.
    let calls = 0;
    const failed: number[][] = [];
    const down = createBatchWriter<number>({
      sink: async () => {
        calls += 1;
        throw new Error('ECONNREFUSED');
      },
      maxRows: 64,
      flushIntervalMs: 60_000,
      retry: { retries: 2, minTimeout: 1, maxTimeout: 1 },
      onError: (f) => void failed.push(f.rows),
    });
    await down.write(Array.from({ length: 64 }, (_, i) => i));
    await down.close();
    expect(calls).toBe(3);
    expect(failed).toHaveLength(1);
    expect(down.stats()).toMatchObject({ splits: 0, failedRows: 64 });
  });

  it('a sink down as a whole stops splitting after a fruitless half, even if isolate accepts its error', async () => {
    let calls = 0;
    const failed: number[][] = [];
    const w = createBatchWriter<number>({
      sink: async () => {
        calls += 1;
        throw new JobkitError('VALIDATION_FAILED', 'everything refused');
      },
      maxRows: 256,
      flushIntervalMs: 60_000,
      onError: (f) => void failed.push(f.rows),
    });
    await w.write(Array.from({ length: 256 }, (_, i) => i));
    await w.close();
    expect(calls).toBeLessThanOrEqual(2 * 8 + 1);
    expect(failed.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 256 }, (_, i) => i));
  });

  it('without onDeadLetter (or when it throws) the lone row goes to onError, never dropped', async () => {
    const e = engine((n) => n === 3);
    const failed: number[][] = [];
    const w = createBatchWriter<number>({
      sink: e.sink,
      maxRows: 8,
      flushIntervalMs: 60_000,
      retry: fastRetry,
      onError: (f) => void failed.push(f.rows),
    });
    await w.write([0, 1, 2, 3, 4, 5, 6, 7]);
    await w.close();
    expect(failed).toEqual([[3]]);
    expect(e.stored).toEqual([0, 1, 2, 4, 5, 6, 7]);

    const e2 = engine((n) => n === 1);
    const w2 = createBatchWriter<number>({
      sink: e2.sink,
      maxRows: 4,
      flushIntervalMs: 60_000,
      onDeadLetter: () => {
        throw new Error('dead-letter store down');
      },
    });
    await w2.write([0, 1, 2, 3]);
    const err = await w2.flush().catch((x: unknown) => x);
    expect(JobkitError.is(err, 'ANALYTICS_FAILED')).toBe(true);
    expect((err as JobkitError).details.failed).toMatchObject({ rows: [1] });
    expect(e2.stored).toEqual([0, 2, 3]);
    await w2.close();
  });
});
