/**
 * Outbox relay with a broker that refuses one event (issue 13, S28) on PGlite and, with
 * DATABASE_URL, PostgreSQL: only that event fails, healthy batch-mates are published once and
 * never go dead, per-key order holds; and a broker that is down costs a bounded number of calls.
 */

import { createOutboxRelay, enqueueOutbox } from '@jobkit/adapters/postgres';
import { type Broker, createEvent, EVENT_ID_ATTRIBUTE, JobkitError } from '@jobkit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { runS28, s28Pass } from '../../../scripts/reliability/s28-outbox-poison.js';
import { testEngines } from './postgres-helpers.js';

const engines = testEngines();
afterAll(async () => {
  for (const e of engines) await e.close();
});

for (const engine of engines) {
  describe.skipIf(engine.skip !== false)(
    `outbox relay, one refused event: ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`,
    () => {
      for (const mode of ['all-or-nothing', 'partial'] as const) {
        it(`${mode} broker: 500 events, only the poison goes dead, the rest published once in key order`, async () => {
          const { db, schema } = await engine.fresh();
          const r = await runS28(db, schema, mode, 500);
          expect(r).toMatchObject({
            lost: 0,
            doubleApplied: 0,
            healthyDead: 0,
            poisonDead: true,
            poisonAttempts: 4,
            overtook: 0,
            outOfOrder: 0,
          });
          // 500 events over 50 aggregates: the poison's 9 later events wait behind it.
          expect(r.published).toBe(490);
          expect(s28Pass(r)).toBe(true);
          // Finding the poison costs about 2·log2(500) calls per round, not one per event.
          expect(r.publishCalls).toBeLessThanOrEqual(mode === 'partial' ? 8 : 60);
        });
      }

      it('two poison events in different halves of a batch: both isolated, the other 198 published once', async () => {
        const { db, schema } = await engine.fresh();
        const events = Array.from({ length: 200 }, (_, i) => createEvent('t.two', `a-${i}`, { i }));
        await db.transaction((tx) => enqueueOutbox(tx, events, { schema }));
        const poison = new Set([events[30]!.id, events[170]!.id]);
        const accepted: string[] = [];
        const broker: Broker = {
          name: 'two-poisons',
          async publish(_t, messages) {
            const ids = messages.map((m) => m.attributes?.[EVENT_ID_ATTRIBUTE] ?? '');
            if (ids.some((id) => poison.has(id))) throw new JobkitError('BROKER_FAILED', '[test] refused');
            accepted.push(...ids);
            return ids;
          },
          async subscribe(): Promise<never> {
            throw new Error('unused');
          },
          async close() {},
        };
        const relay = createOutboxRelay({
          client: db,
          broker,
          topic: 't',
          schema,
          batchSize: 200,
          maxAttempts: 2,
          backoff: { baseMs: 1, maxMs: 1, jitter: 0 },
        });
        await relay.runOnce();
        expect(accepted).toHaveLength(198);
        expect(new Set(accepted).size).toBe(198);
        const rows = (await db.query<{ id: string; attempts: number }>(`SELECT id, attempts FROM ${schema}.outbox WHERE attempts > 0`))
          .rows;
        expect(new Set(rows.map((r) => r.id))).toEqual(poison);
        await relay.stop();
      });

      it('a broker that is down: a bounded number of calls per round, every event backs off with one attempt', async () => {
        const { db, schema } = await engine.fresh();
        const events = Array.from({ length: 200 }, (_, i) => createEvent('t.down', `a-${i % 40}`, { i }));
        await db.transaction((tx) => enqueueOutbox(tx, events, { schema }));
        let calls = 0;
        const down: Broker = {
          name: 'down',
          async publish() {
            calls++;
            throw new JobkitError('BROKER_FAILED', '[test] unavailable');
          },
          async subscribe(): Promise<never> {
            throw new Error('unused');
          },
          async close() {},
        };
        const relay = createOutboxRelay({
          client: db,
          broker: down,
          topic: 't',
          schema,
          batchSize: 200,
          backoff: { baseMs: 60_000, maxMs: 60_000, jitter: 0 },
        });
        expect(await relay.runOnce()).toBe(0);
        expect(calls).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(201)) + 2);
        const rows = (
          await db.query<{ attempts: number; status: string; last_error: string | null }>(
            `SELECT attempts, status, last_error FROM ${schema}.outbox`,
          )
        ).rows;
        // The first event of each aggregate is charged; its successors wait behind it uncharged.
        expect(rows.filter((x) => x.attempts === 1)).toHaveLength(40);
        expect(rows.filter((x) => x.attempts > 1)).toHaveLength(0);
        expect(rows.every((x) => x.status === 'pending')).toBe(true);
        expect(rows.find((x) => x.attempts === 1)?.last_error).toMatch(/unavailable/);
        await relay.stop();
      });
    },
  );
}
