/**
 * Dayforce (Ceridian) candidate portals: `jobs.dayforcehcm.com/{locale}/{tenant}/{portal}[/jobs/{id}]`
 * and the older `{pod}.dayforcehcm.com/CandidatePortal/{locale}/{tenant}[/Site/{site}]/Posting/View/{id}`.
 * The token is the tenant (client namespace) as written. The portal is a client-rendered app
 * and its data API needs a session, so this is detection only.
 * @module
 */

import { defineAts } from './define.js';
import { hostIs, isLocale, segments, token } from './match.js';

const NOT_TENANT = new Set(['candidateportal', 'mydayforce', 'api', 'assets', 'static']);

export const dayforce = defineAts({
  id: 'dayforce',
  name: 'Dayforce',
  website: 'https://www.dayforce.com',
  detects: { url: true, embed: false, boardApi: false },
  rank: 330,
  hosts: ['dayforcehcm.com'],
  assetHosts: ['dayforcehcm.com'],
  employerHosted: true,
  clientRendered: { markers: ['dayforcehcm.com'] },
  matchUrl(url) {
    if (!hostIs(url.hostname, 'dayforcehcm.com')) return null;
    let segs = segments(url);
    const legacy = segs[0]?.toLowerCase() === 'candidateportal';
    if (legacy) segs = segs.slice(1);
    if (isLocale(segs[0])) segs = segs.slice(1);
    const tenant = token(segs[0]);
    if (tenant === null || NOT_TENANT.has(tenant.toLowerCase())) return null;
    if (!legacy && url.hostname !== 'jobs.dayforcehcm.com') return null;
    const lower = segs.map((s) => s.toLowerCase());
    const at = legacy ? lower.indexOf('view') : lower.indexOf('jobs');
    const id = at > 0 && (!legacy || lower[at - 1] === 'posting') ? segs[at + 1] : undefined;
    return { boardToken: tenant, jobId: id !== undefined && /^\d{1,20}$/.test(id) ? id : null, host: url.hostname };
  },
});
