/**
 * The work-queue contract on the Postgres queue: PGlite always, PostgreSQL when DATABASE_URL is
 * set. Queues share one migrated schema per engine and are kept apart by name.
 */

import { createPostgresQueue } from '@jobkit/adapters/postgres';
import type { SqlExecutor } from '@jobkit/core';
import { runWorkQueueContract } from '@jobkit/core/testing';
import { afterAll } from 'vitest';
import { testEngines } from './postgres-helpers.js';

const engines = testEngines();
afterAll(async () => {
  for (const e of engines) await e.close();
});

for (const engine of engines) {
  let shared: Promise<{ db: SqlExecutor; schema: string }> | undefined;
  runWorkQueueContract({
    name: `postgres queue on ${engine.name}`,
    ...(engine.skip ? { skipAll: engine.skip } : {}),
    create: async ({ namespace, leaseMs, maxAttempts, backoff }) => {
      const { db, schema } = await (shared ??= engine.fresh());
      return createPostgresQueue({ client: db, schema, name: namespace, leaseMs, maxAttempts, backoff, autoMigrate: false });
    },
  });
}
