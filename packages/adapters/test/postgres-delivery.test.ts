/**
 * Outbox, relay, inbox and the work queue's Postgres-only parts (the caller's transaction, the
 * transactional worker) against real engines (PGlite always, PostgreSQL when DATABASE_URL is set).
 * The saga log and the rest of the queue are the shared contracts (contract-*.test.ts).
 */

import {
  connectPostgres,
  createOutboxRelay,
  createPostgresJobStore,
  createPostgresQueue,
  dropSchema,
  enqueueOutbox,
  fromPg,
  handleOnce,
  MIGRATIONS,
  migrate,
  pruneInbox,
  redriveOutbox,
} from '@jobkit/adapters/postgres';
import {
  type Broker,
  createEvent,
  createMemoryBroker,
  decodeJson,
  EVENT_ID_ATTRIBUTE,
  type EventEnvelope,
  JobkitError,
  publishOrCompensate,
  type ReceivedMessage,
} from '@jobkit/core';
import { contractJob } from '@jobkit/core/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { newSchema, sleep, testEngines } from './postgres-helpers.js';

const engines = testEngines();
afterAll(async () => {
  for (const e of engines) await e.close();
});

const ev = (aggregateId: string, n: number, type = 'test.happened') => createEvent(type, aggregateId, { n });

async function collect(broker: ReturnType<typeof createMemoryBroker>, topic: string) {
  const got: ReceivedMessage[] = [];
  await broker.subscribe(topic, `${topic}-sub`, async (m) => {
    got.push(m);
  });
  return got;
}

