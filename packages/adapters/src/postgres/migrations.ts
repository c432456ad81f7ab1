/**
 * Versioned, idempotent migrations for every Jobkit table, in their own schema. Concurrent
 * migrators serialize on an advisory lock; applied versions are recorded in `jobkit_migrations`.
 * @module
 */
import { invalidArgument, JobkitError, type SqlExecutor } from '@jobkit/core';
import { quoteIdent } from './executor.js';

/** Default schema of all Jobkit tables. */
export const DEFAULT_SCHEMA = 'jobkit';

/** Validate a schema name and return it quoted. @throws JobkitError `INVALID_ARGUMENT` */
export function schemaIdent(schema: string = DEFAULT_SCHEMA): string {
  if (typeof schema !== 'string' || !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw invalidArgument('adapters/postgres', `schema must match /^[a-z_][a-z0-9_]{0,62}$/, got ${JSON.stringify(schema)}`);
  }
  return quoteIdent(schema);
}

interface Migration {
  version: number;
  name: string;
  up: (s: string) => string[];
}

/** Append-only: never edit a released migration, add a new version. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'crawl tables (companies, discovered_urls, crawl_queue)',
    up: (s) => [
      `CREATE TABLE ${s}.companies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        domain text UNIQUE NOT NULL,
        name text,
        last_crawled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now())`,
      `CREATE INDEX companies_last_crawled_idx ON ${s}.companies (last_crawled_at)`,
      `CREATE TABLE ${s}.discovered_urls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid REFERENCES ${s}.companies(id) ON DELETE CASCADE,
        url text NOT NULL UNIQUE,
        url_type text CHECK (url_type IN ('career_page', 'job_board', 'ats')),
        discovered_via text,
        priority integer NOT NULL DEFAULT 5,
        crawled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now())`,
      `CREATE INDEX discovered_urls_company_idx ON ${s}.discovered_urls (company_id)`,
      `CREATE INDEX discovered_urls_crawled_idx ON ${s}.discovered_urls (crawled)`,
      `CREATE TABLE ${s}.crawl_queue (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL,
        priority integer NOT NULL DEFAULT 5,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_attempt_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now())`,
      `CREATE INDEX crawl_queue_status_idx ON ${s}.crawl_queue (status, priority)`,
    ],
  },
  {
    version: 2,
    name: 'jobs',
    up: (s) => [
      `CREATE TABLE ${s}.jobs (
        id text PRIMARY KEY,
        url_hash text NOT NULL UNIQUE,
        url text NOT NULL,
        title text NOT NULL,
        company_name text NOT NULL,
        company_domain text,
        countries text[] NOT NULL DEFAULT '{}',
        workplace_type text,
        employment_types text[] NOT NULL DEFAULT '{}',
        ats_platform text,
        date_posted timestamptz,
        quality_score integer NOT NULL DEFAULT 0,
        payload jsonb NOT NULL,
        content_hash text NOT NULL,
        board_key text,
        first_seen_at timestamptz NOT NULL,
        removed_at timestamptz)`,
      // Replays of unchanged postings only move last_seen_at. Keeping it in a narrow table means a
      // replay never rewrites the wide jobs row (and its five index entries); fillfactor leaves
      // room for HOT updates. (Measured in bench/upsert.ts: in-row last_seen_at made a 100k replay
      // only 1.35x faster than the first insert.)
      `CREATE TABLE ${s}.job_sightings (
        url_hash text PRIMARY KEY,
        last_seen_at timestamptz NOT NULL) WITH (fillfactor = 70)`,
      `CREATE INDEX jobs_list_idx ON ${s}.jobs (first_seen_at DESC, id DESC)`,
      `CREATE INDEX jobs_board_idx ON ${s}.jobs (board_key) WHERE removed_at IS NULL`,
      `CREATE INDEX jobs_company_idx ON ${s}.jobs (lower(company_name))`,
    ],
  },
  {
    version: 3,
    name: 'outbox and inbox',
    up: (s) => [
      `CREATE TABLE ${s}.outbox (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        type text NOT NULL,
        aggregate_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        payload jsonb,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'published', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        available_at timestamptz NOT NULL DEFAULT now(),
        claimed_until timestamptz,
        claim_token uuid,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz)`,
      `CREATE INDEX outbox_pending_idx ON ${s}.outbox (seq) WHERE status = 'pending'`,
      `CREATE INDEX outbox_aggregate_idx ON ${s}.outbox (aggregate_id, seq) WHERE status <> 'published'`,
      `CREATE TABLE ${s}.inbox (
        consumer text NOT NULL,
        message_id text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, message_id))`,
      `CREATE INDEX inbox_received_idx ON ${s}.inbox (received_at)`,
    ],
  },
  {
    version: 4,
    name: 'saga log and work queue',
    up: (s) => [
      `CREATE TABLE ${s}.sagas (
        saga_id text PRIMARY KEY,
        name text NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'compensating', 'completed', 'compensated', 'compensation_failed')),
        context jsonb,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now())`,
      `CREATE INDEX sagas_unfinished_idx ON ${s}.sagas (status) WHERE status IN ('running', 'compensating')`,
      `CREATE TABLE ${s}.saga_steps (
        saga_id text NOT NULL REFERENCES ${s}.sagas(saga_id) ON DELETE CASCADE,
        step_index integer NOT NULL,
        step text NOT NULL,
        completed_at timestamptz,
        compensated_at timestamptz,
        PRIMARY KEY (saga_id, step_index))`,
      `CREATE TABLE ${s}.queue_jobs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        queue text NOT NULL,
        payload jsonb,
        priority integer NOT NULL DEFAULT 0,
        dedupe_key text,
        status text NOT NULL DEFAULT 'ready' CHECK (status IN ('ready', 'active', 'completed', 'dead')),
        run_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        max_attempts integer NOT NULL,
        lock_token uuid,
        locked_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz)`,
      `CREATE INDEX queue_jobs_ready_idx ON ${s}.queue_jobs (queue, priority DESC, run_at, id) WHERE status = 'ready'`,
      `CREATE INDEX queue_jobs_active_idx ON ${s}.queue_jobs (queue, locked_until) WHERE status = 'active'`,
      `CREATE UNIQUE INDEX queue_jobs_dedupe_idx ON ${s}.queue_jobs (queue, dedupe_key) WHERE dedupe_key IS NOT NULL AND status IN ('ready', 'active')`,
    ],
  },
  {
    version: 5,
    name: 'jobs: drop unused company index, board index only for rows with a board',
    up: (s) => [
      // The store's company filter is `lower(company_name) = $v OR lower(company_domain) = $v`; an
      // index on one side of an OR cannot serve it (EXPLAIN shows a seq scan either way), so it
      // only cost every insert an index entry. (bench/upsert.ts: part of fresh upsert vs bare COPY.)
      `DROP INDEX IF EXISTS ${s}.jobs_company_idx`,
      // Every lookup by board is `board_key = $1` (markMissing, listJobs), which implies NOT NULL,
      // so postings upserted without a board need no entry.
      `CREATE INDEX jobs_board_active_idx ON ${s}.jobs (board_key) WHERE removed_at IS NULL AND board_key IS NOT NULL`,
      `DROP INDEX IF EXISTS ${s}.jobs_board_idx`,
    ],
  },
];

export interface MigrateOptions {
  /** Schema holding every Jobkit table. @default 'jobkit' */
  schema?: string;
}

