/**
 * The simulated internet's HTTP server: node:http on 127.0.0.1 (random port) answering
 * `/__host/<host>/<path>` for every simulated host (the host-rewrite convention of
 * `createLocalHostRewriteFetcher`), plus the seed list of company homepages ingestion starts from.
 * `mutate()` swaps in the next world state so a second ingestion sees jobs added, edited, removed.
 * @module
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HOST_REWRITE_PREFIX, JobkitError } from '@jobkit/core';
import { answer, notFound } from './vendors.js';
import { type CreateWorldOptions, createWorld, diffWorlds, mutateWorld, type World, type WorldDiff } from './world.js';

export interface SimInternetOptions extends CreateWorldOptions {
  /** World seed. @default 42 */
  seed?: number;
  /** @default 0 (random free port) */
  port?: number;
}

export interface SimInternet {
  /** `http://127.0.0.1:<port>`: hand it to `createLocalHostRewriteFetcher`. */
  readonly origin: string;
  /** The current world. */
  readonly world: World;
  /** Company homepages (`https://<domain>/`): the discovery seeds. */
  seeds(): string[];
  /** Move to the next world state; returns what changed (for tests and the summary). */
  mutate(seed?: number): WorldDiff;
  /** Requests served per simulated host, e.g. to check that a second run re-reads every board. */
  readonly requests: Map<string, number>;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new JobkitError('INVALID_ARGUMENT', '[example/sim] request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Start the simulated internet. */
export async function startSimInternet(options: SimInternetOptions = {}): Promise<SimInternet> {
  const seed = options.seed ?? 42;
  let world = createWorld(seed, options);
  const requests = new Map<string, number>();

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (!url.pathname.startsWith(HOST_REWRITE_PREFIX)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('simulated internet: use /__host/<host>/<path>');
        return;
      }
      const rest = url.pathname.slice(HOST_REWRITE_PREFIX.length);
      const slash = rest.indexOf('/');
      const host = (slash < 0 ? rest : rest.slice(0, slash)).toLowerCase();
      const path = slash < 0 ? '/' : rest.slice(slash);
      requests.set(host, (requests.get(host) ?? 0) + 1);
      const body = req.method === 'POST' ? await readBody(req) : '';
      const r = answer(world, { method: req.method ?? 'GET', host, path, query: url.searchParams, body }) ?? notFound();
      res.writeHead(r.status, { 'content-type': r.contentType, 'content-length': Buffer.byteLength(r.body) }).end(r.body);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    get world() {
      return world;
    },
    seeds: () => world.companies.map((c) => `https://${c.domain}/`),
    mutate(next = seed + world.version + 1) {
      const before = world;
      world = mutateWorld(world, next);
      return diffWorlds(before, world);
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
