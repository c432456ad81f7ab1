/**
 * The minimal SQL interface every SQL helper (store, outbox, inbox, queue, saga log) takes.
 * Adapters wrap a driver with `fromPg(poolOrClient)` or `fromPglite(db)`.
 * @module
 */

export interface SqlResult<R> {
  rows: R[];
  rowCount: number;
}

export interface SqlExecutor {
  /** Which engine runs the SQL (some features, e.g. LISTEN/NOTIFY, differ). */
  readonly dialect: 'postgres' | 'pglite';
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
