/**
 * Small forms of reliability scenarios S2 (no ghost messages), S7 (duplicate storm) and S13
 * (graceful shutdown) so CI exercises them on every run; the full scripts live in
 * scripts/reliability/. PGlite always, PostgreSQL when DATABASE_URL is set.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runS2 } from '../../../scripts/reliability/s2-no-ghost.js';
import { runS7 } from '../../../scripts/reliability/s7-duplicate-storm.js';
import { runS13InProcess } from '../../../scripts/reliability/s13-sigterm.js';
import { testEngines } from './postgres-helpers.js';

const engines = testEngines();
afterAll(async () => {
  for (const e of engines) await e.close();
});

for (const engine of engines) {
  const suite = engine.skip ? describe.skip : describe;
  suite(`reliability (small) on ${engine.name}${engine.skip ? ` (skipped: ${engine.skip})` : ''}`, () => {
    it('S2: rolled-back transactions never publish, committed ones all do', async () => {
      const { db, schema } = await engine.fresh();
      const r = await runS2(db, schema, 40);
      expect(r).toMatchObject({ committed: 40, rolledBack: 40, published: 40, ghosts: 0, lost: 0 });
    });

    it('S7: 1–5 deliveries per message, concurrent copies, one effect each', async () => {
      const { db, schema } = await engine.fresh();
      await db.query(`CREATE TABLE ${schema}.effects (message_id text NOT NULL)`);
      const r = await runS7([db, db], schema, 150, 6);
      expect(r).toMatchObject({ lost: 0, doubleApplied: 0, unexpected: 0 });
      expect(r.duplicatesAcked).toBe(r.deliveries - r.messages);
    });

    it('S13: stopping a busy worker and relay leaves nothing active or claimed', async () => {
      const { db, schema } = await engine.fresh();
      const r = await runS13InProcess(db, schema);
      expect(r.active).toBe(0);
      expect(r.claimedOutbox).toBe(0);
      expect(r.completed + r.ready).toBe(50);
    });
  });
}
