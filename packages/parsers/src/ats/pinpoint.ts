/**
 * Pinpoint: `{company}.pinpointhq.com[/{locale}]/postings/{id}` and the board's `postings.json`.
 * @module
 */

import { defineAts } from './define.js';
import { enc, isLocale, segments, tenantOf, token } from './match.js';
import { pinpointBoard } from './pinpoint.board.js';

const RESERVED = ['www', 'app', 'api', 'developers', 'help', 'status', 'support', 'cdn', 'assets'];

export const pinpoint = defineAts({
  id: 'pinpoint',
  name: 'Pinpoint',
  website: 'https://www.pinpointhq.com',
  detects: { url: true, embed: false, boardApi: true },
  rank: 160,
  hosts: ['pinpointhq.com'],
  employerHosted: true,
  assetHosts: ['pinpointhq.com'],
  matchUrl(url) {
    const company = tenantOf(url.hostname, 'pinpointhq.com', RESERVED);
    if (company === null) return null;
    let segs = segments(url);
    if (isLocale(segs[0])) segs = segs.slice(1);
    const id = segs[0] === 'postings' || segs[0] === 'jobs' ? token(segs[1]?.replace(/\.json$/, '')) : null;
    return { boardToken: company, jobId: id };
  },
  boardApiUrl(boardToken) {
    return `https://${enc(boardToken)}.pinpointhq.com/postings.json`;
  },
  board: pinpointBoard,
});
