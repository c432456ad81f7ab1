/**
 * Personio: `{company}.jobs.personio.de|.com[/job/{id}]` (older `{company}-jobs.personio.de`) and
 * the XML feed, which the employer must switch on.
 * @module
 */

import { defineAts } from './define.js';
import { enc, segments } from './match.js';
import { personioBoard } from './personio.board.js';

const HOST = /^([a-z0-9][a-z0-9-]*?)(?:\.jobs|-jobs)\.personio\.(de|com)$/;

export const personio = defineAts({
  id: 'personio',
  name: 'Personio',
  website: 'https://www.personio.com',
  detects: { url: true, embed: true, boardApi: true },
  rank: 150,
  hosts: ['personio.de', 'personio.com'],
  employerHosted: true,
  brandNames: ['Personio'],
  assetHosts: ['personio.de', 'personio.com'],
  matchUrl(url) {
    const m = HOST.exec(url.hostname);
    if (!m || m[1] === 'www') return null;
    const segs = segments(url);
    const id = segs[0] === 'job' && segs[1] !== undefined && /^\d+$/.test(segs[1]) ? segs[1] : null;
    return { boardToken: m[1]!, jobId: id, host: url.hostname };
  },
  boardApiUrl(boardToken, hints) {
    const host = hints?.host !== undefined && HOST.test(hints.host) ? hints.host : `${enc(boardToken)}.jobs.personio.de`;
    return `https://${host}/xml?language=en`;
  },
  board: personioBoard,
});
