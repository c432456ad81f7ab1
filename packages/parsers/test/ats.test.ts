/**
 * One table-driven suite for every ATS: hosted URL cases (board and job), lookalike negatives,
 * and company-page fixtures under `fixtures/ats/`. A platform without URL cases fails the suite.
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AtsMatchSchema, JobkitError } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import {
  ATS_PLATFORM_IDS,
  atsPlatforms,
  atsPlatformTable,
  collectPageSignals,
  detectAts,
  detectAtsCandidates,
  detectAtsFromSignals,
  getAtsPlatform,
} from '../src/ats/index.js';
import type { AtsPlatformId } from '../src/ats/index.js';

interface UrlCase {
  url: string;
  token: string | null;
  jobId: string | null;
  /** Lower bound; hosted URLs default to 0.95. */
  minConfidence?: number;
  /** Substring expected in some evidence line. */
  evidence?: string;
}
interface PageCase {
  name: string;
  url: string;
  fixture: string;
  token: string | null;
  jobId?: string | null;
  minConfidence: number;
  maxConfidence?: number;
  evidence: string;
}
interface PlatformCases {
  urls: UrlCase[];
  negatives: string[];
  pages?: PageCase[];
}

const UUID_A = '6f1c5a3e-2b7d-4c1e-9a8f-0e1d2c3b4a59';
const UUID_B = '3f1e2d4c-5b6a-4789-8c0d-1e2f3a4b5c6d';

