/**
 * The HTTP API on a real socket: zod validation errors, the chunked copy job's progress over SSE
 * and polling (with a failing step that is retried), and the HTML page.
 * @module
 */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CopyJob } from '../src/copy-job.js';
import { createTrackerServer } from '../src/http.js';
import { createTracker, type Tracker } from '../src/tracker.js';
import { namespace, settled, waitFor } from './helpers.js';

let tracker: Tracker;
let server: Server;
let base: string;
const failedOnce = new Set<number>();

beforeAll(async () => {
  tracker = await createTracker({
    env: {},
    namespace: namespace('http'),
    faults: {
      // Step 3 of every copy job fails on its first attempt: the queue retries it.
      copy: (_job, step, attempt) => {
        if (step === 3 && attempt === 1) {
          failedOnce.add(step);
          throw new Error('simulated chunk failure');
        }
      },
    },
  });
  server = createTrackerServer(tracker, { ssePollMs: 200 });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await tracker?.close();
});

async function call(method: string, path: string, body?: unknown, user = 'erin') {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', 'x-user-id': user },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** Read an SSE stream to its end, returning the events in order. */
async function readSse(url: string): Promise<{ event: string; data: CopyJob }[]> {
  const res = await fetch(url);
  expect(res.headers.get('content-type')).toBe('text/event-stream');
  const text = await res.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))!.slice(7);
      const data = JSON.parse(lines.find((l) => l.startsWith('data: '))!.slice(6)) as CopyJob;
      return { event, data };
    });
}

const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

