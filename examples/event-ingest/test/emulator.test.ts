/**
 * The ingest path through the Pub/Sub emulator (`PUBSUB_EMULATOR_HOST`); skipped with the reason
 * in its title otherwise.
 * @module
 */

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestApp, type IngestApp } from '../src/app.js';
import { parseIngestBody } from '../src/schema.js';

const ready = Boolean(process.env.PUBSUB_EMULATOR_HOST);

describe.skipIf(!ready)(`event ingest over the Pub/Sub emulator${ready ? '' : ' (skipped: set PUBSUB_EMULATOR_HOST)'}`, () => {
  let app: IngestApp;
  beforeAll(async () => {
    app = await createIngestApp({ database: `ingest_ps_${randomUUID().slice(0, 8)}`, dropOnClose: true, flushIntervalMs: 50 });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('stores every published event once, duplicates included', async () => {
    expect(app.describe.broker).toMatch(/pubsub emulator/);
    const t = Math.floor(Date.now() / 1000) - 60;
    const rows = parseIngestBody(
      Array.from({ length: 500 }, (_, i) => ({
        event_id: `x${i}`,
        event_name: 'view',
        channel: 'web',
        user_id: `u${i % 9}`,
        timestamp: t,
      })),
    );
    for (let i = 0; i < rows.length; i += 100) await app.pipeline.accept(rows.slice(i, i + 100));
    await app.pipeline.accept(rows.slice(0, 100)); // a client retry
    const end = Date.now() + 60_000;
    while ((await app.pipeline.counts()).events < 500 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    const m = await app.pipeline.metrics({ consistency: 'exact', fromMs: 0, toMs: Date.now() + 60_000 });
    expect(m).toMatchObject({ total_count: 500, unique_users: 9 });
  }, 90_000);

  it('stores the batch-mates of an event ClickHouse refuses and dead-letters that one (issue 13)', async () => {
    const t = Math.floor(Date.now() / 1000) - 60;
    const rows = parseIngestBody(
      Array.from({ length: 200 }, (_, i) => ({
        event_id: `p${i}`,
        event_name: 'poison_run',
        channel: 'web',
        user_id: `u${i % 7}`,
        timestamp: t,
      })),
    );
    // Past the API's validation, as an older producer would publish it.
    rows[77] = { ...rows[77]!, user_id: 'half \ud83d' };
    const before = await app.pipeline.counts();
    await app.pipeline.accept(rows.slice(0, 100));
    await app.pipeline.accept(rows.slice(100));
    const end = Date.now() + 60_000;
    const done = async () => {
      const c = await app.pipeline.counts();
      return c.events - before.events >= 199 && c.deadLettered - before.deadLettered >= 1;
    };
    while (!(await done()) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    const m = await app.pipeline.metrics({ consistency: 'exact', event_name: 'poison_run', fromMs: 0, toMs: Date.now() + 60_000 });
    expect(m.total_count).toBe(199);
    const dead = await app.pipeline.deadLetters(5);
    expect(dead.map((d) => d.event_id)).toContain('p77');
    expect(dead.find((d) => d.event_id === 'p77')?.reason).toMatch(/surrogate/i);
  }, 90_000);
});
