/**
 * JobStore contract on memory, PGlite (always) and PostgreSQL (when DATABASE_URL is set), each
 * test in its own schema.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { createPostgresJobStore, dropSchema, fromPg, fromPglite } from '@jobkit/adapters/postgres';
import { createMemoryJobStore } from '@jobkit/core';
import { runJobStoreContract } from '@jobkit/core/testing';
import pg from 'pg';
import { afterAll } from 'vitest';

const url = process.env.DATABASE_URL;

runJobStoreContract({ name: 'memory', create: () => createMemoryJobStore() });

// One embedded database for the file (startup dominates otherwise); a schema per test.
const lite = new PGlite();
const schemaName = () => `jk_test_${randomBytes(5).toString('hex')}`;
runJobStoreContract({
  name: 'pglite',
  create: () => createPostgresJobStore({ client: fromPglite(lite), schema: schemaName(), batchSize: 250 }),
});

const pool = url ? new pg.Pool({ connectionString: url, max: 4 }) : null;
const schemas: string[] = [];
afterAll(async () => {
  await lite.close();
  if (!pool) return;
  for (const schema of schemas) await dropSchema(fromPg(pool), schema);
  await pool.end();
});

runJobStoreContract({
  name: 'postgres',
  skip: url ? false : 'DATABASE_URL is not set',
  create: () => {
    const schema = schemaName();
    schemas.push(schema);
    return createPostgresJobStore({ client: fromPg(pool!), schema, batchSize: 250 });
  },
});
