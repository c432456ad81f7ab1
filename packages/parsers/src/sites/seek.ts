/**
 * SEEK (`seek.com.au`, `seek.co.nz`, and the country hosts `au.seek.com`/`nz.seek.com` it moved
 * to) and the same platform at JobStreet and JobsDB: job pages `/job/12345678`, every field under
 * a `data-automation` attribute. Currency by host. The page's state (`window.SEEK_REDUX_DATA`:
 * `jobdetails.result.job`) is read first: it holds the listing time to the second where the page
 * shows "Posted 4d ago".
 * @module
 */
import { jsonAt, jsonText, placeFirst } from './text.js';
import { defineSite, type EmbeddedFields } from './types.js';

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

/** `window.SEEK_REDUX_DATA` of a job page. */
function readRedux(data: unknown): EmbeddedFields | undefined {
  const job = jsonAt(data, 'jobdetails', 'result', 'job');
  if (!job || typeof job !== 'object') return undefined;
  const out: EmbeddedFields = {};
  const set = (k: keyof EmbeddedFields, v: unknown) => {
    const t = jsonText(v);
    if (t) out[k] = t;
  };
  set('title', jsonAt(job, 'title'));
  set('company', jsonAt(job, 'advertiser', 'name'));
  set('location', jsonAt(job, 'location', 'label'));
  set('employmentType', jsonAt(job, 'workTypes', 'label'));
  set('workplace', jsonAt(job, 'workArrangements', 'displayText') ?? jsonAt(job, 'workArrangements', 'label'));
  set('salary', jsonAt(job, 'salary', 'label'));
  // The UTC instant as a calendar date (SEEK's own day may be one later east of UTC; a day's drift at most).
  set('datePosted', jsonText(jsonAt(job, 'listedAt', 'dateTimeUtc'))?.slice(0, 10));
  set('descriptionHtml', jsonAt(job, 'content'));
  return out;
}

export const seek = defineSite({
  id: 'seek',
  name: 'SEEK',
  hosts: ['seek.com.au', 'seek.co.nz', 'seek.com', 'jobstreet.*', 'jobsdb.*'],
  match: (url) => /^\/(?:[a-z]{2}\/)?job\/\d+/.test(url.pathname),
  embedded: [{ select: 'script', assign: 'window.SEEK_REDUX_DATA', read: readRedux }],
  fields: {
    title: ['[data-automation="job-detail-title"]', 'h1[data-automation="job-title"]'],
    company: ['[data-automation="advertiser-name"]', '[data-automation="job-detail-advertiser"]'],
    location: ['[data-automation="job-detail-location"]', '[data-automation="job-location"]'],
    department: ['[data-automation="job-detail-classifications"]'],
    employmentType: ['[data-automation="job-detail-work-type"]', '[data-automation="job-detail-workType"]'],
    // The location line ends with the arrangement: "Melbourne VIC (Remote)".
    workplace: [
      '[data-automation="job-detail-work-arrangements"]',
      '[data-automation="job-detail-workArrangements"]',
      '[data-automation="job-detail-location"]',
    ],
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
  clean: { location: placeFirst },
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
