/**
 * Every code subpath of every workspace package, read from its `package.json` `exports`, is imported
 * in a fresh Node process where the vendor SDKs it does not own look uninstalled: once from source
 * (the source condition) and once from `dist` as npm users get it (skipped, with the reason, when
 * that subpath has not been built). The other subpath lists — tsup entries, TypeDoc entry points,
 * the docs index — are checked against the same `exports` here.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exportEntries } from '../../../tsup.shared';

const run = promisify(execFile);
const hook = fileURLToPath(new URL('./fixtures/hide-vendors.mjs', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

interface Manifest {
  name: string;
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

interface Subpath {
  /** `@jobkit/adapters/postgres`. */
  specifier: string;
  /** `./postgres`. */
  subpath: string;
  packageName: string;
  packageDir: string;
  /** The condition that points at source (`source` today), passed to `node --conditions`. */
  sourceCondition: string;
  /** `./src/postgres/index.ts`. */
  source: string;
  /** `./dist/postgres/index.js`: the ESM file the `import` condition loads. */
  dist: string;
}

const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

const packageDirs = readdirSync(join(root, 'packages'))
  .map((d) => join(root, 'packages', d))
  .filter((d) => existsSync(join(d, 'package.json')))
  .sort();

/** The code subpaths of a package (every `exports` entry that is an object of conditions). */
function subpathsOf(dir: string): Subpath[] {
  const manifest = readManifest(dir);
  return Object.entries(manifest.exports ?? {}).flatMap(([subpath, target]) => {
    if (typeof target !== 'object' || target === null) return [];
    const conditions = Object.entries(target as Record<string, unknown>);
    const source = conditions.find(([, t]) => typeof t === 'string' && t.startsWith('./src/'));
    const esm = (target as { import?: string | { default?: string } }).import;
    const dist = typeof esm === 'string' ? esm : esm?.default;
    if (!source || !dist) throw new Error(`${manifest.name} ${subpath}: needs a ./src/ condition and an import condition`);
    return [
      {
        specifier: manifest.name + subpath.slice(1),
        subpath,
        packageName: manifest.name,
        packageDir: dir,
        sourceCondition: source[0],
        source: source[1] as string,
        dist,
      },
    ];
  });
}

const SUBPATHS = packageDirs.flatMap(subpathsOf);

/**
 * What each entry may load among the vendor SDKs; every other one is hidden. This is the one list
 * kept by hand (which engine a subpath is for is not in package.json); the first test fails when
 * it and `exports` disagree.
 */
const OWN_VENDORS: Record<string, string[]> = {
  '@jobkit/core': [],
  '@jobkit/core/testing': ['vitest'],
  '@jobkit/core/adapter-kit': [],
  '@jobkit/parsers': [],
  '@jobkit/parsers/cheerio': ['cheerio'],
  '@jobkit/adapters/postgres': ['pg', '@electric-sql/pglite'],
  '@jobkit/adapters/clickhouse': ['@clickhouse/client'],
  '@jobkit/adapters/pubsub': ['@google-cloud/pubsub'],
  '@jobkit/adapters/typesense': ['typesense'],
  // minisearch is a dependency (its SearchableMap), not a peer: only embedded search may load it.
  '@jobkit/adapters/embedded-search': ['minisearch'],
  '@jobkit/adapters/http': [],
};

/** Every package's peers (the vendor SDKs a user installs per engine) and the heavy search engines. */
const VENDORS = [
  ...new Set([...packageDirs.flatMap((d) => Object.keys(readManifest(d).peerDependencies ?? {})), 'minisearch', '@orama/orama']),
].sort();

/** Import one entry in a fresh Node process (cwd: its own package, so the name resolves to itself). */
async function importIsolated(entry: Subpath, from: 'source' | 'dist') {
  const own = OWN_VENDORS[entry.specifier] ?? [];
  const hidden = VENDORS.filter((v) => !own.includes(v));
  const code = `const m = await import(${JSON.stringify(entry.specifier)}); console.log(Object.keys(m).length);`;
  const loader = from === 'source' ? [`--conditions=${entry.sourceCondition}`, '--import', 'tsx'] : [];
  const { stdout } = await run(process.execPath, [...loader, '--import', pathToFileURL(hook).href, '--input-type=module', '-e', code], {
    cwd: entry.packageDir,
    env: { ...process.env, JOBKIT_HIDE: hidden.join(',') },
    timeout: 60_000,
  });
  return Number(stdout.trim());
}

