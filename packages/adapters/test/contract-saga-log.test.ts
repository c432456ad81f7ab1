/**
 * The saga-log contract on the Postgres saga log: PGlite always, PostgreSQL when DATABASE_URL is
 * set. Each namespace is its own schema; opening it again is a restart over the same tables.
 */

import { createPostgresSagaLog } from '@jobkit/adapters/postgres';
import type { SqlExecutor } from '@jobkit/core';
import { runSagaLogContract } from '@jobkit/core/testing';
import { afterAll } from 'vitest';
import { testEngines } from './postgres-helpers.js';

const engines = testEngines();
afterAll(async () => {
  for (const e of engines) await e.close();
});

for (const engine of engines) {
  const schemas = new Map<string, Promise<{ db: SqlExecutor; schema: string }>>();
  runSagaLogContract({
    name: `postgres saga log on ${engine.name}`,
    ...(engine.skip ? { skipAll: engine.skip } : {}),
    create: async ({ namespace }) => {
      if (!schemas.has(namespace)) schemas.set(namespace, engine.fresh());
      const { db, schema } = await schemas.get(namespace)!;
      return createPostgresSagaLog({ client: db, schema, autoMigrate: false });
    },
  });
}
