/**
 * Typed board errors: what can go wrong when reading an ATS board API, one class per outcome a
 * caller handles differently (drop the board, retry later, look again, fix the client).
 * All are {@link JobkitError}s, so `JobkitError.is(err, 'BOARD_NOT_FOUND')` works across copies.
 * @module
 */

import type { JobkitErrorOptions } from '@jobkit/core';
import { JobkitError } from '@jobkit/core';

/** The board does not exist: 404/410, or a 200 that is an HTML "not found" page instead of data. */
export class BoardNotFound extends JobkitError {
  override readonly name = 'BoardNotFound';
  constructor(message: string, options: JobkitErrorOptions = {}) {
    super('BOARD_NOT_FOUND', message, options);
  }
}

/** The board answered with no data at all (empty body), or has no jobs when the caller required some. */
export class BoardEmpty extends JobkitError {
  override readonly name = 'BoardEmpty';
  constructor(message: string, options: JobkitErrorOptions = {}) {
    super('BOARD_EMPTY', message, options);
  }
}

/** The vendor refused us (401/403/451, or 429 still after the fetcher's retries). Retryable later. */
export class Blocked extends JobkitError {
  override readonly name = 'Blocked';
  constructor(message: string, options: JobkitErrorOptions = {}) {
    super('BOARD_BLOCKED', message, options);
  }
}

/** The board could not be read to completion and the caller asked for all or nothing. */
export class Truncated extends JobkitError {
  override readonly name = 'Truncated';
  constructor(message: string, options: JobkitErrorOptions = {}) {
    super('BOARD_TRUNCATED', message, options);
  }
}

/** The response no longer has the shape this client was written for (schema mismatch, 400/422, not JSON). */
export class EndpointChanged extends JobkitError {
  override readonly name = 'EndpointChanged';
  constructor(message: string, options: JobkitErrorOptions = {}) {
    super('BOARD_ENDPOINT_CHANGED', message, options);
  }
}
