/**
 * The rules every `Broker` applies alike — resource names, the bounds of subscribe options,
 * what a published message must hold, and the attributes of a dead-lettered message — written once
 * here for the memory broker and the Pub/Sub adapter. Google Pub/Sub's documented limits are the
 * rule, so what the memory broker accepts in a test is what Pub/Sub accepts in production.
 * @module
 */
import { z } from 'zod';
import type { SubscribeOptions } from './ports/broker.js';

/** Topic and subscription names: Pub/Sub's rule (3–255 characters, a letter first). */
export const BROKER_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9\-_.~+%]{2,254}$/;

/** {@link BROKER_NAME_PATTERN} in words, for error messages. */
export const BROKER_NAME_RULE = '3–255 chars, start with a letter, [A-Za-z0-9-_.~+%]';

/** Whether `name` is a valid topic or subscription name. */
export function isBrokerName(name: string): boolean {
  return BROKER_NAME_PATTERN.test(name);
}

/** `maxDeliveryAttempts` bounds: a Pub/Sub dead-letter policy takes 5–100 attempts. */
export const DELIVERY_ATTEMPTS = { min: 5, max: 100 } as const;

/** Upper bound of `retryDelayMs.min` / `.max`: a Pub/Sub retry policy backs off at most 600 s. */
export const MAX_RETRY_DELAY_MS = 600_000;

/** Lower bound of a subscription's `ackDeadlineMs`: Pub/Sub's shortest ack deadline is 10 s. */
export const MIN_ACK_DEADLINE_MS = 10_000;

/** Longest ordering key, as Pub/Sub allows. */
export const MAX_ORDERING_KEY_LENGTH = 1024;

/**
 * Attributes added to a dead-lettered message. They carry Pub/Sub's names so dead-letter consumers
 * read the same fields whichever broker runs underneath.
 */
export const DEAD_LETTER_ATTRIBUTES = {
  sourceSubscription: 'CloudPubSubDeadLetterSourceSubscription',
  deliveryCount: 'CloudPubSubDeadLetterSourceDeliveryCount',
} as const;

/** `retryDelayMs` of {@link SubscribeOptions}: whole milliseconds, `min <= max`, each at most {@link MAX_RETRY_DELAY_MS}. */
export const RetryDelaySchema = z
  .object({ min: z.number().int().min(0).max(MAX_RETRY_DELAY_MS), max: z.number().int().min(0).max(MAX_RETRY_DELAY_MS) })
  .refine((d) => d.max >= d.min, 'max must be >= min');

/**
 * {@link SubscribeOptions} as every broker checks them. `deadLetterTopic` is checked by the broker
 * against {@link BROKER_NAME_PATTERN} once its own prefix (if any) is applied.
 */
export const SubscribeOptionsSchema = z.object({
  maxInFlight: z.number().int().positive().optional(),
  maxInFlightBytes: z.number().int().positive().optional(),
  maxDeliveryAttempts: z.number().int().min(DELIVERY_ATTEMPTS.min).max(DELIVERY_ATTEMPTS.max).optional(),
  deadLetterTopic: z.string().min(1).optional(),
  ordered: z.boolean().optional(),
  retryDelayMs: RetryDelaySchema.optional(),
  onError: z.custom<SubscribeOptions['onError']>((v) => typeof v === 'function').optional(),
  ackDeadlineMs: z.number().int().min(MIN_ACK_DEADLINE_MS).optional(),
});

/** A published message: bytes or at least one attribute; an ordering key of 1–{@link MAX_ORDERING_KEY_LENGTH} characters. */
export const PublishMessageSchema = z
  .object({
    data: z.instanceof(Uint8Array),
    attributes: z.record(z.string(), z.string()).optional(),
    orderingKey: z.string().min(1).max(MAX_ORDERING_KEY_LENGTH).optional(),
  })
  .refine((m) => m.data.byteLength > 0 || Object.keys(m.attributes ?? {}).length > 0, {
    message: 'a message needs data or at least one attribute',
  });
