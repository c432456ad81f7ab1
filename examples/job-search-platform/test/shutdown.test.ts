/**
 * Ctrl-C on the demo while it is still ingesting: the terminal's SIGINT arrives twice (pnpm and tsx
 * relay it), and the process must close everything and exit 0 without printing the ingestion it
 * cut short as an error.
 * @module
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

describe('platform main', () => {
  it('exits 0 after a clean shutdown on a repeated SIGINT mid-ingestion', async () => {
    const child = spawn(process.execPath, ['--conditions=@jobkit/source', '--import', 'tsx', MAIN, '--port', '0'], {
      env: {
        ...process.env,
        DATABASE_URL: '',
        PUBSUB_EMULATOR_HOST: '',
        PUBSUB_PROJECT_ID: '',
        GOOGLE_CLOUD_PROJECT: '',
        CLICKHOUSE_URL: '',
        TYPESENSE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('simulated internet:')) resolve();
      });
      void exited.then(() => reject(new Error(`exited before starting: ${err}`)));
    });
    child.kill('SIGINT');
    setTimeout(() => child.kill('SIGINT'), 30);
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(out).toContain('SIGINT: shutting down');
    expect(err).toBe('');
  }, 90_000);
});
