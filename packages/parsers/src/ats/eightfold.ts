/**
 * Eightfold AI: `{tenant}.eightfold.ai/careers[?pid={id}]`, `/careers/job/{id}` and the
 * `api/apply/v2/jobs` list (about 20 requests a minute).
 * @module
 */

import { defineAts } from './define.js';
import { enc, param, segments, tenantOf } from './match.js';

const RESERVED = ['www', 'app', 'api', 'docs', 'help', 'static', 'cdn', 'status'];

export const eightfold = defineAts({
  id: 'eightfold',
  name: 'Eightfold AI',
  website: 'https://eightfold.ai',
  detects: { url: true, embed: false, boardApi: true },
  rank: 300,
  hosts: ['eightfold.ai'],
  employerHosted: true,
  clientRendered: { markers: ['eightfold.ai'] },
  assetHosts: ['eightfold.ai'],
  matchUrl(url) {
    const tenant = tenantOf(url.hostname, 'eightfold.ai', RESERVED);
    if (tenant === null) return null;
    const segs = segments(url);
    if (segs[0] !== 'careers' && segs[0] !== 'api') return null;
    const pathId = segs[1] === 'job' && segs[2] !== undefined && /^\d+$/.test(segs[2]) ? segs[2] : null;
    const pid = param(url, 'pid');
    return { boardToken: tenant, jobId: pathId ?? (pid !== null && /^\d+$/.test(pid) ? pid : null), host: url.hostname };
  },
  boardApiUrl(boardToken, hints) {
    const host =
      hints?.host !== undefined && tenantOf(hints.host, 'eightfold.ai') !== null ? hints.host : `${enc(boardToken)}.eightfold.ai`;
    return `https://${host}/api/apply/v2/jobs?start=0&num=10`;
  },
});
