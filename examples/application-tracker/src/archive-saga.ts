/**
 * "Archive application" as a saga with compensation (business failure in a multi-step flow, the
 * place compensation belongs, reliability.md §0): mark archived in Postgres → remove from search →
 * record the archive in ClickHouse. If a step fails, the completed ones are undone in reverse
 * order. Progress is logged in Postgres (`createPostgresSagaLog`) so a crashed saga resumes.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { ClickHouseClientLike } from '@jobkit/adapters/clickhouse';
import { schemaIdent } from '@jobkit/adapters/postgres';
import { runSaga, type SagaLog, type SagaOutcome, type SagaStep, type SqlExecutor } from '@jobkit/core';
import type { ApplicationSearch } from './consumers.js';
import { ApplicationIdSchema, conflict, notFound, parseInput, UserIdSchema } from './schema.js';
import type { WriteModel } from './write-model.js';

export const ARCHIVE_SAGA = 'archive-application';

export interface ArchiveContext {
  userId: string;
  applicationId: string;
  /** Set by the first step: only an archive this saga made is undone by it. */
  marked?: boolean;
}

export interface ArchiveSagaDeps {
  db: SqlExecutor;
  schema: string;
  clickhouse: ClickHouseClientLike;
  /** ClickHouse database holding `tracker_archives`. */
  database: string;
  search: ApplicationSearch;
  writeModel: WriteModel;
  log: SagaLog;
  /** Test hook: throw from it to fail a step (by name) before its side effect, as an engine outage would. */
  fault?: (step: string) => void | Promise<void>;
}

/** `tracker_archives`: one version row per (archive, un-archive); FINAL keeps the latest per application. */
export async function migrateArchiveTable(clickhouse: ClickHouseClientLike, database: string): Promise<void> {
  await clickhouse.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` });
  await clickhouse.command({
    query: `CREATE TABLE IF NOT EXISTS ${database}.tracker_archives (
      user_id String, application_id String, archived UInt8, saga_id String, version UInt64
    ) ENGINE = ReplacingMergeTree(version) ORDER BY (user_id, application_id)
    SETTINGS non_replicated_deduplication_window = 1000`,
  });
}

/** Applications currently recorded as archived in ClickHouse for a user. */
export async function archivedCount(clickhouse: ClickHouseClientLike, database: string, userId: string): Promise<number> {
  const r = await clickhouse.query({
    query: `SELECT count() AS n FROM ${database}.tracker_archives FINAL WHERE user_id = {user:String} AND archived = 1`,
    format: 'JSONEachRow',
    query_params: { user: userId },
  });
  const rows = (await r.json()) as { n: string | number }[];
  return Number(rows[0]?.n ?? 0);
}

/** The saga's steps (also what `resumeSagas` needs after a restart). */
export function archiveSteps(deps: ArchiveSagaDeps): SagaStep<ArchiveContext>[] {
  const s = schemaIdent(deps.schema);
  // Monotonic versions so the compensating row always supersedes the forward one.
  let last = 0n;
  const version = () => {
    const t = BigInt(Date.now()) * 1000n;
    last = t > last ? t : last + 1n;
    return last.toString();
  };
  const record = async (ctx: ArchiveContext, sagaId: string, archived: 0 | 1, token: string) => {
    await deps.clickhouse.insert({
      table: `${deps.database}.tracker_archives`,
      values: [{ user_id: ctx.userId, application_id: ctx.applicationId, archived, saga_id: sagaId, version: version() }],
      format: 'JSONEachRow',
      // A retried step with the same token is stored once.
      clickhouse_settings: { insert_deduplication_token: token },
    });
  };
  return [
    {
      name: 'mark-archived',
      async run(ctx) {
        await deps.fault?.('mark-archived');
        const r = await deps.db.query(
          `UPDATE ${s}.applications SET archived_at = now() WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL AND archived_at IS NULL`,
          [ctx.applicationId, ctx.userId],
        );
        ctx.marked = r.rowCount > 0 || ctx.marked === true;
      },
      async compensate(ctx) {
        if (!ctx.marked) return;
        await deps.db.query(`UPDATE ${s}.applications SET archived_at = NULL WHERE id = $1`, [ctx.applicationId]);
        // Search is derived from the row: re-sync it, which also repairs a remove-from-search
        // that failed half-way (a step whose run never completed has no compensation of its own).
        await deps.search.sync(await deps.writeModel.row(deps.db, ctx.applicationId), ctx.applicationId, ctx.userId);
      },
    },
    {
      name: 'remove-from-search',
      async run(ctx) {
        await deps.fault?.('remove-from-search');
        await deps.search.sync(await deps.writeModel.row(deps.db, ctx.applicationId), ctx.applicationId, ctx.userId);
      },
      async compensate(ctx) {
        // Put the document back as it was before the saga: the row is still archived here
        // (compensations run in reverse), so the archive flag is ignored for this re-index.
        await deps.search.sync(await deps.writeModel.row(deps.db, ctx.applicationId), ctx.applicationId, ctx.userId, {
          ignoreArchived: true,
        });
      },
    },
    {
      name: 'record-in-analytics',
      async run(ctx, meta) {
        await deps.fault?.('record-in-analytics');
        await record(ctx, meta.sagaId, 1, meta.idempotencyKey);
      },
      async compensate(ctx, meta) {
        await record(ctx, meta.sagaId, 0, `${meta.idempotencyKey}:undo`);
      },
    },
  ];
}

/** Archive an application; resolves `completed`, or `compensated` with the failing step. */
export async function archiveApplication(
  deps: ArchiveSagaDeps,
  userId: string,
  applicationId: string,
): Promise<SagaOutcome<ArchiveContext> & { sagaId: string }> {
  const user = parseInput(UserIdSchema, userId, 'user id');
  const appId = parseInput(ApplicationIdSchema, applicationId, 'application id');
  const current = await deps.writeModel.get(user, appId).catch(() => null);
  if (!current) throw notFound(`application ${appId}`);
  if (current.archivedAt !== null) throw conflict(`application ${appId} is already archived`);
  const sagaId = `archive:${appId}:${randomUUID()}`;
  const outcome = await runSaga(archiveSteps(deps), {
    log: deps.log,
    sagaId,
    name: ARCHIVE_SAGA,
    context: { userId: user, applicationId: appId },
  });
  return { ...outcome, sagaId };
}
