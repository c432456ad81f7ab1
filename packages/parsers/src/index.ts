/**
 * `@jobkit/parsers`: ATS detection, structured-data and heuristic parsing, normalizers.
 * @module
 */
export {};
export {
  parseSalary,
  parseLocation,
  parseWorkplaceType,
  parseEmploymentType,
  parseDate,
  normalizeCountry,
  normalizeCurrency,
} from './normalize/index.js';
export type { ParsedLocation } from './normalize/index.js';
