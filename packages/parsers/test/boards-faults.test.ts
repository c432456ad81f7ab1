import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listBoardJobs } from '../src/index.js';
import type { VendorServer } from './fixtures/boards/server.js';
import { startVendorServer } from './fixtures/boards/server.js';

// Fault injection: a normalizer that throws on one row's value (here the salary parser on a
// poisoned string) must cost that row its optional fields, not the row or the board.
vi.mock('../src/normalize/salary.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/normalize/salary.js')>();
  return {
    ...real,
    parseSalary: (text: string, ...rest: unknown[]) => {
      if (text.includes('POISON')) throw new Error('salary parser blew up');
      return (real.parseSalary as (t: string, ...r: unknown[]) => unknown)(text, ...rest);
    },
  };
});

let server: VendorServer;
beforeAll(async () => {
  server = await startVendorServer();
});
afterAll(async () => {
  await server?.close();
});

describe('a normalizer that throws on one row', () => {
  it('keeps the row with its id, URL and title, warns, and reads the rest of the board', async () => {
    server.on('acme.breezy.hr/json', {
      json: [
        {
          id: 'p1',
          name: 'Poisoned Role',
          url: 'https://acme.breezy.hr/p/p1',
          salary: 'POISON $1',
          location: { city: 'Lisbon', country: 'PT' },
        },
        {
          id: 'p2',
          name: 'Fine Role',
          url: 'https://acme.breezy.hr/p/p2',
          salary: '€40k - €50k / year',
          location: { city: 'Porto', country: 'PT' },
        },
      ],
    });
    const res = await listBoardJobs({ platform: 'breezy', boardToken: 'acme' }, { fetcher: server.fetcher });
    expect(res.jobs.map((j) => [j.ats?.jobId, j.title])).toEqual([
      ['p1', 'Poisoned Role'],
      ['p2', 'Fine Role'],
    ]);
    expect(res.jobs[0]).toMatchObject({ url: 'https://acme.breezy.hr/p/p1', locations: [], salary: null });
    expect(res.jobs[1]).toMatchObject({ salary: { min: 40000, max: 50000, currency: 'EUR' }, locations: [{ city: 'Porto' }] });
    expect(res.warnings.join('\n')).toMatch(/job p1: fields could not be mapped \(salary parser blew up\)/);
  });
});
