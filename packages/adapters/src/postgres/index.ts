/**
 * `@jobkit/adapters/postgres`: job store, transactional outbox + relay, idempotent inbox, saga log
 * and work queue on PostgreSQL (node-postgres) or PGlite. Neither driver is imported at load time.
 * @module @jobkit/adapters/postgres
 */
export { fromPg, fromPglite, connectPostgres, quoteIdent, sqlState } from './executor.js';
export type {
  PgClientLike,
  PgPoolLike,
  PGliteLike,
  PostgresExecutor,
  PostgresConnection,
  FromPgOptions,
  ConnectPostgresOptions,
} from './executor.js';
export { migrate, dropSchema, schemaIdent, MIGRATIONS, DEFAULT_SCHEMA } from './migrations.js';
export type { MigrateOptions } from './migrations.js';
export { createPostgresJobStore } from './job-store.js';
export type { PostgresJobStore, PostgresJobStoreOptions } from './job-store.js';
export { enqueueOutbox, createOutboxRelay, pruneOutbox, redriveOutbox, outboxChannel } from './outbox.js';
export type { EnqueueOutboxOptions, OutboxRelayOptions, OutboxRelay } from './outbox.js';
export { handleOnce, pruneInbox, inboxMessageId } from './inbox.js';
export type { HandleOnceOptions, HandleOnceResult, InboxMessage, PruneInboxOptions } from './inbox.js';
export { createPostgresSagaLog } from './saga-log.js';
export type { PostgresSagaLog, PostgresSagaLogOptions } from './saga-log.js';
export type { PostgresClientOptions, PostgresOwnedClientOptions } from './client-options.js';
export { createPostgresQueue } from './queue.js';
export type { PostgresQueue, PostgresQueueOptions, PostgresEnqueueOptions, WorkOptions, WorkerContext, Worker } from './queue.js';
