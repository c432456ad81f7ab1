/**
 * The demo's HTTP API and web page on node:http: `/api/v1/search` (LRU-cached), `/api/v1/jobs`
 * (keyset pages), `/api/v1/jobs/:id`, `/api/v1/stats` (analytics), `/metrics` (Prometheus),
 * `/health`, and the static page from `public/`. Every `/api/` request passes a per-IP token
 * bucket; bad input is a 400 with a JSON message, never a 500. Metrics label each request with the
 * route template its path matches (decided before any check, so a 405 or 429 is counted under
 * `/api/v1/search`, not `unknown`); paths that match no route share the label `not-found`.
 * @module
 */

import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JobkitError, type JobPosting, type SearchResult, type StoredJob, stableStringify } from '@jobkit/core';
import { LRUCache } from 'lru-cache';
import { medianDaysOpen } from './api/days-open.js';
import { createPlatformMetrics, type PlatformMetrics } from './api/metrics.js';
import { parseJobId, parseListParams, parseSearchParams, parseStatsParams } from './api/params.js';
import { publicMessage } from './api/public-error.js';
import { createRateLimiter, type RateLimitOptions } from './api/rate-limit.js';
import type { Engines } from './engines.js';

export interface ApiServerOptions {
  engines: Pick<Engines, 'store' | 'search' | 'analytics' | 'describe' | 'ping'>;
  /** Per-IP token bucket on `/api/`. @default { perSecond: 20, burst: 60 } */
  rateLimit?: RateLimitOptions;
  /** Hot searches kept. @default 500 */
  cacheSize?: number;
  /** How long a cached search stays fresh. @default 30000 */
  cacheTtlMs?: number;
  /** @default a fresh registry */
  metrics?: PlatformMetrics;
  /** Directory of the web page. @default the package's `public/` */
  publicDir?: string;
}

export interface ApiServer {
  readonly server: Server;
  readonly metrics: PlatformMetrics;
  /** Listen on `host:port` (default 127.0.0.1, random port); resolves with the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Drop cached searches (call after an ingestion run). */
  invalidate(): void;
  close(): Promise<void>;
}

const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/charts.js': { file: 'charts.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};
// Descriptions are sanitized at ingestion; the CSP is the second fence (no inline or foreign script).
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** The fields a result list needs (descriptions stay on the detail endpoint). */
function jobSummary(job: JobPosting) {
  return {
    id: job.id,
    title: job.title,
    company: job.company.name,
    locations: job.locations.map((l) => l.raw || [l.city, l.country].filter(Boolean).join(', ')),
    // The canonical form when the parsers resolved it (display string, city/region/country, remote area).
    places: job.locations.map((l) => ({
      display: l.display ?? null,
      city: l.city ?? null,
      region: l.region ?? null,
      country: l.country ?? null,
      remoteRegion: l.remoteRegion ?? null,
    })),
    country: job.locations.find((l) => l.country)?.country ?? null,
    workplaceType: job.workplaceType,
    employmentType: job.employmentType,
    salary: job.salary,
    datePosted: job.datePosted,
    atsPlatform: job.ats?.platform ?? null,
    department: job.department ?? null,
    quality: job.quality.score,
    url: job.url,
    applyUrl: job.applyUrl ?? job.url,
  };
}

