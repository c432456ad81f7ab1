/**
 * Ingestion of the demo: discovery (company homepage → careers page) → `createPipeline` (crawl,
 * ATS detection, board APIs or page parsing, quality gate, store with outbox) → outbox relay →
 * broker → search and analytics consumers. Re-running is idempotent: the store skips unchanged
 * postings by content hash, so a second run reports everything `unchanged` and emits no events.
 * @module
 */
import { boardKeyOf, createPipeline, type Fetcher, type JobReader, type JobOutcome, type JobOutcomeKind, type PipelineError, type PipelineSummary, type SourceInput } from '@jobkit/core';
import { jobReader } from '@jobkit/parsers';
import pLimit from 'p-limit';
import { JOB_EVENTS_TOPIC, type Engines } from './engines.js';

export interface IngestOptions {
  /** Fetcher that reaches the (simulated) internet. */
  fetcher: Fetcher;
  /** Company homepages to start from. */
  seeds: readonly string[];
  /** Reference time for quality scoring and observation times. @default new Date() */
  now?: Date;
  /** Tasks processed at once. @default 8 */
  concurrency?: number;
  /** Called for each task error (the run goes on). */
  onError?: (e: PipelineError) => void;
  signal?: AbortSignal;
}

export interface IngestReport {
  summary: PipelineSummary;
  /** Discovery outcome per seed. */
  discovered: Discovery[];
  /** Jobs per outcome by where they came from: `board:<platform>` or `page` (job pages found on careers pages). */
  bySource: Record<string, Record<JobOutcomeKind, number>>;
  /** Postings the quality gate turned away, with the reason. */
  rejected: JobOutcome[];
  errors: PipelineError[];
}

const emptyJobCounts = (): Record<JobOutcomeKind, number> => ({ created: 0, updated: 0, unchanged: 0, rejected: 0, removed: 0 });

const CAREERS_TEXT = /\b(careers?|jobs|join us|work with us|karriere|carri[eè]res?|empleo|vacatures)\b/i;

/** What discovery found for one company homepage. */
export interface Discovery {
  homepage: string;
  /** The careers page, or null when none was found. */
  careersPage: string | null;
  /** The pipeline source: an ATS board (with the board URL, which Workday needs for its host) or the careers page. */
  source: SourceInput | null;
  /** The company as its homepage names it. */
  company: { name: string; domain: string } | null;
  evidence: string[];
}

function links(html: string, base: string): { href: string; text: string }[] {
  const out: { href: string; text: string }[] = [];
  for (const [, href, text] of html.matchAll(/<a\b[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/gi)) {
    try {
      out.push({ href: new URL(href!.replace(/&amp;/g, '&'), base).href, text: (text ?? '').replace(/<[^>]+>/g, ' ').trim() });
    } catch {
      // Not a URL (javascript:, malformed): not a careers link either.
    }
  }
  return out;
}

/**
 * Discovery for one company: homepage → careers link (text or path says careers/jobs) → careers
 * page; a link there to an ATS board (detected by URL) becomes a board source, otherwise the
 * careers page itself is the source and the pipeline follows its job links.
 */
export async function discover(fetcher: Fetcher, homepage: string, signal?: AbortSignal): Promise<Discovery> {
  const evidence: string[] = [];
  const none = (why: string): Discovery => ({ homepage, careersPage: null, source: null, company: null, evidence: [...evidence, why] });
  const home = await fetcher.fetch(homepage, signal ? { signal } : {});
  if (home.status >= 400) return none(`homepage answered ${home.status}`);
  const title = /<title[^>]*>([^<]+)<\/title>/i.exec(home.text())?.[1]?.trim();
  const company = title ? { name: decodeEntities(title), domain: new URL(home.url).hostname.replace(/^www\./, '') } : null;
  const nav = links(home.text(), home.url).find((l) => CAREERS_TEXT.test(l.text) || /\/(careers?|jobs)\/?$/i.test(new URL(l.href).pathname));
  const careersPage = nav?.href ?? new URL('/careers', home.url).href;
  evidence.push(nav ? `homepage links "${nav.text}" → ${nav.href}` : 'no careers link on the homepage; trying /careers');
  const page = await fetcher.fetch(careersPage, signal ? { signal } : {});
  if (page.status >= 400) return none(`${careersPage} answered ${page.status}`);
  for (const l of links(page.text(), page.url)) {
    const m = jobReader.detectAts({ url: l.href });
    if (m?.boardToken && !m.jobId) {
      evidence.push(`careers page links the ${m.platform} board ${l.href}`);
      return { homepage, careersPage, source: { platform: m.platform, boardToken: m.boardToken, url: l.href }, company, evidence };
    }
  }
  evidence.push('no ATS board linked; crawling the careers page');
  return { homepage, careersPage, source: careersPage, company, evidence };
}

const decodeEntities = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);

/**
 * `jobReader` whose board reads name the company as discovery found it. Lever, Ashby and Workday
 * list no employer name, so board clients fall back to the board token (provenance `derived`);
 * the homepage that linked the board knows better.
 */
export function readerWithCompanies(companies: ReadonlyMap<string, { name: string; domain: string }>): JobReader {
  return {
    ...jobReader,
    async listBoardJobs(board, options) {
      const result = await jobReader.listBoardJobs(board, options);
      const company = companies.get(boardKeyOf(board).toLowerCase());
      if (!company) return result;
      const jobs = result.jobs.map((j) => (j.provenance.company === 'derived' ? { ...j, company: { ...j.company, name: company.name, domain: company.domain } } : j));
      return { ...result, jobs };
    },
  };
}

/** Discover careers pages, then run the pipeline over them until stored AND indexed. */
export async function ingest(engines: Engines, options: IngestOptions): Promise<IngestReport> {
  const { fetcher, signal } = options;
  const limit = pLimit(options.concurrency ?? 8);
  const discovered = await Promise.all(
    options.seeds.map((home) =>
      limit(() => discover(fetcher, home, signal).catch((e: unknown): Discovery => ({ homepage: home, careersPage: null, source: null, company: null, evidence: [String(e)] }))),
    ),
  );
  const sources = discovered.flatMap((d) => (d.source ? [d.source] : []));

  const companies = new Map<string, { name: string; domain: string }>();
  for (const d of discovered) {
    if (d.company && d.source && typeof d.source === 'object' && 'boardToken' in d.source) companies.set(boardKeyOf(d.source).toLowerCase(), d.company);
  }

  const pipeline = createPipeline({
    reader: readerWithCompanies(companies),
    fetcher,
    store: engines.store,
    search: engines.search,
    analytics: engines.analytics,
    broker: engines.broker,
    relay: engines.relay,
    topic: JOB_EVENTS_TOPIC,
    concurrency: options.concurrency ?? 8,
    ...(options.now ? { now: options.now } : {}),
  });
  const errors: PipelineError[] = [];
  const bySource: IngestReport['bySource'] = {};
  const rejected: JobOutcome[] = [];
  pipeline.on('error', (e) => {
    errors.push(e);
    options.onError?.(e);
  });
  pipeline.on('job', (o: JobOutcome) => {
    const key = o.source.startsWith('board:') ? `board:${o.source.split(':')[1]}` : 'page';
    const row = (bySource[key] ??= emptyJobCounts());
    row[o.kind]++;
    if (o.kind === 'rejected') rejected.push(o);
  });
  const summary = await pipeline.run(sources, signal ? { signal } : {});
  return { summary, discovered, bySource, rejected, errors };
}
