/**
 * Driver wrappers that turn node-postgres pools/clients and PGlite into the core `SqlExecutor`,
 * plus optional capabilities (COPY, LISTEN) the Postgres helpers use when present.
 * Only structural types here: no vendor type leaks and no vendor module is loaded.
 * @module
 */
import { JobkitError, type SqlExecutor, type SqlResult } from '@jobkit/core';
import {
  EMBEDDED_CAPABILITIES as EMBEDDED,
  SERVER_CLIENT_CAPABILITIES as SERVER_CLIENT,
  SERVER_POOL_CAPABILITIES as SERVER_POOL,
  sqlCapabilities,
} from '@jobkit/core/adapter-kit';

/** The capabilities of any executor, including one written before they existed (core's reading). */
export const capabilitiesOf: (db: SqlExecutor) => NonNullable<SqlExecutor['capabilities']> = sqlCapabilities;

/** What we use of a node-postgres `Client` / `PoolClient`. */
export interface PgClientLike {
  query(text: string, values?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>;
  /** Present on clients checked out of a pool. */
  release?(error?: Error | boolean): void;
  on?(event: string, listener: (...args: any[]) => void): unknown;
  removeListener?(event: string, listener: (...args: any[]) => void): unknown;
}

/** What we use of a node-postgres `Pool`. */
export interface PgPoolLike {
  query(text: string, values?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>;
  connect(): Promise<PgClientLike & { release(error?: Error | boolean): void }>;
  end?(): Promise<void>;
}

/** What we use of a PGlite instance (or its transaction handle). */
export interface PGliteLike {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: any): Promise<{ rows: T[]; affectedRows?: number }>;
  transaction?<T>(fn: (tx: PGliteLike) => Promise<T>): Promise<T>;
  close?(): Promise<void>;
}

/** Optional capabilities of executors built here (callers test for them). */
export interface PostgresExecutor extends SqlExecutor {
  /** Stream rows into `COPY … FROM STDIN` (node-postgres only). Resolves with the rows copied. */
  copyFrom?(sql: string, chunks: Iterable<string>): Promise<number>;
  /** Subscribe to NOTIFY on a channel through a dedicated connection (node-postgres pools only). */
  listen?(channel: string, onNotify: () => void, onError?: (error: unknown) => void): Promise<{ close(): Promise<void> }>;
}

const RETRYABLE_SQLSTATE = /^(08|57P0|53|40001|40P01)/;
const RETRYABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTCONN']);

/** SQLSTATE of a driver error (also through a wrapping JobkitError). */
export function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; details?: { sqlstate?: unknown }; cause?: unknown } | null;
  if (!e || typeof e !== 'object') return undefined;
  if (typeof e.details?.sqlstate === 'string') return e.details.sqlstate;
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  return undefined;
}

/** Driver messages of a dropped connection; substring scans, so a hostile message costs linear time. */
function lostConnection(message: string): boolean {
  const m = message.toLowerCase();
  if (m.includes('connection terminated') || m.includes('not queryable')) return true;
  const at = m.indexOf('connection');
  return at >= 0 && (m.includes('closed', at + 10) || m.includes('ended', at + 10));
}

function wrap(error: unknown, sql: string): JobkitError {
  if (JobkitError.is(error)) return error;
  const state = sqlState(error);
  const errno = (error as { code?: unknown })?.code;
  const msg = error instanceof Error ? error.message : String(error);
  const retryable =
    (state !== undefined && RETRYABLE_SQLSTATE.test(state)) ||
    (typeof errno === 'string' && RETRYABLE_ERRNO.has(errno)) ||
    lostConnection(msg);
  return new JobkitError('STORE_FAILED', `[adapters/postgres] ${msg}`, {
    cause: error,
    retryable,
    details: { sqlstate: state, sql: sql.slice(0, 200) },
  });
}

/** Serializes work on one connection (a single client cannot interleave transactions). */
function mutex() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

