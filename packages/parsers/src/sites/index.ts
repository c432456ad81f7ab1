/**
 * Job-board site profiles: one declarative file per board (host match, selectors per field,
 * listing selectors), tried after structured data and before the generic heuristics.
 * @module
 */
export { defineSite } from './types.js';
export type { SiteDefinition, SiteField, SiteCriteria, SiteEmbedded, EmbeddedFields, SiteListing, Selectors, TitleParts } from './types.js';
export { siteProfiles, sitesForHost, siteForPage } from './registry.js';
export { readSite } from './read.js';
export type { SiteRead, SiteReadContext } from './read.js';
