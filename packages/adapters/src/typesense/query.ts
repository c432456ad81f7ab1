/**
 * {@link @jobkit/core!SearchQuery} → Typesense search parameters with the embedded engine's
 * semantics (backtick-quoted `filter_by`, typo budget, prefix on the last word only, facets, sort),
 * the extra searches that count filtered facets disjunctively, and the checked shape of answers.
 * @module
 */

import { JobkitError, type SearchFacetField } from '@jobkit/core';
import {
  FACET_FILTER,
  isExpandable,
  type NormalizedSearchFilters,
  type NormalizedSearchQuery,
  type TypoBudgetOptions,
} from '@jobkit/core/adapter-kit';
import { z } from 'zod';
import { WHERE } from './client.js';
import { FACET_FIELD } from './schema.js';

/** How queries are sent (part of {@link TypesenseSearchIndexOptions}). */
export interface TypesenseQueryOptions {
  /** Typo budget by token length, sent as `min_len_1typo` / `min_len_2typo`. */
  typo?: TypoBudgetOptions;
  /** Max candidate tokens Typesense expands per query token (`max_candidates`). Server default when unset. */
  maxCandidates?: number;
}

/**
 * Fields searched by free text with the embedded engine's order of weights (`SEARCH_TEXT_FIELDS`:
 * title > company > locations, department > type keywords > description), on Typesense's 0–15 scale.
 */
const QUERY_BY = ['title', 'company', 'locations', 'department', 'keywords', 'description'];
const QUERY_BY_WEIGHTS = [15, 8, 5, 5, 3, 2];

/**
 * Quote a filter value as data. Typesense reads a backtick-quoted value verbatim (operators,
 * commas, brackets and `&&` included) but offers no escape for a backtick itself, so such values
 * are refused rather than risk being read as syntax.
 */
export function quoteFilterValue(value: string): string {
  if (value.includes('`')) {
    throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] filter values cannot contain a backtick: ${JSON.stringify(value)}`);
  }
  return `\`${value}\``;
}

/** A filter list of quoted values: `[`a`,`b`]`. */
export const filterList = (values: readonly string[]) => `[${values.map(quoteFilterValue).join(',')}]`;

/** `filter_by` for normalized filters (exported for tests and debugging). */
export function buildFilterBy(q: Pick<NormalizedSearchQuery, 'filters'>): string {
  const f = q.filters;
  const parts: string[] = [];
  if (f.company) parts.push(`company:=${filterList(f.company)}`);
  if (f.country) parts.push(`countries:=${filterList(f.country)}`);
  if (f.locations) parts.push(`locations:=${filterList(f.locations)}`);
  if (f.workplaceType) parts.push(`workplace_type:=${filterList(f.workplaceType)}`);
  if (f.employmentType) parts.push(`employment_types:=${filterList(f.employmentType)}`);
  if (f.atsPlatform) parts.push(`ats_platform:=${filterList(f.atsPlatform)}`);
  if (f.salaryMin !== undefined) parts.push(`salary_max:>=${f.salaryMin}`);
  if (f.salaryMax !== undefined) parts.push(`salary_min:<=${f.salaryMax}`);
  if (f.postedAfterMs !== undefined) parts.push(`posted_at:>=${Math.max(1, f.postedAfterMs)}`);
  return parts.join(' && ');
}

const SORT_BY: Record<NormalizedSearchQuery['sort'], string> = {
  relevance: '_text_match:desc,posted_at:desc',
  datePosted: 'posted_at:desc,_text_match:desc',
  salary: 'salary_max(missing_values: last):desc,_text_match:desc',
};

/**
 * Typesense search parameters for a normalized query (exported for tests and debugging).
 * `tokens` are the words to require (default: all of the query's; fewer once words are dropped).
 */
