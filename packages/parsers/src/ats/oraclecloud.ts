/**
 * Oracle Recruiting Cloud (Fusion HCM Candidate Experience):
 * `{tenant}.fa.{region}.oraclecloud.com/hcmUI/CandidateExperience/{lang}/sites/{site}/job/{id}`.
 * Token `{tenant}/{site}`; the region host is carried as `host` for the REST API.
 * @module
 */

import { defineAts } from './define.js';
import { enc, requireHost, segments, splitPair, token } from './match.js';

const HOST = /^([a-z0-9-]+)\.(?:[a-z0-9-]+\.)*oraclecloud\d*\.com$/;

export const oraclecloud = defineAts({
  id: 'oraclecloud',
  name: 'Oracle Recruiting Cloud',
  website: 'https://www.oracle.com/human-capital-management/recruiting/',
  detects: { url: true, embed: false, boardApi: true },
  rank: 170,
  // Region hosts `*.oraclecloudN.com` with a numbered domain.
  hosts: 'any',
  employerHosted: ['oraclecloud.com'],
  clientRendered: { markers: ['oraclecloud.com/hcmUI', 'CandidateExperience'] },
  matchUrl(url) {
    const m = HOST.exec(url.hostname);
    if (!m) return null;
    const segs = segments(url);
    if (segs[0] === 'hcmRestApi' && segs.includes('recruitingCEJobRequisitions')) {
      // The REST list names its site only inside the `finder` parameter.
      const site = token(/siteNumber=([^,;&]+)/.exec(url.searchParams.get('finder') ?? '')?.[1]);
      return { boardToken: site !== null ? `${m[1]}/${site}` : null, jobId: null, host: url.hostname };
    }
    const ui = segs.indexOf('CandidateExperience');
    if (segs[0] !== 'hcmUI' || ui !== 1) return null;
    const s = segs.indexOf('sites');
    const site = s > 0 ? token(segs[s + 1]) : null;
    const j = segs.findIndex((x, i) => i > s && (x === 'job' || x === 'preview'));
    const id = j > 0 && segs[j + 1] !== undefined && /^\d+$/.test(segs[j + 1]!) ? segs[j + 1]! : null;
    return { boardToken: site !== null ? `${m[1]}/${site}` : null, jobId: id, host: url.hostname };
  },
  boardApiUrl(boardToken, hints) {
    const host = requireHost('oraclecloud', hints, 'the region host is not part of the board token');
    const [, site] = splitPair('oraclecloud', boardToken, '{tenant}/{siteNumber}');
    return (
      `https://${host}/hcmRestApi/resources/latest/recruitingCEJobRequisitions?onlyData=true` +
      `&expand=requisitionList.secondaryLocations,requisitionList.workLocation` +
      `&finder=findReqs;siteNumber=${enc(site)},limit=25,offset=0,sortBy=POSTING_DATES_DESC`
    );
  },
});
