/**
 * `@jobkit/core`: the normalized job posting, identity, quality, ports and delivery helpers.
 * @module @jobkit/core
 */
import * as kit from './adapter-kit.js';

export { JobkitError, invalidArgument } from './errors.js';
export type { JobkitErrorCode, JobkitErrorOptions } from './errors.js';

export {
  JobSourceSchema, FieldSourceSchema, WorkplaceTypeSchema, EmploymentTypeSchema,
  SalaryPeriodSchema, CompanySchema, LocationSchema, AnnualizedSalarySchema,
  SalarySchema, DescriptionSchema, AtsRefSchema, QualityRuleResultSchema,
  QualitySchema, PROVENANCE_FIELDS, ProvenanceSchema, FieldConfidenceSchema,
  ConfidenceSchema, JobPostingSchema, JobDraftSchema, AtsMatchSchema,
  ParsedJobPageSchema,
} from './schema/job-posting.js';
export type {
  JobSource, FieldSource, WorkplaceType, EmploymentType, SalaryPeriod, Company,
  Location, AnnualizedSalary, Salary, Description, AtsRef, QualityRuleResult,
  Quality, ProvenanceField, Provenance, FieldConfidence, Confidence, JobPosting,
  JobDraft, AtsMatch, ParsedJobPage,
} from './schema/job-posting.js';
export {
  JOB_EVENT_TYPES,
  EventEnvelopeSchema,
  JobCreatedPayloadSchema,
  JobUpdatedPayloadSchema,
  JobRemovedPayloadSchema,
  JobEventSchema,
} from './schema/events.js';
export type { JobEventType, EventEnvelope, JobEvent } from './schema/events.js';
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
export type { SqlCapabilities, SqlExecutor, SqlResult } from './ports/sql.js';
export type {
  JobFilter,
  StoredJob,
  JobChangeKind,
  JobChange,
  UpsertJobsOptions,
  RejectedJob,
  UpsertResult,
  ListJobsOptions,
  JobPage,
  MarkMissingInput,
  JobStoreStats,
  JobStore,
} from './ports/job-store.js';
export type {
  Broker,
  PublishMessage,
  ReceivedMessage,
  MessageHandler,
  SubscribeOptions,
  Subscription,
} from './ports/broker.js';
export { encodeJson, decodeJson } from './ports/broker.js';
export type { Fetcher, FetchOptions, FetchResult, FetchEvent, CheckStatusOptions } from './ports/fetcher.js';
export { checkStatus, fetchOk } from './ports/fetcher.js';
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

// Delivery: job store reference, work queue port, events, outbox messages, sagas
export type { EnqueueOptions, QueueJobStatus, QueueJob, ClaimOptions, FailOutcome, QueueStats, WorkQueue } from './ports/queue.js';
export { createMemoryJobStore } from './memory/job-store.js';
export { createEvent, jobEvent } from './delivery/events.js';
export type { EventOptions } from './delivery/events.js';
export { EVENT_ID_ATTRIBUTE, EVENT_TYPE_ATTRIBUTE, eventToMessage, messageToEvent } from './delivery/outbox.js';
export type { OutboxMetrics, OutboxRelayHandle } from './delivery/outbox.js';
export { runSaga, resumeSagas } from './delivery/saga.js';
export { createMemorySagaLog } from './memory/saga-log.js';
export type { SagaStatus, SagaStep, SagaStepMeta, SagaRecord, SagaLog, RunSagaOptions, SagaOutcome } from './delivery/saga.js';
export { publishOrCompensate } from './delivery/publish-or-compensate.js';
export type { PublishOrCompensateOptions } from './delivery/publish-or-compensate.js';

// Search: port and query validation
export type {
  SearchFacetField,
  SearchSort,
  OneOrMany,
  SearchFilters,
  SearchQuery,
  SearchHighlight,
  SearchHit,
  FacetCount,
  SearchResult,
  SearchUpsertResult,
  SearchIndex,
} from './ports/search-index.js';
export { SEARCH_FACET_FIELDS } from './ports/search-index.js';
export { SearchQuerySchema, MAX_PER_PAGE } from './search/query.js';

// Analytics: port, application-tracker capability and events, option schemas, in-memory reference, batch writer
export type {
  Analytics,
  ApplicationAnalytics,
  ApplicationStatus,
  ApplicationEvent,
  JobsPerPeriodOptions,
  JobsPerPeriodRow,
  TopCompaniesOptions,
  TopCompanyRow,
  SalaryGroupBy,
  SalaryPercentilesOptions,
  SalaryPercentileRow,
  ShareRow,
  WorkplaceShareKey,
  MedianDaysOpen,
  ApplicationStatsOptions,
  ApplicationTrend,
  ApplicationStats,
  IngestOptions,
  IngestJobsOptions,
  IngestResult,
} from './ports/analytics.js';
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
  ANALYTICS_SALARY_CURRENCY,
  hasApplicationAnalytics,
} from './ports/analytics.js';
export { createMemoryAnalytics } from './memory/analytics.js';
export type { MemoryAnalytics, MemoryAnalyticsOptions } from './memory/analytics.js';
export { createBatchWriter } from './batch-writer.js';
export type {
  BatchContext,
  BatchSink,
  FailedBatch,
  DeadLetter,
  BatchWriterRetryOptions,
  BatchWriterOptions,
  BatchWriterStats,
  BatchWriterEvents,
  BatchWriter,
} from './batch-writer.js';

