/**
 * One lifecycle vocabulary across adapters (docs/writing-an-adapter.md, "Lifecycle"): the client
 * comes in as `client` (Postgres still takes the deprecated `db`), schema setup is `migrate()`
 * (the deprecated `ensureSchema()` is the same function), and `close()` closes a client only when
 * the adapter owns it.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { createEvent, JobkitError, type SqlExecutor } from '@jobkit/core';
import { afterAll, describe, expect, it } from 'vitest';

type SqlCapabilities = NonNullable<SqlExecutor['capabilities']>;

import { createEmbeddedSearchIndex } from '@jobkit/adapters/embedded-search';
import {
  createPostgresJobStore,
  createPostgresQueue,
  createPostgresSagaLog,
  enqueueOutbox,
  fromPg,
  fromPglite,
  migrate,
} from '@jobkit/adapters/postgres';
import { createPubSubBroker, type PubSubLike } from '@jobkit/adapters/pubsub';
import { createTypesenseSearchIndex, type TypesenseClientLike } from '@jobkit/adapters/typesense';
import { contractJob } from '@jobkit/core/testing';

const lite = new PGlite();
afterAll(() => lite.close());
const schema = () => `jk_life_${randomBytes(5).toString('hex')}`;

/** An executor over the shared PGlite that records whether it was closed. */
function closable() {
  const state = { closed: 0 };
  return { state, client: Object.assign(fromPglite(lite), { close: async () => void state.closed++ }) };
}

describe('Postgres adapters take `client`, still accept `db`, and close only an owned client', () => {
  it('`client` and the deprecated `db` reach the same tables', async () => {
    const s = schema();
    await createPostgresJobStore({ client: fromPglite(lite), schema: s }).upsertJobs([contractJob(1), contractJob(2)]);
    const viaDb = createPostgresJobStore({ db: fromPglite(lite), schema: s, autoMigrate: false });
    expect((await viaDb.stats()).total).toBe(2);
  });

  it('refuses options without an executor', () => {
    for (const create of [
      () => createPostgresJobStore({} as never),
      () => createPostgresQueue({ name: 'q' } as never),
      () => createPostgresSagaLog({} as never),
    ]) {
      expect(create).toThrow(JobkitError);
      expect(create).toThrow(/client/);
    }
  });

  it('close() leaves the caller’s client open unless ownsClient', async () => {
    const shared = closable();
    await createPostgresJobStore({ client: shared.client, schema: schema() }).close();
    await createPostgresQueue({ client: shared.client, schema: schema(), name: 'q' }).close();
    expect(shared.state.closed).toBe(0);

    const owned = closable();
    const store = createPostgresJobStore({ client: owned.client, schema: schema(), ownsClient: true });
    await store.close();
    await store.close();
    expect(owned.state.closed, 'closed once').toBe(1);
    const queueOwned = closable();
    await createPostgresQueue({ client: queueOwned.client, schema: schema(), name: 'q', ownsClient: true }).close();
    expect(queueOwned.state.closed).toBe(1);
  });
});

describe('Pub/Sub broker closes the client only with ownsClient', () => {
  const fakeClient = () => {
    const state = { closed: 0 };
    const client: PubSubLike = {
      topic: () => {
        throw new Error('not used');
      },
      subscription: () => {
        throw new Error('not used');
      },
      close: async () => void state.closed++,
    };
    return { client, state };
  };

  it('keeps a passed-in client open by default', async () => {
    const { client, state } = fakeClient();
    await createPubSubBroker({ client }).close();
    expect(state.closed).toBe(0);
  });

  it('closes it with ownsClient: true', async () => {
    const { client, state } = fakeClient();
    await createPubSubBroker({ client, ownsClient: true }).close();
    expect(state.closed).toBe(1);
  });
});

