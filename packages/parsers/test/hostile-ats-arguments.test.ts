/**
 * The ATS, board and site-profile entry points at the argument boundary: capped URL length, typed
 * errors for wrong types, and options whose getters throw ending as `INVALID_ARGUMENT` with the
 * getter's error as `cause`.
 */
import { canonicalizeUrl, JobkitError } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import { expectInvalid, throwingGetter } from '../../core/test/hostile-helpers.js';
import {
  atsCanonicalUrlRules,
  atsPlatforms,
  boardPlatforms,
  defineAts,
  detectAts,
  detectAtsCandidates,
  detectAtsFromSignals,
  getAtsPlatform,
  listBoardJobs,
  sitesForHost,
} from '../src/index.js';

const MAX = 8_192;
const leverJob = (pad: number) => `https://jobs.lever.co/acme/${'a'.repeat(pad)}`;

describe('ATS detection reads at most 8,192 URL characters', () => {
  it('a page URL past the cap is INVALID_ARGUMENT at every detect entry point, never echoed back', () => {
    const huge = leverJob(4_000_000);
    for (const [name, run] of [
      ['detectAts', () => detectAts({ url: huge })],
      ['detectAtsCandidates', () => detectAtsCandidates(huge)],
      ['detectAtsFromSignals', () => detectAtsFromSignals(new URL(huge))],
    ] as const) {
      const error = expectInvalid(name, run);
      expect(error.message.length, name).toBeLessThan(500);
      expect(error.details).toMatchObject({ maxUrlChars: MAX });
    }
  });

  it('a URL at the cap is still read; one character past it is refused', () => {
    const base = leverJob(0).length;
    const at = detectAts({ url: leverJob(MAX - base) });
    expect(at?.platform).toBe('lever');
    expectInvalid('one past', () => detectAts({ url: leverJob(MAX - base + 1) }));
  });

  it("a definition's matchUrl matches nothing past the cap and refuses a non-URL", () => {
    const lever = getAtsPlatform('lever')!;
    expect(lever.matchUrl(new URL(leverJob(20)))?.boardToken).toBe('acme');
    expect(lever.matchUrl(new URL(leverJob(MAX)))).toBeNull();
    expectInvalid('matchUrl(string)', () => lever.matchUrl('https://jobs.lever.co/acme/1' as unknown as URL));
    expectInvalid('matchUrl(null)', () => lever.matchUrl(null as unknown as URL));
  });

  it('a canonical URL rule leaves a URL past the cap in its generic form', () => {
    const rules = atsCanonicalUrlRules(atsPlatforms);
    const short = 'https://job-boards.greenhouse.io/acme/jobs/123';
    expect(canonicalizeUrl(short, { rules })).toBe('https://boards.greenhouse.io/acme/jobs/123');
    const long = `${short}?q=${'x'.repeat(MAX)}`;
    expect(canonicalizeUrl(long, { rules }).startsWith('https://job-boards.greenhouse.io/')).toBe(true);
  });
});

describe('wrong argument types are INVALID_ARGUMENT, not a TypeError', () => {
  const NOT_ARRAYS: unknown[] = [null, 42, 'lever', {}, () => []];
  it.each(NOT_ARRAYS)('boardPlatforms / atsCanonicalUrlRules / sitesForHost sites = %s', (bad) => {
    expectInvalid('boardPlatforms', () => boardPlatforms(bad as never));
    expectInvalid('atsCanonicalUrlRules', () => atsCanonicalUrlRules(bad as never));
    expectInvalid('sitesForHost', () => sitesForHost('www.indeed.com', bad as never));
  });

  it.each([undefined, null, 42, {}, ['indeed.com']])('sitesForHost(%s)', (bad) => {
    expectInvalid('sitesForHost', () => sitesForHost(bad as never));
  });

  it('array items that are not definitions are typed too', () => {
    expectInvalid('atsCanonicalUrlRules([null])', () => atsCanonicalUrlRules([null] as never));
    expect(boardPlatforms([null, 1] as never)).toEqual([]);
    expectInvalid('sitesForHost(host, [1])', () => sitesForHost('www.indeed.com', [1] as never));
  });

  it('sitesForHost: a host longer than a DNS name belongs to no profile, in time linear in its length', () => {
    expect(sitesForHost('www.indeed.com').length).toBeGreaterThan(0);
    const dots = (n: number) => `${'a.'.repeat(n)}indeed.com`;
    const time = (n: number) => {
      const host = dots(n);
      const t = performance.now();
      expect(sitesForHost(host)).toEqual([]);
      return performance.now() - t;
    };
    time(1_000);
    const small = Math.max(time(62_500), 0.05);
    const large = time(1_000_000);
    expect(large / small).toBeLessThan(40 * 16);
  });
});

describe('options whose getters throw end as INVALID_ARGUMENT with the cause', () => {
  const boom = new Error('getter boom');
  const throwing = (key: string) => throwingGetter(key, boom);

  it('detectAts (string form): input and options', () => {
    expectInvalid('input.url', () => detectAts(throwing('url') as never), boom);
    expectInvalid('options.platforms', () => detectAts({ url: leverJob(8) }, throwing('platforms') as never), boom);
    expectInvalid('candidates options', () => detectAtsCandidates(leverJob(8), null, throwing('platforms') as never), boom);
  });

  it('listBoardJobs: board and options', async () => {
    const fetcher = { fetch: async () => ({ status: 200, headers: {}, body: '' }) } as never;
    for (const [name, board, options] of [
      ['board', throwing('platform'), { fetcher }],
      ['options', { platform: 'lever', boardToken: 'acme' }, throwing('fetcher')],
    ] as const) {
      let error: unknown;
      try {
        await listBoardJobs(board as never, options as never);
      } catch (e) {
        error = e;
      }
      expect(JobkitError.is(error, 'INVALID_ARGUMENT'), `${name}: ${String(error)}`).toBe(true);
      expect((error as Error).cause, name).toBe(boom);
    }
  });

  it('atsCanonicalUrlRules: a definition whose canonicalUrl getter throws', () => {
    expectInvalid('rules', () => atsCanonicalUrlRules([Object.assign(throwing('canonicalUrl'), { id: 'x' })] as never), boom);
  });

  it('defineAts keeps working for a user definition (matchUrl wrapped, this kept)', () => {
    const mine = defineAts({
      id: 'hirely',
      name: 'Hirely',
      hosts: ['hirely.example'],
      detects: { url: true, embed: false, boardApi: false },
      matchUrl(url) {
        return url.hostname === 'hirely.example' ? { boardToken: this.id, jobId: null } : null;
      },
    });
    expect(detectAts({ url: 'https://hirely.example/x' }, { platforms: [mine] })).toMatchObject({
      platform: 'hirely',
      boardToken: 'hirely',
    });
  });
});
