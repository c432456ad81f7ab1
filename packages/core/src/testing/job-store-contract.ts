/**
 * Contract suite for {@link JobStore}: every store (memory, PGlite, Postgres, yours) runs it.
 * Each case gets a fresh store from `create()`.
 * @module
 */
import { afterEach, describe, expect, it } from 'vitest';
import { finalizeJob } from '../job.js';
import type { JobFilter, JobStore } from '../ports/job-store.js';
import type { JobDraft, JobPosting } from '../schema/job-posting.js';

export interface JobStoreContractOptions {
  /** Shown in the describe block. */
  name: string;
  /** A fresh, empty store per test. */
  create: () => Promise<JobStore> | JobStore;
  /** Skip the whole suite (e.g. when an env var is missing); a string is shown as the reason. */
  skip?: boolean | string;
}

/** A deterministic, finalized posting for tests; `i` picks the URL. */
export function contractJob(i: number, overrides: Partial<JobDraft> = {}): JobPosting {
  const draft: JobDraft = {
    url: `https://boards.greenhouse.io/acme/jobs/${1000 + i}`,
    title: `Engineer ${i}`,
    company: { name: i % 2 === 0 ? 'Acme' : 'Globex', domain: i % 2 === 0 ? 'acme.com' : 'globex.com' },
    locations: [{ raw: i % 3 === 0 ? 'Berlin, DE' : 'Austin, TX', country: i % 3 === 0 ? 'DE' : 'US' }],
    workplaceType: i % 4 === 0 ? 'remote' : 'onsite',
    employmentType: [i % 5 === 0 ? 'contract' : 'full_time'],
    salary: null,
    description: { html: `<p>Job ${i}</p>`, text: `Job ${i} builds things.` },
    datePosted: `2026-0${1 + (i % 9)}-15`,
    validThrough: null,
    applyUrl: null,
    ats: i % 2 === 0 ? { platform: 'greenhouse', boardToken: 'acme' } : { platform: 'lever', boardToken: 'globex' },
    source: 'ats-api',
    provenance: {},
    ...overrides,
  };
  return finalizeJob(draft, { now: new Date('2026-10-01T00:00:00Z') });
}

