/**
 * Board API barrel: `listBoardJobs`, typed board errors and the client contract.
 * @module
 */
export { listBoardJobs, boardPlatforms } from './list.js';
export { BoardNotFound, BoardEmpty, Blocked, Truncated, EndpointChanged } from './errors.js';
export type { BoardRef, ListBoardJobsOptions, BoardJobsResult, BoardClient, BoardContext, BoardListing, BoardPlatform } from './types.js';
export type { SkippedRow } from './rows.js';
