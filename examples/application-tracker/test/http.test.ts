/**
 * The HTTP API on a real socket: zod validation errors, the chunked copy job's progress over SSE
 * and polling (with a failing step that is retried), and the HTML page.
 * @module
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createTracker, type Tracker } from '../src/tracker.js';
import { createTrackerServer } from '../src/http.js';
import type { CopyJob } from '../src/copy-job.js';
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
    const postings = Array.from({ length: 230 }, (_, i) => ({ id: `${user}-p${String(i).padStart(3, '0')}`, title: `Job ${i}`, company: `Co ${i % 7}`, url: `https://example.com/j/${i}` }));
    expect((await call('POST', '/api/saved-postings', { postings }, user)).status).toBe(201);
    const col = await call('POST', '/api/collections', { name: 'Shortlist' }, user);
    expect(col.status).toBe(201);

    // 30 postings are already in the collection before the big copy.
    const first = await call('POST', `/api/collections/${col.body.id}/copy`, { postingIds: postings.slice(0, 30).map((p) => p.id), chunkSize: 50 }, user);
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
