/**
 * In-memory reference `Broker`: topics, fan-out subscriptions, ordering keys, nack redelivery with
 * backoff, ack deadlines, dead-letter topics and flow control, modelled on Google Pub/Sub semantics.
 * It also carries fault-injection hooks (failed/ambiguous publishes, lost acks) so reliability tests
 * can simulate a flaky broker without a server. Single process only; nothing is persisted.
 * @module
 */
import { z } from 'zod';
import {
  BROKER_NAME_PATTERN,
  BROKER_NAME_RULE,
  DEAD_LETTER_ATTRIBUTES,
  PublishMessageSchema,
  RetryDelaySchema,
  SubscribeOptionsSchema,
} from '../broker-rules.js';
import { invalidArgument, JobkitError } from '../errors.js';
import type { Broker, MessageHandler, PublishMessage, ReceivedMessage, SubscribeOptions, Subscription } from '../ports/broker.js';

const WHERE = 'core/memory-broker';

// The rules live once in broker-rules.ts (shared with the Pub/Sub adapter).
export { DEAD_LETTER_ATTRIBUTES };

export interface MemoryBrokerOptions {
  /** Reported as `broker.name`. @default 'memory' */
  name?: string;
  /** Default lease length before an unfinished handler's message is redelivered. @default 60_000 */
  ackDeadlineMs?: number;
  /** Default redelivery backoff after a nack: `min · 2^(attempt-1)`, capped at `max`. @default { min: 10, max: 10_000 } */
  retryDelayMs?: { min: number; max: number };
  /** Probability (0–1) that a successful ack is "lost", so the message is delivered again. @default 0 */
  duplicateRate?: number;
  /**
   * Shuffle delivery order across ordering keys (and among unkeyed messages), as a real broker may;
   * per-key order is kept. @default false
   */
  reorder?: boolean;
  /** Random source for fault injection, injectable for deterministic tests. @default Math.random */
  random?: () => number;
}

/** Counters for assertions in tests. */
export interface MemoryBrokerStats {
  published: number;
  delivered: number;
  acked: number;
  nacked: number;
  /** Deliveries whose handler outlived the ack deadline. */
  expired: number;
  /** Acks that arrived after the lease expired and were ignored. */
  staleAcks: number;
  /** Acks dropped by fault injection (each causes a duplicate delivery). */
  lostAcks: number;
  deadLettered: number;
  failedPublishes: number;
}

export interface FailPublishOptions {
  /** Accept the messages but still reject the call, like a publish whose response was lost. @default false */
  ambiguous?: boolean;
  /** Error to reject with. @default a retryable `JobkitError('BROKER_FAILED')` */
  error?: Error;
}

/** The memory broker plus its test hooks. */
export interface MemoryBroker extends Broker {
  ensureSubscription(topic: string, subscription: string, options?: SubscribeOptions): Promise<void>;
  /** Make the next `count` publish calls fail (optionally after accepting the messages). */
  failNextPublish(count?: number, options?: FailPublishOptions): void;
  /** Drop the next `count` successful acks so those messages are delivered again. */
  loseNextAcks(count?: number): void;
  /** Change the probability that an ack is lost. */
  setDuplicateRate(rate: number): void;
  /** Turn cross-key delivery reordering on or off. */
  setReorder(enabled: boolean): void;
  /** Unacked messages (queued or in flight) held for a subscription. */
  backlog(subscription: string): number;
  /** Resolves once no subscription with an attached handler holds unacked messages. */
  idle(options?: { timeoutMs?: number }): Promise<void>;
  stats(): MemoryBrokerStats;
}

const OptionsSchema = z.object({
  name: z.string().min(1).optional(),
  ackDeadlineMs: z.number().int().positive().optional(),
  retryDelayMs: RetryDelaySchema.optional(),
  duplicateRate: z.number().min(0).max(1).optional(),
  reorder: z.boolean().optional(),
  random: z.custom<() => number>((v) => typeof v === 'function').optional(),
});

const NameSchema = z.string().regex(BROKER_NAME_PATTERN, `must be ${BROKER_NAME_RULE}`);

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw invalidArgument(WHERE, `invalid ${what}: ${z.prettifyError(result.error)}`, result.error);
  }
  return result.data;
}

/** Subscribe options by the shared rules; the dead-letter topic must be a valid topic name too. */
function subscribeOptions(options: unknown): z.infer<typeof SubscribeOptionsSchema> {
  const o = parse(SubscribeOptionsSchema, options, 'subscribe options');
  if (o.deadLetterTopic !== undefined) parse(NameSchema, o.deadLetterTopic, 'dead-letter topic name');
  return o;
}

