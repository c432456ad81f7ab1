/**
 * Wires the tracker together: migrations, write model, outbox relay, the analytics and search
 * consumers, the archive saga (resumed on start) and the copy-job worker. The HTTP layer and tests
 * both drive this object.
 * @module
 */

import { createClickHouseAnalytics } from '@jobkit/adapters/clickhouse';
import { createOutboxRelay, createPostgresSagaLog, type OutboxRelay } from '@jobkit/adapters/postgres';
import { type Analytics, type ApplicationAnalytics, resumeSagas, type SagaLog, type Subscription } from '@jobkit/core';
import {
  ARCHIVE_SAGA,
  type ArchiveSagaDeps,
  archiveApplication,
  archivedCount,
  archiveSteps,
  migrateArchiveTable,
} from './archive-saga.js';
import {
  type ApplicationSearch,
  type ConsumerFaults,
  createApplicationSearch,
  readUserFigures,
  rebuildSearch,
  startAnalyticsConsumer,
  startSearchConsumer,
  type UserFigures,
} from './consumers.js';
import { type CopyJobs, type CopyJobsOptions, createCopyJobs } from './copy-job.js';
import { openTrackerEngines, type TrackerEngines, type TrackerEnginesOptions } from './engines.js';
import { migrateTracker } from './schema.js';
import { APPLICATION_TOPIC, createWriteModel, type WriteModel } from './write-model.js';

export interface TrackerOptions extends TrackerEnginesOptions {
  /** Use already-open engines (the tracker then does not close them). */
  engines?: TrackerEngines;
  /** Clock for event times and stats trends. @default () => new Date() */
  now?: () => Date;
  /** Start the relay, consumers and worker in `start()`. @default { relay: true, consumers: true, worker: true } */
  run?: { relay?: boolean; consumers?: boolean; worker?: boolean };
  /** Relay poll interval. @default 50 */
  relayPollMs?: number;
  /** Fault hooks for tests. */
  faults?: ConsumerFaults & { archive?: ArchiveSagaDeps['fault']; copy?: CopyJobsOptions['fault'] };
  /** Default copy chunk size. @default 100 */
  chunkSize?: number;
}

export interface Tracker {
  engines: TrackerEngines;
  schema: string;
  writeModel: WriteModel;
  analytics: Analytics & ApplicationAnalytics;
  search: ApplicationSearch;
  relay: OutboxRelay;
  sagaLog: SagaLog;
  copyJobs: CopyJobs;
  /** Attach (or re-attach, after `stopConsumers`) the analytics and search consumers. */
  startConsumers(): Promise<void>;
  /** Detach the consumers, as a crashed/redeployed consumer process would. */
  stopConsumers(): Promise<void>;
  figures(userId: string): Promise<UserFigures | null>;
  archive(userId: string, applicationId: string): ReturnType<typeof archiveApplication>;
  archivedCount(userId: string): Promise<number>;
  searchApplications(userId: string, q: string, options?: { page?: number; perPage?: number }): ReturnType<ApplicationSearch['search']>;
  /** Set or clear the consumer fault hooks. */
  setFaults(faults: TrackerOptions['faults']): void;
  close(): Promise<void>;
}

/** Open engines (unless given), migrate, and start the moving parts. */
export async function createTracker(options: TrackerOptions = {}): Promise<Tracker> {
  const engines = options.engines ?? (await openTrackerEngines(options));
  const ownsEngines = !options.engines;
  const schema = engines.namespace;
  const { db, broker, clickhouse } = engines;
  const run = { relay: true, consumers: true, worker: true, ...options.run };
  const faults: NonNullable<TrackerOptions['faults']> = { ...options.faults };
  try {
    await migrateTracker(db, schema);
    const analytics = createClickHouseAnalytics({ client: clickhouse, database: schema });
    await analytics.migrate();
    await migrateArchiveTable(clickhouse, schema);

    const writeModel = createWriteModel({ db, schema, ...(options.now ? { now: options.now } : {}) });
    const search = createApplicationSearch();
    await rebuildSearch(db, schema, search);
    const relay = createOutboxRelay({
      client: db,
      broker,
      topic: APPLICATION_TOPIC,
      schema,
      pollIntervalMs: options.relayPollMs ?? 50,
      backoff: { baseMs: 100, maxMs: 5000 },
    });
    const sagaLog = createPostgresSagaLog({ client: db, schema, autoMigrate: false });
    const sagaDeps: ArchiveSagaDeps = {
      db,
      schema,
      clickhouse,
      database: schema,
      search,
      writeModel,
      log: sagaLog,
      fault: (step) => faults.archive?.(step),
    };
    // A saga cut short by a crash finishes (or finishes compensating) before new traffic.
    await resumeSagas(sagaLog, { [ARCHIVE_SAGA]: archiveSteps(sagaDeps) });
    const copyJobs = createCopyJobs({ db, schema, defaultChunkSize: options.chunkSize ?? 100, fault: (...a) => faults.copy?.(...a) });

    let subs: Subscription[] = [];
    const consumerFaults: ConsumerFaults = { afterAnalyticsInsert: (id) => faults.afterAnalyticsInsert?.(id) };
    // Pub/Sub retains messages only for subscriptions that exist: create them before any publish.
    if (broker.ensureSubscription) {
      await broker.ensureSubscription(APPLICATION_TOPIC, 'tracker-analytics');
      await broker.ensureSubscription(APPLICATION_TOPIC, 'tracker-search');
    }
    const tracker: Tracker = {
      engines,
      schema,
      writeModel,
      analytics,
      search,
      relay,
      sagaLog,
      copyJobs,
      async startConsumers() {
        if (subs.length > 0) return;
        const now = options.now ?? (() => new Date());
        subs = [
          await startAnalyticsConsumer({ db, schema, broker, analytics, now, faults: consumerFaults }),
          await startSearchConsumer({ db, schema, broker, search, writeModel }),
        ];
      },
      async stopConsumers() {
        const open = subs;
        subs = [];
        await Promise.all(open.map((s) => s.close()));
      },
      figures: (userId) => readUserFigures(db, schema, userId),
      archive: (userId, applicationId) => archiveApplication(sagaDeps, userId, applicationId),
      archivedCount: (userId) => archivedCount(clickhouse, schema, userId),
      searchApplications: (userId, q, o) => search.search(userId, q, o),
      setFaults(next) {
        for (const k of Object.keys(faults) as (keyof typeof faults)[]) delete faults[k];
        Object.assign(faults, next);
      },
      async close() {
        await relay.stop().catch(() => undefined);
        await copyJobs.stop().catch(() => undefined);
        await tracker.stopConsumers().catch(() => undefined);
        await search.close().catch(() => undefined);
        await analytics.close().catch(() => undefined);
        if (ownsEngines) await engines.close();
      },
    };
    if (run.relay) relay.start();
    if (run.consumers) await tracker.startConsumers();
    if (run.worker) copyJobs.startWorker();
    return tracker;
  } catch (error) {
    if (ownsEngines) await engines.close();
    throw error;
  }
}
