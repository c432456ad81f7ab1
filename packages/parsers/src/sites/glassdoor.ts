/**
 * Glassdoor (every country host): job-listing pages (`/job-listing/…-JV_…htm?jl=`). Its class
 * names carry CSS-module hashes (`JobDetails_jobDescription__6VeBn`), so selectors match the
 * stable prefix; `data-test` attributes come first. `<title>` reads "Role job in Place at
 * Employer | Glassdoor".
 * @module
 */
import { currencyForHost } from './text.js';
import { defineSite, type TitleParts } from './types.js';

function fromTitle(raw: string, known?: string): TitleParts | undefined {
  if (raw.length > 400 || !/glassdoor/i.test(raw)) return undefined;
  const t = raw.replace(/[|–-] ?glassdoor.*$/i, '').trim();
  // "Employer Role Job in Place" and "Employer hiring Role Job in Place", once the role is known.
  const at = known ? t.indexOf(` ${known} `) : -1;
  if (known && at > 0) {
    const place = t.slice(at + known.length + 1).replace(/^(?:job|jobs) in /i, '');
    return { title: known, company: t.slice(0, at).replace(/ hiring$/i, ''), ...(place ? { location: place } : {}) };
  }
  let m = /^(.+?) (?:job|jobs) in (.+?) (?:at|with) (.+)$/i.exec(t);
  if (m) return { title: m[1]!, location: m[2]!, company: m[3]! };
  m = /^(.+?) (?:job|jobs) at (.+?) in (.+)$/i.exec(t);
  if (m) return { title: m[1]!, company: m[2]!, location: m[3]! };
  m = /^(.+?) - (.+?) - (.+)$/.exec(t);
  return m ? { company: m[1]!, title: m[2]!, location: m[3]! } : undefined;
}

export const glassdoor = defineSite({
  id: 'glassdoor',
  name: 'Glassdoor',
  hosts: ['glassdoor.*'],
  match: (url) => /^\/(?:job-listing\/|partner\/joblisting\.htm|job\/[^/]*JV_)/i.test(url.pathname) || url.searchParams.has('jl') || url.searchParams.has('jobListingId'),
  fields: {
    title: ['[data-test="job-title"]', 'h1[id^="jd-job-title"]', '[class*="JobDetails_jobTitle"]', '[data-test="jobTitle"]', 'header[class*="JobDetails_jobDetailsHeader"] h1', '.css-17x2pwl', '.job-title'],
    company: [
      '[data-test="employer-name"]', '[class*="EmployerProfile_employerName"]', '[class*="EmployerProfile_compactEmployerName"]',
      '[class*="EmployerProfile_employerInfo"] h4', '[class*="EmployerProfile_profileContainer"] h4', 'h4[id^="jd-employer"]',
      '[data-test="employerName"]', '.css-16nw49e', '.employerName', '.employer-name',
    ],
    location: ['[data-test="location"]', '[class*="JobDetails_location"]', '[data-test="emp-location"]', '.css-1v5elnn', '.location'],
    salary: ['[data-test="detailSalary"]', '[class*="SalaryEstimate_salaryRange"]', '[class*="SalaryEstimate_averageEstimate"]', '[data-test="salaryEstimate"]', '.salaryEstimate', '.css-1xe2xww'],
    datePosted: ['[data-test="job-age"]', '[data-test="listing-age"]', '[class*="JobCard_listingAge"]'],
    applyUrl: ['a[data-test="applyButton"][href] @href', 'a[data-test="apply-button"][href] @href'],
    employmentType: ['[data-test="job-type"]', '[class*="JobDetails_jobType"]'],
    description: ['[class*="JobDetails_jobDescription"]', '#JobDescriptionContainer', '[data-test="jobDescriptionContent"]', '.jobDescriptionContent', '.desc'],
  },
  fromTitle,
  descriptionLabels: {
    'job type': 'employmentType', 'job types': 'employmentType', 'work location': 'workplace', 'application deadline': 'validThrough',
    'contract type': 'employmentType', 'closing date': 'validThrough',
  },
  currency: currencyForHost,
  clean: {
    // A "Glassdoor est." range is the board's guess, not pay the employer stated.
    salary: (t) => (/glassdoor est|estimated by glassdoor/i.test(t) ? undefined : t),
    company: (t) => t.replace(/\s*\d[.,]\d\s*★?\s*$/, '').replace(/\s*★\s*$/, '').trim(),
    // "3d", "24h", "30d+": the card's age.
    datePosted: (t) => {
      const m = /^(\d+)\s*([hd])\+?$/i.exec(t.trim());
      return m ? `${m[1]} ${m[2]!.toLowerCase() === 'h' ? 'hours' : 'days'} ago` : t;
    },
  },
  listing: {
    jobLinks: ['a[data-test="job-title"] @href', 'a[data-test="job-link"] @href', 'li[data-test="jobListing"] a.jobLink @href', 'a[class*="JobCard_jobTitle"] @href', 'a.jobLink @href', 'a.jobTitle @href'],
    nextPage: ['a[data-test="pagination-next"] @href', 'li.next a @href', 'a.nextButton @href', 'button[data-test="pagination-next"] @href'],
  },
});
