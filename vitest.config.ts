import { defineConfig } from 'vitest/config';

// One root config; each package/example is a project with its own vitest.config.ts.
// The `source` condition makes workspace imports resolve to TypeScript sources, so tests never need a build.
export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/*'],
  },
});
