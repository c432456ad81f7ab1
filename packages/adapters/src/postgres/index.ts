/**
 * `@jobkit/adapters/postgres`: job store, transactional outbox + relay, idempotent inbox, saga log
 * and work queue on PostgreSQL (node-postgres) or PGlite. Neither driver is imported at load time.
 * @module @jobkit/adapters/postgres
 */

export type { PostgresClientOptions, PostgresOwnedClientOptions } from './client-options.js';
export type {
  ConnectPostgresOptions,
  FromPgOptions,
  PGliteLike,
  PgClientLike,
  PgPoolLike,
  PostgresConnection,
  PostgresExecutor,
} from './executor.js';
export { connectPostgres, fromPg, fromPglite, quoteIdent, sqlState } from './executor.js';
export type { HandleOnceOptions, HandleOnceResult, InboxMessage, PruneInboxOptions } from './inbox.js';
export { handleOnce, inboxMessageId, pruneInbox } from './inbox.js';
export type { PostgresJobStore, PostgresJobStoreOptions } from './job-store.js';
export { createPostgresJobStore } from './job-store.js';
export type { MigrateOptions } from './migrations.js';
export { DEFAULT_SCHEMA, dropSchema, MIGRATIONS, migrate, schemaIdent } from './migrations.js';
export type { EnqueueOutboxOptions, OutboxRelay, OutboxRelayOptions } from './outbox.js';
export { createOutboxRelay, enqueueOutbox, outboxChannel, pruneOutbox, redriveOutbox } from './outbox.js';
export type { PostgresEnqueueOptions, PostgresQueue, PostgresQueueOptions, Worker, WorkerContext, WorkOptions } from './queue.js';
export { createPostgresQueue } from './queue.js';
export type { PostgresSagaLog, PostgresSagaLogOptions } from './saga-log.js';
export { createPostgresSagaLog } from './saga-log.js';
