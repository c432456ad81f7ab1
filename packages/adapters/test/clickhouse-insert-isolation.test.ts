/**
 * One row ClickHouse refuses does not sink its insert (issue 13): `isClickHouseDataError` tells a
 * refused value from a server-wide failure, and a `BatchWriter` using it stores the rest and
 * dead-letters the row, on the real engine (chDB).
 */
import { createBatchWriter, type DeadLetter } from '@jobkit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { clickHouseErrorCode, createEmbeddedClickHouse, type EmbeddedClickHouse, isClickHouseDataError } from '../src/clickhouse/index.js';

let ch: EmbeddedClickHouse | undefined;
afterAll(async () => {
  await ch?.command({ query: 'DROP DATABASE IF EXISTS jk_isolation' }).catch(() => undefined);
  await ch?.close();
});

describe('ClickHouse insert isolation', () => {
  it('classifies refused values as row faults and transport trouble as not', () => {
    expect(
      isClickHouseDataError(Object.assign(new Error('Cannot parse escape sequence'), { code: '25', type: 'CANNOT_PARSE_ESCAPE_SEQUENCE' })),
    ).toBe(true);
    expect(isClickHouseDataError(new Error("Code: 27. DB::Exception: Cannot parse input: expected '\"'"))).toBe(true);
    expect(isClickHouseDataError(new Error('wrapper', { cause: Object.assign(new Error('x'), { code: '53' }) }))).toBe(true);
    expect(isClickHouseDataError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8123'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(isClickHouseDataError(Object.assign(new Error('Too many parts'), { code: '252' }))).toBe(false);
    expect(isClickHouseDataError(new Error('Code: 241. DB::Exception: Memory limit exceeded'))).toBe(false);
    expect(isClickHouseDataError('not an error')).toBe(false);
    expect(clickHouseErrorCode(new Error('plain'))).toBeUndefined();
  });

  it('a BatchWriter on chDB stores 499 of 500 rows and dead-letters the one the engine refuses', async () => {
    ch = await createEmbeddedClickHouse();
    await ch.command({ query: 'CREATE DATABASE IF NOT EXISTS jk_isolation' });
    await ch.command({ query: 'CREATE TABLE IF NOT EXISTS jk_isolation.events (id String, user String) ENGINE = MergeTree ORDER BY id' });
    const client = ch;
    let inserts = 0;
    const dead: DeadLetter<{ id: string; user: string }>[] = [];
    const writer = createBatchWriter<{ id: string; user: string }>({
      maxRows: 500,
      flushIntervalMs: 60_000,
      shouldRetry: (e) => !isClickHouseDataError(e),
      isolate: isClickHouseDataError,
      retry: { retries: 1, minTimeout: 1, maxTimeout: 1 },
      onDeadLetter: (d) => void dead.push(d),
      async sink(rows, ctx) {
        inserts++;
        await client.insert({
          table: 'jk_isolation.events',
          values: rows,
          format: 'JSONEachRow',
          clickhouse_settings: { insert_deduplication_token: ctx.dedupToken },
        });
      },
    });
    const rows = Array.from({ length: 500 }, (_, i) => ({
      id: `r${String(i).padStart(3, '0')}`,
      user: i === 321 ? 'half \ud83d' : `u${i}`,
    }));
    await writer.write(rows);
    await writer.close();
    const [count] = (await (
      await client.query({ query: "SELECT count() AS n, countIf(id = 'r321') AS bad FROM jk_isolation.events", format: 'JSONEachRow' })
    ).json()) as {
      n: string;
      bad: string;
    }[];
    expect(Number(count!.n)).toBe(499);
    expect(Number(count!.bad)).toBe(0);
    expect(dead.map((d) => d.row.id)).toEqual(['r321']);
    expect(dead[0]!.reason).toMatch(/surrogate/i);
    // A refused value is not retried: about 2·log2(500) inserts, not one per row.
    expect(inserts).toBeLessThanOrEqual(1 + 2 * 9);
    expect(writer.stats()).toMatchObject({ rowsWritten: 499, deadLetteredRows: 1, failedRows: 0, retries: 0 });
  });
});