const table: Record<AtsPlatformId, PlatformCases> = {
  greenhouse: {
    urls: [
      { url: 'https://boards.greenhouse.io/acme', token: 'acme', jobId: null },
      { url: 'https://boards.greenhouse.io/acme/jobs/4012345', token: 'acme', jobId: '4012345' },
      { url: 'https://job-boards.greenhouse.io/acme/jobs/4012345?gh_src=abc', token: 'acme', jobId: '4012345' },
      { url: 'https://job-boards.eu.greenhouse.io/acme/jobs/123', token: 'acme', jobId: '123' },
      { url: 'https://boards.greenhouse.io/embed/job_app?for=acme&token=4012345', token: 'acme', jobId: '4012345' },
      { url: 'https://boards-api.greenhouse.io/v1/boards/acme/jobs', token: 'acme', jobId: null },
      { url: 'https://www.acme.com/careers?gh_jid=4012345', token: null, jobId: '4012345', minConfidence: 0.65, evidence: 'gh_jid' },
    ],
    negatives: [
      'https://greenhouse.io.evil.com/acme',
      'https://boards.greenhouse.io.evil.com/acme/jobs/1',
      'https://evilgreenhouse.io/acme',
      'https://evil.com/boards.greenhouse.io/acme',
      'https://boards.greenhouse.io@evil.com/acme',
      'https://boards.greenhouse.io/',
      'https://www.greenhouse.com/careers',
    ],
    pages: [
      { name: 'embed script + mount', url: 'https://acme.com/careers', fixture: 'greenhouse.html', token: 'acme', minConfidence: 0.9, maxConfidence: 0.95, evidence: 'script src boards.greenhouse.io/embed/job_board/js?for=acme' },
      { name: 'job_app iframe on gh_jid page', url: 'https://acme.com/careers?gh_jid=4012345', fixture: 'greenhouse-job-app.html', token: 'acme', jobId: '4012345', minConfidence: 0.9, evidence: 'iframe src boards.greenhouse.io/embed/job_app' },
    ],
  },
  lever: {
    urls: [
      { url: 'https://jobs.lever.co/AcmeCorp', token: 'AcmeCorp', jobId: null },
      { url: `https://jobs.lever.co/AcmeCorp/${UUID_A}`, token: 'AcmeCorp', jobId: UUID_A },
      { url: `https://jobs.lever.co/AcmeCorp/${UUID_A}/apply`, token: 'AcmeCorp', jobId: UUID_A },
      { url: `https://jobs.eu.lever.co/acme/${UUID_B}`, token: 'acme', jobId: UUID_B },
      { url: 'https://api.lever.co/v0/postings/acme?mode=json', token: 'acme', jobId: null },
    ],
    negatives: ['https://notlever.co/acme', 'https://jobs.lever.co.evil.com/acme', 'https://jobs.lever.co/', 'https://www.lever.co/pricing'],
    pages: [
      { name: 'job links (case kept)', url: 'https://acme.com/careers', fixture: 'lever.html', token: 'AcmeCorp', jobId: null, minConfidence: 0.75, maxConfidence: 0.85, evidence: 'link jobs.lever.co/AcmeCorp' },
    ],
  },
  ashby: {
    urls: [
      { url: 'https://jobs.ashbyhq.com/acme', token: 'acme', jobId: null },
      { url: `https://jobs.ashbyhq.com/acme/${UUID_B}/application`, token: 'acme', jobId: UUID_B },
      { url: 'https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true', token: 'acme', jobId: null },
      { url: `https://acme.com/careers?ashby_jid=${UUID_B}`, token: null, jobId: UUID_B, minConfidence: 0.65 },
    ],
    negatives: ['https://jobs.ashbyhq.com.evil.net/acme', 'https://www.ashbyhq.com/pricing', 'https://jobs.ashbyhq.com/'],
    pages: [
      { name: 'embed script', url: 'https://acme.com/careers', fixture: 'ashby.html', token: 'acme', minConfidence: 0.9, evidence: 'script src jobs.ashbyhq.com/acme/embed' },
    ],
  },
  workday: {
    urls: [
      { url: 'https://acme.wd5.myworkdayjobs.com/en-US/External', token: 'acme/External', jobId: null, evidence: 'wd5' },
      { url: 'https://acme.wd5.myworkdayjobs.com/en-US/External/job/Berlin-Germany/Senior-Engineer_R12345', token: 'acme/External', jobId: 'R12345' },
      { url: 'https://acme.wd1.myworkdayjobs.com/Careers/job/Remote/Data-Analyst_JR-0042?source=x', token: 'acme/Careers', jobId: 'JR-0042', evidence: 'wd1' },
      { url: 'https://wd3.myworkdaysite.com/recruiting/acme/External/job/NYC/Analyst_R999', token: 'acme/External', jobId: 'R999' },
      { url: 'https://acme.wd5.myworkdayjobs.com/wday/cxs/acme/External/jobs', token: 'acme/External', jobId: null },
    ],
    negatives: ['https://acme.wd5.myworkdayjobs.com.evil.com/External', 'https://myworkdayjobs.com/External', 'https://www.myworkdayjobs.com/x', 'https://acme.wd5.myworkdayjobs.com/'],
    pages: [
      { name: 'iframe', url: 'https://acme.com/careers', fixture: 'workday.html', token: 'acme/External', minConfidence: 0.9, evidence: 'workday pod wd5' },
    ],
  },
  smartrecruiters: {
    urls: [
      { url: 'https://careers.smartrecruiters.com/AcmeInc', token: 'AcmeInc', jobId: null },
      { url: 'https://jobs.smartrecruiters.com/AcmeInc/744000012345678-senior-engineer', token: 'AcmeInc', jobId: '744000012345678' },
      { url: 'https://api.smartrecruiters.com/v1/companies/AcmeInc/postings', token: 'AcmeInc', jobId: null },
    ],
    negatives: ['https://jobs.smartrecruiters.com.evil.io/AcmeInc/1', 'https://www.smartrecruiters.com/', 'https://notsmartrecruiters.com/AcmeInc'],
    pages: [
      { name: 'job widget', url: 'https://acme.com/careers', fixture: 'smartrecruiters.html', token: 'AcmeInc', minConfidence: 0.85, evidence: 'company_code' },
    ],
  },
  workable: {
    urls: [
      { url: 'https://apply.workable.com/acme-labs/', token: 'acme-labs', jobId: null },
      { url: 'https://apply.workable.com/acme-labs/j/1A2B3C4D5E/', token: 'acme-labs', jobId: '1A2B3C4D5E' },
      { url: 'https://acmelabs.workable.com/j/AB12CD34EF', token: 'acmelabs', jobId: 'AB12CD34EF' },
      { url: 'https://apply.workable.com/api/v1/widget/accounts/acme-labs', token: 'acme-labs', jobId: null },
    ],
    negatives: ['https://apply.workable.com.evil.com/acme', 'https://www.workable.com/pricing', 'https://jobs.workable.com/view/xyz'],
    pages: [
      { name: 'whr_embed widget + link', url: 'https://acme.com/careers', fixture: 'workable.html', token: 'acme-labs', minConfidence: 0.8, evidence: 'inline script whr_embed' },
    ],
  },
  recruitee: {
    urls: [
      { url: 'https://acme.recruitee.com/', token: 'acme', jobId: null },
      { url: 'https://acme.recruitee.com/o/senior-backend-engineer', token: 'acme', jobId: 'senior-backend-engineer' },
    ],
    negatives: ['https://recruitee.com/pricing', 'https://acme.recruitee.com.evil.org/o/x', 'https://www.recruitee.com/'],
    pages: [
      { name: 'links', url: 'https://acme.com/careers', fixture: 'recruitee.html', token: 'acme', jobId: null, minConfidence: 0.75, evidence: 'link acme.recruitee.com' },
    ],
  },
  personio: {
    urls: [
      { url: 'https://acme.jobs.personio.de/', token: 'acme', jobId: null },
      { url: 'https://acme.jobs.personio.com/job/1234567?language=en', token: 'acme', jobId: '1234567' },
      { url: 'https://acme-jobs.personio.de/job/42', token: 'acme', jobId: '42' },
    ],
    negatives: ['https://www.personio.de/', 'https://acme.jobs.personio.de.evil.com/job/1', 'https://cdn.personio.de/x.js'],
  },
  bamboohr: {
    urls: [
      { url: 'https://acme.bamboohr.com/careers', token: 'acme', jobId: null },
      { url: 'https://acme.bamboohr.com/careers/123', token: 'acme', jobId: '123' },
      { url: 'https://acme.bamboohr.com/jobs/view.php?id=45', token: 'acme', jobId: '45' },
      { url: 'https://acme.bamboohr.co.uk/careers/7', token: 'acme', jobId: '7' },
    ],
    negatives: ['https://www.bamboohr.com/pricing', 'https://acme.bamboohr.com.evil.io/careers', 'https://notbamboohr.com/careers'],
    pages: [
      { name: 'careers widget', url: 'https://acme.com/careers', fixture: 'bamboohr.html', token: 'acme', minConfidence: 0.9, evidence: 'data-domain acme.bamboohr.com' },
    ],
  },
  teamtailor: {
    urls: [
      { url: 'https://acme.teamtailor.com/jobs', token: 'acme', jobId: null },
      { url: 'https://acme.teamtailor.com/jobs/1234567-backend-developer', token: 'acme', jobId: '1234567' },
      { url: 'https://acme.na.teamtailor.com/jobs/98-designer', token: 'acme', jobId: '98' },
    ],
    negatives: ['https://www.teamtailor.com/en/', 'https://app.teamtailor.com/companies', 'https://acme.teamtailor.com.evil.com/jobs'],
    pages: [
      { name: 'branded site, asset host only', url: 'https://careers.acme.com/', fixture: 'teamtailor-branded.html', token: null, minConfidence: 0.5, maxConfidence: 0.62, evidence: 'asset link tag assets.teamtailor-cdn.com' },
    ],
  },
  breezy: {
    urls: [
      { url: 'https://acme.breezy.hr/', token: 'acme', jobId: null },
      { url: 'https://acme.breezy.hr/p/6b1f2e3d4c5a-senior-engineer', token: 'acme', jobId: '6b1f2e3d4c5a' },
    ],
    negatives: ['https://breezy.hr/', 'https://acme.breezy.hr.evil.com/p/x', 'https://app.breezy.hr/signin'],
  },
  jazzhr: {
    urls: [
      { url: 'https://acme.applytojob.com/apply', token: 'acme', jobId: null },
      { url: 'https://acme.applytojob.com/apply/AbC123xYz/Senior-Engineer', token: 'acme', jobId: 'AbC123xYz' },
      { url: 'https://app.jazz.co/widgets/basic/create/acme', token: 'acme', jobId: null },
    ],
    negatives: ['https://applytojob.com/', 'https://acme.applytojob.com.evil.com/apply', 'https://www.applytojob.com/apply'],
    pages: [
      { name: 'widget script', url: 'https://acme.com/careers', fixture: 'jazzhr.html', token: 'acmeco', minConfidence: 0.9, evidence: 'script src app.jazz.co/widgets/basic/create/acmeco' },
    ],
  },
  jobvite: {
    urls: [
      { url: 'https://jobs.jobvite.com/acme', token: 'acme', jobId: null },
      { url: 'https://jobs.jobvite.com/acme/jobs', token: 'acme', jobId: null },
      { url: 'https://jobs.jobvite.com/acme/job/oAbC1fwX', token: 'acme', jobId: 'oAbC1fwX' },
    ],
    negatives: ['https://jobs.jobvite.com.evil.com/acme', 'https://www.jobvite.com/'],
  },
  icims: {
    urls: [
      { url: 'https://careers-acme.icims.com/jobs/search?ss=1', token: 'careers-acme', jobId: null },
      { url: 'https://careers-acme.icims.com/jobs/12345/senior-engineer/job', token: 'careers-acme', jobId: '12345' },
      { url: 'https://acme-careers.icims.com/jobs/777/x/job?in_iframe=1', token: 'acme-careers', jobId: '777' },
    ],
    negatives: ['https://www.icims.com/', 'https://careers-acme.icims.com.evil.com/jobs/1/x/job', 'https://community.icims.com/jobs'],
    pages: [
      { name: 'in_iframe portal', url: 'https://acme.com/careers', fixture: 'icims.html', token: 'careers-acme', minConfidence: 0.9, evidence: 'iframe src careers-acme.icims.com' },
    ],
  },
  taleo: {
    urls: [
      { url: 'https://acme.taleo.net/careersection/ex/jobsearch.ftl?lang=en', token: 'acme/ex', jobId: null },
      { url: 'https://acme.taleo.net/careersection/ex/jobdetail.ftl?job=2400123&lang=en', token: 'acme/ex', jobId: '2400123' },
      { url: 'https://chp.tbe.taleo.net/chp04/ats/careers/v2/viewRequisition?org=ACMECO&cws=37&rid=1234', token: 'ACMECO', jobId: '1234' },
    ],
    negatives: ['https://acme.taleo.net.evil.com/careersection/ex/jobsearch.ftl', 'https://www.taleo.net/', 'https://acme.taleo.net/login'],
  },
  successfactors: {
    urls: [
      { url: 'https://career5.successfactors.eu/career?company=AcmeP&career_ns=job_listing_summary', token: 'AcmeP', jobId: null },
      { url: 'https://career4.successfactors.com/career?company=acme&career_job_req_id=12345&career_ns=job_listing', token: 'acme', jobId: '12345' },
      { url: 'https://career2.successfactors.eu/sfcareer/jobreqcareer?jobId=777&company=acmeprod', token: 'acmeprod', jobId: '777' },
    ],
    negatives: ['https://career5.successfactors.eu.evil.com/career?company=x', 'https://www.successfactors.com/'],
  },
  oraclecloud: {
    urls: [
      { url: 'https://eeho.fa.us2.oraclecloud.com/hcmUI/CandidateExperience/en/sites/CX_1', token: 'eeho/CX_1', jobId: null },
      { url: 'https://eeho.fa.us2.oraclecloud.com/hcmUI/CandidateExperience/en/sites/CX_1/job/12345', token: 'eeho/CX_1', jobId: '12345' },
      { url: 'https://acme.fa.ocs.oraclecloud.com/hcmUI/CandidateExperience/en/sites/CX_1001/requisitions/preview/999', token: 'acme/CX_1001', jobId: '999' },
    ],
    negatives: [
      'https://eeho.fa.us2.oraclecloud.com.evil.com/hcmUI/CandidateExperience/en/sites/CX_1',
      'https://x.notoraclecloud.com/hcmUI/CandidateExperience/en/sites/CX_1',
      'https://eeho.fa.us2.oraclecloud.com/fscmUI/faces/FuseWelcome',
    ],
  },
  rippling: {
    urls: [
      { url: 'https://ats.rippling.com/acme-inc/jobs', token: 'acme-inc', jobId: null },
      { url: 'https://ats.rippling.com/acme-inc/jobs/0b2c3d4e-5f60-4172-8394-a5b6c7d8e9f0', token: 'acme-inc', jobId: '0b2c3d4e-5f60-4172-8394-a5b6c7d8e9f0' },
      { url: 'https://ats.rippling.com/en-GB/acme-inc/jobs', token: 'acme-inc', jobId: null },
      { url: 'https://api.rippling.com/platform/api/ats/v1/board/acme-inc/jobs', token: 'acme-inc', jobId: null },
    ],
    negatives: ['https://ats.rippling.com.evil.com/acme/jobs', 'https://www.rippling.com/recruiting'],
  },
  pinpoint: {
    urls: [
      { url: 'https://acme.pinpointhq.com/', token: 'acme', jobId: null },
      { url: 'https://acme.pinpointhq.com/en/postings/4e7c1a2b-9d3f-4a5e-8b6c-7d8e9f0a1b2c', token: 'acme', jobId: '4e7c1a2b-9d3f-4a5e-8b6c-7d8e9f0a1b2c' },
    ],
    negatives: ['https://www.pinpointhq.com/', 'https://acme.pinpointhq.com.evil.com/'],
  },
  comeet: {
    urls: [
      { url: 'https://www.comeet.com/jobs/acme/4F.00B', token: '4F.00B', jobId: null },
      { url: 'https://www.comeet.com/jobs/acme/4F.00B/backend-developer/C5.A12', token: '4F.00B', jobId: 'C5.A12' },
      { url: 'https://www.comeet.co/careers-api/2.0/company/4F.00B/positions?token=abc', token: '4F.00B', jobId: null },
    ],
    negatives: ['https://www.comeet.com.evil.com/jobs/acme/4F.00B', 'https://www.comeet.com/pricing'],
    pages: [
      { name: 'COMEET.init widget', url: 'https://acme.com/careers', fixture: 'comeet.html', token: '4F.00B', minConfidence: 0.9, evidence: 'company-uid 4F.00B' },
    ],
  },
  homerun: {
    urls: [
      { url: 'https://acme.homerun.co/', token: 'acme', jobId: null },
      { url: 'https://acme.homerun.co/senior-designer/en', token: 'acme', jobId: 'senior-designer' },
    ],
    negatives: ['https://www.homerun.co/', 'https://acme.homerun.co.evil.com/x'],
  },
  join: {
    urls: [
      { url: 'https://join.com/companies/acme', token: 'acme', jobId: null },
      { url: 'https://join.com/companies/acme/1234567-senior-engineer', token: 'acme', jobId: '1234567' },
    ],
    negatives: ['https://join.com/pricing', 'https://join.com.evil.com/companies/acme', 'https://notjoin.com/companies/acme'],
  },
  dover: {
    urls: [
      { url: 'https://app.dover.com/jobs/acme', token: 'acme', jobId: null },
      { url: 'https://app.dover.com/apply/acme/1c2d3e4f-aaaa-bbbb-cccc-111122223333', token: 'acme', jobId: '1c2d3e4f-aaaa-bbbb-cccc-111122223333' },
    ],
    negatives: ['https://app.dover.com.evil.com/jobs/acme', 'https://www.dover.com/'],
  },
  gem: {
    urls: [
      { url: 'https://jobs.gem.com/acme', token: 'acme', jobId: null },
      { url: 'https://jobs.gem.com/acme/am9icG9zdDpabc123', token: 'acme', jobId: 'am9icG9zdDpabc123' },
      { url: 'https://api.gem.com/job_board/v0/acme/job_posts/', token: 'acme', jobId: null },
    ],
    negatives: ['https://jobs.gem.com.evil.com/acme', 'https://www.gem.com/'],
  },
  polymer: {
    urls: [
      { url: 'https://jobs.polymer.co/acme', token: 'acme', jobId: null },
      { url: 'https://jobs.polymer.co/acme/28471', token: 'acme', jobId: '28471' },
    ],
    negatives: ['https://jobs.polymer.co.evil.com/acme', 'https://polymer.co/'],
  },
  trakstar: {
    urls: [
      { url: 'https://acme.hire.trakstar.com/', token: 'acme', jobId: null },
      { url: 'https://acme.hire.trakstar.com/jobs/fk0abcd', token: 'acme', jobId: 'fk0abcd' },
      { url: 'https://acme.recruiterbox.com/jobs/fk0xyz', token: 'acme', jobId: 'fk0xyz' },
    ],
    negatives: ['https://www.trakstar.com/', 'https://acme.hire.trakstar.com.evil.com/jobs/1', 'https://hire.trakstar.com/'],
  },
  zohorecruit: {
    urls: [
      { url: 'https://acme.zohorecruit.com/jobs/Careers', token: 'acme', jobId: null },
      { url: 'https://acme.zohorecruit.eu/jobs/Careers/123456000000123456/Senior-Engineer?source=CareerSite', token: 'acme', jobId: '123456000000123456' },
    ],
    negatives: ['https://www.zohorecruit.com/', 'https://acme.zohorecruit.com.evil.com/jobs/Careers'],
    pages: [
      { name: 'rec_embed_js widget', url: 'https://acme.com/careers', fixture: 'zohorecruit.html', token: 'acme', minConfidence: 0.85, evidence: 'rec_embed_js' },
    ],
  },
  freshteam: {
    urls: [
      { url: 'https://acme.freshteam.com/jobs', token: 'acme', jobId: null },
      { url: 'https://acme.freshteam.com/jobs/AbC123dEf/senior-engineer', token: 'acme', jobId: 'AbC123dEf' },
    ],
    negatives: ['https://assets.freshteam.com/widget/x.js', 'https://acme.freshteam.com.evil.com/jobs'],
    pages: [
      { name: 'widget asset + apply form', url: 'https://acme.com/careers/engineer', fixture: 'freshteam.html', token: 'acme', jobId: 'AbC123dEf', minConfidence: 0.85, evidence: 'form action acme.freshteam.com/jobs/AbC123dEf/apply' },
    ],
  },
  manatal: {
    urls: [
      { url: 'https://www.careers-page.com/acme', token: 'acme', jobId: null },
      { url: 'https://www.careers-page.com/acme/job/QW3R5T', token: 'acme', jobId: 'QW3R5T' },
    ],
    negatives: ['https://www.careers-page.com.evil.com/acme', 'https://www.manatal.com/'],
  },
  eightfold: {
    urls: [
      { url: 'https://acme.eightfold.ai/careers', token: 'acme', jobId: null },
      { url: 'https://acme.eightfold.ai/careers?pid=563199202&domain=acme.com', token: 'acme', jobId: '563199202' },
      { url: 'https://acme.eightfold.ai/careers/job/563199202', token: 'acme', jobId: '563199202' },
    ],
    negatives: ['https://eightfold.ai/careers', 'https://acme.eightfold.ai.evil.com/careers'],
  },
};

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`./fixtures/ats/${name}`, import.meta.url)), 'utf8');

