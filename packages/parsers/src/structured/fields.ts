/**
 * The partial job every extractor (JSON-LD, microdata, heuristics) produces, and the merge that
 * lets an earlier source win while later ones fill gaps, recording provenance per field.
 * @module
 */
import type {
  Company,
  Description,
  EmploymentType,
  FieldSource,
  Location,
  Provenance,
  ProvenanceField,
  Salary,
  WorkplaceType,
} from '@jobkit/core';

/** Job fields one extractor found; absent means "not stated". */
export interface ExtractedFields {
  title?: string;
  company?: Company;
  locations?: Location[];
  workplaceType?: WorkplaceType;
  employmentType?: EmploymentType[];
  salary?: Salary;
  description?: Description;
  datePosted?: string;
  validThrough?: string;
  applyUrl?: string;
  department?: string;
  /**
   * The reference time (ISO instant, `Z`) a relative `datePosted`/`validThrough` ("3 days ago")
   * was resolved against; it travels with its date and ends up in the posting's `dateNotes`.
   */
  dateReferences?: Partial<Record<'datePosted' | 'validThrough', string>>;
}

/** Fields with provenance, built up source by source. */
export interface MergedFields {
  fields: ExtractedFields;
  provenance: Provenance;
}

function present(field: ProvenanceField, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (field === 'description') return (value as Description).text.trim().length > 0;
  if (typeof value === 'string') return value.trim().length > 0;
  return true;
}

/**
 * Copy fields from `from` that `into` lacks, marking each with `source`
 * (or the per-field override in `sources`, e.g. `derived` for a domain-guessed company).
 */
export function fillGaps(
  into: MergedFields,
  from: ExtractedFields,
  source: FieldSource,
  sources: Partial<Record<ProvenanceField, FieldSource>> = {},
): void {
  for (const key of Object.keys(from) as (ProvenanceField | 'dateReferences')[]) {
    if (key === 'dateReferences') continue;
    const value = from[key];
    if (!present(key, value) || present(key, into.fields[key])) continue;
    (into.fields as Record<string, unknown>)[key] = value;
    into.provenance[key] = sources[key] ?? source;
    const reference = (key === 'datePosted' || key === 'validThrough') && from.dateReferences?.[key];
    if (reference) into.fields.dateReferences = { ...into.fields.dateReferences, [key]: reference };
  }
  // A company found elsewhere may still lack the domain or logo this source knows.
  if (into.fields.company && from.company && into.fields.company !== from.company) {
    const c = into.fields.company;
    if (!c.domain && from.company.domain) c.domain = from.company.domain;
    if (!c.logoUrl && from.company.logoUrl) c.logoUrl = from.company.logoUrl;
  }
}
