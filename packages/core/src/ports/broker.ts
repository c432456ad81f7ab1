/**
 * Message broker: publish with attributes and ordering keys; subscribe with a handler whose
 * success acks and whose failure nacks (redelivery). Delivery is at-least-once: consumers dedupe.
 * @module
 */

export interface PublishMessage {
  data: Uint8Array;
  /** String attributes; Jobkit sets `jobkit-event-id` and `jobkit-event-type` on events. */
  attributes?: Record<string, string>;
  /** Messages with the same key are delivered in publish order. */
  orderingKey?: string;
}

export interface ReceivedMessage {
  /** Broker-assigned message id. */
  id: string;
  data: Uint8Array;
  attributes: Record<string, string>;
  orderingKey?: string;
  /** 1 on first delivery. */
  deliveryAttempt: number;
  publishTime: Date;
}

/** Resolve to ack; throw (or reject) to nack and have the message redelivered. */
export type MessageHandler = (message: ReceivedMessage) => Promise<void>;

export interface SubscribeOptions {
  /** Max messages handled at once. @default 100 */
  maxInFlight?: number;
  /** Max bytes of messages handled at once. @default 100 MiB */
  maxInFlightBytes?: number;
  /** After this many failed deliveries the message goes to `deadLetterTopic` (or is dropped with an error event). */
  maxDeliveryAttempts?: number;
  deadLetterTopic?: string;
  /** Deliver messages with the same ordering key in order. @default true when the broker supports it */
  ordered?: boolean;
  /** Redelivery delay after a nack (brokers may approximate). */
  retryDelayMs?: { min: number; max: number };
  /** Called when the handler throws, for logging. */
  onError?: (error: unknown, message: ReceivedMessage) => void;
  /**
   * How long a handler may run before the broker presumes it dead and redelivers the message
   * (Pub/Sub: the client's max lease extension). The late handler's ack is then ignored.
   */
  ackDeadlineMs?: number;
}

export interface Subscription {
  readonly topic: string;
  readonly name: string;
  /** Stop receiving and wait for in-flight handlers to finish. */
  close(): Promise<void>;
}

export interface Broker {
  readonly name: string;
  /** Publish messages to a topic; resolves with broker message ids once the broker has them. */
  publish(topic: string, messages: readonly PublishMessage[]): Promise<string[]>;
  /** Attach a handler to a named subscription (created on demand). Several subscriptions fan out. */
  subscribe(topic: string, subscription: string, handler: MessageHandler, options?: SubscribeOptions): Promise<Subscription>;
  /**
   * Optional capability: create the topic and a subscription without attaching a handler, so messages
   * published from now on are retained for it (e.g. a dead-letter subscription set up before traffic).
   */
  ensureSubscription?(topic: string, subscription: string, options?: SubscribeOptions): Promise<void>;
  /** Close every subscription (draining in-flight handlers) and release resources. */
  close(): Promise<void>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Encode a JSON value as message data. */
export function encodeJson(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

/** Decode message data as JSON. */
export function decodeJson<T = unknown>(data: Uint8Array): T {
  return JSON.parse(decoder.decode(data)) as T;
}
