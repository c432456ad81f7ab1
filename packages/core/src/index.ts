/**
 * `@jobkit/core`: the normalized job posting, identity, quality, ports and delivery helpers.
 * @module @jobkit/core
 */
import * as kit from './adapter-kit.js';

export type {
  BatchContext,
  BatchSink,
  BatchWriter,
  BatchWriterEvents,
  BatchWriterOptions,
  BatchWriterRetryOptions,
  BatchWriterStats,
  DeadLetter,
  FailedBatch,
} from './batch-writer.js';
export { createBatchWriter } from './batch-writer.js';
export type { EventOptions } from './delivery/events.js';
export { createEvent, jobEvent } from './delivery/events.js';
export type { OutboxMetrics, OutboxRelayHandle } from './delivery/outbox.js';
export { EVENT_ID_ATTRIBUTE, EVENT_TYPE_ATTRIBUTE, eventToMessage, messageToEvent } from './delivery/outbox.js';
export type { PublishOrCompensateOptions } from './delivery/publish-or-compensate.js';
export { publishOrCompensate } from './delivery/publish-or-compensate.js';
export type { RunSagaOptions, SagaLog, SagaOutcome, SagaRecord, SagaStatus, SagaStep, SagaStepMeta } from './delivery/saga.js';
export { resumeSagas, runSaga } from './delivery/saga.js';
export type { JobkitErrorCode, JobkitErrorOptions } from './errors.js';
export { invalidArgument, JobkitError, optionalDate, optionsObject, readArgument } from './errors.js';
export type { CanonicalizeUrlOptions, CanonicalUrlRule } from './identity.js';
export {
  canonicalizeUrl,
  canonicalUrlRules,
  contentHash,
  jobIdFromUrlHash,
  MAX_STABLE_DEPTH,
  registerCanonicalUrlRules,
  sha256Hex,
  stableStringify,
  urlHash,
  VOLATILE_JOB_FIELDS,
} from './identity.js';
export type { FinalizeJobOptions, NotedDateField } from './job.js';
export { cleanText, dateNotes, finalizeJob, normalizeDate, normalizeDateDetailed } from './job.js';
export type { MemoryAnalytics, MemoryAnalyticsOptions } from './memory/analytics.js';
export { createMemoryAnalytics } from './memory/analytics.js';
export type { FailPublishOptions, MemoryBroker, MemoryBrokerOptions, MemoryBrokerStats } from './memory/broker.js';
export { createMemoryBroker, DEAD_LETTER_ATTRIBUTES } from './memory/broker.js';
export type {
  StaticFetcher,
  StaticFetcherOptions,
  StaticRequest,
  StaticResponse,
  StaticRoute,
} from './memory/fetcher.js';
export { createStaticFetcher } from './memory/fetcher.js';
export type { HostRewriteFetcherOptions, LocalHostRewrite, UrlRewrite } from './memory/host-rewrite.js';
export { createHostRewriteFetcher, createLocalHostRewriteFetcher, HOST_REWRITE_PREFIX, localHostRewrite } from './memory/host-rewrite.js';
export { createMemoryJobStore } from './memory/job-store.js';
export type { MemoryQueueOptions } from './memory/queue.js';
export { createMemoryQueue } from './memory/queue.js';
export { createMemorySagaLog } from './memory/saga-log.js';
export type { AnnualizeResult, CurrencyPeg, FxTable, PayGap, PayOptions } from './pay/index.js';
export {
  annualizeSalary,
  annualizeSalaryDetailed,
  CURRENCY_PEGS,
  convertCurrency,
  DEFAULT_FX_RATES,
  ECB_REFERENCE_RATES,
  withPegs,
} from './pay/index.js';
export type { JobEventConsumerOptions } from './pipeline/consumers.js';
export {
  applyEventsToAnalytics,
  applyEventsToSearch,
  createAnalyticsConsumer,
  createSearchConsumer,
  decodeJobEvent,
} from './pipeline/consumers.js';
export type { Pipeline, PipelineOptions, RunOptions } from './pipeline/pipeline.js';
// Pipeline
export { createPipeline, DEFAULT_JOB_EVENTS_TOPIC } from './pipeline/pipeline.js';
export { boardKeyOf, parseCrawlTask, sourceToTask, taskKey } from './pipeline/source.js';
export type {
  BoardSource,
  CrawlTask,
  // Exported type-only before (through `export type *`); kept so `typeof emptyJobCounts` still compiles.
  emptyJobCounts,
  JobOutcome,
  JobOutcomeKind,
  JobReader,
  PipelineError,
  PipelineEvents,
  PipelineStage,
  PipelineSummary,
  ReaderBoardResult,
  SourceInput,
  TaskReport,
} from './pipeline/types.js';
export { PIPELINE_STAGES } from './pipeline/types.js';
// Analytics: port, application-tracker capability and events, option schemas, in-memory reference, batch writer
export type {
  Analytics,
  ApplicationAnalytics,
  ApplicationEvent,
  ApplicationStats,
  ApplicationStatsOptions,
  ApplicationStatus,
  ApplicationTrend,
  IngestJobsOptions,
  IngestOptions,
  IngestResult,
  JobsPerPeriodOptions,
  JobsPerPeriodRow,
  MedianDaysOpen,
  SalaryGroupBy,
  SalaryPercentileRow,
  SalaryPercentilesOptions,
  ShareRow,
  TopCompaniesOptions,
  TopCompanyRow,
  WorkplaceShareKey,
} from './ports/analytics.js';
export {
  ANALYTICS_SALARY_CURRENCY,
  APPLICATION_EVENT_TYPES,
  ApplicationEventSchema,
  ApplicationStatusSchema,
  DEFAULT_PERCENTILES,
  hasApplicationAnalytics,
  INTERVIEW_STATUSES,
  JobsPerPeriodOptionsSchema,
  RESPONSE_STATUSES,
  SalaryGroupBySchema,
  SalaryPercentilesOptionsSchema,
  TopCompaniesOptionsSchema,
} from './ports/analytics.js';
export type {
  Broker,
  MessageHandler,
  PublishMessage,
  ReceivedMessage,
  SubscribeOptions,
  Subscription,
} from './ports/broker.js';
export { decodeJson, encodeJson } from './ports/broker.js';
export type { CheckStatusOptions, FetchEvent, Fetcher, FetchOptions, FetchResult } from './ports/fetcher.js';
export { checkStatus, fetchOk } from './ports/fetcher.js';
export type {
  JobChange,
  JobChangeKind,
  JobFilter,
  JobPage,
  JobStore,
  JobStoreStats,
  ListJobsOptions,
  MarkMissingInput,
  RejectedJob,
  StoredJob,
  UpsertJobsOptions,
  UpsertResult,
} from './ports/job-store.js';
// Delivery: job store reference, work queue port, events, outbox messages, sagas
export type { ClaimOptions, EnqueueOptions, FailOutcome, QueueJob, QueueJobStatus, QueueStats, WorkQueue } from './ports/queue.js';
// Search: port and query validation
export type {
  FacetCount,
  OneOrMany,
  SearchFacetField,
  SearchFilters,
  SearchHighlight,
  SearchHit,
  SearchIndex,
  SearchQuery,
  SearchResult,
  SearchSort,
  SearchUpsertResult,
} from './ports/search-index.js';
export { SEARCH_FACET_FIELDS } from './ports/search-index.js';
// Ports
export type { SqlCapabilities, SqlExecutor, SqlResult } from './ports/sql.js';
export type { ScorableJob, ScoreQualityOptions, ShapeContext, ShapeIssue } from './quality.js';
export { companyShapeIssues, DEFAULT_QUALITY_THRESHOLD, scoreQuality, titleShapeIssues } from './quality.js';
export type { EventEnvelope, JobEvent, JobEventType } from './schema/events.js';
export {
  EventEnvelopeSchema,
  JOB_EVENT_TYPES,
  JobCreatedPayloadSchema,
  JobEventSchema,
  JobRemovedPayloadSchema,
  JobUpdatedPayloadSchema,
} from './schema/events.js';
export type {
  AnnualizedSalary,
  AtsMatch,
  AtsRef,
  Company,
  Confidence,
  DateNote,
  DateNotes,
  Description,
  EmploymentType,
  FieldConfidence,
  FieldSource,
  JobDraft,
  JobPosting,
  JobSource,
  Location,
  ParsedJobPage,
  Provenance,
  ProvenanceField,
  Quality,
  QualityRuleResult,
  Salary,
  SalaryPeriod,
  WorkplaceType,
} from './schema/job-posting.js';
export {
  AnnualizedSalarySchema,
  AtsMatchSchema,
  AtsRefSchema,
  CompanySchema,
  ConfidenceSchema,
  DateNoteSchema,
  DateNotesSchema,
  DescriptionSchema,
  EmploymentTypeSchema,
  FieldConfidenceSchema,
  FieldSourceSchema,
  JOB_TEXT_LIMITS,
  JobDraftSchema,
  JobPostingSchema,
  JobSourceSchema,
  LocationSchema,
  ParsedJobPageSchema,
  PROVENANCE_FIELDS,
  ProvenanceSchema,
  QualityRuleResultSchema,
  QualitySchema,
  SalaryPeriodSchema,
  SalarySchema,
  WorkplaceTypeSchema,
} from './schema/job-posting.js';
export { jobPostingJsonSchema } from './schema/json-schema.js';
export type { GoogleJobPostingReport } from './schema-org.js';
export { toSchemaOrgJobPosting, validateGoogleJobPosting } from './schema-org.js';
export { MAX_PER_PAGE, SearchQuerySchema } from './search/query.js';
export type { CrawlWorker, EnqueueCrawlTasksOptions, WorkerOptions, WorkerStats } from './worker/worker.js';
// Distributed workers
export {
  createWorker,
  DEFAULT_CRAWL_SUBSCRIPTION,
  DEFAULT_CRAWL_TOPIC,
  enqueueCrawlTasks,
  TASK_KEY_ATTRIBUTE,
} from './worker/worker.js';

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
