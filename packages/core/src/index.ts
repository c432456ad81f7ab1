/**
 * `@jobkit/core`: the normalized job posting, identity, quality, ports and delivery helpers.
 * @module @jobkit/core
 */
export { JobkitError, invalidArgument } from './errors.js';
export type { JobkitErrorCode, JobkitErrorOptions } from './errors.js';

export * from './schema/job-posting.js';
export * from './schema/events.js';
export { jobPostingJsonSchema } from './schema/json-schema.js';

export {
  canonicalizeUrl,
  registerCanonicalUrlRules,
  canonicalUrlRules,
  urlHash,
  contentHash,
  jobIdFromUrlHash,
  sha256Hex,
  stableStringify,
  VOLATILE_JOB_FIELDS,
  contentHashWithJson,
  MAX_STABLE_DEPTH,
} from './identity.js';
export type { CanonicalUrlRule, CanonicalizeUrlOptions } from './identity.js';
export { scoreQuality, DEFAULT_QUALITY_THRESHOLD, titleShapeIssues, companyShapeIssues } from './quality.js';
export type { ScoreQualityOptions, ScorableJob, ShapeIssue, ShapeContext } from './quality.js';
export { toSchemaOrgJobPosting, validateGoogleJobPosting } from './schema-org.js';
export type { GoogleJobPostingReport } from './schema-org.js';
export { finalizeJob, cleanText, normalizeDate } from './job.js';
export type { FinalizeJobOptions } from './job.js';
export { annualizeSalary, convertCurrency, ECB_REFERENCE_RATES } from './pay/index.js';
export type { FxTable, PayOptions } from './pay/index.js';

// Ports
export type { SqlExecutor, SqlResult } from './ports/sql.js';
export type * from './ports/job-store.js';
export type {
  Broker,
  PublishMessage,
  ReceivedMessage,
  MessageHandler,
  SubscribeOptions,
  Subscription,
} from './ports/broker.js';
export { encodeJson, decodeJson } from './ports/broker.js';
export type {
  Fetcher,
  FetchOptions,
  FetchResult,
  FetchEvent,
  FetchResultInit,
  CheckStatusOptions,
} from './ports/fetcher.js';
export { createFetchResult, checkStatus, fetchOk } from './ports/fetcher.js';
export { createStaticFetcher } from './memory/fetcher.js';
export type {
  StaticFetcher,
  StaticFetcherOptions,
  StaticRequest,
  StaticResponse,
  StaticRoute,
} from './memory/fetcher.js';
export { createHostRewriteFetcher, createLocalHostRewriteFetcher, localHostRewrite, HOST_REWRITE_PREFIX } from './memory/host-rewrite.js';
export type { HostRewriteFetcherOptions, LocalHostRewrite, UrlRewrite } from './memory/host-rewrite.js';
export { createMemoryBroker, DEAD_LETTER_ATTRIBUTES } from './memory/broker.js';
export type { MemoryBroker, MemoryBrokerOptions, MemoryBrokerStats, FailPublishOptions } from './memory/broker.js';

// Delivery: job store reference, work queue port, outbox/saga helpers
export type * from './ports/queue.js';
export {
  createMemoryJobStore,
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
export * from './delivery/index.js';

// Search: port, query validation, document mapping (shared by every search engine)
export type * from './ports/search-index.js';
export { SEARCH_FACET_FIELDS } from './ports/search-index.js';
export { normalizeSearchQuery, FACET_FILTER, SearchQuerySchema, tokenize, typoBudget, queryTokens, isExpandable, MAX_PER_PAGE, MAX_QUERY_TOKENS } from './search/query.js';
export { foldText, tokenSpans, indexTerms, isStopWord, isSymbolTerm, STOP_WORDS } from './search/tokenize.js';
export type { TokenSpan } from './search/tokenize.js';
export type { NormalizedSearchQuery, NormalizedSearchFilters, TypoBudgetOptions } from './search/query.js';
export { toSearchDocument, facetValues, matchesFilters, SEARCH_TEXT_FIELDS } from './search/document.js';
export type { SearchDocument } from './search/document.js';
export { highlightField } from './search/highlight.js';
export type { HighlightOptions } from './search/highlight.js';

// Analytics: port, application events, shared derivations, in-memory reference, batch writer
export type * from './ports/analytics.js';
export {
  ApplicationEventSchema,
  ApplicationStatusSchema,
  APPLICATION_EVENT_TYPES,
  RESPONSE_STATUSES,
  INTERVIEW_STATUSES,
  JobsPerPeriodOptionsSchema,
  TopCompaniesOptionsSchema,
  SalaryGroupBySchema,
  SalaryPercentilesOptionsSchema,
  DEFAULT_PERCENTILES,
  YEARLY_FACTOR,
  JOB_EVENT_RANK,
  jobFacts,
  roundTo,
  percentileKey,
} from './ports/analytics.js';
export { createMemoryAnalytics, percentileR7, periodStart } from './memory/analytics.js';
export type { MemoryAnalyticsOptions } from './memory/analytics.js';
export { createBatchWriter } from './batch-writer.js';
export type * from './batch-writer.js';

// Pipeline and distributed workers
export * from './pipeline/index.js';
export * from './worker/index.js';
