/**
 * The CLI's HTTP fetcher: the SDK's guarded fetcher with the SSRF guard on unless the user passes
 * `--allow-private` (crawling an intranet or a local test site is a deliberate choice).
 * @module
 */

import { createHttpFetcher } from '@jobkit/adapters/http';
import type { Fetcher } from '@jobkit/core';

export interface CliFetcherOptions {
  /** Turn the SSRF guard off so loopback and private addresses can be fetched. @default false */
  allowPrivate?: boolean;
}

export function createCliFetcher(options: CliFetcherOptions = {}): Fetcher {
  return createHttpFetcher({ ssrfGuard: options.allowPrivate !== true, retries: 2 });
}
