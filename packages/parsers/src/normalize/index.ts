/**
 * Normalizers: free text from job pages (salary, location, workplace, employment type, dates,
 * country and currency names) into the typed values of `@jobkit/core`. Pure functions, no I/O.
 * @module
 */

export { normalizeCountry } from './countries.js';
export { normalizeCurrency } from './currency.js';
export type { ParseDateOptions } from './date.js';
export { parseDate } from './date.js';
export { parseEmploymentType } from './employment.js';
export type { CityLookup, GazetteerCity, GazetteerRegion } from './gazetteer/index.js';
export {
  cityById,
  countryDisplayName,
  GAZETTEER_SOURCE,
  loadGazetteer,
  lookupCity,
  lookupRegion,
  REGIONS_SOURCE,
} from './gazetteer/index.js';
export type { LocationOptions, ParsedLocation } from './location.js';
export { harmonizeLocations, parseLocation, resolveLocation } from './location.js';
export type { ParseSalaryOptions } from './salary.js';
export { MAX_SALARY_INPUT, parseSalary } from './salary.js';
export { parseWorkplaceType } from './workplace.js';
