/**
 * Lever: `jobs(.eu).lever.co/{company}[/{uuid}[/apply]]` and the postings API. Company slugs are
 * case-sensitive, so the token keeps its case.
 * @module
 */

import { defineAts } from './define.js';
import { leverBoard } from './lever.board.js';
import { enc, segments, token } from './match.js';

const JOBS_HOST = /^jobs(?:\.(eu))?\.lever\.co$/;
const API_HOST = /^api(?:\.(eu))?\.lever\.co$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const lever = defineAts({
  id: 'lever',
  name: 'Lever',
  website: 'https://www.lever.co',
  detects: { url: true, embed: true, boardApi: true },
  rank: 40,
  hosts: ['lever.co'],
  employerHosted: true,
  brandNames: ['Lever'],
  canonicalUrl: {
    trackingParams: ['lever-source', 'lever-origin', 'lever-source[]'],
    // The `/apply` page is the same posting.
    canonicalize(u) {
      if (/^jobs\.(eu\.)?lever\.co$/.test(u.hostname)) {
        u.pathname = u.pathname.replace(/\/(apply|application)\/?$/, '');
        u.search = '';
      }
    },
  },
  assetHosts: ['lever.co'],
  matchUrl(url) {
    const host = url.hostname;
    const segs = segments(url);
    let rest: readonly string[];
    if (JOBS_HOST.test(host)) rest = segs;
    else if (API_HOST.test(host) && segs[0] === 'v0' && segs[1] === 'postings') rest = segs.slice(2);
    else return null;
    const board = token(rest[0]);
    if (board === null) return null;
    const id = rest[1] !== undefined && UUID.test(rest[1]) ? rest[1].toLowerCase() : null;
    return { boardToken: board, jobId: id, host };
  },
  boardApiUrl(boardToken, hints) {
    const eu = hints?.host !== undefined && /(?:^|\.)eu\.lever\.co$/.test(hints.host);
    return `https://api${eu ? '.eu' : ''}.lever.co/v0/postings/${enc(boardToken)}?mode=json`;
  },
  board: leverBoard,
});
