/**
 * Zoho Recruit: `{slug}.zohorecruit.{com,eu,in,com.au,jp,com.cn}/jobs/{portal}[/{jobId}/{slug}]`,
 * the `rec_embed_js` widget and `zohocdn.com/recruit/` assets. No public JSON list.
 * @module
 */

import { defineAts } from './define.js';
import { findInline, segments, tenantOf } from './match.js';

const SUFFIXES = ['zohorecruit.com', 'zohorecruit.eu', 'zohorecruit.in', 'zohorecruit.com.au', 'zohorecruit.jp', 'zohorecruit.com.cn'];
const RESERVED = ['www', 'api', 'help', 'static', 'css', 'js', 'accounts'];

export const zohorecruit = defineAts({
  id: 'zohorecruit',
  name: 'Zoho Recruit',
  website: 'https://www.zoho.com/recruit/',
  detects: { url: true, embed: true, boardApi: false },
  rank: 270,
  hosts: ['zohorecruit.com', 'zohorecruit.eu', 'zohorecruit.in', 'zohorecruit.com.au', 'zohorecruit.jp', 'zohorecruit.com.cn'],
  employerHosted: true,
  assetHosts: SUFFIXES,
  matchUrl(url) {
    let slug: string | null = null;
    for (const s of SUFFIXES) {
      slug = tenantOf(url.hostname, s, RESERVED);
      if (slug !== null) break;
    }
    if (slug === null) return null;
    const segs = segments(url);
    const id = segs[0] === 'jobs' && segs[2] !== undefined && /^\d{6,}$/.test(segs[2]) ? segs[2] : null;
    return { boardToken: slug, jobId: id, host: url.hostname };
  },
  matchPage(signals) {
    const cdn = signals.scripts.find((s) => /^https?:\/\/[a-z0-9.-]*zohocdn\.com\/recruit\//i.test(s));
    const inline = findInline(signals.inlineScripts, /\brec_embed_js\b/);
    if (!cdn && !inline) return null;
    return {
      boardToken: null,
      jobId: null,
      confidence: inline ? 0.7 : 0.55,
      evidence: [inline ? 'inline script rec_embed_js' : `script src ${cdn!.replace(/^https?:\/\//, '')}`],
    };
  },
});
