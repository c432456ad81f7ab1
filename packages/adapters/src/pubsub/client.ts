/**
 * The structural slice of `@google-cloud/pubsub` the broker adapter uses (so no vendor type
 * leaks and a real `PubSub` instance satisfies it), and the wire form of durations.
 * No runtime import of `@google-cloud/pubsub` here.
 * @module
 */

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
  /** Closed by the broker's `close()` only when it owns the client (`ownsClient`). */
  close?(): Promise<void>;
}

/** Milliseconds as a protobuf `Duration`. */
export function toDuration(ms: number): { seconds: number; nanos: number } {
  return { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 };
}
