/**
 * Freshteam: `{slug}.freshteam.com/jobs[/{id}/{slug}]` and the widget jobs JSON. Unknown slugs
 * answer 200 with an HTML 404 (wildcard DNS), so a URL match does not prove the board exists.
 * @module
 */

import { defineAts } from './define.js';
import { enc, segments, tenantOf, token } from './match.js';

const RESERVED = ['www', 'assets', 'api', 'support', 'help', 'cdn', 'static', 'status'];

export const freshteam = defineAts({
  id: 'freshteam',
  name: 'Freshteam',
  website: 'https://www.freshworks.com/hrms/',
  detects: { url: true, embed: true, boardApi: true },
  rank: 280,
  hosts: ['freshteam.com'],
  employerHosted: true,
  assetHosts: ['freshteam.com'],
  matchUrl(url) {
    const slug = tenantOf(url.hostname, 'freshteam.com', RESERVED);
    if (slug === null) return null;
    const segs = segments(url);
    const id = segs[0] === 'jobs' && segs[1] !== undefined && /^[A-Za-z0-9_-]{4,}$/.test(segs[1]) ? token(segs[1]) : null;
    return { boardToken: slug, jobId: id };
  },
  boardApiUrl(boardToken) {
    return `https://${enc(boardToken)}.freshteam.com/hire/widgets/jobs.json`;
  },
});
