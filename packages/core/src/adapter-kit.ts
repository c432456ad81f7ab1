/**
 * `@jobkit/core/adapter-kit`: the helpers an adapter author builds a port implementation from
 * (store upsert preparation and cursors, the pipeline's task runner, analytics derivations,
 * search-engine text and filter helpers, fetch results, retry backoff, SQL capabilities, broker rules). They follow the ports,
 * not the user API: they may change in a minor release when a port changes. Applications import
 * `@jobkit/core`.
 * @module @jobkit/core/adapter-kit
 */

// Brokers: the name rules, subscribe bounds and message shape every broker applies alike.
export {
  BROKER_NAME_PATTERN,
  BROKER_NAME_RULE,
  DELIVERY_ATTEMPTS,
  isBrokerName,
  MAX_ORDERING_KEY_LENGTH,
  MAX_RETRY_DELAY_MS,
  MIN_ACK_DEADLINE_MS,
  PublishMessageSchema,
  RetryDelaySchema,
  SubscribeOptionsSchema,
} from './broker-rules.js';
export type { BackoffOptions } from './delivery/backoff.js';
// Work queue and outbox retries.
export { backoffDelay } from './delivery/backoff.js';
export { changedJobFields, jobEventsFromChanges } from './delivery/events.js';
export { contentHashWithJson } from './identity.js';
export { percentileR7, periodStart } from './memory/analytics.js';
export type { PreparedJob } from './memory/job-store.js';
// Job store: input parsing, upsert preparation, cursors, filters, refusals, change events.
export {
  compareStoredJobs,
  decodeJobCursor,
  encodeJobCursor,
  matchesJobFilter,
  NO_PLATFORM,
  parseListOptions,
  parseMarkMissing,
  prepareUpsert,
  rejectedJob,
  unstorableText,
} from './memory/job-store.js';
export type { Coalescer, CoalescerOptions } from './pipeline/coalesce.js';
export { createCoalescer } from './pipeline/coalesce.js';
export type { PageUpsert, ProcessTaskOptions, StageDeps, StageUpsert } from './pipeline/process-task.js';

// Pipeline internals for custom workers: one crawl task through every stage.
export { asJobkitError, createPageUpserter, processTask } from './pipeline/process-task.js';
export type { JobFacts } from './ports/analytics.js';
// Analytics: the shared derivations every backend applies so their numbers agree.
export { JOB_EVENT_RANK, jobFacts, percentileKey, roundTo, YEARLY_FACTOR } from './ports/analytics.js';
export type { FetchResultInit } from './ports/fetcher.js';
// Fetcher: the result every fetcher returns.
export { createFetchResult } from './ports/fetcher.js';
export type { SqlCapabilities } from './ports/sql.js';
// SQL helpers: what an executor's engine can do (branch on these, never on an engine's name).
export { EMBEDDED_CAPABILITIES, SERVER_CLIENT_CAPABILITIES, SERVER_POOL_CAPABILITIES, sqlCapabilities } from './ports/sql.js';
export type { SearchDocument } from './search/document.js';
export { facetValues, matchesFilters, SEARCH_TEXT_FIELDS, toSearchDocument } from './search/document.js';
export type { HighlightOptions } from './search/highlight.js';
export { highlightField } from './search/highlight.js';
export type { NormalizedSearchFilters, NormalizedSearchQuery, TypoBudgetOptions } from './search/query.js';
// Search engines: query normalization, tokens and typos, documents, filters, highlights.
export {
  FACET_FILTER,
  isExpandable,
  MAX_QUERY_TOKENS,
  normalizeSearchQuery,
  queryTokens,
  tokenize,
  typoBudget,
} from './search/query.js';
export type { TokenSpan } from './search/tokenize.js';
export { foldText, indexTerms, isStopWord, isSymbolTerm, STOP_WORDS, tokenSpans } from './search/tokenize.js';
