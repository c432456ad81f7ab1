/**
 * Test engines for the Postgres adapter tests: an embedded PGlite (always) and the machine's
 * PostgreSQL when DATABASE_URL is set; every test gets its own schema, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { dropSchema, fromPg, fromPglite, migrate } from '@jobkit/adapters/postgres';
import type { SqlExecutor } from '@jobkit/core';
import pg from 'pg';

export interface TestEngine {
  name: 'pglite' | 'postgres';
  skip: false | string;
  /** A fresh migrated schema on this engine. */
  fresh(): Promise<{ db: SqlExecutor; schema: string }>;
  close(): Promise<void>;
}

export const newSchema = () => `jk_test_${randomBytes(5).toString('hex')}`;

export function testEngines(): TestEngine[] {
  let lite: PGlite | null = null;
  const url = process.env.DATABASE_URL;
  let pool: pg.Pool | null = null;
  const pgSchemas: string[] = [];
  return [
    {
      name: 'pglite',
      skip: false,
      async fresh() {
        lite ??= new PGlite();
        const db = fromPglite(lite);
        const schema = newSchema();
        await migrate(db, { schema });
        return { db, schema };
      },
      async close() {
        await lite?.close();
        lite = null;
      },
    },
    {
      name: 'postgres',
      skip: url ? false : 'DATABASE_URL is not set',
      async fresh() {
        if (!pool) {
          pool = new pg.Pool({ connectionString: url, max: 8 });
          pool.on('error', () => undefined);
        }
        const db = fromPg(pool);
        const schema = newSchema();
        pgSchemas.push(schema);
        await migrate(db, { schema });
        return { db, schema };
      },
      async close() {
        if (!pool) return;
        for (const schema of pgSchemas.splice(0)) await dropSchema(fromPg(pool), schema);
        await pool.end();
        pool = null;
      },
    },
  ];
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
