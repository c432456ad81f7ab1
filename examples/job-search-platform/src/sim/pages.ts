/**
 * HTML of the simulated internet: company homepages and careers pages, job pages with or without
 * schema.org JSON-LD (own sites and ATS-hosted pages alike), and hosted ATS board pages.
 * Values are HTML-escaped here; vendors' API payloads live in `vendors.ts`.
 * @module
 */
import type { SimCompany, SimJob } from './world.js';

/** Escape text for HTML content and attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const SYMBOL: Record<string, string> = { USD: '$', CAD: 'CA$', GBP: '£', EUR: '€' };
const EMPLOYMENT_LABEL: Record<string, string> = {
  full_time: 'Full-time',
  part_time: 'Part-time',
  contract: 'Contract',
  internship: 'Internship',
};
const WORKPLACE_LABEL: Record<string, string> = { remote: 'Remote', hybrid: 'Hybrid', onsite: 'On-site' };

export const employmentLabel = (j: SimJob) => EMPLOYMENT_LABEL[j.employment] ?? 'Full-time';
const workplaceLabel = (j: SimJob) => WORKPLACE_LABEL[j.workplace] ?? 'On-site';

/** `€60,000 – €75,000 per year` (how people write pay in prose). */
function salaryText(j: SimJob): string | null {
  if (!j.salary) return null;
  const sym = SYMBOL[j.salary.currency] ?? `${j.salary.currency} `;
  const n = (v: number) => `${sym}${v.toLocaleString('en-US')}`;
  return `${n(j.salary.min)} – ${n(j.salary.max)} per ${j.salary.period}`;
}

/** The description as HTML paragraphs. */
export function descriptionHtml(j: SimJob): string {
  return j.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
}

function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">${head}</head>
<body>${body}</body></html>`;
}

/** schema.org JobPosting JSON-LD (Google's required and recommended properties). */
function jobPostingJsonLd(company: SimCompany, j: SimJob, url: string): string {
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: j.title,
    description: descriptionHtml(j),
    datePosted: j.postedAt,
    employmentType: j.employment.toUpperCase(),
    hiringOrganization: { '@type': 'Organization', name: company.name, sameAs: `https://${company.domain}` },
    jobLocation: {
      '@type': 'Place',
      address: { '@type': 'PostalAddress', addressLocality: j.city, addressRegion: j.region, addressCountry: j.country },
    },
    identifier: { '@type': 'PropertyValue', name: company.name, value: j.id },
    url,
    directApply: true,
  };
  if (j.workplace === 'remote') {
    ld.jobLocationType = 'TELECOMMUTE';
    ld.applicantLocationRequirements = { '@type': 'Country', name: j.countryName };
  }
  if (j.salary) {
    ld.baseSalary = {
      '@type': 'MonetaryAmount',
      currency: j.salary.currency,
      value: { '@type': 'QuantitativeValue', minValue: j.salary.min, maxValue: j.salary.max, unitText: j.salary.period.toUpperCase() },
    };
  }
  // `<` inside a script would end it early; JSON allows the escape.
  return `<script type="application/ld+json">${JSON.stringify(ld).replace(/</g, '\\u003c')}</script>`;
}

export interface JobPageOptions {
  url: string;
  applyUrl: string;
  jsonLd: boolean;
  /** Extra markup identifying the host (e.g. an ATS footer). */
  footer?: string;
}

/** A job page; without JSON-LD the facts are laid out the way heuristics expect (labelled lines). */
export function jobPage(company: SimCompany, j: SimJob, o: JobPageOptions): string {
  const salary = salaryText(j);
  const facts = [
    `<li class="location">Location: ${esc(`${j.city}, ${j.countryName}`)}</li>`,
    `<li class="workplace">Workplace: ${workplaceLabel(j)}</li>`,
    `<li class="employment-type">Employment type: ${employmentLabel(j)}</li>`,
    `<li class="department">Department: ${esc(j.department)}</li>`,
    salary ? `<li class="salary">Salary: ${esc(salary)}</li>` : '',
    `<li class="posted">Posted on ${j.postedAt}</li>`,
  ].join('\n');
  const body = `<header><a href="https://${esc(company.domain)}/">${esc(company.name)}</a></header>
<main class="job">
<h1 class="job-title">${esc(j.title)}</h1>
<p class="company">${esc(company.name)}</p>
${j.thin ? '' : `<ul class="job-facts">${facts}</ul>`}
<section class="job-description">${descriptionHtml(j)}</section>
<p><a class="apply" href="${esc(o.applyUrl)}">Apply for this job</a></p>
</main>${o.footer ?? ''}`;
  const head = `<link rel="canonical" href="${esc(o.url)}">${o.jsonLd ? jobPostingJsonLd(company, j, o.url) : ''}`;
  return page(`${j.title} at ${company.name}`, body, head);
}

/** A list of job links, as hosted boards and own careers pages show them. */
export function jobListPage(title: string, _company: SimCompany, links: { href: string; job: SimJob }[], extra = ''): string {
  const items = links
    .map(
      ({ href, job }) =>
        `<li class="opening"><a href="${esc(href)}">${esc(job.title)}</a> <span class="location">${esc(job.city)}</span></li>`,
    )
    .join('\n');
  return page(title, `<h1>${esc(title)}</h1>${extra}<ul class="openings">${items}</ul>`);
}

/** Company homepage: a nav with a Careers link, as discovery expects. */
export function homePage(company: SimCompany): string {
  return page(
    company.name,
    `<nav><a href="/">Home</a> <a href="/about">About us</a> <a href="/careers">Careers</a></nav>
<h1>${esc(company.name)}</h1><p>${esc(company.name)} builds products people love.</p>`,
  );
}

/** Careers page that sends candidates to the company's ATS board. */
export function atsCareersPage(company: SimCompany, boardUrl: string, vendorLabel: string): string {
  return page(
    `Careers at ${company.name}`,
    `<h1>Careers at ${esc(company.name)}</h1>
<p>We are hiring! Our open positions are listed on ${esc(vendorLabel)}.</p>
<p><a class="jobs-board" href="${esc(boardUrl)}">See all open jobs</a></p>`,
  );
}
