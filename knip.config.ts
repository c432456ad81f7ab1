/**
 * knip: unused files, exports and dependencies across the workspace (`pnpm knip`, a step of
 * `.ci/run`). Entries are what a package exports, its CLI, tests, benches and scripts; every
 * ignore below says why knip cannot see the use.
 * @module
 */
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  workspaces: {
    '.': {
      entry: ['scripts/**/*.ts', '*.ts', '*.mjs'],
      project: ['scripts/**/*.ts', '*.ts'],
      ignoreDependencies: [
        // scripts/check-packages.ts runs node_modules/.bin/attw by path.
        '@arethetypeswrong/cli',
        // Links the `jobkit` bin at the root so `pnpm jobkit` works from any folder.
        '@jobkit/cli',
        // scripts/reliability/common.ts bundles with the esbuild that tsx brings (resolved through tsx).
        'esbuild',
      ],
      // s5-postgres-restart.ts runs the server's own tools as the postgres user.
      ignoreBinaries: ['su'],
    },
    bench: { entry: ['*.ts'], project: ['**/*.ts'] },
    'packages/*': {
      entry: ['src/cli.ts', 'bin/*.mjs', 'test/**/*.ts', 'src/**/*.test.ts'],
      project: ['src/**/*.ts', 'test/**/*.ts'],
    },
    'packages/core': {
      entry: ['src/**/*.test.ts'],
      project: ['src/**/*.ts'],
      // The contract suites (`@jobkit/core/testing`) run under the caller's vitest: an optional peer.
      ignoreDependencies: ['vitest'],
    },
    'packages/adapters': {
      entry: ['src/*/index.ts', 'test/**/*.ts'],
      project: ['src/**/*.ts', 'test/**/*.ts'],
      // chDB is an optional peer loaded by name on first use (clickhouse/embedded.ts); tests install it.
      ignoreDependencies: ['chdb'],
    },
    'examples/*': {
      entry: ['src/main.ts', '*.ts', 'test/**/*.ts', 'public/*.js'],
      project: ['**/*.{ts,js}'],
    },
  },
};

export default config;
