import { createStaticFetcher } from '@jobkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listBoardJobs } from '../src/index.js';
import type { BoardCase } from './fixtures/boards/cases.js';
import { BOARD_CASES, CASE_NOW } from './fixtures/boards/cases.js';

// Property: whatever junk sits between a board's rows (any JSON value), every job the case
// expects still comes through and the board never throws. Only JSON boards with one response
// whose rows sit in the first array found are used (XML feeds and multi-request boards are covered
// by the example cases).
const JSON_CASES = BOARD_CASES.filter((c) => Object.keys(c.responses).length === 1 && typeof Object.values(c.responses)[0] !== 'string');

/** The response with `junk` spliced into its rows array at `at` (modulo its length). */
function withJunk(c: BoardCase, junk: readonly { at: number; value: unknown }[]): Record<string, unknown> {
  const [url, body] = Object.entries(c.responses)[0]!;
  const copy = structuredClone(body) as unknown;
  const rows = Array.isArray(copy) ? copy : (Object.values(copy as Record<string, unknown>).find(Array.isArray) as unknown[]);
  for (const j of junk) rows.splice(j.at % (rows.length + 1), 0, j.value);
  return { [url]: copy };
}

describe.each(JSON_CASES.map((c) => [c.name, c] as const))('%s with junk rows', (_name, c) => {
  it('keeps every expected job', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(), value: fc.jsonValue({ maxDepth: 3 }) }), { minLength: 1, maxLength: 6 }),
        async (junk) => {
          const responses = withJunk(c, junk);
          const fetcher = createStaticFetcher(Object.fromEntries(Object.entries(responses).map(([u, b]) => [u, { body: b as object }])));
          const res = await listBoardJobs(
            { platform: c.platform, boardToken: c.token, ...(c.host ? { host: c.host } : {}) },
            { fetcher, now: CASE_NOW, ...c.options },
          );
          const ids = new Set(res.jobs.map((j) => j.ats?.jobId));
          for (const want of c.jobs) expect(ids.has(want.id), `${want.id} after ${JSON.stringify(junk).slice(0, 200)}`).toBe(true);
        },
      ),
      { numRuns: 12, seed: 11 },
    );
  });
});
