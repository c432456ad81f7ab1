/**
 * The root vitest config's skip-reason summary (`vitest.shared.ts`): the default reporter shows only
 * how many tests were skipped, so a run also prints each skipped suite's reason once. Checked on a
 * real vitest run of this package's PostgreSQL suite with DATABASE_URL unset.
 * @module
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatSkipReasons, skipReason } from '../../../vitest.shared.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('skip reasons in the default test output', () => {
  it('reads the reason from the name conventions and lists each suite once per reason', () => {
    expect(skipReason('crawl + search on PostgreSQL (skipped: DATABASE_URL is not set)')).toEqual({
      title: 'crawl + search on PostgreSQL',
      reason: 'DATABASE_URL is not set',
    });
    expect(skipReason('memory: publishes in order — skipped: no ordering keys')).toEqual({
      title: 'memory: publishes in order',
      reason: 'no ordering keys',
    });
    expect(skipReason('company page: acme')).toBeUndefined();
    const text = formatSkipReasons([
      { where: 'a.test.ts › on PostgreSQL', tests: 4, reason: 'DATABASE_URL is not set' },
      { where: 'b.test.ts › helpers', tests: 1, reason: 'DATABASE_URL is not set' },
      { where: 'c.test.ts › emulator', tests: 2, reason: 'set PUBSUB_EMULATOR_HOST' },
    ]);
    expect(text.match(/DATABASE_URL is not set/g)).toHaveLength(1);
    expect(text).toContain('a.test.ts › on PostgreSQL (4 tests)');
    expect(text).toContain('b.test.ts › helpers\n');
    expect(formatSkipReasons([])).toBe('');
  });

  it('a real run prints the skipped suite and its reason once', async () => {
    const env = { ...process.env, DATABASE_URL: '', FORCE_COLOR: '0', CI: '1' };
    const { stdout } = await run(
      process.execPath,
      [`${ROOT}node_modules/vitest/vitest.mjs`, 'run', '--project', 'cli', 'packages/cli/test/cli.test.ts', '-t', 'PostgreSQL'],
      {
        cwd: ROOT,
        env,
        timeout: 60_000,
      },
    );
    expect(stdout).toContain('Skipped, by reason:');
    expect(stdout.match(/DATABASE_URL is not set/g)).toHaveLength(1);
    expect(stdout).toMatch(/packages\/cli\/test\/cli\.test\.ts › crawl \+ search on PostgreSQL/);
  });
});
