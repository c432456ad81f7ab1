/**
 * Is this URL a single job posting? URL-shape rules for ATS hosts and common career-site paths,
 * with the exclusions (navigation, search, paging, login, social, assets) that keep lists clean.
 * @module
 */

import { invalidArgument } from '@jobkit/core';
import { platformsForHost } from '../ats/host-index.js';
import { atsPlatforms } from '../ats/registry.js';

const ASSET = /\.(?:png|jpe?g|gif|svg|webp|ico|css|js|mjs|json|xml|rss|pdf|docx?|zip|mp4|mp3|woff2?|ttf)$/i;

/** Path segments that name a list, a filter or site chrome, never one posting. */
const NAV_SEGMENT =
  /^(?:search|suche|recherche|buscar|busqueda|category|categories|categorie|kategorie|department|departments|team|teams|location|locations|standorte|page|pages|login|log-in|signin|sign-in|sign_in|signup|register|account|profile|apply|alerts?|job-alerts?|saved|favorites|rss|feed|sitemap|about|benefits|culture|faq|contact|privacy|terms|impressum|datenschutz|students|graduates|internships|all|index|list|new|results|filter|map|events|blog|news)$/i;

/** Hosts whose job URLs have a known shape; the test gets the path split into segments. */
const ATS_RULES: Array<{ host: RegExp; job: (segs: string[], u: URL) => boolean }> = [
  { host: /(^|\.)greenhouse\.io$/, job: (s, u) => /^\d+$/.test(s[s.indexOf('jobs') + 1] ?? '') || u.searchParams.has('token') },
  { host: /^jobs\.(eu\.)?lever\.co$/, job: (s) => s.length >= 2 && /^[0-9a-f-]{36}$/i.test(s[1]!) },
  { host: /^jobs\.ashbyhq\.com$/, job: (s) => s.length >= 2 && /^[0-9a-f-]{36}$/i.test(s[1]!) },
  { host: /^apply\.workable\.com$/, job: (s) => s[1] === 'j' && !!s[2] },
  { host: /\.jobs\.personio\.(de|com)$/, job: (s) => s[0] === 'job' && /^\d+$/.test(s[1] ?? '') },
  { host: /\.myworkdayjobs\.com$|\.myworkdaysite\.com$/, job: (s) => s.includes('job') && s.length >= s.indexOf('job') + 2 },
  { host: /^(jobs|careers)\.smartrecruiters\.com$/, job: (s) => s.length >= 2 && /^\d{6,}/.test(s[1]!) },
  { host: /\.recruitee\.com$/, job: (s) => s[0] === 'o' && !!s[1] },
  { host: /\.bamboohr\.com$/, job: (s) => s[0] === 'careers' && /^\d+$/.test(s[1] ?? '') },
  { host: /\.breezy\.hr$/, job: (s) => s[0] === 'p' && !!s[1] },
  { host: /^jobs\.jobvite\.com$/, job: (s) => s.includes('job') && !!s[s.indexOf('job') + 1] },
  { host: /\.applytojob\.com$/, job: (s) => s[0] === 'apply' && !!s[1] && s[1] !== 'jobs' },
  { host: /\.teamtailor\.com$/, job: (s) => s[0] === 'jobs' && /^\d+/.test(s[1] ?? '') },
  { host: /\.icims\.com$/, job: (s) => s[0] === 'jobs' && /^\d+$/.test(s[1] ?? '') },
  {
    host: /(^|\.)linkedin\.com$/,
    job: (s) =>
      (s[0] === 'jobs' && s[1] === 'view' && !!s[2] && s[2] !== 'externalApply') ||
      (s[0] === 'jobs-guest' && s.includes('jobPosting') && /^\d+$/.test(s[s.length - 1]!)),
  },
  {
    host: /(^|\.)indeed\.(?:[a-z]{2,3}\.)?[a-z]{2,3}$/,
    job: (s, u) =>
      ((s[0] === 'viewjob' || s[0] === 'rc' || (s[0] === 'm' && s[1] === 'viewjob')) && u.searchParams.has('jk')) ||
      (s[0] === 'pagead' && s[1] === 'clk') ||
      (s[0] === 'cmp' && s[2] === 'jobs' && !!s[3]),
  },
  // `/partner/jobListing.htm?…` are click-tracking redirects to the same `/job-listing/` pages.
  { host: /(^|\.)glassdoor\.(?:[a-z]{2,3}\.)?[a-z]{2,3}$/, job: (s) => s[0] === 'job-listing' },
  { host: /(^|\.)workatastartup\.com$/, job: (s) => s[0] === 'jobs' && /^\d+$/.test(s[1] ?? '') },
  { host: /(^|\.)join\.com$/, job: (s) => (s[0] === 'companies' && s[2] === 'jobs' ? !!s[3] : false) },
  // Boards whose posting URLs carry no generic job word.
  { host: /(^|\.)zhipin\.com$/, job: (s) => s[0] === 'job_detail' && /^[\w~-]{6,}\.html$/.test(s[1] ?? '') },
  { host: /^jobs\.51job\.com$/, job: (s) => s.length === 2 && /^\d{5,}\.html$/.test(s[1]!) },
  { host: /(^|\.)naukri\.com$/, job: (s) => s.length === 1 && /^job-listings-.+-\d{6,}$/.test(s[0]!) },
  {
    host: /(^|\.)(?:stepstone\.(?:[a-z]{2,3}\.)?[a-z]{2,3}|totaljobs\.com|cwjobs\.co\.uk)$/,
    job: (s) => /--\d+(?:-inline)?\.html$/.test(s[s.length - 1] ?? '') || (s[0] === 'job' && /-job\d+$/.test(s[s.length - 1] ?? '')),
  },
  { host: /(^|\.)(?:seek\.com\.au|seek\.co\.nz)$/, job: (s) => s[0] === 'job' && /^\d+$/.test(s[1] ?? '') },
  { host: /(^|\.)(?:hh\.ru|hh\.kz|hh\.uz)$/, job: (s) => s[0] === 'vacancy' && /^\d+$/.test(s[1] ?? '') },
  {
    host: /(^|\.)usajobs\.gov$/,
    job: (s) => (s[0] === 'job' && /^\d+$/.test(s[1] ?? '')) || (/^getjob$/i.test(s[0] ?? '') && /^\d+$/.test(s[2] ?? '')),
  },
];

