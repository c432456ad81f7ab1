/**
 * What a raw board response states, read without the board clients: per platform, where the
 * rows are, each row's title, ids and URLs, and which fields it states. A row is an expected job
 * when it has a title (a non-empty string) and an id or a URL; the fields it states are what the
 * posting should keep. Kept deliberately plain (no shared code with `packages/parsers`), so the
 * bench measures the clients against the responses, not against themselves.
 * @module
 */
import type { JobPosting } from '@jobkit/core';

type Row = Record<string, unknown>;

/** Fields a row can state, and how a posting shows it kept them. */
export const FIELDS = ['location', 'department', 'employment', 'date', 'description', 'workplace', 'salary'] as const;
export type Field = (typeof FIELDS)[number];

export const kept: Record<Field, (job: JobPosting) => boolean> = {
  location: (j) => j.locations.length > 0 || j.workplaceType !== null,
  department: (j) => typeof j.department === 'string' && j.department.trim() !== '',
  employment: (j) => j.employmentType.length > 0,
  date: (j) => j.datePosted !== null,
  description: (j) => j.description.text.trim() !== '',
  workplace: (j) => j.workplaceType !== null,
  salary: (j) => j.salary !== null,
};

const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Row => (isRow(v) ? v : {});
/** A non-empty string (or finite number, for ids). */
const has = (v: unknown): boolean => (typeof v === 'string' ? v.trim() !== '' : typeof v === 'number' ? Number.isFinite(v) : false);
const any = (...vs: unknown[]) => vs.some(has);
const named = (v: unknown): boolean => (Array.isArray(v) ? v.some(named) : isRow(v) ? any(v.name, v.label, v.text, v.value) : has(v));
/** A place: a name, or an object with place parts (`{ city, country }`, `fullLocation`, `location_str`). */
const placed = (v: unknown): boolean =>
  Array.isArray(v)
    ? v.some(placed)
    : isRow(v)
      ? named(v) || any(v.city, v.country, v.region, v.state, v.fullLocation, v.location_str)
      : has(v);
const yes = (v: unknown) => v === true || v === 1 || v === 'true' || v === '1';
const url = (v: unknown) => typeof v === 'string' && /^https?:\/\//i.test(v.trim());

interface Spec {
  rows(body: unknown): unknown[] | undefined;
  title(r: Row): unknown;
  ids(r: Row): unknown[];
  urls(r: Row): unknown[];
  states: Partial<Record<Field, (r: Row) => boolean>>;
  /**
   * A row the platform's API documentation calls not public (an unlisted or draft posting): not
   * an advertised job, so not expected. Only documented flags, never guessed from other fields.
   */
  hidden?(r: Row): boolean;
}

const under = (key: string, alt?: string) => (body: unknown) =>
  Array.isArray(body)
    ? body
    : isRow(body) && Array.isArray(body[key])
      ? (body[key] as unknown[])
      : alt && isRow(body) && Array.isArray(body[alt])
        ? (body[alt] as unknown[])
        : undefined;

/** Personio's XML feed: `<position>` blocks, each tag read by plain string search. */
function xmlRows(body: unknown): unknown[] | undefined {
  if (typeof body !== 'string') return undefined;
  const rows: Row[] = [];
  let at = body.indexOf('<position>');
  while (at !== -1) {
    const end = body.indexOf('</position>', at);
    if (end === -1) break;
    const block = body.slice(at, end);
    const tag = (name: string) => {
      const open = block.indexOf(`<${name}>`);
      if (open === -1) return undefined;
      const close = block.indexOf(`</${name}>`, open);
      return close === -1
        ? undefined
        : block
            .slice(open + name.length + 2, close)
            .replace('<![CDATA[', '')
            .replace(']]>', '')
            .trim();
    };
    rows.push({
      id: tag('id'),
      name: tag('name'),
      office: tag('office'),
      department: tag('department'),
      employmentType: tag('employmentType'),
      schedule: tag('schedule'),
      createdAt: tag('createdAt'),
      jobDescriptions: tag('jobDescriptions'),
    });
    at = body.indexOf('<position>', end);
  }
  return rows;
}

