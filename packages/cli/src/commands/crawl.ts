/**
 * `jobkit crawl <source>...`: runs `createPipeline` over boards (`platform:token`), careers pages
 * and job URLs into the store, with a progress bar on a terminal and a summary at the end.
 * The embedded search index has no on-disk form, so nothing is indexed here: `jobkit search`
 * builds it from the store.
 * @module
 */
import {
  type CrawlTask,
  createMemoryQueue,
  createPipeline,
  JobkitError,
  type JobOutcome,
  type PipelineError,
  sourceToTask,
  type TaskReport,
} from '@jobkit/core';
import { type Command, intOption, schemaOption, stringOption, writeJson, writeLine } from '../command.js';
import { EXIT, type ExitCode, hintFor, UsageError } from '../errors.js';

/** Attempts per task: a CLI user waits for the run, so retries stay short (the SDK default is 5 with up to 5 min backoff). */
const MAX_ATTEMPTS = 3;
const MAX_LISTED = 20;

interface ReportedError {
  source: string;
  url?: string;
  code: string;
  message: string;
  hint?: string;
}

export const crawlCommand: Command = {
  name: 'crawl',
  summary: 'Crawl boards, careers pages or job URLs into the store',
  help: `Usage: jobkit crawl <platform:token|url>... [--store <dir|postgres url>] [--concurrency N] [--json]

Reads each source through the ingestion pipeline and stores the postings that pass
the quality threshold. Sources:
  greenhouse:acme                      an ATS board, read through its public API
  https://boards.greenhouse.io/acme    a board URL (detected), or
  https://acme.example/careers         a careers page (its job links are followed), or
  https://acme.example/jobs/123        a single job page
Boards read completely also retire postings that are no longer listed. A job reached
at two URLs is stored once: under its ATS job URL when the ATS, board and job id
are known, else under the page's rel=canonical URL on the same site.

Options:
  --store <dir|url>   PGlite directory or postgres:// URL.
                      @default JOBKIT_STORE, else ./.jobkit/pg
  --schema <name>     Schema of the Jobkit tables. @default JOBKIT_SCHEMA, else jobkit
  --concurrency <n>   Tasks processed at once (1-256). @default 8
  --min-quality <n>   Reject postings scoring below this (0-100). @default 70
  --json              Print the summary, per-source reports and errors as JSON.
  --allow-private     Allow fetching private/loopback addresses (SSRF guard off).

Exit codes: 0 ok, 1 nothing could be crawled or the store is unreachable,
2 usage error, 3 partial success (some sources or pages failed).

Examples:
  jobkit crawl greenhouse:acme lever:nimbus
  jobkit crawl https://acme.example/careers --store postgres://postgres@127.0.0.1:5432/jobs`,
  options: {
    store: { type: 'string' },
    schema: { type: 'string' },
    concurrency: { type: 'string' },
    'min-quality': { type: 'string' },
  },
  async run({ positionals, values, io, json, allowPrivate, signal }) {
    if (positionals.length === 0) throw new UsageError('crawl needs at least one source (platform:token or URL)', 'crawl');
    const tasks: CrawlTask[] = positionals.map((p) => {
      try {
        return sourceToTask(p);
      } catch (error) {
        if (JobkitError.is(error, 'INVALID_ARGUMENT'))
          throw new UsageError(
            `source ${JSON.stringify(p)} is neither "platform:boardToken" (e.g. greenhouse:acme) nor an http(s) URL`,
            'crawl',
          );
        throw error;
      }
    });
    const concurrency = intOption(values, 'concurrency', 'crawl', { min: 1, max: 256 }) ?? 8;
    const qualityThreshold = intOption(values, 'min-quality', 'crawl', { min: 0, max: 100 });
    const schema = schemaOption(values, io.env, 'crawl');
    // Parsers, engines and the HTTP stack load only once the command line is known to be valid.
    const [{ jobReader }, { createCliFetcher }, { createProgress }, { openStore, resolveStoreSpec }, { createDedupingReader }] =
      await Promise.all([
        import('@jobkit/parsers'),
        import('../fetcher.js'),
        import('../progress.js'),
        import('../store.js'),
        import('../identity.js'),
      ]);
    const spec = resolveStoreSpec(stringOption(values, 'store'), io.env);

    const opened = await openStore(spec, { ...(schema ? { schema } : {}) });
    const fetcher = createCliFetcher({ allowPrivate });
    const progress = createProgress(io, !json);
    const errors: ReportedError[] = [];
    const sources: TaskReport[] = [];
    const rejected: JobOutcome[] = [];
    let stored = 0;
    try {
      const pipeline = createPipeline({
        // The same job at two URLs (ATS page and careers copy, rel=canonical) is stored once.
        reader: createDedupingReader(jobReader),
        fetcher,
        store: opened.store,
        concurrency,
        ...(qualityThreshold !== undefined ? { qualityThreshold } : {}),
        queue: (runId) =>
          createMemoryQueue<CrawlTask>({ name: `crawl:${runId}`, maxAttempts: MAX_ATTEMPTS, backoff: { baseMs: 500, maxMs: 5_000 } }),
      });
      pipeline.on('error', (e: PipelineError) => {
        const hint = hintFor(e.error);
        errors.push({
          source: e.source,
          ...(e.url ? { url: e.url } : {}),
          code: e.error.code,
          message: e.error.message,
          ...(hint ? { hint } : {}),
        });
      });
      pipeline.on('source', (r) => sources.push(r));
      pipeline.on('job', (o) => {
        if (o.kind === 'rejected') rejected.push(o);
        else if (o.kind !== 'removed') stored++;
      });
      pipeline.on('progress', ({ done, total }) => progress.update(done, total, { stored, errors: errors.length }));

      const summary = await pipeline.run(
        tasks.map((t) => (t.type === 'board' ? t.board : { url: t.url })),
        { signal },
      );
      progress.stop();
      const stats = await opened.store.stats();

      const okSources = sources.filter((r) => r.errors === 0).length;
      const code: ExitCode = summary.aborted
        ? EXIT.FAILURE
        : errors.length === 0
          ? EXIT.OK
          : okSources > 0 || stored > 0
            ? EXIT.PARTIAL
            : EXIT.FAILURE;

      if (json) {
        writeJson(io.stdout, {
          summary,
          store: { kind: opened.kind, location: opened.label, stats },
          sources: sources.map(({ task: _task, ...r }) => r),
          rejected,
          errors,
          exitCode: code,
        });
        return code;
      }
      const out: string[] = [];
      const secs = (summary.durationMs / 1000).toFixed(1);
      out.push(
        `${summary.aborted ? 'Interrupted after' : 'Crawled'} ${summary.sources} source(s), ${summary.pages} page(s) in ${secs}s into ${opened.label} (${opened.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'})`,
      );
      const j = summary.jobs;
      out.push(
        `  created ${j.created} · updated ${j.updated} · unchanged ${j.unchanged} · rejected ${j.rejected} · removed ${j.removed} · errors ${summary.errors}`,
      );
      if (rejected.length > 0) {
        out.push('', 'Rejected:');
        for (const r of rejected.slice(0, MAX_LISTED)) out.push(`  ${r.url}  ${r.reason ?? ''}`.trimEnd());
        if (rejected.length > MAX_LISTED) out.push(`  … and ${rejected.length - MAX_LISTED} more (--json lists all)`);
      }
      if (errors.length > 0) {
        out.push('', 'Errors:');
        for (const e of errors.slice(0, MAX_LISTED)) {
          out.push(`  ${e.source}  ${e.code}  ${e.message}`);
          if (e.hint) out.push(`    hint: ${e.hint}`);
        }
        if (errors.length > MAX_LISTED) out.push(`  … and ${errors.length - MAX_LISTED} more (--json lists all)`);
      }
      if (summary.aborted) out.push('', 'The run was interrupted; run the same command again to finish (stored postings are kept).');
      out.push(
        '',
        `The store holds ${stats.active} active posting(s). Search them: jobkit search <query>${spec.from === '--store' ? ` --store ${opened.kind === 'postgres' ? '<url>' : spec.value}` : ''}`,
      );
      writeLine(io.stdout, out.join('\n'));
      return code;
    } finally {
      progress.stop();
      await fetcher.close().catch(() => undefined);
      await opened.close().catch(() => undefined);
    }
  },
};
