/**
 * Greenhouse: `boards.greenhouse.io/{token}`, `job-boards(.eu).greenhouse.io/{token}/jobs/{id}`,
 * embeds (`/embed/job_board?for=`, `/embed/job_app?for=&token=`), the board API and `?gh_jid=`.
 * @module
 */

import { defineAts } from './define.js';
import { greenhouseBoard } from './greenhouse.board.js';
import { enc, findInline, hostIs, param, segments, token } from './match.js';

const BOARD_HOST = /^(?:boards|job-boards)(?:\.([a-z]{2}))?\.greenhouse\.io$/;
const API_HOST = /^boards-api(?:\.([a-z]{2}))?\.greenhouse\.io$/;
const NUMERIC = /^\d+$/;

export const greenhouse = defineAts({
  id: 'greenhouse',
  name: 'Greenhouse',
  website: 'https://www.greenhouse.com',
  detects: { url: true, embed: true, boardApi: true },
  rank: 10,
  // `?gh_jid=` links on company sites that embed the board.
  hosts: 'any',
  employerHosted: ['greenhouse.io'],
  brandNames: ['Greenhouse'],
  canonicalUrl: {
    trackingParams: ['gh_src', 'gh_jid_src'],
    // New and old board hosts show the same posting; only the path identifies it.
    canonicalize(u) {
      if (/^(job-)?boards(\.eu)?\.greenhouse\.io$/.test(u.hostname) && /\/jobs\/\d+/.test(u.pathname)) {
        u.hostname = u.hostname.replace(/^job-boards/, 'boards');
        u.search = '';
      }
    },
  },
  assetHosts: ['greenhouse.io'],
  matchUrl(url) {
    const host = url.hostname;
    const ghJid = param(url, 'gh_jid');
    if (!hostIs(host, 'greenhouse.io')) {
      // Company sites that embed the board link to their own pages with ?gh_jid={id}: a hint, not proof.
      return ghJid !== null && NUMERIC.test(ghJid)
        ? { boardToken: null, jobId: ghJid, confidence: 0.7, evidence: [`query gh_jid=${ghJid}`] }
        : null;
    }
    const segs = segments(url);
    if (BOARD_HOST.test(host)) {
      if (segs[0] === 'embed') {
        const board = token(param(url, 'for'));
        if (board === null) return null;
        const id = param(url, 'token');
        return { boardToken: board, jobId: id !== null && NUMERIC.test(id) ? id : null, host };
      }
      const board = token(segs[0]);
      if (board === null) return null;
      const id = segs[1] === 'jobs' && segs[2] !== undefined && NUMERIC.test(segs[2]) ? segs[2] : ghJid;
      return { boardToken: board, jobId: id, host };
    }
    if (API_HOST.test(host) && segs[0] === 'v1' && segs[1] === 'boards') {
      const board = token(segs[2]);
      if (board === null) return null;
      const id = segs[3] === 'jobs' && segs[4] !== undefined && NUMERIC.test(segs[4]) ? segs[4] : null;
      return { boardToken: board, jobId: id, host };
    }
    return null;
  },
  matchPage(signals) {
    const byId = signals.attributes.find((a) => a.name === 'id' && /^grnhse_(?:app|iframe)$/i.test(a.value));
    const inline = findInline(signals.inlineScripts, /\b(Grnhse\.\w+|populateGreenhouseJobs)\b/);
    if (!byId && !inline) return null;
    const evidence: string[] = [];
    if (byId) evidence.push(`element id ${byId.value}`);
    if (inline) evidence.push(`inline script ${inline[1]}`);
    return { boardToken: null, jobId: null, confidence: byId && inline ? 0.65 : 0.6, evidence };
  },
  boardApiUrl(boardToken, hints) {
    const region = hints?.host !== undefined ? (BOARD_HOST.exec(hints.host)?.[1] ?? API_HOST.exec(hints.host)?.[1]) : undefined;
    const apiHost = region !== undefined ? `boards-api.${region}.greenhouse.io` : 'boards-api.greenhouse.io';
    return `https://${apiHost}/v1/boards/${enc(boardToken)}/jobs?content=true`;
  },
  board: greenhouseBoard,
});
