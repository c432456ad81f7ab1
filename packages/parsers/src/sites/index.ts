/**
 * Job-board site profiles: one declarative file per board (host match, selectors per field,
 * listing selectors), tried after structured data and before the generic heuristics.
 * @module
 */

export type { SiteRead, SiteReadContext } from './read.js';
export { readSite } from './read.js';
export { siteForPage, siteProfiles, sitesForHost } from './registry.js';
export type { EmbeddedFields, Selectors, SiteCriteria, SiteDefinition, SiteEmbedded, SiteField, SiteListing, TitleParts } from './types.js';
export { defineSite } from './types.js';
