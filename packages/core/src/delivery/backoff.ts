/**
 * Capped exponential backoff with jitter, shared by the outbox relay and the work queue.
 * @module
 */

export interface BackoffOptions {
  /** Delay before the first retry. @default 1000 */
  baseMs?: number;
  /** Upper bound of any delay. @default 300000 (5 min) */
  maxMs?: number;
  /** Fraction of the delay that is randomized (0 = none, 1 = full jitter). @default 0.5 */
  jitter?: number;
}

/**
 * Delay before retry number `attempt` (1-based): `min(max, base·2^(attempt−1))`, of which the
 * `jitter` fraction is random so retries from many workers do not synchronize.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const base = options.baseMs ?? 1000;
  const max = options.maxMs ?? 300_000;
  const jitter = Math.min(1, Math.max(0, options.jitter ?? 0.5));
  const exp = Math.min(max, base * 2 ** Math.max(0, Math.min(attempt - 1, 40)));
  return Math.round(exp * (1 - jitter) + exp * jitter * random());
}
