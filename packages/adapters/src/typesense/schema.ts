/**
 * The Typesense collection that holds {@link @jobkit/core!SearchDocument}s: its fields (searched,
 * faceted, sorted on, stored), its tokenizer settings and the map between Jobkit facet names and
 * collection fields.
 * @module
 */
import type { SearchFacetField } from '@jobkit/core';

/** Collection field definition (subset of Typesense's). */
export interface TypesenseField {
  name: string;
  type: string;
  facet?: boolean;
  optional?: boolean;
  index?: boolean;
  sort?: boolean;
}

/** A collection definition as `collections().create()` takes it (subset of Typesense's). */
export interface TypesenseCollectionSchema {
  name: string;
  fields: TypesenseField[];
  default_sorting_field?: string;
  /** Symbols kept inside words (`c++`, `c#`). */
  symbols_to_index?: string[];
  /** Symbols that split words (`ci/cd` → `ci cd`, `node.js` → `node js`). */
  token_separators?: string[];
}

/** Our facet names → collection fields. */
export const FACET_FIELD: Record<SearchFacetField, string> = {
  company: 'company',
  country: 'countries',
  location: 'locations',
  workplaceType: 'workplace_type',
  employmentType: 'employment_types',
  atsPlatform: 'ats_platform',
};
/** Collection fields → our facet names. */
export const FIELD_FACET = Object.fromEntries(Object.entries(FACET_FIELD).map(([k, v]) => [v, k])) as Record<string, SearchFacetField>;

/** The Typesense collection of {@link @jobkit/core!SearchDocument}s: the fields searched, faceted and sorted on. */
export function typesenseCollectionSchema(name: string): TypesenseCollectionSchema {
  return {
    name,
    fields: [
      { name: 'title', type: 'string' },
      { name: 'company', type: 'string', facet: true },
      { name: 'locations', type: 'string[]', facet: true },
      { name: 'countries', type: 'string[]', facet: true },
      { name: 'department', type: 'string', optional: true },
      { name: 'keywords', type: 'string[]', optional: true },
      { name: 'description', type: 'string' },
      { name: 'workplace_type', type: 'string', facet: true, optional: true },
      { name: 'employment_types', type: 'string[]', facet: true },
      { name: 'salary_min', type: 'float', optional: true },
      { name: 'salary_max', type: 'float', optional: true },
      { name: 'posted_at', type: 'int64' },
      { name: 'ats_platform', type: 'string', facet: true, optional: true },
      { name: 'quality_score', type: 'int32' },
      // The full posting, stored (not indexed) so hits return a complete JobPosting.
      { name: 'job', type: 'string', index: false, optional: true },
    ],
    default_sorting_field: 'posted_at',
    // Tech names keep their symbols, as in the embedded tokenizer; `.` and `/` join words there
    // (both the compound and its words are indexed), which separating them here matches best.
    symbols_to_index: ['+', '#'],
    token_separators: ['/', '.'],
  };
}
