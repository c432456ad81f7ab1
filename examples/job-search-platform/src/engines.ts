/**
 * Picks the demo's engines from environment variables alone: embedded defaults (PGlite, memory
 * broker, embedded search, chDB) unless `DATABASE_URL`, `PUBSUB_EMULATOR_HOST` / `PUBSUB_PROJECT_ID`,
 * `TYPESENSE_URL` (+ `TYPESENSE_API_KEY`) or `CLICKHOUSE_URL` point at real servers. Owns opening
 * and closing them; ingestion and the API only see the ports.
 * @module
 */

import { createClickHouseAnalytics, createEmbeddedClickHouse } from '@jobkit/adapters/clickhouse';
import { createEmbeddedSearchIndex } from '@jobkit/adapters/embedded-search';
import {
  connectPostgres,
  createOutboxRelay,
  createPostgresJobStore,
  dropSchema,
  type OutboxRelay,
  type PostgresConnection,
} from '@jobkit/adapters/postgres';
import { type Analytics, type Broker, createMemoryBroker, JobkitError, type JobStore, type SearchIndex } from '@jobkit/core';

const WHERE = 'example/engines';

/** Topic the outbox relay publishes job events to. */
export const JOB_EVENTS_TOPIC = 'jobkit-demo-job-events';

export interface EnginesOptions {
  /** Environment to read. @default process.env */
  env?: Record<string, string | undefined>;
  /**
   * Namespace of this instance: Postgres schema, ClickHouse database, Typesense collection and
   * Pub/Sub topic prefix, so tests and demos never share state. Letters, digits and `_`.
   * @default 'jobkit_demo'
   */
  namespace?: string;
  /** Drop the Postgres schema on `close()` (tests). @default false */
  dropOnClose?: boolean;
}

export interface Engines {
  store: JobStore;
  search: SearchIndex;
  analytics: Analytics;
  broker: Broker;
  /** Publishes the store's outbox to {@link JOB_EVENTS_TOPIC}. */
  relay: OutboxRelay;
  db: PostgresConnection;
  /** Engine per role, for the startup banner and `/health`. */
  describe: { store: string; broker: string; search: string; analytics: string };
  /** Cheap liveness probe of every engine. */
  ping(): Promise<Record<string, boolean>>;
  close(): Promise<void>;
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');

/** Open the engines the environment asks for. */
export async function openEngines(options: EnginesOptions = {}): Promise<Engines> {
  const env = options.env ?? process.env;
  const ns = options.namespace ?? 'jobkit_demo';
  if (!/^[a-z_][a-z0-9_]{0,40}$/i.test(ns))
    throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] namespace must be letters, digits and _ (got "${ns}")`);
  const closers: (() => Promise<unknown>)[] = [];
  try {
    const dbUrl = env.DATABASE_URL;
    const db = await connectPostgres(dbUrl ?? 'memory://');
    closers.push(() => db.close());
    if (dbUrl && options.dropOnClose) closers.unshift(() => dropSchema(db, ns));
    const store = createPostgresJobStore({ client: db, schema: ns, outbox: true });
    closers.unshift(() => store.close());

    let broker: Broker;
    let brokerName = 'memory';
    const project = env.PUBSUB_PROJECT_ID ?? env.GOOGLE_CLOUD_PROJECT;
    if (env.PUBSUB_EMULATOR_HOST || project) {
      const [{ PubSub }, { createPubSubBroker }] = await Promise.all([import('@google-cloud/pubsub'), import('@jobkit/adapters/pubsub')]);
      const client = new PubSub({ projectId: project ?? 'jobkit-demo' });
      broker = createPubSubBroker({
        client,
        topicPrefix: `${ns.replace(/_/g, '-')}-`,
        deadLetterMode: env.PUBSUB_EMULATOR_HOST ? 'client' : 'server',
      });
      brokerName = env.PUBSUB_EMULATOR_HOST ? `pubsub emulator (${env.PUBSUB_EMULATOR_HOST})` : `pubsub (${project})`;
      closers.unshift(() => client.close());
    } else {
      broker = createMemoryBroker();
    }
    closers.unshift(() => broker.close());
    const relay = createOutboxRelay({ client: db, broker, topic: JOB_EVENTS_TOPIC, schema: ns, pollIntervalMs: 200 });
    closers.unshift(() => relay.stop());

    let search: SearchIndex;
    let searchName = 'embedded';
    if (env.TYPESENSE_URL) {
      const { createTypesenseSearchIndex } = await import('@jobkit/adapters/typesense');
      search = createTypesenseSearchIndex({ url: env.TYPESENSE_URL, apiKey: env.TYPESENSE_API_KEY ?? '', collection: `${ns}_jobs` });
      searchName = `typesense (${redact(env.TYPESENSE_URL)})`;
    } else {
      search = createEmbeddedSearchIndex();
    }
    await search.migrate();
    closers.unshift(() => search.close());

    let analytics: Analytics;
    let analyticsName = 'chdb (embedded ClickHouse)';
    if (env.CLICKHOUSE_URL) {
      const { createClient } = await import('@clickhouse/client');
      const client = createClient({ url: env.CLICKHOUSE_URL });
      analytics = createClickHouseAnalytics({ client, database: ns, ownsClient: true });
      analyticsName = `clickhouse (${redact(env.CLICKHOUSE_URL)})`;
    } else {
      const client = await createEmbeddedClickHouse();
      analytics = createClickHouseAnalytics({ client, database: ns, ownsClient: true });
    }
    await analytics.migrate();
    closers.unshift(() => analytics.close());

    return {
      store,
      search,
      analytics,
      broker,
      relay,
      db,
      describe: {
        store: dbUrl ? `postgres (${redact(dbUrl)})` : 'pglite (in-memory)',
        broker: brokerName,
        search: searchName,
        analytics: analyticsName,
      },
      async ping() {
        const ok = async (p: Promise<unknown>) =>
          p.then(
            () => true,
            () => false,
          );
        const [storeOk, searchOk, analyticsOk] = await Promise.all([
          ok(db.query('SELECT 1')),
          ok(search.search({ q: '*', perPage: 1 })),
          ok(analytics.atsShare()),
        ]);
        return { store: storeOk, search: searchOk, analytics: analyticsOk };
      },
      async close() {
        for (const c of closers) await c().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const c of closers) await c().catch(() => undefined);
    throw error;
  }
}
