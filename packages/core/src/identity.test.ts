import { describe, expect, it } from 'vitest';
import { JobkitError } from './errors.js';
import {
  canonicalizeUrl,
  canonicalUrlRules,
  contentHash,
  contentHashWithJson,
  MAX_STABLE_DEPTH,
  registerCanonicalUrlRules,
  sha256Hex,
  stableStringify,
  urlHash,
  VOLATILE_JOB_FIELDS,
} from './identity.js';

// Vendor rules (Greenhouse, Lever…) live in the ATS definitions of @jobkit/parsers; its
// test/ats-identity.test.ts pins the ids they give. Here: the extension point itself.
const hirely = {
  id: 'test-hirely',
  trackingParams: ['hirely-src'],
  canonicalize(u: URL) {
    if (u.hostname === 'jobs.hirely.example') u.pathname = u.pathname.replace(/\/apply$/, '');
  },
};

describe('canonicalizeUrl', () => {
  it.each([
    ['https://example.com/jobs/?utm_source=x&b=2&a=1&utm_medium=y', 'https://example.com/jobs?a=1&b=2'],
    ['https://EXAMPLE.com:443/careers//eng/', 'https://example.com/careers/eng'],
    ['https://example.com/', 'https://example.com/'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('applies vendor rules passed in, and only to their hosts', () => {
    const url = 'https://jobs.hirely.example/acme/7/apply?hirely-src=li&x=1';
    expect(canonicalizeUrl(url, { rules: [hirely] })).toBe('https://jobs.hirely.example/acme/7?x=1');
    expect(canonicalizeUrl(url, { rules: [] })).toBe('https://jobs.hirely.example/acme/7/apply?hirely-src=li&x=1');
    expect(canonicalizeUrl('https://other.example/a/apply?hirely-src=1', { rules: [hirely] })).toBe('https://other.example/a/apply');
  });

  it('applies registered rules by default; registering an id again replaces it', () => {
    const url = 'https://jobs.hirely.example/acme/8/apply?hirely-src=li';
    const before = canonicalizeUrl(url);
    registerCanonicalUrlRules([hirely]);
    expect(canonicalizeUrl(url)).toBe('https://jobs.hirely.example/acme/8');
    registerCanonicalUrlRules([{ id: 'test-hirely' }]);
    expect(canonicalizeUrl(url)).toBe(before);
    expect(canonicalUrlRules().filter((r) => r.id === 'test-hirely')).toHaveLength(1);
    expect(() => registerCanonicalUrlRules([{ id: '' }])).toThrow(JobkitError);
    expect(() => registerCanonicalUrlRules([{ id: 'x', canonicalize: 'no' as never }])).toThrowError(/must be a function/);
  });

  it('rejects non-http and relative URLs with a typed error', () => {
    expect(() => canonicalizeUrl('/jobs/1')).toThrow(JobkitError);
    expect(() => canonicalizeUrl('javascript:alert(1)')).toThrowError(/only http/);
  });

  it('urlHash is the same for equivalent URLs', () => {
    expect(urlHash('https://example.com/a?utm_campaign=z')).toBe(urlHash('https://EXAMPLE.com/a#x'));
    expect(urlHash('https://example.com/a')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('contentHash', () => {
  it('is stable under key order and ignores volatile fields', () => {
    const a = { title: 'x', company: { name: 'A', domain: 'a.com' }, quality: { score: 1 }, fetchedAt: '2020' };
    const b = { company: { domain: 'a.com', name: 'A' }, title: 'x', quality: { score: 99 } };
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash({ ...b, title: 'y' })).not.toBe(contentHash(b));
  });
});

// The implementation every stored content hash was computed with, kept verbatim as the reference
// the faster one must match byte for byte.
function referenceStableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : referenceStableStringify(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    if (obj[key] === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${referenceStableStringify(obj[key])}`);
  }
  return `{${parts.join(',')}}`;
}
function referenceContentHash(job: object): string {
  const copy: Record<string, unknown> = { ...(job as Record<string, unknown>) };
  for (const f of VOLATILE_JOB_FIELDS) delete copy[f];
  return sha256Hex(referenceStableStringify(copy));
}

function prng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => (x = (x * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const KEYS = [
  'a',
  'b',
  'B',
  'title',
  'quality',
  'fetchedAt',
  'é',
  '😀',
  '10',
  '2',
  '',
  'with"quote',
  'back\\slash',
  'nl\n',
  '__proto_',
  'z',
];
const LEAVES: unknown[] = [
  null,
  undefined,
  true,
  false,
  0,
  -0,
  1.5,
  -1e21,
  1e-7,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'plain',
  'quote " and \\ and \n\t\u0001',
  '\ud800 lone surrogate',
  'ünïcødé 😀',
  () => 1,
  Symbol('s'),
  new Date(0),
];
function randomValue(r: () => number, depth: number): unknown {
  const pick = r();
  if (depth <= 0 || pick < 0.4) return LEAVES[Math.floor(r() * LEAVES.length)];
  if (pick < 0.65) {
    const arr: unknown[] = [];
    const n = Math.floor(r() * 5);
    for (let i = 0; i < n; i++) arr.push(randomValue(r, depth - 1));
    if (r() < 0.15) arr[n + 2] = 'after holes';
    return arr;
  }
  const obj: Record<string, unknown> = {};
  const n = Math.floor(r() * 7);
  for (let i = 0; i < n; i++) obj[KEYS[Math.floor(r() * KEYS.length)] as string] = randomValue(r, depth - 1);
  return obj;
}

describe('stableStringify', () => {
  it('matches the original implementation byte for byte on random nested values', () => {
    const r = prng(7);
    for (let i = 0; i < 5000; i++) {
      const v = randomValue(r, 5);
      expect(stableStringify(v)).toBe(referenceStableStringify(v));
      if (v !== null && typeof v === 'object') expect(contentHash(v)).toBe(referenceContentHash(v));
    }
  });

  it('matches on random plain JSON data (the native fast path)', () => {
    const r = prng(3);
    const plainLeaves = LEAVES.filter((l) => typeof l !== 'function' && typeof l !== 'symbol' && !(l instanceof Date));
    const plainKeys = KEYS.filter((k) => !/^[0-9]/.test(k));
    const plain = (depth: number): unknown => {
      const pick = r();
      if (depth <= 0 || pick < 0.3) return plainLeaves[Math.floor(r() * plainLeaves.length)];
      if (pick < 0.55) return Array.from({ length: Math.floor(r() * 4) }, () => plain(depth - 1));
      const obj: Record<string, unknown> = {};
      for (let i = Math.floor(r() * 7); i > 0; i--) obj[plainKeys[Math.floor(r() * plainKeys.length)] as string] = plain(depth - 1);
      return obj;
    };
    for (let i = 0; i < 3000; i++) {
      const v = plain(5);
      expect(stableStringify(v)).toBe(referenceStableStringify(v));
      if (v !== null && typeof v === 'object') expect(contentHash(v)).toBe(referenceContentHash(v));
    }
  });

  it('matches on sorted and unsorted posting-shaped objects, arrays and odd inputs', () => {
    const job = {
      url: 'u',
      title: 't',
      company: { name: 'A', domain: null },
      locations: [{ raw: 'x', country: 'DE' }],
      quality: { score: 3 },
      fetchedAt: 'f',
      z: undefined,
    };
    const sorted = Object.fromEntries(Object.entries(job).sort(([a], [b]) => (a < b ? -1 : 1)));
    for (const v of [
      job,
      sorted,
      [job, undefined, 1],
      {},
      [],
      'x',
      1,
      null,
      undefined,
      new Map([[1, 2]]),
      Object.assign(Object.create({ inherited: 1 }), { own: 2 }),
    ]) {
      expect(stableStringify(v)).toBe(referenceStableStringify(v));
    }
    for (const v of [job, sorted, [1, { quality: 2 }], Object.assign(Object.create({ title: 'inherited' }), { own: 2 })]) {
      expect(contentHash(v)).toBe(referenceContentHash(v));
    }
    // A known hash pinned so a change to both implementations at once is caught too.
    expect(sha256Hex(stableStringify({ b: 1, a: [true, null, 'x'] }))).toBe(sha256Hex('{"a":[true,null,"x"],"b":1}'));
  });
});

describe('contentHashWithJson', () => {
  it('gives contentHash and text that parses like JSON.stringify on random objects', () => {
    const r = prng(11);
    let objects = 0;
    for (let i = 0; i < 5000; i++) {
      const v = randomValue(r, 5);
      if (v === null || typeof v !== 'object' || Array.isArray(v)) continue;
      objects++;
      const { hash, json } = contentHashWithJson(v);
      expect(hash).toBe(referenceContentHash(v));
      expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(v)));
    }
    expect(objects).toBeGreaterThan(500);
  });

  it('keeps volatile fields in the JSON and falls back to JSON.stringify for non-plain values', () => {
    const job = { title: 't', quality: { score: 3 }, fetchedAt: '2026-01-01T00:00:00.000Z', z: undefined };
    const { hash, json } = contentHashWithJson(job);
    expect(hash).toBe(referenceContentHash(job));
    expect(JSON.parse(json)).toEqual({ title: 't', quality: { score: 3 }, fetchedAt: '2026-01-01T00:00:00.000Z' });
    expect(JSON.parse(contentHashWithJson({ quality: 1 }).json)).toEqual({ quality: 1 });
    const withDate = { title: 't', provenance: { at: new Date(0) } };
    expect(contentHashWithJson(withDate).json).toBe(JSON.stringify(withDate));
    expect(contentHashWithJson(withDate).hash).toBe(referenceContentHash(withDate));
    // A plain value after a non-plain one must not inherit the fallback (the flag resets per call).
    const unsorted = { title: 't', a: 1 };
    expect(contentHashWithJson(unsorted).json).toBe('{"a":1,"title":"t"}');
  });
});

describe('nesting cap', () => {
  const nest = (levels: number, leaf: unknown = 1, asArray = false): unknown => {
    let v: unknown = leaf;
    for (let i = 0; i < levels; i++) v = asArray ? [v] : { b: v, a: i };
    return v;
  };

  it('refuses hostile nesting with a typed error instead of overflowing the stack', () => {
    for (const levels of [MAX_STABLE_DEPTH + 1, 5_000, 100_000]) {
      for (const asArray of [false, true]) {
        const deep = nest(levels, 1, asArray);
        for (const fn of [
          () => stableStringify(deep),
          () => contentHash({ metadata: deep }),
          () => contentHashWithJson({ metadata: deep }),
        ]) {
          let error: unknown;
          try {
            fn();
          } catch (e) {
            error = e;
          }
          expect(JobkitError.is(error, 'INVALID_ARGUMENT'), `${levels} ${asArray}`).toBe(true);
          expect((error as Error).message).toMatch(/nested deeper than 256 levels/);
        }
      }
    }
    // The slow path (values JSON.stringify would write differently) has the same cap.
    const odd = nest(5_000, new Date(0));
    expect(() => stableStringify(odd)).toThrow(/nested deeper/);
  });

  it('leaves values within the cap (and their hashes) as they were', () => {
    const ok = nest(MAX_STABLE_DEPTH - 1);
    expect(JSON.parse(stableStringify(ok))).toEqual(ok);
    expect(stableStringify({ b: [1, { d: 2, c: 3 }], a: null })).toBe('{"a":null,"b":[1,{"c":3,"d":2}]}');
    expect(contentHash({ b: 1, a: 2, quality: 9 })).toBe(sha256Hex('{"a":2,"b":1}'));
  });
});
