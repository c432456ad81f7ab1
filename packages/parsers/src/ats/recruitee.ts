/**
 * Recruitee: `{company}.recruitee.com[/o/{slug}]` and its offers API.
 * @module
 */

import { defineAts } from './define.js';
import { enc, findInline, segments, tenantOf, token } from './match.js';
import { recruiteeBoard } from './recruitee.board.js';

const RESERVED = ['www', 'app', 'api', 'support', 'blog', 'docs', 'help', 'status', 'careers-api'];

export const recruitee = defineAts({
  id: 'recruitee',
  name: 'Recruitee',
  website: 'https://recruitee.com',
  detects: { url: true, embed: true, boardApi: true },
  rank: 180,
  hosts: ['recruitee.com'],
  employerHosted: true,
  brandNames: ['Recruitee'],
  assetHosts: ['recruitee.com', 'recruiteecdn.com'],
  matchUrl(url) {
    const company = tenantOf(url.hostname, 'recruitee.com', RESERVED);
    if (company === null) return null;
    const segs = segments(url);
    return { boardToken: company, jobId: segs[0] === 'o' ? token(segs[1]) : null };
  },
  matchPage(signals) {
    const m = findInline(signals.inlineScripts, /\bRtApp\b/);
    return m ? { boardToken: null, jobId: null, confidence: 0.6, evidence: ['inline script RtApp'] } : null;
  },
  boardApiUrl(boardToken) {
    return `https://${enc(boardToken)}.recruitee.com/api/offers/`;
  },
  board: recruiteeBoard,
});
