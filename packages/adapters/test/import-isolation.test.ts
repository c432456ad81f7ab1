import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/** Each subpath's own vendor SDKs (allowed to load); every other vendor is hidden. */
const OWN_PEERS: Record<string, string[]> = {
  './postgres': ['pg', '@electric-sql/pglite'],
  './clickhouse': ['@clickhouse/client'],
  './pubsub': ['@google-cloud/pubsub'],
  './typesense': ['typesense'],
  // minisearch is a dependency (its SearchableMap), not a peer.
  './embedded-search': ['minisearch'],
  './http': [],
};

const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Record<string, unknown>;
/** The code subpaths of a package.json `exports` (not `./package.json`). */
const subpathsOf = (pkg: Record<string, unknown>) =>
  Object.entries(pkg.exports as Record<string, unknown>)
    .filter(([, target]) => typeof target === 'object' && target !== null)
    .map(([subpath, target]) => ({ subpath, source: (target as { source: string }).source }));
const SUBPATHS = subpathsOf(readJson('../package.json')).map((s) => s.subpath);

describe('each adapter subpath loads without the other adapters’ vendor SDKs', () => {
  it('knows the vendors of every subpath in package.json exports', () => {
    expect(SUBPATHS.filter((s) => !(s in OWN_PEERS)), 'add the new subpath to OWN_PEERS').toEqual([]);
    expect(Object.keys(OWN_PEERS).filter((s) => !SUBPATHS.includes(s)), 'subpath no longer exported').toEqual([]);
  });

  it.each(SUBPATHS.map((subpath) => [`@jobkit/adapters${subpath.slice(1)}`, subpath]))('%s', async (name, subpath) => {
    const own = OWN_PEERS[subpath] ?? [];
    // Every other adapter's SDK is "not installed"; only the adapter's own peers are.
    const exported = await importWith(name, VENDORS.filter((v) => !own.includes(v)));
    expect(exported, `${name} exports something`).toBeGreaterThan(0);
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

describe('subpath lists follow package.json exports', () => {
  it('typedoc documents every exported entry of every package', () => {
    const typedoc = readJson('../../../typedoc.json') as { entryPoints: string[] };
    const exported = ['core', 'parsers', 'adapters'].flatMap((p) =>
      subpathsOf(readJson(`../../${p}/package.json`)).map((s) => `packages/${p}/${s.source.replace(/^\.\//, '')}`),
    );
    expect([...typedoc.entryPoints].sort()).toEqual(exported.sort());
  });
});