// First in the file: the change table is fresh, so these changes cross the 9 → 10 boundary of `seq`.
describe('tracker status rules', () => {
  it('reverts the latest change by number once an application has more than ten changes', async () => {
    const user = 'henry';
    const app = await call('POST', '/api/applications', { company: 'Soylent', title: 'Chemist', appliedAt: ago(40) }, user);
    const path = [
      'screening',
      'ghosted',
      'screening',
      'ghosted',
      'interviewing',
      'ghosted',
      'screening',
      'ghosted',
      'screening',
      'ghosted',
      'interviewing',
      'ghosted',
      'offer',
    ];
    for (const [i, status] of path.entries()) {
      const r = await call('POST', `/api/applications/${app.body.id}/status`, { status, at: ago(39 - i * 2) }, user);
      expect(`${i} ${r.status}`).toBe(`${i} 200`);
    }
    // Each revert undoes the newest change left: the statuses come back in exact reverse order.
    const expected = ['applied', ...path].reverse().slice(1);
    for (const [i, status] of expected.slice(0, 5).entries()) {
      const r = await call('POST', `/api/applications/${app.body.id}/revert`, undefined, user);
      expect(`${i} ${r.body.status}`).toBe(`${i} ${status}`);
    }
    // Forward again to offer: the figures count the offer the application is in.
    expect((await call('POST', `/api/applications/${app.body.id}/status`, { status: 'offer' }, user)).status).toBe(200);
    const figures = await settled(tracker, user);
    expect(figures.stats).toMatchObject({ applications: 1, offerRate: 1, interviewRate: 1, responseRate: 1 });
    expect(figures.stats.avgDaysToFirstResponse).toBeCloseTo(1, 1);
  });

  it('accepts only the allowed transitions, with a 409 that names them', async () => {
    const user = 'ines';
    const add = async () =>
      (await call('POST', '/api/applications', { company: 'Vandelay', title: 'Importer', appliedAt: ago(30) }, user)).body.id as string;
    const move = (id: string, status: string, at?: string) =>
      call('POST', `/api/applications/${id}/status`, at ? { status, at } : { status }, user);
    const a = await add();
    expect((await move(a, 'offer', ago(20))).status).toBe(200);
    const back = await move(a, 'applied');
    expect(back.status).toBe(409);
    expect(back.body.error).toMatch(/cannot move from "offer" to "applied".*"rejected", "withdrawn".*revert/);
    expect((await move(a, 'interviewing')).status).toBe(409);
    expect((await move(a, 'withdrawn')).status).toBe(200);
    for (const status of ['applied', 'screening', 'offer', 'rejected', 'ghosted']) {
      const r = await move(a, status);
      expect(`${status} ${r.status} ${r.body.error}`).toMatch(new RegExp(`^${status} 409 .*"withdrawn" is final`));
    }
    // A ghosted application may hear back; a rejected one is final.
    const b = await add();
    expect((await move(b, 'ghosted', ago(10))).status).toBe(200);
    expect((await move(b, 'interviewing', ago(5))).status).toBe(200);
    expect((await move(b, 'rejected', ago(4))).status).toBe(200);
    expect((await move(b, 'screening')).status).toBe(409);
    // Revert is the way back and is not bound by the transition rules.
    expect((await call('POST', `/api/applications/${b}/revert`, undefined, user)).body.status).toBe('interviewing');
  });

  it('rejects change dates before the application, before the previous change, in the future or malformed', async () => {
    const user = 'jules';
    const app = await call('POST', '/api/applications', { company: 'Kramerica', title: 'Intern', appliedAt: ago(10) }, user);
    const move = (body: unknown) => call('POST', `/api/applications/${app.body.id}/status`, body, user);
    const before = await move({ status: 'screening', at: ago(500) });
    expect(before.status).toBe(400);
    expect(before.body.error).toMatch(/before the application date/);
    const future = await move({ status: 'screening', at: new Date(Date.now() + 3 * 86_400_000).toISOString() });
    expect(future.status).toBe(400);
    expect(future.body.error).toMatch(/in the future/);
    for (const at of ['1', 'yesterday', '2026-02-30', '2026-03-01T10:00:00']) {
      expect(`${at} ${(await move({ status: 'screening', at })).status}`).toBe(`${at} 400`);
    }
    expect((await move({ status: 'screening', at: ago(5) })).status).toBe(200);
    const outOfOrder = await move({ status: 'interviewing', at: ago(7) });
    expect(outOfOrder.status).toBe(400);
    expect(outOfOrder.body.error).toMatch(/before the previous change/);
    // A calendar date is accepted (UTC midnight).
    expect((await move({ status: 'interviewing', at: ago(2).slice(0, 10) })).status).toBe(200);
    expect((await call('POST', '/api/applications', { company: 'X', title: 'Y', appliedAt: '2999-01-01' }, user)).status).toBe(400);
    expect((await call('POST', '/api/applications', { company: 'X', title: 'Y', appliedAt: '1970-01-01T00:00:00Z' }, user)).status).toBe(
      400,
    );

    const figures = await settled(tracker, user);
    expect(figures.stats.avgDaysToFirstResponse).toBeGreaterThanOrEqual(0);
    expect(figures.stats.avgDaysToFirstResponse).toBeCloseTo(5, 1);
  });

  it('keeps archived applications read-only (409) and answers a malformed path with 400', async () => {
    const user = 'kim';
    const app = await call('POST', '/api/applications', { company: 'Monks', title: 'Brewer', appliedAt: ago(3) }, user);
    expect((await call('POST', `/api/applications/${app.body.id}/status`, { status: 'screening', at: ago(2) }, user)).status).toBe(200);
    expect((await call('POST', `/api/applications/${app.body.id}/archive`, undefined, user)).status).toBe(200);
    const change = await call('POST', `/api/applications/${app.body.id}/status`, { status: 'interviewing' }, user);
    expect(change.status).toBe(409);
    expect(change.body.error).toMatch(/archived/);
    expect((await call('POST', `/api/applications/${app.body.id}/revert`, undefined, user)).status).toBe(409);
    expect((await call('GET', `/api/applications/${app.body.id}`, undefined, user)).body.status).toBe('screening');
    for (const path of ['/api/applications/%', '/api/applications/%E0%A4%A/status', '/api/jobs/%zz']) {
      const res = await fetch(base + path, { headers: { 'x-user-id': user } });
      expect(`${path} ${res.status}`).toBe(`${path} 400`);
    }
  });
});

