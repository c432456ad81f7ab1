/** Memory-broker behaviour beyond the shared contract: fault injection, ack deadlines, backlog. @module */
import { describe, expect, it } from 'vitest';
import { DELIVERY_ATTEMPTS, MAX_RETRY_DELAY_MS, MIN_ACK_DEADLINE_MS } from '../broker-rules.js';
import { JobkitError } from '../errors.js';
import type { ReceivedMessage, SubscribeOptions } from '../ports/broker.js';
import { decodeJson, encodeJson } from '../ports/broker.js';
import { createMemoryBroker, DEAD_LETTER_ATTRIBUTES } from './broker.js';

const msg = (n: number, orderingKey?: string) => ({ data: encodeJson({ n }), ...(orderingKey ? { orderingKey } : {}) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('createMemoryBroker', () => {
  it('rejects bad names, empty messages and bad options with INVALID_ARGUMENT', async () => {
    const broker = createMemoryBroker();
    await expect(broker.publish('x', [msg(1)])).rejects.toSatisfy((e) => JobkitError.is(e, 'INVALID_ARGUMENT'));
    await expect(broker.publish('topic-a', [{ data: new Uint8Array() }])).rejects.toThrow(/data or at least one attribute/);
    await expect(broker.subscribe('topic-a', 'sub-a', async () => {}, { maxInFlight: 0 })).rejects.toThrow(/core\/memory-broker/);
    expect(() => createMemoryBroker({ duplicateRate: 2 })).toThrow(/invalid options/);
    await broker.close();
  });

  it('refuses what Pub/Sub refuses: the bounds come from the shared broker rules', async () => {
    const broker = createMemoryBroker();
    const refused = (options: SubscribeOptions) =>
      expect(broker.subscribe('topic-a', 'sub-a', async () => {}, options)).rejects.toSatisfy((e) => JobkitError.is(e, 'INVALID_ARGUMENT'));
    for (const n of [0, 1, DELIVERY_ATTEMPTS.min - 1, DELIVERY_ATTEMPTS.max + 1, 5.5]) await refused({ maxDeliveryAttempts: n });
    await refused({ retryDelayMs: { min: 0, max: MAX_RETRY_DELAY_MS + 1 } });
    await refused({ retryDelayMs: { min: 20, max: 10 } });
    await refused({ ackDeadlineMs: MIN_ACK_DEADLINE_MS - 1 });
    await refused({ deadLetterTopic: '1-not-a-topic' });
    await expect(broker.ensureSubscription('topic-a', 'sub-a', { maxDeliveryAttempts: 1 })).rejects.toThrow(/maxDeliveryAttempts/);
    // The bounds themselves are accepted.
    await broker.ensureSubscription('topic-dlq', 'sub-dlq');
    for (const maxDeliveryAttempts of [DELIVERY_ATTEMPTS.min, DELIVERY_ATTEMPTS.max]) {
      await broker.ensureSubscription('topic-a', 'sub-a', {
        maxDeliveryAttempts,
        deadLetterTopic: 'topic-dlq',
        ackDeadlineMs: MIN_ACK_DEADLINE_MS,
      });
    }
    await broker.close();
  });

  it('keeps messages for a subscription without a handler, and none from before it existed', async () => {
    const broker = createMemoryBroker();
    await broker.publish('topic-a', [msg(0)]);
    await broker.ensureSubscription('topic-a', 'sub-a');
    await broker.publish('topic-a', [msg(1), msg(2)]);
    expect(broker.backlog('sub-a')).toBe(2);
    const seen: number[] = [];
    const sub = await broker.subscribe('topic-a', 'sub-a', async (m) => {
      seen.push(decodeJson<{ n: number }>(m.data).n);
    });
    await broker.idle();
    expect(seen.sort()).toEqual([1, 2]);
    await sub.close();
    await broker.close();
  });

  it('refuses a subscription name reused on another topic', async () => {
    const broker = createMemoryBroker();
    await broker.ensureSubscription('topic-a', 'sub-a');
    await expect(broker.subscribe('topic-b', 'sub-a', async () => {})).rejects.toThrow(/belongs to topic "topic-a"/);
    await broker.close();
  });

  it('failNextPublish rejects; the ambiguous variant delivers anyway', async () => {
    const broker = createMemoryBroker();
    const seen: string[] = [];
    await broker.subscribe('topic-a', 'sub-a', async (m) => void seen.push(m.id));
    broker.failNextPublish(1);
    await expect(broker.publish('topic-a', [msg(1)])).rejects.toSatisfy(
      (e) => JobkitError.is(e, 'BROKER_FAILED') && (e as JobkitError).retryable,
    );
    broker.failNextPublish(1, { ambiguous: true });
    await expect(broker.publish('topic-a', [msg(2)])).rejects.toThrow(/accepted/);
    await broker.publish('topic-a', [msg(3)]);
    await broker.idle();
    expect(seen).toHaveLength(2);
    expect(broker.stats().failedPublishes).toBe(2);
    await broker.close();
  });

  it('lost acks and duplicateRate cause redelivery of the same id', async () => {
    const broker = createMemoryBroker({ retryDelayMs: { min: 0, max: 0 } });
    const attempts = new Map<string, number[]>();
    await broker.subscribe('topic-a', 'sub-a', async (m) => {
      attempts.set(m.id, [...(attempts.get(m.id) ?? []), m.deliveryAttempt]);
    });
    broker.loseNextAcks(1);
    await broker.publish('topic-a', [msg(1)]);
    await broker.idle();
    expect([...attempts.values()]).toEqual([[1, 2]]);

    attempts.clear();
    let i = 0;
    const dup = createMemoryBroker({ duplicateRate: 0.5, random: () => (i++ % 2 === 0 ? 0.1 : 0.9) });
    const counts = new Map<string, number>();
    await dup.subscribe('topic-a', 'sub-a', async (m) => void counts.set(m.id, (counts.get(m.id) ?? 0) + 1), { maxInFlight: 1 });
    await dup.publish('topic-a', [msg(1), msg(2)]);
    await dup.idle();
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(4);
    expect(dup.stats().lostAcks).toBe(2);
    await Promise.all([broker.close(), dup.close()]);
  });

  it('redelivers a message whose handler outlives the ack deadline and ignores the late ack', async () => {
    // A lease this short is the broker's simulation setting; a subscription may not ask below Pub/Sub's 10 s.
    const broker = createMemoryBroker({ ackDeadlineMs: 40 });
    const errors: unknown[] = [];
    const deliveries: ReceivedMessage[] = [];
    await broker.subscribe(
      'topic-a',
      'sub-a',
      async (m) => {
        deliveries.push(m);
        if (m.deliveryAttempt === 1) await sleep(120);
      },
      { onError: (e) => errors.push(e) },
    );
    await broker.publish('topic-a', [msg(1)]);
    await broker.idle();
    await sleep(150);
    expect(deliveries.map((d) => d.deliveryAttempt)).toEqual([1, 2]);
    expect(JobkitError.is(errors[0], 'LEASE_EXPIRED')).toBe(true);
    const s = broker.stats();
    expect(s.expired).toBe(1);
    expect(s.staleAcks).toBe(1);
    expect(s.acked).toBe(1);
    await broker.close();
  });

  it('a failed ordered message blocks only its own key until it is acked', async () => {
    const broker = createMemoryBroker({ retryDelayMs: { min: 30, max: 30 } });
    const order: string[] = [];
    let failed = false;
    await broker.subscribe('topic-a', 'sub-a', async (m) => {
      const { n } = decodeJson<{ n: number }>(m.data);
      if (m.orderingKey === 'a' && n === 1 && !failed) {
        failed = true;
        throw new Error('boom');
      }
      order.push(`${m.orderingKey}${n}`);
    });
    await broker.publish('topic-a', [msg(1, 'a'), msg(2, 'a'), msg(1, 'b'), msg(2, 'b')]);
    await broker.idle();
    expect(order.filter((x) => x.startsWith('a'))).toEqual(['a1', 'a2']);
    // Key b was not held back by key a's retry delay.
    expect(order.indexOf('b2')).toBeLessThan(order.indexOf('a1'));
    await broker.close();
  });

  it('reorder shuffles delivery across keys but keeps each key in order', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const broker = createMemoryBroker({ reorder: true, random });
    const order: Array<{ key: string; n: number }> = [];
    await broker.subscribe('topic-a', 'sub-a', async (m) => {
      order.push({ key: m.orderingKey ?? '-', n: decodeJson<{ n: number }>(m.data).n });
    });
    const batch = [];
    for (let n = 0; n < 20; n++) for (const key of ['a', 'b', 'c']) batch.push(msg(n, key));
    await broker.publish('topic-a', batch);
    await broker.idle();
    for (const key of ['a', 'b', 'c']) {
      expect(order.filter((o) => o.key === key).map((o) => o.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    }
    const published = batch.map((m) => `${m.orderingKey}`).join('');
    expect(order.map((o) => o.key).join('')).not.toBe(published);
    await broker.close();
  });

  it('dead-letters with source attributes, or drops with a reported error when no topic is set', async () => {
    const broker = createMemoryBroker({ retryDelayMs: { min: 0, max: 0 } });
    const dead: ReceivedMessage[] = [];
    await broker.subscribe('topic-dlq', 'sub-dlq', async (m) => void dead.push(m));
    await broker.subscribe('topic-a', 'sub-a', async () => Promise.reject(new Error('poison')), {
      maxDeliveryAttempts: 5,
      deadLetterTopic: 'topic-dlq',
    });
    const errors: unknown[] = [];
    await broker.subscribe('topic-b', 'sub-b', async () => Promise.reject(new Error('poison')), {
      maxDeliveryAttempts: 5,
      onError: (e) => errors.push(e),
    });
    await broker.publish('topic-a', [{ data: encodeJson(1), attributes: { k: 'v' } }]);
    await broker.publish('topic-b', [msg(1)]);
    await broker.idle();
    expect(dead).toHaveLength(1);
    expect(dead[0]?.attributes).toMatchObject({
      k: 'v',
      [DEAD_LETTER_ATTRIBUTES.sourceSubscription]: 'sub-a',
      [DEAD_LETTER_ATTRIBUTES.deliveryCount]: '5',
    });
    // One error per failed delivery, then the drop.
    expect(errors).toHaveLength(6);
    expect(String(errors[5])).toMatch(/dropped after 5 delivery attempts/);
    expect(broker.backlog('sub-b')).toBe(0);
    await broker.close();
  });

  it('competing handlers on one subscription share the work; close() rejects later publishes', async () => {
    const broker = createMemoryBroker();
    const byHandler = [0, 0];
    const s1 = await broker.subscribe('topic-a', 'sub-a', async () => void byHandler[0]!++);
    const s2 = await broker.subscribe('topic-a', 'sub-a', async () => void byHandler[1]!++);
    await broker.publish(
      'topic-a',
      Array.from({ length: 100 }, (_, n) => msg(n)),
    );
    await broker.idle();
    expect(byHandler[0]! + byHandler[1]!).toBe(100);
    expect(byHandler[0]).toBeGreaterThan(0);
    expect(byHandler[1]).toBeGreaterThan(0);
    await Promise.all([s1.close(), s2.close()]);
    await broker.close();
    await expect(broker.publish('topic-a', [msg(1)])).rejects.toSatisfy((e) => JobkitError.is(e, 'CLOSED'));
  });
});