describe('each subpath loads without the vendor SDKs of the others', () => {
  it('knows the vendors of every subpath in every package.json exports', () => {
    const exported = SUBPATHS.map((s) => s.specifier);
    expect(
      exported.filter((s) => !(s in OWN_VENDORS)),
      'add the new subpath to OWN_VENDORS',
    ).toEqual([]);
    expect(
      Object.keys(OWN_VENDORS).filter((s) => !exported.includes(s)),
      'subpath no longer exported',
    ).toEqual([]);
    // Every engine folder of the adapters package is an exported subpath (the list once missed embedded-search).
    const adapterSrc = join(root, 'packages', 'adapters', 'src');
    const folders = readdirSync(adapterSrc).filter((d) => existsSync(join(adapterSrc, d, 'index.ts')));
    expect(
      folders.map((d) => `@jobkit/adapters/${d}`).filter((s) => !exported.includes(s)),
      'engine folder not exported',
    ).toEqual([]);
  });

  it.each(SUBPATHS.map((s) => [s.specifier, s] as const))('%s (source)', async (_name, entry) => {
    expect(await importIsolated(entry, 'source'), `${entry.specifier} exports something`).toBeGreaterThan(0);
  });

  for (const entry of SUBPATHS) {
    const built = existsSync(join(entry.packageDir, entry.dist));
    const name = built ? `${entry.specifier} (dist)` : `${entry.specifier} (dist) — skipped: ${entry.dist} not built (run pnpm build)`;
    it.skipIf(!built)(name, async () => {
      expect(await importIsolated(entry, 'dist'), `${entry.specifier} exports something`).toBeGreaterThan(0);
    });
  }

  it('the hook really hides a vendor (the test can fail)', async () => {
    await expect(
      run(process.execPath, ['--import', pathToFileURL(hook).href, '--input-type=module', '-e', 'await import("chdb")'], {
        cwd: join(root, 'packages', 'adapters'),
        env: { ...process.env, JOBKIT_HIDE: 'chdb' },
      }),
    ).rejects.toThrow(/hidden by the import-isolation test/);
  });
});

describe('subpath lists follow package.json exports', () => {
  it('tsup builds each exported entry where its import condition points', () => {
    for (const dir of packageDirs) {
      const subpaths = subpathsOf(dir);
      if (subpaths.length === 0) continue;
      const entries = exportEntries(dir);
      expect(
        Object.entries(entries)
          .map(([out, src]) => [`./dist/${out}.js`, `./${src}`])
          .sort(),
      ).toEqual(subpaths.map((s) => [s.dist, s.source]).sort());
    }
  });

  it('typedoc documents every exported entry of every package', async () => {
    const config = (await import(pathToFileURL(join(root, 'typedoc.config.mjs')).href)) as { default: { entryPoints: string[] } };
    const exported = SUBPATHS.map((s) => `packages/${s.packageDir.split(/[\\/]/).pop()}/${s.source.slice(2)}`);
    expect([...config.default.entryPoints].sort()).toEqual(exported.sort());
  });

  it('the docs index links a page for every adapter subpath', () => {
    const index = readFileSync(join(root, 'docs', 'README.md'), 'utf8');
    for (const s of SUBPATHS.filter((e) => e.packageName === '@jobkit/adapters')) {
      const page = `adapters/${s.subpath.slice(2)}.md`;
      expect(existsSync(join(root, 'docs', page)), `docs/${page} exists`).toBe(true);
      const row = index.split('\n').find((line) => line.includes(`](${page})`) && line.includes(`\`${s.specifier}\``));
      expect(row, `docs/README.md has a row linking ${page} for ${s.specifier}`).toBeDefined();
    }
  });
});
