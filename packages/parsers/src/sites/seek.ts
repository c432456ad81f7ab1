/**
 * SEEK (`seek.com.au`, `seek.co.nz`, and the country hosts `au.seek.com`/`nz.seek.com` it moved
 * to) and the same platform at JobStreet and JobsDB: job pages `/job/12345678`, every field under
 * a `data-automation` attribute. Currency by host.
 * @module
 */
import { defineSite } from './types.js';

const CURRENCY: ReadonlyArray<readonly [RegExp, string]> = [
  [/\.co\.nz$|^nz\./, 'NZD'],
  [/\.com\.au$/, 'AUD'],
  [/\.com\.my$|^my\./, 'MYR'],
  [/\.com\.sg$|^sg\./, 'SGD'],
  [/\.com\.ph$|^ph\./, 'PHP'],
  [/\.co\.id$|^id\./, 'IDR'],
  [/^th\./, 'THB'],
  [/^hk\.|\.com\.hk$/, 'HKD'],
];

export const seek = defineSite({
  id: 'seek',
  name: 'SEEK',
  hosts: ['seek.com.au', 'seek.co.nz', 'seek.com', 'jobstreet.*', 'jobsdb.*'],
  match: (url) => /^\/(?:[a-z]{2}\/)?job\/\d+/.test(url.pathname),
  fields: {
    title: ['[data-automation="job-detail-title"]', 'h1[data-automation="job-title"]'],
    company: ['[data-automation="advertiser-name"]', '[data-automation="job-detail-advertiser"]'],
    location: ['[data-automation="job-detail-location"]', '[data-automation="job-location"]'],
    department: ['[data-automation="job-detail-classifications"]'],
    employmentType: ['[data-automation="job-detail-work-type"]', '[data-automation="job-detail-workType"]'],
    workplace: ['[data-automation="job-detail-work-arrangements"]', '[data-automation="job-detail-workArrangements"]'],
    salary: ['[data-automation="job-detail-salary"]', '[data-automation="job-detail-add-expected-salary"]'],
    datePosted: ['[data-automation="job-detail-date"]', '[data-automation="jobListingDate"]', 'span:contains("Posted ")'],
    applyUrl: ['a[data-automation="job-detail-apply"][href] @href', '[data-automation="job-detail-apply"] a[href] @href'],
    description: ['[data-automation="jobAdDetails"]', '[data-automation="jobDescription"]'],
  },
  descriptionLabels: {
    'closing date': 'validThrough',
    'applications close': 'validThrough',
    'job type': 'employmentType',
    'work type': 'employmentType',
  },
  descriptionFacts: [[/\bapplications? (?:close|closes|closing)(?: on| date)?:? ([^.\n]{4,40})/i, 'validThrough']],
  currency: (host) => CURRENCY.find(([re]) => re.test(host))?.[1] ?? 'AUD',
  dateOrder: 'dmy',
  listing: {
    jobLinks: [
      'a[data-automation="jobTitle"] @href',
      'article[data-automation="normalJob"] a[data-automation="jobTitle"] @href',
      'article[data-automation="premiumJob"] a[data-automation="jobTitle"] @href',
    ],
    nextPage: ['a[data-automation="page-next"] @href', 'a[aria-label="Next"] @href', 'a[rel="nofollow next"] @href'],
  },
});
