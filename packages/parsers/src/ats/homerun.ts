/**
 * Homerun: `{company}.homerun.co[/{job-slug}[/{lang}]]` and its widget globals. The public API
 * needs a bearer key, so no `boardApiUrl`.
 * @module
 */

import { defineAts } from './define.js';
import { findInline, segments, tenantOf, token } from './match.js';

const RESERVED = ['www', 'app', 'api', 'help', 'cdn', 'assets', 'static', 'feed', 'status', 'blog'];

export const homerun = defineAts({
  id: 'homerun',
  name: 'Homerun',
  website: 'https://www.homerun.co',
  detects: { url: true, embed: true, boardApi: false },
  rank: 220,
  hosts: ['homerun.co'],
  employerHosted: true,
  assetHosts: ['homerun.co'],
  matchUrl(url) {
    const company = tenantOf(url.hostname, 'homerun.co', RESERVED);
    if (company === null) return null;
    const segs = segments(url);
    const slug = segs[0] !== undefined && segs[0] !== 'apply' ? token(segs[0]) : null;
    return { boardToken: company, jobId: slug };
  },
  matchPage(signals) {
    const m = findInline(signals.inlineScripts, /\b(homerunI18n|homerunPrivacySettings)\b/);
    return m ? { boardToken: null, jobId: null, confidence: 0.6, evidence: [`inline script ${m[1]}`] } : null;
  },
});
