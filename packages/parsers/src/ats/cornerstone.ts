/**
 * Cornerstone OnDemand career sites: `{tenant}.csod.com/ux/ats/careersite/{site}/home[/requisition/{id}]?c={tenant}`
 * and the older `{tenant}.csod.com/ats/careersite/JobDetails.aspx?id={id}&site={site}`. The token
 * is the tenant label. The career site renders client-side from an API that needs a session
 * token, so this is detection only.
 * @module
 */

import { defineAts } from './define.js';
import { param, segments, tenantOf, token } from './match.js';

const RESERVED = ['www', 'api', 'cdn', 'static', 'help', 'support', 'status', 'login'];

export const cornerstone = defineAts({
  id: 'cornerstone',
  name: 'Cornerstone OnDemand',
  website: 'https://www.cornerstoneondemand.com',
  detects: { url: true, embed: true, boardApi: false },
  rank: 350,
  hosts: ['csod.com'],
  assetHosts: ['csod.com'],
  employerHosted: true,
  clientRendered: { markers: ['csod.com'] },
  matchUrl(url) {
    const tenant = tenantOf(url.hostname, 'csod.com', RESERVED);
    if (tenant === null) return null;
    const segs = segments(url).map((s) => s.toLowerCase());
    const at = segs.indexOf('careersite');
    if (at < 0 || segs[at - 1] !== 'ats') return null;
    const req = segs.indexOf('requisition', at);
    const raw = req > 0 ? segs[req + 1] : segs[at + 1] === 'jobdetails.aspx' ? token(param(url, 'id')) : undefined;
    return { boardToken: tenant, jobId: raw !== undefined && raw !== null && /^\d{1,20}$/.test(raw) ? raw : null, host: url.hostname };
  },
});