// Pipeline
export { createPipeline, DEFAULT_JOB_EVENTS_TOPIC } from './pipeline/pipeline.js';
export type { Pipeline, PipelineOptions, RunOptions } from './pipeline/pipeline.js';
export { sourceToTask, parseCrawlTask, taskKey, boardKeyOf } from './pipeline/source.js';
export {
  createSearchConsumer,
  createAnalyticsConsumer,
  decodeJobEvent,
  applyEventsToSearch,
  applyEventsToAnalytics,
} from './pipeline/consumers.js';
export type { JobEventConsumerOptions } from './pipeline/consumers.js';
export { createMemoryQueue } from './memory/queue.js';
export type { MemoryQueueOptions } from './memory/queue.js';
export { PIPELINE_STAGES } from './pipeline/types.js';
export type {
  BoardSource,
  ReaderBoardResult,
  JobReader,
  SourceInput,
  CrawlTask,
  PipelineStage,
  JobOutcomeKind,
  JobOutcome,
  TaskReport,
  PipelineError,
  PipelineSummary,
  PipelineEvents,
  // Exported type-only before (through `export type *`); kept so `typeof emptyJobCounts` still compiles.
  emptyJobCounts,
} from './pipeline/types.js';

// Distributed workers
export {
  createWorker,
  enqueueCrawlTasks,
  DEFAULT_CRAWL_TOPIC,
  DEFAULT_CRAWL_SUBSCRIPTION,
  TASK_KEY_ATTRIBUTE,
} from './worker/worker.js';
export type { WorkerOptions, WorkerStats, CrawlWorker, EnqueueCrawlTasksOptions } from './worker/worker.js';

// Deprecated: adapter-author helpers, moved to `@jobkit/core/adapter-kit`. These root aliases
// stay for one minor release so existing imports keep working.
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const prepareUpsert = kit.prepareUpsert;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const parseListOptions = kit.parseListOptions;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const parseMarkMissing = kit.parseMarkMissing;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const encodeJobCursor = kit.encodeJobCursor;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const decodeJobCursor = kit.decodeJobCursor;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const matchesJobFilter = kit.matchesJobFilter;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const compareStoredJobs = kit.compareStoredJobs;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const NO_PLATFORM = kit.NO_PLATFORM;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const unstorableText = kit.unstorableText;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const rejectedJob = kit.rejectedJob;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const jobEventsFromChanges = kit.jobEventsFromChanges;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const changedJobFields = kit.changedJobFields;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const contentHashWithJson = kit.contentHashWithJson;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const backoffDelay = kit.backoffDelay;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const createFetchResult = kit.createFetchResult;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const processTask = kit.processTask;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const asJobkitError = kit.asJobkitError;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const createPageUpserter = kit.createPageUpserter;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const createCoalescer = kit.createCoalescer;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const jobFacts = kit.jobFacts;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const roundTo = kit.roundTo;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const percentileKey = kit.percentileKey;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const JOB_EVENT_RANK = kit.JOB_EVENT_RANK;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const YEARLY_FACTOR = kit.YEARLY_FACTOR;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const percentileR7 = kit.percentileR7;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const periodStart = kit.periodStart;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const normalizeSearchQuery = kit.normalizeSearchQuery;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const FACET_FILTER = kit.FACET_FILTER;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const tokenize = kit.tokenize;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const typoBudget = kit.typoBudget;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const queryTokens = kit.queryTokens;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const isExpandable = kit.isExpandable;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const MAX_QUERY_TOKENS = kit.MAX_QUERY_TOKENS;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const foldText = kit.foldText;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const tokenSpans = kit.tokenSpans;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const indexTerms = kit.indexTerms;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const isStopWord = kit.isStopWord;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const isSymbolTerm = kit.isSymbolTerm;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const STOP_WORDS = kit.STOP_WORDS;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const toSearchDocument = kit.toSearchDocument;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const facetValues = kit.facetValues;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const matchesFilters = kit.matchesFilters;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const SEARCH_TEXT_FIELDS = kit.SEARCH_TEXT_FIELDS;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export const highlightField = kit.highlightField;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export type PreparedJob = kit.PreparedJob;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export type BackoffOptions = kit.BackoffOptions;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export type FetchResultInit = kit.FetchResultInit;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export type StageDeps = kit.StageDeps;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export type ProcessTaskOptions = kit.ProcessTaskOptions;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export type StageUpsert = kit.StageUpsert;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export type PageUpsert = kit.PageUpsert;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export type Coalescer<T, R> = kit.Coalescer<T, R>;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export type CoalescerOptions = kit.CoalescerOptions;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export type NormalizedSearchQuery = kit.NormalizedSearchQuery;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export type NormalizedSearchFilters = kit.NormalizedSearchFilters;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export type TypoBudgetOptions = kit.TypoBudgetOptions;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export type TokenSpan = kit.TokenSpan;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export type SearchDocument = kit.SearchDocument;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export type HighlightOptions = kit.HighlightOptions;
/** @deprecated Import it from `@jobkit/core/adapter-kit`; this root export is removed in the next minor release. */
export type JobFacts = kit.JobFacts;
