/**
 * SmartRecruiters: `jobs.smartrecruiters.com/{company}/{postingId}-{slug}`,
 * `careers.smartrecruiters.com/{company}`, the postings API and the job widget.
 * @module
 */

import { defineAts } from './define.js';
import { enc, findInline, segments, token } from './match.js';
import { smartrecruitersBoard } from './smartrecruiters.board.js';

const RESERVED = new Set(['oneclick-ui', 'sr-jobs', 'api', 'widget', 'static']);

export const smartrecruiters = defineAts({
  id: 'smartrecruiters',
  name: 'SmartRecruiters',
  website: 'https://www.smartrecruiters.com',
  detects: { url: true, embed: true, boardApi: true },
  rank: 30,
  hosts: ['smartrecruiters.com'],
  employerHosted: true,
  brandNames: ['SmartRecruiters'],
  clientRendered: true,
  assetHosts: ['smartrecruiters.com'],
  matchUrl(url) {
    const host = url.hostname;
    const segs = segments(url);
    if (host === 'jobs.smartrecruiters.com' || host === 'careers.smartrecruiters.com') {
      if (segs[0] === 'oneclick-ui' && segs[1] === 'company') {
        const board = token(segs[2]);
        return board === null ? null : { boardToken: board, jobId: null };
      }
      const board = token(segs[0]);
      if (board === null || RESERVED.has(board)) return null;
      const id = /^(\d{6,})(?:-|$)/.exec(segs[1] ?? '')?.[1] ?? null;
      return { boardToken: board, jobId: id };
    }
    if (host === 'api.smartrecruiters.com' && segs[0] === 'v1' && segs[1] === 'companies') {
      const board = token(segs[2]);
      if (board === null) return null;
      return { boardToken: board, jobId: segs[3] === 'postings' ? (token(segs[4]) ?? null) : null };
    }
    return null;
  },
  matchPage(signals) {
    // The job widget is configured inline with the company identifier.
    const m = findInline(signals.inlineScripts, /["']?company_code["']?\s*:\s*["']([A-Za-z0-9_-]{2,100})["']/);
    if (!m) return null;
    return { boardToken: m[1]!, jobId: null, confidence: 0.85, evidence: [`inline script company_code "${m[1]}"`] };
  },
  boardApiUrl(boardToken) {
    return `https://api.smartrecruiters.com/v1/companies/${enc(boardToken)}/postings?limit=100&offset=0`;
  },
  board: smartrecruitersBoard,
});
