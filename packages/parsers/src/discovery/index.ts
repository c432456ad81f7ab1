/**
 * Discovery barrel: from a company domain to careers pages and ATS boards.
 * @module
 */
export { discoverCareerPages } from './discover.js';
export type { CareerPageCandidate, DiscoverCareerPagesOptions, DiscoveredCareerPages } from './discover.js';
