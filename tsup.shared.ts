import { defineConfig, type Options } from 'tsup';

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