/** Hosts never holding an employer's posting (social sites, share widgets). */
const SOCIAL =
  /(^|\.)(facebook|twitter|x|instagram|youtube|tiktok|pinterest|xing|github|medium|wa|whatsapp|t|reddit|threads)\.(com|me|net)$/i;

/** Generic career-site path words that precede a posting slug or id. */
const JOB_PATH_WORDS =
  /^(?:jobs?|careers?|career|positions?|openings?|vacanc(?:y|ies)|opportunit(?:y|ies)|stellenangebote?|stellen|stelle|stellenanzeigen?|jobangebote?|karriere|offres?|offre-d-emploi|offres-d-emploi|emplois?|empleos?|empleo|ofertas?|ofertas-de-empleo|oferta-de-empleo|ofertas-de-trabajo|trabajos?|vacantes?|vagas?|vaga|lavoro|offerte?|offerte-di-lavoro|annunci|vacatures?|vacature|praca|oferty|ogloszenie|ogloszenia|vakansii|vacancies-list|trabaja-con-nosotros|trabalhe-conosco|lavora-con-noi|werken-bij|bolsa-de-trabajo|kariera|kariyer|karriar|tuyen-dung|viec-lam|lediga-jobb|ledige-stillinger|stellenmarkt|stellenboerse|postings?|requisitions?|role|roles|job-listing|job-listings|joboffer|job-offer|job-offers|job-detail|job-details|jobdetail|jobdetails|job_detail|viewjob|recruitment|recrutement|reclutamiento|concursos?|convocatorias?|plazas|lowongan|loker|işilanları|is-ilanlari|ilan|вакансии|вакансия|вакансія|вакансії|saiyo|saiyou|boshu|boshuu|kyujin|kyuujin|zhaopin|chaeyong|招聘|招考|职位|職缺|工作|求人|採用|募集|채용|모집|وظائف|وظيفة|งาน|नौकरी|भर्ती)$/i;