/**
 * Bring the schema up to the latest version; safe to call on every start and from several
 * processes at once. Returns the versions applied by this call.
 */
export async function migrate(db: SqlExecutor, options: MigrateOptions = {}): Promise<number[]> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const s = schemaIdent(schema);
  try {
    return await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`jobkit.migrate:${schema}`]);
      await tx.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
      await tx.query(
        `CREATE TABLE IF NOT EXISTS ${s}.jobkit_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const done = new Set(
        (await tx.query<{ version: number }>(`SELECT version FROM ${s}.jobkit_migrations`)).rows.map((r) => Number(r.version)),
      );
      const applied: number[] = [];
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        for (const statement of m.up(s)) await tx.query(statement);
        await tx.query(`INSERT INTO ${s}.jobkit_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
        applied.push(m.version);
      }
      return applied;
    });
  } catch (error) {
    if (JobkitError.is(error)) throw error;
    throw new JobkitError('STORE_FAILED', `[adapters/postgres] migration failed: ${String(error)}`, { cause: error });
  }
}

/** Drop the schema and everything in it (tests, resets). */
export async function dropSchema(db: SqlExecutor, schema: string): Promise<void> {
  await db.query(`DROP SCHEMA IF EXISTS ${schemaIdent(schema)} CASCADE`);
}