async function loadCopyFrom(): Promise<(sql: string) => any> {
  try {
    const mod: any = await import('pg-copy-streams');
    return (mod.from ?? mod.default?.from) as (sql: string) => any;
  } catch (cause) {
    throw new JobkitError('DEPENDENCY_MISSING', '[adapters/postgres] COPY needs pg-copy-streams: install it', { cause });
  }
}

/**
 * Join small COPY lines into ~64 KiB buffers: the driver sends every chunk as its own CopyData
 * message and socket write, so one write per row cost more CPU than serializing the row.
 */
function* coalesce(chunks: Iterable<string>, target = 64 * 1024): Generator<Buffer> {
  let parts: string[] = [];
  let size = 0;
  for (const c of chunks) {
    parts.push(c);
    size += c.length;
    if (size >= target) {
      yield Buffer.from(parts.join(''), 'utf8');
      parts = [];
      size = 0;
    }
  }
  if (size > 0) yield Buffer.from(parts.join(''), 'utf8');
}

async function copyOn(client: PgClientLike, sql: string, chunks: Iterable<string>): Promise<number> {
  const from = await loadCopyFrom();
  const { pipeline } = await import('node:stream/promises');
  const { Readable } = await import('node:stream');
  const stream = (client as unknown as { query(s: unknown): any }).query(from(sql));
  await pipeline(Readable.from(coalesce(chunks), { objectMode: false }), stream);
  return Number(stream.rowCount ?? 0);
}

function clientTx(client: PgClientLike): PostgresExecutor {
  const tx: PostgresExecutor = {
    dialect: 'postgres',
    capabilities: SERVER_CLIENT,
    inTransaction: true,
    async query<R>(sql: string, params?: readonly unknown[]): Promise<SqlResult<R>> {
      try {
        const r = await client.query(sql, params as unknown[] | undefined);
        return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
      } catch (error) {
        throw wrap(error, sql);
      }
    },
    transaction: (fn) => fn(tx),
    copyFrom: (sql, chunks) => copyOn(client, sql, chunks).catch((e) => Promise.reject(wrap(e, sql))),
  };
  return tx;
}

async function runTx<T>(
  client: PgClientLike,
  fn: (tx: SqlExecutor) => Promise<T>,
): Promise<{ value: T } | { error: unknown; broken: boolean }> {
  try {
    await client.query('BEGIN');
  } catch (error) {
    return { error: wrap(error, 'BEGIN'), broken: true };
  }
  try {
    const value = await fn(clientTx(client));
    await client.query('COMMIT');
    return { value };
  } catch (error) {
    try {
      await client.query('ROLLBACK');
      return { error, broken: false };
    } catch {
      return { error, broken: true };
    }
  }
}

export interface FromPgOptions {
  /**
   * The client is already inside a transaction the caller opened: every helper joins it.
   * @default false
   */
  inTransaction?: boolean;
}

/**
 * Wrap a node-postgres `Pool`, `Client` or checked-out `PoolClient`. For a pool, `transaction()`
 * checks out one client for its duration; a plain client serializes transactions on itself.
 */
