/**
 * The structural slice of the `typesense` client the adapter uses (so no vendor type leaks), its
 * lazy loading from a URL, and how client failures become `JobkitError`s (which are retryable).
 * @module
 */
import { JobkitError } from '@jobkit/core';
import type { TypesenseCollectionSchema } from './schema.js';

export const WHERE = 'adapters/typesense';

/** The part of the `typesense` `Client` this adapter uses (structural, so no vendor type leaks). */
export interface TypesenseClientLike {
  collections(): { create(schema: TypesenseCollectionSchema): Promise<unknown> };
  collections(name: string): {
    retrieve(): Promise<unknown>;
    documents(): {
      import(documents: string, options?: Record<string, unknown>): Promise<unknown>;
      search(params: Record<string, unknown>): Promise<unknown>;
      delete(query?: { filter_by?: string }): Promise<unknown>;
    };
  };
  /** Closed by `close()` only when the index owns the client (`ownsClient`). */
  close?(): unknown;
  /** `POST /multi_search` (the client's `multiSearch.perform`); without it the searches go one by one. */
  multiSearch?: {
    perform(request: { searches: Record<string, unknown>[] }, common?: Record<string, unknown>): Promise<unknown>;
  };
}

/** The HTTP status a `typesense` client error carries, if any. */
export const httpStatusOf = (error: unknown): number | undefined => {
  const status = (error as { httpStatus?: unknown } | null)?.httpStatus;
  return typeof status === 'number' ? status : undefined;
};
/** Transport failures (no status) and 408/429/5xx are worth retrying; other statuses are permanent. */
export const retryableStatus = (status: number | undefined) => status === undefined || status === 408 || status === 429 || status >= 500;

/** A client failure as a `SEARCH_FAILED` error: retryable on transport errors, 408, 429 and 5xx. */
export function typesenseError(what: string, cause: unknown, collection: string): JobkitError {
  if (JobkitError.is(cause)) return cause;
  const status = httpStatusOf(cause);
  const message = cause instanceof Error ? cause.message : String(cause);
  return new JobkitError('SEARCH_FAILED', `[${WHERE}] ${what} failed${status ? ` (HTTP ${status})` : ''}: ${message}`, {
    cause,
    retryable: retryableStatus(status),
    details: { collection, status },
  });
}

/** Build a client from a URL; the `typesense` package is imported only here, on first use. */
export async function loadClient(url: string, apiKey: string): Promise<TypesenseClientLike> {
  let mod: { Client?: new (o: object) => unknown; default?: { Client?: new (o: object) => unknown } };
  try {
    mod = (await import('typesense')) as typeof mod;
  } catch (cause) {
    throw new JobkitError('DEPENDENCY_MISSING', `[${WHERE}] install the "typesense" package or pass a client`, { cause });
  }
  const Client = mod.Client ?? mod.default?.Client;
  if (!Client) throw new JobkitError('DEPENDENCY_MISSING', `[${WHERE}] the "typesense" package has no Client export`);
  const u = new URL(url);
  return new Client({
    nodes: [{ host: u.hostname, port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)), protocol: u.protocol.slice(0, -1) }],
    apiKey,
    connectionTimeoutSeconds: 10,
  }) as TypesenseClientLike;
}
