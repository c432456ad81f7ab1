/**
 * Delivery helpers: event construction, outbox message shape, backoff, sagas and the
 * publish-or-compensate fallback.
 * @module
 */
export { createEvent, jobEvent, jobEventsFromChanges, changedJobFields } from './events.js';
export type { EventOptions } from './events.js';
export { backoffDelay } from './backoff.js';
export type { BackoffOptions } from './backoff.js';
export { EVENT_ID_ATTRIBUTE, EVENT_TYPE_ATTRIBUTE, eventToMessage, messageToEvent } from './outbox.js';
export type { OutboxMetrics, OutboxRelayHandle } from './outbox.js';
export { runSaga, resumeSagas, createMemorySagaLog } from './saga.js';
export type { SagaStatus, SagaStep, SagaStepMeta, SagaRecord, SagaLog, RunSagaOptions, SagaOutcome } from './saga.js';
export { publishOrCompensate } from './publish-or-compensate.js';
export type { PublishOrCompensateOptions } from './publish-or-compensate.js';
