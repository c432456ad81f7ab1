/**
 * A {@link JobPosting} as schema.org JobPosting JSON-LD, and a checker for Google's documented
 * required and recommended JobPosting properties (what makes a posting eligible for Google for Jobs).
 * @module
 */
import type { EmploymentType, JobPosting, Location, SalaryPeriod } from './schema/job-posting.js';

const EMPLOYMENT: Record<EmploymentType, string> = {
  full_time: 'FULL_TIME',
  part_time: 'PART_TIME',
  contract: 'CONTRACTOR',
  temporary: 'TEMPORARY',
  internship: 'INTERN',
  volunteer: 'VOLUNTEER',
  per_diem: 'PER_DIEM',
  other: 'OTHER',
};
const EMPLOYMENT_VALUES = new Set(Object.values(EMPLOYMENT));

const UNIT: Record<SalaryPeriod, string> = { hour: 'HOUR', day: 'DAY', week: 'WEEK', month: 'MONTH', year: 'YEAR' };
const UNIT_VALUES = new Set(Object.values(UNIT));

function compact<T extends Record<string, unknown>>(o: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));
}

function place(loc: Location): Record<string, unknown> {
  return {
    '@type': 'Place',
    address: compact({
      '@type': 'PostalAddress',
      addressLocality: loc.city,
      addressRegion: loc.region,
      postalCode: loc.postalCode,
      addressCountry: loc.country,
    }),
  };
}

/**
 * Emit schema.org JobPosting JSON-LD for a posting. Fully remote jobs get `jobLocationType:
 * TELECOMMUTE` and `applicantLocationRequirements` from the locations' countries; a remote job's
 * locations with a city are still emitted as `jobLocation` (an office the role belongs to).
 * `identifier` is the ATS job id when known, else Jobkit's id; `directApply` is true when the
 * apply URL is the posting itself.
 */
export function toSchemaOrgJobPosting(job: JobPosting): Record<string, unknown> {
  const remote = job.workplaceType === 'remote';
  const physical = job.locations.filter((l) => l.city || l.region || l.postalCode || (!remote && l.country));
  const countries = [...new Set(job.locations.map((l) => l.country).filter((c): c is string => !!c))];
  const employment = job.employmentType.map((t) => EMPLOYMENT[t]);
  const s = job.salary;
  let baseSalary: Record<string, unknown> | undefined;
  if (s && s.currency && (s.min !== null || s.max !== null)) {
    const single = s.min !== null && s.max !== null && s.min === s.max;
    baseSalary = {
      '@type': 'MonetaryAmount',
      currency: s.currency,
      value: compact({
        '@type': 'QuantitativeValue',
        value: single ? s.min : undefined,
        minValue: single ? undefined : s.min,
        maxValue: single ? undefined : s.max,
        unitText: s.period ? UNIT[s.period] : undefined,
      }),
    };
  }
  const org = compact({
    '@type': 'Organization',
    name: job.company.name,
    sameAs: job.company.domain ? `https://${job.company.domain}` : undefined,
    logo: job.company.logoUrl,
  });
  return compact({
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: job.title,
    description: job.description.html || job.description.text,
    datePosted: job.datePosted,
    validThrough: job.validThrough,
    employmentType: employment.length === 0 ? undefined : employment.length === 1 ? employment[0] : employment,
    hiringOrganization: org,
    jobLocation: physical.length === 0 ? undefined : physical.length === 1 ? place(physical[0]!) : physical.map(place),
    jobLocationType: remote ? 'TELECOMMUTE' : undefined,
    applicantLocationRequirements: remote && countries.length > 0 ? countries.map((c) => ({ '@type': 'Country', name: c })) : undefined,
    baseSalary,
    identifier: {
      '@type': 'PropertyValue',
      name: job.company.name,
      value: job.ats?.jobId ?? job.id,
    },
    directApply: job.applyUrl === null || job.applyUrl === job.url,
    url: job.url,
    occupationalCategory: job.department,
  });
}

