import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runDemo } from './main.js';

describe('parse demo', () => {
  it('extracts a job from every job page and none from the listing', async () => {
    const rows = await runDemo();
    const byPage = Object.fromEntries(rows.map((r) => [r.page, r]));
    expect(byPage['acme-greenhouse.html']).toMatchObject({
      title: 'Senior Backend Engineer',
      company: 'Acme Robotics',
      ats: 'greenhouse:acmerobotics',
      source: 'json-ld',
    });
    expect(byPage['nimbus-lever.html']).toMatchObject({ title: 'Staff Data Engineer', workplace: 'remote', ats: 'lever:nimbusdata' });
    expect(byPage['kraftwerk-microdata.html']).toMatchObject({
      company: 'Kraftwerk Energie GmbH',
      source: 'microdata',
      salary: 'EUR 17.5/hour',
    });
    expect(byPage['lumiere-paris.html']).toMatchObject({ workplace: 'hybrid', salary: 'EUR 55k–65k/year' });
    expect(byPage['sol-madrid.html']).toMatchObject({ title: 'Analista de Datos', salary: 'EUR 32k–38k/year' });
    expect(byPage['orbit-careers-listing.html']?.quality).toBe('');
    // Heuristics fill what the structured data or the page layout leaves out.
    expect(byPage['acme-greenhouse.html']).toMatchObject({ workplace: 'hybrid', location: 'Boston, US' });
    expect(byPage['lumiere-paris.html']).toMatchObject({ location: 'Paris, FR' });
    expect(byPage['kraftwerk-microdata.html']).toMatchObject({ workplace: 'hybrid' });
    expect(byPage['orbit-careers-listing.html']?.title).toMatch(/^\(no job: page links to 3 job pages \(a listing page/);
    for (const r of rows.filter((r) => r.page !== 'orbit-careers-listing.html')) {
      expect(Number(r.quality), r.page).toBeGreaterThan(40);
    }
  });
});

describe('parse demo provenance', () => {
  it('marks a workplace read from the description of a JSON-LD posting as heuristic', async () => {
    const { readFile } = await import('node:fs/promises');
    const { parseJobPage } = await import('@jobkit/parsers');
    const { DEMO_PAGES } = await import('./main.js');
    const html = await readFile(new URL('./pages/acme-greenhouse.html', import.meta.url), 'utf8');
    const { job, source } = parseJobPage(html, { url: DEMO_PAGES['acme-greenhouse.html']!, now: new Date('2026-11-25T12:00:00Z') });
    expect(source).toBe('json-ld');
    expect(job?.workplaceType).toBe('hybrid');
    expect(job?.provenance.workplaceType).toBe('heuristic');
    expect(job?.provenance.title).toBe('json-ld');
  });
});

describe('parse demo shutdown', () => {
  it("exits 0 on a repeated SIGINT (pnpm and tsx relay the terminal's), printing what it parsed", async () => {
    const child = spawn(
      process.execPath,
      ['--conditions=@jobkit/source', '--import', 'tsx', fileURLToPath(new URL('./main.ts', import.meta.url))],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    let signalled = false;
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    child.stdout.on('data', (d: Buffer) => {
      const first = out === '';
      out += d.toString();
      if (first && out.startsWith('Parsing')) {
        child.kill('SIGINT');
        child.kill('SIGINT');
        signalled = true;
      }
    });
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(signalled).toBe(true);
    expect(err).toBe('');
    expect(out).toMatch(/^title\s+company/m);
  }, 30_000);

  it('stops before the next page once aborted', async () => {
    expect(await runDemo(AbortSignal.abort())).toEqual([]);
  });
});