interface StoredMessage {
  id: string;
  data: Uint8Array;
  attributes: Record<string, string>;
  orderingKey?: string;
  publishTime: Date;
}

interface Lease {
  id: number;
  timer?: ReturnType<typeof setTimeout>;
}

interface Entry {
  seq: number;
  message: StoredMessage;
  attempts: number;
  availableAt: number;
  lease: Lease | null;
}

interface Consumer {
  handler: MessageHandler;
  maxInFlight: number;
  maxBytes: number;
  running: number;
  runningBytes: number;
  onError?: SubscribeOptions['onError'];
  handlers: Set<Promise<void>>;
}

interface SubscriptionConfig {
  ordered: boolean;
  maxDeliveryAttempts?: number;
  deadLetterTopic?: string;
  retryDelayMs: { min: number; max: number };
  ackDeadlineMs: number;
  onError?: SubscribeOptions['onError'];
}

interface SubState {
  name: string;
  topic: string;
  /** Insertion order = publish order; a nacked entry keeps its place so its key stays blocked. */
  entries: Map<number, Entry>;
  consumers: Consumer[];
  config: SubscriptionConfig;
  nextConsumer: number;
  wakeTimer?: ReturnType<typeof setTimeout>;
  wakeAt: number;
  dispatchQueued: boolean;
}

/**
 * Create an in-memory broker. Semantics follow Pub/Sub: a subscription only receives messages
 * published after it exists; it keeps them while no handler is attached; several subscriptions
 * on a topic each get every message; handlers attached to one subscription compete for messages.
 */