export function fromPg(poolOrClient: PgPoolLike | PgClientLike, options: FromPgOptions = {}): PostgresExecutor {
  if (!poolOrClient || typeof (poolOrClient as PgClientLike).query !== 'function') {
    throw new JobkitError('INVALID_ARGUMENT', '[adapters/postgres] fromPg expects a pg Pool or Client');
  }
  const isPool =
    typeof (poolOrClient as PgPoolLike).connect === 'function' &&
    !('release' in poolOrClient) &&
    ('totalCount' in poolOrClient || 'idleCount' in poolOrClient);
  if (options.inTransaction) {
    if (isPool) throw new JobkitError('INVALID_ARGUMENT', '[adapters/postgres] inTransaction needs a client, not a pool');
    return clientTx(poolOrClient);
  }
  if (isPool) {
    const pool = poolOrClient as PgPoolLike;
    return {
      dialect: 'postgres',
      capabilities: SERVER_POOL,
      inTransaction: false,
      async query<R>(sql: string, params?: readonly unknown[]): Promise<SqlResult<R>> {
        try {
          const r = await pool.query(sql, params as unknown[] | undefined);
          return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
        } catch (error) {
          throw wrap(error, sql);
        }
      },
      async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
        let client: PgClientLike & { release(error?: Error | boolean): void };
        try {
          client = await pool.connect();
        } catch (error) {
          throw wrap(error, 'connect');
        }
        // A checked-out client has no pool listener: if the server goes away between statements,
        // node-postgres emits 'error' on it and an unlistened 'error' kills the process.
        let died = false;
        const onError = () => void (died = true);
        client.on?.('error', onError);
        const out = await runTx(client, fn);
        client.removeListener?.('error', onError);
        // A connection that failed ROLLBACK (or died) is destroyed, not returned to the pool.
        client.release(died || ('error' in out && out.broken) ? new Error('broken connection') : undefined);
        if ('error' in out) throw out.error;
        return out.value;
      },
      async copyFrom(sql, chunks) {
        const client = await pool.connect().catch((e) => Promise.reject(wrap(e, 'connect')));
        let died = false;
        const onError = () => void (died = true);
        client.on?.('error', onError);
        try {
          return await copyOn(client, sql, chunks);
        } catch (error) {
          died = true;
          throw wrap(error, sql);
        } finally {
          client.removeListener?.('error', onError);
          client.release(died ? new Error('broken connection') : undefined);
        }
      },
      async listen(channel, onNotify, onError) {
        const client = await pool.connect().catch((e) => Promise.reject(wrap(e, 'connect')));
        const handler = (msg: { channel?: string }) => {
          if (msg.channel === channel) onNotify();
        };
        const errorHandler = (error: unknown) => onError?.(error);
        client.on?.('notification', handler);
        client.on?.('error', errorHandler);
        try {
          await client.query(`LISTEN ${quoteIdent(channel)}`);
        } catch (error) {
          client.removeListener?.('notification', handler);
          client.release(true);
          throw wrap(error, 'LISTEN');
        }
        let closed = false;
        return {
          async close() {
            if (closed) return;
            closed = true;
            client.removeListener?.('notification', handler);
            try {
              await client.query(`UNLISTEN ${quoteIdent(channel)}`);
              client.removeListener?.('error', errorHandler);
              client.release();
            } catch {
              client.release(true);
            }
          },
        };
      },
    };
  }
  const client = poolOrClient as PgClientLike;
  const lock = mutex();
  return {
    dialect: 'postgres',
    capabilities: SERVER_CLIENT,
    inTransaction: false,
    query: <R>(sql: string, params?: readonly unknown[]) => lock(() => clientTx(client).query<R>(sql, params)),
    transaction: <T>(fn: (tx: SqlExecutor) => Promise<T>) =>
      lock(async () => {
        const out = await runTx(client, fn);
        if ('error' in out) throw out.error;
        return out.value;
      }),
    copyFrom: (sql, chunks) => lock(() => copyOn(client, sql, chunks)).catch((e) => Promise.reject(wrap(e, sql))),
  };
}

/**
 * Wrap a PGlite instance. PGlite is one in-process connection: its transactions already run one
 * at a time; nested `transaction()` calls join the open one.
 */
export function fromPglite(db: PGliteLike): PostgresExecutor {
  if (!db || typeof db.query !== 'function') {
    throw new JobkitError('INVALID_ARGUMENT', '[adapters/postgres] fromPglite expects a PGlite instance');
  }
  const make = (handle: PGliteLike, inTransaction: boolean): PostgresExecutor => {
    const self: PostgresExecutor = {
      dialect: 'pglite',
      capabilities: EMBEDDED,
      inTransaction,
      async query<R>(sql: string, params?: readonly unknown[]): Promise<SqlResult<R>> {
        try {
          const r = await handle.query<R>(sql, params as unknown[] | undefined);
          return { rows: r.rows, rowCount: Math.max(r.affectedRows ?? 0, r.rows.length) };
        } catch (error) {
          throw wrap(error, sql);
        }
      },
      async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
        if (inTransaction) return fn(self);
        if (typeof handle.transaction !== 'function') {
          throw new JobkitError('UNSUPPORTED', '[adapters/postgres] this PGlite handle has no transaction()');
        }
        return handle.transaction((tx) => fn(make(tx, true)));
      },
    };
    return self;
  };
  return make(db, false);
}

