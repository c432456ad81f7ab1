/**
 * In-process ClickHouse: a `@clickhouse/client` client whose connection is chDB
 * (`chdb/connection`). Both libraries load lazily here, so importing `@jobkit/adapters/clickhouse`
 * to talk to a server never loads chDB.
 * @module
 */
import { JobkitError } from '@jobkit/core';
import type { ClickHouseClientLike, RawInsertParams } from './client.js';

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
}

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
  return {
    command: (p) => client.command(p),
    insert: (p) => client.insert(p),
    query: (p) => client.query(p),
    close: () => client.close(),
    async rawInsert(p) {
      await connection.chdb.rawInsert(p);
    },
  };
}
