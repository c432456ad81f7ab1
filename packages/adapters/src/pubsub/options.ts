/**
 * Options of the Pub/Sub broker adapter and the zod schemas that check them at its boundary:
 * broker options, subscribe options, published messages and resource names. The subscribe and
 * message rules are the same as the memory broker's (`broker-rules.ts` in `@jobkit/core`, whose
 * dead-letter attribute names this adapter already imports); the copies here go once core exports
 * the rules themselves.
 * @module
 */
import type { SubscribeOptions } from '@jobkit/core';
import { z } from 'zod';
import type { PubSubLike } from './client.js';

/** Pub/Sub's resource-name rule for topics and subscriptions. */
export const NAME = /^[A-Za-z][A-Za-z0-9\-_.~+%]{2,254}$/;

export interface PubSubBrokerOptions {
  /** A `new PubSub({ projectId })` instance (it honours `PUBSUB_EMULATOR_HOST`). */
  client: PubSubLike;
  /**
   * Close `client` at the end of `close()` (a `PubSub` instance has a `close`).
   * @default false (the caller created the client, the caller closes it)
   */
  ownsClient?: boolean;
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
  ownsClient: z.boolean().optional(),
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
