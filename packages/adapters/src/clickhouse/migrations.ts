/**
 * DDL of the analytics tables. Idempotent (`IF NOT EXISTS`); every table keeps a
 * `non_replicated_deduplication_window` so `insert_deduplication_token` works on plain MergeTree too.
 * @module
 */

/** Recent insert blocks remembered for deduplication per table. */
export const DEDUP_WINDOW = 10_000;

/**
 * Statements creating the database and its tables, in order.
 *
 * - `jobs`: one row per observation of a posting; `ReplacingMergeTree(updated_at)` keeps the latest
 *   per (company, url_hash) and month of observation after merges, reads use `argMax(…, updated_at)`
 *   so they are exact before. Partitioned by the month the row was observed (`first_seen`, the
 *   ingest time), like a `created_at` partition key: a batch lands in one partition, so one
 *   part. Partitioning by the posting date split every 100k batch into a part per posting month
 *   (7 on the bench data, more on real boards with old postings) and cost 1.7× the engine CPU
 *   (1M RowBinary rows with the view: 4.4 s against 2.6 s). Tables created before keep their
 *   partitioning; no read depends on it.
 * - `job_events` / `application_events`: `ReplacingMergeTree` ordered by the event id, so a
 *   redelivered event collapses on merge; reads are duplicate-insensitive (argMax, `LIMIT 1 BY event_id`).
 */
export function migrationStatements(db: string): string[] {
  const settings = `SETTINGS non_replicated_deduplication_window = ${DEDUP_WINDOW}`;
  return [
    `CREATE DATABASE IF NOT EXISTS ${db}`,
    `CREATE TABLE IF NOT EXISTS ${db}.jobs (
      url_hash String,
      job_id String,
      url String,
      company LowCardinality(String),
      title String,
      country LowCardinality(String),
      workplace_type LowCardinality(String),
      ats_platform LowCardinality(String),
      salary_currency LowCardinality(String),
      salary_period LowCardinality(String),
      salary_amount Nullable(Float64),
      salary_yearly Nullable(Float64),
      date_posted Nullable(DateTime64(3, 'UTC')),
      quality UInt8,
      first_seen DateTime64(3, 'UTC'),
      updated_at DateTime64(3, 'UTC')
    ) ENGINE = ReplacingMergeTree(updated_at)
    PARTITION BY toYYYYMM(first_seen)
    ORDER BY (company, url_hash)
    ${settings}`,
    `CREATE TABLE IF NOT EXISTS ${db}.job_events (
      event_id String,
      type LowCardinality(String),
      type_rank UInt8,
      url_hash String,
      job_id String,
      occurred_at DateTime64(3, 'UTC'),
      removed_at DateTime64(3, 'UTC')
    ) ENGINE = ReplacingMergeTree
    PARTITION BY toYYYYMM(occurred_at)
    ORDER BY (url_hash, event_id)
    ${settings}`,
    `CREATE TABLE IF NOT EXISTS ${db}.application_events (
      event_id String,
      user_id String,
      application_id String,
      job_id String,
      company String,
      type LowCardinality(String),
      status LowCardinality(String),
      previous_status LowCardinality(String),
      occurred_at DateTime64(3, 'UTC')
    ) ENGINE = ReplacingMergeTree
    ORDER BY (user_id, application_id, event_id)
    ${settings}`,
    ...jobsCurrentStatements(db),
  ];
}

/**
 * The 128-bit key of a posting in `jobs_current` (and of removed postings in reads): sorting and
 * `NOT IN` on a UInt128 are much cheaper than on the 64-char hex `url_hash`.
 */
export const URL_KEY = (column: string) => `reinterpretAsUInt128(sipHash128(${column}))`;

/**
 * Once every part of `jobs_current` is this old (ingest went quiet), the background merger folds
 * them into one, where `FINAL` has nothing left to merge (measured 2–5× faster than 5 parts at 1M).
 * Under steady ingest it never fires, so the table is not rewritten every few seconds.
 */
const FORCE_MERGE_AFTER_S = 10;

/** `SELECT` feeding `jobs_current` from `jobs` rows (the materialized view and the backfill). */
function jobsCurrentSelect(db: string): string {
  return `SELECT ${URL_KEY('url_hash')} AS key, ${currentColumns().join(', ')} FROM ${db}.jobs`;
}

