/**
 * Event ingest on chDB + the memory broker, over a real socket: validation 400s, at-least-once
 * duplicates (client retries, redeliveries) counted once, a failing and a slow sink that hold
 * messages back (backpressure, redelivery) instead of dropping them, and grouped metrics.
 * @module
 */

import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createMemoryBroker } from '@jobkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { runS27, s27Pass } from '../../../scripts/reliability/s27-ingest-poison.js';
import { createIngestApp, type IngestApp, type IngestAppOptions } from '../src/app.js';
import { DEAD_LETTER_SUBSCRIPTION, EVENTS_TOPIC } from '../src/pipeline.js';

const open: IngestApp[] = [];
afterEach(async () => {
  for (const a of open.splice(0)) await a.close();
});

async function start(options: IngestAppOptions = {}) {
  const app = await createIngestApp({
    env: {},
    database: `ingest_${randomUUID().slice(0, 8)}`,
    dropOnClose: true,
    flushIntervalMs: 50,
    ...options,
  });
  open.push(app);
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const post = async (body: unknown) => {
    const res = await fetch(`${base}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const metrics = async (query = '') => {
    const res = await fetch(`${base}/metrics${query}`);
    return { status: res.status, body: (await res.json()) as any };
  };
  return { app, base, post, metrics };
}

const T0 = Math.floor(Date.parse('2026-01-10T10:00:00Z') / 1000);
/** `{ a: { a: … } }`, `levels` deep, built without recursion. */
const nested = (levels: number) => {
  let v: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
};
const event = (i: number, extra: Record<string, unknown> = {}) => ({
  event_id: `e-${i}`,
  event_name: i % 3 === 0 ? 'purchase' : 'page_view',
  channel: ['web', 'ios', 'android'][i % 3],
  campaign_id: `c${i % 2}`,
  user_id: `user-${i % 17}`,
  timestamp: T0 + i * 60,
  tags: ['t'],
  metadata: { i },
  ...extra,
});

async function until(fn: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('event ingest', () => {
  it('answers 400 for invalid events and queries, naming the field', async () => {
    const { post, metrics } = await start();
    const cases: [unknown, RegExp][] = [
      ['{nope', /not valid JSON/],
      [[], /body must be/],
      [{ ...event(1), event_name: '' }, /events\[0\]\.event_name/],
      [{ ...event(1), user_id: undefined }, /events\[0\]\.user_id/],
      [{ ...event(1), timestamp: 'yesterday' }, /events\[0\]\.timestamp/],
      [{ ...event(1), timestamp: Math.floor(Date.now() / 1000) + 86_400 }, /in the future/],
      [{ ...event(1), surprise: 1 }, /events\[0\]/],
      [{ events: [event(1), { ...event(2), channel: 'a b' }] }, /events\[1\]\.channel/],
      [{ events: Array.from({ length: 1001 }, (_, i) => event(i)) }, /body must be|events\[0\]/],
      // Text ClickHouse refuses or mangles, anywhere in the event (issue 13).
      [{ ...event(1), user_id: 'u\ud83d' }, /events\[0\]\.user_id: holds a lone UTF-16 surrogate/],
      [{ ...event(1), user_id: '\udc00x' }, /events\[0\]\.user_id: holds a lone UTF-16 surrogate/],
      [{ ...event(1), event_id: 'a\u0000b' }, /events\[0\]\.event_id: holds control character U\+0000/],
      [{ ...event(1), tags: ['ok', 'x\u0000'] }, /events\[0\]\.tags\.1: holds control/],
      [{ ...event(1), campaign_id: 'c\u0007' }, /events\[0\]\.campaign_id/],
      [{ ...event(1), metadata: { a: { b: ['x', 'bad \ud800 half'] } } }, /events\[0\]\.metadata\.a\.b\.1: holds a lone/],
      [{ ...event(1), metadata: { ['k\u0000']: 1 } }, /events\[0\]\.metadata: key holds control/],
      // Deep nesting is refused at validation (it was a stack overflow and a 500).
      // Sent as text: the test's own JSON.stringify would overflow on it.
      [
        JSON.stringify({ ...event(1), metadata: '@' }).replace('"@"', `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`),
        /events\[0\]\.metadata.*nested deeper than 8 levels/,
      ],
      [{ ...event(1), metadata: nested(9) }, /nested deeper than 8 levels/],
      [{ ...event(1), metadata: { list: Array.from({ length: 1001 }, (_, i) => i) } }, /more than 1000 keys and values/],
      // Timestamps: the unit is stated, absurd past values are refused.
      [{ ...event(1), timestamp: 1 }, /before 2000-01-01 \(1 read as unix seconds = 1970-01-01T00:00:01\.000Z\)/],
      [{ ...event(1), timestamp: 86_400 }, /before 2000-01-01/],
      [{ ...event(1), timestamp: '1999-12-31T23:59:59Z' }, /before 2000-01-01/],
      [{ ...event(1), timestamp: Date.now() + 86_400_000 }, /in the future \(\d+ read as unix milliseconds = /],
      [{ ...event(1), timestamp: 0 }, /events\[0\]\.timestamp/],
    ];
    for (const [body, message] of cases) {
      const r = await post(body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(r.body.error).toMatch(/^\[example\/event-ingest\]/);
      expect(r.body.error).toMatch(message);
    }
    expect((await metrics('?group_by=week')).status).toBe(400);
    expect((await metrics('?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z')).status).toBe(400);
    expect((await metrics('?from=soon')).status).toBe(400);
    expect((await metrics('?color=red')).status).toBe(400);
    // Nothing from the rejected requests reached ClickHouse.
    expect((await metrics()).body.total_count).toBe(0);
  });

  it('counts at-least-once duplicates once (client retries, broker redeliveries, events without ids)', async () => {
    const broker = createMemoryBroker({ duplicateRate: 0.3 });
    const { app, post, metrics } = await start({ broker, maxRows: 40 });
    const events = Array.from({ length: 300 }, (_, i) => event(i));
    for (let i = 0; i < events.length; i += 50) {
      const batch = events.slice(i, i + 50);
      expect((await post({ events: batch })).status).toBe(202);
      // Every other batch is "retried" by the client after a lost response.
      if ((i / 50) % 2 === 0) expect((await post(batch)).status).toBe(202);
    }
    // Single events without an id, each sent twice: the content-derived id dedupes them.
    for (let i = 0; i < 5; i++) {
      const { event_id: _drop, ...noId } = event(1000 + i);
      await post(noId);
      await post(noId);
    }
    await until(async () => (await app.pipeline.counts()).events === 305, 'all events stored');
    await broker.idle({ timeoutMs: 30_000 });
    const m = (await metrics()).body;
    expect(m.total_count).toBe(305);
    expect(m.unique_users).toBe(17);
    // Duplicates did reach ClickHouse (rows inserted exceed events; background merges may already
    // have collapsed some of them)…
    expect(app.pipeline.writer()!.stats().rowsWritten).toBeGreaterThan(305);
    expect(broker.stats().lostAcks).toBeGreaterThan(0);
    // …and after ClickHouse merges, even the eventual read is exact.
    await app.pipeline.optimize();
    expect((await metrics('?consistency=eventual')).body.total_count).toBe(305);
    const purchases = (await metrics('?event_name=purchase&group_by=channel')).body;
    expect(purchases.total_count).toBe(101);
    expect(purchases.groups).toEqual([{ key: 'web', total_count: 101, unique_users: expect.any(Number) }]);
  });

  it('applies backpressure with a slow sink instead of dropping, and redelivers after sink failures', async () => {
    let inserts = 0;
    let failures = 0;
    const broker = createMemoryBroker();
    const { app, post, metrics } = await start({
      broker,
      maxRows: 50,
      maxBufferedRows: 100,
      maxInFlight: 8,
      retry: { retries: 1, minTimeout: 10, maxTimeout: 20 },
      async beforeInsert() {
        inserts += 1;
        // Every 4th insert fails for good (both attempts): its messages are nacked and redelivered.
        if (inserts % 4 === 0 && failures < 6) {
          failures += 1;
          throw new Error('clickhouse unavailable');
        }
        await new Promise((r) => setTimeout(r, 40));
      },
    });
    let peak = 0;
    let peakBacklog = 0;
    const sampler = setInterval(() => {
      const s = app.pipeline.writer()?.stats();
      if (s) peak = Math.max(peak, s.bufferedRows + s.inFlightRows);
      peakBacklog = Math.max(peakBacklog, broker.backlog('ingest-clickhouse'));
    }, 5);
    const started = Date.now();
    const sends: Promise<{ status: number }>[] = [];
    for (let r = 0; r < 40; r++) sends.push(post({ events: Array.from({ length: 50 }, (_, i) => event(r * 50 + i)) }));
    const statuses = (await Promise.all(sends)).map((s) => s.status);
    const acceptedIn = Date.now() - started;
    expect(statuses.every((s) => s === 202)).toBe(true);
    await until(async () => (await app.pipeline.counts()).events === 2000, 'all 2000 events stored', 60_000);
    clearInterval(sampler);
    // The API accepted everything long before the slow sink finished: the backlog waited in the
    // broker, the writer never held more than its bound.
    expect(peak).toBeLessThanOrEqual(100);
    expect(peakBacklog).toBeGreaterThan(8);
    expect(failures).toBeGreaterThan(0);
    expect(acceptedIn).toBeLessThan(20_000);
    expect((await metrics()).body.total_count).toBe(2000);
    expect((await metrics('?group_by=day')).body.groups.reduce((n: number, g: { total_count: number }) => n + g.total_count, 0)).toBe(2000);
  });

  it('accepts unix seconds (with a fraction), unix milliseconds and ISO, storing the same instant', async () => {
    const { app, post, metrics } = await start();
    const at = Date.parse('2026-01-10T10:00:00.250Z');
    expect(
      (
        await post([
          { ...event(1), timestamp: at / 1000 },
          { ...event(2), timestamp: at },
          { ...event(3), timestamp: new Date(at).toISOString() },
        ])
      ).status,
    ).toBe(202);
    await until(async () => (await app.pipeline.counts()).events === 3, '3 events stored');
    const r = await metrics(`?from=${at}&to=${at + 1}&group_by=event_name`);
    expect(r.body.total_count).toBe(3);
    // Seconds in the query read as seconds, too.
    expect((await metrics(`?from=${Math.floor(at / 1000)}&to=${Math.floor(at / 1000) + 1}`)).body.total_count).toBe(3);
  });

  it('S27: an event ClickHouse refuses is dead-lettered with its reason; its 999 batch-mates are stored and counted, nothing loops', async () => {
    const r = await runS27(1000);
    expect(r).toMatchObject({
      stored: 999,
      metricsTotal: 999,
      deadLettered: 1,
      lost: 0,
      doubleApplied: 0,
      nacked: 0,
      deadLetteredMessages: 0,
      apiStatusForPoison: 400,
    });
    expect(r.deadLetterReason).toMatch(/surrogate/i);
    expect(s27Pass(r)).toBe(true);
  });

  it('bounds redelivery: a message that can never be handled goes to the dead-letter topic after maxDeliveryAttempts', async () => {
    const broker = createMemoryBroker();
    const { app, post, metrics } = await start({ broker, maxDeliveryAttempts: 5 });
    // Not a JSON array of rows (a foreign producer on the topic): decoding fails on every delivery.
    await broker.publish(EVENTS_TOPIC, [{ data: new TextEncoder().encode('{"not":"rows"') }]);
    expect((await post({ events: [event(1), event(2)] })).status).toBe(202);
    await until(async () => broker.stats().deadLettered === 1, 'the bad message dead-lettered', 20_000);
    await until(async () => (await app.pipeline.counts()).events === 2, 'the good events stored');
    await broker.idle({ timeoutMs: 10_000 });
    // Exactly maxDeliveryAttempts failed deliveries, then no more.
    expect(broker.stats()).toMatchObject({ deadLettered: 1, nacked: 5 });
    expect(broker.backlog(DEAD_LETTER_SUBSCRIPTION)).toBe(1);
    expect((await metrics()).body.total_count).toBe(2);
  });
});
