/**
 * Naukri (`naukri.com/job-listings-…-123`): a Next.js page whose classes carry CSS-module
 * hashes (`styles_jd-header-title__rZwM1`), so selectors match the stable part. Salary in INR
 * ("₹ 6-10 Lacs P.A.", or "Not Disclosed"); the "Posted" stat and the "Employment Type" row are
 * label–value pairs.
 * @module
 */
import { defineSite } from './types.js';

export const naukri = defineSite({
  id: 'naukri',
  name: 'Naukri',
  hosts: ['naukri.com'],
  match: (url) => /^\/job-listings-/.test(url.pathname),
  fields: {
    title: ['h1[class*="jd-header-title"]', '[class*="jd-header-title"]', '.jd-header-title', 'header.jd-header h1'],
    company: ['[class*="jd-header-comp-name"] a', '[class*="jd-header-comp-name"]', '.jd-header-comp-name a', 'a.pad-rt-8'],
    location: ['[class*="jhc__location"]', '[class*="jhc__loc"]', '.jd-loc', '.location'],
    workplace: ['[class*="jhc__wfhmode"]', '[class*="wfhmode"]'],
    salary: ['[class*="jhc__salary"]', '.salary', '.jd-salary'],
    description: ['[class*="JDC__dang-inner-html"]', '[class*="dang-inner-html"]', 'section[class*="job-desc"]', '.job-desc'],
  },
  criteria: [
    { item: '[class*="jhc__stat"]', label: 'label', value: 'span' },
    { item: '[class*="other-details"] > div', label: 'label', value: 'span' },
  ],
  labels: {
    posted: 'datePosted',
    openings: null,
    applicants: null,
    'job applicants': null,
    role: null,
    'industry type': null,
    department: 'department',
    'employment type': 'employmentType',
    'role category': null,
    education: null,
    ug: null,
    pg: null,
  },
  descriptionLabels: {
    'work mode': 'workplace',
    'work location': 'workplace',
    'job type': 'employmentType',
    'employment type': 'employmentType',
  },
  // Indian English: "Work from office" is the on-site idiom, "WFH" remote.
  descriptionFacts: [[/\bwork(?:ing)? from (?:the )?office\b|\bwfo\b/i, 'workplace', 'on-site']],
  clean: {
    // "Hybrid - Bengaluru, Pune": a workplace, then a list of cities (never "city, region").
    location: (t) => t.replace(/^(hybrid|remote|work from office|temp\. wfh)\s*-\s*/i, '$1; ').replace(/,\s*/g, '; '),
    // "Acme 3.9 212 Reviews": the rating and review count that follow the name.
    company: (t) => t.replace(/ \d(?:\.\d)?(?: \(?\d{1,7}\)?)? ?reviews?\)?$/i, '').trim(),
    // "Not Disclosed" is no salary.
    salary: (t) => (/not disclosed|undisclosed/i.test(t) ? undefined : t),
  },
  currency: () => 'INR',
  dateOrder: 'dmy',
  listing: {
    jobLinks: [
      'a.title @href',
      '.srp-jobtuple-wrapper a.title @href',
      'article.jobTuple a.title @href',
      '[class*="jobTuple"] a.title @href',
    ],
    nextPage: ['a[class*="pagination"] + a @href', 'a.fright.fs14.btn-secondary.br2 @href'],
  },
});
