/**
 * Job-link extraction from career and listing pages.
 * @module
 */

export type { ExtractJobLinksOptions, JobLink, JobLinks } from './extract-job-links.js';
export { extractJobLinks } from './extract-job-links.js';
export { isJobUrl } from './job-url.js';