describe('ATS registry', () => {
  it('lists at least 30 unique platforms, each with URL cases in this table', () => {
    const ids = atsPlatforms.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(30);
    expect([...ids].sort()).toEqual([...ATS_PLATFORM_IDS].sort());
    for (const id of ids) {
      const cases = (table as Record<string, PlatformCases | undefined>)[id];
      expect(cases, `no test cases for ${id}`).toBeDefined();
      expect(cases!.urls.filter((c) => c.jobId === null).length, `${id}: board URL case`).toBeGreaterThanOrEqual(1);
      expect(cases!.urls.filter((c) => c.jobId !== null).length, `${id}: job URL case`).toBeGreaterThanOrEqual(1);
      expect(cases!.negatives.length, `${id}: negatives`).toBeGreaterThanOrEqual(1);
    }
  });

  it('has company-page fixtures for at least 12 platforms', () => {
    const withPages = Object.entries(table).filter(([, c]) => (c.pages?.length ?? 0) > 0);
    expect(withPages.length).toBeGreaterThanOrEqual(12);
  });

  it('atsPlatformTable mirrors the registry for the docs', () => {
    const rows = atsPlatformTable();
    expect(rows).toHaveLength(atsPlatforms.length);
    for (const row of rows) {
      const def = getAtsPlatform(row.id)!;
      expect(row).toMatchObject({ name: def.name, url: true, embed: def.detects.embed, boardApi: def.detects.boardApi });
      // boardApi is claimed exactly when a builder exists.
      expect(typeof def.boardApiUrl === 'function').toBe(row.boardApi);
    }
    expect(rows.filter((r) => r.embed).length).toBeGreaterThanOrEqual(12);
  });
});

