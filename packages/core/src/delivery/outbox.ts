/**
 * Relay-independent outbox pieces: the message shape an outbox event travels in, the relay's
 * metrics and handle types. The SQL side lives in adapters (e.g. `@jobkit/adapters/postgres`).
 * @module
 */

import { decodeJson, encodeJson, type PublishMessage, type ReceivedMessage } from '../ports/broker.js';
import type { EventEnvelope } from '../schema/events.js';

/** Message attribute carrying the outbox row id: the idempotency key consumers dedupe on. */
export const EVENT_ID_ATTRIBUTE = 'jobkit-event-id';
/** Message attribute carrying the event type, so subscribers can filter without decoding. */
export const EVENT_TYPE_ATTRIBUTE = 'jobkit-event-type';

/** The broker message for an event: JSON envelope, id/type attributes, ordering key = aggregate id. */
export function eventToMessage(event: EventEnvelope): PublishMessage {
  return {
    data: encodeJson(event),
    attributes: { [EVENT_ID_ATTRIBUTE]: event.id, [EVENT_TYPE_ATTRIBUTE]: event.type },
    orderingKey: event.aggregateId,
  };
}

/** Decode a received event; its id comes from the attribute when present (the dedupe key). */
export function messageToEvent<P = unknown>(message: Pick<ReceivedMessage, 'data' | 'attributes'>): EventEnvelope<P> {
  const event = decodeJson<EventEnvelope<P>>(message.data);
  const id = message.attributes[EVENT_ID_ATTRIBUTE];
  return id ? { ...event, id } : event;
}

/** Live counters of an outbox relay; pending figures are read from the database. */
export interface OutboxMetrics {
  /** Rows waiting to be published (including ones backing off). */
  pendingCount: number;
  /** Age of the oldest pending row; alert on this, it rises the whole time a broker is down. */
  oldestPendingAgeMs: number;
  /** Rows that exhausted `maxAttempts` and need an operator. */
  deadCount: number;
  /** Published by this relay since start. */
  published: number;
  /** Failed publish attempts by this relay since start. */
  failed: number;
}

export interface OutboxRelayHandle {
  /** Start the background loop (idempotent). */
  start(): void;
  /** Claim, publish and mark one batch; returns how many rows were published. */
  runOnce(): Promise<number>;
  /** Stop claiming, finish or release in-flight claims so no row stays claimed. */
  stop(): Promise<void>;
  metrics(): Promise<OutboxMetrics>;
}
