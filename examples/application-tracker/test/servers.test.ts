/**
 * The same flows against real servers: PostgreSQL (`DATABASE_URL`) and the Pub/Sub emulator
 * (`PUBSUB_EMULATOR_HOST`); ClickHouse stays chDB unless `CLICKHOUSE_URL` is set. Skipped, with
 * the reason in the title, when either variable is missing.
 * @module
 */

import { type Broker, eventToMessage } from '@jobkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTracker, type Tracker } from '../src/tracker.js';
import { APPLICATION_TOPIC } from '../src/write-model.js';
import { daysAgo, expectedStats, inboxCount, namespace, outboxEvents, settled, waitFor } from './helpers.js';

const env = process.env;
const ready = Boolean(env.DATABASE_URL && env.PUBSUB_EMULATOR_HOST);
const NOW = new Date('2026-03-01T12:00:00.000Z');

describe.skipIf(!ready)(
  `tracker on PostgreSQL + Pub/Sub emulator${ready ? '' : ' (skipped: set DATABASE_URL and PUBSUB_EMULATOR_HOST)'}`,
  () => {
    let tracker: Tracker;
    beforeAll(async () => {
      tracker = await createTracker({ env, namespace: namespace('srv'), dropOnClose: true, now: () => NOW });
    }, 120_000);
    afterAll(async () => {
      await tracker?.close();
    });

    it('keeps figures exact under revert, duplicates and a consumer restart', async () => {
      expect(tracker.engines.describe.db).toMatch(/^postgres/);
      expect(tracker.engines.describe.broker).toMatch(/pubsub emulator/);
      const u = 'henry';
      const ids: string[] = [];
      for (let k = 0; k < 5; k++)
        ids.push((await tracker.writeModel.add(u, { company: `Org ${k}`, title: 'Engineer', appliedAt: daysAgo(NOW, 6 * k + 2) })).id);
      await tracker.writeModel.changeStatus(u, ids[0]!, { status: 'screening', at: daysAgo(NOW, 1) });
      await tracker.writeModel.changeStatus(u, ids[1]!, { status: 'interviewing', at: daysAgo(NOW, 4) });
      await tracker.writeModel.changeStatus(u, ids[1]!, { status: 'offer', at: daysAgo(NOW, 2) });
      await tracker.writeModel.revert(u, ids[1]!);
      await settled(tracker, u, 60_000);

      // Consumer restart while traffic continues, then every event is published once more.
      await tracker.stopConsumers();
      await tracker.writeModel.changeStatus(u, ids[2]!, { status: 'rejected', at: daysAgo(NOW, 3) });
      await tracker.writeModel.remove(u, ids[4]!);
      await tracker.startConsumers();
      const events = await outboxEvents(tracker, u);
      const broker: Broker = tracker.engines.broker;
      await broker.publish(
        APPLICATION_TOPIC,
        events.map((e) =>
          eventToMessage({
            id: e.eventId,
            type: `application.${e.type}`,
            aggregateId: e.applicationId,
            occurredAt: e.occurredAt,
            payload: e,
          }),
        ),
      );
      const figures = await settled(tracker, u, 60_000);
      expect(figures.stats).toEqual(await expectedStats(tracker, u, NOW));
      expect(figures.stats).toMatchObject({ applications: 4, responseRate: 0.75, interviewRate: 0.25, offerRate: 0 });
      // Duplicates land on the inbox conflict, never on the figures.
      await waitFor(async () => (await inboxCount(tracker, 'search')) === events.length, 'search inbox', 60_000);
      expect(await inboxCount(tracker, 'analytics')).toBe(events.length);
      expect((await tracker.figures(u))!.eventsApplied).toBe(events.length);
    }, 120_000);

    it('compensates the archive saga on PostgreSQL', async () => {
      const u = 'iris';
      const app = await tracker.writeModel.add(u, { company: 'Wayne Enterprises', title: 'Analyst' });
      await waitFor(async () => (await tracker.searchApplications(u, 'wayne')).found === 1, 'indexed', 60_000);
      tracker.setFaults({
        archive: (step) => {
          if (step === 'record-in-analytics') throw new Error('analytics down');
        },
      });
      expect((await tracker.archive(u, app.id)).status).toBe('compensated');
      expect((await tracker.writeModel.get(u, app.id)).archivedAt).toBeNull();
      expect((await tracker.searchApplications(u, 'wayne')).found).toBe(1);
      tracker.setFaults({});
      expect((await tracker.archive(u, app.id)).status).toBe('completed');
      expect(await tracker.archivedCount(u)).toBe(1);
    }, 60_000);

    it('runs a chunked copy job with progress', async () => {
      const u = 'jack';
      const postings = Array.from({ length: 120 }, (_, i) => ({
        id: `${u}-${i}`,
        title: `T${i}`,
        company: 'C',
        url: `https://example.com/${u}/${i}`,
      }));
      await tracker.copyJobs.savePostings(u, { postings });
      const col = await tracker.copyJobs.createCollection(u, { name: 'All' });
      const seen: number[] = [];
      const job = await tracker.copyJobs.start(u, col.id, { all: true, chunkSize: 40 });
      const off = tracker.copyJobs.onProgress(job.id, (j) => seen.push(j.processed));
      const done = await waitFor(
        async () => {
          const j = await tracker.copyJobs.get(job.id);
          return j.status === 'completed' ? j : null;
        },
        'copy job',
        60_000,
      );
      off();
      expect(done).toMatchObject({ total: 120, processed: 120, inserted: 120, skipped: 0, steps: 3 });
      expect(seen.at(-1)).toBe(120);
    }, 60_000);
  },
);
