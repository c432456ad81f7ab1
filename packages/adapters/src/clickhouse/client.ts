/**
 * The structural slice of `@clickhouse/client` the ClickHouse adapter uses, so no vendor type leaks
 * into the public API and any compatible client (HTTP or chDB-backed) can be passed in.
 * @module
 */
import type { Readable } from 'node:stream';

export type ClickHouseSettings = Record<string, string | number | boolean | undefined>;

export interface ClickHouseClientLike {
  command(params: { query: string; clickhouse_settings?: ClickHouseSettings }): Promise<unknown>;
  insert(params: {
    table: string;
    values: readonly unknown[] | Readable;
    format: 'JSONEachRow' | 'JSONCompactEachRow' | 'TabSeparated' | 'CSV';
    columns?: [string, ...string[]];
    clickhouse_settings?: ClickHouseSettings;
  }): Promise<unknown>;
  query(params: {
    query: string;
    format: 'JSONEachRow';
    query_params?: Record<string, unknown>;
    clickhouse_settings?: ClickHouseSettings;
  }): Promise<{ json<T = unknown>(): Promise<T[]> | Promise<unknown> }>;
  close(): Promise<void>;
  /**
   * Optional fast path (chDB's zero-copy passthrough insert, see `createEmbeddedClickHouse`):
   * when present the analytics adapter hands it the encoded body instead of going through `insert`.
   */
  rawInsert?(params: RawInsertParams): Promise<void>;
  /**
   * Optional fast path for binary rows (see `createEmbeddedClickHouse`): when present the analytics
   * adapter sends `jobs` rows as RowBinary through it instead of TabSeparated through `insert`.
   */
  insertRowBinary?(params: RowBinaryInsertParams): Promise<void>;
}

export interface RowBinaryInsertParams {
  /** `database.table`, both identifiers. */
  table: string;
  /** Column names and ClickHouse types of each row, in order. */
  structure: readonly (readonly [string, string])[];
  /** Encoded rows; the caller reuses this memory once the returned promise settles. */
  body: Uint8Array;
  /** Sent as `INSERT … SETTINGS`, scoped to this insert. */
  settings?: Record<string, string | number | boolean>;
}

export interface RawInsertParams {
  table: string;
  values: string | Buffer;
  format: 'TabSeparated' | 'JSONEachRow' | 'JSONCompactEachRow' | 'CSV';
  columns?: readonly string[];
  /** Sent as `INSERT … SETTINGS`, scoped to this insert (unlike a session-wide `SET`). */
  settings?: Record<string, string | number | boolean>;
}
