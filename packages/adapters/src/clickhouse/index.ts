/**
 * `@jobkit/adapters/clickhouse`: the analytics port on ClickHouse, against a server
 * (`createClient({ url })` from `@clickhouse/client`) or in-process chDB (`createEmbeddedClickHouse`).
 * chDB is loaded only when `createEmbeddedClickHouse` is called.
 * @module @jobkit/adapters/clickhouse
 */
export { createClickHouseAnalytics, jobRowTsv, chDateTime } from './analytics.js';
export type { ClickHouseAnalytics, ClickHouseAnalyticsOptions } from './analytics.js';
export { createEmbeddedClickHouse } from './embedded.js';
export type { EmbeddedClickHouse, EmbeddedClickHouseOptions } from './embedded.js';
export { isClickHouseDataError, clickHouseErrorCode } from './errors.js';
export type { ClickHouseClientLike, ClickHouseSettings, RawInsertParams, RowBinaryInsertParams } from './client.js';
export type { ReadMode } from './queries.js';
export { migrationStatements, DEDUP_WINDOW, JOB_COLUMNS, INGEST_JOB_COLUMNS, INGEST_JOB_STRUCTURE, JOB_EVENT_COLUMNS, APPLICATION_EVENT_COLUMNS } from './migrations.js';
