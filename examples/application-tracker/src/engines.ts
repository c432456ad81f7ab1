/**
 * Opens the tracker's engines from environment variables: PGlite, the memory broker and chDB by
 * default; `DATABASE_URL`, `PUBSUB_EMULATOR_HOST` (+ `PUBSUB_PROJECT_ID`) and `CLICKHOUSE_URL`
 * switch to real servers. Owns opening and closing them; the tracker only sees ports.
 * @module
 */

import { type ClickHouseClientLike, createEmbeddedClickHouse } from '@jobkit/adapters/clickhouse';
import { connectPostgres, dropSchema, type PostgresConnection } from '@jobkit/adapters/postgres';
import { type Broker, createMemoryBroker, JobkitError } from '@jobkit/core';

const WHERE = 'example/application-tracker';

export interface TrackerEnginesOptions {
  /** Environment to read. @default process.env */
  env?: Record<string, string | undefined>;
  /**
   * Postgres schema, ClickHouse database and Pub/Sub topic prefix of this instance, so tests never
   * share state. Lower-case letters, digits and `_`. @default 'tracker'
   */
  namespace?: string;
  /** Drop the Postgres schema and ClickHouse database on `close()` (tests on shared servers). @default false */
  dropOnClose?: boolean;
  /** Use this broker instead of choosing one from the environment (tests inject fault-capable ones). */
  broker?: Broker;
}

export interface TrackerEngines {
  db: PostgresConnection;
  broker: Broker;
  clickhouse: ClickHouseClientLike;
  namespace: string;
  /** Which engine serves each role, for the banner and `/api/health`. */
  describe: { db: string; broker: string; clickhouse: string };
  close(): Promise<void>;
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');

/** Open the engines the environment asks for. */
export async function openTrackerEngines(options: TrackerEnginesOptions = {}): Promise<TrackerEngines> {
  const env = options.env ?? process.env;
  const ns = options.namespace ?? 'tracker';
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(ns)) {
    throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] namespace must be lower-case letters, digits and _ (got "${ns}")`);
  }
  const closers: (() => Promise<unknown>)[] = [];
  try {
    const dbUrl = env.DATABASE_URL;
    const db = await connectPostgres(dbUrl ?? 'memory://');
    closers.push(() => db.close());
    if (dbUrl && options.dropOnClose) closers.unshift(() => dropSchema(db, ns));

    let broker: Broker;
    let brokerName = 'memory';
    if (options.broker) {
      broker = options.broker;
      brokerName = broker.name;
    } else if (env.PUBSUB_EMULATOR_HOST || env.PUBSUB_PROJECT_ID) {
      const [{ PubSub }, { createPubSubBroker }] = await Promise.all([import('@google-cloud/pubsub'), import('@jobkit/adapters/pubsub')]);
      const client = new PubSub({ projectId: env.PUBSUB_PROJECT_ID ?? 'jobkit-tracker' });
      // The emulator's server-side dead-lettering is unreliable, so the client does it there.
      broker = createPubSubBroker({
        client,
        topicPrefix: `${ns.replace(/_/g, '-')}-`,
        deadLetterMode: env.PUBSUB_EMULATOR_HOST ? 'client' : 'server',
      });
      brokerName = env.PUBSUB_EMULATOR_HOST ? `pubsub emulator (${env.PUBSUB_EMULATOR_HOST})` : `pubsub (${env.PUBSUB_PROJECT_ID})`;
      closers.unshift(() => client.close());
      closers.unshift(() => broker.close());
    } else {
      broker = createMemoryBroker();
      closers.unshift(() => broker.close());
    }

    let clickhouse: ClickHouseClientLike;
    let chName = 'chdb (embedded ClickHouse)';
    if (env.CLICKHOUSE_URL) {
      const { createClient } = await import('@clickhouse/client');
      clickhouse = createClient({ url: env.CLICKHOUSE_URL }) as unknown as ClickHouseClientLike;
      chName = `clickhouse (${redact(env.CLICKHOUSE_URL)})`;
    } else {
      clickhouse = await createEmbeddedClickHouse();
    }
    closers.unshift(() => clickhouse.close());
    if (options.dropOnClose) closers.unshift(() => clickhouse.command({ query: `DROP DATABASE IF EXISTS ${ns}` }));

    return {
      db,
      broker,
      clickhouse,
      namespace: ns,
      describe: { db: dbUrl ? `postgres (${redact(dbUrl)})` : 'pglite (in-memory)', broker: brokerName, clickhouse: chName },
      async close() {
        for (const c of closers.splice(0)) await c().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const c of closers) await c().catch(() => undefined);
    throw error;
  }
}
