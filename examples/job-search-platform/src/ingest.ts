/**
 * Ingestion of the demo: discovery (`discoverCareerPages`: homepage → careers page → board) → `createPipeline` (crawl,
 * ATS detection, board APIs or page parsing, quality gate, store with outbox) → outbox relay →
 * broker → search and analytics consumers. Re-running is idempotent: the store skips unchanged
 * postings by content hash, so a second run reports everything `unchanged` and emits no events.
 * @module
 */
import {
  boardKeyOf,
  createPipeline,
  type Fetcher,
  type JobOutcome,
  type JobOutcomeKind,
  type JobReader,
  type PipelineError,
  type PipelineSummary,
  type SourceInput,
} from '@jobkit/core';
import { discoverCareerPages, jobReader } from '@jobkit/parsers';
import pLimit from 'p-limit';
import { type Engines, JOB_EVENTS_TOPIC } from './engines.js';

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

/** What discovery found for one company homepage. */
interface Discovery {
  homepage: string;
  /** The careers page, or null when none was found. */
  careersPage: string | null;
  /** The pipeline source: an ATS board (with the board URL, which Workday needs for its host) or the careers page. */
  source: SourceInput | null;
  /** The company as its homepage names it. */
  company: { name: string; domain: string } | null;
  evidence: string[];
}

function links(html: string, base: string): string[] {
  const out: string[] = [];
  for (const [, href] of html.matchAll(/<a\b[^>]*href="([^"]+)"/gi)) {
    try {
      out.push(new URL(href!.replace(/&amp;/g, '&'), base).href);
    } catch {
      // Not a URL (javascript:, malformed): not a board link either.
    }
  }
  return out;
}

/**
 * Discovery for one company: `discoverCareerPages` ranks careers pages (homepage links, `/careers`,
 * subdomains, sitemap) and detects boards on them; the best page's links are then checked for an
 * ATS board URL, because that URL (not the careers page) carries the board host Workday needs.
 * Without a board the careers page itself is the source and the pipeline follows its job links.
 */
async function discover(fetcher: Fetcher, homepage: string, signal?: AbortSignal): Promise<Discovery> {
  const opts = signal ? { signal } : {};
  const home = await fetcher.fetch(homepage, opts);
  const domain = new URL(home.url).hostname.replace(/^www\./, '');
  const title = home.status < 400 ? /<title[^>]*>([^<]+)<\/title>/i.exec(home.text())?.[1]?.trim() : undefined;
  const company = title ? { name: decodeEntities(title), domain } : null;
  const found = await discoverCareerPages(domain, { fetcher, ...opts, maxFetches: 3 });
  const best = found.candidates[0];
  const evidence = [...(best?.evidence ?? []), ...found.warnings];
  if (!best) return { homepage, careersPage: null, source: null, company, evidence: [...evidence, 'no careers page found'] };
  const page = await fetcher.fetch(best.url, opts);
  if (page.status < 400) {
    for (const href of links(page.text(), page.url)) {
      const m = jobReader.detectAts({ url: href });
      if (m?.boardToken && !m.jobId) {
        evidence.push(`careers page links the ${m.platform} board ${href}`);
        return {
          homepage,
          careersPage: best.url,
          source: { platform: m.platform, boardToken: m.boardToken, url: href },
          company,
          evidence,
        };
      }
    }
  }
  const board = found.boards.find((b) => b.boardToken);
  if (board?.boardToken) {
    evidence.push(`${board.platform} board detected on ${board.url}`);
    return {
      homepage,
      careersPage: best.url,
      source: { platform: board.platform, boardToken: board.boardToken, url: board.url },
      company,
      evidence,
    };
  }
  evidence.push('no ATS board linked; crawling the careers page');
  return { homepage, careersPage: best.url, source: best.url, company, evidence };
}

const decodeEntities = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);

/**
 * `jobReader` whose board reads name the company as discovery found it. Lever, Ashby and Workday
 * list no employer name, so board clients fall back to the board token (provenance `derived`);
 * the homepage that linked the board knows better.
 */
function readerWithCompanies(companies: ReadonlyMap<string, { name: string; domain: string }>): JobReader {
  return {
    ...jobReader,
    async listBoardJobs(board, options) {
      const result = await jobReader.listBoardJobs(board, options);
      const company = companies.get(boardKeyOf(board).toLowerCase());
      if (!company) return result;
      const jobs = result.jobs.map((j) =>
        j.provenance.company === 'derived' ? { ...j, company: { ...j.company, name: company.name, domain: company.domain } } : j,
      );
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
      limit(() =>
        discover(fetcher, home, signal).catch(
          (e: unknown): Discovery => ({ homepage: home, careersPage: null, source: null, company: null, evidence: [String(e)] }),
        ),
      ),
    ),
  );
  const sources = discovered.flatMap((d) => (d.source ? [d.source] : []));

  const companies = new Map<string, { name: string; domain: string }>();
  for (const d of discovered) {
    if (d.company && d.source && typeof d.source === 'object' && 'boardToken' in d.source)
      companies.set(boardKeyOf(d.source).toLowerCase(), d.company);
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
