/**
 * StepStone (`stepstone.de/.at/.be/.nl/.fr`, and the same platform at Totaljobs, CWJobs,
 * Caterer): job ads (`/stellenangebote--…--123-inline.html`, `/job/…-job123`). Fields carry
 * `data-at` attributes that have outlived several redesigns; class names are the fallback.
 * @module
 */
import { defineSite } from './types.js';

const UK_HOSTS = /(?:^|\.)(?:totaljobs\.com|cwjobs\.co\.uk|caterer\.com|jobsite\.co\.uk|stepstone\.co\.uk)$/;

export const stepstone = defineSite({
  id: 'stepstone',
  name: 'StepStone',
  hosts: ['stepstone.*', 'totaljobs.com', 'cwjobs.co.uk', 'caterer.com', 'jobsite.co.uk'],
  match: (url) =>
    /--\d+(?:-inline)?\.html$/i.test(url.pathname) ||
    /\/job\/[^/]+\/[^/]*-job\d+/i.test(url.pathname) ||
    /^\/(?:stellenangebote|job|offres-emploi|vacatures|jobs)--/i.test(url.pathname),
  fields: {
    title: [
      '[data-at="header-job-title"]',
      'h1[data-at*="job-title"]',
      '.listing__job-title',
      '.at-header-company-jobTitle',
      '.listing-content h1',
      '.job-ad-display h1',
    ],
    company: [
      '[data-at="metadata-company-name"]',
      '[data-at="header-company-name"]',
      '.listing__company-name',
      '.at-header-company-name',
      'a[data-at="header-company-logo"] @title',
    ],
    location: ['[data-at="metadata-location"]', '.listing__location', '.at-listing__list-icons_location', '[data-at="job-ad-location"]'],
    employmentType: [
      '[data-at="metadata-work-type"]',
      '[data-at="metadata-contract-type"]',
      '.at-listing__list-icons_work-type',
      '.at-listing__list-icons_contract-type',
    ],
    workplace: ['[data-at="metadata-work-from-home"]', '[data-at="metadata-home-office"]', '.at-listing__list-icons_work-from-home'],
    salary: ['[data-at="metadata-salary"]', '.at-listing__list-icons_salary', '.listing__salary'],
    datePosted: ['[data-at="metadata-online-date"]', '.at-listing__list-icons_date', '.listing__date', '[data-at="metadata-date"]'],
    applyUrl: ['a[data-at="apply-button"][href] @href', 'a[data-at="header-apply-button"][href] @href', 'a[data-at*="apply"][href] @href'],
    description: [
      '[data-at="job-ad-content"]',
      '[data-at="section-text-description-content"]',
      '.js-app-ld-ContentBlock',
      '.listing-content',
      '.at-section-text-description-content',
    ],
  },
  descriptionLabels: {
    bewerbungsschluss: 'validThrough',
    bewerbungsfrist: 'validThrough',
    'bewerbung bis': 'validThrough',
    'closing date': 'validThrough',
    arbeitszeit: 'employmentType',
    'date limite': 'validThrough',
    sluitingsdatum: 'validThrough',
  },
  descriptionFacts: [[/\bbewerbung(?:en)? bis (?:zum )?(\d{1,2}\.\s?\d{1,2}\.\s?\d{4})/i, 'validThrough']],
  clean: {
    // "Teilweise Home-Office", "Home-Office möglich": partly remote; "Home-Office" alone: remote.
    workplace: (t) =>
      /teilweise|möglich|partiel|gedeeltelijk|partly|partial/i.test(t)
        ? 'hybrid'
        : /home-?office|remote|télétravail|thuiswerk/i.test(t)
          ? 'remote'
          : t,
    datePosted: (t) => t.replace(/^(?:erschienen|online seit|publiée?|geplaatst|posted)\s*:?\s*/i, ''),
  },
  currency: (host) => (UK_HOSTS.test(host) ? 'GBP' : 'EUR'),
  dateOrder: 'dmy',
  listing: {
    jobLinks: [
      'a[data-at="job-item-title"] @href',
      'article[data-at="job-item"] h2 a @href',
      'article[data-testid="job-item"] a[data-at="job-item-title"] @href',
      '[data-genesis-element="CARD"] a[data-at="job-item-title"] @href',
    ],
    nextPage: [
      'a[data-at="pagination-next"] @href',
      'a[aria-label="Nächste"] @href',
      'a[aria-label="Next"] @href',
      'a[aria-label="Suivante"] @href',
      'a[aria-label="Volgende"] @href',
    ],
  },
});
