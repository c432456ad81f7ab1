/**
 * Test helpers: unique namespaces, polling until the read side caught up, and an independent
 * oracle (core's in-memory analytics over the committed outbox events) for the expected figures.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { schemaIdent } from '@jobkit/adapters/postgres';
import { ApplicationEventSchema, type ApplicationStats, createMemoryAnalytics } from '@jobkit/core';
import type { Tracker } from '../src/tracker.js';

export const namespace = (label: string) => `t_${label}_${randomUUID().slice(0, 8)}`;

export async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Committed application events of a user, from the outbox. */
export async function outboxEvents(tracker: Tracker, userId: string) {
  const s = schemaIdent(tracker.schema);
  const r = await tracker.engines.db.query<{ id: string; payload: unknown }>(
    `SELECT id, payload FROM ${s}.outbox WHERE type LIKE 'application.%' AND payload->>'userId' = $1 ORDER BY seq`,
    [userId],
  );
  return r.rows.map((row) => ApplicationEventSchema.parse({ ...(row.payload as object), eventId: row.id }));
}

/** Wait until the analytics read model applied every committed event of the user, once each. */
export async function settled(tracker: Tracker, userId: string, timeoutMs = 30_000) {
  return waitFor(
    async () => {
      const events = await outboxEvents(tracker, userId);
      const figures = await tracker.figures(userId);
      return figures && figures.eventsApplied === events.length ? figures : null;
    },
    `figures of ${userId}`,
    timeoutMs,
  );
}

/** What the figures must be: the reference implementation over the same committed events. */
export async function expectedStats(tracker: Tracker, userId: string, now: Date): Promise<ApplicationStats> {
  const oracle = createMemoryAnalytics();
  await oracle.ingestApplicationEvents(await outboxEvents(tracker, userId));
  return oracle.applicationStats(userId, { now });
}

export async function inboxCount(tracker: Tracker, consumer: string): Promise<number> {
  const s = schemaIdent(tracker.schema);
  const r = await tracker.engines.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${s}.inbox WHERE consumer = $1`, [consumer]);
  return Number(r.rows[0]?.n ?? 0);
}

export const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
