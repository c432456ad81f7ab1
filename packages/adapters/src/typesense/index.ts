/**
 * `@jobkit/adapters/typesense`: the {@link @jobkit/core!SearchIndex} on Typesense through the
 * official `typesense` client (an optional peer, passed in or loaded lazily). Owns the collection
 * schema, JSONL upsert imports with per-document results and retries of transient failures, and
 * the translation of a {@link @jobkit/core!SearchQuery} into Typesense search parameters with the
 * embedded engine's semantics.
 * @module @jobkit/adapters/typesense
 */

export type { TypesenseClientLike } from './client.js';
export type { TypesenseQueryOptions } from './query.js';
export { buildFacetSearches, buildFilterBy, buildSearchParams, quoteFilterValue } from './query.js';
export type { TypesenseCollectionSchema, TypesenseField } from './schema.js';
export { typesenseCollectionSchema } from './schema.js';
export type { TypesenseSearchIndex, TypesenseSearchIndexOptions } from './search-index.js';
export { createTypesenseSearchIndex } from './search-index.js';