export function createMemoryBroker(options: MemoryBrokerOptions = {}): MemoryBroker {
  const opts = parse(OptionsSchema, options, 'options');
  const random = opts.random ?? Math.random;
  const defaults = {
    ackDeadlineMs: opts.ackDeadlineMs ?? 60_000,
    retryDelayMs: opts.retryDelayMs ?? { min: 10, max: 10_000 },
  };
  let duplicateRate = opts.duplicateRate ?? 0;
  let reorder = opts.reorder ?? false;

  const topics = new Map<string, Set<SubState>>();
  const subs = new Map<string, SubState>();
  const openHandles = new Set<{ close(): Promise<void> }>();
  const idleWaiters = new Set<() => void>();
  const stats: MemoryBrokerStats = {
    published: 0,
    delivered: 0,
    acked: 0,
    nacked: 0,
    expired: 0,
    staleAcks: 0,
    lostAcks: 0,
    deadLettered: 0,
    failedPublishes: 0,
  };
  let closed = false;
  let seq = 0;
  let leaseSeq = 0;
  const failPublishes: FailPublishOptions[] = [];
  let lostAcks = 0;

  function assertOpen(): void {
    if (closed) throw new JobkitError('CLOSED', `[${WHERE}] broker is closed`);
  }

  function topicSubs(topic: string): Set<SubState> {
    let set = topics.get(topic);
    if (!set) {
      set = new Set();
      topics.set(topic, set);
    }
    return set;
  }

  function configure(sub: SubState | undefined, o: z.infer<typeof SubscribeOptionsSchema>): SubscriptionConfig {
    const prev = sub?.config;
    return {
      ordered: o.ordered ?? prev?.ordered ?? true,
      maxDeliveryAttempts: o.maxDeliveryAttempts ?? prev?.maxDeliveryAttempts,
      deadLetterTopic: o.deadLetterTopic ?? prev?.deadLetterTopic,
      retryDelayMs: o.retryDelayMs ?? prev?.retryDelayMs ?? defaults.retryDelayMs,
      ackDeadlineMs: o.ackDeadlineMs ?? prev?.ackDeadlineMs ?? defaults.ackDeadlineMs,
      onError: o.onError ?? prev?.onError,
    };
  }

  function ensureSub(topic: string, name: string, o: z.infer<typeof SubscribeOptionsSchema>): SubState {
    if (o.deadLetterTopic !== undefined && (topics.get(o.deadLetterTopic)?.size ?? 0) === 0) {
      // A dead-letter topic nobody subscribes to silently loses poison messages: refuse up front.
      throw new JobkitError(
        'BROKER_FAILED',
        `[${WHERE}] dead-letter topic "${o.deadLetterTopic}" has no subscription; create one first (ensureSubscription) or dead-lettered messages are lost`,
        { retryable: false, details: { deadLetterTopic: o.deadLetterTopic } },
      );
    }
    const existing = subs.get(name);
    if (existing) {
      if (existing.topic !== topic) {
        throw invalidArgument(WHERE, `subscription "${name}" belongs to topic "${existing.topic}", not "${topic}"`);
      }
      existing.config = configure(existing, o);
      return existing;
    }
    const sub: SubState = {
      name,
      topic,
      entries: new Map(),
      consumers: [],
      config: configure(undefined, o),
      nextConsumer: 0,
      wakeAt: Infinity,
      dispatchQueued: false,
    };
    subs.set(name, sub);
    topicSubs(topic).add(sub);
    return sub;
  }

  function accept(topic: string, messages: readonly PublishMessage[]): string[] {
    const now = Date.now();
    const targets = topics.get(topic);
    const ids: string[] = [];
    for (const m of messages) {
      const id = String(++seq);
      // Copy so later mutation of the caller's buffers cannot change what was "sent".
      const stored: StoredMessage = {
        id,
        data: Uint8Array.from(m.data),
        attributes: { ...m.attributes },
        publishTime: new Date(now),
        ...(m.orderingKey === undefined ? {} : { orderingKey: m.orderingKey }),
      };
      ids.push(id);
      stats.published++;
      if (targets) {
        for (const sub of targets) {
          const entrySeq = ++seq;
          sub.entries.set(entrySeq, { seq: entrySeq, message: stored, attempts: 0, availableAt: now, lease: null });
        }
      }
    }
    if (targets) for (const sub of targets) dispatch(sub);
    return ids;
  }

  function backoff(config: SubscriptionConfig, attempt: number): number {
    const { min, max } = config.retryDelayMs;
    return Math.min(max, min * 2 ** Math.min(attempt - 1, 30));
  }

  function pickConsumer(sub: SubState, size: number): Consumer | undefined {
    const n = sub.consumers.length;
    for (let i = 0; i < n; i++) {
      const c = sub.consumers[(sub.nextConsumer + i) % n];
      if (!c || c.running >= c.maxInFlight) continue;
      // One oversized message must still flow when nothing else is running, or it would wedge forever.
      if (c.running > 0 && c.runningBytes + size > c.maxBytes) continue;
      sub.nextConsumer = (sub.nextConsumer + i + 1) % n;
      return c;
    }
    return undefined;
  }

  /** Coalesce the many acks of one tick into one scan of the backlog. */
  function scheduleDispatch(sub: SubState): void {
    if (sub.dispatchQueued) return;
    sub.dispatchQueued = true;
    queueMicrotask(() => {
      sub.dispatchQueued = false;
      dispatch(sub);
    });
  }

  function dispatch(sub: SubState): void {
    if (closed || sub.consumers.length === 0) return;
    const now = Date.now();
    const blockedKeys = new Set<string>();
    let wakeAt = Infinity;
    const candidates: Entry[] = [];
    // Look a little past free capacity so a shuffle has something to reorder.
    const room = reorder ? 2 * sub.consumers.reduce((n, c) => n + Math.max(0, c.maxInFlight - c.running), 0) + 8 : 0;
    for (const entry of sub.entries.values()) {
      const key = sub.config.ordered ? entry.message.orderingKey : undefined;
      if (entry.lease) {
        if (key !== undefined) blockedKeys.add(key);
        continue;
      }
      if (key !== undefined && blockedKeys.has(key)) continue;
      if (entry.availableAt > now) {
        wakeAt = Math.min(wakeAt, entry.availableAt);
        if (key !== undefined) blockedKeys.add(key);
        continue;
      }
      if (reorder) {
        if (key !== undefined) blockedKeys.add(key);
        candidates.push(entry);
        if (candidates.length >= room) break;
        continue;
      }
      const consumer = pickConsumer(sub, entry.message.data.byteLength);
      if (!consumer) break;
      if (key !== undefined) blockedKeys.add(key);
      deliver(sub, entry, consumer);
    }
    if (reorder) {
      // Only the head of each key (and unkeyed messages) are candidates, so per-key order still holds.
      for (let i = candidates.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
      }
      for (const entry of candidates) {
        const consumer = pickConsumer(sub, entry.message.data.byteLength);
        if (!consumer) break;
        deliver(sub, entry, consumer);
      }
    }
    scheduleWake(sub, wakeAt);
  }

  function scheduleWake(sub: SubState, at: number): void {
    if (at === Infinity || at >= sub.wakeAt) return;
    if (sub.wakeTimer) clearTimeout(sub.wakeTimer);
    sub.wakeAt = at;
    sub.wakeTimer = setTimeout(
      () => {
        sub.wakeTimer = undefined;
        sub.wakeAt = Infinity;
        dispatch(sub);
      },
      Math.max(0, at - Date.now()),
    );
  }

  function deliver(sub: SubState, entry: Entry, consumer: Consumer): void {
    entry.attempts++;
    const lease: Lease = { id: ++leaseSeq };
    entry.lease = lease;
    const size = entry.message.data.byteLength;
    consumer.running++;
    consumer.runningBytes += size;
    stats.delivered++;
    const m = entry.message;
    const received: ReceivedMessage = {
      id: m.id,
      data: m.data,
      attributes: { ...m.attributes },
      deliveryAttempt: entry.attempts,
      publishTime: m.publishTime,
      ...(m.orderingKey === undefined ? {} : { orderingKey: m.orderingKey }),
    };
    lease.timer = setTimeout(() => expire(sub, entry, lease, received), sub.config.ackDeadlineMs);
    const run = Promise.resolve()
      .then(() => consumer.handler(received))
      .then(
        () => settle(sub, entry, lease, consumer, size, received, undefined),
        (error: unknown) => settle(sub, entry, lease, consumer, size, received, error ?? new Error('handler rejected')),
      );
    consumer.handlers.add(run);
    void run.finally(() => consumer.handlers.delete(run));
  }

  function reportError(sub: SubState, consumer: Consumer | undefined, error: unknown, message: ReceivedMessage): void {
    const onError = consumer?.onError ?? sub.config.onError;
    try {
      onError?.(error, message);
    } catch {
      // A throwing logger must not break delivery bookkeeping.
    }
  }

  function failDelivery(sub: SubState, entry: Entry, consumer: Consumer | undefined, error: unknown, message: ReceivedMessage): void {
    reportError(sub, consumer, error, message);
    const max = sub.config.maxDeliveryAttempts;
    if (max !== undefined && entry.attempts >= max) {
      deadLetter(sub, entry, consumer, message);
    } else {
      entry.availableAt = Date.now() + backoff(sub.config, entry.attempts);
    }
  }

  function expire(sub: SubState, entry: Entry, lease: Lease, message: ReceivedMessage): void {
    if (entry.lease !== lease || closed) return;
    entry.lease = null;
    stats.expired++;
    const error = new JobkitError(
      'LEASE_EXPIRED',
      `[${WHERE}] handler for message ${message.id} on "${sub.name}" exceeded the ${sub.config.ackDeadlineMs} ms ack deadline; redelivering`,
      { details: { subscription: sub.name, messageId: message.id } },
    );
    reportError(sub, undefined, error, message);
    const max = sub.config.maxDeliveryAttempts;
    if (max !== undefined && entry.attempts >= max) deadLetter(sub, entry, undefined, message);
    dispatch(sub);
  }

  function settle(
    sub: SubState,
    entry: Entry,
    lease: Lease,
    consumer: Consumer,
    size: number,
    message: ReceivedMessage,
    error: unknown,
  ): void {
    consumer.running--;
    consumer.runningBytes -= size;
    if (entry.lease !== lease) {
      // The lease expired and the message went to someone else; like Pub/Sub, a late ack is a no-op.
      if (error === undefined) stats.staleAcks++;
    } else {
      clearTimeout(lease.timer);
      entry.lease = null;
      if (error === undefined) {
        if (lostAcks > 0 || (duplicateRate > 0 && random() < duplicateRate)) {
          if (lostAcks > 0) lostAcks--;
          stats.lostAcks++;
          entry.availableAt = Date.now();
        } else {
          stats.acked++;
          sub.entries.delete(entry.seq);
        }
      } else {
        stats.nacked++;
        failDelivery(sub, entry, consumer, error, message);
      }
    }
    scheduleDispatch(sub);
    checkIdle();
  }

  function deadLetter(sub: SubState, entry: Entry, consumer: Consumer | undefined, message: ReceivedMessage): void {
    sub.entries.delete(entry.seq);
    stats.deadLettered++;
    const dlt = sub.config.deadLetterTopic;
    if (dlt) {
      accept(dlt, [
        {
          data: entry.message.data,
          attributes: {
            ...entry.message.attributes,
            [DEAD_LETTER_ATTRIBUTES.sourceSubscription]: sub.name,
            [DEAD_LETTER_ATTRIBUTES.deliveryCount]: String(entry.attempts),
          },
          ...(entry.message.orderingKey === undefined ? {} : { orderingKey: entry.message.orderingKey }),
        },
      ]);
    } else {
      reportError(
        sub,
        consumer,
        new JobkitError(
          'BROKER_FAILED',
          `[${WHERE}] message ${message.id} on "${sub.name}" dropped after ${entry.attempts} delivery attempts (no dead-letter topic)`,
          { retryable: false, details: { subscription: sub.name, messageId: message.id } },
        ),
        message,
      );
    }
  }

  function isIdle(): boolean {
    for (const sub of subs.values()) if (sub.consumers.length > 0 && sub.entries.size > 0) return false;
    return true;
  }

  function checkIdle(): void {
    if (idleWaiters.size === 0 || !isIdle()) return;
    for (const resolve of [...idleWaiters]) resolve();
  }

  return {
    name: opts.name ?? 'memory',

    async publish(topic, messages) {
      await Promise.resolve();
      assertOpen();
      parse(NameSchema, topic, 'topic name');
      const list = parse(z.array(PublishMessageSchema), messages, 'messages') as PublishMessage[];
      const fault = failPublishes.shift();
      if (fault) {
        stats.failedPublishes++;
        if (fault.ambiguous) accept(topic, list);
        throw (
          fault.error ??
          new JobkitError(
            'BROKER_FAILED',
            `[${WHERE}] injected publish failure on "${topic}"${fault.ambiguous ? ' (messages were accepted)' : ''}`,
          )
        );
      }
      return accept(topic, list);
    },

    async ensureSubscription(topic, subscription, options = {}) {
      await Promise.resolve();
      assertOpen();
      parse(NameSchema, topic, 'topic name');
      parse(NameSchema, subscription, 'subscription name');
      ensureSub(topic, subscription, subscribeOptions(options));
    },

    async subscribe(topic, subscription, handler, options = {}) {
      await Promise.resolve();
      assertOpen();
      parse(NameSchema, topic, 'topic name');
      parse(NameSchema, subscription, 'subscription name');
      if (typeof handler !== 'function') throw invalidArgument(WHERE, 'handler must be a function');
      const o = subscribeOptions(options);
      const sub = ensureSub(topic, subscription, o);
      const consumer: Consumer = {
        handler,
        maxInFlight: o.maxInFlight ?? 100,
        maxBytes: o.maxInFlightBytes ?? 100 * 1024 * 1024,
        running: 0,
        runningBytes: 0,
        onError: o.onError,
        handlers: new Set(),
      };
      sub.consumers.push(consumer);
      let closing: Promise<void> | undefined;
      const handle: Subscription = {
        topic,
        name: subscription,
        close() {
          closing ??= (async () => {
            sub.consumers = sub.consumers.filter((c) => c !== consumer);
            // Wait for late arrivals too: a handler's settle may start nothing new, but loop until quiet.
            while (consumer.handlers.size > 0) await Promise.allSettled([...consumer.handlers]);
            openHandles.delete(handle);
            if (sub.consumers.length === 0 && sub.wakeTimer) {
              clearTimeout(sub.wakeTimer);
              sub.wakeTimer = undefined;
              sub.wakeAt = Infinity;
            }
            checkIdle();
          })();
          return closing;
        },
      };
      openHandles.add(handle);
      dispatch(sub);
      return handle;
    },

    async close() {
      if (closed) return;
      await Promise.all([...openHandles].map((h) => h.close()));
      closed = true;
      for (const sub of subs.values()) {
        if (sub.wakeTimer) clearTimeout(sub.wakeTimer);
        for (const entry of sub.entries.values()) if (entry.lease) clearTimeout(entry.lease.timer);
      }
      checkIdle();
    },

    failNextPublish(count = 1, failOptions = {}) {
      for (let i = 0; i < count; i++) failPublishes.push(failOptions);
    },

    loseNextAcks(count = 1) {
      lostAcks += count;
    },

    setDuplicateRate(rate) {
      duplicateRate = parse(z.number().min(0).max(1), rate, 'duplicate rate');
    },

    setReorder(enabled) {
      reorder = enabled === true;
    },

    backlog(subscription) {
      return subs.get(subscription)?.entries.size ?? 0;
    },

    idle({ timeoutMs = 30_000 } = {}) {
      if (isIdle()) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          idleWaiters.delete(done);
          resolve();
        };
        const timer = setTimeout(() => {
          idleWaiters.delete(done);
          reject(new JobkitError('BROKER_FAILED', `[${WHERE}] not idle after ${timeoutMs} ms`, { retryable: false }));
        }, timeoutMs);
        idleWaiters.add(done);
      });
    },

    stats() {
      return { ...stats };
    },
  };
}
