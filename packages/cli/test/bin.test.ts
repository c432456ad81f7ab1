/**
 * The `jobkit` bin launcher: in the repository it runs the sources (no build needed, never a stale
 * `dist/`) from any working directory, which is what `pnpm jobkit` in a workspace folder runs
 * through the root's `node_modules/.bin`.
 * @module
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/jobkit.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
  files: string[];
};

describe('jobkit bin', () => {
  it('runs from a workspace subdirectory and from outside the repository', async () => {
    for (const cwd of [`${ROOT}examples/parse-demo`, `${ROOT}packages/parsers/src`, '/']) {
      const { stdout, stderr } = await run(process.execPath, [BIN, '--version'], { cwd, env: { ...process.env, JOBKIT_STORE: '' } });
      expect(`${cwd}: ${stdout.trim()} ${stderr}`).toBe(`${cwd}: ${pkg.version} `);
    }
    const { stdout } = await run(process.execPath, [BIN, 'detect', 'https://boards.greenhouse.io/acme/jobs/123', '--json'], {
      cwd: `${ROOT}packages/core`,
    });
    expect(JSON.parse(stdout)).toMatchObject({ fromUrl: { platform: 'greenhouse', boardToken: 'acme', jobId: '123' } });
  });

  it('is the package bin, is published, and is linked for the workspace root', () => {
    expect(pkg.bin.jobkit).toBe('./bin/jobkit.mjs');
    expect(pkg.files).toContain('bin');
    expect(existsSync(`${ROOT}node_modules/.bin/jobkit`)).toBe(true);
  });
});
