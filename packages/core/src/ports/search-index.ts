/**
 * Full-text job search: one small port every search engine (embedded or Typesense) implements.
 * Semantics shared by all engines (typo budget, filters, facets, sorting) live in `core/search`;
 * run `runSearchIndexContract` from `@jobkit/core/testing` on your adapter.
 * @module
 */
import type { EmploymentType, JobPosting, WorkplaceType } from '../schema/job-posting.js';

/** Fields that can be faceted (counted) and filtered on. */
export const SEARCH_FACET_FIELDS = ['company', 'country', 'location', 'workplaceType', 'employmentType', 'atsPlatform'] as const;
export type SearchFacetField = (typeof SEARCH_FACET_FIELDS)[number];

export type SearchSort = 'relevance' | 'datePosted' | 'salary';

/** A single value or any of several values (OR within a field, AND across fields). */
export type OneOrMany<T> = T | readonly T[];

/**
 * Filters are always matched as data (exact values), never parsed as query syntax:
 * a company named `a && b:=c` matches only that company.
 */
export interface SearchFilters {
  /** Exact company name. */
  company?: OneOrMany<string>;
  /** ISO 3166-1 alpha-2 of any of the posting's locations. */
  country?: OneOrMany<string>;
  /** Exact `city` or `raw` text of any of the posting's locations. */
  locations?: readonly string[];
  workplaceType?: OneOrMany<WorkplaceType>;
  /** Matches postings listing any of these employment types. */
  employmentType?: OneOrMany<EmploymentType>;
  /**
   * Postings whose salary range reaches at least this amount (`max ?? min >= salaryMin`).
   * Currency and period are not converted; postings without a salary never match a salary filter.
   */
  salaryMin?: number;
  /** Postings whose salary range starts at or below this amount (`min ?? max <= salaryMax`). */
  salaryMax?: number;
  /** ISO date; postings with `datePosted >= postedAfter` (postings without a date never match). */
  postedAfter?: string;
  atsPlatform?: OneOrMany<string>;
}

export interface SearchQuery {
  /**
   * Free text. Empty or `*` browses every posting that passes the filters. Every word must match
   * (a typo budget by length; the last word also as a prefix); stop-words are ignored unless
   * the query has nothing else; words of 1–2 characters and tech terms (`c++`, `.net`) match exactly.
   */
  q: string;
  filters?: SearchFilters;
  /** Facet fields to count over all matching postings. @default [] */
  facets?: readonly SearchFacetField[];
  /** Max values returned per facet, most frequent first. @default 10 */
  maxFacetValues?: number;
  /** `datePosted` and `salary` sort newest / highest first. @default 'relevance' */
  sort?: SearchSort;
  /** 1-based. @default 1 */
  page?: number;
  /** @default 10 (max 250) */
  perPage?: number;
  /**
   * When no posting matches every word, drop words from the end until some do (Typesense's
   * `drop_tokens`), reporting them in {@link SearchResult.droppedTokens}. @default true
   */
  dropTokens?: boolean;
}

export interface SearchHighlight {
  /** Document field the snippet comes from, e.g. `title`. */
  field: string;
  /** Snippet with matched tokens wrapped in `<mark>`; the rest of the text is HTML-escaped. */
  snippet: string;
  /** Tokens from the document that matched the query. */
  matchedTokens: string[];
}

export interface SearchHit {
  job: JobPosting;
  /** Engine-specific relevance score, higher is better (not comparable across engines). */
  score?: number;
  highlights?: SearchHighlight[];
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Number of postings matching query and filters (all pages). */
  found: number;
  /**
   * One entry per requested facet field. Facets are disjunctive: a field's counts apply every
   * filter except that field's own, so other values stay visible to be added (OR) to the filter.
   */
  facets: Record<string, FacetCount[]>;
  /**
   * Query words left out because no posting matched them all (last words first), as folded
   * terms; empty when every word matched. Absent for browse queries and engines that do not say.
   */
  droppedTokens?: string[];
  /** Time the engine spent answering. */
  tookMs: number;
}

/** Outcome for one document of an upsert, in input order. */
export interface SearchUpsertResult {
  /** The posting's id (empty string when the input had none). */
  id: string;
  ok: boolean;
  /** Why the document was rejected (validation or engine error). */
  error?: string;
}

/** Port every search engine implements. */
export interface SearchIndex {
  readonly name: string;
  /** Create the collection / index structures if missing. Idempotent. The adapters' one name for schema setup. */
  migrate(): Promise<void>;
  /**
   * @deprecated Renamed {@link SearchIndex.migrate} (the same function), the schema-setup name every
   * adapter uses; implement it as an alias of `migrate` until it is removed.
   */
  ensureSchema(): Promise<void>;
  /**
   * Insert or replace postings by `id`. Never throws for a bad document: each input gets a
   * result, so one invalid posting cannot sink a batch. Throws only when the engine is unreachable.
   */
  upsert(jobs: readonly JobPosting[]): Promise<SearchUpsertResult[]>;
  /** Remove postings by id; unknown ids are ignored. */
  delete(ids: readonly string[]): Promise<void>;
  /** @throws JobkitError `INVALID_ARGUMENT` when the query is malformed. */
  search(query: SearchQuery): Promise<SearchResult>;
  close(): Promise<void>;
}
