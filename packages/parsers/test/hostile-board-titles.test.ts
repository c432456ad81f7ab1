/**
 * Board rows whose title is only markup: the markup never becomes the posting's title; such a row
 * has no title, so it is skipped and reported like any other row without one.
 */
import { createStaticFetcher } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import { listBoardJobs } from '../src/index.js';

const NOW = new Date('2026-03-01T00:00:00Z');
const API = 'https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true';

const row = (id: number, title: unknown) => ({
  id,
  title,
  absolute_url: `https://job-boards.greenhouse.io/acme/jobs/${id}`,
  location: { name: 'Berlin, Germany' },
  content: '&lt;p&gt;Build things.&lt;/p&gt;',
  updated_at: '2026-02-20T10:00:00-05:00',
});

describe('board titles that are only markup', () => {
  it('are rows without a title: skipped, named in a warning, the board partial; real titles lose their tags', async () => {
    const titles = [
      '<b><b></b></b>',
      '<b><b><i>',
      `${'<b>'.repeat(5_000)}`,
      '<br/><br/>&nbsp;',
      '&lt;b&gt;&lt;/b&gt;',
      '<b>Senior</b> Engineer',
      'Data &amp; ML <i>Lead</i>',
    ];
    const fetcher = createStaticFetcher({
      [API]: { body: { jobs: titles.map((t, i) => row(5001 + i, t)), meta: { total: titles.length } } },
    });
    const res = await listBoardJobs({ platform: 'greenhouse', boardToken: 'acme' }, { fetcher, now: NOW, details: false });
    expect(res.jobs.map((j) => j.title)).toEqual(['Senior Engineer', 'Data & ML Lead']);
    for (const j of res.jobs) expect(j.title).not.toMatch(/[<>]/);
    expect(res.skipped.map((s) => s.index).sort()).toEqual([0, 1, 2, 3, 4]);
    for (const s of res.skipped) expect(s.reason).toMatch(/no title/);
    expect(res.partial).toBe(true);
    expect(res.warnings.some((w) => /skipped row 0 .*no title \(only markup\)/.test(w))).toBe(true);
  });
});
