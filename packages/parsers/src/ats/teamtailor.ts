/**
 * Teamtailor: `{company}(.na).teamtailor.com/jobs[/{id}-{slug}]` and its public RSS feed.
 * Branded domains serve the same paths and load assets from `teamtailor-cdn.com`.
 * @module
 */

import { defineAts } from './define.js';
import { enc, findInline, isLocale, segments } from './match.js';
import { teamtailorBoard } from './teamtailor.board.js';

const HOST = /^([a-z0-9][a-z0-9-]*)(?:\.(na|eu))?\.teamtailor\.com$/;
const RESERVED = new Set(['www', 'app', 'api', 'docs', 'support', 'partner', 'partners', 'status', 'assets', 'cdn']);

export const teamtailor = defineAts({
  id: 'teamtailor',
  name: 'Teamtailor',
  website: 'https://www.teamtailor.com',
  detects: { url: true, embed: true, boardApi: true },
  rank: 130,
  hosts: ['teamtailor.com'],
  employerHosted: true,
  brandNames: ['Teamtailor'],
  assetHosts: ['teamtailor.com', 'teamtailor-cdn.com'],
  matchUrl(url) {
    const m = HOST.exec(url.hostname);
    if (!m || RESERVED.has(m[1]!)) return null;
    let segs = segments(url);
    if (isLocale(segs[0])) segs = segs.slice(1);
    const id = segs[0] === 'jobs' ? (/^(\d+)(?:-|$)/.exec(segs[1] ?? '')?.[1] ?? null) : null;
    return { boardToken: m[1]!, jobId: id, host: url.hostname };
  },
  matchPage(signals) {
    const m = findInline(signals.inlineScripts, /\bTeamtailor\.\w+/);
    return m ? { boardToken: null, jobId: null, confidence: 0.6, evidence: [`inline script ${m[0]}`] } : null;
  },
  boardApiUrl(boardToken, hints) {
    const host = hints?.host !== undefined && HOST.test(hints.host) ? hints.host : `${enc(boardToken)}.teamtailor.com`;
    return `https://${host}/jobs.rss`;
  },
  board: teamtailorBoard,
});
