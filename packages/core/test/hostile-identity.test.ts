/**
 * Hostile values at core's identity functions (canonical URLs, URL hashes, content hashes):
 * wrong types, getters that throw, shared references that make a walk exponential, and
 * prototype-pollution keys. Each ends in `INVALID_ARGUMENT` or a correct answer, never in a bare
 * `TypeError`, a hang, or a changed prototype.
 */
import { describe, expect, it } from 'vitest';
import { contentHashWithJson } from '../src/adapter-kit.js';
import {
  canonicalizeUrl,
  contentHash,
  JobkitError,
  jobIdFromUrlHash,
  MAX_STABLE_DEPTH,
  sha256Hex,
  stableStringify,
  urlHash,
} from '../src/index.js';

function invalid(run: () => unknown, pattern?: RegExp): JobkitError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(JobkitError.is(caught, 'INVALID_ARGUMENT'), String(caught)).toBe(true);
  expect((caught as Error).message).toMatch(/\[core\/identity\]/);
  if (pattern) expect((caught as Error).message).toMatch(pattern);
  return caught as JobkitError;
}

const NOT_STRINGS: unknown[] = [undefined, null, 42, {}, ['https://acme.example/'], Symbol('s'), new URL('https://acme.example/jobs/1')];

describe('identity on hostile input', () => {
  it('canonicalizeUrl, urlHash, sha256Hex and jobIdFromUrlHash refuse non-strings with INVALID_ARGUMENT', () => {
    for (const value of NOT_STRINGS) {
      invalid(() => canonicalizeUrl(value as string), /string/);
      invalid(() => urlHash(value as string), /string/);
      invalid(() => sha256Hex(value as string), /string/);
      invalid(() => jobIdFromUrlHash(value as string));
    }
    invalid(() => jobIdFromUrlHash('abc'), /hex URL hash/);
    const boom = new Error('rules getter boom');
    const options = {
      get rules(): never {
        throw boom;
      },
    };
    expect(invalid(() => canonicalizeUrl('https://acme.example/jobs/1', options), /rules getter boom/).cause).toBe(boom);
    expect(jobIdFromUrlHash(urlHash('https://acme.example/jobs/1'))).toMatch(/^jk_[0-9a-f]{24}$/);
  });

  it('canonicalizeUrl: long, encoded, surrogate, IDN and __proto__ URLs in linear time', () => {
    expect(canonicalizeUrl('https://BÜCHER.example./jobs/1')).toBe('https://xn--bcher-kva.example/jobs/1');
    expect(canonicalizeUrl('https://acme.example/\ud800?x=\udfff')).toBe('https://acme.example/%EF%BF%BD?x=%EF%BF%BD');
    expect(canonicalizeUrl('https://acme.example/?__proto__=1&constructor=2')).toBe('https://acme.example/?__proto__=1&constructor=2');
    expect(({} as Record<string, unknown>)['1']).toBeUndefined();
    const cpu = (fn: () => unknown) => {
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 2; i++) {
        const c0 = process.cpuUsage();
        fn();
        const c = process.cpuUsage(c0);
        best = Math.min(best, (c.user + c.system) / 1_000);
      }
      return best;
    };
    for (const unit of ['a=1&', '%25', '/', 'utm_source=x&']) {
      const url = (n: number) => `https://acme.example/jobs/${unit.repeat(n)}?${unit.repeat(n)}`;
      canonicalizeUrl(url(100));
      const t1 = cpu(() => canonicalizeUrl(url(4_000)));
      const t16 = cpu(() => canonicalizeUrl(url(64_000)));
      expect(t16 / Math.max(t1, 5), `${unit}: ${t1.toFixed(1)} -> ${t16.toFixed(1)} ms`).toBeLessThan(40);
    }
  });

  it('a getter that throws, or a toJSON that throws, becomes INVALID_ARGUMENT with the cause', () => {
    const boom = new Error('getter boom');
    const evil = {
      title: 'x',
      get company(): string {
        throw boom;
      },
    };
    for (const run of [() => stableStringify(evil), () => contentHash(evil), () => contentHashWithJson(evil)]) {
      expect(invalid(run, /getter boom/).cause).toBe(boom);
    }
    const nested = {
      title: 'x',
      location: [
        {
          get city(): string {
            throw boom;
          },
        },
      ],
    };
    expect(invalid(() => contentHash(nested), /getter boom/).cause).toBe(boom);
    class WithToJson {
      toJSON(): never {
        throw boom;
      }
    }
    expect(invalid(() => contentHashWithJson({ title: 'x', extra: new WithToJson() }), /getter boom/).cause).toBe(boom);
  });

  it('shared references that make the walk exponential end at the node budget (was a hang)', () => {
    let shared: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 40; i++) shared = { a: shared, b: shared };
    const t0 = performance.now();
    invalid(() => stableStringify(shared), /1,000,000 objects/);
    invalid(() => contentHash({ title: 'x', shared }), /1,000,000 objects/);
    invalid(() => contentHashWithJson({ title: 'x', shared }), /1,000,000 objects/);
    let arr: unknown[] = [1];
    for (let i = 0; i < 40; i++) arr = [arr, arr, new Date(0)];
    invalid(() => stableStringify(arr), /1,000,000 objects/);
    expect(performance.now() - t0).toBeLessThan(30_000);
    // A cycle still reports the depth cap.
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    invalid(() => contentHash(cycle), new RegExp(`${MAX_STABLE_DEPTH} levels`));
  }, 60_000);

  it('large but honest values still hash, and __proto__ keys stay data', () => {
    const wide = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, { v: i }]));
    expect(stableStringify(wide).length).toBeGreaterThan(2_000_000);
    const parsed = JSON.parse('{"title":"P","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}');
    expect(stableStringify(parsed)).toBe('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"title":"P"}');
    expect(contentHash(parsed)).toBe(sha256Hex(stableStringify(parsed)));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
