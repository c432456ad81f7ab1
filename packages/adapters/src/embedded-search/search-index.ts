/**
 * Embedded, in-process {@link SearchIndex}: the default search engine and the reference the
 * search contract runs on first. Term lookup (typo / prefix candidates) uses minisearch's radix
 * tree; postings, filters, facets and ranking are Jobkit's own so the whole query stays bounded
 * at 100k+ postings (see `bench/search.ts`): text in `inverted-index.ts`, facet filters and
 * counts in `facet-index.ts`.
 * @module
 */
import {
  type FacetCount,
  JobkitError,
  type JobPosting,
  JobPostingSchema,
  type SearchHighlight,
  type SearchHit,
  type SearchIndex,
  type SearchQuery,
  type SearchResult,
  type SearchUpsertResult,
} from '@jobkit/core';
import {
  FACET_FILTER,
  highlightField,
  matchesFilters,
  type NormalizedSearchFilters,
  type NormalizedSearchQuery,
  normalizeSearchQuery,
  type SearchDocument,
  toSearchDocument,
} from '@jobkit/core/adapter-kit';
import { FacetIndex } from './facet-index.js';
import { type CandidateCache, TermIndex, type TermIndexOptions } from './inverted-index.js';
import { type Cmp, topK } from './top-k.js';

const WHERE = 'adapters/embedded-search';

export interface EmbeddedSearchIndexOptions extends TermIndexOptions {
  /** Reported as {@link SearchIndex.name}. @default 'embedded-search' */
  name?: string;
  /**
   * Rebuild the index once deleted or replaced postings outnumber live ones (and exceed this
   * count), reclaiming their posting-list entries. @default 1000
   */
  compactAfterDeletes?: number;
  /** Return `<mark>` highlights for title, company and description. @default true */
  highlights?: boolean;
}

interface State {
  terms: TermIndex;
  facets: FacetIndex;
  docs: (SearchDocument | undefined)[];
  jobs: (JobPosting | undefined)[];
  byId: Map<string, number>;
  dead: number;
  // Sort keys and range-filter values per ordinal, so ranking and range checks over 100k
  // candidates never dereference documents: posted_at, salary_max ?? -1, salary_min ?? Infinity.
  postedAt: number[];
  payHi: number[];
  payLo: number[];
  /** Reused by every query for its matching ordinals (see `collect`). */
  scratch: Int32Array;
}

/**
 * Live candidates (every ordinal when `null`) that pass the filters: all of them on the document
 * when `byDoc`, else only the range filters, on columns. The result is a view of the index's
 * scratch buffer, valid until the next query: a 100k-document browse allocates no array whose
 * incremental GC marking the query would then pay for (that was most of its time).
 */
function collect(state: State, candidates: ArrayLike<number> | null, f: NormalizedSearchFilters, byDoc: boolean): Int32Array {
  const { docs, postedAt, payHi, payLo } = state;
  const byRange = !byDoc && (f.salaryMin !== undefined || f.salaryMax !== undefined || f.postedAfterMs !== undefined);
  const minPay = f.salaryMin ?? -Infinity;
  const maxPay = f.salaryMax ?? Infinity;
  const after = f.postedAfterMs;
  const n = candidates === null ? docs.length : candidates.length;
  if (state.scratch.length < n) state.scratch = new Int32Array(Math.max(n, state.scratch.length * 2));
  const matched = state.scratch;
  let found = 0;
  for (let i = 0; i < n; i++) {
    const d = candidates === null ? i : (candidates[i] as number);
    const doc = docs[d];
    if (doc === undefined) continue;
    if (byDoc && !matchesFilters(doc, f)) continue;
    // Same bounds as matchesFilters: payHi is -1 and payLo Infinity without a salary.
    if (byRange) {
      if ((payHi[d] as number) < minPay || (payLo[d] as number) > maxPay) continue;
      if (after !== undefined && !((postedAt[d] as number) > 0 && (postedAt[d] as number) >= after)) continue;
    }
    matched[found++] = d;
  }
  return matched.subarray(0, found);
}

/** The embedded search index: the `SearchIndex` port. */
export interface EmbeddedSearchIndex extends SearchIndex {
  /** Nothing to create in memory; kept so code written for any adapter runs unchanged. */
  migrate(): Promise<void>;
  /** @deprecated Renamed `migrate()` (the same function), as in every adapter and the `SearchIndex` port. */
  ensureSchema(): Promise<void>;
}