/**
 * Migration 2 (additive): `jobs_current`, a narrow `ReplacingMergeTree(updated_at)` keyed by the
 * URL alone, kept by a materialized view on every insert into `jobs`. `FINAL` on it merges one
 * UInt128 key and a few LowCardinality columns instead of (company, url_hash) and every string of
 * `jobs` (measured ~2.3× faster unmerged, ~4× merged on 1M rows), and identity is the URL alone, so
 * a company rename no longer counts a posting twice. No partitions: each insert block stays one
 * part, so background merges keep the part count (and the FINAL merge work) low.
 * `jobs` stays the append-only history (first observation, argMax reads).
 *
 * The 64-char `url_hash` is not copied (reads that need it take it from `job_events`): it was a
 * third of the view's insert cost (1M rows: 5.3 s of engine CPU with it, 3.3 s without, measured
 * with `optimize_on_insert = 0`). Tables created before keep the column, filled by their old view.
 */
function jobsCurrentStatements(db: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${db}.jobs_current (
      key UInt128,
      company LowCardinality(String),
      -- titles repeat heavily across postings; the keyword filter then runs once per distinct title
      title LowCardinality(String),
      country LowCardinality(String),
      workplace_type LowCardinality(String),
      ats_platform LowCardinality(String),
      salary_currency LowCardinality(String),
      salary_period LowCardinality(String),
      salary_amount Nullable(Float64),
      salary_yearly Nullable(Float64),
      date_posted Nullable(DateTime64(3, 'UTC')),
      updated_at DateTime64(3, 'UTC')
    ) ENGINE = ReplacingMergeTree(updated_at)
    ORDER BY key
    SETTINGS min_age_to_force_merge_seconds = ${FORCE_MERGE_AFTER_S}, min_age_to_force_merge_on_partition_only = 1`,
    `CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.jobs_current_mv TO ${db}.jobs_current AS ${jobsCurrentSelect(db)}`,
  ];
}

/**
 * Backfill of `jobs_current` from rows stored before migration 2 (run once, right after the view
 * is created). Rows the view also copied meanwhile arrive twice: harmless, `FINAL` keeps one.
 */
export function jobsCurrentBackfill(db: string): string {
  return `INSERT INTO ${db}.jobs_current (key, ${currentColumns().join(', ')}) SELECT * FROM (${jobsCurrentSelect(db)})`;
}

/** Column order of each table, as the row encoders write them. */
export const JOB_COLUMNS = [
  'url_hash',
  'job_id',
  'url',
  'company',
  'title',
  'country',
  'workplace_type',
  'ats_platform',
  'salary_currency',
  'salary_period',
  'salary_amount',
  'salary_yearly',
  'date_posted',
  'quality',
  'first_seen',
  'updated_at',
] as const;
/**
 * Columns the adapter writes on ingest, with the types rows are encoded as (RowBinary on chDB,
 * TabSeparated text elsewhere): only what the dashboards read. `url`, `job_id` and `quality` keep
 * their defaults (206 instead of 274 bytes per TSV row to encode and parse in the bench).
 */
export const INGEST_JOB_STRUCTURE: readonly (readonly [string, string])[] = [
  ['url_hash', 'String'],
  ['company', 'String'],
  ['title', 'String'],
  ['country', 'String'],
  ['workplace_type', 'String'],
  ['ats_platform', 'String'],
  ['salary_currency', 'String'],
  ['salary_period', 'String'],
  ['salary_amount', 'Nullable(Float64)'],
  ['salary_yearly', 'Nullable(Float64)'],
  ['date_posted', "Nullable(DateTime64(3, 'UTC'))"],
  ['first_seen', "DateTime64(3, 'UTC')"],
  ['updated_at', "DateTime64(3, 'UTC')"],
];
export const INGEST_JOB_COLUMNS: readonly string[] = INGEST_JOB_STRUCTURE.map(([name]) => name);

/**
 * Columns `jobs_current` copies from `jobs`: what ingest writes, minus the URL hash (the table is
 * keyed by its 128-bit hash) and the observation time (only `updated_at` decides the version).
 */
const currentColumns = (): readonly string[] => INGEST_JOB_COLUMNS.filter((c) => c !== 'url_hash' && c !== 'first_seen');
export const JOB_EVENT_COLUMNS = ['event_id', 'type', 'type_rank', 'url_hash', 'job_id', 'occurred_at', 'removed_at'] as const;
export const APPLICATION_EVENT_COLUMNS = [
  'event_id',
  'user_id',
  'application_id',
  'job_id',
  'company',
  'type',
  'status',
  'previous_status',
  'occurred_at',
] as const;
