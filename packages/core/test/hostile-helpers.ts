/**
 * Shared by the hostile-input tests of every package: the assertion that a call ends in a typed
 * `INVALID_ARGUMENT` (optionally with a given cause), and an object whose getter throws.
 */
import { expect } from 'vitest';
import { JobkitError } from '../src/index.js';

/** Runs `run` and expects `INVALID_ARGUMENT` from it, with `cause` as the error's cause when given. */
export function expectInvalid(name: string, run: () => unknown, cause?: unknown): JobkitError {
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(JobkitError.is(error, 'INVALID_ARGUMENT'), `${name}: ${String(error)}`).toBe(true);
  if (cause !== undefined) expect((error as Error).cause, name).toBe(cause);
  return error as JobkitError;
}

/** A copy of `base` whose enumerable property `key` throws `error` when read. */
export function throwingGetter(key: string, error: Error, base: object = {}): Record<string, unknown> {
  return Object.defineProperty({ ...base }, key, {
    enumerable: true,
    get() {
      throw error;
    },
  });
}
