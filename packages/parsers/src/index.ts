/**
 * `@jobkit/parsers`: ATS detection, structured-data and heuristic parsing, normalizers.
 * @module @jobkit/parsers
 */

export type {
  AtsApiHints,
  AtsBoardClient,
  AtsCanonicalUrl,
  AtsCapabilities,
  AtsDefinition,
  AtsDefinitionInput,
  AtsPageMatch,
  AtsPlatformId,
  AtsPlatformTableRow,
  AtsUrlMatch,
  CollectPageSignalsOptions,
  DetectAtsOptions,
  PageSignals,
} from './ats/index.js';
export {
  ATS_PLATFORM_IDS,
  atsCanonicalUrlRules,
  atsPlatforms,
  atsPlatformTable,
  collectPageSignals,
  defineAts,
  detectAts,
  detectAtsCandidates,
  detectAtsFromSignals,
  getAtsPlatform,
} from './ats/index.js';
export type {
  BoardClient,
  BoardContext,
  BoardJobsResult,
  BoardListing,
  BoardPlatform,
  BoardRef,
  ListBoardJobsOptions,
  SkippedRow,
} from './boards/index.js';
export { Blocked, BoardEmpty, BoardNotFound, boardPlatforms, EndpointChanged, listBoardJobs, Truncated } from './boards/index.js';
export type { CareerPageCandidate, DiscoverCareerPagesOptions, DiscoveredCareerPages } from './discovery/index.js';
export { discoverCareerPages } from './discovery/index.js';
export type { SanitizedDescription } from './html/sanitize.js';
export { htmlToText, sanitizeDescription } from './html/sanitize.js';
export { jobReader } from './job-reader.js';
export type { ExtractJobLinksOptions, JobLink, JobLinks } from './links/index.js';
export { extractJobLinks, isJobUrl } from './links/index.js';
export type {
  CityLookup,
  GazetteerCity,
  GazetteerRegion,
  LocationOptions,
  ParseDateOptions,
  ParsedLocation,
  ParseSalaryOptions,
} from './normalize/index.js';
export {
  cityById,
  countryDisplayName,
  GAZETTEER_SOURCE,
  harmonizeLocations,
  loadGazetteer,
  lookupCity,
  lookupRegion,
  MAX_SALARY_INPUT,
  normalizeCountry,
  normalizeCurrency,
  parseDate,
  parseEmploymentType,
  parseLocation,
  parseSalary,
  parseWorkplaceType,
  REGIONS_SOURCE,
  resolveLocation,
} from './normalize/index.js';
export type { ParseJobPageOptions } from './parse-job-page.js';
export { parseJobPage } from './parse-job-page.js';
export type {
  EmbeddedFields,
  Selectors,
  SiteCriteria,
  SiteDefinition,
  SiteEmbedded,
  SiteField,
  SiteListing,
  SiteRead,
  SiteReadContext,
  TitleParts,
} from './sites/index.js';
export { defineSite, siteProfiles, sitesForHost } from './sites/index.js';
