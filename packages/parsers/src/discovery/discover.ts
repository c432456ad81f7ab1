/**
 * `discoverCareerPages`: from a company domain to its careers pages and the ATS boards behind
 * them. Candidates come from homepage links whose text or href says careers/jobs (en, de, fr, es,
 * it, nl, pt, pl…), conventional paths (`/careers`, `/jobs`), `careers.`/`jobs.` subdomains and
 * `sitemap.xml` entries; a bounded number are fetched and run through ATS detection.
 * Every candidate and board carries human-readable evidence.
 * @module
 */

import type { AtsMatch, Fetcher, FetchResult } from '@jobkit/core';
import { JobkitError, readArgument } from '@jobkit/core';
import { Parser } from 'htmlparser2';
import { getDomain } from 'tldts';
import { z } from 'zod';
import { detectAtsCandidates } from '../ats/detect.js';
import { collectPageSignals } from '../ats/signals.js';
import { descendants, parseXml } from '../boards/xml.js';
import { SCAN_LIMITS } from '../html/scan.js';

const SOURCE = '[parsers/discovery]';

/** Options of {@link discoverCareerPages}. */
export interface DiscoverCareerPagesOptions {
  fetcher: Fetcher;
  /** Aborts outstanding requests; the promise rejects with `ABORTED`. */
  signal?: AbortSignal;
  /** Candidate pages fetched and scanned for an ATS (strongest evidence first). @default 8 */
  maxFetches?: number;
  /** Requests in flight at once. @default 4 */
  concurrency?: number;
  /** Also guess `careers.` / `jobs.` subdomains. @default true */
  subdomains?: boolean;
  /** Read `/sitemap.xml` (and up to two child sitemaps of an index). @default true */
  sitemap?: boolean;
}

/** A page that probably lists jobs, with why we think so. */
export interface CareerPageCandidate {
  url: string;
  evidence: string[];
}

/** Result of {@link discoverCareerPages}. */
export interface DiscoveredCareerPages {
  /** Candidate pages, strongest evidence first; fetched ones that failed are dropped. */
  candidates: CareerPageCandidate[];
  /**
   * ATS boards found, strongest first. `url` is the board URL the match was read from when the page
   * revealed one (an embed or link; what `listBoardJobs` needs for hosts like Workday's), else the page;
   * `foundOn` is the page they were detected on.
   */
  boards: (AtsMatch & { url: string; foundOn: string })[];
  /** Fetch failures and other notes. */
  warnings: string[];
}

const optionsSchema = z.object({
  fetcher: z.custom<Fetcher>((v) => typeof v === 'object' && v !== null && typeof (v as Fetcher).fetch === 'function', 'must be a Fetcher'),
  signal: z.instanceof(AbortSignal).optional(),
  maxFetches: z.number().int().nonnegative().max(50).optional(),
  concurrency: z.number().int().positive().max(16).optional(),
  subdomains: z.boolean().optional(),
  sitemap: z.boolean().optional(),
});

