/**
 * In-process ClickHouse: a `@clickhouse/client` client whose connection is chDB
 * (`chdb/connection`). Both libraries load lazily here, so importing `@jobkit/adapters/clickhouse`
 * to talk to a server never loads chDB.
 * @module
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobkitError } from '@jobkit/core';
import type { ClickHouseClientLike, RawInsertParams, RowBinaryInsertParams } from './client.js';
import { structureOf } from './row-binary.js';

const WHERE = 'adapters/clickhouse';

export interface EmbeddedClickHouseOptions {
  /**
   * Directory of the chDB session. chDB allows one on-disk path per process at a time.
   * @default ':memory:' (a temp dir shared by every `:memory:` connection of the process)
   */
  path?: string;
}

/** A client for {@link createClickHouseAnalytics} plus chDB's raw insert escape hatch. */
export interface EmbeddedClickHouse extends ClickHouseClientLike {
  /**
   * Raw passthrough insert (payload handed to chDB without the client's string round trip).
   * Same engine, same dedup settings; used by the analytics adapter when available.
   */
  rawInsert(params: RawInsertParams): Promise<void>;
  /**
   * Binary insert: chDB's inline insert only takes text formats, so the rows are written to a
   * private spool file (under `/dev/shm` when present, else the OS temp dir) and read with
   * `INSERT … SELECT * FROM file(…, 'RowBinary', …)`, the engine's parallel file reader. The file is
   * removed when the insert returns; the directory on `close()`. Settings (the deduplication token)
   * apply as on any insert.
   */
  insertRowBinary(params: RowBinaryInsertParams): Promise<void>;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;
const TYPE = /^[A-Za-z0-9_(), ']+$/;
/** A ClickHouse string literal. */
const literal = (v: string | number | boolean) =>
  typeof v === 'string' ? `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : String(v);

async function load<T>(specifier: string): Promise<T> {
  try {
    return (await import(specifier)) as T;
  } catch (cause) {
    throw new JobkitError(
      'DEPENDENCY_MISSING',
      `[${WHERE}] createEmbeddedClickHouse needs '${specifier}': install chdb and @clickhouse/client, or pass your own client to createClickHouseAnalytics`,
      { cause },
    );
  }
}

interface ChdbConnectionModule {
  createChdbConnection(options: { path?: string }): {
    chdb: { rawInsert(p: RawInsertParams): Promise<unknown> };
  };
}
interface ClickHouseClientModule {
  createClient(config: { connection: unknown }): ClickHouseClientLike;
}

/** Create an in-process ClickHouse (chDB) client. */
export async function createEmbeddedClickHouse(options: EmbeddedClickHouseOptions = {}): Promise<EmbeddedClickHouse> {
  const [{ createChdbConnection }, { createClient }] = await Promise.all([
    load<ChdbConnectionModule>('chdb/connection'),
    load<ClickHouseClientModule>('@clickhouse/client'),
  ]);
  const connection = createChdbConnection({ path: options.path ?? ':memory:' });
  const client = createClient({ connection });
  let spool: Promise<string> | null = null;
  let spooled = 0;
  const spoolDir = () => (spool ??= mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'jobkit-chdb-')));
  return {
    command: (p) => client.command(p),
    insert: (p) => client.insert(p),
    query: (p) => client.query(p),
    async close() {
      await client.close();
      if (spool) await rm(await spool, { recursive: true, force: true });
    },
    async insertRowBinary(p) {
      if (!IDENT.test(p.table)) throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] bad table name ${JSON.stringify(p.table)}`);
      for (const [name, type] of p.structure) {
        if (!IDENT.test(name) || !TYPE.test(type))
          throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] bad column ${JSON.stringify([name, type])}`);
      }
      for (const key of Object.keys(p.settings ?? {})) {
        if (!IDENT.test(key)) throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] bad setting name ${JSON.stringify(key)}`);
      }
      const file = join(await spoolDir(), `${process.pid}-${++spooled}.bin`);
      const settings = Object.entries(p.settings ?? {}).map(([k, v]) => `${k} = ${literal(v)}`);
      await writeFile(file, p.body);
      try {
        await client.command({
          query: `INSERT INTO ${p.table} (${p.structure.map(([n]) => n).join(', ')}) ${settings.length ? `SETTINGS ${settings.join(', ')} ` : ''}SELECT * FROM file(${literal(file)}, 'RowBinary', ${literal(structureOf(p.structure))})`,
        });
      } finally {
        await unlink(file).catch(() => undefined);
      }
    },
    async rawInsert(p) {
      await connection.chdb.rawInsert(p);
    },
  };
}
