/**
 * Comeet (Spark Hire Recruit): hosted `comeet.com/jobs/{company}/{uid}[/{title}/{posUid}]`,
 * the careers API `comeet.co/careers-api/2.0/company/{uid}/…` and the inline `COMEET.init`
 * widget. The token is the company uid (`4F.00B`); the API also needs a rotating page token, so
 * no `boardApiUrl`.
 * @module
 */

import { defineAts } from './define.js';
import { findInline, segments } from './match.js';

const HOSTS = new Set(['comeet.com', 'www.comeet.com', 'comeet.co', 'www.comeet.co']);
const UID = /^[0-9A-F]{2}\.[0-9A-F]{3,}$/i;

export const comeet = defineAts({
  id: 'comeet',
  name: 'Comeet',
  website: 'https://www.comeet.com',
  detects: { url: true, embed: true, boardApi: false },
  rank: 210,
  hosts: ['comeet.com', 'comeet.co'],
  employerHosted: true,
  assetHosts: ['comeet.co', 'comeet.com'],
  matchUrl(url) {
    if (!HOSTS.has(url.hostname)) return null;
    const segs = segments(url);
    if (segs[0] === 'jobs') {
      const uid = segs[2] !== undefined && UID.test(segs[2]) ? segs[2].toUpperCase() : null;
      if (uid === null) return null;
      const pos = segs[4] !== undefined && UID.test(segs[4]) ? segs[4].toUpperCase() : null;
      return { boardToken: uid, jobId: pos, evidence: [`comeet company ${segs[1]}`] };
    }
    if (segs[0] === 'careers-api') {
      const i = segs.indexOf('company');
      const uid = i > 0 && segs[i + 1] !== undefined && UID.test(segs[i + 1]!) ? segs[i + 1]!.toUpperCase() : null;
      if (uid === null) return null;
      const p = segs.indexOf('positions');
      const pos = p > 0 && segs[p + 1] !== undefined && UID.test(segs[p + 1]!) ? segs[p + 1]!.toUpperCase() : null;
      return { boardToken: uid, jobId: pos };
    }
    return null;
  },
  matchPage(signals) {
    const uid = findInline(signals.inlineScripts, /["']company-uid["']\s*:\s*["']([0-9A-Fa-f]{2}\.[0-9A-Fa-f]{3,})["']/);
    if (uid) {
      return { boardToken: uid[1]!.toUpperCase(), jobId: null, confidence: 0.9, evidence: [`inline script company-uid ${uid[1]}`] };
    }
    const init = findInline(signals.inlineScripts, /\b(COMEET\.init|comeetInit)\b/);
    return init ? { boardToken: null, jobId: null, confidence: 0.6, evidence: [`inline script ${init[1]}`] } : null;
  },
});
