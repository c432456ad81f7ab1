/**
 * Pipeline barrel: `createPipeline`, the `JobReader` contract, crawl tasks, consumers and the
 * in-memory crawl queue.
 * @module
 */
export { createPipeline, DEFAULT_JOB_EVENTS_TOPIC } from './pipeline.js';
export type { Pipeline, PipelineOptions, RunOptions } from './pipeline.js';
export { processTask, asJobkitError, createPageUpserter } from './process-task.js';
export type { StageDeps, ProcessTaskOptions, StageUpsert, PageUpsert } from './process-task.js';
export { sourceToTask, parseCrawlTask, taskKey, boardKeyOf } from './source.js';
export { createSearchConsumer, createAnalyticsConsumer, decodeJobEvent, applyEventsToSearch, applyEventsToAnalytics } from './consumers.js';
export type { JobEventConsumerOptions } from './consumers.js';
export { createMemoryQueue } from './memory-queue.js';
export type { MemoryQueueOptions } from './memory-queue.js';
export { createCoalescer } from './coalesce.js';
export type { Coalescer, CoalescerOptions } from './coalesce.js';
export { PIPELINE_STAGES } from './types.js';
export type * from './types.js';
