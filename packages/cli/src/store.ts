/**
 * Opening the CLI's job store: a PGlite directory (the default, `./.jobkit/pg`) or a
 * `postgres://` URL, probed once up front so an unreachable database fails with advice instead of
 * a driver stack trace halfway through a crawl.
 * @module
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { connectPostgres, createPostgresJobStore, type PostgresConnection } from '@jobkit/adapters/postgres';
import type { JobStore } from '@jobkit/core';
import { CliFailure, errorCodes } from './errors.js';

/** Store used when neither `--store` nor `JOBKIT_STORE` says otherwise. */
const DEFAULT_STORE = './.jobkit/pg';

/** How long the first query may take before the database counts as unreachable. */
const PROBE_TIMEOUT_MS = 10_000;

export interface StoreSpec {
  /** A PGlite directory or a postgres:// URL. */
  value: string;
  /** Where the value came from, named in error messages. */
  from: '--store' | 'JOBKIT_STORE' | 'default';
}

export interface OpenedStore {
  kind: 'pglite' | 'postgres';
  /** Printable location (password removed). */
  label: string;
  store: JobStore;
  close(): Promise<void>;
}

/** `--store` wins over `JOBKIT_STORE`, which wins over {@link DEFAULT_STORE}. */
export function resolveStoreSpec(flag: string | undefined, env: NodeJS.ProcessEnv): StoreSpec {
  if (flag !== undefined && flag !== '') return { value: flag, from: '--store' };
  if (env.JOBKIT_STORE) return { value: env.JOBKIT_STORE, from: 'JOBKIT_STORE' };
  return { value: DEFAULT_STORE, from: 'default' };
}

const isPostgresUrl = (v: string) => /^postgres(ql)?:\/\//i.test(v);

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/** Turn a failed first contact with PostgreSQL into what the user should check. */
function postgresFailure(spec: StoreSpec, error: unknown): CliFailure {
  let where = 'the database';
  let db = '';
  try {
    const u = new URL(spec.value);
    where = `${u.hostname || 'localhost'}:${u.port || '5432'}`;
    db = decodeURIComponent(u.pathname.replace(/^\//, ''));
  } catch {
    /* keep the generic wording */
  }
  const codes = errorCodes(error);
  const detail = error instanceof Error ? error.message : String(error);
  const from = spec.from === 'default' ? '' : ` (from ${spec.from})`;
  if (codes.includes('ECONNREFUSED')) {
    return new CliFailure(
      `PostgreSQL at ${where}${from} refused the connection — is PostgreSQL running?`,
      'start PostgreSQL, or pass --store <dir> to use an embedded PGlite store instead',
      { cause: error },
    );
  }
  if (codes.includes('ENOTFOUND') || codes.includes('EAI_AGAIN')) {
    return new CliFailure(`the host of ${redact(spec.value)}${from} does not resolve`, 'check the host name in the postgres:// URL', {
      cause: error,
    });
  }
  if (codes.includes('28P01') || codes.includes('28000')) {
    return new CliFailure(
      `PostgreSQL at ${where}${from} rejected the credentials (${detail})`,
      'check the user and password in the postgres:// URL',
      { cause: error },
    );
  }
  if (codes.includes('3D000')) {
    return new CliFailure(
      `database "${db}" does not exist on PostgreSQL at ${where}${from}`,
      `create it first, e.g. \`createdb -h ${where.split(':')[0]} ${db || '<name>'}\``,
      { cause: error },
    );
  }
  if (codes.includes('PROBE_TIMEOUT')) {
    return new CliFailure(
      `PostgreSQL at ${where}${from} did not answer within ${PROBE_TIMEOUT_MS / 1000}s`,
      'check the host, port and any firewall in between',
      { cause: error },
    );
  }
  return new CliFailure(`could not use PostgreSQL at ${where}${from}: ${detail}`, undefined, { cause: error });
}

async function probe(conn: PostgresConnection): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('probe timed out'), { code: 'PROBE_TIMEOUT' })), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([conn.query('SELECT 1'), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Open (and migrate on first use) the job store named by `spec`.
 * @param schema Postgres schema of the Jobkit tables. @default 'jobkit'
 * @param mustExist For read-only commands: a PGlite directory that does not exist is an error
 *   (with a hint to crawl first) instead of a new empty store.
 * @throws CliFailure with advice when the store cannot be reached or opened.
 */
export async function openStore(
  spec: StoreSpec,
  { mustExist = false, schema }: { mustExist?: boolean; schema?: string } = {},
): Promise<OpenedStore> {
  if (isPostgresUrl(spec.value)) {
    const conn = await connectPostgres(spec.value, { max: 4 });
    try {
      await probe(conn);
    } catch (error) {
      await conn.close().catch(() => undefined);
      throw postgresFailure(spec, error);
    }
    const store = createPostgresJobStore({ client: conn, ...(schema ? { schema } : {}) });
    return { kind: 'postgres', label: redact(spec.value), store, close: async () => (await store.close(), await conn.close()) };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec.value) && !/^file:\/\//i.test(spec.value)) {
    throw new CliFailure(
      `${spec.from}: ${JSON.stringify(spec.value)} is neither a directory nor a postgres:// URL`,
      'pass a PGlite directory such as ./.jobkit/pg, or postgres://user@host:5432/db',
    );
  }
  const dir = resolve(spec.value.replace(/^file:\/\//i, ''));
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory())
      throw new CliFailure(`store ${dir} is a file, not a PGlite directory`, 'point --store at a directory (it is created on first crawl)');
  } else if (mustExist) {
    throw new CliFailure(
      `no store at ${dir} yet`,
      `crawl something into it first: jobkit crawl <platform:token|url> --store ${spec.value}`,
    );
  } else {
    mkdirSync(dir, { recursive: true });
  }
  let conn: PostgresConnection;
  try {
    conn = await connectPostgres(dir);
    await conn.query('SELECT 1');
  } catch (error) {
    throw new CliFailure(
      `could not open the PGlite store at ${dir}: ${error instanceof Error ? error.message : String(error)}`,
      'is another jobkit process using it? PGlite allows one process per directory',
      { cause: error },
    );
  }
  const store = createPostgresJobStore({ client: conn, ...(schema ? { schema } : {}) });
  return { kind: 'pglite', label: dir, store, close: async () => (await store.close(), await conn.close()) };
}
