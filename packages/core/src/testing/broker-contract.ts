/**
 * The shared `Broker` contract suite (vitest). Every broker adapter runs it; cases an engine cannot
 * serve are listed in `skip` with a reason and show up as skipped tests, never silently dropped.
 * @module
 */
import { afterEach, describe, expect, it } from 'vitest';
import { JobkitError } from '../errors.js';
import type { Broker, ReceivedMessage, SubscribeOptions, Subscription } from '../ports/broker.js';
import { decodeJson, encodeJson } from '../ports/broker.js';

/** The cases of the broker contract; keys of `skip`. */
export const BROKER_CONTRACT_CASES = [
  'roundTrip',
  'fanOut',
  'nackRedelivery',
  'ordering',
  'deadLetter',
  'deadLetterSetup',
  'flowControl',
  'closeDrains',
  'largeBatch',
] as const;
export type BrokerContractCase = (typeof BROKER_CONTRACT_CASES)[number];

export interface BrokerContractOptions {
  /** Shown in the describe block, e.g. `memory` or `pubsub-emulator`. */
  name: string;
  /** A fresh broker per test; it is closed after the test. */
  create: () => Broker | Promise<Broker>;
  /** Cases this engine cannot serve, with the reason shown in the skipped test's name. */
  skip?: Partial<Record<BrokerContractCase, string>>;
  /** Skip the whole suite with this reason (e.g. "PUBSUB_EMULATOR_HOST not set"). */
  skipAll?: string;
  /** How long to wait for expected deliveries. @default 15_000 */
  timeoutMs?: number;
  /** Per-test vitest timeout. @default timeoutMs + 15_000 */
  testTimeoutMs?: number;
  /** Options merged into every subscribe call (e.g. a short `retryDelayMs` for slow engines). */
  subscribeDefaults?: SubscribeOptions;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`broker contract: timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

let runCounter = 0;

/** Run the broker contract against `create()`. Call at the top level of a vitest file. */
export function runBrokerContract(options: BrokerContractOptions): void {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const testTimeout = options.testTimeoutMs ?? timeoutMs + 15_000;
  const defaults = options.subscribeDefaults ?? {};
  const run = `${Date.now().toString(36)}${(runCounter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

  describe(`Broker contract: ${options.name}`, () => {
    let broker: Broker | undefined;
    const subscriptions: Subscription[] = [];

    afterEach(async () => {
      await Promise.allSettled(subscriptions.splice(0).map((s) => s.close()));
      await broker?.close();
      broker = undefined;
    });

    /** Fresh topic/subscription names per case so engines with shared state never mix tests. */
    const names = (c: BrokerContractCase) => ({
      topic: (suffix = '') => `jk-${run}-${c}${suffix}`,
      sub: (suffix = '') => `jk-${run}-${c}-sub${suffix}`,
    });

    async function open(): Promise<Broker> {
      broker = await options.create();
      return broker;
    }

    async function subscribe(
      b: Broker,
      topic: string,
      sub: string,
      handler: (m: ReceivedMessage) => Promise<void>,
      extra: SubscribeOptions = {},
    ): Promise<Subscription> {
      const s = await b.subscribe(topic, sub, handler, { ...defaults, ...extra });
      subscriptions.push(s);
      return s;
    }

    function test(c: BrokerContractCase, title: string, body: () => Promise<void>): void {
      const reason = options.skipAll ?? options.skip?.[c];
      if (reason !== undefined) {
        it.skip(`${c}: ${title} — skipped: ${reason}`, body);
        return;
      }
      it(`${c}: ${title}`, body, testTimeout);
    }

    test('roundTrip', 'publish/subscribe round trip keeps data, attributes and ids', async () => {
      const b = await open();
      const n = names('roundTrip');
      const got: ReceivedMessage[] = [];
      await subscribe(b, n.topic(), n.sub(), async (m) => void got.push(m));
      const ids = await b.publish(n.topic(), [
        { data: encodeJson({ hello: 'world' }), attributes: { 'jobkit-event-id': 'e1', 'jobkit-event-type': 'job.created' } },
        { data: encodeJson({ n: 2 }) },
      ]);
      expect(ids).toHaveLength(2);
      expect(new Set(ids).size).toBe(2);
      await waitFor('2 messages', () => got.length >= 2, timeoutMs);
      const first = got.find((m) => m.id === ids[0]);
      expect(first).toBeDefined();
      expect(decodeJson(first!.data)).toEqual({ hello: 'world' });
      expect(first!.attributes).toMatchObject({ 'jobkit-event-id': 'e1', 'jobkit-event-type': 'job.created' });
      expect(first!.deliveryAttempt).toBe(1);
      expect(first!.publishTime).toBeInstanceOf(Date);
      expect(Math.abs(first!.publishTime.getTime() - Date.now())).toBeLessThan(60_000);
      const second = got.find((m) => m.id === ids[1]);
      expect(second?.attributes).toEqual({});
    });

    test('fanOut', 'two subscriptions on one topic each receive every message', async () => {
      const b = await open();
      const n = names('fanOut');
      const a: string[] = [];
      const c: string[] = [];
      await subscribe(b, n.topic(), n.sub('a'), async (m) => void a.push(m.id));
      await subscribe(b, n.topic(), n.sub('b'), async (m) => void c.push(m.id));
      const ids = await b.publish(
        n.topic(),
        Array.from({ length: 10 }, (_, i) => ({ data: encodeJson(i) })),
      );
      await waitFor('10 messages on both subscriptions', () => new Set(a).size >= 10 && new Set(c).size >= 10, timeoutMs);
      expect([...new Set(a)].sort()).toEqual([...ids].sort());
      expect([...new Set(c)].sort()).toEqual([...ids].sort());
    });

    test('nackRedelivery', 'a throwing handler nacks; the message comes back with a higher deliveryAttempt', async () => {
      const b = await open();
      const n = names('nackRedelivery');
      const attempts: number[] = [];
      let acked = false;
      await subscribe(
        b,
        n.topic(),
        n.sub(),
        async (m) => {
          attempts.push(m.deliveryAttempt);
          if (attempts.length < 3) throw new Error('nack me');
          acked = true;
        },
        { retryDelayMs: { min: 10, max: 100 } },
      );
      await b.publish(n.topic(), [{ data: encodeJson('retry') }]);
      await waitFor('3 deliveries', () => acked, timeoutMs);
      expect(attempts[0]).toBe(1);
      for (let i = 1; i < attempts.length; i++) expect(attempts[i]).toBeGreaterThan(attempts[i - 1]!);
      // Acked: no further delivery arrives.
      await sleep(300);
      expect(attempts).toHaveLength(3);
    });

    test('ordering', 'messages with one ordering key are handled in publish order, even across a failure', async () => {
      const b = await open();
      const n = names('ordering');
      const keys = ['k1', 'k2', 'k3'];
      const perKey = 20;
      const done = new Map<string, number[]>(keys.map((k) => [k, []]));
      let failedOnce = false;
      await subscribe(
        b,
        n.topic(),
        n.sub(),
        async (m) => {
          const { seq } = decodeJson<{ seq: number }>(m.data);
          const key = m.orderingKey!;
          if (key === 'k2' && seq === 5 && !failedOnce) {
            failedOnce = true;
            throw new Error('transient');
          }
          await sleep(1);
          done.get(key)!.push(seq);
        },
        { ordered: true, retryDelayMs: { min: 10, max: 100 } },
      );
      // Several publish calls so batching boundaries fall mid-key.
      for (let start = 0; start < perKey; start += 5) {
        const batch = [];
        for (let seq = start; seq < start + 5; seq++) {
          for (const key of keys) batch.push({ data: encodeJson({ seq }), orderingKey: key });
        }
        await b.publish(n.topic(), batch);
      }
      await waitFor('every key fully handled', () => keys.every((k) => new Set(done.get(k)).size >= perKey), timeoutMs);
      await sleep(200);
      for (const key of keys) {
        const seqs = done.get(key)!;
        // Redelivery may repeat a suffix (at-least-once) but never goes backwards within a run.
        const firstPass = seqs.slice(0, perKey);
        expect(firstPass, `order for ${key}`).toEqual(Array.from({ length: perKey }, (_, i) => i));
      }
      expect(failedOnce).toBe(true);
    });

    test('deadLetter', 'after maxDeliveryAttempts the message moves to the dead-letter topic', async () => {
      const b = await open();
      const n = names('deadLetter');
      const dead: ReceivedMessage[] = [];
      let attempts = 0;
      await subscribe(b, n.topic('-dlq'), n.sub('-dlq'), async (m) => void dead.push(m));
      await subscribe(
        b,
        n.topic(),
        n.sub(),
        async () => {
          attempts++;
          throw new Error('poison');
        },
        { maxDeliveryAttempts: 5, deadLetterTopic: n.topic('-dlq'), retryDelayMs: { min: 10, max: 50 } },
      );
      await b.publish(n.topic(), [{ data: encodeJson('poison'), attributes: { 'jobkit-event-id': 'p1' } }]);
      await waitFor('dead-lettered message', () => dead.length >= 1, timeoutMs);
      expect(attempts).toBeGreaterThanOrEqual(5);
      expect(dead[0]!.attributes['jobkit-event-id']).toBe('p1');
      expect(decodeJson(dead[0]!.data)).toBe('poison');
      const seen = attempts;
      await sleep(300);
      expect(attempts).toBe(seen);
    });

    test('deadLetterSetup', 'subscribing with a dead-letter topic that has no subscription fails fast', async () => {
      const b = await open();
      const n = names('deadLetterSetup');
      const error = await b
        .subscribe(n.topic(), n.sub(), async () => {}, {
          ...defaults,
          maxDeliveryAttempts: 5,
          deadLetterTopic: n.topic('-dlq'),
        })
        .then((s) => {
          subscriptions.push(s);
          return undefined;
        })
        .catch((e: unknown) => e);
      expect(JobkitError.is(error, 'BROKER_FAILED')).toBe(true);
      expect((error as JobkitError).retryable).toBe(false);
      expect(String(error)).toMatch(/dead-letter topic "[^"]*" has no subscription/);
    });

    test('flowControl', 'never more than maxInFlight handlers run at once', async () => {
      const b = await open();
      const n = names('flowControl');
      let running = 0;
      let peak = 0;
      const handled = new Set<string>();
      await subscribe(
        b,
        n.topic(),
        n.sub(),
        async (m) => {
          running++;
          peak = Math.max(peak, running);
          await sleep(15);
          running--;
          handled.add(m.id);
        },
        { maxInFlight: 3 },
      );
      await b.publish(
        n.topic(),
        Array.from({ length: 40 }, (_, i) => ({ data: encodeJson(i) })),
      );
      await waitFor('40 handled', () => handled.size >= 40, timeoutMs);
      expect(peak).toBeLessThanOrEqual(3);
      expect(peak).toBeGreaterThan(1);
    });

    test('closeDrains', 'close() resolves only after in-flight handlers finish', async () => {
      const b = await open();
      const n = names('closeDrains');
      let started = 0;
      let finished = 0;
      const s = await subscribe(
        b,
        n.topic(),
        n.sub(),
        async () => {
          started++;
          await sleep(300);
          finished++;
        },
        { maxInFlight: 2 },
      );
      await b.publish(n.topic(), [{ data: encodeJson(1) }, { data: encodeJson(2) }]);
      await waitFor('a handler to start', () => started >= 1, timeoutMs);
      await s.close();
      expect(finished).toBe(started);
      const after = started;
      await sleep(100);
      expect(started).toBe(after);
    });

    test('largeBatch', '2,000 messages published in one call are all delivered', async () => {
      const b = await open();
      const n = names('largeBatch');
      const seen = new Set<number>();
      await subscribe(b, n.topic(), n.sub(), async (m) => void seen.add(decodeJson<number>(m.data)), { maxInFlight: 500 });
      const ids = await b.publish(
        n.topic(),
        Array.from({ length: 2000 }, (_, i) => ({ data: encodeJson(i) })),
      );
      expect(new Set(ids).size).toBe(2000);
      await waitFor('2,000 distinct messages', () => seen.size >= 2000, timeoutMs);
      expect(seen.size).toBe(2000);
    });
  });
}
