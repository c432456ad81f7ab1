/**
 * Phenom (Phenom People) career sites. Most run on the employer's own domain
 * (`careers.acme.com/{country}/{lang}/job/{id}/{slug}`) and are recognised by their
 * `phenompeople.com` assets and the `phApp` page global, whose `refNum` (the tenant code) is the
 * token; sites Phenom hosts itself sit on `{tenant}.phenompeople.com` with the same paths. The
 * posting is rendered client-side from a widget API that is not documented, so this is
 * detection only.
 * @module
 */

import { defineAts } from './define.js';
import { findInline, segments, tenantOf, token } from './match.js';

const RESERVED = ['www', 'cdn', 'api', 'static', 'assets', 'content', 'help', 'support', 'status', 'go', 'info'];

export const phenom = defineAts({
  id: 'phenom',
  name: 'Phenom',
  website: 'https://www.phenom.com',
  detects: { url: true, embed: true, boardApi: false },
  rank: 310,
  hosts: ['phenompeople.com'],
  assetHosts: ['phenompeople.com'],
  employerHosted: true,
  clientRendered: { markers: ['phenompeople.com', 'cdn.phenom', 'phApp.ddo'] },
  matchUrl(url) {
    const tenant = tenantOf(url.hostname, 'phenompeople.com', RESERVED);
    if (tenant === null) return null;
    const segs = segments(url);
    const at = segs.indexOf('job');
    const id = at >= 0 ? token(segs[at + 1]) : null;
    return { boardToken: tenant, jobId: id !== null && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null, host: url.hostname };
  },
  matchPage(signals) {
    const app = findInline(signals.inlineScripts, /\bphApp\.(ddo|refNum|pageName)\b/);
    if (!app) return null;
    const ref = findInline(signals.inlineScripts, /["']?refNum["']?\s*[:=]\s*["']([A-Za-z0-9]{2,32})["']/);
    return {
      boardToken: ref ? ref[1]! : null,
      jobId: null,
      confidence: ref ? 0.85 : 0.6,
      evidence: [ref ? `inline script phApp refNum ${ref[1]}` : `inline script phApp.${app[1]}`],
    };
  },
});
