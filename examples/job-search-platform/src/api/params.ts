/**
 * Query-string validation of the HTTP API (zod): turns `URLSearchParams` into a `SearchQuery`,
 * `ListJobsOptions` or stats options, or a 400 with every problem named. Repeated parameters
 * (`?company=A&company=B`) mean OR within a field.
 * @module
 */
import {
  EmploymentTypeSchema,
  type JobFilter,
  JobkitError,
  type ListJobsOptions,
  MAX_PER_PAGE,
  SEARCH_FACET_FIELDS,
  type SearchQuery,
  WorkplaceTypeSchema,
} from '@jobkit/core';
import { ATS_PLATFORM_IDS } from '@jobkit/parsers';
import { z } from 'zod';

const WHERE = 'example/api';

/** A parameter that may repeat; empty values are dropped so `?company=` means "no filter". */
const many = <T extends z.ZodType>(item: T) => z.array(item).max(50).optional();
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'must be an ISO date like 2026-10-01');
const text = z.string().trim().min(1).max(200);
/** An ATS id Jobkit's parsers know (`greenhouse`, `lever`…); anything else can never match and is a 400. */
const atsId = z
  .string()
  .max(40)
  .toLowerCase()
  .pipe(z.enum(ATS_PLATFORM_IDS, { error: (issue) => `unknown ATS "${String(issue.input)}"; one of ${ATS_PLATFORM_IDS.join(', ')}` }));

const SearchParams = z
  .object({
    q: z.string().max(200).default(''),
    company: many(text),
    country: many(
      z
        .string()
        .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
        .transform((s) => s.toUpperCase()),
    ),
    location: many(text),
    workplace: many(WorkplaceTypeSchema),
    employment: many(EmploymentTypeSchema),
    ats: many(atsId),
    salary_min: z.coerce.number().finite().nonnegative().max(10_000_000).optional(),
    salary_max: z.coerce.number().finite().nonnegative().max(10_000_000).optional(),
    posted_after: isoDate.optional(),
    sort: z.enum(['relevance', 'date', 'salary']).default('relevance'),
    page: int(1, 1000).default(1),
    per_page: int(1, Math.min(100, MAX_PER_PAGE)).default(20),
    facets: many(z.enum(SEARCH_FACET_FIELDS)),
  })
  .strict()
  .refine((p) => p.salary_min === undefined || p.salary_max === undefined || p.salary_min <= p.salary_max, {
    message: 'salary_min must not exceed salary_max',
    path: ['salary_min'],
  });

const ListParams = z
  .object({
    company: text.optional(),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .transform((s) => s.toUpperCase())
      .optional(),
    workplace: WorkplaceTypeSchema.optional(),
    employment: EmploymentTypeSchema.optional(),
    ats: atsId.optional(),
    posted_after: isoDate.optional(),
    min_quality: int(0, 100).optional(),
    limit: int(1, 200).default(20),
    cursor: z.string().min(1).max(500).optional(),
  })
  .strict();

const StatsParams = z.object({ period: z.enum(['day', 'week']).default('week') }).strict();

/** Facets the page shows when the caller asks for none. */
const DEFAULT_FACETS = ['company', 'location', 'workplaceType', 'employmentType', 'atsPlatform'] as const;

/** Search filters that may repeat; every other parameter is a scalar. */
const SEARCH_REPEATABLE = new Set(['company', 'country', 'location', 'workplace', 'employment', 'ats', 'facets']);
const NONE = new Set<string>();

function toObject(params: URLSearchParams, repeatable: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const values = params
      .getAll(key)
      .flatMap((v) => (key === 'facets' ? v.split(',') : [v]))
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (repeatable.has(key)) out[key] = values;
    else if (values.length > 1)
      out[key] = values; // lets zod report "expected string" for a repeated scalar
    else if (values.length === 1) out[key] = values[0];
  }
  return out;
}

function parse<T extends z.ZodType>(schema: T, params: URLSearchParams, repeatable: ReadonlySet<string> = NONE): z.output<T> {
  const r = schema.safeParse(toObject(params, repeatable));
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`);
  throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] invalid query: ${issues.join('; ')}`, { cause: r.error, details: { issues } });
}

const nonEmpty = <T>(v: T[] | undefined) => (v && v.length > 0 ? v : undefined);

/** `GET /api/v1/search` parameters → a search query. */
export function parseSearchParams(params: URLSearchParams): SearchQuery {
  const p = parse(SearchParams, params, SEARCH_REPEATABLE);
  const filters: NonNullable<SearchQuery['filters']> = {};
  if (nonEmpty(p.company)) filters.company = p.company!;
  if (nonEmpty(p.country)) filters.country = p.country!;
  if (nonEmpty(p.location)) filters.locations = p.location!;
  if (nonEmpty(p.workplace)) filters.workplaceType = p.workplace!;
  if (nonEmpty(p.employment)) filters.employmentType = p.employment!;
  if (nonEmpty(p.ats)) filters.atsPlatform = p.ats!;
  if (p.salary_min !== undefined) filters.salaryMin = p.salary_min;
  if (p.salary_max !== undefined) filters.salaryMax = p.salary_max;
  if (p.posted_after) filters.postedAfter = p.posted_after;
  return {
    q: p.q.trim(),
    filters,
    facets: nonEmpty(p.facets) ?? [...DEFAULT_FACETS],
    maxFacetValues: 12,
    sort: p.sort === 'date' ? 'datePosted' : p.sort,
    page: p.page,
    perPage: p.per_page,
  };
}

/** `GET /api/v1/jobs` parameters → list options (keyset pagination via `cursor`). */
export function parseListParams(params: URLSearchParams): ListJobsOptions {
  const p = parse(ListParams, params);
  const filter: JobFilter = {};
  if (p.company) filter.company = p.company;
  if (p.country) filter.country = p.country;
  if (p.workplace) filter.workplaceType = p.workplace;
  if (p.employment) filter.employmentType = p.employment;
  if (p.ats) filter.atsPlatform = p.ats;
  if (p.posted_after) filter.postedAfter = p.posted_after;
  if (p.min_quality !== undefined) filter.minQuality = p.min_quality;
  return { filter, limit: p.limit, after: p.cursor ?? null };
}

/** `GET /api/v1/stats` parameters. */
export function parseStatsParams(params: URLSearchParams): { period: 'day' | 'week' } {
  return parse(StatsParams, params);
}

/** Job ids are `jk_` + 24 hex characters. */
export function parseJobId(raw: string): string {
  if (!/^jk_[0-9a-f]{24}$/.test(raw))
    throw new JobkitError(
      'INVALID_ARGUMENT',
      `[${WHERE}] job id must look like jk_ followed by 24 hex characters, got "${raw.slice(0, 40)}"`,
    );
  return raw;
}
