/**
 * One posting, one row: the crawl's job reader re-keys each posting to the URL that names it, so
 * the same job reached at two URLs (a careers-site copy and its ATS page, a slug and a bare id,
 * a board's API row and a crawled page) is stored once.
 *
 * - **ATS job id first.** A posting whose ATS, board and job id are known is keyed to that ATS's
 *   own job URL (`https://boards.greenhouse.io/acme/jobs/123`). The URL is built from a template
 *   and kept only when the platform's URL matcher reads the same board and id back from it.
 * - **Then `<link rel=canonical>`**, when it stays on the page's own host (`www.` aside): a page
 *   cannot claim another site's posting. A canonical on another path must still name one posting
 *   (an id-like last segment, or the page's own last segment); one at the listing (`/careers` for
 *   `/careers/analyst`, a common template mistake) is ignored, and so is one already claimed in
 *   this run by a posting with another title.
 * Core's `canonicalizeUrl` already folds tracking parameters, host case and ATS host variants.
 * @module
 */
import { canonicalizeUrl, finalizeJob, type JobPosting, type JobReader, type ParsedJobPage } from '@jobkit/core';
import { type AtsPlatformId, collectPageSignals, getAtsPlatform } from '@jobkit/parsers';

const seg = encodeURIComponent;

/** The ATS's own job URL from board + id, for platforms where that URL needs nothing else. */
const ATS_JOB_URL: Partial<Record<AtsPlatformId, (board: string, id: string) => string>> = {
  greenhouse: (b, id) => `https://boards.greenhouse.io/${seg(b)}/jobs/${seg(id)}`,
  lever: (b, id) => `https://jobs.lever.co/${seg(b)}/${seg(id)}`,
  ashby: (b, id) => `https://jobs.ashbyhq.com/${seg(b)}/${seg(id)}`,
  smartrecruiters: (b, id) => `https://jobs.smartrecruiters.com/${seg(b)}/${seg(id)}`,
  workable: (b, id) => `https://apply.workable.com/${seg(b)}/j/${seg(id)}`,
  recruitee: (b, id) => `https://${b.toLowerCase()}.recruitee.com/o/${seg(id)}`,
  personio: (b, id) => `https://${b.toLowerCase()}.jobs.personio.de/job/${seg(id)}`,
  bamboohr: (b, id) => `https://${b.toLowerCase()}.bamboohr.com/careers/${seg(id)}`,
  breezy: (b, id) => `https://${b.toLowerCase()}.breezy.hr/p/${seg(id)}`,
  teamtailor: (b, id) => `https://${b.toLowerCase()}.teamtailor.com/jobs/${seg(id)}`,
};

/** Postings remembered per run for the canonical-claim check; past this, claims are no longer checked. */
const MAX_CLAIMS = 200_000;

/**
 * The ATS's job URL for `platform`/`board`/`id`, or `undefined` when there is no template or the
 * platform's own matcher does not read the same board and id back (a template gone stale).
 */
export function atsJobUrl(platform: string, board: string, id: string): string | undefined {
  const template = ATS_JOB_URL[platform as AtsPlatformId];
  if (!template || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(board)) return undefined;
  const url = template(board, id);
  try {
    const match = getAtsPlatform(platform as AtsPlatformId)?.matchUrl(new URL(url));
    if (!match || match.jobId !== id || match.boardToken?.toLowerCase() !== board.toLowerCase()) return undefined;
  } catch {
    return undefined;
  }
  return url;
}

/** `path` without trailing slashes (a loop: `/\/+$/` backtracks quadratically on many slashes). */
function trimSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 0x2f) end--;
  return path.slice(0, end);
}

const host = (u: URL) => u.hostname.toLowerCase().replace(/^www\./, '');

