/**
 * Jobvite: `jobs.jobvite.com/{company}[/job/{id}]` and legacy `app|hire.jobvite.com/CompanyJobs/…`.
 * The XML feed needs a company id read from the page config, so no `boardApiUrl` from a slug.
 * @module
 */

import { defineAts } from './define.js';
import { findInline, param, segments, token } from './match.js';

const RESERVED = new Set(['api', '__assets__', 'careers']);

export const jobvite = defineAts({
  id: 'jobvite',
  name: 'Jobvite',
  website: 'https://www.jobvite.com',
  detects: { url: true, embed: true, boardApi: false },
  rank: 80,
  hosts: ['jobvite.com'],
  employerHosted: true,
  brandNames: ['Jobvite'],
  clientRendered: true,
  assetHosts: ['jobvite.com'],
  matchUrl(url) {
    const host = url.hostname;
    const segs = segments(url);
    if (host === 'jobs.jobvite.com' || host === 'careers.jobvite.com') {
      const board = token(segs[0]);
      if (board === null || RESERVED.has(board)) return null;
      const id = segs[1] === 'job' ? token(segs[2]) : null;
      return { boardToken: board, jobId: id };
    }
    if ((host === 'app.jobvite.com' || host === 'hire.jobvite.com') && segs[0]?.toLowerCase() === 'companyjobs') {
      const eid = param(url, 'c');
      return {
        boardToken: null,
        jobId: token(param(url, 'j')),
        evidence: eid !== null ? [`jobvite company id ${eid}`] : [],
      };
    }
    return null;
  },
  matchPage(signals) {
    const m = findInline(signals.inlineScripts, /\bJobvite\b/);
    return m ? { boardToken: null, jobId: null, confidence: 0.55, evidence: ['inline script Jobvite'] } : null;
  },
});
