import { defineProject } from 'vitest/config';

/** Shared per-project preset: resolve workspace packages to their sources. */
export function jobkitProject(name: string, overrides: { testTimeout?: number; include?: string[] } = {}) {
  return defineProject({
    resolve: { conditions: ['source'] },
    ssr: { resolve: { conditions: ['source'] } },
    test: {
      name,
      include: overrides.include ?? ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: overrides.testTimeout ?? 20_000,
      hookTimeout: 60_000,
    },
  });
}
