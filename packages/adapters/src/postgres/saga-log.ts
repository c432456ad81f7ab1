/**
 * Durable {@link SagaLog} on Postgres/PGlite, so `resumeSagas` can finish a saga after a crash.
 * @module
 */
import type { SagaLog, SagaRecord, SagaStatus } from '@jobkit/core';
import { type PostgresClientOptions, takeClient } from './client-options.js';
import { DEFAULT_SCHEMA, migrate, schemaIdent } from './migrations.js';

export interface PostgresSagaLogOptions extends PostgresClientOptions {
  /** @default 'jobkit' */
  schema?: string;
  /** Run `migrate()` before first use. @default true */
  autoMigrate?: boolean;
}

interface SagaRow {
  saga_id: string;
  name: string;
  status: SagaStatus;
  context: unknown;
  error: string | null;
  completed: number[] | null;
  compensated: number[] | null;
}

/** The Postgres/PGlite saga log (the `SagaLog` port). */
export type PostgresSagaLog = SagaLog;

/** Saga log in the `sagas` / `saga_steps` tables. */
export function createPostgresSagaLog(options: PostgresSagaLogOptions): PostgresSagaLog {
  const db = takeClient(options, 'adapters/postgres/saga-log');
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const s = schemaIdent(schema);
  let ready: Promise<unknown> | null = options.autoMigrate === false ? Promise.resolve() : null;
  const init = () => (ready ??= migrate(db, { schema }).catch((e) => ((ready = null), Promise.reject(e))));
  const select = `SELECT g.saga_id, g.name, g.status, g.context, g.error,
      ARRAY(SELECT step_index FROM ${s}.saga_steps t WHERE t.saga_id = g.saga_id AND completed_at IS NOT NULL ORDER BY step_index) AS completed,
      ARRAY(SELECT step_index FROM ${s}.saga_steps t WHERE t.saga_id = g.saga_id AND compensated_at IS NOT NULL ORDER BY step_index) AS compensated
    FROM ${s}.sagas g`;
  const toRecord = (r: SagaRow): SagaRecord => ({
    sagaId: r.saga_id,
    name: r.name,
    status: r.status,
    context: r.context,
    error: r.error,
    completed: (r.completed ?? []).map(Number),
    compensated: (r.compensated ?? []).map(Number),
  });
  const get = async (sagaId: string) => {
    await init();
    const r = await db.query<SagaRow>(`${select} WHERE g.saga_id = $1`, [sagaId]);
    return r.rows[0] ? toRecord(r.rows[0]) : null;
  };
  return {
    async begin(sagaId, name, context) {
      await init();
      await db.query(
        `INSERT INTO ${s}.sagas (saga_id, name, status, context) VALUES ($1, $2, 'running', $3::jsonb) ON CONFLICT (saga_id) DO NOTHING`,
        [sagaId, name, JSON.stringify(context ?? {})],
      );
      return (await get(sagaId))!;
    },
    get,
    async stepCompleted(sagaId, index, step, context) {
      await init();
      // Step record and context commit together, so a resume never sees one without the other.
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO ${s}.saga_steps (saga_id, step_index, step, completed_at) VALUES ($1, $2, $3, now())
           ON CONFLICT (saga_id, step_index) DO UPDATE SET completed_at = COALESCE(${s}.saga_steps.completed_at, now())`,
          [sagaId, index, step],
        );
        await tx.query(`UPDATE ${s}.sagas SET context = $2::jsonb, updated_at = now() WHERE saga_id = $1`, [
          sagaId,
          JSON.stringify(context ?? {}),
        ]);
      });
    },
    async stepCompensated(sagaId, index, step) {
      await init();
      await db.query(
        `INSERT INTO ${s}.saga_steps (saga_id, step_index, step, compensated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (saga_id, step_index) DO UPDATE SET compensated_at = COALESCE(${s}.saga_steps.compensated_at, now())`,
        [sagaId, index, step],
      );
    },
    async setStatus(sagaId, status, error) {
      await init();
      await db.query(
        `UPDATE ${s}.sagas SET status = $2, error = CASE WHEN $4 THEN $3 ELSE error END, updated_at = now() WHERE saga_id = $1`,
        [sagaId, status, error ?? null, error !== undefined],
      );
    },
    async listUnfinished() {
      await init();
      const r = await db.query<SagaRow>(`${select} WHERE g.status IN ('running', 'compensating') ORDER BY g.created_at`);
      return r.rows.map(toRecord);
    },
  };
}
