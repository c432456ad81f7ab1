/**
 * A Crawlee `CheerioCrawler` with Jobkit as the next line of its handler: Crawlee owns the request
 * queue, autoscaled concurrency and retries; Jobkit decides which links are postings
 * (`extractJobLinks`), finds ATS boards a careers page points to (`detectAts`), parses each
 * posting from the handler's `$` (`parseJobPage`, no second parse), gates on quality and stores
 * it in a Jobkit store whose outbox emits the job events.
 *
 * URLs: the crawler fetches local URLs of a `/__host/<host>/<path>` server (the platform demo's
 * simulated internet) while Jobkit sees each page's public URL, so links resolve as on the web.
 * @module
 */
import { CheerioCrawler, type CheerioCrawlingContext, Configuration, log as crawleeLog, LogLevel } from '@crawlee/cheerio';
import { DEFAULT_QUALITY_THRESHOLD, type JobStore, localHostRewrite } from '@jobkit/core';
import { detectAts, extractJobLinks, parseJobPage } from '@jobkit/parsers/cheerio';

export interface CrawlOptions {
  /** Careers pages to start from (public URLs, e.g. `https://acme.com/careers`). */
  startUrls: string[];
  /** Where postings go (its outbox, when enabled, emits the events). */
  store: JobStore;
  /** Origin of a local `/__host/` server to fetch through (the simulated internet); unset: fetch the URLs themselves. */
  origin?: string;
  /** Postings below this quality score are not stored. @default DEFAULT_QUALITY_THRESHOLD */
  minQuality?: number;
  /** Crawlee's upper bound on parallel requests (it autoscales below it). @default 8 */
  maxConcurrency?: number;
  /** Reference time for relative dates and quality date rules. @default new Date() */
  now?: Date;
  /** Pages at most, a guard for the demo. @default 2000 */
  maxRequests?: number;
  /** Progress lines; silent when unset. */
  log?: (line: string) => void;
}

export interface CrawlSummary {
  pages: number;
  listings: number;
  boards: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Job pages that were not one posting (with Jobkit's reason), by URL. */
  notJobs: Map<string, string>;
  /** Postings under the quality bar, by URL. */
  lowQuality: Map<string, number>;
  failed: number;
}

type Label = 'LIST' | 'JOB';

/** Crawl careers pages into `store`; resolves when Crawlee's queue is empty. */
export async function crawlJobs(options: CrawlOptions): Promise<CrawlSummary> {
  const minQuality = options.minQuality ?? DEFAULT_QUALITY_THRESHOLD;
  const local = options.origin ? localHostRewrite(options.origin) : { rewrite: (u: string) => u, restore: (u: string) => u };
  const summary: CrawlSummary = {
    pages: 0,
    listings: 0,
    boards: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    notJobs: new Map(),
    lowQuality: new Map(),
    failed: 0,
  };
  const log = options.log ?? (() => {});
  // The public URL is the request's identity (Crawlee dedupes on uniqueKey); the local one is fetched.
  const request = (url: string, label: Label) => ({ url: local.rewrite(url), uniqueKey: url, label, userData: { url } });

  async function handle({ request: req, $, addRequests }: CheerioCrawlingContext): Promise<void> {
    const url = String(req.userData.url ?? local.restore(req.loadedUrl ?? req.url));
    summary.pages++;
    if (req.label === 'JOB') {
      const { job, warnings } = parseJobPage($, { url, ...(options.now ? { now: options.now } : {}) });
      if (!job) {
        summary.notJobs.set(url, warnings.at(-1) ?? 'not a posting');
        return;
      }
      if (job.quality.score < minQuality) {
        summary.lowQuality.set(url, job.quality.score);
        return;
      }
      const { changes } = await options.store.upsertJobs([job]);
      for (const c of changes) summary[c.kind]++;
      log(`${changes[0]?.kind ?? 'stored'}: ${job.title} — ${job.company.name}`);
      return;
    }
    summary.listings++;
    const links = extractJobLinks($, { url });
    const next: ReturnType<typeof request>[] = links.map((l) => request(l.url, 'JOB'));
    if (links.nextPage) next.push(request(links.nextPage, 'LIST'));
    // A careers page that lists no postings itself may point to its ATS board: follow that board.
    if (links.length === 0) {
      for (const el of $('a[href]').toArray().slice(0, 500)) {
        let href: string;
        try {
          href = new URL($(el).attr('href') ?? '', url).href;
        } catch {
          continue;
        }
        if (new URL(href).host === new URL(url).host) continue;
        if (detectAts({ url: href })) {
          next.push(request(href, 'LIST'));
          summary.boards++;
        }
      }
    }
    if (next.length > 0) await addRequests(next);
  }

  // Crawlee's own progress lines only when the caller wants a log (its logger is process-wide).
  crawleeLog.setLevel(options.log ? LogLevel.INFO : LogLevel.WARNING);
  // In-memory request queue and datasets: nothing is written under ./storage.
  const config = new Configuration({ persistStorage: false, purgeOnStart: true });
  const crawler = new CheerioCrawler(
    {
      maxConcurrency: options.maxConcurrency ?? 8,
      maxRequestsPerCrawl: options.maxRequests ?? 2_000,
      maxRequestRetries: 2,
      requestHandler: handle,
      failedRequestHandler: ({ request: req }) => {
        summary.failed++;
        log(`failed: ${String(req.userData.url ?? req.url)}`);
      },
    },
    config,
  );
  await crawler.run(options.startUrls.map((u) => request(u, 'LIST')));
  return summary;
}
