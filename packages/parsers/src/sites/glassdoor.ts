/**
 * Glassdoor (every country host): job-listing pages (`/job-listing/…-JV_…htm?jl=`). Its class
 * names carry CSS-module hashes (`JobDetails_jobDescription__6VeBn`), so selectors match the
 * stable prefix; `data-test` attributes come first. `<title>` reads "Role job in Place at
 * Employer | Glassdoor".
 * @module
 */
import { currencyForHost, placeFirst, stripBrand, threeParts } from './text.js';
import { defineSite, type TitleParts } from './types.js';

function fromTitle(raw: string, known?: string): TitleParts | undefined {
  if (raw.length > 400 || !/glassdoor/i.test(raw)) return undefined;
  const t = stripBrand(raw, 'glassdoor');
  // "Employer Role Job in Place" and "Employer hiring Role Job in Place", once the role is known.
  const role = known ? t.indexOf(` ${known} `) : -1;
  if (known && role > 0) {
    const place = t.slice(role + known.length + 1).replace(/^(?:job|jobs) in /i, '');
    return { title: known, company: t.slice(0, role).replace(/ hiring$/i, ''), ...(place ? { location: place } : {}) };
  }
  // "Role job in Place at Employer", "Role job at Employer in Place", "Employer - Role - Place".
  const lower = t.toLowerCase();
  const jobIn = lower.indexOf(' job in ');
  const at = lower.lastIndexOf(' at ');
  if (jobIn > 0 && at > jobIn) return { title: t.slice(0, jobIn), location: t.slice(jobIn + 8, at), company: t.slice(at + 4) };
  const jobAt = lower.indexOf(' job at ');
  const inAt = lower.lastIndexOf(' in ');
  if (jobAt > 0 && inAt > jobAt) return { title: t.slice(0, jobAt), company: t.slice(jobAt + 8, inAt), location: t.slice(inAt + 4) };
  const parts = threeParts(t, ' - ');
  return parts ? { company: parts[0], title: parts[1], location: parts[2] } : undefined;
}

export const glassdoor = defineSite({
  id: 'glassdoor',
  name: 'Glassdoor',
  hosts: ['glassdoor.*'],
  match: (url) =>
    /^\/(?:job-listing\/|partner\/joblisting\.htm|job\/[^/]*JV_)/i.test(url.pathname) ||
    url.searchParams.has('jl') ||
    url.searchParams.has('jobListingId'),
  fields: {
    title: [
      '[data-test="job-title"]',
      'h1[id^="jd-job-title"]',
      '[class*="JobDetails_jobTitle"]',
      '[data-test="jobTitle"]',
      'header[class*="JobDetails_jobDetailsHeader"] h1',
      '.css-17x2pwl',
      '.job-title',
    ],
    company: [
      '[data-test="employer-name"]',
      '[class*="EmployerProfile_employerName"]',
      '[class*="EmployerProfile_compactEmployerName"]',
      '[class*="EmployerProfile_employerInfo"] h4',
      '[class*="EmployerProfile_profileContainer"] h4',
      'h4[id^="jd-employer"]',
      '[data-test="employerName"]',
      '.css-16nw49e',
      '.employerName',
      '.employer-name',
    ],
    location: ['[data-test="location"]', '[class*="JobDetails_location"]', '[data-test="emp-location"]', '.css-1v5elnn', '.location'],
    // Most listings show Glassdoor's own estimate; a range is pay only where the salary block
    // says the employer stated it ("(Employer provided)", "(Employer est.)"). The whole block is
    // read first so its label travels with the amount (and an estimate is dropped by `clean`).
    salary: [
      '[data-test="detailSalary"]:contains("Employer") [class*="SalaryEstimate_salaryRange"]',
      '[data-test="detailSalary"]',
      '[class*="SalaryEstimate_salaryRange"]:contains("Employer")',
      '[class*="SalaryEstimate_averageEstimate"]:contains("Employer")',
      '[data-test="salaryEstimate"]:contains("Employer")',
      '.salaryEstimate:contains("Employer")',
      '.css-1xe2xww:contains("Employer")',
    ],
    datePosted: ['[data-test="job-age"]', '[data-test="listing-age"]', '[class*="JobCard_listingAge"]'],
    applyUrl: ['a[data-test="applyButton"][href] @href', 'a[data-test="apply-button"][href] @href'],
    employmentType: ['[data-test="job-type"]', '[class*="JobDetails_jobType"]'],
    description: [
      '[class*="JobDetails_jobDescription"]',
      '#JobDescriptionContainer',
      '[data-test="jobDescriptionContent"]',
      '.jobDescriptionContent',
      '.desc',
    ],
  },
  fromTitle,
  descriptionLabels: {
    'job type': 'employmentType',
    'job types': 'employmentType',
    'work location': 'workplace',
    'application deadline': 'validThrough',
    'contract type': 'employmentType',
    'closing date': 'validThrough',
  },
  currency: currencyForHost,
  clean: {
    location: placeFirst,
    // A "Glassdoor est." range is the board's guess, not pay the employer stated.
    salary: (t) =>
      /glassdoor est|estimated by glassdoor|est\. salary|\(est\.\)|estimate/i.test(t) && !/employer/i.test(t) ? undefined : t,
    company: (t) =>
      t
        .replace(/ ?\d[.,]\d ?★?$/, '')
        .replace(/ ?★$/, '')
        .trim(),
    // "3d", "24h", "30d+": the card's age.
    datePosted: (t) => {
      const m = /^(\d+)\s*([hd])\+?$/i.exec(t.trim());
      return m ? `${m[1]} ${m[2]!.toLowerCase() === 'h' ? 'hours' : 'days'} ago` : t;
    },
  },
  listing: {
    jobLinks: [
      'a[data-test="job-title"] @href',
      'a[data-test="job-link"] @href',
      'li[data-test="jobListing"] a.jobLink @href',
      'a[class*="JobCard_jobTitle"] @href',
      'a.jobLink @href',
      'a.jobTitle @href',
    ],
    nextPage: [
      'a[data-test="pagination-next"] @href',
      'li.next a @href',
      'a.nextButton @href',
      'button[data-test="pagination-next"] @href',
    ],
  },
});
