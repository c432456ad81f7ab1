/**
 * Per-client token buckets for the HTTP API: each IP gets `burst` tokens refilled at `perSecond`;
 * an empty bucket means 429 with `Retry-After`. Buckets live in an LRU so a flood of distinct
 * addresses cannot grow memory without bound.
 * @module
 */
import { LRUCache } from 'lru-cache';

export interface RateLimitOptions {
  /** Tokens added per second. @default 20 */
  perSecond?: number;
  /** Bucket size (largest burst). @default 60 */
  burst?: number;
  /** Clients tracked at once (least recently seen are forgotten, i.e. start full). @default 10000 */
  maxClients?: number;
  /** Clock in ms, for tests. @default Date.now */
  now?: () => number;
}

interface RateDecision {
  allowed: boolean;
  /** Whole tokens left after this request. */
  remaining: number;
  /** Seconds until one token is available (0 when allowed). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  take(client: string): RateDecision;
  readonly limit: number;
}

/** Create a token-bucket limiter. */
export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  const rate = options.perSecond ?? 20;
  const burst = options.burst ?? 60;
  const now = options.now ?? Date.now;
  const buckets = new LRUCache<string, { tokens: number; at: number }>({ max: options.maxClients ?? 10_000 });
  return {
    limit: burst,
    take(client) {
      const t = now();
      const b = buckets.get(client) ?? { tokens: burst, at: t };
      b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * rate);
      b.at = t;
      buckets.set(client, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { allowed: true, remaining: Math.floor(b.tokens), retryAfterSeconds: 0 };
      }
      return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / rate)) };
    },
  };
}
