/**
 * Oracle Taleo: `{tenant}.taleo.net/careersection/{section}/jobsearch.ftl|jobdetail.ftl?job={id}`
 * (token `{tenant}/{section}`) and Taleo Business Edition
 * `{x}.tbe.taleo.net/{x}/ats/careers/…?org={ORG}&rid={id}` (token `{ORG}`).
 * @module
 */

import { defineAts } from './define.js';
import { param, segments, tenantOf, token } from './match.js';

export const taleo = defineAts({
  id: 'taleo',
  name: 'Oracle Taleo',
  website: 'https://www.oracle.com/human-capital-management/taleo/',
  detects: { url: true, embed: true, boardApi: false },
  rank: 140,
  hosts: ['taleo.net'],
  employerHosted: true,
  brandNames: ['Taleo'],
  clientRendered: { markers: ['taleo.net'] },
  assetHosts: ['taleo.net'],
  matchUrl(url) {
    const host = url.hostname;
    const segs = segments(url);
    if (host.endsWith('.tbe.taleo.net')) {
      const org = token(param(url, 'org'));
      return {
        boardToken: org,
        jobId: token(param(url, 'rid')),
        host,
        evidence: ['taleo business edition'],
      };
    }
    const tenant = tenantOf(host, 'taleo.net', ['www', 'tbe']);
    if (tenant === null) return null;
    const i = segs.indexOf('careersection');
    if (i < 0) return null;
    const section = segs[i + 1];
    const job = token(param(url, 'job'));
    if (section === undefined || section === 'rest' || section.endsWith('.ftl')) {
      return { boardToken: null, jobId: job, host, evidence: [`taleo tenant ${tenant}`] };
    }
    return { boardToken: `${tenant}/${section}`, jobId: job, host };
  },
});
