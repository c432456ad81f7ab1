/**
 * Rippling ATS: `ats.rippling.com[/{locale}]/{slug}/jobs[/{uuid}]` and the job-board API.
 * The slug is the exact hyphenated form; the vendor limits the API to 100 requests / 10 min.
 * @module
 */

import { defineAts } from './define.js';
import { enc, isLocale, segments, token } from './match.js';
import { ripplingBoard } from './rippling.board.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const rippling = defineAts({
  id: 'rippling',
  name: 'Rippling',
  website: 'https://www.rippling.com/recruiting',
  detects: { url: true, embed: false, boardApi: true },
  rank: 200,
  hosts: ['rippling.com'],
  employerHosted: ['rippling.com', 'rippling-ats.com'],
  clientRendered: true,
  matchUrl(url) {
    const host = url.hostname;
    let segs = segments(url);
    if (host === 'api.rippling.com' || (host === 'ats.rippling.com' && segs[0] === 'api')) {
      const i = segs.indexOf('board');
      const board = i > 0 ? token(segs[i + 1]) : null;
      return board === null ? null : { boardToken: board, jobId: null };
    }
    if (host !== 'ats.rippling.com') return null;
    if (isLocale(segs[0]) && segs[2] === 'jobs') segs = segs.slice(1);
    const board = token(segs[0]);
    if (board === null || segs[1] !== 'jobs') return null;
    const id = segs[2] !== undefined && UUID.test(segs[2]) ? segs[2].toLowerCase() : null;
    return { boardToken: board, jobId: id };
  },
  boardApiUrl(boardToken) {
    return `https://api.rippling.com/platform/api/ats/v1/board/${enc(boardToken)}/jobs`;
  },
  board: ripplingBoard,
});
