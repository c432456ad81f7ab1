/**
 * XING (`xing.com/jobs/<city>-<title>-<id>`): a React page with `data-testid` hooks on the job
 * header and facts; `<title>` reads "Role – Employer – Place | XING" or "Role bei Employer in
 * Place | XING".
 * @module
 */
import { defineSite, type TitleParts } from './types.js';

function fromTitle(raw: string): TitleParts | undefined {
  if (raw.length > 400 || !/\bxing\b/i.test(raw)) return undefined;
  const t = raw.replace(/[|–-] ?XING(?: Jobs)?$/i, '').trim();
  const dash = t
    .split(/ [–—] /)
    .map((p) => p.trim())
    .filter(Boolean);
  if (dash.length >= 3) return { title: dash[0]!, company: dash[1]!, location: dash[2]! };
  const bei = t.indexOf(' bei ');
  if (bei > 0) {
    const rest = t.slice(bei + 5);
    const inAt = rest.lastIndexOf(' in ');
    return inAt > 0
      ? { title: t.slice(0, bei), company: rest.slice(0, inAt), location: rest.slice(inAt + 4) }
      : { title: t.slice(0, bei), company: rest };
  }
  return dash.length === 2 ? { title: dash[0]!, company: dash[1]! } : undefined;
}

export const xing = defineSite({
  id: 'xing',
  name: 'XING',
  hosts: ['xing.com'],
  match: (url) => /^\/jobs\/[^/]*-\d+(?:$|[/?#])/.test(url.pathname),
  fields: {
    title: [
      '[data-testid="job-details-title"]',
      '[data-testid="job-title"]',
      'h1[data-xds="Headline"]',
      '[class*="job-details-header"] h1',
      'main h1',
    ],
    company: [
      '[data-testid="job-details-company-info-name"]',
      '[data-testid="header-company-name"]',
      '[data-testid="company-name"]',
      '[class*="company-info"] a[href*="/pages/"]',
      'a[href*="xing.com/pages/"]',
    ],
    location: [
      '[data-testid="job-fact-location"]',
      '[data-testid="job-details-location"]',
      '[data-testid="job-location"]',
      '[class*="job-details-header"] [class*="location"]',
    ],
    employmentType: [
      '[data-testid="job-fact-employment-type"]',
      '[data-testid="job-details-employment-type"]',
      '[data-testid="job-fact-job-type"]',
    ],
    workplace: ['[data-testid="job-fact-remote-option"]', '[data-testid="job-fact-work-model"]'],
    salary: ['[data-testid="job-fact-salary"]', '[data-testid="salary-info"]', '[data-testid="job-details-salary"]'],
    datePosted: ['[data-testid="job-details-published-date"]', '[data-testid="job-fact-published"]', 'time @datetime'],
    applyUrl: ['a[data-testid="apply-button"][href] @href', 'a[data-testid="job-details-apply-button"][href] @href'],
    description: [
      '[data-testid="expandable-content"]',
      '[data-testid="job-description"]',
      '[class*="description-module"]',
      '#job-description',
    ],
  },
  fromTitle,
  clean: {
    // "(XING Schätzung)": the board's estimate, not pay the employer stated.
    salary: (t) => (/schätzung|prognose|estimate/i.test(t) ? undefined : t),
    workplace: (t) => (/teilweise|hybrid/i.test(t) ? 'hybrid' : /home-?office|remote|mobil/i.test(t) ? 'remote' : t),
  },
  currency: () => 'EUR',
  dateOrder: 'dmy',
  listing: {
    jobLinks: [
      '[data-testid="job-search-result"] a[href*="/jobs/"] @href',
      'article[data-xds="JobCard"] a @href',
      '[data-xds="JobCard"] a[href*="/jobs/"] @href',
    ],
    nextPage: ['a[aria-label="Nächste Seite"] @href', 'a[aria-label="Next page"] @href'],
  },
});
