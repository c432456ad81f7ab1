import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const hook = fileURLToPath(new URL('./fixtures/hide-vendors.mjs', import.meta.url));
const cwd = fileURLToPath(new URL('..', import.meta.url));

/** Import one subpath in a fresh Node process where the other adapters' SDKs are "not installed". */
async function importWith(subpath: string, hidden: string[]) {
  const code = `const m = await import(${JSON.stringify(subpath)}); console.log(Object.keys(m).length);`;
  const { stdout } = await run(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', '--import', hook, '--input-type=module', '-e', code],
    { cwd, env: { ...process.env, JOBKIT_HIDE: hidden.join(',') }, timeout: 60_000 },
  );
  return Number(stdout.trim());
}

const VENDORS = ['chdb', '@clickhouse/client', 'typesense', '@google-cloud/pubsub', '@orama/orama', 'minisearch', 'pg', '@electric-sql/pglite'];

describe('each adapter subpath loads without the other adapters’ vendor SDKs', () => {
  it.each([
    ['@jobkit/adapters/postgres', ['pg', '@electric-sql/pglite']],
    ['@jobkit/adapters/clickhouse', ['@clickhouse/client']],
    ['@jobkit/adapters/pubsub', ['@google-cloud/pubsub']],
    ['@jobkit/adapters/typesense', ['typesense']],
    ['@jobkit/adapters/http', []],
  ])('%s', async (subpath, own) => {
    // Every other adapter's SDK is "not installed"; only the adapter's own peers are.
    const exported = await importWith(subpath, VENDORS.filter((v) => !own.includes(v)));
    expect(exported, `${subpath} exports something`).toBeGreaterThan(0);
  });

  it('the hook really hides a vendor (the test can fail)', async () => {
    await expect(
      run(process.execPath, ['--import', hook, '--input-type=module', '-e', 'await import("chdb")'], {
        cwd,
        env: { ...process.env, JOBKIT_HIDE: 'chdb' },
      }),
    ).rejects.toThrow(/hidden by the import-isolation test/);
  });
});
