/**
 * The whole demo wired together: simulated internet, a guarded HTTP fetcher pointed at it through
 * the `/__host/` rewrite, the engines chosen by env vars, ingestion and the API server. `main.ts`
 * and the tests both start it through {@link startPlatform}.
 * @module
 */

import { createHttpFetcher } from '@jobkit/adapters/http';
import { createLocalHostRewriteFetcher, type Fetcher } from '@jobkit/core';
import { type Engines, type EnginesOptions, openEngines } from './engines.js';
import { type IngestReport, ingest } from './ingest.js';
import { type ApiServer, type ApiServerOptions, createApiServer } from './server.js';
import { type SimInternet, startSimInternet } from './sim/server.js';
import type { WorldDiff } from './sim/world.js';

export interface PlatformOptions extends EnginesOptions {
  /** World seed. @default 42 */
  seed?: number;
  /** Companies in the world. @default 64 */
  companies?: number;
  /** API port (0 = random). @default 0 */
  port?: number;
  /** API host. @default '127.0.0.1' */
  host?: string;
  /** Start the API server. @default true */
  serve?: boolean;
  /** Passed to the API server. */
  api?: Omit<ApiServerOptions, 'engines'>;
  /** Pipeline concurrency. @default 16 */
  concurrency?: number;
}

export interface Platform {
  sim: SimInternet;
  engines: Engines;
  fetcher: Fetcher;
  /** Null when `serve: false`. */
  api: ApiServer | null;
  /** Base URL of the API and page (empty when not serving). */
  url: string;
  /** Ingest the current world; search cache is dropped and metrics updated afterwards. */
  ingest(): Promise<IngestReport>;
  /** Move the world on (jobs added, edited, removed). */
  mutate(seed?: number): WorldDiff;
  close(): Promise<void>;
}

/** Start everything on embedded defaults (or the engines the env names). */
export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const sim = await startSimInternet({ seed: options.seed ?? 42, ...(options.companies ? { companies: options.companies } : {}) });
  // The real guarded fetcher, allowed to reach the local sim only; robots.txt is served and obeyed.
  const http = createHttpFetcher({
    allowPrivateNetworks: ['127.0.0.1/32'],
    hostConcurrency: 16,
    hostRequestsPerSecond: Number.POSITIVE_INFINITY,
    retries: 1,
  });
  const fetcher = createLocalHostRewriteFetcher(http, sim.origin);
  let engines: Engines;
  try {
    engines = await openEngines(options);
  } catch (error) {
    await Promise.allSettled([sim.close(), fetcher.close()]);
    throw error;
  }
  const api = options.serve === false ? null : createApiServer({ engines, ...options.api });
  const url = api ? await api.listen(options.port ?? 0, options.host ?? '127.0.0.1') : '';
  return {
    sim,
    engines,
    fetcher,
    api,
    url,
    async ingest() {
      // Score quality against the world's own "today", so runs are reproducible whatever the date.
      const now = new Date(`${sim.world.today}T12:00:00Z`);
      const report = await ingest(engines, { fetcher, seeds: sim.seeds(), now, concurrency: options.concurrency ?? 16 });
      api?.invalidate();
      api?.metrics.recordIngest(report.summary);
      return report;
    },
    mutate: (seed) => sim.mutate(seed),
    async close() {
      await api?.close();
      await engines.close();
      await fetcher.close();
      await sim.close();
    },
  };
}
