/**
 * UKG Pro Recruiting (formerly UltiPro): `recruiting[N].ultipro.com/{TENANT}/JobBoard/{board}/…`
 * and `{x}.rec.pro.ukg.net/{TENANT}/JobBoard/{board}/…`, a posting being
 * `…/OpportunityDetail?opportunityId={id}`. The token is `{TENANT}/{board}` (a tenant runs
 * several boards, each a GUID). Job boards render client-side and the list endpoint is not
 * documented, so this is detection only.
 * @module
 */

import { defineAts } from './define.js';
import { hostIsAny, param, segments, token } from './match.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ukg = defineAts({
  id: 'ukg',
  name: 'UKG Pro Recruiting',
  website: 'https://www.ukg.com',
  detects: { url: true, embed: true, boardApi: false },
  rank: 340,
  hosts: ['ultipro.com', 'ukg.net'],
  assetHosts: ['ultipro.com', 'ukg.net'],
  employerHosted: true,
  clientRendered: { markers: ['ultipro.com', 'ukg.net'] },
  matchUrl(url) {
    const host = url.hostname;
    if (!hostIsAny(host, ['ultipro.com', 'ukg.net'])) return null;
    if (!/^recruiting\d*\.ultipro\.com$/.test(host) && !host.endsWith('.rec.pro.ukg.net')) return null;
    const segs = segments(url);
    const tenant = token(segs[0]);
    if (tenant === null || segs[1]?.toLowerCase() !== 'jobboard' || segs[2] === undefined || !GUID.test(segs[2])) return null;
    const opportunity = param(url, 'opportunityId');
    const jobId = opportunity !== null && GUID.test(opportunity) ? opportunity.toLowerCase() : null;
    return { boardToken: `${tenant}/${segs[2].toLowerCase()}`, jobId, host };
  },
});
