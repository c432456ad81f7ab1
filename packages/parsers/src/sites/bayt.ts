/**
 * Bayt (`bayt.com/<lang>/<country>/jobs/<slug>-<id>/`), the Gulf and MENA board, in English and
 * Arabic: the job header (title, company link, location) and the "Job Details" `dl`.
 * @module
 */
import { defineSite } from './types.js';

export const bayt = defineSite({
  id: 'bayt',
  name: 'Bayt',
  hosts: ['bayt.com'],
  match: (url) => /\/jobs\/[^/]+-\d+\/?$/.test(url.pathname),
  fields: {
    title: ['h1#job_title', '#jobViewHeader h1', '#job-view-header h1', '.card-content h1.t-large'],
    company: [
      '#jobViewHeader a[href*="/company/"]',
      '.job-company-location-wrapper a.t-bold',
      '.job-company-location-wrapper a[href*="/company/"]',
      '#job_company_name',
      '.card-content a.t-bold[href*="/company/"]',
    ],
    location: ['#jobViewHeader div.t-mute', '.job-company-location-wrapper .t-mute', '#jobViewHeader .t-mute a'],
    datePosted: [
      '[data-automation-id="job-active-date"]',
      '#jobViewHeader .jb-date span',
      '.jb-date span',
      '.card-content ul.list li span',
      '#jobViewHeader .t-mute',
    ],
    applyUrl: ['a#applyLink[href] @href', 'a[data-js-aid="applyButton"][href] @href'],
    description: ['#job-description', '.card-content .t-break', '[itemprop="description"]'],
  },
  criteria: [{ item: 'dl > div', label: 'dt', value: 'dd' }],
  labels: {
    'job location': 'location',
    'company industry': null,
    'company type': null,
    'job role': null,
    'employment type': 'employmentType',
    'monthly salary range': 'salary',
    salary: 'salary',
    'number of vacancies': null,
    'career level': null,
    'years of experience': null,
    'residence location': null,
    gender: null,
    nationality: null,
    degree: null,
    'موقع الوظيفة': 'location',
    'مكان العمل': 'location',
    'نوع التوظيف': 'employmentType',
    'نوع الوظيفة': 'employmentType',
    'الراتب الشهري': 'salary',
    'قطاع الشركة': null,
    'نوع الشركة': null,
    'المسمى الوظيفي': null,
    'عدد الوظائف': null,
  },
  clean: {
    salary: (t) => (/unspecified|غير محدد|confidential/i.test(t) ? undefined : t),
  },
  defaultPeriod: 'month',
  dateOrder: 'dmy',
  listing: {
    jobLinks: ['li[data-js-job] h2 a @href', 'h2 a[data-js-aid="jobID"] @href', '.has-pointer-d h2 a @href'],
    nextPage: ['.pagination-next a @href', 'li.pagination-next a @href', 'a[aria-label="Next"] @href'],
  },
});
