/**
 * The Crawlee example end to end on a small simulated internet: Crawlee fetches, Jobkit finds the
 * postings and parses them from the handler's `$`, the store keeps them and its outbox delivers
 * one `job.created` event per stored posting.
 */
import { canonicalizeUrl } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import { jobUrl } from '../../job-search-platform/src/sim/vendors.js';
import { run } from '../src/main.js';

describe('examples/crawlee-crawler', () => {
  it('stores the real, non-thin postings it reaches, each once, with one event each', async () => {
    const r = await run({ companies: 10, seed: 7 });
    const s = r.summary;
    const all = new Map<string, { kind: string; thin: boolean }>();
    for (const c of r.world.companies) for (const j of c.jobs) all.set(canonicalizeUrl(jobUrl(c, j)), { kind: c.kind, thin: j.thin });
    const stored = r.stored.map((u) => canonicalizeUrl(u));

    expect(s.failed).toBe(0);
    expect(new Set(stored).size).toBe(stored.length);
    // Nothing invented: every stored posting is a job of the world, and thin stubs stay out.
    for (const u of stored) {
      expect(all.has(u), `${u} is a job of the world`).toBe(true);
      expect(all.get(u)?.thin, `${u} is a thin stub the quality gate should drop`).toBe(false);
    }
    // Own careers sites list their jobs on the page: every substantial one is found and stored.
    const own = [...all].filter(([, v]) => v.kind.startsWith('own-') && !v.thin).map(([u]) => u);
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter((u) => !stored.includes(u))).toEqual([]);
    // ATS companies' careers pages link to their boards, which Jobkit recognises and Crawlee follows.
    expect(s.boards).toBeGreaterThan(0);
    expect(stored.some((u) => all.get(u)?.kind !== undefined && !all.get(u)!.kind.startsWith('own-'))).toBe(true);
    // The store's outbox delivered one created event per stored posting.
    expect(s.created).toBe(stored.length);
    expect(r.events.get('job.created')).toBe(stored.length);
  });
});
