/**
 * The broker contract on the Google Pub/Sub emulator (gated by PUBSUB_EMULATOR_HOST), in both
 * dead-letter modes, plus Pub/Sub-specific checks (prefixes, autoCreate, publish failure handling,
 * no publishing into a topic without subscriptions, dead-letter subscriptions).
 * @module
 */
import { PubSub } from '@google-cloud/pubsub';
import { enqueueCrawlTasks, JobkitError } from '@jobkit/core';
import { runBrokerContract } from '@jobkit/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createPubSubBroker } from '../src/pubsub/index.js';
import { assertReachable } from './reachable.js';

const host = process.env.PUBSUB_EMULATOR_HOST;
if (host) await assertReachable(host, 'PUBSUB_EMULATOR_HOST');
const skipAll = host ? undefined : 'PUBSUB_EMULATOR_HOST not set (start the emulator: scripts/pubsub-emulator.sh start)';
const projectId = process.env.PUBSUB_PROJECT_ID ?? 'jobkit-test';
const clients: PubSub[] = [];
const newClient = () => {
  const c = new PubSub({ projectId });
  clients.push(c);
  return c;
};
afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.close()));
});

runBrokerContract({
  name: 'pubsub-emulator (client dead-lettering)',
  ...(skipAll ? { skipAll } : {}),
  create: () => createPubSubBroker({ client: newClient(), deadLetterMode: 'client' }),
  timeoutMs: 30_000,
});

runBrokerContract({
  name: 'pubsub-emulator (server dead-letter policy)',
  ...(skipAll ? { skipAll } : {}),
  create: () => createPubSubBroker({ client: newClient(), deadLetterMode: 'server' }),
  timeoutMs: 30_000,
  skip: {
    deadLetter:
      'the emulator does not honour dead-letter policies (no DLQ delivery within 20 s; seen dead-lettering on first delivery or ending the stream with UNKNOWN); client mode covers it here, real Pub/Sub runs it',
  },
});

const run = Date.now().toString(36);