/** Result of {@link validateGoogleJobPosting}. */
export interface GoogleJobPostingReport {
  /** No required property missing and no error. */
  valid: boolean;
  /** Google's required properties that are absent or empty. */
  missingRequired: string[];
  /** Google's recommended properties that are absent. */
  missingRecommended: string[];
  /** Present but wrong: bad dates, unknown enum values, salary without currency… */
  errors: string[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const nonEmpty = (v: unknown) => typeof v === 'string' && v.trim().length > 0;

/**
 * Check JSON-LD against Google's JobPosting structured-data rules. Required: `datePosted`,
 * `description`, `hiringOrganization`, `jobLocation` (unless `jobLocationType` is TELECOMMUTE and
 * `applicantLocationRequirements` is given), `title`. Recommended: `applicantLocationRequirements`
 * (remote jobs), `baseSalary`, `employmentType`, `identifier`, `jobLocationType` (when there is no
 * `jobLocation`), `validThrough`, `directApply`.
 */
export function validateGoogleJobPosting(jsonld: unknown): GoogleJobPostingReport {
  const missingRequired: string[] = [];
  const missingRecommended: string[] = [];
  const errors: string[] = [];
  if (!isObj(jsonld)) {
    return { valid: false, missingRequired: [], missingRecommended: [], errors: ['not a JSON-LD object'] };
  }
  const j = jsonld;
  if (!list(j['@type']).includes('JobPosting')) errors.push(`@type must be JobPosting (got ${JSON.stringify(j['@type'])})`);

  if (!nonEmpty(j.title)) missingRequired.push('title');
  else if (/<[a-z][^<>]*>/i.test(j.title as string)) errors.push('title must not contain HTML');
  if (!nonEmpty(j.description)) missingRequired.push('description');

  const dateOk = (name: string): number | undefined => {
    const v = j[name];
    if (v === undefined || v === null) return undefined;
    const ms = typeof v === 'string' ? Date.parse(v) : Number.NaN;
    if (Number.isNaN(ms)) {
      errors.push(`${name} must be an ISO 8601 date (got ${JSON.stringify(v)})`);
      return undefined;
    }
    return ms;
  };
  if (j.datePosted === undefined || j.datePosted === null || j.datePosted === '') missingRequired.push('datePosted');
  const posted = dateOk('datePosted');
  const through = dateOk('validThrough');
  if (posted !== undefined && through !== undefined && through < posted) errors.push('validThrough is before datePosted');

  const org = j.hiringOrganization;
  if (org === undefined || org === null) missingRequired.push('hiringOrganization');
  else if (!(isObj(org) && nonEmpty(org.name)) && !nonEmpty(org)) errors.push('hiringOrganization needs a name');

  const telecommute = list(j.jobLocationType).includes('TELECOMMUTE');
  if (j.jobLocationType !== undefined && !telecommute) errors.push('jobLocationType must be TELECOMMUTE');
  const applicantReqs = list(j.applicantLocationRequirements);
  const locations = list(j.jobLocation);
  if (locations.length === 0 && !(telecommute && applicantReqs.length > 0)) missingRequired.push('jobLocation');
  for (const [i, loc] of locations.entries()) {
    const address = isObj(loc) ? loc.address : undefined;
    if (!isObj(address) && !nonEmpty(address)) {
      errors.push(`jobLocation[${i}] needs an address`);
    } else if (
      isObj(address) &&
      !['addressLocality', 'addressRegion', 'addressCountry', 'postalCode', 'streetAddress'].some((k) => nonEmpty(address[k]))
    ) {
      errors.push(`jobLocation[${i}].address is empty`);
    }
  }
  for (const [i, req] of applicantReqs.entries()) {
    if (!isObj(req) || !nonEmpty(req.name)) errors.push(`applicantLocationRequirements[${i}] needs a name`);
  }

  for (const t of list(j.employmentType)) {
    if (typeof t !== 'string' || !EMPLOYMENT_VALUES.has(t)) errors.push(`employmentType ${JSON.stringify(t)} is not a Google value`);
  }

  const salary = j.baseSalary;
  if (salary !== undefined && salary !== null) {
    if (!isObj(salary)) errors.push('baseSalary must be a MonetaryAmount');
    else {
      if (typeof salary.currency !== 'string' || !/^[A-Z]{3}$/.test(salary.currency))
        errors.push('baseSalary.currency must be an ISO 4217 code');
      const value = salary.value;
      if (isObj(value)) {
        const nums = ['value', 'minValue', 'maxValue'].map((k) => value[k]).filter((v) => v !== undefined);
        if (nums.length === 0 || nums.some((v) => typeof v !== 'number' || v < 0))
          errors.push('baseSalary.value needs non-negative numbers');
        if (typeof value.minValue === 'number' && typeof value.maxValue === 'number' && value.minValue > value.maxValue) {
          errors.push('baseSalary minValue is greater than maxValue');
        }
        if (value.unitText !== undefined && !UNIT_VALUES.has(value.unitText as string)) {
          errors.push(`baseSalary unitText ${JSON.stringify(value.unitText)} is not HOUR/DAY/WEEK/MONTH/YEAR`);
        }
      } else if (typeof value !== 'number') errors.push('baseSalary.value must be a number or QuantitativeValue');
    }
  }
  if (j.directApply !== undefined && typeof j.directApply !== 'boolean') errors.push('directApply must be a boolean');

  if (telecommute && applicantReqs.length === 0) missingRecommended.push('applicantLocationRequirements');
  for (const key of ['baseSalary', 'employmentType', 'identifier'] as const) {
    if (j[key] === undefined || j[key] === null) missingRecommended.push(key);
  }
  if (!telecommute && locations.length === 0) missingRecommended.push('jobLocationType');
  if (j.validThrough === undefined || j.validThrough === null) missingRecommended.push('validThrough');
  if (j.directApply === undefined) missingRecommended.push('directApply');

  return { valid: missingRequired.length === 0 && errors.length === 0, missingRequired, missingRecommended, errors };
}
