/**
 * {@link SearchIndex} on Typesense through the official `typesense` client (v2+/v3, an optional
 * peer: only types are imported at top level, the client is passed in or loaded lazily).
 * Owns the collection schema, JSONL upsert imports with per-document results and retries of
 * transient per-document failures, and the translation of {@link SearchQuery} into Typesense
 * search parameters (backtick-escaped `filter_by`, typo budget, prefix, facets, sort) with the
 * embedded engine's semantics: the query's words after stop-word removal, all required; words
 * dropped from the end by re-asking when nothing matches (so the dropped words are known);
 * disjunctive facet counts from one extra search per filtered facet, sent as one `multi_search`.
 * @module @jobkit/adapters/typesense
 */
import { z } from 'zod';
import {
  FACET_FILTER,
  JobkitError,
  JobPostingSchema,
  isExpandable,
  normalizeSearchQuery,
  toSearchDocument,
  type NormalizedSearchFilters,
  type FacetCount,
  type NormalizedSearchQuery,
  type SearchFacetField,
  type SearchHighlight,
  type SearchHit,
  type SearchIndex,
  type SearchQuery,
  type SearchResult,
  type SearchUpsertResult,
  type TypoBudgetOptions,
} from '@jobkit/core';

const WHERE = 'adapters/typesense';

/** Collection field definition (subset of Typesense's). */
export interface TypesenseField {
  name: string;
  type: string;
  facet?: boolean;
  optional?: boolean;
  index?: boolean;
  sort?: boolean;
}

export interface TypesenseCollectionSchema {
  name: string;
  fields: TypesenseField[];
  default_sorting_field?: string;
  /** Symbols kept inside words (`c++`, `c#`). */
  symbols_to_index?: string[];
  /** Symbols that split words (`ci/cd` → `ci cd`, `node.js` → `node js`). */
  token_separators?: string[];
}

/** The part of the `typesense` `Client` this adapter uses (structural, so no vendor type leaks). */
export interface TypesenseClientLike {
  collections(): { create(schema: TypesenseCollectionSchema): Promise<unknown> };
  collections(name: string): {
    retrieve(): Promise<unknown>;
    documents(): {
      import(documents: string, options?: Record<string, unknown>): Promise<unknown>;
      search(params: Record<string, unknown>): Promise<unknown>;
      delete(query?: { filter_by?: string }): Promise<unknown>;
    };
  };
  /** `POST /multi_search` (the client's `multiSearch.perform`); without it the searches go one by one. */
  multiSearch?: {
    perform(request: { searches: Record<string, unknown>[] }, common?: Record<string, unknown>): Promise<unknown>;
  };
}

export interface TypesenseSearchIndexOptions {
  /** A configured `typesense` client (e.g. `new Typesense.Client({...})`). Either this or `url`. */
  client?: TypesenseClientLike;
  /** Convenience: build a client (requires the `typesense` package), e.g. `http://127.0.0.1:8108`. */
  url?: string;
  /** API key used with `url`. */
  apiKey?: string;
  /** Collection name. @default 'jobs' */
  collection?: string;
  /** Documents per import request. @default 40 */
  batchSize?: number;
  /** Re-imports of documents that failed transiently (HTTP 429/5xx per line or per request). @default 3 */
  maxRetries?: number;
  /** First retry delay, doubled each attempt. @default 200 */
  retryDelayMs?: number;
  /** Typo budget by token length, sent as `min_len_1typo` / `min_len_2typo`. */
  typo?: TypoBudgetOptions;
  /** Max candidate tokens Typesense expands per query token (`max_candidates`). Server default when unset. */
  maxCandidates?: number;
  /** Reported as {@link SearchIndex.name}. @default 'typesense' */
  name?: string;
}