function detail(s: StoredJob) {
  return {
    ...jobSummary(s.job),
    description: s.job.description,
    quality: s.job.quality,
    firstSeenAt: s.firstSeenAt,
    lastSeenAt: s.lastSeenAt,
    removedAt: s.removedAt,
  };
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const clientIp = (req: IncomingMessage) => req.socket.remoteAddress ?? 'unknown';

const JOB_PATH = /^\/api\/v1\/jobs\/([^/]+)$/;
const ROUTES = new Set(['/health', '/metrics', '/api/v1/search', '/api/v1/jobs', '/api/v1/stats']);

/** The metrics label of a path: its route template, `static`, or `not-found` (bounded cardinality). */
export function routeLabel(path: string): string {
  if (ROUTES.has(path)) return path;
  if (JOB_PATH.test(path)) return '/api/v1/jobs/:id';
  if (STATIC[path]) return 'static';
  return 'not-found';
}

/** A percent-decoded path segment; a malformed escape (`%`, `%zz`, a cut UTF-8 sequence) is a 400. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, `malformed percent-encoding in "${segment.slice(0, 40)}"`, 'INVALID_ARGUMENT');
  }
}

/** Create the API server (not yet listening). */
export function createApiServer(options: ApiServerOptions): ApiServer {
  const { engines } = options;
  const metrics = options.metrics ?? createPlatformMetrics();
  const limiter = createRateLimiter(options.rateLimit);
  const cache = new LRUCache<string, SearchResult>({ max: options.cacheSize ?? 500, ttl: options.cacheTtlMs ?? 30_000 });
  const publicDir = options.publicDir ?? join(fileURLToPath(new URL('.', import.meta.url)), '..', 'public');

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(text);
  };

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    if (path === '/health') {
      const checks = await engines.ping();
      const ok = Object.values(checks).every(Boolean);
      send(res, ok ? 200 : 503, { status: ok ? 'ok' : 'degraded', checks, engines: engines.describe });
      return;
    }
    if (path === '/metrics') {
      res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(await metrics.registry.metrics());
      return;
    }
    if (path.startsWith('/api/')) {
      const decision = limiter.take(clientIp(req));
      res.setHeader('x-ratelimit-limit', String(limiter.limit));
      res.setHeader('x-ratelimit-remaining', String(decision.remaining));
      if (!decision.allowed) {
        metrics.rateLimited.inc({ route: routeLabel(path) });
        send(
          res,
          429,
          { error: { code: 'RATE_LIMITED', message: `too many requests; retry in ${decision.retryAfterSeconds}s` } },
          { 'retry-after': String(decision.retryAfterSeconds) },
        );
        return;
      }
    }
    if (path === '/api/v1/search') {
      const query = parseSearchParams(url.searchParams);
      const key = stableStringify(query);
      let result = cache.get(key);
      const cached = result !== undefined;
      if (cached) metrics.cacheHits.inc();
      else {
        metrics.cacheMisses.inc();
        result = await engines.search.search(query);
        cache.set(key, result);
      }
      send(res, 200, {
        query: { q: query.q, filters: query.filters, sort: query.sort, page: query.page, perPage: query.perPage },
        found: result!.found,
        pages: Math.ceil(result!.found / query.perPage!),
        hits: result!.hits.map((h) => ({ ...jobSummary(h.job), highlights: h.highlights ?? [] })),
        facets: result!.facets,
        ...(result!.droppedTokens ? { droppedTokens: result!.droppedTokens } : {}),
        tookMs: result!.tookMs,
        cached,
      });
      return;
    }
    if (path === '/api/v1/jobs') {
      const page = await engines.store.listJobs(parseListParams(url.searchParams));
      send(res, 200, { items: page.items.map((s) => jobSummary(s.job)), next: page.next });
      return;
    }
    const m = JOB_PATH.exec(path);
    if (m) {
      const stored = await engines.store.getJob(parseJobId(decodeSegment(m[1]!)));
      if (!stored) throw new HttpError(404, `no job with id ${m[1]}`, 'NOT_FOUND');
      send(res, 200, detail(stored));
      return;
    }
    if (path === '/api/v1/stats') {
      const { period } = parseStatsParams(url.searchParams);
      const a = engines.analytics;
      const [overTime, topCompanies, salaries, workplace, ats, daysOpen, store] = await Promise.all([
        a.jobsPerPeriod({ period }),
        a.topCompanies({ limit: 10 }),
        a.salaryPercentiles({ groupBy: 'currency' }),
        a.workplaceShare(),
        a.atsShare(),
        a.medianDaysOpen(),
        engines.store.stats(),
      ]);
      const open = await medianDaysOpen(daysOpen, engines.search, engines.store);
      send(res, 200, { period, jobs: store, overTime, topCompanies, salaries, workplace, ats, daysOpen: open });
      return;
    }
    const asset = STATIC[path];
    if (asset) {
      const body = await readFile(join(publicDir, asset.file));
      res.writeHead(200, { 'content-type': asset.type, 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' }).end(body);
      return;
    }
    throw new HttpError(404, `no route for ${path}`, 'NOT_FOUND');
  }

  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    const method = req.method ?? 'GET';
    let label = 'not-found';
    try {
      label = routeLabel(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      // Unparseable request target: answered 400 below, counted under not-found.
    }
    const done = () => {
      metrics.requests.inc({ method, route: label, status: String(res.statusCode) });
      metrics.latency.observe({ method, route: label }, Number(process.hrtime.bigint() - started) / 1e9);
    };
    res.once('finish', done);
    if (method !== 'GET' && method !== 'HEAD') {
      send(
        res,
        405,
        { error: { code: 'METHOD_NOT_ALLOWED', message: `${method} is not allowed; this API is read-only` } },
        { allow: 'GET, HEAD' },
      );
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      send(res, 400, { error: { code: 'INVALID_ARGUMENT', message: 'malformed request URL' } });
      return;
    }
    route(req, res, url).catch((error: unknown) => {
      if (res.headersSent) return void res.end();
      if (error instanceof HttpError) {
        send(res, error.status, { error: { code: error.code, message: publicMessage(error.message) } });
      } else if (JobkitError.is(error, 'INVALID_ARGUMENT') || JobkitError.is(error, 'VALIDATION_FAILED')) {
        const details = (error as JobkitError).details as { issues?: string[] } | undefined;
        send(res, 400, {
          error: {
            code: 'INVALID_ARGUMENT',
            message: publicMessage((error as Error).message),
            ...(details?.issues ? { issues: details.issues } : {}),
          },
        });
      } else {
        send(res, 500, { error: { code: 'INTERNAL', message: 'internal error' } });
        process.emitWarning(`[example/server] ${url.pathname}: ${String((error as Error)?.stack ?? error)}`);
      }
    });
  });

  return {
    server,
    metrics,
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise<string>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}`));
      }),
    invalidate: () => cache.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
