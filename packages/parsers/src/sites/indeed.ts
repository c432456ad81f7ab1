/**
 * Indeed (every country host: `indeed.com`, `de.indeed.com`, `indeed.co.uk`…): the view-job page
 * (`/viewjob?jk=`, `/rc/clk`, `/m/viewjob`). Title, the inline header's company and location,
 * the pay and job-type rows, and the description block; `<title>` reads "Role - Employer -
 * Place | Indeed.com". The page's own state (`window._initialData = {…}`: the job-info header
 * model, pay text, job type, remote model, description) is read first, so the fields hold when
 * the markup's classes and test ids drift.
 * @module
 */
import { currencyForHost, jsonAt, jsonText, placeFirst, stripBrand } from './text.js';
import { defineSite, type EmbeddedFields, type TitleParts } from './types.js';

const VIEW_PATH =
  /^\/(?:viewjob|m\/viewjob|m\/basecamp\/viewjob|rc\/clk|pagead\/clk|applystart)\b|^\/cmp\/[^/]+\/jobs\/[^/]+-[0-9a-f]{16}/i;

function fromTitle(raw: string): TitleParts | undefined {
  if (!/\bindeed\b/i.test(raw)) return undefined;
  const t = stripBrand(raw, 'indeed');
  // Listing titles ("Software Engineer Jobs, Employment in Austin") are not one posting.
  if (/\b(?:jobs|stellenangebote|emplois|empleos|vagas|offerte di lavoro|vacatures)\b/i.test(t) && /,|\bin\b/.test(t)) return undefined;
  const parts = t
    .split(/ [-–] /)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length >= 3)
    return { title: parts.slice(0, parts.length - 2).join(' - '), company: parts[parts.length - 2]!, location: parts[parts.length - 1]! };
  if (parts.length === 2) return { title: parts[0]!, location: parts[1]! };
  return undefined;
}

/** `window._initialData` of a view-job page. */
function readInitialData(data: unknown): EmbeddedFields | undefined {
  const info = jsonAt(data, 'jobInfoWrapperModel', 'jobInfoModel');
  const header = jsonAt(info, 'jobInfoHeaderModel');
  if (!header || typeof header !== 'object') return undefined;
  const out: EmbeddedFields = {};
  const set = (k: keyof EmbeddedFields, v: unknown) => {
    const t = jsonText(v);
    if (t) out[k] = t;
  };
  set('title', jsonAt(header, 'jobTitle'));
  set('company', jsonAt(header, 'companyName'));
  set('location', jsonAt(header, 'formattedLocation') ?? jsonAt(data, 'jobLocation'));
  set('workplace', jsonAt(header, 'remoteWorkModel', 'text'));
  set('employmentType', jsonAt(info, 'jobMetadataHeaderModel', 'jobType'));
  set('salary', jsonAt(data, 'salaryInfoModel', 'salaryText'));
  set('applyUrl', jsonAt(data, 'jobMetadataFooterModel', 'originalJobLink', 'href'));
  const description = jsonAt(info, 'sanitizedJobDescription');
  set('descriptionHtml', typeof description === 'string' ? description : jsonAt(description, 'content'));
  return out;
}

