/**
 * Worker barrel: distributed crawl workers over a broker.
 * @module
 */
export { createWorker, enqueueCrawlTasks, DEFAULT_CRAWL_TOPIC, DEFAULT_CRAWL_SUBSCRIPTION, TASK_KEY_ATTRIBUTE } from './worker.js';
export type { WorkerOptions, WorkerStats, CrawlWorker, EnqueueCrawlTasksOptions } from './worker.js';
