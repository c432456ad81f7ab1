/**
 * Hostile input at the CLI: `jobkit parse` on a file that never ends (/dev/zero) or is far
 * bigger than what the parser reads must finish with a normal answer, not read forever.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'jobkit-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function jobkit(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--max-old-space-size=768', '--import', 'tsx', '--conditions=@jobkit/source', CLI, ...args],
      { env: { ...process.env, JOBKIT_STORE: '', FORCE_COLOR: '0' }, timeout: 90_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

describe('jobkit parse on hostile files', () => {
  it.skipIf(process.platform === 'win32')(
    '/dev/zero (a file that never ends) is read up to the cap and answered',
    async () => {
      const r = await jobkit(['parse', '/dev/zero', '--url', 'https://acme.example/jobs/1-zero', '--json']);
      expect(r.code, r.stderr).toBe(1);
      expect(JSON.parse(r.stdout).job).toBeNull();
    },
    120_000,
  );

  it('a posting followed by 60 MB of padding is still read from its head', async () => {
    const path = join(dir, 'padded.html');
    const head = `<html><head><script type="application/ld+json">${JSON.stringify({
      '@type': 'JobPosting',
      title: 'Padded Page Engineer',
      description: 'Build and run the services behind our product with a small team. '.repeat(4),
      hiringOrganization: 'Acme',
    })}</script></head><body><!--`;
    writeFileSync(path, head + 'x'.repeat(60 * 1024 * 1024));
    const r = await jobkit(['parse', path, '--url', 'https://acme.example/jobs/2-padded', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).job.title).toBe('Padded Page Engineer');
  }, 120_000);
});
