import { defineConfig } from 'vitest/config';
import { SkipReasonsReporter } from './vitest.shared';

// One root config; each package/example is a project with its own vitest.config.ts.
// The `source` condition makes workspace imports resolve to TypeScript sources, so tests never need a build.
// After the default output, each skipped suite's reason is printed once (the default shows counts only).
export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/*'],
    reporters: ['default', new SkipReasonsReporter()],
  },
});
