/**
 * Tracker end to end on the embedded engines (PGlite, memory broker, chDB): revert, duplicate
 * deliveries, a consumer crash mid-batch, and the archive saga's compensation. Expected figures
 * come from core's in-memory analytics over the committed events (an independent implementation)
 * and, for the first scenario, from hand-computed numbers.
 * @module
 */

import { createMemoryBroker, type EventEnvelope, eventToMessage, JobkitError } from '@jobkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createTracker, type Tracker } from '../src/tracker.js';
import { APPLICATION_TOPIC } from '../src/write-model.js';
import { daysAgo, expectedStats, inboxCount, namespace, outboxEvents, settled, waitFor } from './helpers.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const open: Tracker[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});

async function tracker(label: string, extra: Parameters<typeof createTracker>[0] = {}) {
  const t = await createTracker({ env: {}, namespace: namespace(label), now: () => NOW, ...extra });
  open.push(t);
  return t;
}

describe('application tracker', () => {
  it('applies status changes and reverts to figures, search and the write model', async () => {
    const t = await tracker('revert');
    const u = 'alice';
    const a = await t.writeModel.add(u, { company: 'Acme Robotics', title: 'Backend Engineer', appliedAt: daysAgo(NOW, 10) });
    const b = await t.writeModel.add(u, { company: 'Globex', title: 'Data Engineer', appliedAt: daysAgo(NOW, 20) });
    await t.writeModel.add(u, { company: 'Initech', title: 'Frontend Engineer', appliedAt: daysAgo(NOW, 3) });
    await t.writeModel.changeStatus(u, a.id, { status: 'screening', at: daysAgo(NOW, 7) });
    await t.writeModel.changeStatus(u, a.id, { status: 'interviewing', at: daysAgo(NOW, 5) });
    await t.writeModel.changeStatus(u, b.id, { status: 'rejected', at: daysAgo(NOW, 10) });
    const reverted = await t.writeModel.revert(u, a.id);
    expect(reverted.status).toBe('screening');

    const figures = await settled(t, u);
    // A responded after 3 days (its interview was reverted), B after 10, C not yet.
    expect(figures.stats).toMatchObject({
      applications: 3,
      responseRate: 0.6667,
      interviewRate: 0,
      offerRate: 0,
      avgDaysToFirstResponse: 6.5,
    });
    expect(figures.stats.trends[0]).toEqual({ days: 30, current: 3, previous: 0, change: null });
    expect(figures.stats).toEqual(await expectedStats(t, u, NOW));

    // Revert again undoes the screening change too; a third revert has nothing left to undo.
    expect((await t.writeModel.revert(u, a.id)).status).toBe('applied');
    await expect(t.writeModel.revert(u, a.id)).rejects.toSatisfy((e) => JobkitError.is(e) && e.details.httpStatus === 409);
    const after = await settled(t, u);
    expect(after.stats).toMatchObject({ applications: 3, responseRate: 0.3333, avgDaysToFirstResponse: 10 });

    const hits = await waitFor(async () => {
      const r = await t.searchApplications(u, 'acme');
      return r.found === 1 ? r : null;
    }, 'search hit');
    expect(hits.hits[0]).toMatchObject({ applicationId: a.id, company: 'Acme Robotics' });

    await t.writeModel.remove(u, b.id);
    const deleted = await settled(t, u);
    expect(deleted.stats.applications).toBe(2);
    expect(deleted.stats).toEqual(await expectedStats(t, u, NOW));
    await waitFor(async () => (await t.searchApplications(u, 'globex')).found === 0, 'deleted application leaves search');
    // Another user's figures are untouched by all of this.
    expect(await t.figures('bob')).toBeNull();
  });

  it('counts each event once when every event is delivered 1–3 times', async () => {
    // Lost acks make the broker redeliver on its own; on top, every event is republished 0–2 times.
    const broker = createMemoryBroker({ duplicateRate: 0.3 });
    const t = await tracker('dupes', { broker });
    const users = ['u1', 'u2'];
    for (const [i, u] of users.entries()) {
      for (let k = 0; k < 6; k++) {
        const app = await t.writeModel.add(u, { company: `Co ${k}`, title: `Role ${k}`, appliedAt: daysAgo(NOW, 5 + k * 9) });
        if ((k + i) % 2 === 0) await t.writeModel.changeStatus(u, app.id, { status: 'screening', at: daysAgo(NOW, 3 + k * 9) });
        if (k % 3 === 0)
          await t.writeModel.changeStatus(u, app.id, { status: k === 3 ? 'offer' : 'interviewing', at: daysAgo(NOW, 1 + k * 9) });
        if (k === 4) {
          await t.writeModel.changeStatus(u, app.id, { status: 'ghosted', at: daysAgo(NOW, k * 9) });
          await t.writeModel.revert(u, app.id);
        }
      }
    }
    const once = new Map<string, unknown>();
    for (const u of users) once.set(u, (await settled(t, u)).stats);

    const events: EventEnvelope[] = [];
    for (const u of users) {
      for (const e of await outboxEvents(t, u)) {
        events.push({ id: e.eventId, type: `application.${e.type}`, aggregateId: e.applicationId, occurredAt: e.occurredAt, payload: e });
      }
    }
    let extra = 0;
    for (const [i, e] of events.entries()) {
      const copies = i % 3; // 0, 1 or 2 extra deliveries
      extra += copies;
      if (copies)
        await broker.publish(
          APPLICATION_TOPIC,
          Array.from({ length: copies }, () => eventToMessage(e)),
        );
    }
    await broker.idle({ timeoutMs: 30_000 });
    for (const u of users) {
      const figures = await settled(t, u);
      expect(figures.stats).toEqual(once.get(u));
      expect(figures.stats).toEqual(await expectedStats(t, u, NOW));
      expect(figures.eventsApplied).toBe((await outboxEvents(t, u)).length);
    }
    expect(extra).toBeGreaterThan(10);
    expect(broker.stats().delivered).toBeGreaterThanOrEqual(2 * (events.length + extra));
    expect(await inboxCount(t, 'analytics')).toBe(events.length);
    expect(await inboxCount(t, 'search')).toBe(events.length);
  });

  it('recovers from a consumer crash mid-batch without double counting', async () => {
    const t = await tracker('crash');
    const u = 'carol';
    let processed = 0;
    let crashed = false;
    t.setFaults({
      afterAnalyticsInsert: () => {
        processed += 1;
        // The 6th event onwards: its row reached ClickHouse, then the process "died" before the
        // inbox transaction committed.
        if (processed >= 6) {
          crashed = true;
          throw new Error('simulated crash after the ClickHouse insert');
        }
      },
    });
    const ids: string[] = [];
    for (let k = 0; k < 12; k++)
      ids.push((await t.writeModel.add(u, { company: `Firm ${k}`, title: 'Engineer', appliedAt: daysAgo(NOW, k * 4) })).id);
    await waitFor(async () => crashed, 'the crash');
    await t.stopConsumers();
    t.setFaults({ afterAnalyticsInsert: () => void (processed += 1) });
    // Traffic continues while the consumer is down; the outbox and the broker hold it.
    for (const [k, id] of ids.entries())
      if (k % 2 === 0)
        await t.writeModel.changeStatus(u, id, {
          status: k % 4 === 0 ? 'interviewing' : 'rejected',
          at: daysAgo(NOW, Math.max(0, k * 4 - 1)),
        });
    await t.startConsumers();

    const figures = await settled(t, u);
    expect(figures.stats).toEqual(await expectedStats(t, u, NOW));
    expect(figures.stats.applications).toBe(12);
    const n = (await outboxEvents(t, u)).length;
    expect(figures.eventsApplied).toBe(n);
    // The crashed attempts did reach ClickHouse before dying; their retries reuse the insert
    // dedup token (per event id), so the raw table holds each event once, and reads would be
    // duplicate-safe even without it.
    expect(processed).toBeGreaterThan(n);
    const r = await t.engines.clickhouse.query({
      query: `SELECT count() AS rows, uniqExact(event_id) AS events FROM ${t.schema}.application_events WHERE user_id = {u:String}`,
      format: 'JSONEachRow',
      query_params: { u },
    });
    const [row] = (await r.json()) as { rows: string; events: string }[];
    expect(Number(row!.events)).toBe(n);
    expect(Number(row!.rows)).toBe(n);
  });

  it('compensates the archive saga in reverse order when a step fails', async () => {
    const t = await tracker('saga');
    const u = 'dave';
    const app = await t.writeModel.add(u, { company: 'Umbrella', title: 'SRE' });
    await waitFor(async () => (await t.searchApplications(u, 'umbrella')).found === 1, 'indexed');

    t.setFaults({
      archive: (step) => {
        if (step === 'record-in-analytics') throw new Error('analytics down');
      },
    });
    const failed = await t.archive(u, app.id);
    expect(failed).toMatchObject({ status: 'compensated', failedStep: 'record-in-analytics' });
    expect((await t.writeModel.get(u, app.id)).archivedAt).toBeNull();
    expect((await t.searchApplications(u, 'umbrella')).found).toBe(1);
    expect(await t.archivedCount(u)).toBe(0);
    expect((await t.sagaLog.get(failed.sagaId))?.status).toBe('compensated');

    t.setFaults({
      archive: (step) => {
        if (step === 'remove-from-search') throw new Error('search down');
      },
    });
    const failed2 = await t.archive(u, app.id);
    expect(failed2).toMatchObject({ status: 'compensated', failedStep: 'remove-from-search' });
    expect((await t.writeModel.get(u, app.id)).archivedAt).toBeNull();
    expect((await t.searchApplications(u, 'umbrella')).found).toBe(1);
    // Only the completed step is compensated; the failed one never ran its compensation.
    expect((await t.sagaLog.get(failed2.sagaId))?.compensated).toEqual([0]);

    t.setFaults({});
    const ok = await t.archive(u, app.id);
    expect(ok.error).toBeUndefined();
    expect(ok.status).toBe('completed');
    expect((await t.writeModel.get(u, app.id)).archivedAt).not.toBeNull();
    expect(await t.writeModel.list(u)).toEqual([]);
    expect((await t.searchApplications(u, 'umbrella')).found).toBe(0);
    expect(await t.archivedCount(u)).toBe(1);
    await expect(t.archive(u, app.id)).rejects.toSatisfy((e) => JobkitError.is(e) && e.details.httpStatus === 409);
  });
});
