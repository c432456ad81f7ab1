/**
 * Errors of the Pub/Sub broker adapter: every failure is a `JobkitError` naming `adapters/pubsub`,
 * with the gRPC status code in its details.
 * @module
 */
import { invalidArgument, JobkitError } from '@jobkit/core';
import { z } from 'zod';

export const WHERE = 'adapters/pubsub';
/** gRPC ALREADY_EXISTS: a concurrent creator won the race, which is fine. */
export const ALREADY_EXISTS = 6;

/** Parse a value at the adapter's boundary; a mismatch is an `INVALID_ARGUMENT` naming `what`. */
export function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidArgument(WHERE, `invalid ${what}: ${z.prettifyError(result.error)}`, result.error);
  return result.data;
}

/** The numeric gRPC status code of a client error, if it has one. */
export function grpcCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** A `BROKER_FAILED` error carrying its cause and gRPC code; `retryable` overrides the code's default. */
export function brokerError(message: string, cause: unknown, details: Record<string, unknown> = {}, retryable?: boolean): JobkitError {
  return new JobkitError('BROKER_FAILED', `[${WHERE}] ${message}`, {
    cause,
    details: { ...details, grpcCode: grpcCode(cause) },
    ...(retryable === undefined ? {} : { retryable }),
  });
}
