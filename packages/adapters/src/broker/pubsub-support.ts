/**
 * Structural client types, option schemas and error helpers for the Pub/Sub broker adapter
 * (`./pubsub.ts`). No runtime import of `@google-cloud/pubsub` here.
 * @module
 */
import { JobkitError, invalidArgument } from '@jobkit/core';
import type { SubscribeOptions } from '@jobkit/core';
import { z } from 'zod';
export const WHERE = 'adapters/pubsub';
export const NAME = /^[A-Za-z][A-Za-z0-9\-_.~+%]{2,254}$/;
/** gRPC ALREADY_EXISTS: a concurrent creator won the race, which is fine. */
export const ALREADY_EXISTS = 6;

/** The slice of a Pub/Sub `Message` the adapter reads. */
export interface PubSubMessageLike {
  id: string;
  data: Uint8Array;
  attributes: Record<string, string>;
  orderingKey?: string;
  /** Only set by the server when the subscription has a dead-letter policy; 0 otherwise. */
  deliveryAttempt: number;
  publishTime: Date;
  ack(): void;
  nack(): void;
}

/** The slice of a Pub/Sub `Subscription` the adapter uses. */
export interface PubSubSubscriptionLike {
  exists(): Promise<[boolean]>;
  on(event: 'message', listener: (message: PubSubMessageLike) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(event?: string): unknown;
  close(): Promise<void>;
}

/** The slice of a Pub/Sub `Topic` the adapter uses. */
export interface PubSubTopicLike {
  readonly name: string;
  exists(): Promise<[boolean]>;
  create(): Promise<unknown>;
  createSubscription(name: string, options?: Record<string, unknown>): Promise<unknown>;
  publishMessage(message: { data: Buffer; attributes?: Record<string, string>; orderingKey?: string }): Promise<string>;
  resumePublishing(orderingKey: string): void;
  flush(): Promise<void>;
  getSubscriptions(): Promise<readonly [readonly unknown[], ...unknown[]]>;
}

/** The slice of a `PubSub` client the adapter uses; a real `PubSub` instance satisfies it. */
export interface PubSubLike {
  topic(name: string, options?: Record<string, unknown>): PubSubTopicLike;
  subscription(name: string, options?: Record<string, unknown>): PubSubSubscriptionLike;
}

export interface PubSubBrokerOptions {
  /** A `new PubSub({ projectId })` instance (it honours `PUBSUB_EMULATOR_HOST`). */
  client: PubSubLike;
  /** Prepended to every topic name, e.g. `prod-`. @default '' */
  topicPrefix?: string;
  /** Prepended to every subscription name. @default topicPrefix */
  subscriptionPrefix?: string;
  /** Create missing topics and subscriptions; when false, a missing one fails fast. @default true */
  autoCreate?: boolean;
  /** Publisher batching (messages are grouped per topic before the RPC). @default { maxMessages: 1000, maxMilliseconds: 10 } */
  publishBatching?: { maxMessages?: number; maxBytes?: number; maxMilliseconds?: number };
  /**
   * Who moves a message to `deadLetterTopic` after `maxDeliveryAttempts`:
   * `server` sets the subscription's dead-letter policy (needs IAM grants on real Pub/Sub);
   * `client` republishes it from this process and acks it, counting attempts locally when the
   * server does not report them (use on the emulator, whose dead-lettering is unreliable).
   * @default 'server'
   */
  deadLetterMode?: 'server' | 'client';
  /** Called for subscriber stream errors that are not tied to one message. @default emits a process warning */
  onStreamError?: (error: unknown, subscription: string) => void;
  /**
   * Subscriptions the producer side makes sure exist (created per `autoCreate`) before its first
   * publish to a topic, keyed by topic: `{ 'jobkit-crawl-tasks': 'jobkit-crawl-workers' }`. Pub/Sub
   * keeps a message only for subscriptions that exist when it is published, so this is how a
   * producer that starts before its consumers loses nothing.
   */
  subscriptions?: Record<string, string | readonly string[]>;
  /**
   * Refuse to publish into a topic that has no subscription at all (Pub/Sub would accept the
   * messages and drop them): `publish` rejects with `BROKER_FAILED` (retryable, `details.reason`
   * `'NO_SUBSCRIPTION'`) until a subscription exists. `false` restores fire-and-forget.
   * @default true
   */
  requireSubscription?: boolean;
}

export const OptionsSchema = z.object({
  client: z.custom<PubSubLike>(
    (v) => typeof v === 'object' && v !== null && typeof (v as PubSubLike).topic === 'function' && typeof (v as PubSubLike).subscription === 'function',
    'client must be a PubSub instance',
  ),
  topicPrefix: z.string().optional(),
  subscriptionPrefix: z.string().optional(),
  autoCreate: z.boolean().optional(),
  publishBatching: z
    .object({
      maxMessages: z.number().int().positive().max(1000).optional(),
      maxBytes: z.number().int().positive().max(10 * 1024 * 1024).optional(),
      maxMilliseconds: z.number().int().nonnegative().optional(),
    })
    .optional(),
  deadLetterMode: z.enum(['server', 'client']).optional(),
  onStreamError: z.custom<PubSubBrokerOptions['onStreamError']>((v) => typeof v === 'function').optional(),
  subscriptions: z.record(z.string(), z.union([z.string(), z.array(z.string()).readonly()])).optional(),
  requireSubscription: z.boolean().optional(),
});

export const RetryDelaySchema = z
  .object({ min: z.number().int().min(0).max(600_000), max: z.number().int().min(0).max(600_000) })
  .refine((d) => d.max >= d.min, 'max must be >= min');

export const SubscribeOptionsSchema = z.object({
  maxInFlight: z.number().int().positive().optional(),
  maxInFlightBytes: z.number().int().positive().optional(),
  // Pub/Sub accepts 5–100 delivery attempts in a dead-letter policy.
  maxDeliveryAttempts: z.number().int().min(5).max(100).optional(),
  deadLetterTopic: z.string().optional(),
  ordered: z.boolean().optional(),
  retryDelayMs: RetryDelaySchema.optional(),
  onError: z.custom<SubscribeOptions['onError']>((v) => typeof v === 'function').optional(),
  ackDeadlineMs: z.number().int().min(10_000).optional(),
});

export const PublishMessageSchema = z
  .object({
    data: z.instanceof(Uint8Array),
    attributes: z.record(z.string(), z.string()).optional(),
    orderingKey: z.string().min(1).max(1024).optional(),
  })
  .refine((m) => m.data.byteLength > 0 || Object.keys(m.attributes ?? {}).length > 0, {
    message: 'a message needs data or at least one attribute',
  });

export function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidArgument(WHERE, `invalid ${what}: ${z.prettifyError(result.error)}`, result.error);
  return result.data;
}

export function grpcCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

export function brokerError(message: string, cause: unknown, details: Record<string, unknown> = {}, retryable?: boolean): JobkitError {
  return new JobkitError('BROKER_FAILED', `[${WHERE}] ${message}`, {
    cause,
    details: { ...details, grpcCode: grpcCode(cause) },
    ...(retryable === undefined ? {} : { retryable }),
  });
}

export function toDuration(ms: number): { seconds: number; nanos: number } {
  return { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 };
}

/** Attributes a client-side dead-letter adds, named like the server's so DLQ consumers read one set. */
export const DLQ_SOURCE_SUBSCRIPTION = 'CloudPubSubDeadLetterSourceSubscription';
export const DLQ_DELIVERY_COUNT = 'CloudPubSubDeadLetterSourceDeliveryCount';

