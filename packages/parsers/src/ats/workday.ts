/**
 * Workday: `{tenant}.wd{N}.myworkdayjobs.com[/{locale}]/{site}[/job/…/{title}_{reqId}]`,
 * `wd{N}.myworkdaysite.com/recruiting/{tenant}/{site}` and the CXS API. The board token is
 * `{tenant}/{site}`; the `wdN` pod is not part of it, so the match carries `host`.
 * @module
 */

import { defineAts } from './define.js';
import { enc, isLocale, requireHost, segments, splitPair, token } from './match.js';
import type { AtsUrlMatch } from './types.js';
import { workdayBoard } from './workday.board.js';

const JOBS_HOST = /^([a-z0-9][a-z0-9-]*)\.(?:(wd\d+)\.)?myworkdayjobs\.com$/;
const SITE_HOST = /^(wd\d+)\.myworkdaysite\.com$/;

/** `Senior-Engineer_R12345` → `R12345`; Workday slugs use hyphens, so the first `_` starts the req id. */
function reqId(seg: string | undefined): string | null {
  if (seg === undefined) return null;
  const i = seg.indexOf('_');
  return i >= 0 && i < seg.length - 1 ? seg.slice(i + 1) : null;
}

function fromPath(tenant: string, rest: readonly string[], host: string, pod: string | undefined): AtsUrlMatch | null {
  const site = token(rest[0]);
  if (site === null || site === 'job' || site === 'details' || site === 'wday') return null;
  const marker = rest.findIndex((s, i) => i > 0 && (s === 'job' || s === 'details'));
  const jobId = marker > 0 ? reqId(rest[rest.length - 1]) : null;
  return {
    boardToken: `${tenant}/${site}`,
    jobId,
    host,
    evidence: pod !== undefined ? [`workday pod ${pod} (host ${host})`] : [`workday host ${host}`],
  };
}

export const workday = defineAts({
  id: 'workday',
  name: 'Workday',
  website: 'https://www.workday.com',
  detects: { url: true, embed: true, boardApi: true },
  rank: 20,
  hosts: ['myworkdayjobs.com', 'myworkdaysite.com'],
  employerHosted: true,
  brandNames: ['Workday'],
  clientRendered: { markers: ['myworkdayjobs.com', 'myworkdaysite.com', /wd\d+\.myworkday/i, 'data-automation-id="jobPosting'] },
  assetHosts: ['myworkdayjobs.com', 'myworkdaysite.com', 'myworkday.com'],
  matchUrl(url) {
    const host = url.hostname;
    let segs = segments(url);
    const jobs = JOBS_HOST.exec(host);
    if (jobs) {
      const tenant = jobs[1]!;
      if (tenant === 'www') return null;
      if (segs[0] === 'wday' && segs[1] === 'cxs' && segs[2] === tenant) return fromPath(tenant, segs.slice(3), host, jobs[2]);
      if (isLocale(segs[0])) segs = segs.slice(1);
      return fromPath(tenant, segs, host, jobs[2]);
    }
    const site = SITE_HOST.exec(host);
    if (site) {
      if (segs[0] === 'wday' && segs[1] === 'cxs') {
        const tenant = token(segs[2]);
        return tenant === null ? null : fromPath(tenant.toLowerCase(), segs.slice(3), host, site[1]);
      }
      if (isLocale(segs[0])) segs = segs.slice(1);
      if (segs[0] !== 'recruiting') return null;
      const tenant = token(segs[1]);
      return tenant === null ? null : fromPath(tenant.toLowerCase(), segs.slice(2), host, site[1]);
    }
    return null;
  },
  /** The CXS list endpoint; it takes a POST with `{"appliedFacets":{},"limit":20,"offset":0,"searchText":""}`. */
  boardApiUrl(boardToken, hints) {
    const host = requireHost('workday', hints, 'the wdN pod is not part of the board token');
    const [tenant, site] = splitPair('workday', boardToken, '{tenant}/{site}');
    return `https://${host}/wday/cxs/${enc(tenant)}/${enc(site)}/jobs`;
  },
  board: workdayBoard,
});
