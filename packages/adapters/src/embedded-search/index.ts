/**
 * `@jobkit/adapters/embedded-search`: the embedded, in-process {@link @jobkit/core!SearchIndex} —
 * the default search engine and the reference the search contract runs on first. Term lookup uses
 * minisearch's radix tree; postings, filters, facets and ranking stay bounded at 100k+ postings.
 * @module @jobkit/adapters/embedded-search
 */

export type { EmbeddedSearchIndex, EmbeddedSearchIndexOptions } from './search-index.js';
export { createEmbeddedSearchIndex } from './search-index.js';
