/**
 * Google Cloud Pub/Sub `Broker` adapter. Takes a `PubSub` client in (structural `PubSubLike`), creates
 * topics and subscriptions on demand, publishes with batching/attributes/ordering keys and subscribes
 * with client-side flow control, per-key serial handling, nack-on-throw and dead-lettering.
 * `@google-cloud/pubsub` is an optional peer: only types are imported at the top level.
 * @module
 */

import type { Broker, MessageHandler, PublishMessage, ReceivedMessage, SubscribeOptions, Subscription } from '@jobkit/core';
import { DEAD_LETTER_ATTRIBUTES, invalidArgument, JobkitError } from '@jobkit/core';
import { BROKER_NAME_RULE, isBrokerName, PublishMessageSchema, SubscribeOptionsSchema } from '@jobkit/core/adapter-kit';
import { z } from 'zod';
import type { PubSubMessageLike, PubSubTopicLike } from './client.js';
import { toDuration } from './client.js';
import { ALREADY_EXISTS, brokerError, grpcCode, parse, WHERE } from './errors.js';
import type { PubSubBrokerOptions } from './options.js';
import { OptionsSchema } from './options.js';

/** The Pub/Sub broker: the `Broker` port plus `ensureSubscription` for producers that start first. */
export interface PubSubBroker extends Broker {
  /** Create `subscription` on `topic` (per `autoCreate`) with the subscribe options' server-side settings. */
  ensureSubscription(topic: string, subscription: string, options?: SubscribeOptions): Promise<void>;
}

