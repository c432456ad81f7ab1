/**
 * Contract suites for every port, exported so you can run them against your own adapter.
 * Requires `vitest` (an optional peer dependency).
 * @module @jobkit/core/testing
 */

export type { AnalyticsContractContext, AnalyticsContractOptions } from './analytics-contract.js';
export { runAnalyticsContract } from './analytics-contract.js';
export type { BrokerContractCase, BrokerContractOptions } from './broker-contract.js';
export { BROKER_CONTRACT_CASES, runBrokerContract } from './broker-contract.js';
export type { FetcherContractCase, FetcherContractOptions, FetcherContractRoute, FetcherContractTarget } from './fetcher-contract.js';
export {
  FETCHER_CONTRACT_CASES,
  FETCHER_CONTRACT_ROUTES,
  runFetcherContract,
  serveFetcherContractRoutes,
  staticFetcherContractRoutes,
} from './fetcher-contract.js';
export type { JobStoreContractOptions } from './job-store-contract.js';
export { contractJob, runJobStoreContract } from './job-store-contract.js';
export type { QueueContractCase, QueueContractOptions, QueueContractSettings } from './queue-contract.js';
export { QUEUE_CONTRACT_CASES, runWorkQueueContract } from './queue-contract.js';
export type { SagaLogContractCase, SagaLogContractContext, SagaLogContractOptions } from './saga-log-contract.js';
export { runSagaLogContract, SAGA_LOG_CONTRACT_CASES } from './saga-log-contract.js';
export type { SearchContractCase, SearchIndexContractOptions } from './search-contract.js';
export {
  bulkSearchJob,
  runSearchIndexContract,
  SEARCH_CONTRACT_CASES,
  searchContractJobs,
  searchRelevanceJobs,
} from './search-contract.js';
