/**
 * Contract suites for every port, exported so you can run them against your own adapter.
 * Requires `vitest` (an optional peer dependency).
 * @module @jobkit/core/testing
 */
export {};
export { runBrokerContract, BROKER_CONTRACT_CASES } from './broker-contract.js';
export type { BrokerContractOptions, BrokerContractCase } from './broker-contract.js';
export { runJobStoreContract, contractJob } from './job-store-contract.js';
export type { JobStoreContractOptions } from './job-store-contract.js';
export { runSearchIndexContract, SEARCH_CONTRACT_CASES, searchContractJobs, searchRelevanceJobs, bulkSearchJob } from './search-contract.js';
export type { SearchIndexContractOptions, SearchContractCase } from './search-contract.js';
export { runAnalyticsContract } from './analytics-contract.js';
export type { AnalyticsContractOptions, AnalyticsContractContext } from './analytics-contract.js';
export { runWorkQueueContract, QUEUE_CONTRACT_CASES } from './queue-contract.js';
export type { QueueContractOptions, QueueContractSettings, QueueContractCase } from './queue-contract.js';
export { runSagaLogContract, SAGA_LOG_CONTRACT_CASES } from './saga-log-contract.js';
export type { SagaLogContractOptions, SagaLogContractContext, SagaLogContractCase } from './saga-log-contract.js';
export {
  runFetcherContract,
  FETCHER_CONTRACT_CASES,
  FETCHER_CONTRACT_ROUTES,
  serveFetcherContractRoutes,
  staticFetcherContractRoutes,
} from './fetcher-contract.js';
export type { FetcherContractOptions, FetcherContractRoute, FetcherContractTarget, FetcherContractCase } from './fetcher-contract.js';
