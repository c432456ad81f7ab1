/**
 * Dover: `app.dover.com/jobs/{slug}`, `app.dover.com/apply/{slug}/{jobId}` (and the older
 * `app.dover.io`). `boardApiUrl` is the slug lookup, the first of two calls.
 * @module
 */

import { defineAts } from './define.js';
import { doverBoard } from './dover.board.js';
import { enc, segments, token } from './match.js';

const HOSTS = new Set(['app.dover.com', 'app.dover.io']);

export const dover = defineAts({
  id: 'dover',
  name: 'Dover',
  website: 'https://www.dover.com',
  detects: { url: true, embed: true, boardApi: true },
  rank: 90,
  hosts: ['dover.com', 'dover.io'],
  employerHosted: true,
  assetHosts: ['app.dover.com', 'app.dover.io'],
  matchUrl(url) {
    if (!HOSTS.has(url.hostname)) return null;
    const segs = segments(url);
    if (segs[0] === 'jobs' || segs[0] === 'apply') {
      const board = token(segs[1]);
      if (board === null) return null;
      return { boardToken: board, jobId: segs[0] === 'apply' ? token(segs[2]) : null };
    }
    if (segs[0] === 'api' && segs.includes('careers-page-slug')) {
      const board = token(segs[segs.indexOf('careers-page-slug') + 1]);
      return board === null ? null : { boardToken: board, jobId: null };
    }
    return null;
  },
  /** Returns the careers page (with its id); the jobs list is `/api/v1/careers-page/{id}/jobs`. */
  boardApiUrl(boardToken) {
    return `https://app.dover.com/api/v1/careers-page-slug/${enc(boardToken)}`;
  },
  board: doverBoard,
});