/** Create a `Broker` on Google Cloud Pub/Sub (or its emulator). */
export function createPubSubBroker(options: PubSubBrokerOptions): PubSubBroker {
  const opts = parse(OptionsSchema, options, 'options');
  const client = opts.client;
  const topicPrefix = opts.topicPrefix ?? '';
  const subPrefix = opts.subscriptionPrefix ?? topicPrefix;
  const autoCreate = opts.autoCreate ?? true;
  const deadLetterMode = opts.deadLetterMode ?? 'server';
  const batching = { maxMessages: 1000, maxMilliseconds: 10, ...opts.publishBatching };
  const requireSubscription = opts.requireSubscription ?? true;
  const declaredSubs = new Map<string, readonly string[]>();
  for (const [topic, subs] of Object.entries(opts.subscriptions ?? {})) {
    const list = typeof subs === 'string' ? [subs] : subs;
    declaredSubs.set(topicName(topic), list.map(subName));
  }

  const topics = new Map<string, PubSubTopicLike>();
  const ready = new Map<string, Promise<void>>();
  const open = new Set<{ close(): Promise<void> }>();
  const pendingPublishes = new Set<Promise<unknown>>();
  let closed = false;

  function assertOpen(): void {
    if (closed) throw new JobkitError('CLOSED', `[${WHERE}] broker is closed`);
  }

  function topicName(topic: string): string {
    const full = topicPrefix + topic;
    if (!isBrokerName(full)) throw invalidArgument(WHERE, `invalid topic name "${full}": ${BROKER_NAME_RULE}`);
    return full;
  }

  function subName(sub: string): string {
    const full = subPrefix + sub;
    if (!isBrokerName(full)) throw invalidArgument(WHERE, `invalid subscription name "${full}": ${BROKER_NAME_RULE}`);
    return full;
  }

  /** One publisher per topic: batching and ordering state live on the Topic object. */
  function publisher(full: string): PubSubTopicLike {
    let t = topics.get(full);
    if (!t) {
      t = client.topic(full, { messageOrdering: true, batching });
      topics.set(full, t);
    }
    return t;
  }

  /** Memoized so concurrent publishes/subscribes check existence once; a failure is retried next call. */
  function once(key: string, work: () => Promise<void>): Promise<void> {
    let p = ready.get(key);
    if (!p) {
      p = work().catch((error: unknown) => {
        ready.delete(key);
        throw error;
      });
      ready.set(key, p);
    }
    return p;
  }

  function ensureTopic(full: string): Promise<void> {
    return once(`topic:${full}`, async () => {
      const t = publisher(full);
      const [exists] = await t.exists().catch((e: unknown) => {
        throw brokerError(`could not check topic "${full}"`, e);
      });
      if (exists) return;
      if (!autoCreate) throw brokerError(`topic "${full}" does not exist and autoCreate is false`, undefined, { topic: full }, false);
      await t.create().catch((e: unknown) => {
        if (grpcCode(e) !== ALREADY_EXISTS) throw brokerError(`could not create topic "${full}"`, e);
      });
    });
  }

  function ensureSub(fullTopic: string, fullSub: string, o: z.infer<typeof SubscribeOptionsSchema>): Promise<void> {
    return once(`sub:${fullSub}`, async () => {
      await ensureTopic(fullTopic);
      const dlTopic = o.deadLetterTopic === undefined ? undefined : topicName(o.deadLetterTopic);
      if (dlTopic) {
        await ensureTopic(dlTopic);
        // Pub/Sub drops messages dead-lettered to a topic without subscriptions: fail fast instead (S18).
        // Not created here: who reads the dead letters, and under which name, is the caller's call.
        if ((await subscriptionsOf(dlTopic, 'dead-letter topic')) === 0) {
          throw brokerError(
            `dead-letter topic "${dlTopic}" has no subscription, so dead-lettered messages would be lost; create one first: ` +
              `await broker.ensureSubscription(${JSON.stringify(o.deadLetterTopic)}, ${JSON.stringify(`${o.deadLetterTopic}-reader`)})`,
            undefined,
            { deadLetterTopic: dlTopic },
            false,
          );
        }
      }
      const [exists] = await client
        .subscription(fullSub)
        .exists()
        .catch((e: unknown) => {
          throw brokerError(`could not check subscription "${fullSub}"`, e);
        });
      if (exists) return;
      if (!autoCreate) {
        throw brokerError(`subscription "${fullSub}" does not exist and autoCreate is false`, undefined, { subscription: fullSub }, false);
      }
      const settings: Record<string, unknown> = { enableMessageOrdering: o.ordered ?? true };
      if (dlTopic && o.maxDeliveryAttempts !== undefined && deadLetterMode === 'server') {
        settings.deadLetterPolicy = { deadLetterTopic: publisher(dlTopic).name, maxDeliveryAttempts: o.maxDeliveryAttempts };
      }
      if (o.retryDelayMs) {
        settings.retryPolicy = { minimumBackoff: toDuration(o.retryDelayMs.min), maximumBackoff: toDuration(o.retryDelayMs.max) };
      }
      await publisher(fullTopic)
        .createSubscription(fullSub, settings)
        .catch((e: unknown) => {
          if (grpcCode(e) !== ALREADY_EXISTS) throw brokerError(`could not create subscription "${fullSub}"`, e);
        });
    });
  }

  async function subscriptionsOf(full: string, what: string): Promise<number> {
    const [subs] = await publisher(full)
      .getSubscriptions()
      .catch((e: unknown) => {
        throw brokerError(`could not list subscriptions of ${what} "${full}"`, e);
      });
    return subs.length;
  }

  /**
   * Before the first publish to a topic: create its declared subscriptions, then (unless turned
   * off) make sure it has at least one, since Pub/Sub drops messages nobody is subscribed to.
   * A refusal is not memoized, so publishing works as soon as a consumer subscribes.
   */
  function ensureDeliverable(full: string): Promise<void> {
    return once(`deliverable:${full}`, async () => {
      for (const sub of declaredSubs.get(full) ?? []) await ensureSub(full, sub, {});
      if (!requireSubscription || (declaredSubs.get(full)?.length ?? 0) > 0) return;
      if ((await subscriptionsOf(full, 'topic')) > 0) return;
      throw brokerError(
        `topic "${full}" has no subscription, so Pub/Sub would drop these messages; subscribe a consumer first, ` +
          `call ensureSubscription(topic, name), or declare it in the broker's \`subscriptions\` option`,
        undefined,
        { topic: full, reason: 'NO_SUBSCRIPTION' },
        true,
      );
    });
  }

  async function publishFull(full: string, list: readonly PublishMessage[]): Promise<string[]> {
    const t = publisher(full);
    const sends = list.map((m) =>
      t.publishMessage({
        data: Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength),
        ...(m.attributes ? { attributes: m.attributes } : {}),
        ...(m.orderingKey === undefined ? {} : { orderingKey: m.orderingKey }),
      }),
    );
    const all = Promise.allSettled(sends);
    pendingPublishes.add(all);
    const results = await all.finally(() => pendingPublishes.delete(all));
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [{ index: i, reason: r.reason as unknown }] : []));
    if (failed.length === 0) return results.map((r) => (r as PromiseFulfilledResult<string>).value);
    // The client pauses a key after a failed ordered publish. Every message of this call has settled,
    // so the caller's retry re-sends them in order; only then is resuming the key gap-free.
    const keys = new Set(failed.map((f) => list[f.index]?.orderingKey).filter((k): k is string => k !== undefined));
    for (const key of keys) t.resumePublishing(key);
    throw brokerError(`publish to "${full}" failed for ${failed.length} of ${list.length} messages`, failed[0]?.reason, {
      topic: full,
      failedIndexes: failed.map((f) => f.index),
      publishedIds: results.map((r) => (r.status === 'fulfilled' ? r.value : null)),
      pausedOrderingKeys: [...keys],
    });
  }

  const broker = {
    name: 'pubsub',

    async publish(topic: string, messages: readonly PublishMessage[]): Promise<string[]> {
      assertOpen();
      const full = topicName(topic);
      const list = parse(z.array(PublishMessageSchema), messages, 'messages') as PublishMessage[];
      if (list.length === 0) return [];
      await ensureTopic(full);
      await ensureDeliverable(full);
      return publishFull(full, list);
    },

    async ensureSubscription(topic: string, subscription: string, subOptions: SubscribeOptions = {}): Promise<void> {
      assertOpen();
      await ensureSub(topicName(topic), subName(subscription), parse(SubscribeOptionsSchema, subOptions, 'subscribe options'));
    },

    async subscribe(
      topic: string,
      subscription: string,
      handler: MessageHandler,
      subOptions: SubscribeOptions = {},
    ): Promise<Subscription> {
      assertOpen();
      if (typeof handler !== 'function') throw invalidArgument(WHERE, 'handler must be a function');
      const o = parse(SubscribeOptionsSchema, subOptions, 'subscribe options');
      const fullTopic = topicName(topic);
      const fullSub = subName(subscription);
      await ensureSub(fullTopic, fullSub, o);
      const clientDeadLetter = o.deadLetterTopic !== undefined && o.maxDeliveryAttempts !== undefined && deadLetterMode === 'client';
      const dlTopic = o.deadLetterTopic === undefined ? undefined : topicName(o.deadLetterTopic);
      const ordered = o.ordered ?? true;

      const subscriberOptions: Record<string, unknown> = {
        // allowExcessMessages=false makes maxMessages a true cap on handlers in flight (nodejs-pubsub #80).
        flowControl: { maxMessages: o.maxInFlight ?? 100, maxBytes: o.maxInFlightBytes ?? 100 * 1024 * 1024, allowExcessMessages: false },
      };
      if (o.ackDeadlineMs !== undefined) {
        const { Duration } = await import('@google-cloud/pubsub');
        subscriberOptions.maxExtensionTime = Duration.from({ milliseconds: o.ackDeadlineMs });
      }
      const sub = client.subscription(fullSub, subscriberOptions);

      let closing = false;
      const inFlight = new Set<Promise<void>>();
      const keyChains = new Map<string, Promise<void>>();
      /** key → id of the failed message the key waits for; later messages of the key are nacked until it returns. */
      const blockedKeys = new Map<string, { id: string; until: number }>();
      // If the failed message never comes back here (another subscriber got it, or it was dead-lettered
      // by the server), stop holding its key after this long rather than nacking the key forever.
      const blockTtlMs = Math.max(60_000, 4 * (o.retryDelayMs?.max ?? 0));
      /** Delivery counts seen here, for when the server does not report `deliveryAttempt`. */
      const seenAttempts = new Map<string, number>();

      const report = (error: unknown, message: ReceivedMessage) => {
        try {
          o.onError?.(error, message);
        } catch {
          // A throwing logger must not break ack bookkeeping.
        }
      };

      async function handle(m: PubSubMessageLike): Promise<void> {
        if (closing) return m.nack();
        const key = ordered ? m.orderingKey : undefined;
        const local = (seenAttempts.get(m.id) ?? 0) + 1;
        seenAttempts.set(m.id, local);
        if (key !== undefined) {
          const blocked = blockedKeys.get(key);
          if (blocked !== undefined && blocked.id !== m.id && Date.now() < blocked.until) {
            // Acking a later message now would reorder the key once the failed one is redelivered.
            seenAttempts.set(m.id, local - 1);
            return m.nack();
          }
          if (blocked !== undefined) blockedKeys.delete(key);
        }
        const attempt = Math.max(m.deliveryAttempt || 0, local);
        const data = m.data;
        const received: ReceivedMessage = {
          id: m.id,
          data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
          attributes: { ...m.attributes },
          deliveryAttempt: attempt,
          publishTime: new Date(m.publishTime.getTime()),
          ...(m.orderingKey ? { orderingKey: m.orderingKey } : {}),
        };
        try {
          await handler(received);
          seenAttempts.delete(m.id);
          m.ack();
          return;
        } catch (error) {
          report(error, received);
        }
        const max = o.maxDeliveryAttempts;
        if (max !== undefined && attempt >= max && (clientDeadLetter || !dlTopic)) {
          await deadLetter(m, received, attempt);
          return;
        }
        if (key !== undefined) {
          const lastServerAttempt = max !== undefined && dlTopic !== undefined && !clientDeadLetter && attempt >= max - 1;
          // If the server is about to dead-letter it, the failed message will not come back: don't block.
          if (!lastServerAttempt) blockedKeys.set(key, { id: m.id, until: Date.now() + blockTtlMs });
        }
        m.nack();
      }

      async function deadLetter(m: PubSubMessageLike, received: ReceivedMessage, attempt: number): Promise<void> {
        seenAttempts.delete(m.id);
        if (!dlTopic) {
          report(
            new JobkitError(
              'BROKER_FAILED',
              `[${WHERE}] message ${m.id} on "${fullSub}" dropped after ${attempt} delivery attempts (no dead-letter topic)`,
              {
                retryable: false,
                details: { subscription: fullSub, messageId: m.id },
              },
            ),
            received,
          );
          m.ack();
          return;
        }
        try {
          await publishFull(dlTopic, [
            {
              data: received.data,
              attributes: {
                ...received.attributes,
                [DEAD_LETTER_ATTRIBUTES.sourceSubscription]: fullSub,
                [DEAD_LETTER_ATTRIBUTES.deliveryCount]: String(attempt),
              },
              ...(received.orderingKey ? { orderingKey: received.orderingKey } : {}),
            },
          ]);
          m.ack();
        } catch (error) {
          // Keep the message: better redelivered than lost because the DLQ publish failed.
          report(error, received);
          m.nack();
        }
      }

      const onMessage = (m: PubSubMessageLike) => {
        const key = ordered ? m.orderingKey : undefined;
        let run: Promise<void>;
        if (key) {
          // The client emits a key's messages in order but does not wait for acks; chain them so
          // handlers for one key never overlap or finish out of order.
          const prev = keyChains.get(key) ?? Promise.resolve();
          run = prev.then(() => handle(m));
          keyChains.set(key, run);
          void run.finally(() => {
            if (keyChains.get(key) === run) keyChains.delete(key);
          });
        } else {
          run = handle(m);
        }
        const tracked = run.catch(() => undefined);
        inFlight.add(tracked);
        void tracked.finally(() => inFlight.delete(tracked));
      };
      sub.on('message', onMessage);
      sub.on('error', (error: Error) => {
        const wrapped = brokerError(`subscriber stream error on "${fullSub}"`, error);
        try {
          if (opts.onStreamError) opts.onStreamError(wrapped, fullSub);
          // Never swallow silently: without a handler the error still reaches process warnings.
          else process.emitWarning(wrapped.message, { code: 'JOBKIT_PUBSUB_STREAM', detail: String(error) });
        } catch {
          // A throwing logger must not take the subscriber down.
        }
      });

      let closePromise: Promise<void> | undefined;
      const handle_: Subscription = {
        topic,
        name: subscription,
        close() {
          closePromise ??= (async () => {
            closing = true;
            while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
            sub.removeAllListeners('message');
            await sub.close().catch((e: unknown) => {
              throw brokerError(`closing subscription "${fullSub}" failed`, e);
            });
            sub.removeAllListeners('error');
            open.delete(handle_);
          })();
          return closePromise;
        },
      };
      open.add(handle_);
      return handle_;
    },

    async close(): Promise<void> {
      if (closed) return;
      const results = await Promise.allSettled([...open].map((s) => s.close()));
      await Promise.allSettled([...pendingPublishes]);
      await Promise.allSettled([...topics.values()].map((t) => t.flush()));
      closed = true;
      if (opts.ownsClient)
        await client
          .close?.()
          .catch((e: unknown) => results.push({ status: 'rejected', reason: brokerError('closing the client failed', e) }));
      const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failure) throw failure.reason;
    },
  };
  return broker;
}
