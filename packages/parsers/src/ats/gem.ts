/**
 * Gem: `jobs.gem.com/{board}[/{jobId}]` and the public job-board API.
 * @module
 */

import { defineAts } from './define.js';
import { enc, segments, token } from './match.js';

const RESERVED = new Set(['api', 'static', 'assets']);

export const gem = defineAts({
  id: 'gem',
  name: 'Gem',
  website: 'https://www.gem.com',
  detects: { url: true, embed: false, boardApi: true },
  rank: 240,
  hosts: ['gem.com'],
  employerHosted: true,
  assetHosts: ['jobs.gem.com'],
  matchUrl(url) {
    const segs = segments(url);
    if (url.hostname === 'jobs.gem.com') {
      const board = token(segs[0]);
      if (board === null || RESERVED.has(board)) return null;
      return { boardToken: board, jobId: token(segs[1]) };
    }
    if (url.hostname === 'api.gem.com' && segs[0] === 'job_board') {
      const board = token(segs[2]);
      if (board === null) return null;
      return { boardToken: board, jobId: segs[3] === 'job_posts' ? token(segs[4]) : null };
    }
    return null;
  },
  boardApiUrl(boardToken) {
    return `https://api.gem.com/job_board/v0/${enc(boardToken)}/job_posts/`;
  },
});
