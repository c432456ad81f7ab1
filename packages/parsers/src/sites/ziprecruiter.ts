/**
 * ZipRecruiter (`ziprecruiter.com/c/<Employer>/Job/<Role>/-in-<Place>?jid=…`, `/jobs/…`,
 * `/job/…`): the job page's header (`job_title`, `hiring_company`, `hiring_location`, the
 * `t_compensation` characteristic) and `job_description` block; also the UK host.
 * @module
 */
import { currencyForHost, stripBrand, threeParts } from './text.js';
import { defineSite, type TitleParts } from './types.js';

function fromTitle(raw: string): TitleParts | undefined {
  if (raw.length > 400 || !/ziprecruiter/i.test(raw)) return undefined;
  const t = stripBrand(raw, 'ziprecruiter');
  // "Acme hiring Senior Accountant in Dallas, TX".
  const hiring = t.indexOf(' hiring ');
  const inAt = t.lastIndexOf(' in ');
  if (hiring > 0 && inAt > hiring + 8)
    return { company: t.slice(0, hiring), title: t.slice(hiring + 8, inAt), location: t.slice(inAt + 4) };
  const parts = threeParts(t, ' - ');
  return parts ? { title: parts[0], company: parts[1], location: parts[2] } : undefined;
}

export const ziprecruiter = defineSite({
  id: 'ziprecruiter',
  name: 'ZipRecruiter',
  hosts: ['ziprecruiter.*'],
  match: (url) => /^\/(?:c\/[^/]+\/job\/|jobs\/[^/]+\/[^/]+|job\/|k\/)/i.test(url.pathname) || url.searchParams.has('jid'),
  fields: {
    title: ['h1.job_title', '.job_header h1', '[class*="job_title"]', 'h1[data-testid="job-title"]'],
    company: ['a.hiring_company', '.hiring_company_text', '.t_company_name', 'a.hiring_company_text', '[data-testid="company-name"]'],
    location: ['a.hiring_location', '.location_text', 'span[data-name="address"]', '.t_location', '[data-testid="job-location"]'],
    salary: ['.t_compensation', 'span.job_characteristics_data.t_compensation', '[data-testid="job-pay"]'],
    employmentType: ['.t_employment_type', '[data-testid="job-employment-type"]'],
    datePosted: ['.job_more span.data', 'p.job_more span.data', '[data-testid="job-posted-date"]'],
    applyUrl: ['a.job_apply[href] @href', 'a[data-testid="apply-button"][href] @href'],
    description: ['div.job_description', '.jobDescriptionSection', '[class*="job_description"]', '[data-testid="job-description"]'],
  },
  fromTitle,
  currency: currencyForHost,
  listing: {
    jobLinks: ['a.job_link @href', 'article.job_result h2 a @href', 'a[data-testid="job-card-title"] @href', 'a.jobList-title @href'],
    nextPage: ['a[title="Next Page"] @href', 'a.next_page @href', 'a[aria-label="Next Page"] @href'],
  },
});