/** Career words in the languages job sites use most; matched on link text and URL paths. */
const CAREER_TEXT =
  /\b(?:careers?|jobs?|job openings|open (?:roles|positions)|join (?:us|our team)|work (?:with|for) us|we(?:'|’)re hiring|hiring|vacanc(?:y|ies)|karriere|stellenangebote|stellen|offene stellen|jobbörse|carri[eè]res?|emplois?|recrutement|rejoignez[- ]nous|empleos?|trabaja con nosotros|[uú]nete|carreras|lavora con noi|carriere|posizioni aperte|vacatures|werken bij|vagas|trabalhe conosco|carreiras|kariera|praca|oferty pracy|jobb|lediga tjänster|rekrytointi)\b/i;
const CAREER_PATH =
  /(?:^|[/_.-])(?:careers?|jobs?|karriere|stellenangebote|stellen|carrieres?|emplois?|recrutement|empleos?|trabaja-con-nosotros|carreras|lavora-con-noi|vacatures|werken-bij|vagas|carreiras|kariera|join-us|joinus|work-with-us|hiring|vacancies|openings|positions)(?:$|[/_.-])/i;
const NOT_CAREER_PATH = /\.(?:pdf|jpe?g|png|gif|svg|zip|docx?)$/i;

const WEIGHT = { homepage: 3, sitemap: 2, subdomain: 1, path: 1 } as const;

interface Candidate {
  url: string;
  evidence: string[];
  score: number;
}

/**
 * Find a company's careers pages and the ATS boards behind them.
 * @param domain `acme.com`, `www.acme.com` or `https://acme.com/`.
 * @throws JobkitError `INVALID_ARGUMENT` for a bad domain or options, `ABORTED` when the signal fires.
 */
export async function discoverCareerPages(domain: string, options: DiscoverCareerPagesOptions): Promise<DiscoveredCareerPages> {
  const parsed = readArgument('parsers/discovery', 'options', () => optionsSchema.safeParse(options));
  if (!parsed.success)
    throw new JobkitError('INVALID_ARGUMENT', `${SOURCE} invalid options: ${parsed.error.message}`, { cause: parsed.error });
  const opts = parsed.data;
  const { fetcher } = options;
  const origin = siteOrigin(domain);
  const host = new URL(origin).hostname;
  const registrable = getDomain(host) ?? host;
  const warnings: string[] = [];
  const candidates = new Map<string, Candidate>();
  const boards = new Map<string, AtsMatch & { url: string; foundOn: string }>();

  const add = (url: string, evidence: string, weight: number) => {
    const key = normalise(url);
    if (key === null) return;
    const c = candidates.get(key) ?? { url: key, evidence: [], score: 0 };
    if (!c.evidence.includes(evidence)) {
      c.evidence.push(evidence);
      c.score += weight;
    }
    candidates.set(key, c);
  };
  const addBoards = (matches: AtsMatch[], url: string, where: string) => {
    for (const m of matches) {
      const key = `${m.platform}|${(m.boardToken ?? '').toLowerCase()}`;
      const prev = boards.get(key);
      const evidence = [`found on ${where} ${url}`, ...m.evidence];
      if (!prev) boards.set(key, { ...m, evidence, url: m.url ?? url, foundOn: url });
      else {
        for (const e of evidence) if (!prev.evidence.includes(e)) prev.evidence.push(e);
        if (m.confidence > prev.confidence)
          Object.assign(prev, { confidence: m.confidence, url: m.url ?? url, foundOn: url, jobId: prev.jobId ?? m.jobId });
      }
    }
  };
  const get = async (url: string): Promise<FetchResult | null> => {
    if (opts.signal?.aborted) throw new JobkitError('ABORTED', `${SOURCE} aborted`, { cause: opts.signal.reason });
    try {
      const res = await fetcher.fetch(url, {
        signal: opts.signal,
        accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      });
      if (res.status >= 200 && res.status < 300) return res;
      warnings.push(`${url}: HTTP ${res.status}`);
    } catch (error) {
      if (JobkitError.is(error, 'ABORTED') || opts.signal?.aborted) throw new JobkitError('ABORTED', `${SOURCE} aborted`, { cause: error });
      warnings.push(`${url}: ${(error as Error).message}`);
    }
    return null;
  };

  // 1. Homepage links (and any ATS the homepage itself shows).
  const home = await get(`${origin}/`);
  if (home) {
    const html = home.text();
    for (const link of anchors(html, home.url)) {
      const text = link.text.replace(/\s+/g, ' ').trim();
      const path = safePath(link.href);
      if (text && text.length <= 60 && CAREER_TEXT.test(text)) add(link.href, `homepage link text "${text}"`, WEIGHT.homepage);
      if (path !== null && CAREER_PATH.test(path) && !NOT_CAREER_PATH.test(path))
        add(link.href, `homepage link href ${path}`, WEIGHT.homepage);
    }
    addBoards(detectAtsCandidates(home.url, collectPageSignals(html, home.url)), home.url, 'homepage');
  }

  // 2. Conventional paths and subdomains.
  for (const path of ['/careers', '/jobs']) add(`${origin}${path}`, `conventional path ${path}`, WEIGHT.path);
  if (opts.subdomains ?? true) {
    for (const sub of ['careers', 'jobs'])
      add(`https://${sub}.${registrable}/`, `conventional subdomain ${sub}.${registrable}`, WEIGHT.subdomain);
  }

  // 3. sitemap.xml entries whose path says careers.
  if (opts.sitemap ?? true) {
    for (const loc of await sitemapLocs(`${origin}/sitemap.xml`, get)) {
      const path = safePath(loc);
      if (path !== null && CAREER_PATH.test(path) && !NOT_CAREER_PATH.test(path) && sameSite(loc, registrable)) {
        add(loc, `sitemap.xml entry ${path}`, WEIGHT.sitemap);
      }
    }
  }

  // 4. Fetch the strongest candidates and detect ATS boards on them.
  const ranked = [...candidates.values()].sort((a, b) => b.score - a.score);
  const toFetch = ranked.slice(0, opts.maxFetches ?? 8);
  const failed = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < toFetch.length) {
      const c = toFetch[next++]!;
      const res = await get(c.url);
      if (!res) {
        failed.add(c.url);
        continue;
      }
      if (res.url !== c.url) c.evidence.push(`redirects to ${res.url}`);
      const type = res.headers['content-type'] ?? '';
      const html = /html|xml|text\/plain/i.test(type) || type === '' ? res.text() : '';
      const found = detectAtsCandidates(res.url, html ? collectPageSignals(html, res.url) : null);
      if (found.length > 0) c.evidence.push(`ATS detected: ${found.map((m) => m.platform).join(', ')}`);
      addBoards(found, res.url, 'career page');
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 4, Math.max(1, toFetch.length)) }, worker));

  return {
    candidates: ranked.filter((c) => !failed.has(c.url)).map(({ url, evidence }) => ({ url, evidence })),
    boards: [...boards.values()].sort((a, b) => b.confidence - a.confidence),
    warnings,
  };
}