export function buildSearchParams(
  q: NormalizedSearchQuery,
  options: TypesenseQueryOptions = {},
  tokens: readonly string[] = q.tokens,
): Record<string, string | number | boolean> {
  const last = tokens[tokens.length - 1];
  const params: Record<string, string | number | boolean> = {
    // The folded words, stop-words already left out, so Typesense requires exactly these.
    q: tokens.length === 0 ? '*' : tokens.join(' '),
    query_by: QUERY_BY.join(','),
    query_by_weights: QUERY_BY_WEIGHTS.join(','),
    num_typos: 2,
    min_len_1typo: options.typo?.minLen1Typo ?? 4,
    min_len_2typo: options.typo?.minLen2Typo ?? 8,
    // Typesense treats only the last word as a prefix; never a 1–2 character word, stop-word or tech term.
    prefix: last === undefined || isExpandable(last),
    // Typos only when the exact words find nothing, as in the embedded engine.
    typo_tokens_threshold: 1,
    // Every word must match; words are dropped by re-asking (see `search`), so they can be reported.
    drop_tokens_threshold: 0,
    prioritize_exact_match: true,
    sort_by: SORT_BY[q.sort],
    page: q.page,
    per_page: q.perPage,
    highlight_fields: 'title,company,description',
  };
  const filterBy = buildFilterBy(q);
  if (filterBy) params.filter_by = filterBy;
  // Filtered facets are counted disjunctively by separate searches (see `buildFacetSearches`).
  const own = q.facets.filter((f) => q.filters[FACET_FILTER[f]] === undefined);
  if (own.length > 0) {
    params.facet_by = own.map((f) => FACET_FIELD[f]).join(',');
    params.max_facet_values = q.maxFacetValues;
  }
  if (options.maxCandidates !== undefined) params.max_candidates = options.maxCandidates;
  return params;
}

/**
 * One search per requested facet that has a filter of its own: the same words and every other
 * filter, no hits, that facet's counts (Typesense's documented way to build disjunctive facets).
 */
export function buildFacetSearches(
  q: NormalizedSearchQuery,
  options: TypesenseQueryOptions = {},
  tokens: readonly string[] = q.tokens,
): { facet: SearchFacetField; params: Record<string, string | number | boolean> }[] {
  const out: { facet: SearchFacetField; params: Record<string, string | number | boolean> }[] = [];
  for (const facet of q.facets) {
    const key = FACET_FILTER[facet];
    if (q.filters[key] === undefined) continue;
    const filters: NormalizedSearchFilters = { ...q.filters };
    delete filters[key];
    const params = buildSearchParams({ ...q, filters, facets: [] }, options, tokens);
    delete params.filter_by;
    const filterBy = buildFilterBy({ filters });
    if (filterBy) params.filter_by = filterBy;
    params.facet_by = FACET_FIELD[facet];
    params.max_facet_values = q.maxFacetValues;
    params.per_page = 0;
    params.page = 1;
    delete params.highlight_fields;
    out.push({ facet, params });
  }
  return out;
}

const HighlightSchema = z.object({
  field: z.string(),
  snippet: z.string().optional(),
  snippets: z.array(z.string()).optional(),
  matched_tokens: z.array(z.union([z.string(), z.array(z.string())])).optional(),
});

const SearchResponseSchema = z.object({
  found: z.number(),
  search_time_ms: z.number().optional(),
  hits: z
    .array(
      z.object({
        document: z.record(z.string(), z.unknown()),
        text_match: z.number().optional(),
        highlights: z.array(HighlightSchema).optional(),
      }),
    )
    .default([]),
  facet_counts: z
    .array(z.object({ field_name: z.string(), counts: z.array(z.object({ value: z.string(), count: z.number() })) }))
    .default([]),
});

/** A search answer, checked. */
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

export const MultiSearchResponseSchema = z.object({ results: z.array(z.record(z.string(), z.unknown())) });

export function parseResponse(raw: unknown): SearchResponse {
  const res = SearchResponseSchema.safeParse(raw);
  if (!res.success) {
    throw new JobkitError('SEARCH_FAILED', `[${WHERE}] unexpected search response: ${res.error.message}`, { cause: res.error });
  }
  return res.data;
}
