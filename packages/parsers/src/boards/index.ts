/**
 * Board API barrel: `listBoardJobs`, typed board errors and the client contract.
 * @module
 */

export { Blocked, BoardEmpty, BoardNotFound, EndpointChanged, Truncated } from './errors.js';
export { boardPlatforms, listBoardJobs } from './list.js';
export type { SkippedRow } from './rows.js';
export type { BoardClient, BoardContext, BoardJobsResult, BoardListing, BoardPlatform, BoardRef, ListBoardJobsOptions } from './types.js';