describe.each(Object.entries(table) as Array<[AtsPlatformId, PlatformCases]>)('%s', (id, cases) => {
  it.each(cases.urls)('hosted URL $url', (c) => {
    const m = detectAts({ url: c.url });
    expect(m).not.toBeNull();
    expect(AtsMatchSchema.parse(m)).toEqual(m);
    expect({ platform: m!.platform, boardToken: m!.boardToken, jobId: m!.jobId }).toEqual({
      platform: id,
      boardToken: c.token,
      jobId: c.jobId,
    });
    expect(m!.confidence).toBeGreaterThanOrEqual(c.minConfidence ?? 0.95);
    if (c.minConfidence === undefined) expect(m!.confidence).toBe(c.jobId !== null ? 1 : 0.97);
    expect(m!.evidence.some((e) => e.startsWith('page url '))).toBe(true);
    if (c.evidence !== undefined) expect(m!.evidence.join('\n')).toContain(c.evidence);
  });

  it.each(cases.negatives)('not fooled by %s', (url) => {
    expect(detectAts({ url })).toBeNull();
  });

  const pages = cases.pages ?? [];
  it.runIf(pages.length > 0).each(pages)('company page: $name', (p) => {
    const m = detectAts({ url: p.url, html: fixture(p.fixture) });
    expect(m?.platform).toBe(id);
    expect(m!.boardToken).toBe(p.token);
    if (p.jobId !== undefined) expect(m!.jobId).toBe(p.jobId);
    expect(m!.confidence).toBeGreaterThanOrEqual(p.minConfidence);
    expect(m!.confidence).toBeLessThanOrEqual(p.maxConfidence ?? 0.95);
    expect(m!.evidence.join('\n')).toContain(p.evidence);
  });
});

