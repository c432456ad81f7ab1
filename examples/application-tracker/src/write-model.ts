/**
 * The tracker's write model: add an application, change its status, revert the latest change,
 * delete it. Each command changes its rows and enqueues its `application.*` event in ONE
 * transaction (the outbox), so an event exists exactly when its change committed: no
 * "roll back if publish fails" path (reliability.md §0). Status changes follow
 * `transitions.ts` (409 otherwise), are dated between the application date and now, never before
 * the change they follow (400 otherwise), and archived applications are read-only (409).
 * @module
 */
import { randomUUID } from 'node:crypto';
import { enqueueOutbox, schemaIdent } from '@jobkit/adapters/postgres';
import { type ApplicationEvent, type ApplicationStatus, createEvent, type EventEnvelope, type SqlExecutor } from '@jobkit/core';
import { AddApplicationSchema, ApplicationIdSchema, ChangeStatusSchema, conflict, notFound, parseInput, UserIdSchema } from './schema.js';
import { assertChangeOrder, assertPlausibleDate, assertTransition } from './transitions.js';

/** Topic every application event is published to; analytics and search subscribe to it. */
export const APPLICATION_TOPIC = 'tracker-application-events';

interface Application {
  id: string;
  userId: string;
  company: string;
  title: string;
  url: string | null;
  status: ApplicationStatus;
  appliedAt: string;
  archivedAt: string | null;
  updatedAt: string;
}

/** Payload of an `application.*` outbox event: the analytics event (its `eventId` is the envelope id). */
type ApplicationEventPayload = ApplicationEvent;

export interface WriteModelOptions {
  db: SqlExecutor;
  schema: string;
  /** Clock, injectable for tests. @default () => new Date() */
  now?: () => Date;
}

export interface ApplicationRow {
  id: string;
  user_id: string;
  company: string;
  title: string;
  url: string | null;
  status: ApplicationStatus;
  applied_at: Date | string;
  archived_at: Date | string | null;
  deleted_at: Date | string | null;
  updated_at: Date | string;
}

const iso = (d: Date | string) => new Date(d).toISOString();

function toApplication(r: ApplicationRow): Application {
  return {
    id: r.id,
    userId: r.user_id,
    company: r.company,
    title: r.title,
    url: r.url,
    status: r.status,
    appliedAt: iso(r.applied_at),
    archivedAt: r.archived_at === null ? null : iso(r.archived_at),
    updatedAt: iso(r.updated_at),
  };
}

export interface WriteModel {
  add(userId: string, input: unknown): Promise<Application>;
  changeStatus(userId: string, applicationId: string, input: unknown): Promise<Application>;
  /** Undo the latest status change that is not undone yet. @throws 409 when there is none. */
  revert(userId: string, applicationId: string): Promise<Application>;
  remove(userId: string, applicationId: string): Promise<void>;
  get(userId: string, applicationId: string): Promise<Application>;
  list(userId: string, options?: { includeArchived?: boolean }): Promise<Application[]>;
  /** Row of any application (deleted/archived included), for consumers. */
  row(tx: SqlExecutor, applicationId: string): Promise<ApplicationRow | null>;
}