function siteOrigin(domain: string): string {
  if (typeof domain !== 'string' || !domain.trim())
    throw new JobkitError('INVALID_ARGUMENT', `${SOURCE} domain must be a non-empty string`);
  const input = domain.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `https://${input}`);
  } catch (cause) {
    throw new JobkitError('INVALID_ARGUMENT', `${SOURCE} not a domain: ${domain}`, { cause });
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.')) {
    throw new JobkitError('INVALID_ARGUMENT', `${SOURCE} not a web domain: ${domain}`);
  }
  return url.origin;
}

function normalise(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

function safePath(url: string): string | null {
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

function sameSite(url: string, registrable: string): boolean {
  try {
    const h = new URL(url).hostname;
    return h === registrable || h.endsWith(`.${registrable}`);
  } catch {
    return false;
  }
}

/**
 * `<a href>` targets with their text (and title/aria-label), resolved against `base`. Stops where
 * elements nest deeper than the page scan reads ({@link SCAN_LIMITS}): htmlparser2 keeps open
 * elements with `unshift`, so a homepage of 200k unclosed `<div>`s took 15 s before.
 */
function anchors(html: string, base: string): { href: string; text: string }[] {
  const out: { href: string; text: string }[] = [];
  const open: { href: string; text: string }[] = [];
  let depth = 0;
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        if (++depth > SCAN_LIMITS.maxDepth) {
          parser.pause();
          return;
        }
        if (name !== 'a' || !attrs.href) return;
        let href: string;
        try {
          href = new URL(attrs.href, base).href;
        } catch {
          return;
        }
        const link = { href, text: [attrs.title, attrs['aria-label']].filter(Boolean).join(' ') };
        open.push(link);
        out.push(link);
      },
      ontext(text) {
        const link = open[open.length - 1];
        if (link && link.text.length < 200) link.text += ` ${text}`;
      },
      onclosetag(name) {
        depth--;
        if (name === 'a') open.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html.slice(0, 2_000_000));
  parser.end();
  return out.slice(0, 5000);
}

/** `<loc>` URLs of a sitemap; for a sitemap index, of up to two child sitemaps (career-looking first). */
async function sitemapLocs(url: string, get: (url: string) => Promise<FetchResult | null>): Promise<string[]> {
  const res = await get(url);
  if (!res) return [];
  const root = parseXml(res.text());
  if (!root) return [];
  const locs = descendants(root, 'loc')
    .map((n) => n.text)
    .slice(0, 50_000);
  if (root.name.replace(/^.*:/, '') !== 'sitemapindex') return locs;
  const children = [...locs].sort((a, b) => Number(CAREER_PATH.test(b)) - Number(CAREER_PATH.test(a))).slice(0, 2);
  const nested = await Promise.all(
    children.map(async (child) => {
      const r = await get(child);
      const x = r ? parseXml(r.text()) : null;
      return x ? descendants(x, 'loc').map((n) => n.text) : [];
    }),
  );
  return nested.flat();
}