describe('detectAts ranking', () => {
  it('an embed with a board token beats a footer link to another ATS', () => {
    const all = detectAtsCandidates('https://acme.com/careers', collectPageSignals(fixture('mixed.html'), 'https://acme.com/careers'));
    expect(all.map((m) => m.platform)).toEqual(['greenhouse', 'lever']);
    expect(all[0]!.boardToken).toBe('acme');
    expect(all[1]!.boardToken).toBe('sisterco');
  });

  it('a job page on an ATS host beats links on the page', () => {
    const m = detectAts({ url: `https://jobs.lever.co/acme/${UUID_A}`, html: fixture('mixed.html') });
    expect(m).toMatchObject({ platform: 'lever', boardToken: 'acme', jobId: UUID_A, confidence: 1 });
  });

  it('a plain company page with lookalike links detects nothing', () => {
    expect(detectAts({ url: 'https://acme.com/careers', html: fixture('none.html') })).toBeNull();
  });

  it('links never set the page job id', () => {
    const m = detectAts({ url: 'https://acme.com/careers', html: fixture('lever.html') });
    expect(m?.jobId).toBeNull();
  });

  it('detectAtsFromSignals reuses one pass', () => {
    const signals = collectPageSignals(fixture('bamboohr.html'), 'https://acme.com/careers');
    expect(detectAtsFromSignals('https://acme.com/careers', signals)?.boardToken).toBe('acme');
    expect(detectAtsFromSignals(new URL('https://acme.com/careers'), null)).toBeNull();
  });
});

