/**
 * Trakstar Hire (formerly Recruiterbox): `{tenant}.hire.trakstar.com[/jobs/{id}]` and legacy
 * `{tenant}.recruiterbox.com`. HTML only today, so no `boardApiUrl`.
 * @module
 */

import { defineAts } from './define.js';
import { param, segments, tenantOf, token } from './match.js';

const RESERVED = ['www', 'app', 'api', 'jsapi', 'help', 'cdn', 'static'];

export const trakstar = defineAts({
  id: 'trakstar',
  name: 'Trakstar Hire',
  website: 'https://www.trakstar.com',
  detects: { url: true, embed: false, boardApi: false },
  rank: 260,
  hosts: ['trakstar.com', 'recruiterbox.com'],
  employerHosted: true,
  assetHosts: ['hire.trakstar.com', 'recruiterbox.com'],
  matchUrl(url) {
    const host = url.hostname;
    const segs = segments(url);
    if (host === 'jsapi.recruiterbox.com') {
      const board = token(param(url, 'client_name'));
      return board === null ? null : { boardToken: board, jobId: null };
    }
    const tenant = tenantOf(host, 'hire.trakstar.com', RESERVED) ?? tenantOf(host, 'recruiterbox.com', RESERVED);
    if (tenant === null) return null;
    return { boardToken: tenant, jobId: segs[0] === 'jobs' ? token(segs[1]) : null };
  },
});
