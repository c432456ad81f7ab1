/**
 * `connectPostgres` with a PGlite path, as a new user's first script calls it: the parent folders
 * do not exist yet, and a path that cannot become a directory fails typed.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectPostgres } from '@jobkit/adapters/postgres';
import { JobkitError } from '@jobkit/core';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'jobkit-connect-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('connectPostgres (PGlite path)', () => {
  it('creates missing parent directories and persists across reopen', async () => {
    const dir = join(root, 'fresh', '.jobkit', 'pg');
    const db = await connectPostgres(dir);
    await db.query('create table t (v int)');
    await db.query('insert into t values (7)');
    await db.close();
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
    const again = await connectPostgres(`file://${dir}`);
    const r = await again.query<{ v: number }>('select v from t');
    expect(r.rows).toEqual([{ v: 7 }]);
    await again.close();
  }, 60_000);

  it('fails with STORE_FAILED when a parent is a file', async () => {
    const file = join(root, 'not-a-dir');
    writeFileSync(file, 'x');
    const err = await connectPostgres(join(file, 'pg')).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(JobkitError.is(err, 'STORE_FAILED')).toBe(true);
    expect((err as { code: string }).code).toBe('STORE_FAILED');
    expect(String((err as Error).message)).toMatch(/data directory/);
  });
});
