/**
 * `@jobkit/adapters/clickhouse`: the analytics port on ClickHouse, against a server
 * (`createClient({ url })` from `@clickhouse/client`) or in-process chDB (`createEmbeddedClickHouse`).
 * chDB is loaded only when `createEmbeddedClickHouse` is called.
 * @module @jobkit/adapters/clickhouse
 */

export type { ClickHouseAnalytics, ClickHouseAnalyticsOptions } from './analytics.js';
export { chDateTime, createClickHouseAnalytics, jobRowTsv } from './analytics.js';
export type { ClickHouseClientLike, ClickHouseSettings, RawInsertParams, RowBinaryInsertParams } from './client.js';
export type { EmbeddedClickHouse, EmbeddedClickHouseOptions } from './embedded.js';
export { createEmbeddedClickHouse } from './embedded.js';
export { clickHouseErrorCode, isClickHouseDataError } from './errors.js';
export {
  APPLICATION_EVENT_COLUMNS,
  DEDUP_WINDOW,
  INGEST_JOB_COLUMNS,
  INGEST_JOB_STRUCTURE,
  JOB_COLUMNS,
  JOB_EVENT_COLUMNS,
  migrationStatements,
} from './migrations.js';
export type { ReadMode } from './queries.js';
