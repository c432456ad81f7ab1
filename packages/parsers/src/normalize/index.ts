/**
 * Normalizers: free text from job pages (salary, location, workplace, employment type, dates,
 * country and currency names) into the typed values of `@jobkit/core`. Pure functions, no I/O.
 * @module
 */
export { parseSalary, MAX_SALARY_INPUT } from './salary.js';
export type { ParseSalaryOptions } from './salary.js';
export { harmonizeLocations, parseLocation, resolveLocation } from './location.js';
export type { ParsedLocation, LocationOptions } from './location.js';
export { lookupCity, lookupRegion, loadGazetteer, countryDisplayName, GAZETTEER_SOURCE, REGIONS_SOURCE } from './gazetteer/index.js';
export type { GazetteerCity, GazetteerRegion, CityLookup } from './gazetteer/index.js';
export { parseWorkplaceType } from './workplace.js';
export { parseEmploymentType } from './employment.js';
export { parseDate } from './date.js';
export type { ParseDateOptions } from './date.js';
export { normalizeCountry } from './countries.js';
export { normalizeCurrency } from './currency.js';