describe('tracker HTTP API', () => {
  it('rejects invalid input with 400s that name the module, and unknown ids with 404', async () => {
    const missing = await call('POST', '/api/applications', { company: '' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/^\[example\/application-tracker\] invalid application: .*company/);
    expect((await call('POST', '/api/applications', '{not json')).status).toBe(400);
    const app = await call('POST', '/api/applications', { company: 'Hooli', title: 'PM' });
    expect(app.status).toBe(201);
    expect((await call('POST', `/api/applications/${app.body.id}/status`, { status: 'hired' })).status).toBe(400);
    expect((await call('POST', `/api/applications/${app.body.id}/status`, { status: 'applied' })).status).toBe(409);
    expect((await call('POST', `/api/applications/${app.body.id}/revert`)).status).toBe(409);
    // Someone else's application is invisible.
    expect((await call('GET', `/api/applications/${app.body.id}`, undefined, 'mallory')).status).toBe(404);
    expect((await call('POST', '/api/collections/nope/copy', { all: true })).status).toBe(404);
    expect((await call('POST', '/api/collections/nope/copy', { all: true, postingIds: ['a'] })).status).toBe(400);
    const res = await fetch(base + '/api/applications');
    expect(res.status).toBe(400);
  });

  it('serves figures and search over HTTP once the events are consumed', async () => {
    const a = await call('POST', '/api/applications', { company: 'Pied Piper', title: 'Compression Engineer' }, 'frank');
    await call('POST', `/api/applications/${a.body.id}/status`, { status: 'offer' }, 'frank');
    await settled(tracker, 'frank');
    const stats = await call('GET', '/api/stats', undefined, 'frank');
    expect(stats.body.figures.stats).toMatchObject({ applications: 1, offerRate: 1, interviewRate: 1, responseRate: 1 });
    const hits = await waitFor(async () => {
      const r = await call('GET', '/api/search?q=piper', undefined, 'frank');
      return r.body.found === 1 ? r.body : null;
    }, 'search');
    expect(hits.hits[0].applicationId).toBe(a.body.id);
  });

  it('copies a selection in chunks with SSE progress, dedupes on conflict, and retries a failed step', async () => {
    const user = 'grace';
    const postings = Array.from({ length: 230 }, (_, i) => ({
      id: `${user}-p${String(i).padStart(3, '0')}`,
      title: `Job ${i}`,
      company: `Co ${i % 7}`,
      url: `https://example.com/j/${i}`,
    }));
    expect((await call('POST', '/api/saved-postings', { postings }, user)).status).toBe(201);
    const col = await call('POST', '/api/collections', { name: 'Shortlist' }, user);
    expect(col.status).toBe(201);

    // 30 postings are already in the collection before the big copy.
    const first = await call(
      'POST',
      `/api/collections/${col.body.id}/copy`,
      { postingIds: postings.slice(0, 30).map((p) => p.id), chunkSize: 50 },
      user,
    );
    expect(first.status).toBe(202);
    await waitFor(async () => (await call('GET', `/api/jobs/${first.body.id}`, undefined, user)).body.status === 'completed', 'first job');

    const job = await call('POST', `/api/collections/${col.body.id}/copy`, { all: true, chunkSize: 25 }, user);
    expect(job.status).toBe(202);
    expect(job.body).toMatchObject({ total: 230, chunkSize: 25 });
    const events = await readSse(`${base}/api/jobs/${job.body.id}/events?user=${user}`);

    const progress = events.filter((e) => e.event === 'progress').map((e) => e.data.processed);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(new Set(progress).size).toBe(progress.length);
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    expect(done.data).toMatchObject({ status: 'completed', total: 230, processed: 230, inserted: 200, skipped: 30, steps: 10 });
    expect(failedOnce.has(3)).toBe(true);

    const polled = await call('GET', `/api/jobs/${job.body.id}`, undefined, user);
    expect(polled.body).toMatchObject({ status: 'completed', processed: 230, inserted: 200, skipped: 30, steps: 10 });
    expect((await call('GET', `/api/jobs/${job.body.id}`, undefined, 'mallory')).status).toBe(404);
    const items = await call('GET', `/api/collections/${col.body.id}/items`, undefined, user);
    expect(items.body.items).toHaveLength(230);

    // A finished job's stream is one progress event and `done`.
    const again = await readSse(`${base}/api/jobs/${job.body.id}/events?user=${user}`);
    expect(again.map((e) => e.event)).toEqual(['progress', 'done']);
  });

  it('serves the HTML page', async () => {
    const res = await fetch(base + '/');
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('<h1>Application tracker</h1>');
  });
});