describe('collectPageSignals', () => {
  it('resolves relative URLs against <base> and keeps metas, inline scripts and data attributes', () => {
    const s = collectPageSignals(
      `<base href="https://cdn.acme.com/sub/"><meta name="Description" content="Jobs"><script src="a.js"></script>
       <a href="../careers">c</a><a href="javascript:void(0)">x</a><form action="/apply"></form>
       <script>window.x = 1</script><body data-tenant="acme">`,
      'https://acme.com/',
    );
    expect(s.scripts).toEqual(['https://cdn.acme.com/sub/a.js']);
    expect(s.anchors).toEqual(['https://cdn.acme.com/careers']);
    expect(s.forms).toEqual(['https://cdn.acme.com/apply']);
    expect(s.metas).toEqual([{ name: 'description', content: 'Jobs' }]);
    expect(s.inlineScripts).toEqual(['window.x = 1']);
    expect(s.attributes).toContainEqual({ tag: 'body', name: 'data-tenant', value: 'acme' });
    expect(s.truncated).toBe(false);
  });

  it('bounds hostile input: 100k nested elements, huge attribute lists, endless links and scripts', () => {
    const head = '<script src="https://boards.greenhouse.io/embed/job_board/js?for=acme"></script>';
    const nested = '<div>'.repeat(100_000);
    const manyAttrs = `<div ${Array.from({ length: 100_000 }, (_, i) => `data-a${i}="v"`).join(' ')}></div>`;
    const links = Array.from({ length: 5000 }, (_, i) => `<a href="/j/${i}">j</a>`).join('');
    const bigScript = `<script>${'x'.repeat(2_000_000)}</script>`;
    const html = head + nested + manyAttrs + links + bigScript;
    const s = collectPageSignals(html, 'https://acme.com/');
    expect(s.truncated).toBe(true);
    expect(s.anchors.length).toBe(1000);
    expect(s.attributes.length).toBeLessThanOrEqual(1000);
    expect(s.inlineScripts.join('').length).toBeLessThanOrEqual(65_536);
    expect(detectAtsFromSignals('https://acme.com/', s)?.boardToken).toBe('acme');

    const tenMb = `${head}${'<p>filler text '.repeat(800_000)}`;
    expect(tenMb.length).toBeGreaterThan(10_000_000);
    const t = collectPageSignals(tenMb, 'https://acme.com/');
    expect(t.truncated).toBe(true);
    expect(t.scripts).toHaveLength(1);
  });
});

