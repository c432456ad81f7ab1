/**
 * JOIN: `join.com/companies/{slug}[/{jobId}-{title}]`. No public API; pages are scraped.
 * @module
 */

import { defineAts } from './define.js';
import { segments, token } from './match.js';

export const join = defineAts({
  id: 'join',
  name: 'JOIN',
  website: 'https://join.com',
  detects: { url: true, embed: false, boardApi: false },
  rank: 230,
  hosts: ['join.com'],
  employerHosted: true,
  matchUrl(url) {
    if (url.hostname !== 'join.com' && url.hostname !== 'www.join.com') return null;
    const segs = segments(url);
    if (segs[0] !== 'companies') return null;
    const board = token(segs[1]);
    if (board === null) return null;
    return { boardToken: board, jobId: /^(\d+)(?:-|$)/.exec(segs[2] ?? '')?.[1] ?? null };
  },
});
