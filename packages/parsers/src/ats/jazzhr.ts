/**
 * JazzHR: `{company}.applytojob.com/apply[/{jobId}/{slug}]` and the `app.jazz.co` widget.
 * No public list API exists (the feed answers 302/410), so there is no `boardApiUrl`.
 * @module
 */

import { defineAts } from './define.js';
import { findInline, segments, tenantOf, token } from './match.js';

const RESERVED = ['www', 'app', 'api', 'help'];

export const jazzhr = defineAts({
  id: 'jazzhr',
  name: 'JazzHR',
  website: 'https://www.jazzhr.com',
  detects: { url: true, embed: true, boardApi: false },
  rank: 110,
  hosts: ['jazz.co', 'applytojob.com'],
  employerHosted: true,
  assetHosts: ['jazz.co', 'jazzhr.com', 'applytojob.com'],
  matchUrl(url) {
    const segs = segments(url);
    if (url.hostname === 'app.jazz.co' && segs[0] === 'widgets') {
      // app.jazz.co/widgets/{kind}/create/{company}
      const i = segs.indexOf('create');
      const board = i > 0 ? token(segs[i + 1]) : null;
      return board === null ? null : { boardToken: board, jobId: null };
    }
    const company = tenantOf(url.hostname, 'applytojob.com', RESERVED);
    if (company === null) return null;
    const id = segs[0] === 'apply' && segs[1] !== undefined && /^[A-Za-z0-9]{6,}$/.test(segs[1]) && segs[1] !== 'jobs' ? segs[1] : null;
    return { boardToken: company, jobId: id };
  },
  matchPage(signals) {
    const m = findInline(signals.inlineScripts, /\bJazzHR\b/);
    return m ? { boardToken: null, jobId: null, confidence: 0.5, evidence: ['inline script mentions JazzHR'] } : null;
  },
});
