/**
 * Ashby: `jobs.ashbyhq.com/{org}[/{uuid}[/application]]`, the embed script `/{org}/embed`, the
 * posting API, and `?ashby_jid=` on company pages that embed the board.
 * @module
 */

import { ashbyBoard } from './ashby.board.js';
import { defineAts } from './define.js';
import { enc, param, segments, token } from './match.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESERVED = new Set(['api', 'embed']);

export const ashby = defineAts({
  id: 'ashby',
  name: 'Ashby',
  website: 'https://www.ashbyhq.com',
  detects: { url: true, embed: true, boardApi: true },
  rank: 60,
  // `?ashby_jid=` links on company sites that embed the board.
  hosts: 'any',
  employerHosted: ['ashbyhq.com'],
  brandNames: ['Ashby'],
  clientRendered: true,
  canonicalUrl: {
    // The `/application` page is the same posting.
    canonicalize(u) {
      if (u.hostname === 'jobs.ashbyhq.com') {
        u.pathname = u.pathname.replace(/\/(apply|application)\/?$/, '');
        u.search = '';
      }
    },
  },
  assetHosts: ['ashbyhq.com'],
  matchUrl(url) {
    const host = url.hostname;
    const segs = segments(url);
    if (host === 'jobs.ashbyhq.com') {
      const board = token(segs[0]);
      if (board === null || RESERVED.has(board)) return null;
      const id = segs[1] !== undefined && UUID.test(segs[1]) ? segs[1].toLowerCase() : null;
      return { boardToken: board, jobId: id };
    }
    if (host === 'api.ashbyhq.com' && segs[0] === 'posting-api' && segs[1] === 'job-board') {
      const board = token(segs[2]);
      return board === null ? null : { boardToken: board, jobId: null };
    }
    if (!host.endsWith('ashbyhq.com')) {
      const jid = param(url, 'ashby_jid');
      if (jid !== null && UUID.test(jid)) {
        return { boardToken: null, jobId: jid.toLowerCase(), confidence: 0.7, evidence: [`query ashby_jid=${jid}`] };
      }
    }
    return null;
  },
  matchPage(signals) {
    const mount = signals.attributes.find((a) => a.name === 'id' && a.value === 'ashby_embed');
    return mount ? { boardToken: null, jobId: null, confidence: 0.6, evidence: ['element id ashby_embed'] } : null;
  },
  boardApiUrl(boardToken) {
    return `https://api.ashbyhq.com/posting-api/job-board/${enc(boardToken)}?includeCompensation=true`;
  },
  board: ashbyBoard,
});
