/**
 * Manatal: `www.careers-page.com/{slug}[/job/{jobId}]` and the open career-page API. Some boards
 * are marketplaces with 16k+ postings, so callers should cap list sizes.
 * @module
 */

import { defineAts } from './define.js';
import { enc, segments, tenantOf, token } from './match.js';

const RESERVED_PATHS = new Set(['static', 'assets', 'api', 'media']);

export const manatal = defineAts({
  id: 'manatal',
  name: 'Manatal',
  website: 'https://www.manatal.com',
  detects: { url: true, embed: false, boardApi: true },
  rank: 290,
  hosts: ['careers-page.com', 'manatal.com'],
  employerHosted: true,
  assetHosts: ['careers-page.com'],
  matchUrl(url) {
    const host = url.hostname;
    const segs = segments(url);
    if (host === 'careers-page.com' || host === 'www.careers-page.com') {
      const board = token(segs[0]);
      if (board === null || RESERVED_PATHS.has(board)) return null;
      return { boardToken: board, jobId: segs[1] === 'job' ? token(segs[2]) : null };
    }
    const sub = tenantOf(host, 'careers-page.com', ['www', 'api', 'static', 'cdn']);
    if (sub !== null) return { boardToken: sub, jobId: segs[0] === 'job' ? token(segs[1]) : null };
    if ((host === 'core.api.manatal.com' || host === 'api.manatal.com') && segs.includes('career-page')) {
      const board = token(segs[segs.indexOf('career-page') + 1]);
      return board === null ? null : { boardToken: board, jobId: null };
    }
    return null;
  },
  boardApiUrl(boardToken) {
    return `https://core.api.manatal.com/open/v3/career-page/${enc(boardToken)}/jobs/`;
  },
});