export const indeed = defineSite({
  id: 'indeed',
  name: 'Indeed',
  hosts: ['indeed.*'],
  match: (url, scan) =>
    VIEW_PATH.test(url.pathname) || (url.searchParams.has('jk') && !/^\/(?:jobs|q-)/.test(url.pathname)) || !!fromTitle(scan.title ?? ''),
  embedded: [{ select: 'script', assign: 'window._initialData', read: readInitialData }],
  fields: {
    title: [
      'h1[data-testid="jobsearch-JobInfoHeader-title"]',
      'h2[data-testid="jobsearch-JobInfoHeader-title"]',
      'h1.jobsearch-JobInfoHeader-title',
      'h2.jobsearch-JobInfoHeader-title',
      '.jobsearch-JobInfoHeader-title-container h1',
      '[data-testid="simpler-jobTitle"]',
      '.jobsearch-JobInfoHeader-title',
    ],
    company: [
      '[data-testid="inlineHeader-companyName"] a',
      '[data-testid="inlineHeader-companyName"]',
      '[data-company-name="true"] a',
      '[data-company-name="true"]',
      '.jobsearch-InlineCompanyRating a',
      '.jobsearch-InlineCompanyRating > div:first-child',
      '.jobsearch-CompanyInfoWithoutHeaderImage a',
      '.jobsearch-CompanyInfoContainer a',
      '[data-testid="jobsearch-CompanyInfoContainer"] a',
    ],
    location: [
      '[data-testid="inlineHeader-companyLocation"]',
      '[data-testid="jobsearch-JobInfoHeader-companyLocation"]',
      '[data-testid="job-location"]',
      '#jobLocationText',
      '.jobsearch-JobInfoHeader-subtitle .jobsearch-JobInfoHeader-locationText',
      '.jobsearch-InlineCompanyRating + div',
      '.jobsearch-InlineCompanyRating ~ div:last-child',
    ],
    salary: [
      '#salaryInfoAndJobType > span:first-child',
      '[data-testid="jobsearch-OtherJobDetailsContainer"] #salaryInfoAndJobType span',
      '[aria-label="Pay"] li',
      '[aria-label="Pay"] [data-testid$="-tile"]',
      '.jobsearch-JobMetadataHeader-item span.icl-u-xs-mr--xs',
      '[data-testid="attribute_snippet_testid"]',
    ],
    // The "Job type" group lists every type ("Part-time, Full-time"); the header shows one.
    employmentType: [
      '[aria-label="Job type"] ul',
      '[aria-label="Anstellungsart"] ul',
      '[aria-label="Type de poste"] ul',
      '[aria-label="Tipo de empleo"] ul',
      '[aria-label="Tipo de emprego"] ul',
      '[aria-label="Tipo di impiego"] ul',
      '[aria-label="Dienstverband"] ul',
      '[aria-label="雇用形態"] ul',
      '#salaryInfoAndJobType > span:last-child',
      '[aria-label="Job type"] li',
      '[aria-label="Job type"] [data-testid$="-tile"]',
      '.jobsearch-JobMetadataHeader-item',
      '[data-testid="jobsearch-JobMetadataHeader-item"]',
    ],
    datePosted: [
      '[data-testid="myJobsStateDate"]',
      '.jobsearch-JobMetadataFooter > div:first-child',
      '.jobsearch-HiringInsights-entry--age',
      'span.date',
    ],
    applyUrl: [
      '#applyButtonLinkContainer a[href] @href',
      '#applyButtonLinkContainer button[href] @href',
      'a[data-testid="apply-button"][href] @href',
    ],
    description: [
      '#jobDescriptionText',
      '[data-testid="jobDescriptionText"]',
      '.jobsearch-jobDescriptionText',
      '.jobsearch-JobComponent-description',
    ],
  },
  criteria: [{ item: '#jobDetailsSection [role="group"]', label: 'h3', value: 'ul' }],
  labels: {
    pay: 'salary',
    'job type': 'employmentType',
    shift: null,
    'shift and schedule': null,
    gehalt: 'salary',
    anstellungsart: 'employmentType',
    salaire: 'salary',
    'type de poste': 'employmentType',
    sueldo: 'salary',
    'tipo de empleo': 'employmentType',
  },
  fromTitle,
  descriptionLabels: {
    'work location': 'workplace',
    'work setting': 'workplace',
    'application deadline': 'validThrough',
    'closing date': 'validThrough',
    'job type': 'employmentType',
    'job types': 'employmentType',
    pay: 'salary',
    salary: 'salary',
    arbeitsort: 'workplace',
    bewerbungsfrist: 'validThrough',
    'art der stelle': 'employmentType',
    gehalt: 'salary',
    'lieu du poste': 'workplace',
    'date limite de candidature': 'validThrough',
    "type d'emploi": 'employmentType',
    salaire: 'salary',
    'lugar de trabajo': 'workplace',
    'fecha límite de postulación': 'validThrough',
    'tipo de puesto': 'employmentType',
    sueldo: 'salary',
    'local de trabalho': 'workplace',
    'tipo de vaga': 'employmentType',
    'prazo de candidatura': 'validThrough',
    salário: 'salary',
    勤務地: 'workplace',
    雇用形態: 'employmentType',
    給与: 'salary',
    応募締切: 'validThrough',
  },
  currency: currencyForHost,
  clean: {
    // Visually hidden suffix read by screen readers.
    title: (t) =>
      t
        .replace(
          / ?[-–] ?(?:job post|offre d['’]emploi|stellenanzeige|oferta de (?:empleo|trabajo)|vaga de emprego|annuncio di lavoro|vacature)$/i,
          '',
        )
        .trim() || undefined,
    company: (t) => t.replace(/ ?\d(?:[.,]\d)?(?: out of 5 stars?)?$/i, '').trim(),
    location: (t) => placeFirst(t.replace(/^(?:location|standort|lieu|ubicación)\s*[:：]?\s*/i, '')),
  },
  listing: {
    jobLinks: ['a.jcs-JobTitle @href', 'h2.jobTitle a @href', 'a[data-jk] @href', '.job_seen_beacon h2 a @href', 'a.tapItem @href'],
    nextPage: [
      'a[data-testid="pagination-page-next"] @href',
      'a[aria-label="Next Page"] @href',
      'a[aria-label="Next"] @href',
      'a[aria-label="Weiter"] @href',
      'a[aria-label="Suivant"] @href',
    ],
  },
});
