/**
 * Tests of the static in-memory fetcher and the status → typed-error mapping of the Fetcher port.
 * @module
 */
import { describe, expect, it } from 'vitest';
import { JobkitError } from '../errors.js';
import { checkStatus, fetchOk } from '../ports/fetcher.js';
import { runFetcherContract, staticFetcherContractRoutes } from '../testing/fetcher-contract.js';
import { createStaticFetcher } from './fetcher.js';

runFetcherContract({
  name: 'static',
  create: (routes) => ({
    fetcher: createStaticFetcher(staticFetcherContractRoutes(routes, 'https://contract.test')),
    origin: 'https://contract.test',
  }),
});

describe('createStaticFetcher', () => {
  it('serves JSON, text and bytes with the declared charset', async () => {
    const fetcher = createStaticFetcher({
      'https://a.example/jobs.json': { body: { jobs: [1, 2] } },
      'https://a.example/latin': {
        headers: { 'Content-Type': 'text/html; charset=windows-1252' },
        body: new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x92, 0x9d]),
      },
    });
    const json = await fetcher.fetch('https://a.example/jobs.json');
    expect(json.status).toBe(200);
    expect(json.json()).toEqual({ jobs: [1, 2] });
    const latin = await fetcher.fetch('https://a.example/latin');
    expect(latin.charset).toBe('windows-1252');
    // € and ’ come from the windows-1252 C1 table (Node's own decoder gets them wrong); 0x9d stays a control.
    expect(latin.text()).toBe('café €\u2019\u009d');
    expect(latin.headers['content-type']).toContain('windows-1252');
  });

  it('follows redirects, records requests and returns 404 for unknown URLs', async () => {
    const fetcher = createStaticFetcher({
      'https://a.example/old': { redirect: '/new' },
      'https://a.example/new': (req) => ({ body: `hello ${req.headers.accept}` }),
    });
    const res = await fetcher.fetch('https://a.example/old', { accept: 'text/plain' });
    expect(res.url).toBe('https://a.example/new');
    expect(res.redirects).toEqual(['https://a.example/old']);
    expect(res.text()).toBe('hello text/plain');
    expect(fetcher.requests.map((r) => r.url)).toEqual(['https://a.example/old', 'https://a.example/new']);
    expect((await fetcher.fetch('https://a.example/missing')).status).toBe(404);
  });

  it('rejects with ABORTED when the signal fires mid-request', async () => {
    const fetcher = createStaticFetcher({ 'https://a.example/slow': { delayMs: 5_000, body: 'x' } });
    const controller = new AbortController();
    const pending = fetcher.fetch('https://a.example/slow', { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('throws PARSE_FAILED for invalid JSON', async () => {
    const fetcher = createStaticFetcher({ 'https://a.example/bad': { body: '{nope' } });
    const res = await fetcher.fetch('https://a.example/bad');
    expect(() => res.json()).toThrow(/not valid JSON/);
  });
});

describe('checkStatus / fetchOk', () => {
  const fetcher = createStaticFetcher({
    'https://b.example/ok': { body: 'fine' },
    'https://b.example/empty': { body: '  \n' },
    'https://b.example/gone': { status: 410 },
    'https://b.example/forbidden': { status: 403 },
    'https://b.example/busy': { status: 429, headers: { 'retry-after': '30' } },
    'https://b.example/down': { status: 503 },
    'https://b.example/teapot': { status: 418 },
  });
  const codeOf = async (path: string) => {
    try {
      await fetchOk(fetcher, `https://b.example/${path}`);
      return 'ok';
    } catch (error) {
      if (!JobkitError.is(error)) throw error;
      return `${error.code}${error.retryable ? ' (retryable)' : ''}`;
    }
  };

  it('maps statuses to typed errors', async () => {
    expect(await codeOf('ok')).toBe('ok');
    expect(await codeOf('empty')).toBe('TARGET_EMPTY');
    expect(await codeOf('missing')).toBe('TARGET_NOT_FOUND');
    expect(await codeOf('gone')).toBe('TARGET_NOT_FOUND');
    expect(await codeOf('forbidden')).toBe('FETCH_BLOCKED');
    expect(await codeOf('busy')).toBe('FETCH_RATE_LIMITED (retryable)');
    expect(await codeOf('down')).toBe('FETCH_HTTP_STATUS (retryable)');
    expect(await codeOf('teapot')).toBe('FETCH_HTTP_STATUS');
  });

  it('carries url, status and host in details, and allowEmpty lets empty bodies through', async () => {
    const res = await fetcher.fetch('https://b.example/busy');
    expect(() => checkStatus(res)).toThrow(JobkitError);
    try {
      checkStatus(res);
    } catch (error) {
      expect((error as JobkitError).details).toMatchObject({
        url: 'https://b.example/busy',
        status: 429,
        host: 'b.example',
        retryAfter: '30',
      });
    }
    const empty = await fetchOk(fetcher, 'https://b.example/empty', { allowEmpty: true });
    expect(empty.status).toBe(200);
  });
});
