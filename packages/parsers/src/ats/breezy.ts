/**
 * Breezy HR: `{company}.breezy.hr[/p/{id}-{slug}]` and the board's `/json` list.
 * @module
 */

import { breezyBoard } from './breezy.board.js';
import { defineAts } from './define.js';
import { enc, segments, tenantOf } from './match.js';

const RESERVED = ['www', 'app', 'api', 'help', 'developer', 'assets', 'cdn', 'marketing', 'status', 'blog'];

export const breezy = defineAts({
  id: 'breezy',
  name: 'Breezy HR',
  website: 'https://breezy.hr',
  detects: { url: true, embed: true, boardApi: true },
  rank: 190,
  hosts: ['breezy.hr'],
  employerHosted: true,
  assetHosts: ['breezy.hr'],
  matchUrl(url) {
    const company = tenantOf(url.hostname, 'breezy.hr', RESERVED);
    if (company === null) return null;
    const segs = segments(url);
    const id = segs[0] === 'p' ? (/^([0-9a-z]{6,})(?:-|$)/i.exec(segs[1] ?? '')?.[1] ?? null) : null;
    return { boardToken: company, jobId: id };
  },
  boardApiUrl(boardToken) {
    return `https://${enc(boardToken)}.breezy.hr/json`;
  },
  board: breezyBoard,
});
