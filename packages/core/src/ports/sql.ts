/**
 * The minimal SQL interface every SQL helper (store, outbox, inbox, queue, saga log) takes.
 * Adapters wrap a driver with `fromPg(poolOrClient)` or `fromPglite(db)`.
 * @module
 */

export interface SqlResult<R> {
  rows: R[];
  rowCount: number;
}

/**
 * What an executor's engine can do. SQL helpers branch on these flags, never on an engine's name,
 * so an executor for another PostgreSQL-compatible engine says what it supports.
 */
export interface SqlCapabilities {
  /** `NOTIFY` at commit reaches `LISTEN`ers in other sessions, as on a database server. */
  readonly listenNotify: boolean;
  /** Statements may run at the same time (a pool of connections); false when they queue on one connection. */
  readonly parallelStatements: boolean;
  /**
   * The engine runs inside this process (PGlite): it shares the application's memory, so writes
   * go in smaller batches, and it runs no autovacuum, so long-lived writers vacuum themselves.
   */
  readonly embedded: boolean;
}

/** A database server reached through a pool (node-postgres `Pool`). */
export const SERVER_POOL_CAPABILITIES: SqlCapabilities = { listenNotify: true, parallelStatements: true, embedded: false };
/** One connection to a database server (a node-postgres `Client`, or a transaction). */
export const SERVER_CLIENT_CAPABILITIES: SqlCapabilities = { listenNotify: true, parallelStatements: false, embedded: false };
/** An engine embedded in the process (PGlite). */
export const EMBEDDED_CAPABILITIES: SqlCapabilities = { listenNotify: false, parallelStatements: false, embedded: true };

export interface SqlExecutor {
  /**
   * Which engine runs the SQL.
   * @deprecated Read {@link SqlExecutor.capabilities} (through `sqlCapabilities(executor)`): the
   * helpers branch on what an engine can do, not on its name. Still set by `fromPg` (`'postgres'`)
   * and `fromPglite` (`'pglite'`).
   */
  readonly dialect?: 'postgres' | 'pglite';
  /**
   * What the engine can do. Optional so executors written before it keep working: read it with
   * `sqlCapabilities(executor)`, which falls back on the deprecated `dialect`.
   */
  readonly capabilities?: SqlCapabilities;
  /** True when this executor is bound to an open transaction. */
  readonly inTransaction: boolean;
  /** Run one parameterized statement (`$1`, `$2`, …). */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<SqlResult<R>>;
  /**
   * Run `fn` in a transaction and commit when it resolves (roll back when it throws).
   * When this executor is already in a transaction, `fn` joins it: no nested BEGIN, the
   * caller's transaction decides. This is what lets the outbox write with the caller's rows.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

/**
 * The capabilities of `executor`: its own, else those its deprecated `dialect` implies — `'pglite'`
 * embedded, `'postgres'` a server pool (what the helpers assumed of it before capabilities
 * existed), neither one server connection (the cautious reading).
 */
export function sqlCapabilities(executor: Pick<SqlExecutor, 'capabilities' | 'dialect'>): SqlCapabilities {
  if (executor.capabilities) return executor.capabilities;
  if (executor.dialect === 'pglite') return EMBEDDED_CAPABILITIES;
  return executor.dialect === 'postgres' ? SERVER_POOL_CAPABILITIES : SERVER_CLIENT_CAPABILITIES;
}