/**
 * Create an in-memory search index. Data lives in the process; use Typesense
 * (`@jobkit/adapters/typesense`) when several processes must share an index.
 */
export function createEmbeddedSearchIndex(options: EmbeddedSearchIndexOptions = {}): EmbeddedSearchIndex {
  const name = options.name ?? 'embedded-search';
  const compactAfter = options.compactAfterDeletes ?? 1000;
  const wantHighlights = options.highlights ?? true;
  const fresh = (): State => ({
    terms: new TermIndex(options),
    facets: new FacetIndex(),
    docs: [],
    jobs: [],
    byId: new Map(),
    dead: 0,
    postedAt: [],
    payHi: [],
    payLo: [],
    scratch: new Int32Array(0),
  });
  let state = fresh();
  let closed = false;

  const assertOpen = () => {
    if (closed) throw new JobkitError('CLOSED', `[${WHERE}] the search index is closed`);
  };

  const add = (job: JobPosting) => {
    const prev = state.byId.get(job.id);
    if (prev !== undefined) removeOrd(prev);
    const ord = state.docs.length;
    const doc = toSearchDocument(job);
    state.docs.push(doc);
    state.jobs.push(job);
    state.byId.set(job.id, ord);
    state.postedAt.push(doc.posted_at);
    state.payHi.push(doc.salary_max ?? -1);
    state.payLo.push(doc.salary_min ?? Infinity);
    state.terms.add(ord, doc);
    state.facets.add(ord, doc);
  };

  const removeOrd = (ord: number) => {
    const doc = state.docs[ord];
    if (doc === undefined) return;
    state.byId.delete(doc.id);
    state.facets.remove(ord);
    state.docs[ord] = undefined;
    state.jobs[ord] = undefined;
    state.dead++;
  };

  const maybeCompact = () => {
    if (state.dead <= compactAfter || state.dead <= state.byId.size) return;
    const live = state.jobs.filter((j): j is JobPosting => j !== undefined);
    state = fresh();
    for (const job of live) add(job);
  };

  const comparator = (q: NormalizedSearchQuery, score: Float64Array | null): Cmp => {
    const { docs, postedAt, payHi } = state;
    const s = (d: number) => (score ? (score[d] as number) : 0);
    const date = (d: number) => postedAt[d] as number;
    const tie = (a: number, b: number) => {
      const ia = (docs[a] as SearchDocument).id;
      const ib = (docs[b] as SearchDocument).id;
      return ia < ib ? -1 : ia > ib ? 1 : 0;
    };
    switch (q.sort) {
      case 'relevance':
        return (a, b) => s(b) - s(a) || date(b) - date(a) || tie(a, b);
      case 'datePosted':
        return (a, b) => date(b) - date(a) || s(b) - s(a) || tie(a, b);
      case 'salary': {
        const pay = (d: number) => payHi[d] as number;
        return (a, b) => pay(b) - pay(a) || s(b) - s(a) || tie(a, b);
      }
    }
  };

  const highlight = (doc: SearchDocument, terms: ReadonlySet<string>): SearchHighlight[] => {
    const out: SearchHighlight[] = [];
    for (const [field, text] of [
      ['title', doc.title],
      ['company', doc.company],
      ['description', doc.description],
    ] as const) {
      const h = highlightField(field, text, terms);
      if (h) out.push(h);
    }
    return out;
  };

  /**
   * Text matching with Typesense's fallbacks: every word exactly (the last also as a prefix);
   * if nothing passes the filters, typos on the words with no exact match, then on every word;
   * still nothing, drop the last word and start over (when `dropTokens`).
   */
  const matchText = (q: NormalizedSearchQuery) => {
    const cache: CandidateCache = new Map();
    const live = state.byId.size;
    const hasFilters = Object.keys(q.filters).length > 0;
    for (let keep = q.tokens.length; keep >= 1; keep--) {
      const words = q.tokens.slice(0, keep);
      for (const mode of ['none', 'missing', 'all'] as const) {
        if (mode !== 'none' && !state.terms.allowsTypos(words, mode, cache)) continue;
        const m = state.terms.match(words, mode, live, cache);
        if (m.docs.length === 0) continue;
        const matched = collect(state, m.docs, q.filters, hasFilters);
        if (matched.length > 0) return { docs: m.docs, score: m.score, terms: m.matchedTerms, matched, dropped: q.tokens.slice(keep) };
      }
      if (!q.dropTokens) break;
    }
    return { docs: [] as number[], score: null, terms: new Set<string>(), matched: new Int32Array(0), dropped: [] as string[] };
  };

  const ready = async () => {
    assertOpen();
  };

  return {
    name,
    migrate: ready,
    ensureSchema: ready,

    async upsert(jobs) {
      assertOpen();
      const results: SearchUpsertResult[] = [];
      for (const input of jobs) {
        const rawId = (input as { id?: unknown } | null)?.id;
        const id = typeof rawId === 'string' ? rawId : '';
        const parsed = JobPostingSchema.safeParse(input);
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
          results.push({ id, ok: false, error: `[${WHERE}] invalid job posting: ${issues}` });
          continue;
        }
        add(parsed.data);
        results.push({ id, ok: true });
      }
      maybeCompact();
      return results;
    },

    async delete(ids) {
      assertOpen();
      for (const id of ids) {
        const ord = state.byId.get(id);
        if (ord !== undefined) removeOrd(ord);
      }
      maybeCompact();
    },

    async search(query: SearchQuery): Promise<SearchResult> {
      assertOpen();
      const started = performance.now();
      const q = normalizeSearchQuery(query, WHERE);
      const { docs } = state;
      const hasFilters = Object.keys(q.filters).length > 0;
      let candidates: ArrayLike<number> | null = null;
      let score: Float64Array | null = null;
      let terms: ReadonlySet<string> = new Set();
      let droppedTokens: string[] | undefined;
      // Per candidate: every filter on the document, or only the range filters on columns.
      let byDoc = hasFilters;
      let matched: Int32Array;
      if (q.tokens.length === 0) {
        // Browsing with facet filters starts from the posting lists of the most selective one.
        const selected = hasFilters ? state.facets.select(q.filters) : null;
        if (selected !== null) candidates = selected.docs;
        if (selected === null || selected.exact) byDoc = false;
        matched = collect(state, candidates, q.filters, byDoc);
      } else {
        const text = matchText(q);
        candidates = text.docs;
        score = text.score;
        terms = text.terms;
        droppedTokens = text.dropped;
        matched = text.matched;
      }
      const found = matched.length;
      const from = (q.page - 1) * q.perPage;
      const page = from >= found ? [] : topK(matched, from + q.perPage, comparator(q, score)).slice(from);
      const hits: SearchHit[] = page.map((d) => {
        const hit: SearchHit = { job: state.jobs[d] as JobPosting };
        if (score) hit.score = score[d] as number;
        if (wantHighlights && terms.size > 0) hit.highlights = highlight(docs[d] as SearchDocument, terms);
        return hit;
      });
      const everything = q.tokens.length === 0 && !hasFilters;
      const facets: Record<string, FacetCount[]> = {};
      // Facets without a filter of their own count the matches; `matched` is valid until the next collect.
      for (const field of q.facets) {
        if (q.filters[FACET_FILTER[field]] === undefined)
          facets[field] = state.facets.count(field, everything ? null : matched, q.maxFacetValues);
      }
      // Disjunctive: a filtered facet counts over every other filter, so its other values stay visible.
      for (const field of q.facets) {
        const own = FACET_FILTER[field];
        if (q.filters[own] === undefined) continue;
        const rest: NormalizedSearchFilters = { ...q.filters };
        delete rest[own];
        const restFilters = Object.keys(rest).length > 0;
        let pool: Int32Array | null;
        if (q.tokens.length > 0) pool = collect(state, candidates, rest, restFilters);
        else if (!restFilters) pool = null;
        else {
          const selected = state.facets.select(rest);
          pool = collect(state, selected?.docs ?? null, rest, selected !== null && !selected.exact);
        }
        facets[field] = state.facets.count(field, pool, q.maxFacetValues);
      }
      const result: SearchResult = { hits, found, facets, tookMs: performance.now() - started };
      if (droppedTokens) result.droppedTokens = droppedTokens;
      return result;
    },

    async close() {
      closed = true;
      state = fresh();
    },
  };
}
