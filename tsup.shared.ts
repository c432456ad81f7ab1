import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Options } from 'tsup';

/** A condition's target: a file, or `{ types, default }` naming its declarations explicitly. */
type ConditionTarget = string | { types?: string; default?: string };

/** The file a condition loads (its `default` when it names its `types` too). */
const conditionFile = (target: ConditionTarget | undefined) => (typeof target === 'string' ? target : target?.default);

/**
 * tsup entries of a package, derived from its `package.json` `exports` (run from the package
 * folder, as `pnpm --filter … build` does): each subpath's `source` file, built to where its
 * `import` condition points. A new subpath is one `exports` entry; the build follows.
 *
 * When a condition names its `types`, they must be the declarations tsup writes beside that
 * file (`.d.ts` for `.js`, `.d.cts` for `.cjs`), so the map cannot point at files the build
 * never makes; `pnpm check:packages` then proves the packed tarball resolves (publint, attw).
 */
export function exportEntries(packageDir = process.cwd()): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { exports?: Record<string, unknown> };
  const entries: Record<string, string> = {};
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (typeof target !== 'object' || target === null) continue;
    const conditions = target as { '@jobkit/source'?: string; source?: string; import?: ConditionTarget; require?: ConditionTarget };
    // `source` is the generic name @jobkit/parsers still uses; the others declare `@jobkit/source`.
    const source = conditions['@jobkit/source'] ?? conditions.source;
    const esm = conditionFile(conditions.import);
    if (!source || !esm) throw new Error(`[tsup.shared] ${subpath}: an export needs "@jobkit/source" and "import" conditions`);
    const out = /^\.\/dist\/(.+)\.js$/.exec(esm)?.[1];
    if (!out) throw new Error(`[tsup.shared] ${subpath}: "import" must point into ./dist/*.js, got ${esm}`);
    const expected = { import: [`./dist/${out}.js`, `./dist/${out}.d.ts`], require: [`./dist/${out}.cjs`, `./dist/${out}.d.cts`] } as const;
    for (const condition of ['import', 'require'] as const) {
      const given = conditions[condition];
      if (given === undefined) continue;
      const [file, types] = expected[condition];
      if (conditionFile(given) !== file || (typeof given === 'object' && given.types !== undefined && given.types !== types)) {
        throw new Error(`[tsup.shared] ${subpath}: "${condition}" must be ${file} with types ${types}, got ${JSON.stringify(given)}`);
      }
    }
    entries[out] = source.replace(/^\.\//, '');
  }
  return entries;
}

/** Shared tsup preset: ESM + CJS per entry with their declarations (`.d.ts`, `.d.cts`), no bundling of dependencies. */
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
