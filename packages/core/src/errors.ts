/**
 * One error class for the whole SDK. `code` is a closed union so callers can switch on it;
 * `retryable` separates transport trouble (try again later) from permanent failures.
 * @module
 */

/** Every error code Jobkit raises. */
export type JobkitErrorCode =
  | 'INVALID_ARGUMENT'
  | 'VALIDATION_FAILED'
  | 'PARSE_FAILED'
  | 'UNSUPPORTED'
  | 'FETCH_TIMEOUT'
  | 'FETCH_BLOCKED'
  | 'FETCH_RATE_LIMITED'
  | 'FETCH_NETWORK'
  | 'FETCH_TOO_LARGE'
  | 'FETCH_TOO_MANY_REDIRECTS'
  | 'FETCH_ROBOTS_DISALLOWED'
  | 'FETCH_HTTP_STATUS'
  | 'TARGET_NOT_FOUND'
  | 'TARGET_EMPTY'
  | 'BOARD_NOT_FOUND'
  | 'BOARD_EMPTY'
  | 'BOARD_BLOCKED'
  | 'BOARD_TRUNCATED'
  | 'BOARD_ENDPOINT_CHANGED'
  | 'STORE_FAILED'
  | 'BROKER_FAILED'
  | 'SEARCH_FAILED'
  | 'ANALYTICS_FAILED'
  | 'LEASE_EXPIRED'
  | 'SAGA_FAILED'
  | 'ABORTED'
  | 'DEPENDENCY_MISSING'
  | 'CLOSED';

const RETRYABLE: ReadonlySet<JobkitErrorCode> = new Set([
  'FETCH_TIMEOUT',
  'FETCH_RATE_LIMITED',
  'FETCH_NETWORK',
  'BOARD_BLOCKED',
  'BROKER_FAILED',
]);

const BRAND = Symbol.for('jobkit.error');

export interface JobkitErrorOptions {
  cause?: unknown;
  /** Structured context (URL, adapter, field…) for logs; never parsed from the message. */
  details?: Record<string, unknown>;
  /** Override the default retryability of the code. */
  retryable?: boolean;
}

/** Base error for everything Jobkit throws. Messages name their origin, e.g. `[adapters/postgres] …`. */
export class JobkitError extends Error {
  override readonly name: string = 'JobkitError';
  readonly code: JobkitErrorCode;
  readonly retryable: boolean;
  readonly details: Record<string, unknown>;
  readonly [BRAND] = true;

  constructor(code: JobkitErrorCode, message: string, options: JobkitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE.has(code);
    this.details = options.details ?? {};
  }

  /** Brand check that works across duplicate copies of the package (unlike `instanceof`). */
  static is(value: unknown, code?: JobkitErrorCode): value is JobkitError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true &&
      (code === undefined || (value as JobkitError).code === code)
    );
  }
}

/** Shorthand for argument validation failures. */
export function invalidArgument(where: string, message: string, cause?: unknown): JobkitError {
  return new JobkitError('INVALID_ARGUMENT', `[${where}] ${message}`, { cause });
}

/**
 * Runs `read` (a zod `safeParse` of caller options, or any first read of a caller's object) so that
 * a getter or proxy trap that throws ends as `INVALID_ARGUMENT` naming `what`, with the thrown value
 * as `cause`, instead of escaping as itself (zod lets a getter's throw through `safeParse`). A
 * `JobkitError` thrown inside passes through unchanged.
 */
export function readArgument<T>(where: string, what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (JobkitError.is(error)) throw error;
    throw invalidArgument(where, `reading ${what} threw: ${error instanceof Error ? error.message : String(error)}`, error);
  }
}

/** Options to destructure: `undefined` or `null` is `{}`, anything else that is not an object is `INVALID_ARGUMENT` naming `name`. */
export function optionsObject<T extends object>(where: string, name: string, options: T | null | undefined): Partial<T> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') throw invalidArgument(where, `${name} must be an object, got ${typeof options}`);
  return options;
}

/** An optional `now`-like option: `undefined`, or a `Date` that holds a time; else `INVALID_ARGUMENT` naming `name`. */
export function optionalDate(where: string, name: string, value: unknown): Date | undefined {
  if (value === undefined || (value instanceof Date && !Number.isNaN(value.getTime()))) return value;
  throw invalidArgument(where, `${name} must be a valid Date`);
}
