/**
 * S27: one event the analytics engine refuses (a lone-surrogate escape in `user_id`, which
 * ClickHouse's JSON reader rejects for the whole insert) among 1,000 good ones, through the event
 * ingest example: API → broker → BatchWriter → ClickHouse (chDB, or CLICKHOUSE_URL). The API
 * itself now answers 400 for such an event, so the poison enters the way an older producer's would:
 * published straight to the topic, inside a message with 99 good events. Pass: 999 stored, the bad
 * event dead-lettered with its reason, `/metrics` equals what was stored, no message nacked or
 * dead-lettered (no redelivery loop), and the API refuses the same event with a 400.
 *   npx -y pnpm@10 exec tsx --conditions=@jobkit/source scripts/reliability/s27-ingest-poison.ts [--full]
 * CI size: 1,000 events; full: 10,000.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createIngestApp } from '../../examples/event-ingest/src/app.js';
import { parseIngestBody } from '../../examples/event-ingest/src/schema.js';
import { createMemoryBroker } from '../../packages/core/src/index.js';
import { FULL, report } from './common.js';

export interface S27Result {
  events: number;
  stored: number;
  metricsTotal: number;
  deadLettered: number;
  deadLetterReason: string;
  /** Good events not stored. */
  lost: number;
  /** Events `/metrics` counts more than once (its exact read against distinct stored ids). */
  doubleApplied: number;
  /** Rows ClickHouse holds beyond one per event before merges (at-least-once duplicates), informational. */
  duplicateRows: number;
  nacked: number;
  deadLetteredMessages: number;
  apiStatusForPoison: number;
  splits: number;
  ms: number;
}

export async function runS27(n = 1000, env: Record<string, string | undefined> = {}): Promise<S27Result> {
  const started = Date.now();
  const broker = createMemoryBroker();
  const app = await createIngestApp({
    env,
    broker,
    database: `s27_${randomUUID().slice(0, 8)}`,
    dropOnClose: true,
    flushIntervalMs: 50,
    maxRows: 5000,
  });
  try {
    await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const post = async (body: unknown) =>
      (await fetch(`${base}/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }))
        .status;
    const t0 = Math.floor(Date.now() / 1000) - 3600;
    const event = (i: number) => ({
      event_id: `s27-${i}`,
      event_name: 'page_view',
      channel: 'web',
      user_id: `user-${i % 97}`,
      timestamp: t0 + (i % 3600),
      metadata: { i },
    });
    const poisonIndex = Math.floor(n / 2);
    const poison = { ...event(poisonIndex), user_id: 'evil\ud83d-user' };
    const apiStatusForPoison = await post({ events: [poison] });
    // Good events through the API, 100 per request, except the poison's message.
    const carrier = Math.floor(poisonIndex / 100);
    for (let b = 0; b * 100 < n; b++) {
      const batch = Array.from({ length: Math.min(100, n - b * 100) }, (_, k) => event(b * 100 + k));
      if (b !== carrier) {
        const status = await post({ events: batch });
        if (status !== 202) throw new Error(`API answered ${status} for a good batch`);
        continue;
      }
      // What a producer that skips validation publishes: rows built the API's way, one of them poisoned.
      const rows = parseIngestBody({ events: batch.filter((e) => e.event_id !== poison.event_id) });
      const [bad] = parseIngestBody({ events: [{ ...poison, user_id: 'placeholder' }] });
      rows.splice(poisonIndex % 100, 0, { ...bad!, user_id: poison.user_id });
      await app.pipeline.accept(rows);
    }
    const deadline = Date.now() + 50_000;
    for (;;) {
      const c = await app.pipeline.counts();
      if (c.events + c.deadLettered >= n) break;
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await broker.idle({ timeoutMs: 20_000 }).catch(() => undefined);
    const c = await app.pipeline.counts();
    const metrics = (await (await fetch(`${base}/metrics`)).json()) as { total_count: number };
    const dead = ((await (await fetch(`${base}/dead-letters?limit=10`)).json()) as { events: { reason: string }[] }).events;
    const stats = broker.stats();
    return {
      events: n,
      stored: c.events,
      metricsTotal: metrics.total_count,
      deadLettered: c.deadLettered,
      deadLetterReason: dead[0]?.reason.slice(0, 120) ?? '',
      lost: n - 1 - c.events,
      doubleApplied: Math.max(0, metrics.total_count - c.events),
      duplicateRows: c.rows - c.events,
      nacked: stats.nacked,
      deadLetteredMessages: stats.deadLettered,
      apiStatusForPoison,
      splits: app.pipeline.writer()?.stats().splits ?? 0,
      ms: Date.now() - started,
    };
  } finally {
    await app.close();
  }
}

export const s27Pass = (r: S27Result) =>
  r.lost === 0 &&
  r.doubleApplied === 0 &&
  r.stored === r.events - 1 &&
  r.metricsTotal === r.stored &&
  r.deadLettered === 1 &&
  r.deadLetterReason.length > 0 &&
  r.nacked === 0 &&
  r.deadLetteredMessages === 0 &&
  r.apiStatusForPoison === 400;

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runS27(FULL ? 10_000 : 1_000, process.env);
  report('S27 poison event in batched ingest', { ...r }, s27Pass(r));
}
