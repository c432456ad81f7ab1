#!/usr/bin/env node
/**
 * The `jobkit` bin. Installed from the registry it runs the built `dist/cli.js`. In a checkout of
 * the Jobkit repository (`src/` next to this folder, `tsx` installed) it runs the TypeScript sources
 * with the `source` export condition instead, so `pnpm jobkit …` works from any workspace folder
 * without a build and never runs a stale `dist/`.
 */
import { existsSync } from 'node:fs';
import { register } from 'node:module';

const source = new URL('../src/cli.ts', import.meta.url);
const tsx = existsSync(source) ? await import('tsx/esm/api').catch(() => null) : null;
if (tsx) {
  register('./source-condition.mjs', import.meta.url);
  tsx.register();
  await import(source.href);
} else {
  await import(new URL('../dist/cli.js', import.meta.url).href);
}