/** Our facet names → collection fields. */
const FACET_FIELD: Record<SearchFacetField, string> = {
  company: 'company',
  country: 'countries',
  location: 'locations',
  workplaceType: 'workplace_type',
  employmentType: 'employment_types',
  atsPlatform: 'ats_platform',
};
const FIELD_FACET = Object.fromEntries(Object.entries(FACET_FIELD).map(([k, v]) => [v, k])) as Record<string, SearchFacetField>;

/**
 * Fields searched by free text with the embedded engine's order of weights (`SEARCH_TEXT_FIELDS`:
 * title > company > locations, department > type keywords > description), on Typesense's 0–15 scale.
 */
const QUERY_BY = ['title', 'company', 'locations', 'department', 'keywords', 'description'];
const QUERY_BY_WEIGHTS = [15, 8, 5, 5, 3, 2];

/** The Typesense collection of {@link @jobkit/core!SearchDocument}s: the fields searched, faceted and sorted on. */
export function typesenseCollectionSchema(name: string): TypesenseCollectionSchema {
  return {
    name,
    fields: [
      { name: 'title', type: 'string' },
      { name: 'company', type: 'string', facet: true },
      { name: 'locations', type: 'string[]', facet: true },
      { name: 'countries', type: 'string[]', facet: true },
      { name: 'department', type: 'string', optional: true },
      { name: 'keywords', type: 'string[]', optional: true },
      { name: 'description', type: 'string' },
      { name: 'workplace_type', type: 'string', facet: true, optional: true },
      { name: 'employment_types', type: 'string[]', facet: true },
      { name: 'salary_min', type: 'float', optional: true },
      { name: 'salary_max', type: 'float', optional: true },
      { name: 'posted_at', type: 'int64' },
      { name: 'ats_platform', type: 'string', facet: true, optional: true },
      { name: 'quality_score', type: 'int32' },
      // The full posting, stored (not indexed) so hits return a complete JobPosting.
      { name: 'job', type: 'string', index: false, optional: true },
    ],
    default_sorting_field: 'posted_at',
    // Tech names keep their symbols, as in the embedded tokenizer; `.` and `/` join words there
    // (both the compound and its words are indexed), which separating them here matches best.
    symbols_to_index: ['+', '#'],
    token_separators: ['/', '.'],
  };
}

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

const list = (values: readonly string[]) => `[${values.map(quoteFilterValue).join(',')}]`;

/** `filter_by` for normalized filters (exported for tests and debugging). */
export function buildFilterBy(q: Pick<NormalizedSearchQuery, 'filters'>): string {
  const f = q.filters;
  const parts: string[] = [];
  if (f.company) parts.push(`company:=${list(f.company)}`);
  if (f.country) parts.push(`countries:=${list(f.country)}`);
  if (f.locations) parts.push(`locations:=${list(f.locations)}`);
  if (f.workplaceType) parts.push(`workplace_type:=${list(f.workplaceType)}`);
  if (f.employmentType) parts.push(`employment_types:=${list(f.employmentType)}`);
  if (f.atsPlatform) parts.push(`ats_platform:=${list(f.atsPlatform)}`);
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
  options: Pick<TypesenseSearchIndexOptions, 'typo' | 'maxCandidates'> = {},
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
  options: Pick<TypesenseSearchIndexOptions, 'typo' | 'maxCandidates'> = {},
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

const ImportLineSchema = z.object({
  success: z.boolean(),
  error: z.string().optional(),
  code: z.number().optional(),
  document: z.string().optional(),
  id: z.string().optional(),
});
type ImportLine = z.infer<typeof ImportLineSchema>;

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

const MultiSearchResponseSchema = z.object({ results: z.array(z.record(z.string(), z.unknown())) });

function parseResponse(raw: unknown): z.infer<typeof SearchResponseSchema> {
  const res = SearchResponseSchema.safeParse(raw);
  if (!res.success) {
    throw new JobkitError('SEARCH_FAILED', `[${WHERE}] unexpected search response: ${res.error.message}`, { cause: res.error });
  }
  return res.data;
}

const httpStatusOf = (error: unknown): number | undefined => {
  const status = (error as { httpStatus?: unknown } | null)?.httpStatus;
  return typeof status === 'number' ? status : undefined;
};
/** Transport failures (no status) and 408/429/5xx are worth retrying; other statuses are permanent. */
const retryableStatus = (status: number | undefined) =>
  status === undefined || status === 408 || status === 429 || status >= 500;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function loadClient(url: string, apiKey: string): Promise<TypesenseClientLike> {
  let mod: { Client?: new (o: object) => unknown; default?: { Client?: new (o: object) => unknown } };
  try {
    mod = (await import('typesense')) as typeof mod;
  } catch (cause) {
    throw new JobkitError('DEPENDENCY_MISSING', `[${WHERE}] install the "typesense" package or pass a client`, { cause });
  }
  const Client = mod.Client ?? mod.default?.Client;
  if (!Client) throw new JobkitError('DEPENDENCY_MISSING', `[${WHERE}] the "typesense" package has no Client export`);
  const u = new URL(url);
  return new Client({
    nodes: [{ host: u.hostname, port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)), protocol: u.protocol.slice(0, -1) }],
    apiKey,
    connectionTimeoutSeconds: 10,
  }) as TypesenseClientLike;
}