/** A job word inside a longer segment ("GetJob", "vacancy.aspx", "jobdetail.php"). */
const JOB_WORD_INSIDE =
  /job|vacan|opportunit|saiyo|boshu|kyujin|kyuujin|zhaopin|chaeyong|stelle|offre|empleo|emploi|vaga|posting|career|recruit|recrut|position|concurso|plaza|vacature|oferta|praca|vakans|lowongan|вакан|招聘|职位|職缺|求人|採用|채용|وظيف|ตำแหน่ง|नौकरी|भर्ती/i;
/** Query parameters that name one posting (`?id=123`, `?vacancyId=`, `?jcode=`). */
const ID_PARAM =
  /^(?:id|jid|vid|pid|jcode|ref|refno|nr|no|code|idoferta|id_oferta|idvacante|idvaga|(?:job|jobpost|post|posting|vacancy|vac|position|req|requisition|opening|offer|ad|advert|opportunity|announcement|stelle|offre|oferta|vaga)[_-]?(?:id|no|nr|num|number|code|ref|key)?)$/i;
/** Words of list, search, account and action pages ("Job_List.cfm", "JobSearch.aspx", "searchresults.aspx", "JobCart.cfm"). */
const LIST_WORD =
  /^(?:(?:job|jobs|vacancy|vacancies|career|careers|quick|advanced|adv|basic|keyword)?search\w*|\w*results?|list|lists|listado|liste|joblist|jobslist|browse|filter|sort|sortby|agent|jobagent|alerts?|cart|jobcart|basket|login|logon|signin|signup|register|workbench|saved|welcome|intro|default|index|home|suche|recherche|buscar)$/;
const ACTION_WORD =
  /^(?:apply|jobapply|respond|response|bewerben|bewerbung|postuler|candidatar|share|report|rss|feed|print|email|mail|friend|tellafriend)$/;

