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
