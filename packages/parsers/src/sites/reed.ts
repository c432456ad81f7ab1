/**
 * Reed (`reed.co.uk/jobs/<slug>/<id>`), the UK board: the job header holds title, the "Posted
 * … by Employer" line, salary, locality and job type under `data-qa` hooks.
 * @module
 */
import { defineSite } from './types.js';

export const reed = defineSite({
  id: 'reed',
  name: 'Reed',
  hosts: ['reed.co.uk'],
  match: (url) => /^\/jobs\/[^/]+\/\d+/.test(url.pathname),
  fields: {
    title: ['header.job-header h1', '.job-header h1', '[data-qa="job-title"]', 'h1[itemprop="title"]'],
    company: [
      '.posted-by [itemprop="name"]',
      '[data-qa="recruiterName"]',
      '.posted-by a',
      '[itemprop="hiringOrganization"] [itemprop="name"]',
    ],
    location: ['[data-qa="localityLbl"]', '[data-qa="regionLbl"]', '.job-header .location', '[itemprop="addressLocality"]'],
    salary: ['[data-qa="salaryLbl"]', '.job-header .salary', '[itemprop="baseSalary"]'],
    employmentType: ['[data-qa="jobTypeLbl"]', '[data-qa="jobTypeMobileLbl"]', '.job-header .time'],
    workplace: ['[data-qa="remoteWorkingLbl"]', '[data-qa="workFromHomeLbl"]'],
    datePosted: ['.posted-by', '[data-qa="postedDate"]', '[itemprop="datePosted"] @content'],
    applyUrl: ['a[data-qa="applyBtn"] @href', 'a[data-qa="applyJobBtn"] @href', '.apply-container a @href'],
    description: [
      '[data-qa="jobDescriptionDetails"]',
      '.description[itemprop="description"]',
      '.job-header + .description',
      '.description',
    ],
  },
  descriptionLabels: { 'closing date': 'validThrough', 'working pattern': 'workplace', 'work location': 'workplace' },
  clean: {
    // "Posted 3 days ago by Harrow & Finch Recruitment".
    datePosted: (t) => {
      const by = t.lastIndexOf(' by ');
      return by > 0 ? t.slice(0, by) : t;
    },
  },
  currency: () => 'GBP',
  dateOrder: 'dmy',
  listing: {
    jobLinks: ['article.job-result h2 a @href', '[data-qa="job-card-title"] @href', 'h2.job-result-heading__title a @href'],
    nextPage: ['a[data-qa="pagination-next"] @href', 'a#nextPage @href'],
  },
});
