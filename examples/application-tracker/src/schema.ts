/**
 * The tracker's own tables (applications, status history, read-model stats, saved postings,
 * collections, copy jobs and their steps) and the zod schemas of every API input. Jobkit's
 * outbox/inbox/saga/queue tables come from `migrate()` of `@jobkit/adapters/postgres`.
 * @module
 */

import { migrate, schemaIdent } from '@jobkit/adapters/postgres';
import { ApplicationStatusSchema, JobkitError, type SqlExecutor } from '@jobkit/core';
import { z } from 'zod';

export const WHERE = 'example/application-tracker';

/** Create Jobkit's tables and the tracker's (idempotent). */
export async function migrateTracker(db: SqlExecutor, schema: string): Promise<void> {
  await migrate(db, { schema });
  const s = schemaIdent(schema);
  await db.transaction(async (tx) => {
    // Serialize concurrent starters the same way Jobkit's own migrations do.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tracker.migrate:${schema}`]);
    for (const sql of [
      `CREATE TABLE IF NOT EXISTS ${s}.applications (
        id text PRIMARY KEY,
        user_id text NOT NULL,
        company text NOT NULL,
        title text NOT NULL,
        url text,
        status text NOT NULL,
        applied_at timestamptz NOT NULL,
        archived_at timestamptz,
        deleted_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now())`,
      `CREATE INDEX IF NOT EXISTS applications_user_idx ON ${s}.applications (user_id, applied_at DESC)`,
      // Every status change, so "revert" can undo the latest one that is not undone yet.
      `CREATE TABLE IF NOT EXISTS ${s}.application_changes (
        seq bigserial PRIMARY KEY,
        application_id text NOT NULL REFERENCES ${s}.applications(id),
        status text NOT NULL,
        previous_status text NOT NULL,
        occurred_at timestamptz NOT NULL,
        reverted_at timestamptz)`,
      `CREATE INDEX IF NOT EXISTS application_changes_app_idx ON ${s}.application_changes (application_id, seq DESC)`,
      // CQRS read model: the figures the analytics consumer recomputed at write time.
      `CREATE TABLE IF NOT EXISTS ${s}.user_stats (
        user_id text PRIMARY KEY,
        stats jsonb NOT NULL,
        computed_at timestamptz NOT NULL,
        events_applied bigint NOT NULL DEFAULT 0)`,
      `CREATE TABLE IF NOT EXISTS ${s}.saved_postings (
        id text PRIMARY KEY,
        user_id text NOT NULL,
        title text NOT NULL,
        company text NOT NULL,
        url text NOT NULL,
        saved_at timestamptz NOT NULL DEFAULT now())`,
      `CREATE TABLE IF NOT EXISTS ${s}.collections (
        id text PRIMARY KEY,
        user_id text NOT NULL,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now())`,
      // The natural key dedupes a copy: ON CONFLICT DO NOTHING skips postings already present.
      `CREATE TABLE IF NOT EXISTS ${s}.collection_items (
        collection_id text NOT NULL REFERENCES ${s}.collections(id),
        posting_id text NOT NULL REFERENCES ${s}.saved_postings(id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (collection_id, posting_id))`,
      `CREATE TABLE IF NOT EXISTS ${s}.copy_jobs (
        id text PRIMARY KEY,
        user_id text NOT NULL,
        collection_id text NOT NULL REFERENCES ${s}.collections(id),
        selection text[] NOT NULL,
        chunk_size integer NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        total integer NOT NULL,
        processed integer NOT NULL DEFAULT 0,
        inserted integer NOT NULL DEFAULT 0,
        skipped integer NOT NULL DEFAULT 0,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now())`,
      `CREATE TABLE IF NOT EXISTS ${s}.copy_job_steps (
        job_id text NOT NULL REFERENCES ${s}.copy_jobs(id),
        step integer NOT NULL,
        items integer NOT NULL,
        inserted integer NOT NULL,
        skipped integer NOT NULL,
        done_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (job_id, step))`,
    ]) {
      await tx.query(sql);
    }
  });
}

const id = z.string().trim().min(1).max(200);
/** An ISO 8601 instant with `Z` or an offset, or a calendar date (read as UTC midnight). */
const isoDateTime = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  error: 'must be an ISO 8601 date-time with Z or an offset (2026-03-01T09:30:00Z) or a date (2026-03-01)',
});

export const UserIdSchema = id;
export const ApplicationIdSchema = id;

export const AddApplicationSchema = z.object({
  company: z.string().trim().min(1).max(300),
  title: z.string().trim().min(1).max(300),
  url: z.string().url().max(2000).optional(),
  /** When the user applied; lets people import history from another tracker. @default now */
  appliedAt: isoDateTime.optional(),
});

export const ChangeStatusSchema = z.object({
  status: ApplicationStatusSchema,
  /** When the change happened (seed 000: editable event time). @default now */
  at: isoDateTime.optional(),
});

export const SavePostingsSchema = z.object({
  postings: z
    .array(
      z.object({
        id: id.optional(),
        title: z.string().trim().min(1).max(300),
        company: z.string().trim().min(1).max(300),
        url: z.string().url().max(2000),
      }),
    )
    .min(1)
    .max(10_000),
});

export const CreateCollectionSchema = z.object({ name: z.string().trim().min(1).max(200) });

export const CopyToCollectionSchema = z
  .object({
    /** Saved posting ids to copy; or `all: true` for every saved posting of the user. */
    postingIds: z.array(id).min(1).max(100_000).optional(),
    all: z.literal(true).optional(),
    /** Postings per step. @default 100 */
    chunkSize: z.number().int().min(1).max(10_000).optional(),
  })
  .refine((v) => (v.postingIds === undefined) !== (v.all === undefined), { message: 'pass exactly one of postingIds or all: true' });

export const SearchApplicationsSchema = z.object({
  q: z.string().max(500).default(''),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
});

/** Parse or throw a 400-style `JobkitError` naming the module. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    throw new JobkitError(
      'INVALID_ARGUMENT',
      `[${WHERE}] invalid ${what}: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
      {
        cause: r.error,
      },
    );
  }
  return r.data;
}

/** A missing resource (HTTP 404). */
export function notFound(what: string): JobkitError {
  return new JobkitError('TARGET_NOT_FOUND', `[${WHERE}] ${what} not found`, { details: { httpStatus: 404 } });
}

/** A request that conflicts with the current state (HTTP 409). */
export function conflict(message: string, details: Record<string, unknown> = {}): JobkitError {
  return new JobkitError('INVALID_ARGUMENT', `[${WHERE}] ${message}`, { details: { ...details, httpStatus: 409 } });
}

/** Well-formed input whose value is not acceptable (HTTP 400). */
export function badRequest(message: string, details: Record<string, unknown> = {}): JobkitError {
  return new JobkitError('INVALID_ARGUMENT', `[${WHERE}] ${message}`, { details: { ...details, httpStatus: 400 } });
}
