/**
 * `@jobkit/parsers`: ATS detection, structured-data and heuristic parsing, normalizers.
 * @module @jobkit/parsers
 */
export {};
export {
  parseSalary,
  MAX_SALARY_INPUT,
  parseLocation,
  parseWorkplaceType,
  parseEmploymentType,
  parseDate,
  normalizeCountry,
  normalizeCurrency,
  resolveLocation,
  harmonizeLocations,
  lookupCity,
  lookupRegion,
  loadGazetteer,
  countryDisplayName,
  GAZETTEER_SOURCE,
  REGIONS_SOURCE,
} from './normalize/index.js';
export type { ParsedLocation, LocationOptions, GazetteerCity, GazetteerRegion, CityLookup } from './normalize/index.js';
export { parseJobPage } from './parse-job-page.js';
export type { ParseJobPageOptions } from './parse-job-page.js';
export { extractJobLinks, isJobUrl } from './links/index.js';
export type { ExtractJobLinksOptions, JobLink, JobLinks } from './links/index.js';
export { defineSite, siteProfiles, sitesForHost } from './sites/index.js';
export type { SiteDefinition, SiteField, SiteListing } from './sites/index.js';
export { sanitizeDescription, htmlToText } from './html/sanitize.js';
export type { SanitizedDescription } from './html/sanitize.js';
export { listBoardJobs, boardPlatforms, BoardNotFound, BoardEmpty, Blocked, Truncated, EndpointChanged } from './boards/index.js';
export type { BoardRef, ListBoardJobsOptions, BoardJobsResult, BoardClient, BoardContext, BoardListing, BoardPlatform, SkippedRow } from './boards/index.js';
export {
  detectAts,
  detectAtsFromSignals,
  detectAtsCandidates,
  collectPageSignals,
  atsPlatforms,
  atsPlatformTable,
  getAtsPlatform,
  ATS_PLATFORM_IDS,
  defineAts,
  atsCanonicalUrlRules,
} from './ats/index.js';
export type {
  AtsPlatformId,
  AtsDefinition,
  AtsUrlMatch,
  AtsPageMatch,
  AtsApiHints,
  AtsBoardClient,
  AtsCanonicalUrl,
  AtsDefinitionInput,
  AtsCapabilities,
  AtsPlatformTableRow,
  PageSignals,
  CollectPageSignalsOptions,
  DetectAtsOptions,
} from './ats/index.js';
export { jobReader } from './job-reader.js';
export { discoverCareerPages } from './discovery/index.js';
export type { CareerPageCandidate, DiscoverCareerPagesOptions, DiscoveredCareerPages } from './discovery/index.js';
