/**
 * Polymer: `jobs.polymer.co/{org}[/{jobId}]` and the hire API.
 * @module
 */

import { defineAts } from './define.js';
import { enc, segments, token } from './match.js';

export const polymer = defineAts({
  id: 'polymer',
  name: 'Polymer',
  website: 'https://polymer.co',
  detects: { url: true, embed: false, boardApi: true },
  rank: 250,
  hosts: ['polymer.co'],
  employerHosted: true,
  assetHosts: ['polymer.co'],
  matchUrl(url) {
    const segs = segments(url);
    if (url.hostname === 'jobs.polymer.co') {
      const board = token(segs[0]);
      if (board === null) return null;
      return { boardToken: board, jobId: segs[1] !== undefined && /^\d+$/.test(segs[1]) ? segs[1] : null };
    }
    if (url.hostname === 'api.polymer.co' && segs.includes('organizations')) {
      const i = segs.indexOf('organizations');
      const board = token(segs[i + 1]);
      if (board === null) return null;
      const id = segs[i + 2] === 'jobs' && segs[i + 3] !== undefined && /^\d+$/.test(segs[i + 3]!) ? segs[i + 3]! : null;
      return { boardToken: board, jobId: id };
    }
    return null;
  },
  boardApiUrl(boardToken) {
    return `https://api.polymer.co/v1/hire/organizations/${enc(boardToken)}/jobs?page=1&per_page=50`;
  },
});
