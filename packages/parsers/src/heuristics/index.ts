/**
 * Heuristic job-page extraction for pages without structured data.
 * @module
 */

export type { HeuristicContext, HeuristicResult, PageKind } from './extract.js';
export { cleanTitle, extractHeuristics } from './extract.js';
