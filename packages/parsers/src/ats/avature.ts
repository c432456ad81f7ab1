/**
 * Avature: `{tenant}.avature.net[/{locale}]/{portal}/SearchJobs` (a board) and
 * `…/{portal}/JobDetail[/{slug}]/{id}` or `…/JobDetail?jobId={id}` (a posting). The token is the
 * tenant label. Its pages render the posting client-side behind a bot wall and it publishes no
 * list API, so this is detection only.
 * @module
 */

import { defineAts } from './define.js';
import { param, segments, tenantOf, token } from './match.js';

const RESERVED = ['www', 'cdn', 'static', 'api', 'help', 'support', 'status'];

export const avature = defineAts({
  id: 'avature',
  name: 'Avature',
  website: 'https://www.avature.net',
  detects: { url: true, embed: false, boardApi: false },
  rank: 320,
  hosts: ['avature.net'],
  assetHosts: ['avature.net'],
  employerHosted: true,
  clientRendered: { markers: ['avature.net'] },
  matchUrl(url) {
    const tenant = tenantOf(url.hostname, 'avature.net', RESERVED);
    if (tenant === null) return null;
    const segs = segments(url);
    const detail = segs.findIndex((s) => s.toLowerCase() === 'jobdetail');
    if (detail < 0) return { boardToken: tenant, jobId: null, host: url.hostname };
    const last = segs[segs.length - 1];
    const id = last !== undefined && segs.length > detail + 1 && /^\d+$/.test(last) ? last : token(param(url, 'jobId'));
    return { boardToken: tenant, jobId: id !== null && /^\d{1,20}$/.test(id) ? id : null, host: url.hostname };
  },
});
