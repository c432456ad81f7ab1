/**
 * The client-in options the Postgres adapters share — `client` (the executor to run on), its
 * deprecated name `db`, and `ownsClient` — and the rule behind them: an adapter closes only a
 * client it was handed ownership of, never one the caller still uses.
 * @module
 */
import { invalidArgument, type SqlExecutor } from '@jobkit/core';

/** How a Postgres adapter gets its executor. Pass `client` (or, deprecated, `db`). */
export interface PostgresClientOptions {
  /**
   * The executor to run on, from `fromPg`, `fromPglite` or `connectPostgres`; it may be bound to
   * the caller's transaction. Required unless the deprecated `db` is given.
   */
  client?: SqlExecutor;
  /** @deprecated Renamed `client` (the same executor), as in every other adapter. */
  db?: SqlExecutor;
}

/** For adapters with a `close()`: whether it closes the executor too. */
export interface PostgresOwnedClientOptions extends PostgresClientOptions {
  /**
   * Close `client` in the adapter's `close()` (a `connectPostgres` connection has a `close`).
   * @default false (the caller created it, the caller closes it)
   */
  ownsClient?: boolean;
}

/** The executor of `options` (`client`, else the deprecated `db`), or `INVALID_ARGUMENT` naming `where`. */
export function takeClient(options: PostgresClientOptions | undefined, where: string): SqlExecutor {
  const client = options?.client ?? options?.db;
  if (!client || typeof client.query !== 'function') throw invalidArgument(where, 'client (an SqlExecutor) is required');
  return client;
}

/** Closes the executor once, and only when the adapter owns it. */
export function clientCloser(client: SqlExecutor, options: PostgresOwnedClientOptions): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    if (!options.ownsClient) return Promise.resolve();
    const close = (client as { close?: () => Promise<void> }).close;
    return (done ??= typeof close === 'function' ? close.call(client) : Promise.resolve());
  };
}
