/**
 * SAP SuccessFactors: legacy `career{N}.successfactors.com|.eu/career?company={id}` and
 * `/sfcareer/…?jobId=`. Branded Career Site Builder hosts carry no vendor name, so those are only
 * recognised weakly, from `rmkcdn.successfactors.com` / `jobs2web` assets.
 * @module
 */

import { defineAts } from './define.js';
import { findInline, param, token } from './match.js';

const HOST = /^(?:career|performancemanager|hcm)[a-z0-9]*\.(?:sapsf\.)?successfactors\.(?:com|eu)$/;

export const successfactors = defineAts({
  id: 'successfactors',
  name: 'SAP SuccessFactors',
  website: 'https://www.sap.com/products/hcm.html',
  detects: { url: true, embed: true, boardApi: false },
  rank: 70,
  hosts: ['successfactors.com', 'successfactors.eu'],
  employerHosted: true,
  brandNames: ['SuccessFactors'],
  clientRendered: { markers: ['successfactors.com', 'successfactors.eu', 'jobs.sap.com'] },
  assetHosts: ['successfactors.com', 'successfactors.eu', 'jobs2web.com'],
  matchUrl(url) {
    if (!HOST.test(url.hostname)) return null;
    return {
      boardToken: token(param(url, 'company')),
      jobId: token(param(url, 'career_job_req_id') ?? param(url, 'jobId')),
      host: url.hostname,
    };
  },
  matchPage(signals) {
    const m = findInline(signals.inlineScripts, /\bjobs2web\b/i);
    return m ? { boardToken: null, jobId: null, confidence: 0.55, evidence: ['inline script jobs2web'] } : null;
  },
});
