/**
 * Monster (`monster.com/job-openings/<slug>--<id>`, and its country hosts): the job page's
 * `data-testid` hooks (`jobTitle`, `company`, `jobDetailLocation`, the description container).
 * @module
 */
import { currencyForHost, stripBrand, threeParts } from './text.js';
import { defineSite, type TitleParts } from './types.js';

function fromTitle(raw: string): TitleParts | undefined {
  if (raw.length > 400 || !/monster/i.test(raw)) return undefined;
  const parts = threeParts(stripBrand(raw, 'monster'), ' - ');
  return parts ? { title: parts[0], company: parts[1], location: parts[2] } : undefined;
}

export const monster = defineSite({
  id: 'monster',
  name: 'Monster',
  hosts: ['monster.*'],
  match: (url) => /^\/(?:job-openings\/|jobs\/[^/]*job-openings|job-opening\/)/i.test(url.pathname) || url.searchParams.has('jobid'),
  fields: {
    title: ['h1[data-testid="jobTitle"]', '[data-testid="jobTitle"]', 'h1[class*="JobViewTitle"]', '.job-header h1'],
    company: ['[data-testid="company"]', 'h2[data-testid="company"]', '[class*="JobViewHeaderCompany"]', '.job-header .company'],
    location: ['[data-testid="jobDetailLocation"]', '[data-testid="job-detail-location"]', '[class*="JobViewHeaderLocation"]'],
    salary: ['[data-testid="svx_jobview-salary"]', '[data-testid="jobDetailSalary"]'],
    employmentType: ['[data-testid="svx_jobview-jobType"]', '[data-testid="jobDetailJobType"]'],
    datePosted: ['[data-testid="jobDetailDateRecency"]', '[data-testid="svx_jobview-posted"]'],
    description: ['[data-testid="svx-description-container-inner"]', '[class*="DescriptionContainer"]', '#JobDescription'],
  },
  fromTitle,
  currency: currencyForHost,
  listing: {
    jobLinks: ['a[data-testid="jobTitle"] @href', 'a[data-testid="job-card-title"] @href', 'section.card-content h2.title a @href'],
    nextPage: ['a[aria-label="Next"] @href', 'a[data-testid="pagination-next"] @href'],
  },
});
