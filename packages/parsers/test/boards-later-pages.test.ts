import { createStaticFetcher } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import { listBoardJobs } from '../src/index.js';
import { teamtailorRss } from './fixtures/boards/teamtailor.js';

const now = new Date('2026-03-01T00:00:00Z');
const fallback = { status: 404, body: { ok: false } };

describe('a later page that fails keeps the jobs already read', () => {
  it('SmartRecruiters: page 2 answers 404 after a page of 100', async () => {
    const content = Array.from({ length: 100 }, (_, i) => ({ id: `7440${i}`, name: `Role ${i}` }));
    const fetcher = createStaticFetcher(
      {
        'https://api.smartrecruiters.com/v1/companies/acme/postings?limit=100&offset=0': {
          body: { totalFound: 250, offset: 0, limit: 100, content },
        },
      },
      { fallback },
    );
    const res = await listBoardJobs({ platform: 'smartrecruiters', boardToken: 'acme' }, { fetcher, now, details: false });
    expect(res.jobs).toHaveLength(100);
    expect(res.partial).toBe(true);
    expect(res.advertisedTotal).toBe(250);
    expect(res.warnings.some((w) => /offset=100 failed \(BOARD_NOT_FOUND/.test(w))).toBe(true);
  });

  it('Lever: page 2 is not JSON', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ id: `p${i}`, text: `Role ${i}` }));
    const fetcher = createStaticFetcher(
      {
        'https://api.lever.co/v0/postings/acme?mode=json&skip=0&limit=100': { body: rows },
        'https://api.lever.co/v0/postings/acme?mode=json&skip=100&limit=100': {
          body: 'upstream timeout',
          headers: { 'content-type': 'text/plain' },
        },
      },
      { fallback },
    );
    const res = await listBoardJobs({ platform: 'lever', boardToken: 'acme' }, { fetcher, now });
    expect(res.jobs).toHaveLength(100);
    expect(res.partial).toBe(true);
    expect(res.warnings.some((w) => /skip=100.*failed \(BOARD_ENDPOINT_CHANGED/.test(w))).toBe(true);
  });

  it('Teamtailor: page 2 of the feed answers 404', async () => {
    const fetcher = createStaticFetcher(
      { 'https://acme.teamtailor.com/jobs.rss': { body: teamtailorRss(1, 100, 150), headers: { 'content-type': 'application/rss+xml' } } },
      { fallback },
    );
    const res = await listBoardJobs({ platform: 'teamtailor', boardToken: 'acme' }, { fetcher, now });
    expect(res.jobs).toHaveLength(100);
    expect(res.partial).toBe(true);
    expect(res.warnings.some((w) => /jobs\.rss\?page=2 failed/.test(w))).toBe(true);
  });

  it('Workday: the page at offset 20 fails after a page of 20 with a total of 45', async () => {
    let calls = 0;
    const jobPostings = Array.from({ length: 20 }, (_, i) => ({ title: `Role ${i}`, externalPath: `/job/X/Role-${i}_R-${i}` }));
    const fetcher = createStaticFetcher(
      {
        'https://acme.wd5.myworkdayjobs.com/wday/cxs/acme/External/jobs': () => {
          calls++;
          return calls === 1 ? { body: { total: 45, jobPostings } } : { status: 500, body: 'upstream error' };
        },
      },
      { fallback },
    );
    const res = await listBoardJobs(
      { platform: 'workday', boardToken: 'acme/External', host: 'acme.wd5.myworkdayjobs.com' },
      { fetcher, now, details: false },
    );
    expect(res.jobs).toHaveLength(20);
    expect(res.partial).toBe(true);
    expect(res.advertisedTotal).toBe(45);
  });

  it('the first page failing still fails the board (nothing was read)', async () => {
    const fetcher = createStaticFetcher({}, { fallback });
    await expect(
      listBoardJobs({ platform: 'smartrecruiters', boardToken: 'acme' }, { fetcher, now, details: false }),
    ).rejects.toMatchObject({ code: 'BOARD_NOT_FOUND' });
  });
});

describe('rows under a sibling key the client does not expect', () => {
  it('Breezy positions under `positions`', async () => {
    const fetcher = createStaticFetcher(
      {
        'https://acme.breezy.hr/json': {
          body: {
            positions: [
              { id: 'b1', name: 'Chef' },
              { id: 'b2', name: 'Waiter', url: 'https://acme.breezy.hr/p/b2-waiter' },
            ],
          },
        },
      },
      { fallback },
    );
    const res = await listBoardJobs({ platform: 'breezy', boardToken: 'acme' }, { fetcher, now });
    expect(res.jobs.map((j) => j.title).sort()).toEqual(['Chef', 'Waiter']);
  });
});
