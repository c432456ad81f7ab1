/**
 * Idempotent consumer (inbox): the dedupe insert and the handler's writes commit in one
 * transaction, so each message id has exactly one effect even under redelivery and concurrent
 * duplicates. Plus retention pruning that refuses to undercut the broker's redelivery horizon.
 * @module
 */
import { EVENT_ID_ATTRIBUTE, invalidArgument, type SqlExecutor } from '@jobkit/core';
import { sqlState } from './executor.js';
import { DEFAULT_SCHEMA, schemaIdent } from './migrations.js';

const WHERE = 'adapters/postgres/inbox';

export interface HandleOnceOptions {
  /** Dedupe namespace: two consumers of the same message each apply it once. @default 'default' */
  consumer?: string;
  /** @default 'jobkit' */
  schema?: string;
}

/** A message to dedupe: a broker `ReceivedMessage`, or anything with an id. */
export interface InboxMessage {
  id: string;
  attributes?: Record<string, string>;
}

export type HandleOnceResult<T> = { duplicate: false; value: T } | { duplicate: true };

/** The dedupe key: the outbox event id attribute when present (stable across republishes), else the broker id. */
export function inboxMessageId(message: InboxMessage): string {
  return message.attributes?.[EVENT_ID_ATTRIBUTE] ?? message.id;
}

/**
 * Apply `handler` at most once per message id (per consumer). The handler gets the transaction:
 * write the effect through it. A duplicate — sequential or concurrent — resolves to
 * `{ duplicate: true }` without running the handler, so the caller acks it. If the handler
 * throws, nothing is recorded and the message can be redelivered.
 */
export async function handleOnce<T>(
  db: SqlExecutor,
  message: InboxMessage,
  handler: (tx: SqlExecutor) => Promise<T>,
  options: HandleOnceOptions = {},
): Promise<HandleOnceResult<T>> {
  const s = schemaIdent(options.schema ?? DEFAULT_SCHEMA);
  const id = message ? inboxMessageId(message) : undefined;
  if (typeof id !== 'string' || id.length === 0) throw invalidArgument(WHERE, 'message needs an id');
  const consumer = options.consumer ?? 'default';
  try {
    return await db.transaction(async (tx) => {
      // A concurrent duplicate blocks here on the first one's uncommitted key, then sees the
      // conflict once it commits (or inserts if it rolled back).
      const r = await tx.query(`INSERT INTO ${s}.inbox (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [consumer, id]);
      if (r.rowCount === 0) return { duplicate: true } as const;
      return { duplicate: false, value: await handler(tx) } as const;
    });
  } catch (error) {
    // Unique violation raised inside a caller's wider transaction or by a racing plain INSERT.
    if (sqlState(error) === '23505' && !db.inTransaction) return { duplicate: true };
    throw error;
  }
}

export interface PruneInboxOptions {
  /** Delete records received longer ago than this. */
  olderThanMs: number;
  /**
   * The longest time the broker may redeliver a message (Pub/Sub retention is up to 7 days).
   * Required so a too-short retention is a configuration error, not silent double effects.
   */
  redeliveryHorizonMs: number;
  /** @default 'jobkit' */
  schema?: string;
  /** Only this consumer's records. @default all */
  consumer?: string;
}

/**
 * Delete old inbox records. @throws JobkitError `INVALID_ARGUMENT` when `olderThanMs` is shorter
 * than `redeliveryHorizonMs` (a duplicate arriving later would be applied again).
 */
export async function pruneInbox(db: SqlExecutor, options: PruneInboxOptions): Promise<number> {
  const { olderThanMs, redeliveryHorizonMs } = options ?? ({} as PruneInboxOptions);
  if (!Number.isFinite(redeliveryHorizonMs) || redeliveryHorizonMs < 0) {
    throw invalidArgument(WHERE, 'pruneInbox needs redeliveryHorizonMs (the broker’s max redelivery/retention time)');
  }
  if (!Number.isFinite(olderThanMs) || olderThanMs < redeliveryHorizonMs) {
    throw invalidArgument(
      WHERE,
      `refusing to prune inbox records younger than the redelivery horizon (${olderThanMs}ms < ${redeliveryHorizonMs}ms): duplicates would be applied twice`,
    );
  }
  const s = schemaIdent(options.schema ?? DEFAULT_SCHEMA);
  const r = await db.query(
    `DELETE FROM ${s}.inbox WHERE received_at < now() - $1 * interval '1 millisecond' AND ($2::text IS NULL OR consumer = $2::text)`,
    [olderThanMs, options.consumer ?? null],
  );
  return r.rowCount;
}
