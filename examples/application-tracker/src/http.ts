/**
 * The tracker's HTTP API on `node:http` (no framework: a dozen routes) plus the HTML page.
 * Every body and query is validated with zod in the services; `JobkitError`s map to 400/404/409.
 * The user is identified by the `x-user-id` header or `?user=` (EventSource cannot set headers);
 * a real deployment would put authentication in front.
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { JobkitError } from '@jobkit/core';
import type { CopyJob } from './copy-job.js';
import { TRACKER_PAGE } from './page.js';
import { parseInput, SearchApplicationsSchema, UserIdSchema, WHERE } from './schema.js';
import type { Tracker } from './tracker.js';

const MAX_BODY = 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, `[${WHERE}] body larger than ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, `[${WHERE}] body is not valid JSON`);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function statusOf(error: unknown): number {
  if (error instanceof HttpError) return error.status;
  if (JobkitError.is(error)) {
    const explicit = error.details.httpStatus;
    if (typeof explicit === 'number') return explicit;
    if (error.code === 'INVALID_ARGUMENT' || error.code === 'VALIDATION_FAILED') return 400;
    if (error.code === 'TARGET_NOT_FOUND') return 404;
  }
  return 500;
}

/** A path segment, percent-decoded; a malformed escape (`/api/applications/%`) is a 400, not a URIError. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, `[${WHERE}] malformed percent-encoding in path segment "${segment.slice(0, 100)}"`);
  }
}

const TERMINAL = new Set<CopyJob['status']>(['completed', 'failed']);

/**
 * Server-sent progress of a copy job: the current state at once, then every committed step
 * (pushed by the worker in this process, plus a slow poll so a worker elsewhere is seen too),
 * then `event: done` and the stream ends.
 */
async function streamJob(
  tracker: Tracker,
  jobId: string,
  userId: string,
  req: IncomingMessage,
  res: ServerResponse,
  pollMs: number,
): Promise<void> {
  const first = await tracker.copyJobs.get(jobId, userId);
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  let lastKey = '';
  let closed = false;
  const cleanups: (() => void)[] = [];
  const finish = () => {
    if (closed) return;
    closed = true;
    for (const c of cleanups) c();
    res.end();
  };
  const emit = (job: CopyJob) => {
    if (closed) return;
    const key = `${job.status}:${job.processed}`;
    if (key !== lastKey) {
      lastKey = key;
      res.write(`event: progress\nid: ${job.processed}\ndata: ${JSON.stringify(job)}\n\n`);
    }
    if (TERMINAL.has(job.status)) {
      res.write(`event: done\ndata: ${JSON.stringify(job)}\n\n`);
      finish();
    }
  };
  cleanups.push(tracker.copyJobs.onProgress(jobId, emit));
  const timer = setInterval(() => {
    tracker.copyJobs.get(jobId).then(emit, () => finish());
  }, pollMs);
  cleanups.push(() => clearInterval(timer));
  req.on('close', finish);
  emit(first);
}

export interface TrackerServerOptions {
  /** SSE fallback poll interval. @default 1000 */
  ssePollMs?: number;
}

/** Create (not listen) the HTTP server. */
export function createTrackerServer(tracker: Tracker, options: TrackerServerOptions = {}): Server {
  const ssePollMs = options.ssePollMs ?? 1000;
  return createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = req.method ?? 'GET';
      const parts = url.pathname.split('/').filter(Boolean).map(decodeSegment);
      if (method === 'GET' && url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(TRACKER_PAGE);
        return;
      }
      if (method === 'GET' && url.pathname === '/api/health') {
        send(res, 200, { ok: true, engines: tracker.engines.describe, outbox: await tracker.relay.metrics() });
        return;
      }
      if (parts[0] !== 'api') throw new HttpError(404, `[${WHERE}] no route ${method} ${url.pathname}`);
      const user = () =>
        parseInput(UserIdSchema, req.headers['x-user-id'] ?? url.searchParams.get('user') ?? '', 'user (x-user-id header or ?user=)');
      const [, resource, id, action] = parts;

      if (resource === 'applications') {
        if (method === 'GET' && !id)
          return send(res, 200, {
            applications: await tracker.writeModel.list(user(), { includeArchived: url.searchParams.get('archived') === '1' }),
          });
        if (method === 'POST' && !id) return send(res, 201, await tracker.writeModel.add(user(), await readJson(req)));
        if (id && method === 'GET' && !action) return send(res, 200, await tracker.writeModel.get(user(), id));
        if (id && method === 'DELETE' && !action) {
          await tracker.writeModel.remove(user(), id);
          return send(res, 200, { deleted: id });
        }
        if (id && method === 'POST' && action === 'status')
          return send(res, 200, await tracker.writeModel.changeStatus(user(), id, await readJson(req)));
        if (id && method === 'POST' && action === 'revert') return send(res, 200, await tracker.writeModel.revert(user(), id));
        if (id && method === 'POST' && action === 'archive') {
          const outcome = await tracker.archive(user(), id);
          return send(res, outcome.status === 'completed' ? 200 : 409, {
            sagaId: outcome.sagaId,
            status: outcome.status,
            ...(outcome.failedStep
              ? { failedStep: outcome.failedStep, error: String((outcome.error as Error)?.message ?? outcome.error) }
              : {}),
          });
        }
      }
      if (resource === 'stats' && method === 'GET' && !id) {
        const userId = user();
        const figures = await tracker.figures(userId);
        return send(res, 200, { figures, archived: await tracker.archivedCount(userId) });
      }
      if (resource === 'search' && method === 'GET' && !id) {
        const q = parseInput(SearchApplicationsSchema, Object.fromEntries(url.searchParams), 'search query');
        return send(res, 200, await tracker.searchApplications(user(), q.q, { page: q.page, perPage: q.perPage }));
      }
      if (resource === 'saved-postings' && method === 'POST' && !id)
        return send(res, 201, await tracker.copyJobs.savePostings(user(), await readJson(req)));
      if (resource === 'collections') {
        if (method === 'POST' && !id) return send(res, 201, await tracker.copyJobs.createCollection(user(), await readJson(req)));
        if (id && method === 'GET' && action === 'items')
          return send(res, 200, { items: await tracker.copyJobs.collectionItems(user(), id) });
        if (id && method === 'POST' && action === 'copy')
          return send(res, 202, await tracker.copyJobs.start(user(), id, await readJson(req)));
      }
      if (resource === 'jobs' && id && method === 'GET') {
        if (!action) return send(res, 200, await tracker.copyJobs.get(id, user()));
        if (action === 'events') return streamJob(tracker, id, user(), req, res, ssePollMs);
      }
      throw new HttpError(404, `[${WHERE}] no route ${method} ${url.pathname}`);
    })().catch((error: unknown) => {
      const status = statusOf(error);
      if (res.headersSent) {
        res.end();
        return;
      }
      send(res, status, { error: status === 500 ? `[${WHERE}] internal error` : (error as Error).message });
      if (status === 500) console.error(error);
    });
  });
}
