/**
 * The "write, then publish, undo the write if publish fails" pattern (a compensating action),
 * kept for flows that cannot use an outbox. Prefer the transactional outbox: see
 * {@link publishOrCompensate}.
 * @module
 */
import { JobkitError } from '../errors.js';
import type { Broker, PublishMessage } from '../ports/broker.js';

export interface PublishOrCompensateOptions<T> {
  broker: Broker;
  topic: string;
  /** The committed state change (e.g. a DB transaction); its result feeds `messages` and `compensate`. */
  write(): Promise<T>;
  /** Messages announcing the change. */
  messages(result: T): readonly PublishMessage[];
  /** Undo `write` (must be idempotent). Runs only when publishing throws. */
  compensate(result: T, error: unknown): Promise<void>;
}

/**
 * Run `write`, publish, and run `compensate` if the publish throws; the publish error is then
 * re-thrown as `BROKER_FAILED` (with `details.compensated`).
 *
 * Caveats, which are why the outbox exists (`enqueueOutbox` + `createOutboxRelay`):
 * - **Ghost message**: a publish that timed out may still have been accepted by the broker;
 *   compensating then leaves consumers holding an event for state that no longer exists.
 * - **Zombie record**: a crash between `write` and publish leaves state with no event, and nothing
 *   retries it.
 * - The compensation itself can fail; the error then carries both failures.
 * With an outbox the row and the event commit together and a relay retries the publish, so there is
 * nothing to roll back.
 */
export async function publishOrCompensate<T>(options: PublishOrCompensateOptions<T>): Promise<{ result: T; messageIds: string[] }> {
  const result = await options.write();
  try {
    const messageIds = await options.broker.publish(options.topic, options.messages(result));
    return { result, messageIds };
  } catch (publishError) {
    try {
      await options.compensate(result, publishError);
    } catch (compensationError) {
      throw new JobkitError('SAGA_FAILED', '[core/delivery] publish failed and its compensation failed too', {
        cause: new AggregateError([publishError, compensationError]),
        details: { topic: options.topic, compensated: false },
      });
    }
    throw new JobkitError('BROKER_FAILED', '[core/delivery] publish failed; the write was compensated', {
      cause: publishError,
      details: { topic: options.topic, compensated: true },
      retryable: false,
    });
  }
}
