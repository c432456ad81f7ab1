/**
 * BambooHR: `{company}.bamboohr.com/careers[/{id}]` (older `/jobs/`, `.bamboohr.co.uk`) and the
 * careers widget (`<div id="BambooHR" data-domain="{company}.bamboohr.com">`).
 * @module
 */

import { bamboohrBoard } from './bamboohr.board.js';
import { defineAts } from './define.js';
import { enc, findInline, param, segments, tenantOf } from './match.js';
import type { AtsUrlMatch } from './types.js';

const SUFFIXES = ['bamboohr.com', 'bamboohr.co.uk'];
const RESERVED = ['www', 'api', 'app', 'help', 'marketplace', 'partners', 'status', 'cdn', 'resources', 'static'];

function matchHost(host: string): string | null {
  for (const s of SUFFIXES) {
    const t = tenantOf(host, s, RESERVED);
    if (t !== null) return t;
  }
  return null;
}

export const bamboohr = defineAts({
  id: 'bamboohr',
  name: 'BambooHR',
  website: 'https://www.bamboohr.com',
  detects: { url: true, embed: true, boardApi: true },
  rank: 120,
  hosts: ['bamboohr.com', 'bamboohr.co.uk'],
  employerHosted: true,
  brandNames: ['BambooHR'],
  assetHosts: SUFFIXES,
  matchUrl(url): AtsUrlMatch | null {
    const company = matchHost(url.hostname);
    if (company === null) return null;
    const segs = segments(url);
    let id: string | null = null;
    if (segs[0] === 'careers' && segs[1] !== undefined && /^\d+$/.test(segs[1])) id = segs[1];
    else if (segs[0] === 'jobs' && segs[1] === 'view.php') id = param(url, 'id');
    return { boardToken: company, jobId: id !== null && /^\d+$/.test(id) ? id : null, host: url.hostname };
  },
  matchPage(signals) {
    const domain = signals.attributes.find((a) => a.name === 'data-domain' && matchHost(a.value.trim().toLowerCase()) !== null);
    if (domain) {
      return {
        boardToken: matchHost(domain.value.trim().toLowerCase()),
        jobId: null,
        confidence: 0.9,
        evidence: [`${domain.tag} data-domain ${domain.value.trim()}`],
      };
    }
    const mount = signals.attributes.find((a) => a.name === 'id' && a.value === 'BambooHR');
    const inline = findInline(signals.inlineScripts, /\bscrollToBambooHR\b/);
    if (!mount && !inline) return null;
    return {
      boardToken: null,
      jobId: null,
      confidence: 0.6,
      evidence: [mount ? 'element id BambooHR' : 'inline script scrollToBambooHR'],
    };
  },
  boardApiUrl(boardToken, hints) {
    const host = hints?.host !== undefined && matchHost(hints.host) !== null ? hints.host : `${enc(boardToken)}.bamboohr.com`;
    return `https://${host}/careers/list`;
  },
  board: bamboohrBoard,
});