describe('board API URLs', () => {
  it('build from a detected match, using the host hint where the token is not enough', () => {
    const wd = getAtsPlatform('workday')!;
    const url = new URL('https://acme.wd5.myworkdayjobs.com/en-US/External/job/X/Y_R1');
    const m = wd.matchUrl(url)!;
    expect(wd.boardApiUrl!(m.boardToken!, { host: m.host })).toBe(
      'https://acme.wd5.myworkdayjobs.com/wday/cxs/acme/External/jobs',
    );
    expect(() => wd.boardApiUrl!('acme/External')).toThrow(/\[parsers\/ats\] workday: boardApiUrl needs hints.host/);
    expect(() => wd.boardApiUrl!('acme', { host: m.host })).toThrow(/board token must look like \{tenant\}\/\{site\}/);
    expect(getAtsPlatform('greenhouse')!.boardApiUrl!('acme', { host: 'job-boards.eu.greenhouse.io' })).toBe(
      'https://boards-api.eu.greenhouse.io/v1/boards/acme/jobs?content=true',
    );
    expect(getAtsPlatform('lever')!.boardApiUrl!('AcmeCorp')).toBe('https://api.lever.co/v0/postings/AcmeCorp?mode=json');
  });

  it('round-trip: every board API URL is recognised as the same platform and token', () => {
    for (const def of atsPlatforms) {
      if (!def.boardApiUrl) continue;
      const hosted = table[def.id].urls.find((c) => c.token !== null && c.jobId === null)!;
      const m = def.matchUrl(new URL(hosted.url))!;
      const api = def.boardApiUrl(m.boardToken!, { host: m.host });
      const back = detectAts({ url: api });
      expect(back?.platform, `${def.id} ${api}`).toBe(def.id);
      expect(back?.boardToken, `${def.id} ${api}`).toBe(m.boardToken);
    }
  });
});

describe('invalid arguments', () => {
  it.each([
    ['non-string url', { url: 42 }],
    ['relative url', { url: '/careers' }],
    ['non-http url', { url: 'javascript:alert(1)' }],
    ['missing input', undefined],
    ['non-string html', { url: 'https://acme.com/', html: 3 }],
  ])('%s → INVALID_ARGUMENT', (_, input) => {
    let err: unknown;
    try {
      detectAts(input as never);
    } catch (e) {
      err = e;
    }
    expect(JobkitError.is(err, 'INVALID_ARGUMENT')).toBe(true);
    expect((err as Error).message).toMatch(/^\[parsers\/ats\]/);
  });

  it('collectPageSignals and detectAtsFromSignals validate too', () => {
    expect(() => collectPageSignals('<p>', 'relative/path')).toThrow(/\[parsers\/ats\]/);
    expect(() => detectAtsFromSignals('nope', null)).toThrow(/\[parsers\/ats\]/);
  });
});
