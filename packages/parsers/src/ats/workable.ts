/**
 * Workable: `apply.workable.com/{account}[/j/{shortcode}]`, legacy `{account}.workable.com/j/{shortcode}`,
 * the widget API and the `whr_embed` widget.
 * @module
 */

import { defineAts } from './define.js';
import { enc, findInline, segments, tenantOf, token } from './match.js';
import { workableBoard } from './workable.board.js';

const RESERVED_SUBDOMAINS = ['www', 'apply', 'jobs', 'help', 'resources', 'api', 'blog', 'engineering', 'developers', 'status'];
const SHORTCODE = /^[A-Z0-9]{6,12}$/i;

export const workable = defineAts({
  id: 'workable',
  name: 'Workable',
  website: 'https://www.workable.com',
  detects: { url: true, embed: true, boardApi: true },
  rank: 100,
  hosts: ['workable.com'],
  employerHosted: true,
  brandNames: ['Workable'],
  canonicalUrl: {
    // The `/apply/` page is the same posting.
    canonicalize(u) {
      if (u.hostname === 'apply.workable.com') u.pathname = u.pathname.replace(/\/apply\/?$/, '/');
    },
  },
  assetHosts: ['workable.com'],
  matchUrl(url) {
    const host = url.hostname;
    const segs = segments(url);
    if (host === 'apply.workable.com') {
      if (segs[0] === 'api') {
        // /api/v1/widget/accounts/{account}, /api/v3/accounts/{account}/jobs
        const i = segs.indexOf('accounts');
        const board = i > 0 ? token(segs[i + 1]) : null;
        return board === null ? null : { boardToken: board, jobId: null };
      }
      if (segs[0] === 'j') {
        const id = segs[1] !== undefined && SHORTCODE.test(segs[1]) ? segs[1] : null;
        return id === null ? null : { boardToken: null, jobId: id };
      }
      const board = token(segs[0]);
      if (board === null) return null;
      const id = segs[1] === 'j' && segs[2] !== undefined && SHORTCODE.test(segs[2]) ? segs[2] : null;
      return { boardToken: board, jobId: id };
    }
    const account = tenantOf(host, 'workable.com', RESERVED_SUBDOMAINS);
    if (account === null) return null;
    const id = segs[0] === 'j' && segs[1] !== undefined && SHORTCODE.test(segs[1]) ? segs[1] : null;
    return { boardToken: account, jobId: id };
  },
  matchPage(signals) {
    const m = findInline(signals.inlineScripts, /\b(whr_embed|webpackChunk_workable_candidate)\b/);
    if (!m) return null;
    return { boardToken: null, jobId: null, confidence: m[1] === 'whr_embed' ? 0.7 : 0.6, evidence: [`inline script ${m[1]}`] };
  },
  boardApiUrl(boardToken) {
    return `https://apply.workable.com/api/v1/widget/accounts/${enc(boardToken)}?details=true`;
  },
  board: workableBoard,
});
