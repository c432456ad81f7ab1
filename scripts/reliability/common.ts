/**
 * Shared plumbing for the reliability scenarios (see /docs and reliability.md §2): CLI flags,
 * a throwaway schema per run, a durable "table broker" for multi-process scenarios, the
 * exactly-once checker and the pass/fail report.
 * @module
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectPostgres, dropSchema, handleOnce, migrate, type PostgresConnection } from '../../packages/adapters/src/postgres/index.js';
import type { Broker, PublishMessage, SqlExecutor } from '../../packages/core/src/index.js';
import { EVENT_ID_ATTRIBUTE } from '../../packages/core/src/index.js';

export const FULL = process.argv.includes('--full');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const rand = (min: number, max: number) => min + Math.random() * (max - min);

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test); these scenarios need a real PostgreSQL');
    process.exit(2);
  }
  return url;
}

export async function freshSchema(db: SqlExecutor, prefix: string): Promise<string> {
  const schema = `jk_${prefix}_${randomBytes(4).toString('hex')}`;
  await migrate(db, { schema });
  await db.query(`CREATE TABLE ${schema}.deliveries (seq bigserial PRIMARY KEY, event_id text NOT NULL, at timestamptz DEFAULT now())`);
  await db.query(`CREATE TABLE ${schema}.effects (message_id text NOT NULL, at timestamptz DEFAULT now())`);
  return schema;
}

export async function connect(url = databaseUrl(), max = 8): Promise<PostgresConnection> {
  return connectPostgres(url, { max });
}

/**
 * A broker whose "accept" is an autocommitted row in `deliveries`: a relay killed after publish but
 * before marking the row published re-publishes it, exactly the ambiguity a real broker has.
 */
export function tableBroker(db: SqlExecutor, schema: string): Broker {
  return {
    name: 'table',
    async publish(_topic: string, messages: readonly PublishMessage[]) {
      const delay = Number(process.env.PUBLISH_DELAY_MS ?? 0);
      if (delay > 0) await sleep(delay);
      const ids = messages.map((m) => m.attributes?.[EVENT_ID_ATTRIBUTE] ?? '');
      await db.query(`INSERT INTO ${schema}.deliveries (event_id) SELECT unnest($1::text[])`, [ids]);
      return ids;
    },
    async subscribe() {
      throw new Error('table broker: read the deliveries table instead');
    },
    async close() {},
  };
}

/** Apply every delivery through the inbox (each effect = one row in `effects`). */
export async function applyDeliveries(
  db: SqlExecutor,
  schema: string,
  concurrency = 8,
): Promise<{ deliveries: number; handlerRuns: number }> {
  const rows = (await db.query<{ event_id: string }>(`SELECT event_id FROM ${schema}.deliveries ORDER BY seq`)).rows;
  let handlerRuns = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < rows.length) {
        const id = rows[next++]!.event_id;
        await handleOnce(
          db,
          { id, attributes: { [EVENT_ID_ATTRIBUTE]: id } },
          async (tx) => {
            handlerRuns++;
            await tx.query(`INSERT INTO ${schema}.effects (message_id) VALUES ($1)`, [id]);
          },
          { schema },
        );
      }
    }),
  );
  return { deliveries: rows.length, handlerRuns };
}

/** lost = expected ids without an effect; doubleApplied = ids with more than one effect. */
export async function checkEffects(
  db: SqlExecutor,
  schema: string,
  expectedSql: string,
): Promise<{ expected: number; lost: number; doubleApplied: number; unexpected: number }> {
  const r = await db.query<{ expected: string; lost: string; double: string; unexpected: string }>(
    `WITH e AS (${expectedSql}), f AS (SELECT message_id, count(*) AS n FROM ${schema}.effects GROUP BY 1)
     SELECT (SELECT count(*) FROM e) AS expected,
            (SELECT count(*) FROM e WHERE NOT EXISTS (SELECT 1 FROM f WHERE f.message_id = e.id)) AS lost,
            (SELECT count(*) FROM f WHERE n > 1) AS double,
            (SELECT count(*) FROM f WHERE NOT EXISTS (SELECT 1 FROM e WHERE e.id = f.message_id)) AS unexpected`,
  );
  const row = r.rows[0]!;
  return { expected: Number(row.expected), lost: Number(row.lost), doubleApplied: Number(row.double), unexpected: Number(row.unexpected) };
}

/** Print the scenario's counts as one JSON line and set the exit code. */
export function report(name: string, counts: Record<string, number | string | boolean>, pass: boolean): void {
  console.log(JSON.stringify({ scenario: name, size: FULL ? 'full' : 'ci', pass, ...counts }));
  if (!pass) process.exitCode = 1;
}

const bundles = new Map<string, string>();

/**
 * Bundle a child script once (esbuild, which tsx already ships) so each of the hundreds of spawns
 * costs a plain `node` start instead of a TypeScript transform of the whole tree.
 */
async function bundle(file: string): Promise<string> {
  const cached = bundles.get(file);
  if (cached) return cached;
  const require = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
  const esbuild = require('esbuild') as { build(options: Record<string, unknown>): Promise<unknown> };
  const dir = mkdtempSync(join(tmpdir(), 'jk-reliability-'));
  const out = join(dir, `${basename(file, '.ts')}.mjs`);
  await esbuild.build({
    entryPoints: [fileURLToPath(new URL(file, import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@jobkit/source'],
    outfile: out,
    external: ['pg-native', '@electric-sql/pglite'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  bundles.set(file, out);
  return out;
}

/** Spawn a child script (bundled on first use) that prints `ready` when set up. */
export async function spawnChild(
  file: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; ready: Promise<void>; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [await bundle(file)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      if (buf.includes('ready')) resolve();
    });
    void exited.then(() => reject(new Error('child exited before ready')));
  });
  ready.catch(() => undefined);
  return { child, ready, exited };
}

export async function cleanup(db: PostgresConnection, schema: string): Promise<void> {
  if (process.env.KEEP_SCHEMA) console.error(`kept schema ${schema}`);
  else await dropSchema(db, schema).catch(() => undefined);
  await db.close();
}
