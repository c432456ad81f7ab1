/**
 * USAJOBS (`usajobs.gov/job/<id>`), the US federal government's vacancy portal: the
 * announcement banner (title, hiring agency) and the overview's label–value items ("Open &
 * closing dates", "Salary", "Location", "Remote job", "Work schedule").
 * @module
 */
import { defineSite } from './types.js';

/** "11/18/2026 to 12/02/2026". */
const RANGE = /^(\d{1,2}\/\d{1,2}\/\d{4})\s+(?:to|-|–)\s+(\d{1,2}\/\d{1,2}\/\d{4})/;

export const usajobs = defineSite({
  id: 'usajobs',
  name: 'USAJOBS',
  hosts: ['usajobs.gov'],
  match: (url) => /^\/(?:job|GetJob\/ViewDetails)\/\d+/i.test(url.pathname),
  fields: {
    title: ['#job-title', '.usajobs-joa-banner__title', 'h1.usajobs-joa-banner__title'],
    company: ['.usajobs-joa-banner__hiring-agency', '.usajobs-joa-banner__agency a', '.usajobs-joa-banner__agency'],
    location: ['.usajobs-joa-locations__city', '.usajobs-joa-locations__list-item'],
    salary: ['.usajobs-joa-summary__salary'],
    datePosted: ['.usajobs-joa-summary__item p'],
    validThrough: ['.usajobs-joa-summary__item p'],
    applyUrl: ['a#apply-button @href', 'a.usajobs-joa-actions__apply @href'],
    description: ['#duties', '.usajobs-joa-section', '#summary'],
  },
  joinAll: ['location'],
  criteria: [{ item: '.usajobs-joa-summary__item', label: 'h5', value: 'p' }],
  labels: {
    'remote job': 'workplace',
    'work schedule': 'employmentType',
    salary: 'salary',
    'open & closing dates': null,
    'pay scale & grade': null,
    'telework eligible': null,
    'appointment type': null,
    service: null,
    'promotion potential': null,
  },
  clean: {
    datePosted: (t) => RANGE.exec(t)?.[1],
    validThrough: (t) => RANGE.exec(t)?.[2],
    // "Remote job: No" is an on-site position.
    workplace: (t) => (/^no\b/i.test(t) ? 'on-site' : /^yes\b/i.test(t) ? 'remote' : t),
  },
  currency: () => 'USD',
  defaultPeriod: 'year',
  dateOrder: 'mdy',
  listing: {
    jobLinks: ['a.usajobs-search-result--core__title @href', '.usajobs-search-result--core a[href*="/job/"] @href'],
    nextPage: ['a.usajobs-search-pagination__next-page @href', 'a[aria-label="Next page"] @href'],
  },
});
