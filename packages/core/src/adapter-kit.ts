/**
 * `@jobkit/core/adapter-kit`: the helpers an adapter author builds a port implementation from
 * (store upsert preparation and cursors, the pipeline's task runner, analytics derivations,
 * search-engine text and filter helpers, fetch results, retry backoff, SQL capabilities, broker rules). They follow the ports,
 * not the user API: they may change in a minor release when a port changes. Applications import
 * `@jobkit/core`.
 * @module @jobkit/core/adapter-kit
 */

// Job store: input parsing, upsert preparation, cursors, filters, refusals, change events.
export {
  prepareUpsert,
  parseListOptions,
  parseMarkMissing,
  encodeJobCursor,
  decodeJobCursor,
  matchesJobFilter,
  compareStoredJobs,
  NO_PLATFORM,
  unstorableText,
  rejectedJob,
} from './memory/job-store.js';
export type { PreparedJob } from './memory/job-store.js';
export { jobEventsFromChanges, changedJobFields } from './delivery/events.js';
export { contentHashWithJson } from './identity.js';

// SQL helpers: what an executor's engine can do (branch on these, never on an engine's name).
export { sqlCapabilities, SERVER_POOL_CAPABILITIES, SERVER_CLIENT_CAPABILITIES, EMBEDDED_CAPABILITIES } from './ports/sql.js';
export type { SqlCapabilities } from './ports/sql.js';

// Brokers: the name rules, subscribe bounds and message shape every broker applies alike.
export {
  BROKER_NAME_PATTERN,
  BROKER_NAME_RULE,
  isBrokerName,
  DELIVERY_ATTEMPTS,
  MAX_RETRY_DELAY_MS,
  MIN_ACK_DEADLINE_MS,
  MAX_ORDERING_KEY_LENGTH,
  RetryDelaySchema,
  SubscribeOptionsSchema,
  PublishMessageSchema,
} from './broker-rules.js';

// Work queue and outbox retries.
export { backoffDelay } from './delivery/backoff.js';
export type { BackoffOptions } from './delivery/backoff.js';

// Fetcher: the result every fetcher returns.
export { createFetchResult } from './ports/fetcher.js';
export type { FetchResultInit } from './ports/fetcher.js';

// Pipeline internals for custom workers: one crawl task through every stage.
export { processTask, asJobkitError, createPageUpserter } from './pipeline/process-task.js';
export type { StageDeps, ProcessTaskOptions, StageUpsert, PageUpsert } from './pipeline/process-task.js';
export { createCoalescer } from './pipeline/coalesce.js';
export type { Coalescer, CoalescerOptions } from './pipeline/coalesce.js';

// Analytics: the shared derivations every backend applies so their numbers agree.
export { jobFacts, roundTo, percentileKey, JOB_EVENT_RANK, YEARLY_FACTOR } from './ports/analytics.js';
export type { JobFacts } from './ports/analytics.js';
export { percentileR7, periodStart } from './memory/analytics.js';

// Search engines: query normalization, tokens and typos, documents, filters, highlights.
export {
  normalizeSearchQuery,
  FACET_FILTER,
  tokenize,
  typoBudget,
  queryTokens,
  isExpandable,
  MAX_QUERY_TOKENS,
} from './search/query.js';
export type { NormalizedSearchQuery, NormalizedSearchFilters, TypoBudgetOptions } from './search/query.js';
export { foldText, tokenSpans, indexTerms, isStopWord, isSymbolTerm, STOP_WORDS } from './search/tokenize.js';
export type { TokenSpan } from './search/tokenize.js';
export { toSearchDocument, facetValues, matchesFilters, SEARCH_TEXT_FIELDS } from './search/document.js';
export type { SearchDocument } from './search/document.js';
export { highlightField } from './search/highlight.js';
export type { HighlightOptions } from './search/highlight.js';