const SPECS: Record<string, Spec> = {
  greenhouse: {
    rows: under('jobs'),
    title: (r) => r.title,
    ids: (r) => [r.id],
    urls: (r) => [r.absolute_url],
    states: {
      location: (r) => placed(r.location) || placed(r.offices),
      department: (r) => named(r.departments),
      date: (r) => any(r.updated_at, r.first_published),
      description: (r) => has(r.content),
      salary: (r) => Array.isArray(r.pay_input_ranges) && r.pay_input_ranges.length > 0,
    },
  },
  lever: {
    // A bare array (public API), or `{ data }` (the authenticated v1 API, which peers mock).
    rows: under('postings', 'data'),
    title: (r) => r.text,
    ids: (r) => [r.id],
    urls: (r) => [r.hostedUrl, r.applyUrl],
    states: {
      location: (r) => any(obj(r.categories).location) || named(obj(r.categories).allLocations) || placed(r.locations),
      department: (r) => any(obj(r.categories).department, obj(r.categories).team) || named(r.department) || named(r.team),
      employment: (r) => any(obj(r.categories).commitment),
      date: (r) => any(r.createdAt),
      description: (r) => any(r.description, r.descriptionPlain, r.descriptionBody, r.descriptionBodyPlain),
      workplace: (r) => typeof r.workplaceType === 'string' && /^(remote|hybrid|on-?site)$/i.test(r.workplaceType),
      salary: (r) => isRow(r.salaryRange) && any(r.salaryRange.min, r.salaryRange.max),
    },
  },
  ashby: {
    // `{ jobs }` (posting API), or `{ results }` (the jobPosting.list API, which peers mock).
    rows: under('jobs', 'results'),
    hidden: (r) => r.isListed === false,
    title: (r) => r.title,
    ids: (r) => [r.id],
    urls: (r) => [r.jobUrl, r.applyUrl, r.url],
    states: {
      location: (r) => placed(r.location) || any(r.locationName) || isRow(obj(r.address).postalAddress) || yes(r.isRemote),
      department: (r) => named(r.department) || any(r.departmentName),
      employment: (r) => any(r.employmentType),
      date: (r) => any(r.publishedAt, r.publishedDate, r.updatedAt),
      description: (r) => any(r.descriptionHtml, r.descriptionPlain),
      workplace: (r) => yes(r.isRemote) || (typeof r.workplaceType === 'string' && /^(remote|hybrid|on-?site)$/i.test(r.workplaceType)),
      // Pay the employer shows: a summary or a salary component, unless it hides pay on its postings.
      salary: (r) =>
        r.shouldDisplayCompensationOnJobPostings !== false &&
        (any(obj(r.compensation).compensationTierSummary, obj(r.compensation).scrapeableCompensationSalarySummary) ||
          (Array.isArray(obj(r.compensation).summaryComponents) &&
            (obj(r.compensation).summaryComponents as unknown[]).some((c) => any(obj(c).minValue, obj(c).maxValue))) ||
          any(obj(r.compensation).min, obj(r.compensation).max)),
    },
  },
  workable: {
    rows: under('jobs'),
    title: (r) => r.title,
    ids: (r) => [r.shortcode, r.id],
    urls: (r) => [r.url, r.shortlink, r.application_url],
    states: {
      location: (r) =>
        any(r.city, r.country, r.state) ||
        placed(r.locations) ||
        named(obj(r.location).city) ||
        named(obj(r.location).country) ||
        any(obj(r.location).location_str) ||
        yes(r.telecommuting),
      department: (r) => named(r.department),
      employment: (r) => any(r.employment_type),
      date: (r) => any(r.published_on, r.created_at),
      description: (r) => any(r.description),
      workplace: (r) => yes(r.telecommuting) || yes(r.remote) || yes(obj(r.location).telecommuting) || any(r.workplace),
    },
  },
  smartrecruiters: {
    rows: under('content'),
    title: (r) => r.name,
    ids: (r) => [r.id, r.uuid],
    urls: (r) => [r.postingUrl, r.applyUrl],
    states: {
      location: (r) => any(obj(r.location).city, obj(r.location).country, obj(r.location).fullLocation) || yes(obj(r.location).remote),
      department: (r) => named(r.department),
      employment: (r) => named(r.typeOfEmployment),
      date: (r) => any(r.releasedDate),
      workplace: (r) => yes(obj(r.location).remote) || yes(obj(r.location).hybrid),
    },
  },
  bamboohr: {
    rows: under('result'),
    title: (r) => r.jobOpeningName,
    ids: (r) => [r.id],
    urls: () => [],
    states: {
      location: (r) => any(obj(r.location).city, obj(r.location).state, obj(r.atsLocation).city, obj(r.atsLocation).country),
      department: (r) => any(r.departmentLabel),
      employment: (r) => any(r.employmentStatusLabel),
      workplace: (r) => yes(r.isRemote) || (typeof r.locationType === 'string' && /^[012]$/.test(r.locationType)),
    },
  },
  recruitee: {
    rows: under('offers'),
    // Recruitee's offer states that are not on the public careers site.
    hidden: (r) => typeof r.status === 'string' && ['draft', 'closed', 'archived', 'internal'].includes(r.status.toLowerCase()),
    title: (r) => r.title,
    ids: (r) => [r.id, r.slug],
    urls: (r) => [r.careers_url, r.careers_apply_url],
    states: {
      location: (r) => any(r.location, r.city, r.country) || placed(r.locations),
      department: (r) => named(r.department),
      employment: (r) => any(r.employment_type_code),
      date: (r) => any(r.published_at, r.created_at),
      description: (r) => any(r.description),
      workplace: (r) => yes(r.remote) || yes(r.hybrid) || yes(r.on_site),
      salary: (r) => isRow(r.salary) && any(r.salary.min, r.salary.max),
    },
  },
  breezy: {
    rows: under('positions'),
    title: (r) => r.name,
    ids: (r) => [r.id, r.friendly_id],
    urls: (r) => [r.url],
    states: {
      location: (r) => placed(r.location),
      department: (r) => named(r.department),
      employment: (r) => named(r.type),
      date: (r) => any(r.published_date),
      description: (r) => any(r.description),
      workplace: (r) => yes(obj(r.location).is_remote),
      salary: (r) => any(r.salary),
    },
  },
  rippling: {
    rows: under('items'),
    title: (r) => r.name,
    ids: (r) => [r.id, r.uuid],
    urls: (r) => [r.url],
    states: {
      location: (r) => placed(r.locations) || placed(r.workLocation),
      department: (r) => named(r.department),
      employment: (r) => named(r.employmentType),
      date: (r) => any(r.createdOn),
      workplace: (r) =>
        Array.isArray(r.locations) &&
        r.locations.some((l) => isRow(l) && typeof l.workplaceType === 'string' && /remote|hybrid|on.?site/i.test(l.workplaceType)),
      salary: (r) => Array.isArray(r.payRangeDetails) && r.payRangeDetails.length > 0,
    },
  },
  workday: {
    rows: under('jobPostings'),
    title: (r) => r.title,
    ids: (r) => [r.externalPath],
    urls: (r) => [r.externalUrl],
    states: {
      // "2 Locations" is a count, not a place.
      location: (r) =>
        typeof r.locationsText === 'string' && r.locationsText.trim() !== '' && !/^\d+ locations?$/i.test(r.locationsText.trim()),
      date: (r) => any(r.postedOn),
    },
  },
  teamtailor: {
    rows: under('items', 'data'),
    title: (r) => r.title ?? obj(r.attributes).title,
    ids: (r) => [r.id],
    urls: (r) => [r.url, obj(r.links)['careersite-job-url']],
    states: {
      location: (r) =>
        (Array.isArray(obj(r._jobposting).jobLocation) && (obj(r._jobposting).jobLocation as unknown[]).length > 0) ||
        any(obj(r._jobposting).location),
      date: (r) => any(r.date_published, obj(r.attributes)['created-at']),
      description: (r) => any(r.content_html, r.content_text, obj(r.attributes).body, obj(r._jobposting).description),
    },
  },
  pinpoint: {
    rows: under('data'),
    title: (r) => r.title,
    ids: (r) => [r.id],
    urls: (r) => [r.url],
    states: {
      location: (r) => any(obj(r.location).name, obj(r.location).city),
      department: (r) => named(obj(r.job).department),
      employment: (r) => any(r.employment_type, r.employment_type_text),
      date: (r) => any(r.published_at),
      description: (r) => any(r.description),
      workplace: (r) => typeof r.workplace_type === 'string' && /remote|hybrid|on.?site|office/i.test(r.workplace_type),
      salary: (r) => r.compensation_visible !== false && any(r.compensation_minimum, r.compensation_maximum),
    },
  },
  personio: {
    rows: xmlRows,
    title: (r) => r.name,
    ids: (r) => [r.id],
    urls: () => [],
    states: {
      location: (r) => any(r.office),
      department: (r) => any(r.department),
      employment: (r) => any(r.employmentType, r.schedule),
      date: (r) => any(r.createdAt),
      description: (r) => any(r.jobDescriptions),
    },
  },
};

/** A row the response states as a job: its title, and the fields it states. */
export interface StatedJob {
  title: string;
  fields: Field[];
}

/**
 * The jobs a response states (public rows with a title and an id or URL), or `undefined` when the
 * platform has no spec.
 */
export function statedJobs(platform: string, body: unknown, seen: Set<string> = new Set()): StatedJob[] | undefined {
  const spec = SPECS[platform];
  if (!spec) return undefined;
  const out: StatedJob[] = [];
  // Rows repeating an id (one job listed once per location, or again on a later page) are one job.
  for (const r of spec.rows(body) ?? []) {
    if (!isRow(r) || spec.hidden?.(r)) continue;
    const title = spec.title(r);
    if (typeof title !== 'string' || !title.trim()) continue;
    const key = [...spec.ids(r), ...spec.urls(r)].find((v) => has(v) || url(v));
    if (key === undefined) continue;
    if (seen.has(String(key))) continue;
    seen.add(String(key));
    out.push({ title, fields: FIELDS.filter((f) => spec.states[f]?.(r) === true) });
  }
  return out;
}

/** Title as a person reads it: entities decoded, whitespace collapsed, case folded. */
export function titleKey(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x?0*27;|&apos;/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
