/**
 * Ingestion of the simulated internet end to end: every company's jobs land in store, search and
 * analytics; a second run is all `unchanged` with no events; after `mutate` the counts match the
 * world diff. Runs on embedded defaults always, and again on the real PostgreSQL (`DATABASE_URL`)
 * and the Pub/Sub emulator (`PUBSUB_EMULATOR_HOST`) when those are set.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { startPlatform } from '../src/platform.js';
import { activeJobCount } from '../src/sim/world.js';

const env = process.env;
const variants = [
  { name: 'embedded defaults (PGlite, memory broker, embedded search, chDB)', env: {}, skip: null },
  {
    name: 'real PostgreSQL',
    env: { DATABASE_URL: env.DATABASE_URL },
    skip: env.DATABASE_URL ? null : 'DATABASE_URL is not set',
  },
  {
    name: 'Pub/Sub emulator broker',
    env: { PUBSUB_EMULATOR_HOST: env.PUBSUB_EMULATOR_HOST, PUBSUB_PROJECT_ID: env.PUBSUB_PROJECT_ID ?? 'jobkit-ci' },
    skip: env.PUBSUB_EMULATOR_HOST ? null : 'PUBSUB_EMULATOR_HOST is not set',
  },
  {
    name: 'real PostgreSQL + Pub/Sub emulator',
    env: {
      DATABASE_URL: env.DATABASE_URL,
      PUBSUB_EMULATOR_HOST: env.PUBSUB_EMULATOR_HOST,
      PUBSUB_PROJECT_ID: env.PUBSUB_PROJECT_ID ?? 'jobkit-ci',
    },
    skip: env.DATABASE_URL && env.PUBSUB_EMULATOR_HOST ? null : 'DATABASE_URL and PUBSUB_EMULATOR_HOST are not both set',
  },
];

describe.each(variants)('ingestion on $name', ({ env: engineEnv, skip, name }) => {
  it.skipIf(skip !== null)(
    `is complete, idempotent and tracks mutations${skip ? ` (skipped: ${skip})` : ''}`,
    async () => {
      const namespace = `t_ingest_${variants.findIndex((v) => v.name === name)}_${process.pid}_${Date.now() % 100000}`;
      const p = await startPlatform({ seed: 7, serve: false, env: engineEnv, namespace, dropOnClose: true });
      try {
        const world = p.sim.world;
        expect(world.companies.length).toBeGreaterThanOrEqual(60);
        const kinds = new Set(world.companies.map((c) => c.kind));
        expect(kinds.size).toBe(10);
        const thin = world.companies.reduce((n, c) => n + c.jobs.filter((j) => j.thin).length, 0);

        // Run 1: every publishable job is created, thin stubs are rejected by the quality gate.
        const r1 = await p.ingest();
        expect(r1.errors.map((e) => e.error.message)).toEqual([]);
        expect(r1.discovered.every((d) => d.source !== null)).toBe(true);
        expect(r1.summary.jobs).toEqual({ created: activeJobCount(world), updated: 0, unchanged: 0, rejected: thin, removed: 0 });
        for (const platform of ['greenhouse', 'lever', 'ashby', 'workday', 'smartrecruiters', 'workable', 'recruitee', 'personio']) {
          expect(r1.bySource[`board:${platform}`]?.created, platform).toBeGreaterThan(0);
        }
        expect(r1.bySource.page?.created).toBeGreaterThan(0);

        const stats1 = await p.engines.store.stats();
        expect(stats1.active).toBe(activeJobCount(world));
        const browse = await p.engines.search.search({ q: '*', perPage: 1, facets: ['company'], maxFacetValues: 1000 });
        expect(browse.found).toBe(activeJobCount(world));
        // Every posting names its employer as the homepage does, even on boards whose API lists no name.
        const names = world.companies
          .filter((c) => c.jobs.some((j) => !j.thin))
          .map((c) => c.name)
          .sort();
        expect(browse.facets.company!.map((f) => f.value).sort()).toEqual(names);
        const ats1 = await p.engines.analytics.atsShare();
        expect(ats1.reduce((n, r) => n + r.jobs, 0)).toBe(activeJobCount(world));

        // Run 2 over the same world: nothing changes anywhere.
        const outboxBefore = await p.engines.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${namespace}".outbox`);
        const r2 = await p.ingest();
        expect(r2.summary.jobs).toEqual({ created: 0, updated: 0, unchanged: activeJobCount(world), rejected: thin, removed: 0 });
        const outboxAfter = await p.engines.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${namespace}".outbox`);
        expect(outboxAfter.rows[0]!.n).toBe(outboxBefore.rows[0]!.n);
        expect((await p.engines.search.search({ q: '*', perPage: 1 })).found).toBe(activeJobCount(world));

        // Run 3 after the world moved on: counts match the diff (removals are seen on boards only).
        const diff = p.mutate();
        expect(diff.added + diff.edited + diff.removed).toBeGreaterThan(10);
        const r3 = await p.ingest();
        expect(r3.errors.map((e) => e.error.message)).toEqual([]);
        expect(r3.summary.jobs.created).toBe(diff.added);
        expect(r3.summary.jobs.updated).toBe(diff.edited);
        expect(r3.summary.jobs.removed).toBe(diff.removedFromBoards);
        // Vanished careers-page jobs are simply no longer linked: neither re-read nor removed.
        expect(r3.summary.jobs.unchanged).toBe(diff.unchanged);
        const expectedActive = activeJobCount(p.sim.world) + (diff.removed - diff.removedFromBoards);
        expect((await p.engines.store.stats()).active).toBe(expectedActive);
        expect((await p.engines.search.search({ q: '*', perPage: 1 })).found).toBe(expectedActive);
        const ats3 = await p.engines.analytics.atsShare();
        expect(ats3.reduce((n, r) => n + r.jobs, 0)).toBe(expectedActive);
        const perWeek = await p.engines.analytics.jobsPerPeriod({ period: 'week' });
        expect(perWeek.reduce((n, r) => n + r.removed, 0)).toBe(diff.removedFromBoards);
      } finally {
        await p.close();
      }
    },
    240_000,
  );
});
