import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Options } from 'tsup';

/**
 * tsup entries of a package, derived from its `package.json` `exports` (run from the package
 * folder, as `pnpm --filter … build` does): each subpath's `source` file, built to where its
 * `import` condition points. A new subpath is one `exports` entry; the build follows.
 */
export function exportEntries(packageDir = process.cwd()): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { exports?: Record<string, unknown> };
  const entries: Record<string, string> = {};
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (typeof target !== 'object' || target === null) continue;
    const { source, import: esm } = target as { source?: string; import?: string };
    if (!source || !esm) throw new Error(`[tsup.shared] ${subpath}: an export needs "source" and "import" conditions`);
    const out = /^\.\/dist\/(.+)\.js$/.exec(esm)?.[1];
    if (!out) throw new Error(`[tsup.shared] ${subpath}: "import" must point into ./dist/*.js, got ${esm}`);
    entries[out] = source.replace(/^\.\//, '');
  }
  return entries;
}

/** Shared tsup preset: ESM + CJS + .d.ts per entry, no bundling of dependencies. */
export function jobkitBuild(entry: Record<string, string>, extra: Partial<Options> = {}) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    treeshake: true,
    splitting: true,
    ...extra,
  });
}
