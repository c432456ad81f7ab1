/**
 * `@jobkit/adapters/pubsub`: the {@link @jobkit/core!Broker} on Google Cloud Pub/Sub (or its
 * emulator). Takes a `PubSub` client in (structural `PubSubLike`), creates topics and subscriptions
 * on demand, publishes with batching, attributes and ordering keys, and subscribes with client-side
 * flow control, per-key serial handling, nack-on-throw and dead-lettering.
 * `@google-cloud/pubsub` is an optional peer: only types are imported at the top level.
 * @module @jobkit/adapters/pubsub
 */

export type { PubSubBroker } from './broker.js';
export { createPubSubBroker } from './broker.js';
export type { PubSubLike, PubSubMessageLike, PubSubSubscriptionLike, PubSubTopicLike } from './client.js';
export type { PubSubBrokerOptions } from './options.js';