const T0 = new Date('2026-11-01T00:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** Register the JobStore contract tests with vitest. */
export function runJobStoreContract(options: JobStoreContractOptions): void {
  const suite = options.skip ? describe.skip : describe;
  const title = typeof options.skip === 'string' ? `${options.name} (skipped: ${options.skip})` : options.name;
  suite(`JobStore contract: ${title}`, () => {
    const opened: JobStore[] = [];
    const fresh = async () => {
      const store = await options.create();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it('inserts, then reports replays as unchanged and edits as updated', async () => {
      const store = await fresh();
      const jobs = [contractJob(1), contractJob(2), contractJob(3)];
      const first = await store.upsertJobs(jobs, { at: at(0), boardKey: 'gh:acme' });
      expect([first.inserted, first.updated, first.unchanged]).toEqual([3, 0, 0]);
      expect(first.changes.map((c) => c.kind)).toEqual(['created', 'created', 'created']);

      const replay = await store.upsertJobs(jobs, { at: at(5) });
      expect([replay.inserted, replay.updated, replay.unchanged]).toEqual([0, 0, 3]);

      const edited = contractJob(2, { title: 'Staff Engineer 2' });
      const third = await store.upsertJobs([edited, jobs[0]!], { at: at(10) });
      expect(third.changes.map((c) => c.kind)).toEqual(['updated', 'unchanged']);
      expect(third.changes[0]!.previousContentHash).toBe(first.changes[1]!.contentHash);
      expect(third.changes[0]!.contentHash).not.toBe(first.changes[1]!.contentHash);

      const stored = await store.getJob(edited.id);
      expect(stored?.job.title).toBe('Staff Engineer 2');
      expect(stored?.firstSeenAt).toBe(at(0).toISOString());
      expect(stored?.lastSeenAt).toBe(at(10).toISOString());
      expect(stored?.boardKey).toBe('gh:acme');
      const unchanged = await store.getJob(jobs[2]!.urlHash);
      expect(unchanged?.lastSeenAt).toBe(at(5).toISOString());
      expect(unchanged?.job).toEqual(jobs[2]);
    });

    it('ignores volatile fields in change detection and deduplicates input by urlHash', async () => {
      const store = await fresh();
      const job = contractJob(7);
      await store.upsertJobs([job], { at: at(0) });
      const refetched = { ...job, fetchedAt: '2026-11-02T00:00:00Z', quality: { score: 1, breakdown: [] } };
      const r = await store.upsertJobs([refetched], { at: at(1) });
      expect(r.unchanged).toBe(1);

      const dup = await store.upsertJobs([contractJob(8), contractJob(8, { title: 'Last wins' })], { at: at(2) });
      expect(dup.changes).toHaveLength(1);
      expect((await store.getJob(contractJob(8).id))?.job.title).toBe('Last wins');
    });

    it('returns null for unknown ids and rejects invalid input with INVALID_ARGUMENT', async () => {
      const store = await fresh();
      expect(await store.getJob('jk_000000000000000000000000')).toBeNull();
      await expect(store.upsertJobs([{ title: 'x' } as unknown as JobPosting])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(store.listJobs({ after: 'not-a-cursor' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(store.listJobs({ limit: 0 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    });

    it('paginates with a keyset cursor: newest first, no gaps or repeats', async () => {
      const store = await fresh();
      for (let batch = 0; batch < 5; batch++) {
        const jobs = Array.from({ length: 5 }, (_, k) => contractJob(100 + batch * 5 + k));
        await store.upsertJobs(jobs, { at: at(batch) });
      }
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page = await store.listJobs({ limit: 7, after });
        seen.push(...page.items.map((i) => i.job.id));
        after = page.next;
        pages++;
      } while (after && pages < 10);
      expect(pages).toBe(4);
      expect(new Set(seen).size).toBe(25);
      const all = await store.listJobs({ limit: 100 });
      expect(all.items.map((i) => i.job.id)).toEqual(seen);
      expect(all.next).toBeNull();
      const firstSeen = all.items.map((i) => i.firstSeenAt);
      expect([...firstSeen].sort().reverse()).toEqual(firstSeen);
      for (let i = 1; i < all.items.length; i++) {
        const a = all.items[i - 1]!;
        const b = all.items[i]!;
        if (a.firstSeenAt === b.firstSeenAt) expect(a.job.id > b.job.id).toBe(true);
      }
    });

    it('applies every filter', async () => {
      const store = await fresh();
      const jobs = Array.from({ length: 20 }, (_, i) => contractJob(i));
      await store.upsertJobs(jobs.slice(0, 10), { at: at(0), boardKey: 'a' });
      await store.upsertJobs(jobs.slice(10), { at: at(1), boardKey: 'b' });
      const ids = async (filter: JobFilter) => (await store.listJobs({ filter, limit: 100 })).items.map((i) => i.job.id).sort();
      const expectIds = (pred: (j: JobPosting, i: number) => boolean) =>
        jobs
          .filter(pred)
          .map((j) => j.id)
          .sort();

      expect(await ids({ company: 'acme' })).toEqual(expectIds((j) => j.company.name === 'Acme'));
      expect(await ids({ company: 'globex.com' })).toEqual(expectIds((j) => j.company.name === 'Globex'));
      expect(await ids({ country: 'DE' })).toEqual(expectIds((_, i) => i % 3 === 0));
      expect(await ids({ workplaceType: 'remote' })).toEqual(expectIds((_, i) => i % 4 === 0));
      expect(await ids({ employmentType: 'contract' })).toEqual(expectIds((_, i) => i % 5 === 0));
      expect(await ids({ atsPlatform: 'lever' })).toEqual(expectIds((_, i) => i % 2 === 1));
      expect(await ids({ postedAfter: '2026-07-01' })).toEqual(expectIds((j) => j.datePosted! >= '2026-07-01'));
      expect(await ids({ boardKey: 'b' })).toEqual(expectIds((_, i) => i >= 10));
      const minQ = jobs[0]!.quality.score;
      expect(await ids({ minQuality: minQ + 1 })).toEqual(expectIds((j) => j.quality.score >= minQ + 1));
      expect(await ids({ company: 'acme', country: 'DE', boardKey: 'a' })).toEqual(
        expectIds((j, i) => j.company.name === 'Acme' && i % 3 === 0 && i < 10),
      );
    });

    it('markMissing removes only unseen active postings of the board, and a re-listing revives them', async () => {
      const store = await fresh();
      const board = [contractJob(1), contractJob(2), contractJob(3)];
      await store.upsertJobs(board, { at: at(0), boardKey: 'gh:acme' });
      await store.upsertJobs([contractJob(4)], { at: at(0), boardKey: 'other' });
      const removed = await store.markMissing({ boardKey: 'gh:acme', seenUrlHashes: [board[0]!.urlHash], at: at(1) });
      expect(removed.map((r) => r.job.id).sort()).toEqual([board[1]!.id, board[2]!.id].sort());
      expect(removed.every((r) => r.removedAt === at(1).toISOString())).toBe(true);
      expect(await store.markMissing({ boardKey: 'gh:acme', seenUrlHashes: [], at: at(2) })).toHaveLength(1);

      expect((await store.listJobs()).items.map((i) => i.job.id)).toEqual([contractJob(4).id]);
      expect((await store.listJobs({ filter: { includeRemoved: true } })).items).toHaveLength(4);
      expect((await store.getJob(board[1]!.id))?.removedAt).toBe(at(1).toISOString());

      const back = await store.upsertJobs([board[1]!], { at: at(3), boardKey: 'gh:acme' });
      expect(back.changes[0]!.kind).toBe('updated');
      expect((await store.getJob(board[1]!.id))?.removedAt).toBeNull();

      const stats = await store.stats();
      expect(stats).toEqual({ total: 4, active: 2, removed: 2, byPlatform: { greenhouse: 2 } });
    });

    it('round-trips awkward text exactly (tabs, newlines, backslashes, quotes, unicode)', async () => {
      const store = await fresh();
      const title = 'Tab\there "quoted" back\\slash\nnew line \r {brace,comma} \u00e9\u{1F680}';
      const job = contractJob(42, {
        title,
        company: { name: 'A\\B\t"C", {D}' },
        description: { html: '<p>\\N</p>', text: '\\N\n\\.' },
      });
      await store.upsertJobs([job], { at: at(0), boardKey: 'weird\tkey' });
      const stored = await store.getJob(job.id);
      expect(stored?.job).toEqual(job);
      expect(stored?.boardKey).toBe('weird\tkey');
      expect((await store.listJobs({ filter: { company: 'a\\b\t"c", {d}' } })).items).toHaveLength(1);
      expect((await store.upsertJobs([job], { at: at(1) })).unchanged).toBe(1);
    });

    it('handles a large batch in one call', async () => {
      const store = await fresh();
      const jobs = Array.from({ length: 600 }, (_, i) => contractJob(10_000 + i));
      const r = await store.upsertJobs(jobs, { at: at(0) });
      expect(r.inserted).toBe(600);
      expect(r.rejected).toEqual([]);
      expect(r.changes.map((c) => c.job.id)).toEqual(jobs.map((j) => j.id));
      const again = await store.upsertJobs(jobs, { at: at(1) });
      expect(again.unchanged).toBe(600);
      expect((await store.stats()).total).toBe(600);
    });

    it('stores the rest of a batch when a row holds text engines refuse, and reports that row', async () => {
      // Built after finalizeJob, as a hand-made or older posting could be: the store is the last line.
      const store = await fresh();
      const jobs = Array.from({ length: 600 }, (_, i) => contractJob(40_000 + i));
      const nul = { ...jobs[17]!, title: 'Evil\u0000Engineer' };
      const surrogate = { ...jobs[401]!, description: { ...jobs[401]!.description, text: 'bad \ud83d half' } };
      const batch = jobs.map((j, i) => (i === 17 ? nul : i === 401 ? surrogate : j));
      const r = await store.upsertJobs(batch, { at: at(0), boardKey: 'gh:poison' });
      expect(r.rejected!.map((x) => x.job.urlHash)).toEqual([nul.urlHash, surrogate.urlHash]);
      for (const x of r.rejected!) {
        expect(x.reason.length).toBeGreaterThan(0);
        expect(x.error).toMatchObject({ code: 'STORE_FAILED', retryable: false });
        expect(x.error.details.urlHash).toBe(x.job.urlHash);
      }
      expect(r.inserted).toBe(598);
      expect(r.changes.map((c) => c.job.id)).toEqual(batch.filter((_, i) => i !== 17 && i !== 401).map((j) => j.id));
      expect(await store.getJob(nul.id)).toBeNull();
      expect(await store.getJob(surrogate.id)).toBeNull();
      expect((await store.stats()).total).toBe(598);
      // The healthy rows are really there, and a later clean version of the bad row goes in.
      expect((await store.getJob(jobs[18]!.id))?.boardKey).toBe('gh:poison');
      const fixed = await store.upsertJobs([jobs[17]!, jobs[18]!], { at: at(1) });
      expect(fixed.rejected).toEqual([]);
      expect(fixed.changes.map((c) => c.kind)).toEqual(['created', 'unchanged']);
    });

    it('classifies a large call where new postings come first and known ones follow', async () => {
      // Stores that write in chunks may take a fast path after an all-new chunk; a later chunk
      // holding known postings must still be reported (and written) exactly.
      const store = await fresh();
      const known = Array.from({ length: 400 }, (_, i) => contractJob(20_000 + i));
      await store.upsertJobs(known, { at: at(0), boardKey: 'gh:mixed' });
      const fresh600 = Array.from({ length: 600 }, (_, i) => contractJob(30_000 + i));
      const edited = known.slice(0, 100).map((j, i) => contractJob(20_000 + i, { title: `${j.title} (edited)` }));
      const mixed = [...fresh600, ...edited, ...known.slice(100)];
      const r = await store.upsertJobs(mixed, { at: at(1), boardKey: 'gh:mixed' });
      expect([r.inserted, r.updated, r.unchanged]).toEqual([600, 100, 300]);
      expect(r.changes.map((c) => c.job.id)).toEqual(mixed.map((j) => j.id));
      expect((await store.getJob(edited[42]!.id))?.job.title).toBe(edited[42]!.title);
      expect((await store.getJob(edited[42]!.id))?.firstSeenAt).toBe(at(0).toISOString());
      expect((await store.getJob(fresh600[599]!.id))?.lastSeenAt).toBe(at(1).toISOString());
      expect((await store.getJob(known[399]!.id))?.lastSeenAt).toBe(at(1).toISOString());
      const stats = await store.stats();
      expect([stats.total, stats.active]).toEqual([1000, 1000]);
    });
  });
}