/** Create the write model over the tracker schema. */
export function createWriteModel(options: WriteModelOptions): WriteModel {
  const { db } = options;
  const s = schemaIdent(options.schema);
  const now = options.now ?? (() => new Date());

  function event(
    type: ApplicationEvent['type'],
    fields: Omit<ApplicationEvent, 'eventId' | 'type'>,
  ): EventEnvelope<ApplicationEventPayload> {
    const id = randomUUID();
    return createEvent(
      `application.${type}`,
      fields.applicationId,
      { eventId: id, type, ...fields },
      { id, occurredAt: new Date(fields.occurredAt) },
    );
  }

  async function lockOwned(tx: SqlExecutor, userId: string, applicationId: string): Promise<ApplicationRow> {
    const r = await tx.query<ApplicationRow>(
      `SELECT * FROM ${s}.applications WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL FOR UPDATE`,
      [applicationId, userId],
    );
    const row = r.rows[0];
    if (!row) throw notFound(`application ${applicationId}`);
    return row;
  }

  function assertNotArchived(row: ApplicationRow): void {
    if (row.archived_at !== null)
      throw conflict(`application ${row.id} is archived; archived applications are read-only`, { archivedAt: iso(row.archived_at) });
  }

  /**
   * The latest change not undone yet, by insertion order. `seq` is compared as the bigint it is:
   * ordering by its text form put change "13" before change "3".
   */
  async function latestChange(tx: SqlExecutor, appId: string) {
    const r = await tx.query<{
      seq_text: string;
      status: ApplicationStatus;
      previous_status: ApplicationStatus;
      occurred_at: Date | string;
    }>(
      `SELECT c.seq::text AS seq_text, c.status, c.previous_status, c.occurred_at FROM ${s}.application_changes c
       WHERE c.application_id = $1 AND c.reverted_at IS NULL ORDER BY c.seq DESC LIMIT 1`,
      [appId],
    );
    const row = r.rows[0];
    return row && { seq: row.seq_text, status: row.status, previousStatus: row.previous_status, at: new Date(row.occurred_at) };
  }

  async function setStatus(tx: SqlExecutor, id: string, status: ApplicationStatus, at: Date): Promise<ApplicationRow> {
    const r = await tx.query<ApplicationRow>(`UPDATE ${s}.applications SET status = $2, updated_at = $3 WHERE id = $1 RETURNING *`, [
      id,
      status,
      at,
    ]);
    return r.rows[0]!;
  }

  return {
    async add(userId, input) {
      const user = parseInput(UserIdSchema, userId, 'user id');
      const body = parseInput(AddApplicationSchema, input, 'application');
      const appliedAt = body.appliedAt ? new Date(body.appliedAt) : now();
      assertPlausibleDate('appliedAt', appliedAt, now());
      const id = randomUUID();
      return db.transaction(async (tx) => {
        const r = await tx.query<ApplicationRow>(
          `INSERT INTO ${s}.applications (id, user_id, company, title, url, status, applied_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, 'applied', $6, $6) RETURNING *`,
          [id, user, body.company, body.title, body.url ?? null, appliedAt],
        );
        await enqueueOutbox(
          tx,
          [
            event('created', {
              userId: user,
              applicationId: id,
              company: body.company,
              status: 'applied',
              occurredAt: appliedAt.toISOString(),
            }),
          ],
          { schema: options.schema },
        );
        return toApplication(r.rows[0]!);
      });
    },

    async changeStatus(userId, applicationId, input) {
      const user = parseInput(UserIdSchema, userId, 'user id');
      const appId = parseInput(ApplicationIdSchema, applicationId, 'application id');
      const body = parseInput(ChangeStatusSchema, input, 'status change');
      const at = body.at ? new Date(body.at) : now();
      assertPlausibleDate('at', at, now());
      return db.transaction(async (tx) => {
        const row = await lockOwned(tx, user, appId);
        assertNotArchived(row);
        assertTransition(appId, row.status, body.status);
        const previous = await latestChange(tx, appId);
        assertChangeOrder(at, new Date(row.applied_at), previous);
        await tx.query(
          `INSERT INTO ${s}.application_changes (application_id, status, previous_status, occurred_at) VALUES ($1, $2, $3, $4)`,
          [appId, body.status, row.status, at],
        );
        const updated = await setStatus(tx, appId, body.status, at);
        await enqueueOutbox(
          tx,
          [
            event('status_changed', {
              userId: user,
              applicationId: appId,
              company: row.company,
              status: body.status,
              previousStatus: row.status,
              occurredAt: at.toISOString(),
            }),
          ],
          { schema: options.schema },
        );
        return toApplication(updated);
      });
    },

    async revert(userId, applicationId) {
      const user = parseInput(UserIdSchema, userId, 'user id');
      const appId = parseInput(ApplicationIdSchema, applicationId, 'application id');
      const at = now();
      return db.transaction(async (tx) => {
        const row = await lockOwned(tx, user, appId);
        assertNotArchived(row);
        const change = await latestChange(tx, appId);
        if (!change) throw conflict(`application ${appId} has no status change to revert`);
        await tx.query(`UPDATE ${s}.application_changes SET reverted_at = $2 WHERE seq = $1::bigint`, [change.seq, at]);
        const updated = await setStatus(tx, appId, change.previousStatus, at);
        await enqueueOutbox(
          tx,
          [
            event('reverted', {
              userId: user,
              applicationId: appId,
              company: row.company,
              status: change.previousStatus,
              previousStatus: change.status,
              occurredAt: at.toISOString(),
            }),
          ],
          { schema: options.schema },
        );
        return toApplication(updated);
      });
    },

    async remove(userId, applicationId) {
      const user = parseInput(UserIdSchema, userId, 'user id');
      const appId = parseInput(ApplicationIdSchema, applicationId, 'application id');
      const at = now();
      await db.transaction(async (tx) => {
        const row = await lockOwned(tx, user, appId);
        await tx.query(`UPDATE ${s}.applications SET deleted_at = $2, updated_at = $2 WHERE id = $1`, [appId, at]);
        await enqueueOutbox(
          tx,
          [event('deleted', { userId: user, applicationId: appId, company: row.company, occurredAt: at.toISOString() })],
          {
            schema: options.schema,
          },
        );
      });
    },

    async get(userId, applicationId) {
      const r = await db.query<ApplicationRow>(`SELECT * FROM ${s}.applications WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL`, [
        parseInput(ApplicationIdSchema, applicationId, 'application id'),
        parseInput(UserIdSchema, userId, 'user id'),
      ]);
      const row = r.rows[0];
      if (!row) throw notFound(`application ${applicationId}`);
      return toApplication(row);
    },

    async list(userId, opts = {}) {
      const r = await db.query<ApplicationRow>(
        `SELECT * FROM ${s}.applications WHERE user_id = $1 AND deleted_at IS NULL AND ($2::boolean OR archived_at IS NULL)
         ORDER BY applied_at DESC, id`,
        [parseInput(UserIdSchema, userId, 'user id'), opts.includeArchived ?? false],
      );
      return r.rows.map(toApplication);
    },

    async row(tx, applicationId) {
      const r = await tx.query<ApplicationRow>(`SELECT * FROM ${s}.applications WHERE id = $1`, [applicationId]);
      return r.rows[0] ?? null;
    },
  };
}
