/**
 * The flat document a search engine indexes for one {@link JobPosting}: searchable text, facet
 * values and sort keys, derived the same way for every engine.
 * @module
 */

import type { SearchFacetField } from '../ports/search-index.js';
import type { JobPosting } from '../schema/job-posting.js';
import type { NormalizedSearchFilters } from './query.js';

/** Searchable and filterable projection of a posting (snake_case, as stored in Typesense). */
export interface SearchDocument {
  id: string;
  title: string;
  company: string;
  /**
   * The canonical label (`display`, "Munich, Bavaria, Germany") of every location that has one, else its
   * `raw` text and `city`; deduplicated. Facets and filters see one value per place.
   */
  locations: string[];
  /** Upper-case ISO 3166-1 alpha-2 codes (the resolved, canonical country), deduplicated. */
  countries: string[];
  /** Department or team, when the source names one. */
  department?: string;
  /**
   * Words for the posting's workplace and employment types ("remote", "internship intern",
   * "part time"), so a search for `intern` or `remote` finds what the facets hold.
   */
  keywords: string[];
  /** Plain-text description. */
  description: string;
  workplace_type?: string;
  employment_types: string[];
  /**
   * Comparable pay: `salary.annualized.min ?? .max` (annual, in the base currency, set by
   * `finalizeJob`). Absent when the posting has no annual figure (no salary, no stated period,
   * or a currency without a rate): a raw amount in another currency or period would sort and
   * filter as if it were comparable, so such postings stay out of pay filters and sort last.
   */
  salary_min?: number;
  /** `salary.annualized.max ?? .min`; absent when `salary_min` is. */
  salary_max?: number;
  /** `datePosted` in epoch ms; 0 when unknown so such postings sort last and never pass `postedAfter`. */
  posted_at: number;
  ats_platform?: string;
  quality_score: number;
}

/**
 * Document fields searched by free text, most important first, with their relative weight:
 * title > company > location and department > type keywords > description.
 */
export const SEARCH_TEXT_FIELDS = [
  { field: 'title', weight: 6 },
  { field: 'company', weight: 3 },
  { field: 'locations', weight: 2 },
  { field: 'department', weight: 2 },
  { field: 'keywords', weight: 1.5 },
  { field: 'description', weight: 1 },
] as const;

const EMPLOYMENT_WORDS: Record<string, string> = {
  full_time: 'full time fulltime',
  part_time: 'part time parttime',
  contract: 'contract contractor freelance',
  temporary: 'temporary temp',
  internship: 'internship intern',
  volunteer: 'volunteer',
  per_diem: 'per diem',
  other: '',
};
const WORKPLACE_WORDS: Record<string, string> = { onsite: 'onsite on-site office', hybrid: 'hybrid', remote: 'remote' };

/** Project a posting to its search document. */
export function toSearchDocument(job: JobPosting): SearchDocument {
  const locations = new Set<string>();
  const countries = new Set<string>();
  for (const loc of job.locations) {
    if (loc.display?.trim()) locations.add(loc.display.trim());
    else {
      if (loc.raw.trim()) locations.add(loc.raw.trim());
      if (loc.city?.trim()) locations.add(loc.city.trim());
    }
    if (loc.country) countries.add(loc.country.toUpperCase());
  }
  const doc: SearchDocument = {
    id: job.id,
    title: job.title,
    company: job.company.name,
    locations: [...locations],
    countries: [...countries],
    keywords: [
      ...(job.workplaceType ? [WORKPLACE_WORDS[job.workplaceType] ?? ''] : []),
      ...job.employmentType.map((t) => EMPLOYMENT_WORDS[t] ?? ''),
    ].filter((w) => w !== ''),
    description: job.description.text,
    employment_types: [...new Set(job.employmentType)],
    posted_at: job.datePosted ? Date.parse(job.datePosted) : 0,
    quality_score: job.quality.score,
  };
  if (job.department?.trim()) doc.department = job.department.trim();
  if (job.workplaceType) doc.workplace_type = job.workplaceType;
  if (job.ats) doc.ats_platform = job.ats.platform;
  const pay = job.salary?.annualized;
  const lo = pay?.min ?? pay?.max ?? null;
  const hi = pay?.max ?? pay?.min ?? null;
  if (lo !== null && hi !== null) {
    doc.salary_min = lo;
    doc.salary_max = hi;
  }
  return doc;
}

/** Values a document contributes to a facet (several for multi-valued fields). */
export function facetValues(doc: SearchDocument, field: SearchFacetField): readonly string[] {
  switch (field) {
    case 'company':
      return [doc.company];
    case 'country':
      return doc.countries;
    case 'location':
      return doc.locations;
    case 'workplaceType':
      return doc.workplace_type ? [doc.workplace_type] : [];
    case 'employmentType':
      return doc.employment_types;
    case 'atsPlatform':
      return doc.ats_platform ? [doc.ats_platform] : [];
  }
}

const anyOf = (values: readonly string[], wanted: readonly string[] | undefined): boolean =>
  wanted === undefined || values.some((v) => wanted.includes(v));
// Single-valued fields checked without allocating: this runs once per candidate document.
const isOneOf = (value: string | undefined, wanted: readonly string[] | undefined): boolean =>
  wanted === undefined || (value !== undefined && wanted.includes(value));

/**
 * Reference filter semantics (what every engine must reproduce). Engines may use faster
 * structures, but their results must equal this predicate's.
 */
export function matchesFilters(doc: SearchDocument, f: NormalizedSearchFilters): boolean {
  if (!isOneOf(doc.company, f.company)) return false;
  if (!anyOf(doc.countries, f.country)) return false;
  if (!anyOf(doc.locations, f.locations)) return false;
  if (!isOneOf(doc.workplace_type, f.workplaceType)) return false;
  if (!anyOf(doc.employment_types, f.employmentType)) return false;
  if (!isOneOf(doc.ats_platform, f.atsPlatform)) return false;
  if (f.salaryMin !== undefined && !(doc.salary_max !== undefined && doc.salary_max >= f.salaryMin)) return false;
  if (f.salaryMax !== undefined && !(doc.salary_min !== undefined && doc.salary_min <= f.salaryMax)) return false;
  if (f.postedAfterMs !== undefined && !(doc.posted_at > 0 && doc.posted_at >= f.postedAfterMs)) return false;
  return true;
}