describe.skipIf(!host)('createPubSubBroker on the emulator', () => {
  it('applies topicPrefix to the real topic name', async () => {
    const client = newClient();
    const broker = createPubSubBroker({ client, topicPrefix: `pfx-${run}-`, requireSubscription: false });
    await broker.publish('events', [{ data: new TextEncoder().encode('x') }]);
    const [exists] = await client.topic(`pfx-${run}-events`).exists();
    expect(exists).toBe(true);
    await broker.close();
  });

  it('fails fast with a non-retryable error when autoCreate is false and the topic is missing', async () => {
    const broker = createPubSubBroker({ client: newClient(), autoCreate: false });
    const error = await broker.publish(`missing-${run}`, [{ data: new Uint8Array([1]) }]).catch((e: unknown) => e);
    expect(JobkitError.is(error, 'BROKER_FAILED')).toBe(true);
    expect((error as JobkitError).retryable).toBe(false);
    expect(String(error)).toMatch(/\[adapters\/pubsub\] topic ".*missing-.*" does not exist/);
    await expect(broker.subscribe(`missing-${run}`, `missing-sub-${run}`, async () => {})).rejects.toThrow(/does not exist/);
    await broker.close();
  });

  it('refuses, typed and retryable, to publish into a topic nobody subscribes to, then delivers once one exists', async () => {
    const broker = createPubSubBroker({ client: newClient() });
    const topic = `nosub-${run}`;
    const error = await broker.publish(topic, [{ data: new TextEncoder().encode('lost?') }]).catch((e: unknown) => e);
    expect(JobkitError.is(error, 'BROKER_FAILED')).toBe(true);
    expect((error as JobkitError).retryable).toBe(true);
    expect((error as JobkitError).details.reason).toBe('NO_SUBSCRIPTION');
    expect(String(error)).toMatch(/has no subscription/);
    // A subscription created elsewhere (another process) is seen on the next publish.
    await newClient().topic(topic).createSubscription(`${topic}-late`);
    const seen: string[] = [];
    const sub = await broker.subscribe(topic, `${topic}-late`, async (m) => void seen.push(new TextDecoder().decode(m.data)));
    await broker.publish(topic, [{ data: new TextEncoder().encode('kept') }]);
    const deadline = Date.now() + 15_000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual(['kept']);
    await sub.close();
    await broker.close();
  }, 30_000);

  it('a producer with declared subscriptions keeps what it publishes before the first consumer subscribes', async () => {
    const topic = `tasks-${run}`;
    const producer = createPubSubBroker({ client: newClient(), subscriptions: { [topic]: `${topic}-workers` } });
    const ids = await producer.publish(
      topic,
      [1, 2, 3].map((i) => ({ data: new TextEncoder().encode(String(i)) })),
    );
    expect(ids).toHaveLength(3);
    await producer.close();
    // The worker attaches afterwards, from another broker and client, and still gets every task.
    const consumer = createPubSubBroker({ client: newClient() });
    const seen = new Set<string>();
    const sub = await consumer.subscribe(topic, `${topic}-workers`, async (m) => void seen.add(new TextDecoder().decode(m.data)));
    const deadline = Date.now() + 20_000;
    while (seen.size < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect([...seen].sort()).toEqual(['1', '2', '3']);
    await sub.close();
    await consumer.close();
  }, 30_000);

  it('enqueueCrawlTasks before any worker subscribes: the tasks wait for the workers', async () => {
    const topic = `crawl-${run}`;
    const producer = createPubSubBroker({ client: newClient() });
    const ids = await enqueueCrawlTasks(producer, ['greenhouse:acme', 'https://acme.example/careers'], {
      topic,
      subscription: `${topic}-workers`,
    });
    expect(ids).toHaveLength(2);
    await producer.close();
    const worker = createPubSubBroker({ client: newClient() });
    const seen: string[] = [];
    const sub = await worker.subscribe(topic, `${topic}-workers`, async (m) => void seen.push(new TextDecoder().decode(m.data)));
    const deadline = Date.now() + 20_000;
    while (seen.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(2);
    expect(seen.join(' ')).toContain('acme');
    await sub.close();
    await worker.close();
  }, 30_000);

  it('a dead-letter topic without a subscription is refused with the call that fixes it', async () => {
    const topic = `dl-src-${run}`;
    const broker = createPubSubBroker({ client: newClient(), deadLetterMode: 'client' });
    const options = { maxDeliveryAttempts: 5, deadLetterTopic: `${topic}-dlq` };
    const error = await broker.subscribe(topic, `${topic}-sub`, async () => {}, options).catch((e: unknown) => e);
    expect(JobkitError.is(error, 'BROKER_FAILED')).toBe(true);
    expect((error as JobkitError).retryable).toBe(false);
    expect(String(error)).toContain(`ensureSubscription("${topic}-dlq", "${topic}-dlq-reader")`);
    // Doing what the message says is enough.
    await broker.ensureSubscription(`${topic}-dlq`, `${topic}-dlq-reader`);
    const sub = await broker.subscribe(topic, `${topic}-sub`, async () => {}, options);
    await sub.close();
    await broker.close();
  }, 30_000);

  it('rejects invalid input with INVALID_ARGUMENT naming the adapter', async () => {
    const broker = createPubSubBroker({ client: newClient() });
    await expect(broker.publish('x', [{ data: new Uint8Array([1]) }])).rejects.toSatisfy((e) => JobkitError.is(e, 'INVALID_ARGUMENT'));
    await expect(broker.subscribe(`t-${run}`, `s-${run}`, async () => {}, { maxDeliveryAttempts: 2 })).rejects.toThrow(/adapters\/pubsub/);
    expect(() => createPubSubBroker({ client: {} as never })).toThrow(/client must be a PubSub instance/);
    await broker.close();
  });

  it('redelivers a message whose handler outlives ackDeadlineMs (lease extension stops)', async () => {
    const broker = createPubSubBroker({ client: newClient() });
    const topic = `lease-${run}`;
    const attempts: number[] = [];
    const started = Date.now();
    let firstFinished = false;
    const sub = await broker.subscribe(
      topic,
      `${topic}-sub`,
      async (m) => {
        attempts.push(m.deliveryAttempt);
        if (m.deliveryAttempt === 1) {
          while (attempts.length < 2 && Date.now() - started < 40_000) await new Promise((r) => setTimeout(r, 50));
          firstFinished = true;
        }
      },
      { ackDeadlineMs: 10_000, maxInFlight: 5 },
    );
    await broker.publish(topic, [{ data: new TextEncoder().encode('slow') }]);
    const deadline = Date.now() + 45_000;
    while (attempts.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(attempts.slice(0, 2)).toEqual([1, 2]);
    // Not before the lease could have been extended to the deadline.
    expect(Date.now() - started).toBeGreaterThanOrEqual(10_000);
    await sub.close();
    expect(firstFinished).toBe(true);
    await broker.close();
  }, 60_000);

  it('surfaces a failed ordered publish and resumes the key so a later retry succeeds', async () => {
    const client = newClient();
    const resumed: string[] = [];
    // Real client, observed: record resumePublishing calls on the real Topic objects.
    const observed = {
      topic: (name: string, options?: Record<string, unknown>) => {
        const t = client.topic(name, options);
        const original = t.resumePublishing.bind(t);
        t.resumePublishing = (key: string) => {
          resumed.push(key);
          original(key);
        };
        return t;
      },
      subscription: client.subscription.bind(client),
    };
    const broker = createPubSubBroker({ client: observed });
    const topic = `ordered-fail-${run}`;
    const seen: string[] = [];
    await broker.ensureSubscription(topic, `${topic}-sub`);
    await broker.publish(topic, [{ data: new TextEncoder().encode('1'), orderingKey: 'agg-1' }]);
    // Delete the topic behind the adapter's back: the next publish fails on the server (NOT_FOUND)
    // and the client library pauses the ordering key.
    await client.topic(topic).delete();
    const error = await broker.publish(topic, [{ data: new TextEncoder().encode('2'), orderingKey: 'agg-1' }]).catch((e: unknown) => e);
    expect(JobkitError.is(error, 'BROKER_FAILED')).toBe(true);
    expect((error as JobkitError).details.pausedOrderingKeys).toEqual(['agg-1']);
    expect(resumed).toEqual(['agg-1']);
    await client.createTopic(topic);
    await client.topic(topic).createSubscription(`${topic}-sub2`, { enableMessageOrdering: true });
    const sub = await broker.subscribe(topic, `${topic}-sub2`, async (m) => void seen.push(new TextDecoder().decode(m.data)));
    // The relay's retry of the same key goes through once the topic is back.
    await broker.publish(topic, [{ data: new TextEncoder().encode('2'), orderingKey: 'agg-1' }]);
    const deadline = Date.now() + 15_000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual(['2']);
    await sub.close();
    await broker.close();
  });
});
