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
 *   per (company, url_hash) after merges, reads use `argMax(…, updated_at)` so they are exact before.
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
    PARTITION BY toYYYYMM(ifNull(date_posted, first_seen))
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
  ];
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
