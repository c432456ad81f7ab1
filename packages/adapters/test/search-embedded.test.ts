import { createEmbeddedSearchIndex } from '@jobkit/adapters/embedded-search';
import {
  type FacetCount,
  facetValues,
  finalizeJob,
  type JobPosting,
  matchesFilters,
  normalizeSearchQuery,
  SEARCH_FACET_FIELDS,
  type SearchDocument,
  type SearchFilters,
  type SearchIndex,
  toSearchDocument,
} from '@jobkit/core';
import { runSearchIndexContract } from '@jobkit/core/testing';
import { describe, expect, it } from 'vitest';

runSearchIndexContract({ name: 'embedded', create: () => createEmbeddedSearchIndex() });

// Facet filters and counts come from bookkeeping kept on upsert and delete (facet-index.ts);
// these cases compare them with a brute-force count over the postings that should be live.
describe('embedded search: facet bookkeeping against a brute-force count', () => {
  let seed = 7;
  const rand = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  // Prototype keys as values: counting must not read them off an object.
  const COMPANIES = ['Acme', 'Globex', 'Initech', '__proto__', 'constructor', 'Umbrella'];
  const PLACES = [
    ['Berlin', 'DE'],
    ['Munich', 'DE'],
    ['Paris', 'FR'],
    ['Boston', 'US'],
    ['Leeds', 'GB'],
  ] as const;
  const WORKPLACE = ['onsite', 'hybrid', 'remote', null] as const;
  const EMPLOYMENT = ['full_time', 'part_time', 'contract', 'internship'] as const;
  const ATS = ['greenhouse', 'lever', 'workday', null] as const;
  const ROLES = ['welder', 'plumber', 'surveyor'];

  /** Posting `n` in version `v`: a replacement keeps the URL (so the id) and changes every facet. */
  const job = (n: number, v: number): JobPosting => {
    const places = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(PLACES));
    const ats = pick(ATS);
    const lo = 30_000 + Math.floor(rand() * 50) * 1000;
    return finalizeJob({
      url: `https://jobs.example.com/facets/${n}`,
      title: `${pick(ROLES)} v${v}`,
      company: { name: pick(COMPANIES) },
      locations: places.map(([city, country]) => ({ raw: `${city}, ${country}`, city, country })),
      workplaceType: pick(WORKPLACE),
      employmentType: Array.from({ length: Math.floor(rand() * 3) }, () => pick(EMPLOYMENT)),
      salary: rand() < 0.8 ? { min: lo, max: lo + 10_000, currency: 'EUR', period: 'year' } : null,
      description: { html: '', text: `posting ${n}` },
      datePosted: rand() < 0.9 ? new Date(Date.UTC(2025, 0, 1) + Math.floor(rand() * 200) * 86_400_000).toISOString() : null,
      validThrough: null,
      applyUrl: null,
      ats: ats ? { platform: ats } : null,
      source: 'ats-api',
      provenance: {},
    });
  };

  const FILTERS: SearchFilters[] = [
    {},
    { country: 'DE' },
    { country: ['de', 'FR', 'DE'] },
    { company: '__proto__' },
    { company: ['Acme', 'constructor', 'Nobody'] },
    { company: 'Nobody' },
    { locations: ['Berlin', 'Paris, FR'] },
    { workplaceType: 'remote' },
    { employmentType: ['contract', 'part_time'] },
    { atsPlatform: 'lever', workplaceType: ['hybrid', 'onsite'] },
    { country: 'US', employmentType: 'full_time', company: ['Acme', 'Globex', 'Umbrella'] },
    { salaryMin: 60_000 },
    { country: 'GB', salaryMax: 50_000 },
    { postedAfter: '2025-04-01' },
  ];

  const OWN_FILTER = {
    company: 'company',
    country: 'country',
    location: 'locations',
    workplaceType: 'workplaceType',
    employmentType: 'employmentType',
    atsPlatform: 'atsPlatform',
  } as const;

  const ranked = (counts: Map<string, number>, max: number): FacetCount[] =>
    [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
      .slice(0, max);

  const check = async (index: SearchIndex, live: ReadonlyMap<string, JobPosting>, label: string) => {
    const docs = [...live.values()].map(toSearchDocument);
    for (const filters of FILTERS) {
      for (const maxFacetValues of [2, 100]) {
        const q = normalizeSearchQuery({ q: '', filters });
        const matched = docs.filter((d) => matchesFilters(d, q.filters));
        const r = await index.search({ q: '', filters, facets: SEARCH_FACET_FIELDS, maxFacetValues, perPage: 250 });
        const where = `${label} ${JSON.stringify(filters)} max=${maxFacetValues}`;
        expect(r.found, where).toBe(matched.length);
        expect(r.hits.map((h) => h.job.id).sort(), where).toEqual(matched.map((d) => d.id).sort());
        for (const field of SEARCH_FACET_FIELDS) {
          // Disjunctive: a facet counts under every filter but its own.
          const { [OWN_FILTER[field]]: _own, ...rest } = q.filters;
          const pool = docs.filter((d) => matchesFilters(d, rest));
          const counts = new Map<string, number>();
          for (const d of pool) for (const v of facetValues(d, field)) counts.set(v, (counts.get(v) ?? 0) + 1);
          expect(r.facets[field], `${where} ${field}`).toEqual(ranked(counts, maxFacetValues));
        }
      }
    }
    // Browse order comes from per-ordinal sort keys: newest (or best paid) first, then by id.
    const byId = (a: SearchDocument, b: SearchDocument) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    for (const sort of ['relevance', 'datePosted', 'salary'] as const) {
      for (const filters of [{}, { country: 'DE' }, { salaryMin: 45_000 }]) {
        const q = normalizeSearchQuery({ q: '', filters });
        const key = (d: SearchDocument) => (sort === 'salary' ? (d.salary_max ?? -1) : d.posted_at);
        const want = docs.filter((d) => matchesFilters(d, q.filters)).sort((a, b) => key(b) - key(a) || byId(a, b));
        const r = await index.search({ q: '', filters, sort, perPage: 250 });
        expect(
          r.hits.map((h) => h.job.id),
          `${label} ${sort} ${JSON.stringify(filters)}`,
        ).toEqual(want.map((d) => d.id));
      }
    }
    // Text queries count facets over their own matches.
    for (const role of ROLES) {
      const r = await index.search({ q: role, filters: { country: 'DE' }, facets: ['company', 'country'], perPage: 250 });
      const matched = docs.filter((d) => d.title.startsWith(role) && d.countries.includes('DE'));
      expect(r.found, `${label} ${role}`).toBe(matched.length);
      const counts = new Map<string, number>();
      for (const d of matched) counts.set(d.company, (counts.get(d.company) ?? 0) + 1);
      expect(r.facets.company, `${label} ${role}`).toEqual(ranked(counts, 10));
    }
  };

  for (const compactAfterDeletes of [1000, 10]) {
    it(`counts facets under filters after upserts, replacements and deletes (compactAfterDeletes ${compactAfterDeletes})`, async () => {
      const index = createEmbeddedSearchIndex({ compactAfterDeletes, highlights: false });
      const live = new Map<string, JobPosting>();
      const upsert = async (jobs: JobPosting[]) => {
        expect((await index.upsert(jobs)).every((r) => r.ok)).toBe(true);
        for (const j of jobs) live.set(j.id, j);
      };
      const remove = async (ids: string[]) => {
        await index.delete(ids);
        for (const id of ids) live.delete(id);
      };
      await upsert(Array.from({ length: 120 }, (_, n) => job(n, 0)));
      await check(index, live, 'initial');
      // Replacements, one of them twice in a batch (the later version wins).
      await upsert([...Array.from({ length: 30 }, (_, i) => job(i * 4, 1)), job(8, 2)]);
      await check(index, live, 'replaced');
      await remove([...Array.from({ length: 70 }, (_, i) => job(i + 1, 0).id), 'jk_ffffffffffffffffffffffff']);
      await check(index, live, 'deleted');
      // Deleted postings return with new values, plus new postings.
      await upsert([...Array.from({ length: 20 }, (_, i) => job(i + 1, 3)), ...Array.from({ length: 20 }, (_, i) => job(200 + i, 0))]);
      await check(index, live, 're-added');
      await remove([...live.keys()]);
      await check(index, live, 'emptied');
      await index.close();
    });
  }
});