/** Quote an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** An executor that owns its driver and must be closed. */
export interface PostgresConnection extends PostgresExecutor {
  close(): Promise<void>;
}

export interface ConnectPostgresOptions {
  /** Pool size for `postgres://` URLs. @default 10 */
  max?: number;
}

/**
 * The filesystem directory behind a PGlite data-dir string, or undefined for the in-browser and
 * in-memory schemes (`idb://`, `opfs-ahp://`, `memory://`) that have none.
 */
function localDataDir(dataDir: string): string | undefined {
  if (dataDir.startsWith('file://')) return dataDir.slice('file://'.length) || undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(dataDir)) return undefined;
  return dataDir;
}

/**
 * Convenience: `postgres://…` / `postgresql://…` opens a node-postgres pool; anything else is a
 * PGlite data directory (`memory://` or empty for in-memory), created with its parents when
 * missing. The driver is imported lazily.
 * @throws JobkitError `DEPENDENCY_MISSING` when the needed driver is not installed.
 * @throws JobkitError `STORE_FAILED` when the data directory cannot be created or opened.
 */
export async function connectPostgres(urlOrPath: string, options: ConnectPostgresOptions = {}): Promise<PostgresConnection> {
  if (/^postgres(ql)?:\/\//.test(urlOrPath)) {
    let pg: any;
    try {
      pg = await import('pg');
    } catch (cause) {
      throw new JobkitError('DEPENDENCY_MISSING', '[adapters/postgres] connecting to a postgres:// URL needs `pg`: install it', { cause });
    }
    const Pool = pg.Pool ?? pg.default?.Pool;
    const pool = new Pool({ connectionString: urlOrPath, max: options.max ?? 10 });
    // Idle clients die when the server restarts; without a listener node-postgres would crash the process.
    pool.on('error', () => undefined);
    const exec = fromPg(pool as PgPoolLike);
    return Object.assign(exec, { close: () => pool.end() as Promise<void> });
  }
  let mod: any;
  try {
    mod = await import('@electric-sql/pglite');
  } catch (cause) {
    throw new JobkitError('DEPENDENCY_MISSING', '[adapters/postgres] an embedded database needs `@electric-sql/pglite`: install it', {
      cause,
    });
  }
  const dataDir = urlOrPath === '' || urlOrPath === 'memory://' ? undefined : urlOrPath;
  const fsDir = dataDir ? localDataDir(dataDir) : undefined;
  if (fsDir !== undefined) {
    // PGlite creates only the last path segment; a fresh project has no `./.jobkit` yet.
    const { mkdir } = await import('node:fs/promises');
    try {
      await mkdir(fsDir, { recursive: true });
    } catch (cause) {
      throw new JobkitError(
        'STORE_FAILED',
        `[adapters/postgres] cannot create the PGlite data directory ${JSON.stringify(fsDir)}: ` +
          'check the path and its permissions, or pass a postgres:// URL or memory://',
        { cause },
      );
    }
  }
  let db: any;
  try {
    db = dataDir ? new mod.PGlite(dataDir) : new mod.PGlite();
    await db.waitReady;
  } catch (cause) {
    if (cause instanceof JobkitError) throw cause;
    throw new JobkitError(
      'STORE_FAILED',
      `[adapters/postgres] PGlite could not open ${dataDir ? JSON.stringify(dataDir) : 'an in-memory database'}: ` +
        'is another process using the directory, or was it written by an incompatible PGlite version?',
      { cause },
    );
  }
  const exec = fromPglite(db as PGliteLike);
  return Object.assign(exec, { close: () => db.close() as Promise<void> });
}
