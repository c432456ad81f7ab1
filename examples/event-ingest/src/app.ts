/**
 * Opens the ingest service: broker (memory, or Pub/Sub when `PUBSUB_EMULATOR_HOST` /
 * `PUBSUB_PROJECT_ID` is set), ClickHouse (chDB, or `CLICKHOUSE_URL`), the pipeline and the
 * `node:http` server with `POST /events`, `GET /metrics`, `GET /dead-letters` and `GET /health`.
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type ClickHouseClientLike, createEmbeddedClickHouse } from '@jobkit/adapters/clickhouse';
import { type Broker, createMemoryBroker, JobkitError } from '@jobkit/core';
import { createIngestPipeline, EVENTS_TOPIC, type IngestPipeline, type IngestPipelineOptions } from './pipeline.js';
import { MAX_BATCH, parseIngestBody, parseMetricsQuery, WHERE } from './schema.js';

/** Request bodies above this are refused (a full batch of large events fits). */
const MAX_BODY = 4 * 1024 * 1024;

export interface IngestAppOptions extends Omit<IngestPipelineOptions, 'broker' | 'clickhouse'> {
  /** @default process.env */
  env?: Record<string, string | undefined>;
  /** Use this broker instead of choosing from the environment. */
  broker?: Broker;
  /** Use this ClickHouse client instead of choosing from the environment. */
  clickhouse?: ClickHouseClientLike;
  /** Drop the ClickHouse database on close (tests). @default false */
  dropOnClose?: boolean;
}

export interface IngestApp {
  pipeline: IngestPipeline;
  broker: Broker;
  server: Server;
  describe: { broker: string; clickhouse: string };
  close(): Promise<void>;
}

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

/** Open everything; the server is created but not listening. */
export async function createIngestApp(options: IngestAppOptions = {}): Promise<IngestApp> {
  const env = options.env ?? process.env;
  const closers: (() => Promise<unknown>)[] = [];
  try {
    let broker = options.broker;
    let brokerName = broker?.name ?? 'memory';
    if (!broker) {
      if (env.PUBSUB_EMULATOR_HOST || env.PUBSUB_PROJECT_ID) {
        const [{ PubSub }, { createPubSubBroker }] = await Promise.all([import('@google-cloud/pubsub'), import('@jobkit/adapters/pubsub')]);
        const client = new PubSub({ projectId: env.PUBSUB_PROJECT_ID ?? 'jobkit-ingest' });
        broker = createPubSubBroker({
          client,
          topicPrefix: `${(options.database ?? 'ingest').replace(/_/g, '-')}-`,
          deadLetterMode: env.PUBSUB_EMULATOR_HOST ? 'client' : 'server',
        });
        brokerName = env.PUBSUB_EMULATOR_HOST ? `pubsub emulator (${env.PUBSUB_EMULATOR_HOST})` : `pubsub (${env.PUBSUB_PROJECT_ID})`;
        closers.unshift(() => client.close());
      } else {
        broker = createMemoryBroker();
      }
      const owned = broker;
      closers.unshift(() => owned.close());
    }
    let clickhouse = options.clickhouse;
    let chName = 'provided';
    if (!clickhouse) {
      if (env.CLICKHOUSE_URL) {
        const { createClient } = await import('@clickhouse/client');
        clickhouse = createClient({ url: env.CLICKHOUSE_URL }) as unknown as ClickHouseClientLike;
        chName = 'clickhouse server';
      } else {
        clickhouse = await createEmbeddedClickHouse();
        chName = 'chdb (embedded ClickHouse)';
      }
      const owned = clickhouse;
      closers.unshift(() => owned.close());
    }
    const database = options.database ?? 'ingest';
    if (options.dropOnClose) {
      const ch = clickhouse;
      closers.unshift(() => ch.command({ query: `DROP DATABASE IF EXISTS ${database}` }));
    }
    const pipeline = createIngestPipeline({ ...options, broker, clickhouse, database });
    await pipeline.migrate();
    // The subscription must exist before the first publish, or Pub/Sub would not keep the message.
    await broker.ensureSubscription?.(EVENTS_TOPIC, options.subscription ?? 'ingest-clickhouse');
    await pipeline.startConsumer();
    closers.unshift(() => pipeline.close());

    const describe = { broker: brokerName, clickhouse: chName };
    const server = createServer((req, res) => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (req.method === 'POST' && url.pathname === '/events') {
          const rows = parseIngestBody(await readJson(req));
          await pipeline.accept(rows);
          return send(res, 202, { accepted: rows.length });
        }
        if (req.method === 'GET' && url.pathname === '/metrics')
          return send(res, 200, await pipeline.metrics(parseMetricsQuery(url.searchParams)));
        if (req.method === 'GET' && url.pathname === '/dead-letters') {
          const limit = url.searchParams.get('limit') ?? '100';
          if (!/^\d{1,5}$/.test(limit) || Number(limit) < 1)
            throw new HttpError(400, `[${WHERE}] limit must be an integer from 1 to 10000`);
          return send(res, 200, { events: await pipeline.deadLetters(Number(limit)) });
        }
        if (req.method === 'GET' && url.pathname === '/health')
          return send(res, 200, { ok: true, engines: describe, writer: pipeline.writer()?.stats() ?? null });
        throw new HttpError(
          404,
          `[${WHERE}] no route ${req.method} ${url.pathname} (POST /events up to ${MAX_BATCH} events, GET /metrics)`,
        );
      })().catch((error: unknown) => {
        const status =
          error instanceof HttpError
            ? error.status
            : JobkitError.is(error, 'INVALID_ARGUMENT')
              ? 400
              : JobkitError.is(error, 'BROKER_FAILED')
                ? 503
                : 500;
        if (res.headersSent) return void res.end();
        send(res, status, { error: status >= 500 && status !== 503 ? `[${WHERE}] internal error` : (error as Error).message });
        if (status === 500) console.error(error);
      });
    });
    return {
      pipeline,
      broker,
      server,
      describe,
      async close() {
        server.closeAllConnections();
        await new Promise((r) => server.close(r));
        for (const c of closers.splice(0)) await c().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const c of closers) await c().catch(() => undefined);
    throw error;
  }
}
