/**
 * Options of the Pub/Sub broker adapter and the zod schema that checks them at its boundary.
 * Subscribe options, published messages and resource names follow the rules every broker shares
 * (`@jobkit/core/adapter-kit`: `SubscribeOptionsSchema`, `PublishMessageSchema`, `isBrokerName`).
 * @module
 */
import { z } from 'zod';
import type { PubSubLike } from './client.js';

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
    (v) =>
      typeof v === 'object' &&
      v !== null &&
      typeof (v as PubSubLike).topic === 'function' &&
      typeof (v as PubSubLike).subscription === 'function',
    'client must be a PubSub instance',
  ),
  ownsClient: z.boolean().optional(),
  topicPrefix: z.string().optional(),
  subscriptionPrefix: z.string().optional(),
  autoCreate: z.boolean().optional(),
  publishBatching: z
    .object({
      maxMessages: z.number().int().positive().max(1000).optional(),
      maxBytes: z
        .number()
        .int()
        .positive()
        .max(10 * 1024 * 1024)
        .optional(),
      maxMilliseconds: z.number().int().nonnegative().optional(),
    })
    .optional(),
  deadLetterMode: z.enum(['server', 'client']).optional(),
  onStreamError: z.custom<PubSubBrokerOptions['onStreamError']>((v) => typeof v === 'function').optional(),
  subscriptions: z.record(z.string(), z.union([z.string(), z.array(z.string()).readonly()])).optional(),
  requireSubscription: z.boolean().optional(),
});