/** The words of a path segment: camelCase, `_`, `-` and `.` split, extension dropped, lower case. */
function segmentWords(seg: string): string[] {
  return seg
    .slice(0, 200)
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

/** A last path segment of a list, search or account page (links to it re-sort or filter a list). */
export function isListSegment(seg: string): boolean {
  return segmentWords(seg).some((w) => LIST_WORD.test(w));
}

function isListOrAction(seg: string): boolean {
  return segmentWords(seg).some((w) => LIST_WORD.test(w) || ACTION_WORD.test(w));
}
/** A list's page (`?page=2`, `&start=20`): whatever ids ride along, not one posting. */
function isPaged(url: URL): boolean {
  for (const k of url.searchParams.keys()) if (/^(?:page|p|pg|seite|pagina|start|offset|pagenumber|pagenum)$/i.test(k)) return true;
  return false;
}

/** Query keys named for one posting (not `id` alone: that names anything). */
const JOB_KEY =
  /^(?:job|jobpost|jobposting|posting|vacancy|vac|position|requisition|req|jobreq|opening|offer|advert|stelle|offre|oferta|vaga)[_-]?(?:id|no|nr|num|number|code|ref|key)$/i;
/** Words of search, list, cart, alert and account pages (a page about one record may be `index` or `default`). */
const SEARCH_OR_ACTION =
  /^(?:(?:job|jobs|vacancy|vacancies|career|careers|quick|advanced|adv|basic|keyword)?search\w*|\w*results?|list|lists|listado|liste|joblist|jobslist|browse|filter|sort|sortby|agent|jobagent|alerts?|cart|jobcart|basket|login|logon|signin|signup|register|saved|suche|recherche|buscar)$/;

/** Words of a page that shows one record ("Job_Profile.cfm", "jobDetails.do", "ViewJob.jsp"). */
const DETAIL_WORD = /detail|profile|view|display|show|descr|posting|summary|preview|anzeige|fiche|ficha|oferta/i;

/**
 * An opaque record token in a query: `Job_Profile.cfm?/3MA8ST3MAOZV…` (the whole query is one
 * key) or `?q=0KG1Z60K52WZ…`: 16+ letters and digits, both present.
 */
function opaqueToken(s: string): boolean {
  let end = s.length;
  while (end > 0 && s[end - 1] === '=') end--;
  const t = s.slice(0, end).replace(/^\/+/, '');
  return t.length >= 16 && t.length <= 1_000 && /^[A-Za-z0-9_.~+-]+$/.test(t) && /\d/.test(t) && /[A-Za-z]/.test(t);
}

/**
 * `detail.cfm?/<token>`, `jobDetails.do?jobPostId=12345`, `jobdetail.ftl?job=4711`: a page named
 * like one posting (a job word or a detail word in its last segment, not a list/search/action
 * page) whose query carries the posting's id or an opaque record token.
 */
function queryNamesPosting(url: URL, path: string, last: string): boolean {
  // A parameter named for one posting (`Details.aspx?JobID=812`, `index.php?vacancy_id=12`) names
  // it on any page but a search, list, cart or action page.
  if (isPaged(url)) return false;
  const words = segmentWords(last);
  if (!words.some((w) => SEARCH_OR_ACTION.test(w) || ACTION_WORD.test(w))) {
    for (const [k, v] of url.searchParams) if (JOB_KEY.test(k) && /^\d{2,12}$|^[0-9a-f-]{16,40}$/i.test(v)) return true;
  }
  if (isListOrAction(last)) return false;
  if (!JOB_WORD_INSIDE.test(last) && !(DETAIL_WORD.test(last) && JOB_WORD_INSIDE.test(path))) return false;
  for (const [k, v] of url.searchParams) {
    if (ID_PARAM.test(k) && /\d{2,}|^[0-9a-f-]{16,}$/i.test(v)) return true;
    if ((v === '' && opaqueToken(k)) || opaqueToken(v)) return true;
  }
  return false;
}

/** A slug or id that looks like one posting (has a digit, or several words joined by dashes). */
function looksLikePostingSlug(seg: string): boolean {
  if (!seg || NAV_SEGMENT.test(seg) || JOB_PATH_WORDS.test(seg)) return false;
  // "job-search", "saved-jobs", "jobs-alerts": every word names a list, an action or jobs.
  const words = segmentWords(seg);
  if (words.length > 0 && words.every((w) => LIST_WORD.test(w) || ACTION_WORD.test(w) || JOB_PATH_WORDS.test(w))) return false;
  // "elektriker-jobs-in-stuttgart", "it-jobs": search and category pages, unless an id follows.
  if (
    /(?:^|[-_])(?:jobs|stellen|stellenangebote|emplois|empleos|vagas|vacatures|ofertas|offres|vacancies)(?:[-_]|$)/i.test(seg) &&
    !/\d{5,}/.test(seg)
  )
    return false;
  if (/\d{3,}/.test(seg)) return true;
  // Short alphanumeric ids ("8a7b6", "a1b2c3d").
  if (/^(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{5,}$/i.test(seg)) return true;
  if (/^[0-9a-f-]{20,}$/i.test(seg)) return true;
  return seg.split(/[-_]/).filter((w) => w.length > 0).length >= 2 && seg.length >= 6;
}

/**
 * What the host's own URL rule says about `url` (ATS and boards with known job URL shapes):
 * `true`/`false`, or `null` when no rule owns the host.
 */
export function hostRuleVerdict(url: URL): boolean | null {
  const host = url.hostname.toLowerCase();
  const segs = decodeURIComponentSafe(url.pathname).split('/').filter(Boolean);
  for (const rule of ATS_RULES) if (rule.host.test(host)) return rule.job(segs, url);
  return null;
}

/** True when `url` points at one job posting (not a list, search, category or asset). */
export function isJobUrl(url: URL): boolean {
  if (typeof url !== 'object' || url === null || typeof (url as { href?: unknown }).href !== 'string')
    throw invalidArgument('parsers/links', `isJobUrl expects a URL object, got ${url === null ? 'null' : typeof url}`);
  return jobUrlStrength(url) !== null;
}

/** {@link jobUrlStrength} from the URL's shape and the host rules above. */
function shapeStrength(url: URL): 'strong' | 'weak' | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase();
  const path = decodeURIComponentSafe(url.pathname);
  if (ASSET.test(path)) return null;
  const segs = path.split('/').filter(Boolean);
  for (const rule of ATS_RULES) if (rule.host.test(host)) return rule.job(segs, url) ? 'strong' : null;
  if (SOCIAL.test(host)) return null;
  if (url.searchParams.has('gh_jid') || url.searchParams.has('ashby_jid') || url.searchParams.has('lever_jid')) return 'strong';
  // Paging/filters on a list (`/jobs?page=2`, `/careers?department=x`) are not postings.
  if (segs.length === 0) return null;
  const last = segs[segs.length - 1]!;
  // `/vacancy.aspx?id=55`, `/jobdetail.php?jobid=7`, `/GetJob/ViewDetails/812345`: a job page by id.
  // (Apply, response and login endpoints carry the posting's id too, but are not the posting.)
  if (
    JOB_WORD_INSIDE.test(path) &&
    !NAV_SEGMENT.test(last.replace(/\.\w+$/, '')) &&
    !isListOrAction(last) &&
    !/apply|respon|bewerb|postul|candidat|login|signin|signup|register|save|share|alert|report/i.test(last)
  ) {
    if (!isPaged(url)) for (const [k, v] of url.searchParams) if (ID_PARAM.test(k) && /\d{2,}|^[0-9a-f-]{16,}$/i.test(v)) return 'strong';
    if (/^\d{4,}(?:\.html?)?$/.test(last) && segs.slice(0, -1).some((s) => JOB_WORD_INSIDE.test(s))) return 'strong';
  }
  if (url.search.length > 1 && queryNamesPosting(url, path, last)) return 'strong';
  // One segment naming a posting: `/job-listings-java-developer-240118001234`, `/stellenangebote--…--1234-inline.html`.
  if (
    segs.length <= 2 &&
    /^(?:jobs?|job-listings?|vacancy|vacature|stellenangebote?|offre|empleo|oferta|vaga)[-_]/i.test(last) &&
    /\d{4,}/.test(last)
  )
    return 'strong';
  // `/jobs/4262/job`, `/vacancies/123/vacancy`: an id between job words.
  if (
    segs.length >= 3 &&
    JOB_PATH_WORDS.test(last) &&
    /^\d{2,}$/.test(segs[segs.length - 2]!) &&
    JOB_PATH_WORDS.test(segs[segs.length - 3]!)
  )
    return 'strong';
  if (NAV_SEGMENT.test(last) || JOB_PATH_WORDS.test(last)) return null;
  for (let i = 0; i < segs.length - 1; i++) {
    if (JOB_PATH_WORDS.test(segs[i]!)) {
      const rest = segs.slice(i + 1);
      // `/careers/teams/engineering` is a category; `/jobs/1234-backend-engineer` is a posting.
      if (rest.some((s) => NAV_SEGMENT.test(s))) return null;
      if (/^\d+$/.test(rest[0]!) || rest.some((s) => looksLikePostingSlug(s) && hasId(s))) return 'strong';
      if (rest.some(looksLikePostingSlug)) return 'weak';
      // One page per role on a static site: `/jobs/projectmanager.html` (not `/jobs/index.html`).
      const page = /^([\p{L}\d_-]{3,60})\.(?:html?|php|aspx?)$/u.exec(rest[rest.length - 1]!);
      return rest.length === 1 && page && !NAV_SEGMENT.test(page[1]!) && !JOB_PATH_WORDS.test(page[1]!) ? 'weak' : null;
    }
  }
  // A run-together job word before an id: `/candidate/jobadvert/C9123-24-0001`, `/JobDetail/Nurse/48213`.
  for (let i = 0; i < segs.length - 1; i++) {
    const seg = segs[i]!;
    if (!JOB_WORD_INSIDE.test(seg) || isListOrAction(seg) || segmentWords(seg).some((w) => EDITORIAL_WORD.test(w))) continue;
    const rest = segs.slice(i + 1);
    if (rest.some((s) => NAV_SEGMENT.test(s) || isListOrAction(s))) return null;
    if (rest.some(hasId)) return 'strong';
  }
  return null;
}

/** Words of editorial pages under a careers path (`/careers-blog/…`, `/jobnews/…`). */
const EDITORIAL_WORD =
  /^(?:blog|blogs|news|article|articles|press|story|stories|event|events|magazin|magazine|ratgeber|advice|tips|guide|faq)$/;

/**
 * How sure the URL's shape alone makes a posting: `strong` (a known host's job URL, an id in
 * the path or query), `weak` (only a word slug or a static page under a job word:
 * `/careers/total-rewards.aspx` reads the same as `/careers/store-manager.aspx`), or `null`.
 * Callers ask weak links for more evidence (where they sit, what they say). Hosts of an ATS
 * definition (`ats/`) that no rule here knows are asked through its `matchUrl`: a URL it reads a
 * job id from is a posting (Gem, Polymer, Homerun, Dover job URLs carry no job word).
 */
export function jobUrlStrength(url: URL): 'strong' | 'weak' | null {
  // A pure function of the URL (and the registered ATS definitions): pages ask it about the same
  // links several times (page classification, description links, link extraction).
  const key = `${atsPlatforms.length}|${url.href}`;
  const known = STRENGTH_MEMO.get(key);
  if (known !== undefined) return known;
  const strength = computeStrength(url);
  if (STRENGTH_MEMO.size >= STRENGTH_MEMO_MAX) STRENGTH_MEMO.clear();
  STRENGTH_MEMO.set(key, strength);
  return strength;
}

const STRENGTH_MEMO = new Map<string, 'strong' | 'weak' | null>();
const STRENGTH_MEMO_MAX = 4096;

function computeStrength(url: URL): 'strong' | 'weak' | null {
  const shaped = shapeStrength(url);
  if (shaped !== null || (url.protocol !== 'http:' && url.protocol !== 'https:')) return shaped;
  const host = url.hostname.toLowerCase();
  if (ATS_RULES.some((r) => r.host.test(host)) || SOCIAL.test(host)) return null;
  for (const i of platformsForHost(atsPlatforms, host)) {
    const def = atsPlatforms[i]!;
    // Only definitions bound to their own hosts: `hosts: 'any'` ones read company sites too.
    if (def.hosts === undefined) continue;
    let jobId: string | null = null;
    try {
      jobId = def.matchUrl(url)?.jobId ?? null;
    } catch {
      jobId = null;
    }
    if (jobId !== null && !url.pathname.split('/').some((seg) => isListOrAction(seg) && !/^apply$/i.test(seg))) return 'strong';
  }
  return null;
}

/** An id in a slug: 3+ digits, a short letters-and-digits code or a long hex/uuid. */
function hasId(seg: string): boolean {
  return /\d{3,}/.test(seg) || /^(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{5,}$/i.test(seg) || /^[0-9a-f-]{20,}$/i.test(seg);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
