/**
 * Validation and normalization of {@link SearchQuery} (zod), shared by every search engine so
 * they agree on defaults, limits and filter semantics.
 * @module
 */
import { z } from 'zod';
import { JobkitError } from '../errors.js';
import { SEARCH_FACET_FIELDS, type SearchFacetField, type SearchQuery, type SearchSort } from '../ports/search-index.js';
import { EmploymentTypeSchema, WorkplaceTypeSchema } from '../schema/job-posting.js';
import { isStopWord, isSymbolTerm, tokenize } from './tokenize.js';

/** Largest page size any engine serves (Typesense's own limit). */
export const MAX_PER_PAGE = 250;

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item).min(1)]).transform((v): z.infer<T>[] => (Array.isArray(v) ? v : [v]));

const text = z.string().min(1).max(500);
const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an ISO 8601 date or date-time' });

const FiltersSchema = z
  .object({
    company: oneOrMany(text).optional(),
    country: oneOrMany(z.string().regex(/^[A-Za-z]{2}$/, 'must be ISO 3166-1 alpha-2')).optional(),
    locations: z.array(text).min(1).optional(),
    workplaceType: oneOrMany(WorkplaceTypeSchema).optional(),
    employmentType: oneOrMany(EmploymentTypeSchema).optional(),
    salaryMin: z.number().finite().nonnegative().optional(),
    salaryMax: z.number().finite().nonnegative().optional(),
    postedAfter: isoDate.optional(),
    atsPlatform: oneOrMany(text).optional(),
  })
  .strict()
  .refine((f) => f.salaryMin === undefined || f.salaryMax === undefined || f.salaryMin <= f.salaryMax, {
    message: 'salaryMin must be <= salaryMax',
  });

export const SearchQuerySchema = z
  .object({
    q: z.string().max(1000),
    filters: FiltersSchema.optional(),
    facets: z.array(z.enum(SEARCH_FACET_FIELDS)).optional(),
    maxFacetValues: z.number().int().min(1).max(1000).optional(),
    sort: z.enum(['relevance', 'datePosted', 'salary']).optional(),
    page: z.number().int().min(1).max(10_000).optional(),
    perPage: z.number().int().min(1).max(MAX_PER_PAGE).optional(),
    dropTokens: z.boolean().optional(),
  })
  .strict();

/** Filters after validation: every multi-valued filter is a non-empty array. */
export interface NormalizedSearchFilters {
  company?: string[];
  /** Upper case. */
  country?: string[];
  locations?: string[];
  workplaceType?: string[];
  employmentType?: string[];
  salaryMin?: number;
  salaryMax?: number;
  /** Epoch milliseconds. */
  postedAfterMs?: number;
  atsPlatform?: string[];
}

/**
 * The filter that selects on each facet field, with the same values. Disjunctive facet counts
 * leave that filter out for their own facet; every engine uses this one table.
 */
export const FACET_FILTER = {
  company: 'company',
  country: 'country',
  location: 'locations',
  workplaceType: 'workplaceType',
  employmentType: 'employmentType',
  atsPlatform: 'atsPlatform',
} as const satisfies Record<SearchFacetField, keyof NormalizedSearchFilters>;

/** A validated query with defaults applied. */
export interface NormalizedSearchQuery {
  q: string;
  /**
   * The words every hit must match, in query order (see {@link queryTokens}): `q` tokenized,
   * stop-words left out unless the query has nothing else; empty = browse.
   */
  tokens: string[];
  /** Drop words from the end when nothing matches them all (reported as `droppedTokens`). */
  dropTokens: boolean;
  filters: NormalizedSearchFilters;
  facets: SearchFacetField[];
  maxFacetValues: number;
  sort: SearchSort;
  page: number;
  perPage: number;
}

/**
 * Validate a query and apply defaults.
 * @param where module name used in the error message, e.g. `adapters/typesense`.
 * @throws JobkitError `INVALID_ARGUMENT` naming the offending field.
 */
export function normalizeSearchQuery(query: SearchQuery, where = 'core/search'): NormalizedSearchQuery {
  const parsed = SearchQuerySchema.safeParse(query);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(query)'}: ${i.message}`).join('; ');
    throw new JobkitError('INVALID_ARGUMENT', `[${where}] invalid search query: ${issues}`, {
      cause: parsed.error,
    });
  }
  const { filters: f = {}, ...rest } = parsed.data;
  const filters: NormalizedSearchFilters = {};
  if (f.company) filters.company = f.company;
  if (f.country) filters.country = f.country.map((c) => c.toUpperCase());
  if (f.locations) filters.locations = f.locations;
  if (f.workplaceType) filters.workplaceType = f.workplaceType;
  if (f.employmentType) filters.employmentType = f.employmentType;
  if (f.salaryMin !== undefined) filters.salaryMin = f.salaryMin;
  if (f.salaryMax !== undefined) filters.salaryMax = f.salaryMax;
  if (f.postedAfter !== undefined) filters.postedAfterMs = Date.parse(f.postedAfter);
  if (f.atsPlatform) filters.atsPlatform = f.atsPlatform;
  const q = rest.q.trim();
  return {
    q,
    tokens: q === '*' ? [] : queryTokens(q),
    dropTokens: rest.dropTokens ?? true,
    filters,
    facets: [...new Set(rest.facets ?? [])],
    maxFacetValues: rest.maxFacetValues ?? 10,
    sort: rest.sort ?? 'relevance',
    page: rest.page ?? 1,
    perPage: rest.perPage ?? 10,
  };
}

/** Most words of a query that are matched; the rest are ignored (a query is a search, not a document). */
export const MAX_QUERY_TOKENS = 16;

/**
 * The words of `q` a hit must match: folded terms without stop-words ("engineer in berlin" →
 * `engineer`, `berlin`), or every term when the query is nothing but stop-words ("the" looks for
 * "the", it does not match everything). Duplicates collapse; at most {@link MAX_QUERY_TOKENS}.
 */
export function queryTokens(q: string): string[] {
  const all = tokenize(q.slice(0, 1000));
  const content = all.filter((t) => !isStopWord(t));
  return [...new Set(content.length > 0 ? content : all)].slice(0, MAX_QUERY_TOKENS);
}

/**
 * Whether a query word may match other words than itself (typos, and as the last word a prefix):
 * not for words of 1–2 characters (`c`, `go`, `ai` mean exactly that), stop-words or tech terms
 * with symbols (`c++`, `.net`).
 */
export function isExpandable(token: string): boolean {
  return [...token].length > 2 && !isStopWord(token) && !isSymbolTerm(token);
}

export interface TypoBudgetOptions {
  /** Shortest token allowed one typo. @default 4 */
  minLen1Typo?: number;
  /** Shortest token allowed two typos. @default 8 */
  minLen2Typo?: number;
}

export { tokenize };

/** Edits tolerated for a query token, scaled by its length like Typesense (0 / 1 / 2). */
export function typoBudget(token: string, options: TypoBudgetOptions = {}): 0 | 1 | 2 {
  if (!isExpandable(token)) return 0;
  const len = [...token].length;
  if (len >= (options.minLen2Typo ?? 8)) return 2;
  if (len >= (options.minLen1Typo ?? 4)) return 1;
  return 0;
}
