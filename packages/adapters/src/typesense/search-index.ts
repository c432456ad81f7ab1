/**
 * {@link SearchIndex} on Typesense through the official `typesense` client (v2+/v3, an optional
 * peer: only types are imported at top level, the client is passed in or loaded lazily): upserts
 * through `import.ts`, queries through `query.ts` — every word required, words dropped from the
 * end by re-asking when nothing matches (so the dropped words are known), disjunctive facet
 * counts from one extra search per filtered facet, sent as one `multi_search`.
 * @module
 */

import {
  type FacetCount,
  JobkitError,
  JobPostingSchema,
  type SearchFacetField,
  type SearchHighlight,
  type SearchHit,
  type SearchIndex,
  type SearchQuery,
  type SearchResult,
  type SearchUpsertResult,
} from '@jobkit/core';
import { normalizeSearchQuery, toSearchDocument } from '@jobkit/core/adapter-kit';
import { z } from 'zod';
import { httpStatusOf, loadClient, type TypesenseClientLike, typesenseError, WHERE } from './client.js';
import { createImporter, type ImportDocument } from './import.js';
import {
  buildFacetSearches,
  buildSearchParams,
  filterList,
  MultiSearchResponseSchema,
  parseResponse,
  type SearchResponse,
  type TypesenseQueryOptions,
} from './query.js';
import { FIELD_FACET, typesenseCollectionSchema } from './schema.js';

export interface TypesenseSearchIndexOptions extends TypesenseQueryOptions {
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
  /**
   * Close the client in `close()` (when it has a `close`; the `typesense` client has none today).
   * @default true for the client built from `url`, false for one passed in (the caller owns it)
   */
  ownsClient?: boolean;
  /** Reported as {@link SearchIndex.name}. @default 'typesense' */
  name?: string;
}

const OptionsSchema = z
  .object({
    collection: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,200}$/, 'letters, digits, _ . - only')
      .optional(),
    batchSize: z.number().int().min(1).max(10_000).optional(),
    maxRetries: z.number().int().min(0).max(20).optional(),
    retryDelayMs: z.number().min(0).optional(),
    url: z.string().url().optional(),
  })
  .passthrough();

/** The Typesense search index: the `SearchIndex` port. */
export interface TypesenseSearchIndex extends SearchIndex {
  /** Create the collection when it is missing (idempotent). Call once before the first upsert. */
  migrate(): Promise<void>;
  /** @deprecated Renamed `migrate()` (the same function), as in every adapter and the `SearchIndex` port. */
  ensureSchema(): Promise<void>;
}

/** Create a Typesense-backed search index. Call `migrate()` once before the first upsert. */
export function createTypesenseSearchIndex(options: TypesenseSearchIndexOptions): TypesenseSearchIndex {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] invalid options: ${parsed.error.message}`);
  if (!options.client && !options.url) throw new JobkitError('INVALID_ARGUMENT', `[${WHERE}] pass a client or a url`);
  const collection = options.collection ?? 'jobs';
  const batchSize = options.batchSize ?? 40;
  const maxRetries = options.maxRetries ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 200;
  let clientPromise: Promise<TypesenseClientLike> | undefined = options.client ? Promise.resolve(options.client) : undefined;
  const client = () => (clientPromise ??= loadClient(options.url as string, options.apiKey ?? ''));
  const ownsClient = options.ownsClient ?? !options.client;
  let closed = false;

  const fail = (what: string, cause: unknown): JobkitError => typesenseError(what, cause, collection);
  const importBatch = createImporter({ client, collection, maxRetries, retryDelayMs });
  const assertOpen = () => {
    if (closed) throw new JobkitError('CLOSED', `[${WHERE}] the search index is closed`);
  };

  /** Facet searches in one `multi_search` request when the client offers it, else one by one. */
  const facetAnswers = async (
    searches: Record<string, unknown>[],
    ask: (params: Record<string, unknown>) => Promise<SearchResponse>,
  ): Promise<SearchResponse[]> => {
    const multi = (await client()).multiSearch;
    if (!multi) return Promise.all(searches.map(ask));
    let raw: unknown;
    try {
      raw = await multi.perform({ searches: searches.map((p) => ({ collection, ...p })) }, {});
    } catch (error) {
      throw fail('multi_search', error);
    }
    const results = MultiSearchResponseSchema.safeParse(raw);
    if (!results.success)
      throw new JobkitError('SEARCH_FAILED', `[${WHERE}] unexpected multi_search response: ${results.error.message}`, {
        cause: results.error,
      });
    return results.data.results.map((r) => {
      if ('error' in r && typeof r.error === 'string')
        throw new JobkitError('SEARCH_FAILED', `[${WHERE}] facet search failed: ${r.error}`, { details: { collection } });
      return parseResponse(r);
    });
  };

  /** Create the collection when it is missing; idempotent, safe under concurrent callers. */
  const migrate = async () => {
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
  };

  return {
    name: options.name ?? 'typesense',
    migrate,
    ensureSchema: migrate,

    async upsert(jobs) {
      assertOpen();
      const out: SearchUpsertResult[] = new Array(jobs.length);
      const valid: ImportDocument[] = [];
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
        const filter = `id:${filterList(real.slice(i, i + 100))}`;
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
      const ask = async (params: Record<string, unknown>): Promise<SearchResponse> => {
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
      const take = (counts: SearchResponse['facet_counts'], only?: SearchFacetField) => {
        for (const fc of counts) {
          const name = FIELD_FACET[fc.field_name];
          if (name && (only === undefined || name === only)) facets[name] = fc.counts.map((c) => ({ value: c.value, count: c.count }));
        }
      };
      take(res.data.facet_counts);
      const extra = buildFacetSearches(q, options, tokens);
      if (extra.length > 0) {
        const answers = await facetAnswers(
          extra.map((e) => e.params),
          ask,
        );
        extra.forEach((e, i) => {
          take(answers[i]?.facet_counts ?? [], e.facet);
        });
      }
      const result: SearchResult = { hits, found: res.data.found, facets, tookMs: res.data.search_time_ms ?? performance.now() - started };
      if (q.tokens.length > 0) result.droppedTokens = res.data.found > 0 ? q.tokens.slice(tokens.length) : [];
      return result;
    },

    async close() {
      if (closed) return;
      closed = true;
      // Only a client this index built from `url` (or one handed over with `ownsClient`) is closed.
      if (ownsClient && clientPromise !== undefined) await (await clientPromise).close?.();
    },
  };
}
