/**
 * Heuristic job-page extraction for pages without structured data.
 * @module
 */
export { extractHeuristics, cleanTitle } from './extract.js';
export type { HeuristicContext, HeuristicResult, PageKind } from './extract.js';