describe('search indexes name schema setup migrate()', () => {
  it('embedded: migrate() and the deprecated ensureSchema() both succeed and are refused once closed', async () => {
    const index = createEmbeddedSearchIndex();
    await index.migrate();
    await index.ensureSchema();
    await index.close();
    await expect(index.migrate()).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it('typesense: migrate() creates the collection once; ensureSchema() is the same function', async () => {
    const created: string[] = [];
    let closed = 0;
    const collections = new Set<string>();
    const client = {
      collections(name?: string) {
        if (name === undefined) {
          return {
            create: async (s: { name: string }) => {
              created.push(s.name);
              collections.add(s.name);
            },
          };
        }
        return {
          retrieve: async () => {
            if (!collections.has(name)) throw Object.assign(new Error('Not Found'), { httpStatus: 404 });
            return {};
          },
          documents: () => {
            throw new Error('not used');
          },
        };
      },
      close: () => void closed++,
    } as unknown as TypesenseClientLike;
    const index = createTypesenseSearchIndex({ client, collection: 'life' });
    expect(index.ensureSchema).toBe(index.migrate);
    await index.migrate();
    await index.ensureSchema();
    expect(created).toEqual(['life']);
    await index.close();
    expect(closed, 'a client passed in is the caller’s').toBe(0);

    const owning = createTypesenseSearchIndex({ client, collection: 'life', ownsClient: true });
    await owning.migrate();
    await owning.close();
    expect(closed).toBe(1);
  });
});

describe('SqlExecutor capabilities replace the dialect', () => {
  const fakePool = { query: async () => ({ rows: [], rowCount: 0 }), connect: async () => ({}), totalCount: 0, idleCount: 0 };
  const fakeClient = { query: async () => ({ rows: [], rowCount: 0 }) };

  it('each wrapper says what its engine can do (and still reports the deprecated dialect)', () => {
    expect(fromPglite(lite).capabilities).toEqual({ listenNotify: false, parallelStatements: false, embedded: true });
    expect(fromPg(fakePool as never).capabilities).toEqual({ listenNotify: true, parallelStatements: true, embedded: false });
    expect(fromPg(fakeClient as never).capabilities).toEqual({ listenNotify: true, parallelStatements: false, embedded: false });
    expect(fromPglite(lite).dialect).toBe('pglite');
    expect(fromPg(fakePool as never).dialect).toBe('postgres');
  });

  it('helpers branch on the flags: an executor of another engine is served by what it declares', async () => {
    const seen: string[] = [];
    /** PGlite underneath, but no dialect: only the declared capabilities tell the helpers anything. */
    const declaring = (db: SqlExecutor, capabilities: SqlCapabilities): SqlExecutor => ({
      capabilities,
      inTransaction: db.inTransaction,
      query: (sql, params) => (seen.push(sql), db.query(sql, params)),
      transaction: (fn) => db.transaction((tx) => fn(declaring(tx, capabilities))),
    });
    const s = schema();
    const quiet = declaring(fromPglite(lite), { listenNotify: false, parallelStatements: false, embedded: true });
    expect(createPostgresJobStore({ client: quiet, schema: s }).name).toBe('pglite');
    await migrate(quiet, { schema: s });
    const removed = (id: string) => createEvent('job.removed', id, { urlHash: id });
    await quiet.transaction((tx) => enqueueOutbox(tx, [removed('a')], { schema: s }));
    expect(seen.some((q) => q.includes('INSERT INTO'))).toBe(true);
    expect(
      seen.some((q) => q.includes('pg_notify')),
      'no NOTIFY where it reaches nobody',
    ).toBe(false);

    const server = declaring(fromPglite(lite), { listenNotify: true, parallelStatements: true, embedded: false });
    expect(createPostgresJobStore({ client: server, schema: s }).name).toBe('postgres');
    seen.length = 0;
    await server.transaction((tx) => enqueueOutbox(tx, [removed('b')], { schema: s }));
    expect(
      seen.some((q) => q.includes('pg_notify')),
      'NOTIFY wakes relays on a server',
    ).toBe(true);
  });
});
