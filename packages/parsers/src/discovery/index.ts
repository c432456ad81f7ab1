/**
 * Discovery barrel: from a company domain to careers pages and ATS boards.
 * @module
 */

export type { CareerPageCandidate, DiscoverCareerPagesOptions, DiscoveredCareerPages } from './discover.js';
export { discoverCareerPages } from './discover.js';
