/**
 * Dice (`dice.com/job-detail/<id>`): a US technology board whose job page keeps `data-cy` hooks
 * (`jobTitle`, `companyNameLink`, `location`, `postedDate`, the pay, employment and workplace
 * chips) under hashed classes. `<title>` reads "Role - Employer - Place | Dice.com".
 * @module
 */
import { stripBrand, threeParts } from './text.js';
import { defineSite, type TitleParts } from './types.js';

function fromTitle(raw: string): TitleParts | undefined {
  if (raw.length > 400 || !/dice\.com/i.test(raw)) return undefined;
  const parts = threeParts(stripBrand(raw, 'dice.com'), ' - ');
  return parts ? { title: parts[0], company: parts[1], location: parts[2] } : undefined;
}

export const dice = defineSite({
  id: 'dice',
  name: 'Dice',
  hosts: ['dice.com'],
  match: (url) => /^\/job-detail\/[\w-]+/i.test(url.pathname) || /^\/jobs\/detail\//i.test(url.pathname),
  fields: {
    title: ['h1[data-cy="jobTitle"]', '[data-cy="jobTitle"]', 'h1.jobTitle', '[data-testid="job-detail-header-card"] h1'],
    company: [
      'a[data-cy="companyNameLink"]',
      '[data-cy="companyNameNoLink"]',
      '[data-cy="companyName"]',
      'span#hiringOrganizationName',
      '[data-testid="job-detail-header-card"] a[href*="/company-profile/"]',
    ],
    location: ['li[data-cy="location"]', '[data-cy="location"]', '[data-cy="locationDetails"]', 'li.location'],
    workplace: ['[data-cy="locationDetails"]', '[data-cy="workplaceTypes"]'],
    employmentType: ['[data-cy="employmentDetails"]', '[id^="employmentDetailChip"]'],
    salary: ['[data-cy="payDetails"]', '#payChip', '[id^="payChip"]'],
    datePosted: ['li[data-cy="postedDate"]', '[data-cy="postedDate"]', 'span#timeAgo'],
    description: ['[data-cy="jobDescription"]', '[data-testid="jobDescriptionHtml"]', '#jobDescription', '.job-description'],
  },
  fromTitle,
  clean: {
    // "Posted 3 days ago | Updated 2 days ago": the first statement is the posting's.
    datePosted: (t) => t.split('|')[0]!.trim(),
    // "Depends on Experience" / "DOE" is no pay.
    salary: (t) => (/^(?:depends on experience|doe|negotiable|competitive)$/i.test(t.trim()) ? undefined : t),
  },
  currency: () => 'USD',
  listing: {
    jobLinks: ['a.card-title-link @href', 'a[data-cy="card-title-link"] @href', 'a[data-testid="job-search-job-detail-link"] @href'],
    nextPage: ['li.pagination-next a @href', 'a[aria-label="Next"] @href', 'a[aria-label="Next Page"] @href'],
  },
});
