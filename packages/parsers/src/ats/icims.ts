/**
 * iCIMS: `careers-{tenant}.icims.com/jobs/{id}/{slug}/job`, `{tenant}-careers.icims.com`,
 * `{tenant}.icims.com/jobs/…` (also as `in_iframe=1` iframes). The token is the portal label as
 * written (`careers-acme`), since one tenant can run several portals. HTML only: no list API.
 * @module
 */

import { defineAts } from './define.js';
import { segments, tenantOf } from './match.js';

const RESERVED = ['www', 'developer', 'developers', 'community', 'care', 'api', 'cdn', 'static', 'login', 'support'];

export const icims = defineAts({
  id: 'icims',
  name: 'iCIMS',
  website: 'https://www.icims.com',
  detects: { url: true, embed: true, boardApi: false },
  rank: 50,
  hosts: ['icims.com'],
  employerHosted: true,
  brandNames: ['iCIMS'],
  clientRendered: { markers: ['.icims.com'] },
  // iCIMS "initial source" parameters on links from job boards.
  canonicalUrl: { trackingParams: ['iis', 'iisn'] },
  assetHosts: ['icims.com'],
  matchUrl(url) {
    const portal = tenantOf(url.hostname, 'icims.com', RESERVED);
    if (portal === null) return null;
    const segs = segments(url);
    // Marketing subdomains exist too; a careers label or a /jobs path marks a candidate portal.
    if (!portal.includes('careers') && segs[0] !== 'jobs') return null;
    const id = segs[0] === 'jobs' && segs[1] !== undefined && /^\d+$/.test(segs[1]) ? segs[1] : null;
    return { boardToken: portal, jobId: id, host: url.hostname };
  },
});