/** The page's own canonical URL when it is usable as an identity (same host, not an ancestor path). */
export function sameSiteCanonical(html: string, pageUrl: string): string | undefined {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return undefined;
  }
  let href: string | undefined;
  try {
    href = collectPageSignals(html, pageUrl).linkTags.find((l) => /(^|\s)canonical(\s|$)/i.test(l.rel))?.href;
  } catch {
    return undefined;
  }
  if (!href) return undefined;
  let canonical: URL;
  try {
    canonical = new URL(href, page);
  } catch {
    return undefined;
  }
  if ((canonical.protocol !== 'http:' && canonical.protocol !== 'https:') || host(canonical) !== host(page)) return undefined;
  const path = trimSlashes(canonical.pathname);
  const pagePath = trimSlashes(page.pathname);
  if (path === pagePath) return canonical.href;
  if (path === '') return undefined;
  // Another path must still name one posting: an id-like last segment (`/roles/42` for
  // `/roles/42/backend-engineer`), or the page's own last segment (`/careers/x` for `/en/careers/x`).
  // A canonical at the listing (`/openings` for `/openings/analyst`) names none and is ignored.
  const last = path.slice(path.lastIndexOf('/') + 1);
  const idLike = /\d/.test(last);
  const ancestor = pagePath.startsWith(`${path}/`);
  if (idLike || (!ancestor && last === pagePath.slice(pagePath.lastIndexOf('/') + 1))) return canonical.href;
  return undefined;
}

/** The posting under `url`, re-finalized (id, urlHash, quality follow the URL); unchanged when `url` is its own. */
function rekey(job: JobPosting, url: string, now: Date | undefined): JobPosting {
  try {
    if (canonicalizeUrl(url) === job.url) return job;
    const { id: _id, urlHash: _hash, quality: _quality, ...draft } = job;
    return finalizeJob({ ...draft, url }, now ? { now } : {});
  } catch {
    // A key that does not validate is no reason to lose the posting.
    return job;
  }
}

/** ATS coordinates of a posting: its own `ats` ref, else a confident page-level match. */
function atsKey(job: JobPosting, page: ParsedJobPage['ats'] | undefined): string | undefined {
  const ref = job.ats;
  if (ref?.boardToken && ref.jobId) return atsJobUrl(ref.platform, ref.boardToken, ref.jobId);
  if (page?.boardToken && page.jobId && page.confidence >= 0.9) return atsJobUrl(page.platform, page.boardToken, page.jobId);
  return undefined;
}

const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Wrap a reader so every posting it returns carries its identity URL (see the module notes).
 * Create one per run: the canonical-claim check remembers the run's postings.
 */
export function createDedupingReader(inner: JobReader): JobReader {
  /** canonical URL → folded title of the first posting that claimed it */
  const claims = new Map<string, string>();
  return {
    ...inner,
    parseJobPage(html, options) {
      const parsed = inner.parseJobPage(html, options);
      const job = parsed.job;
      if (!job) return parsed;
      const viaAts = atsKey(job, parsed.ats);
      if (viaAts) return { ...parsed, job: rekey(job, viaAts, options.now) };
      const canonical = sameSiteCanonical(html, options.url);
      if (!canonical) return parsed;
      const key = canonicalizeUrl(canonical);
      const title = fold(job.title);
      const claimedBy = claims.get(key);
      if (claimedBy !== undefined && claimedBy !== title) {
        return {
          ...parsed,
          warnings: [...parsed.warnings, `rel=canonical ${canonical} is claimed by a posting with another title; kept the page URL`],
        };
      }
      if (claimedBy === undefined && claims.size < MAX_CLAIMS) claims.set(key, title);
      return { ...parsed, job: rekey(job, canonical, options.now) };
    },
    async listBoardJobs(board, options) {
      const result = await inner.listBoardJobs(board, options);
      return {
        ...result,
        jobs: result.jobs.map((job) => {
          const viaAts = atsKey(job, undefined);
          return viaAts ? rekey(job, viaAts, options.now) : job;
        }),
      };
    },
  };
}