const OptionsSchema = z
  .object({
    collection: z.string().regex(/^[A-Za-z0-9_.-]{1,200}$/, 'letters, digits, _ . - only').optional(),
    batchSize: z.number().int().min(1).max(10_000).optional(),
    maxRetries: z.number().int().min(0).max(20).optional(),
    retryDelayMs: z.number().min(0).optional(),
    url: z.string().url().optional(),
  })
  .passthrough();

/** Create a Typesense-backed search index. Call `ensureSchema()` once before the first upsert. */
export function createTypesenseSearchIndex(options: TypesenseSearchIndexOptions): SearchIndex {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] invalid options: ${parsed.error.message}`);
  if (!options.client && !options.url) throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] pass a client or a url`);
  const collection = options.collection ?? 'jobs';
  const batchSize = options.batchSize ?? 40;
  const maxRetries = options.maxRetries ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 200;
  let clientPromise: Promise<TypesenseClientLike> | undefined = options.client ? Promise.resolve(options.client) : undefined;
  const client = () => (clientPromise ??= loadClient(options.url as string, options.apiKey ?? ''));
  let closed = false;

  const fail = (what: string, cause: unknown): JobkitError => {
    if (JobkitError.is(cause)) return cause;
    const status = httpStatusOf(cause);
    const message = cause instanceof Error ? cause.message : String(cause);
    return new JobkitError('SEARCH_FAILED', `[${WHERE}] ${what} failed${status ? ` (HTTP ${status})` : ''}: ${message}`, {
      cause,
      retryable: retryableStatus(status),
      details: { collection, status },
    });
  };
  const assertOpen = () => {
    if (closed) throw new JobkitError('CLOSED', `[${WHERE}] the search index is closed`);
  };

  /** One import request; per-line results whichever way the client version reports them. */
  const importOnce = async (docs: readonly string[]): Promise<ImportLine[]> => {
    const api = (await client()).collections(collection).documents();
    let raw: unknown;
    try {
      raw = await api.import(docs.join('\n'), { action: 'upsert' });
    } catch (error) {
      // Some client versions throw ImportError with the per-line results when any line failed.
      const results = (error as { importResults?: unknown } | null)?.importResults;
      if (!Array.isArray(results)) throw error;
      raw = results;
    }
    const lines: unknown[] =
      typeof raw === 'string'
        ? raw
            .split('\n')
            .filter((l) => l.trim() !== '')
            .map((l) => JSON.parse(l) as unknown)
        : Array.isArray(raw)
          ? raw
          : [];
    if (lines.length !== docs.length) {
      throw new JobkitError('SEARCH_FAILED', `[${WHERE}] import answered ${lines.length} results for ${docs.length} documents`, {
        details: { collection },
      });
    }
    return lines.map((line) => {
      const r = ImportLineSchema.safeParse(line);
      return r.success ? r.data : { success: false, error: `unrecognized import result ${JSON.stringify(line)}` };
    });
  };

  /** Import one batch, re-importing only transiently failed documents. */
  const importBatch = async (batch: { index: number; id: string; line: string }[], out: SearchUpsertResult[]) => {
    let pending = batch;
    for (let attempt = 0; pending.length > 0; attempt++) {
      let lines: ImportLine[];
      try {
        lines = await importOnce(pending.map((p) => p.line));
      } catch (error) {
        const e = fail('import', error);
        if (!e.retryable || attempt >= maxRetries) throw e;
        await sleep(retryDelayMs * 2 ** attempt);
        continue;
      }
      const retry: typeof pending = [];
      pending.forEach((p, i) => {
        const line = lines[i] as ImportLine;
        if (line.success) {
          out[p.index] = { id: p.id, ok: true };
        } else if (retryableStatus(line.code ?? 400) && attempt < maxRetries) {
          retry.push(p);
        } else {
          out[p.index] = { id: p.id, ok: false, error: `[${WHERE}] ${line.error ?? 'import failed'}${line.code ? ` (code ${line.code})` : ''}` };
        }
      });
      if (retry.length > 0) await sleep(retryDelayMs * 2 ** attempt);
      pending = retry;
    }
  };

  /** Facet searches in one `multi_search` request when the client offers it, else one by one. */
  const facetAnswers = async (
    searches: Record<string, unknown>[],
    ask: (params: Record<string, unknown>) => Promise<z.infer<typeof SearchResponseSchema>>,
  ): Promise<z.infer<typeof SearchResponseSchema>[]> => {
    const multi = (await client()).multiSearch;
    if (!multi) return Promise.all(searches.map(ask));
    let raw: unknown;
    try {
      raw = await multi.perform({ searches: searches.map((p) => ({ collection, ...p })) }, {});
    } catch (error) {
      throw fail('multi_search', error);
    }
    const results = MultiSearchResponseSchema.safeParse(raw);
    if (!results.success) throw new JobkitError('SEARCH_FAILED', `[${WHERE}] unexpected multi_search response: ${results.error.message}`, { cause: results.error });
    return results.data.results.map((r) => {
      if ('error' in r && typeof r.error === 'string') throw new JobkitError('SEARCH_FAILED', `[${WHERE}] facet search failed: ${r.error}`, { details: { collection } });
      return parseResponse(r);
    });
  };

  return {
    name: options.name ?? 'typesense',

    async ensureSchema() {
      assertOpen();
      const c = await client();
      try {
        await c.collections(collection).retrieve();
        return;
      } catch (error) {
        if (httpStatusOf(error) !== 404) throw fail('retrieve collection', error);
      }
      try {
        await c.collections().create(typesenseCollectionSchema(collection));
      } catch (error) {
        // Another process created it between our retrieve and create.
        if (httpStatusOf(error) !== 409) throw fail('create collection', error);
      }
    },

    async upsert(jobs) {
      assertOpen();
      const out: SearchUpsertResult[] = new Array(jobs.length);
      const valid: { index: number; id: string; line: string }[] = [];
      jobs.forEach((input, index) => {
        const rawId = (input as { id?: unknown } | null)?.id;
        const id = typeof rawId === 'string' ? rawId : '';
        const parsed = JobPostingSchema.safeParse(input);
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
          out[index] = { id, ok: false, error: `[${WHERE}] invalid job posting: ${issues}` };
          return;
        }
        const doc = { ...toSearchDocument(parsed.data), job: JSON.stringify(parsed.data) };
        valid.push({ index, id, line: JSON.stringify(doc) });
      });
      for (let i = 0; i < valid.length; i += batchSize) await importBatch(valid.slice(i, i + batchSize), out);
      return out;
    },

    async delete(ids) {
      assertOpen();
      const wanted = z.array(z.string()).safeParse(ids);
      if (!wanted.success) throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] delete expects an array of id strings`);
      // Only well-formed posting ids can be in the collection (upsert validates them).
      const real = [...new Set(wanted.data.filter((id) => /^jk_[0-9a-f]{24}$/.test(id)))];
      if (real.length === 0) return;
      const api = (await client()).collections(collection).documents();
      for (let i = 0; i < real.length; i += 100) {
        const filter = `id:${list(real.slice(i, i + 100))}`;
        try {
          await api.delete({ filter_by: filter });
        } catch (error) {
          throw fail('delete', error);
        }
      }
    },

    async search(query: SearchQuery): Promise<SearchResult> {
      assertOpen();
      const started = performance.now();
      const q = normalizeSearchQuery(query, WHERE);
      const api = (await client()).collections(collection).documents();
      const ask = async (params: Record<string, unknown>): Promise<z.infer<typeof SearchResponseSchema>> => {
        let raw: unknown;
        try {
          raw = await api.search(params);
        } catch (error) {
          throw fail('search', error);
        }
        return parseResponse(raw);
      };
      // Every word first; when nothing matches, the last word goes and the search is asked again.
      let tokens = q.tokens;
      let data = await ask(buildSearchParams(q, options, tokens));
      while (data.found === 0 && q.dropTokens && tokens.length > 1) {
        tokens = tokens.slice(0, -1);
        data = await ask(buildSearchParams(q, options, tokens));
      }
      // Nothing matched even one word: report no drop, and count facets for the whole query.
      if (data.found === 0) tokens = q.tokens;
      const res = { data };
      const hits: SearchHit[] = res.data.hits.map((h) => {
        const stored = h.document.job;
        let job: unknown;
        try {
          job = typeof stored === 'string' ? JSON.parse(stored) : undefined;
        } catch {
          job = undefined;
        }
        const parsedJob = JobPostingSchema.safeParse(job);
        if (!parsedJob.success) {
          throw new JobkitError('SEARCH_FAILED', `[${WHERE}] document ${String(h.document.id)} has no valid stored posting`, {
            details: { collection },
          });
        }
        const hit: SearchHit = { job: parsedJob.data };
        if (h.text_match !== undefined) hit.score = h.text_match;
        if (h.highlights) {
          hit.highlights = h.highlights.map(
            (x): SearchHighlight => ({
              field: x.field,
              snippet: x.snippet ?? x.snippets?.join(' … ') ?? '',
              matchedTokens: [...new Set((x.matched_tokens ?? []).flat())],
            }),
          );
        }
        return hit;
      });
      const facets: Record<string, FacetCount[]> = {};
      for (const f of q.facets) facets[f] = [];
      const take = (counts: z.infer<typeof SearchResponseSchema>['facet_counts'], only?: SearchFacetField) => {
        for (const fc of counts) {
          const name = FIELD_FACET[fc.field_name];
          if (name && (only === undefined || name === only)) facets[name] = fc.counts.map((c) => ({ value: c.value, count: c.count }));
        }
      };
      take(res.data.facet_counts);
      const extra = buildFacetSearches(q, options, tokens);
      if (extra.length > 0) {
        const answers = await facetAnswers(extra.map((e) => e.params), ask);
        extra.forEach((e, i) => take(answers[i]?.facet_counts ?? [], e.facet));
      }
      const result: SearchResult = { hits, found: res.data.found, facets, tookMs: res.data.search_time_ms ?? performance.now() - started };
      if (q.tokens.length > 0) result.droppedTokens = res.data.found > 0 ? q.tokens.slice(tokens.length) : [];
      return result;
    },

    async close() {
      closed = true;
    },
  };
}