for (const engine of engines) {
  const suite = engine.skip ? describe.skip : describe;
  suite(`postgres delivery on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`, () => {
    describe('executor and migrations', () => {
      it('concurrent migrators apply each version once', async () => {
        const { db } = await engine.fresh();
        const schema = newSchema();
        const runs = await Promise.all([migrate(db, { schema }), migrate(db, { schema }), migrate(db, { schema })]);
        expect(runs.flat().sort()).toEqual(MIGRATIONS.map((m) => m.version));
        expect(await migrate(db, { schema })).toEqual([]);
        await dropSchema(db, schema);
        await expect(migrate(db, { schema: 'Bad-Name' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      });

      it('nested transactions join the outer one', async () => {
        const { db, schema } = await engine.fresh();
        await expect(
          db.transaction(async (tx) => {
            await tx.transaction((inner) => enqueueOutbox(inner, [ev('n', 1)], { schema }));
            throw new Error('outer rollback');
          }),
        ).rejects.toThrow('outer rollback');
        expect((await db.query(`SELECT 1 FROM ${schema}.outbox`)).rowCount).toBe(0);
      });
    });

    describe('outbox', () => {
      it('writes events only when the caller’s transaction commits', async () => {
        const { db, schema } = await engine.fresh();
        await expect(
          db.transaction(async (tx) => {
            await enqueueOutbox(tx, [ev('a', 1)], { schema });
            throw new Error('domain failure');
          }),
        ).rejects.toThrow('domain failure');
        await db.transaction((tx) => enqueueOutbox(tx, [ev('a', 2)], { schema }));
        const rows = await db.query<{ payload: { n: number } }>(`SELECT payload FROM ${schema}.outbox`);
        expect(rows.rows.map((r) => r.payload.n)).toEqual([2]);
        await expect(enqueueOutbox(db, [ev('a', 3)], { schema })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
        await expect(db.transaction((tx) => enqueueOutbox(tx, [{ id: '' } as EventEnvelope], { schema }))).rejects.toMatchObject({
          code: 'INVALID_ARGUMENT',
        });
      });

      it('job store writes job events in the same transaction as the rows', async () => {
        const { db, schema } = await engine.fresh();
        await expect(
          db.transaction(async (tx) => {
            await createPostgresJobStore({ client: tx, schema, outbox: true }).upsertJobs([contractJob(1)]);
            throw new Error('rollback');
          }),
        ).rejects.toThrow('rollback');
        expect((await db.query(`SELECT 1 FROM ${schema}.jobs`)).rowCount).toBe(0);
        expect((await db.query(`SELECT 1 FROM ${schema}.outbox`)).rowCount).toBe(0);

        const store = createPostgresJobStore({ client: db, schema, outbox: true });
        await store.upsertJobs([contractJob(1), contractJob(2)], { boardKey: 'b' });
        await store.upsertJobs([contractJob(1), contractJob(2, { title: 'Changed' })], { boardKey: 'b' });
        await store.markMissing({ boardKey: 'b', seenUrlHashes: [contractJob(2).urlHash] });
        const events = await db.query<{ type: string; aggregate_id: string; payload: any }>(
          `SELECT type, aggregate_id, payload FROM ${schema}.outbox ORDER BY seq`,
        );
        expect(events.rows.map((r) => [r.type, r.aggregate_id])).toEqual([
          ['job.created', contractJob(1).id],
          ['job.created', contractJob(2).id],
          ['job.updated', contractJob(2).id],
          ['job.removed', contractJob(1).id],
        ]);
        expect(events.rows[2]!.payload.changedFields).toEqual(['title']);
      });

      it('relay publishes in order per aggregate with the event id attribute, and reports metrics', async () => {
        const { db, schema } = await engine.fresh();
        const broker = createMemoryBroker();
        const got = await collect(broker, 'events');
        const events = [ev('a', 1), ev('b', 1), ev('a', 2), ev('a', 3), ev('b', 2)];
        await db.transaction((tx) => enqueueOutbox(tx, events, { schema }));
        const relay = createOutboxRelay({ client: db, broker, schema, topic: 'events', batchSize: 2 });
        expect((await relay.metrics()).pendingCount).toBe(5);
        let total = 0;
        for (let i = 0; i < 10; i++) total += await relay.runOnce();
        expect(total).toBe(5);
        await broker.idle();
        const byAgg = (agg: string) =>
          got.filter((m) => m.orderingKey === agg).map((m) => decodeJson<EventEnvelope<{ n: number }>>(m.data).payload.n);
        expect(byAgg('a')).toEqual([1, 2, 3]);
        expect(byAgg('b')).toEqual([1, 2]);
        expect(got.map((m) => m.attributes[EVENT_ID_ATTRIBUTE]).sort()).toEqual(events.map((e) => e.id).sort());
        const m = await relay.metrics();
        expect(m).toMatchObject({ pendingCount: 0, deadCount: 0, published: 5, failed: 0 });
        await broker.close();
      });

      it('never publishes N+1 while N is failing; N goes dead after maxAttempts; redrive recovers', async () => {
        const { db, schema } = await engine.fresh();
        const inner = createMemoryBroker();
        const got = await collect(inner, 'ok-topic');
        await collect(inner, 'flaky');
        let broken = true;
        const broker: Broker = {
          name: 'flaky',
          publish: (topic, messages) =>
            topic === 'flaky' && broken ? Promise.reject(new Error('UNAVAILABLE')) : inner.publish(topic, messages),
          subscribe: inner.subscribe.bind(inner),
          close: inner.close.bind(inner),
        };
        await db.transaction((tx) => enqueueOutbox(tx, [ev('a', 1, 'test.flaky'), ev('a', 2), ev('b', 1), ev('b', 2)], { schema }));
        const relay = createOutboxRelay({
          client: db,
          broker,
          schema,
          topicFor: (e) => (e.type === 'test.flaky' ? 'flaky' : 'ok-topic'),
          maxAttempts: 2,
          backoff: { baseMs: 1, maxMs: 5, jitter: 0 },
        });
        for (let i = 0; i < 6; i++) {
          await relay.runOnce();
          await sleep(15);
        }
        await inner.idle();
        const seen = got.map((m) => `${m.orderingKey}:${decodeJson<EventEnvelope<{ n: number }>>(m.data).payload.n}`);
        expect(seen).toEqual(['b:1', 'b:2']);
        const m = await relay.metrics();
        expect(m).toMatchObject({ deadCount: 1, pendingCount: 1, failed: 2 });
        broken = false;
        expect(await redriveOutbox(db, { schema })).toBe(1);
        for (let i = 0; i < 3; i++) await relay.runOnce();
        await inner.idle();
        expect(got.map((m) => `${m.orderingKey}:${decodeJson<EventEnvelope<{ n: number }>>(m.data).payload.n}`)).toEqual([
          'b:1',
          'b:2',
          'a:2',
        ]);
        expect(await relay.metrics()).toMatchObject({ deadCount: 0, pendingCount: 0 });
        await inner.close();
      });

      it('stop() finishes in-flight publishes and leaves nothing claimed', async () => {
        const { db, schema } = await engine.fresh();
        const inner = createMemoryBroker();
        const broker: Broker = {
          name: 'slow',
          publish: async (topic, messages) => {
            await sleep(30);
            return inner.publish(topic, messages);
          },
          subscribe: inner.subscribe.bind(inner),
          close: inner.close.bind(inner),
        };
        await db.transaction((tx) =>
          enqueueOutbox(
            tx,
            Array.from({ length: 60 }, (_, i) => ev(`agg${i % 7}`, i)),
            { schema },
          ),
        );
        const relay = createOutboxRelay({ client: db, broker, schema, topic: 'tpc', batchSize: 10, pollIntervalMs: 20 });
        relay.start();
        await sleep(50);
        await relay.stop();
        const r = await db.query<{ claimed: string; published: string; pending: string }>(
          `SELECT count(*) FILTER (WHERE claim_token IS NOT NULL OR claimed_until IS NOT NULL) AS claimed,
                  count(*) FILTER (WHERE status = 'published') AS published, count(*) FILTER (WHERE status = 'pending') AS pending
           FROM ${schema}.outbox`,
        );
        expect(Number(r.rows[0]!.claimed)).toBe(0);
        expect(Number(r.rows[0]!.published)).toBeGreaterThan(0);
        expect(Number(r.rows[0]!.published) + Number(r.rows[0]!.pending)).toBe(60);
        await inner.close();
      });

      it.runIf(engine.name === 'postgres')('wakes on NOTIFY without waiting for the poll interval', async () => {
        const { db, schema } = await engine.fresh();
        const broker = createMemoryBroker();
        const got = await collect(broker, 'tpc');
        const relay = createOutboxRelay({ client: db, broker, schema, topic: 'tpc', pollIntervalMs: 60_000 });
        relay.start();
        await sleep(300);
        await db.transaction((tx) => enqueueOutbox(tx, [ev('x', 1)], { schema }));
        const t0 = Date.now();
        while (got.length === 0 && Date.now() - t0 < 5000) await sleep(10);
        await relay.stop();
        expect(got).toHaveLength(1);
        expect(Date.now() - t0).toBeLessThan(5000);
        await broker.close();
      });
    });

    describe('inbox', () => {
      it('applies a message once; duplicates (sequential and concurrent) are acknowledged', async () => {
        const { db, schema } = await engine.fresh();
        await db.query(`CREATE TABLE ${schema}.effects (message_id text, n int)`);
        let runs = 0;
        const apply = (id: string) =>
          handleOnce(
            db,
            { id: 'broker-id', attributes: { [EVENT_ID_ATTRIBUTE]: id } },
            async (tx) => {
              runs++;
              await sleep(20);
              await tx.query(`INSERT INTO ${schema}.effects VALUES ($1, 1)`, [id]);
              return 'applied';
            },
            { schema },
          );
        expect(await apply('m1')).toEqual({ duplicate: false, value: 'applied' });
        expect(await apply('m1')).toEqual({ duplicate: true });
        const results = await Promise.all(Array.from({ length: 6 }, () => apply('m2')));
        expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
        const effects = await db.query<{ message_id: string; n: string }>(
          `SELECT message_id, count(*) AS n FROM ${schema}.effects GROUP BY 1 ORDER BY 1`,
        );
        expect(effects.rows.map((r) => [r.message_id, Number(r.n)])).toEqual([
          ['m1', 1],
          ['m2', 1],
        ]);
        expect(runs).toBe(2);
      });

      it('a failing handler records nothing, so redelivery applies it', async () => {
        const { db, schema } = await engine.fresh();
        await expect(handleOnce(db, { id: 'x' }, async () => Promise.reject(new Error('boom')), { schema })).rejects.toThrow('boom');
        expect(await handleOnce(db, { id: 'x' }, async () => 1, { schema })).toEqual({ duplicate: false, value: 1 });
      });

      it('pruneInbox refuses a retention shorter than the redelivery horizon', async () => {
        const { db, schema } = await engine.fresh();
        await handleOnce(db, { id: 'old' }, async () => undefined, { schema });
        await expect(pruneInbox(db, { schema, olderThanMs: 60_000, redeliveryHorizonMs: 7 * 86_400_000 })).rejects.toMatchObject({
          code: 'INVALID_ARGUMENT',
        });
        await expect(pruneInbox(db, { schema, olderThanMs: 60_000 } as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
        await db.query(`UPDATE ${schema}.inbox SET received_at = now() - interval '8 days'`);
        expect(await pruneInbox(db, { schema, olderThanMs: 7 * 86_400_000, redeliveryHorizonMs: 7 * 86_400_000 })).toBe(1);
      });
    });

    describe('work queue', () => {
      // Claim order, dedupe, delays, leases, retries and the dead letter are the work-queue contract
      // (contract-queue.test.ts); joining the caller's transaction is Postgres-only.
      it('enqueue joins the caller’s transaction: a rollback enqueues nothing, a commit enqueues, even as the first use', async () => {
        const { db } = await engine.fresh();
        const schema = newSchema(); // not migrated yet: the first enqueue runs inside the caller's transaction
        const q = createPostgresQueue<{ n: number }>({ client: db, schema, name: 'crawl' });
        await expect(
          db.transaction(async (tx) => {
            await q.enqueue({ n: 1 }, { tx });
            throw new Error('rollback');
          }),
        ).rejects.toThrow('rollback');
        expect(await q.stats()).toEqual({ ready: 0, active: 0, completed: 0, dead: 0 });
        await db.transaction(async (tx) => {
          await q.enqueue({ n: 2 }, { tx });
        });
        expect((await q.claim({ limit: 10 })).map((j) => j.payload.n)).toEqual([2]);
      });

      it('worker applies each job once (transactional) and stop() leaves nothing active', async () => {
        const { db, schema } = await engine.fresh();
        await db.query(`CREATE TABLE ${schema}.effects (job text)`);
        const q = createPostgresQueue<{ i: number }>({ client: db, schema, name: 'w', leaseMs: 2000 });
        for (let i = 0; i < 20; i++) await q.enqueue({ i });
        const worker = q.work(
          async (p, { tx }) => {
            await tx!.query(`INSERT INTO ${schema}.effects VALUES ($1)`, [String(p.i)]);
          },
          { transactional: true, concurrency: 4, pollIntervalMs: 10 },
        );
        const t0 = Date.now();
        while ((await q.stats()).completed < 20 && Date.now() - t0 < 10_000) await sleep(20);
        await worker.stop();
        expect((await db.query(`SELECT DISTINCT job FROM ${schema}.effects`)).rowCount).toBe(20);
        expect((await db.query(`SELECT job FROM ${schema}.effects`)).rowCount).toBe(20);

        for (let i = 0; i < 5; i++) await q.enqueue({ i: 100 + i });
        const stuck = q.work(
          async (_p, { signal }) => new Promise((_r, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
          {
            concurrency: 5,
            pollIntervalMs: 10,
          },
        );
        while (stuck.active < 5) await sleep(10);
        await stuck.stop({ graceMs: 50 });
        expect(await q.stats()).toMatchObject({ active: 0, ready: 5, completed: 20 });
        const again = await q.claim({ limit: 5 });
        expect(again.every((j) => j.attempts === 1)).toBe(true);
      });
    });
  });
}

describe('fromPg on a client the caller already opened a transaction on', () => {
  const url = process.env.DATABASE_URL;
  it.skipIf(!url)('helpers join the caller’s BEGIN…ROLLBACK', async () => {
    const admin = await connectPostgres(url!);
    const schema = newSchema();
    await migrate(admin, { schema });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('BEGIN');
      const tx = fromPg(client, { inTransaction: true });
      expect(tx.inTransaction).toBe(true);
      await enqueueOutbox(tx, [ev('c', 1)], { schema });
      await client.query('ROLLBACK');
      expect((await admin.query(`SELECT 1 FROM ${schema}.outbox`)).rowCount).toBe(0);
      const plain = fromPg(client);
      await plain.transaction((t) => enqueueOutbox(t, [ev('c', 2)], { schema }));
      expect((await admin.query(`SELECT 1 FROM ${schema}.outbox`)).rowCount).toBe(1);
    } finally {
      await client.end();
      await dropSchema(admin, schema);
      await admin.close();
    }
  });

  it('connectPostgres opens an in-memory PGlite for memory://', async () => {
    const db = await connectPostgres('memory://');
    expect(db.dialect).toBe('pglite');
    expect(await migrate(db, { schema: 'jobkit' })).toEqual(MIGRATIONS.map((m) => m.version));
    await db.close();
  });
});

describe('publishOrCompensate', () => {
  it('compensates the write when publish fails and says so', async () => {
    const broker = createMemoryBroker();
    await broker.ensureSubscription('tpc', 'sub');
    const undone: number[] = [];
    broker.failNextPublish(1);
    await expect(
      publishOrCompensate({
        broker,
        topic: 'tpc',
        write: async () => 42,
        messages: () => [{ data: new Uint8Array([1]) }],
        compensate: async (r) => void undone.push(r),
      }),
    ).rejects.toSatisfy((e: unknown) => JobkitError.is(e, 'BROKER_FAILED') && e.details.compensated === true);
    expect(undone).toEqual([42]);
    const ok = await publishOrCompensate({
      broker,
      topic: 'tpc',
      write: async () => 1,
      messages: () => [{ data: new Uint8Array([1]) }],
      compensate: async () => {},
    });
    expect(ok.messageIds).toHaveLength(1);
    await broker.close();
  });
});
