/**
 * `listBoardJobs`: read a whole ATS board through its public API into validated
 * {@link JobPosting}s, with a completeness check against the total the API advertises.
 * @module
 */

import type { Fetcher, JobDraft, JobPosting } from '@jobkit/core';
import { canonicalizeUrl, finalizeJob, JobkitError, readArgument } from '@jobkit/core';
import { z } from 'zod';
import { atsPlatforms } from '../ats/registry.js';
import { BoardEmpty, Truncated } from './errors.js';
import type { SkippedRow } from './rows.js';
import type { BoardClient, BoardContext, BoardJobsResult, BoardPlatform, BoardRef, ListBoardJobsOptions } from './types.js';

const SOURCE = '[parsers/boards]';
const DEFAULT_MAX_JOBS = 10_000;
/** Skipped rows named one by one in `warnings`; past this, one summary line (all stay in `skipped`). */
const NAMED_SKIPS = 20;

const refSchema = z.object({
  platform: z.string().min(1),
  boardToken: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .refine((s) => !/[\s<>"'`]/.test(s), 'must not contain spaces or quotes'),
  host: z
    .string()
    .regex(/^[a-z0-9.-]+(?::\d+)?$/i, 'must be a bare host name')
    .optional(),
  url: z.url().optional(),
});

const optionsSchema = z.object({
  fetcher: z.custom<Fetcher>((v) => typeof v === 'object' && v !== null && typeof (v as Fetcher).fetch === 'function', 'must be a Fetcher'),
  signal: z.instanceof(AbortSignal).optional(),
  now: z.date().optional(),
  maxJobs: z.number().int().positive().optional(),
  details: z.boolean().optional(),
  detailConcurrency: z.number().int().positive().max(32).optional(),
  failOnEmpty: z.boolean().optional(),
  failOnPartial: z.boolean().optional(),
  platforms: z
    .array(
      z.custom<BoardPlatform>(
        (d) =>
          typeof d === 'object' &&
          d !== null &&
          typeof (d as BoardPlatform).id === 'string' &&
          typeof (d as BoardPlatform).matchUrl === 'function',
        'must be an ATS definition (see defineAts)',
      ),
    )
    .optional(),
});

function urlKey(url: string): string {
  try {
    return canonicalizeUrl(url);
  } catch {
    return url.trim();
  }
}

/**
 * Rows with different ids that share one URL (a careers page, `https://example.com`, a
 * placeholder) would collapse into one posting when jobs are deduplicated by URL: each gets the
 * job page the vendor documents for its id instead, when the client knows one.
 */
function ownUrls(ctx: BoardContext, client: BoardClient, drafts: readonly JobDraft[]): JobDraft[] {
  const ids = new Map<string, Set<string>>();
  for (const d of drafts) {
    const id = d.ats?.jobId;
    if (id === undefined || typeof d.url !== 'string') continue;
    const key = urlKey(d.url);
    const set = ids.get(key) ?? new Set<string>();
    set.add(id);
    ids.set(key, set);
  }
  if (![...ids.values()].some((s) => s.size > 1) || !client.jobUrl) return [...drafts];
  let moved = 0;
  const out = drafts.map((d) => {
    const id = d.ats?.jobId;
    if (id === undefined || typeof d.url !== 'string' || (ids.get(urlKey(d.url))?.size ?? 0) < 2) return d;
    let own: string | undefined;
    try {
      own = client.jobUrl!(ctx, id);
    } catch {
      own = undefined;
    }
    if (own === undefined || urlKey(own) === urlKey(d.url)) return d;
    moved++;
    return { ...d, url: own };
  });
  if (moved > 0) ctx.warn(`${moved} rows shared their URL with jobs of other ids; each got the job page of its own id`);
  return out;
}

/** Places one posting keeps from rows that repeat it. */
const MAX_MERGED_PLACES = 50;

/** Repeated ids named in the warning; all are counted. */
const NAMED_REPEATS = 5;

/**
 * Rows that repeat one job (the same id, or without an id the same URL), as boards that list a
 * job once per location do (Rippling, Workable) and as exports that list a row twice do: the
 * first row is kept, with the places of every repeat.
 */
function mergeRepeats(drafts: readonly JobDraft[]): { drafts: JobDraft[]; merged: number; ids: string[] } {
  const first = new Map<string, JobDraft>();
  const out: JobDraft[] = [];
  const ids: string[] = [];
  let merged = 0;
  for (const d of drafts) {
    const id = d.ats?.jobId;
    const key = id !== undefined && id !== '' ? `id\u0000${id}` : typeof d.url === 'string' ? `url\u0000${urlKey(d.url)}` : undefined;
    const kept = key === undefined ? undefined : first.get(key);
    if (kept === undefined) {
      if (key !== undefined) first.set(key, d);
      out.push(d);
      continue;
    }
    merged++;
    if (id !== undefined && ids.length < NAMED_REPEATS && !ids.includes(id)) ids.push(id);
    const places = kept.locations ?? [];
    const seen = new Set(places.map((l) => JSON.stringify([l.raw ?? null, l.city ?? null, l.region ?? null, l.country ?? null])));
    for (const l of d.locations ?? []) {
      const k = JSON.stringify([l.raw ?? null, l.city ?? null, l.region ?? null, l.country ?? null]);
      if (seen.has(k) || places.length >= MAX_MERGED_PLACES) continue;
      seen.add(k);
      places.push(l);
    }
    kept.locations = places;
  }
  return { drafts: out, merged, ids };
}

/** Ids of the platforms `listBoardJobs` can read: the built-ins, or those of `platforms`. */
export function boardPlatforms(platforms: readonly BoardPlatform[] = atsPlatforms): string[] {
  if (!Array.isArray(platforms)) {
    throw new JobkitError(
      'INVALID_ARGUMENT',
      `${SOURCE} boardPlatforms expects an array of ATS definitions, got ${platforms === null ? 'null' : typeof platforms}`,
    );
  }
  return readArgument('parsers/boards', 'platforms', () =>
    platforms.filter((p) => typeof p === 'object' && p !== null && p.board !== undefined && typeof p.id === 'string').map((p) => p.id),
  );
}

/**
 * List every job on a board through the ATS's public API, paging to completion.
 *
 * Fields come from the API's structured fields (provenance `ats-api`); text heuristics only fill
 * gaps (provenance `heuristic`). `partial` is true (with a warning) when fewer jobs were read than
 * the API advertised, a cap (`maxJobs`, Workday's 2,000 clamp) cut the listing, or rows or jobs
 * failed validation. Rows are read one by one: a row that is not a job (`null`, no title, neither
 * id nor URL) is skipped and listed in `skipped`, never failing its board. Advertised totals are
 * optional; a total the listing contradicts is warned about. Jobs are deduplicated by URL.
 *
 * @throws BoardNotFound, Blocked, EndpointChanged, BoardEmpty (empty body, or no jobs with
 * `failOnEmpty`), Truncated (with `failOnPartial`), `INVALID_ARGUMENT`, `UNSUPPORTED`, `ABORTED`.
 */
export async function listBoardJobs(board: BoardRef, options: ListBoardJobsOptions): Promise<BoardJobsResult> {
  const ref = readArgument('parsers/boards', 'the board', () => refSchema.safeParse(board));
  if (!ref.success) throw new JobkitError('INVALID_ARGUMENT', `${SOURCE} invalid board: ${ref.error.message}`, { cause: ref.error });
  const opts = readArgument('parsers/boards', 'options', () => optionsSchema.safeParse(options));
  if (!opts.success) throw new JobkitError('INVALID_ARGUMENT', `${SOURCE} invalid options: ${opts.error.message}`, { cause: opts.error });
  const { platform, boardToken } = ref.data;
  const platforms = opts.data.platforms ?? atsPlatforms;
  const id = platform.toLowerCase();
  const def = platforms.find((p) => p.id === id);
  if (!def) throw new JobkitError('INVALID_ARGUMENT', `${SOURCE} unknown platform "${platform}"`);
  const client = def.board;
  if (!client) {
    throw new JobkitError(
      'UNSUPPORTED',
      `${SOURCE} no board API client for ${def.name}; supported: ${boardPlatforms(platforms).join(', ')}`,
    );
  }

  let host = ref.data.host?.toLowerCase();
  if (host === undefined && ref.data.url !== undefined) host = def.matchUrl(new URL(ref.data.url))?.host;

  const warnings: string[] = [];
  const skipped: SkippedRow[] = [];
  /** Rows the client itself found repeating a job (same id), kept once. */
  const clientRepeats = { count: 0, ids: [] as string[] };
  const now = opts.data.now ?? new Date();
  const maxJobs = opts.data.maxJobs ?? DEFAULT_MAX_JOBS;
  const ctx: BoardContext = {
    platform: def.id,
    definition: def,
    apiUrl: () => {
      if (!def.boardApiUrl) throw new JobkitError('UNSUPPORTED', `${SOURCE} ${def.id} has no board API URL`);
      return def.boardApiUrl(boardToken, host === undefined ? undefined : { host });
    },
    boardToken,
    host,
    fetcher: opts.data.fetcher,
    signal: opts.data.signal,
    now,
    maxJobs,
    details: opts.data.details ?? true,
    detailConcurrency: opts.data.detailConcurrency ?? 4,
    warn: (m) => warnings.push(m),
    repeated: (rid) => {
      clientRepeats.count++;
      if (clientRepeats.ids.length < NAMED_REPEATS && !clientRepeats.ids.includes(rid)) clientRepeats.ids.push(rid);
    },
    skip: (row) => {
      skipped.push(row);
      if (skipped.length <= NAMED_SKIPS)
        warnings.push(`skipped row ${row.index}${row.id !== undefined ? ` (id ${row.id})` : ''}: ${row.reason}`);
    },
  };

  const listing = await client.list(ctx);
  if (ctx.signal?.aborted) throw new JobkitError('ABORTED', `${SOURCE} aborted`, { cause: ctx.signal.reason });

  const jobs: JobPosting[] = [];
  const seen = new Set<string>();
  let invalid = 0;
  let duplicates = 0;
  const repeats = mergeRepeats(ownUrls(ctx, client, listing.drafts));
  let cut = 0;
  for (const draft of repeats.drafts) {
    let job: JobPosting;
    const notes: string[] = [];
    try {
      job = finalizeJob(draft, { now, warnings: notes });
      if (notes.length > 0 && ++cut <= 5) warnings.push(`job ${job.ats?.jobId ?? job.url}: ${notes.join('; ')}`);
    } catch (error) {
      invalid++;
      if (invalid <= 5) warnings.push(`skipped job ${draft.ats?.jobId ?? draft.url}: ${(error as Error).message.slice(0, 200)}`);
      continue;
    }
    if (seen.has(job.id)) {
      duplicates++;
      continue;
    }
    seen.add(job.id);
    jobs.push(job);
  }
  if (invalid > 5) warnings.push(`skipped ${invalid} invalid jobs in total`);
  if (cut > 5) warnings.push(`${cut} jobs had text cut to the posting limits in total`);
  if (skipped.length > NAMED_SKIPS) warnings.push(`skipped ${skipped.length} unreadable rows in total`);
  const repeated = repeats.merged + clientRepeats.count;
  if (repeated > 0) {
    const ids = [...new Set([...clientRepeats.ids, ...repeats.ids])].slice(0, NAMED_REPEATS);
    warnings.push(
      `merged ${repeated} rows that repeat a job (same id, e.g. one per location) into their posting` +
        (ids.length ? `: ids ${ids.join(', ')}${repeated > ids.length ? ', …' : ''}` : ''),
    );
  }
  if (duplicates > 0) warnings.push(`dropped ${duplicates} duplicate postings (same URL)`);

  let partial = listing.partial ?? false;
  if (jobs.length > maxJobs) {
    jobs.length = maxJobs;
    partial = true;
  }
  if (jobs.length >= maxJobs && (listing.advertisedTotal === null || listing.advertisedTotal > maxJobs)) {
    partial = true;
    if (!warnings.some((w) => w.includes('maxJobs'))) warnings.push(`stopped at maxJobs=${maxJobs}`);
  }
  const advertised = listing.advertisedTotal;
  // Duplicates the API listed twice are not missing jobs, and skipped rows are already reported, so both count as read.
  const listed = jobs.length + invalid + duplicates + repeats.merged + clientRepeats.count + skipped.length;
  if (advertised !== null && listed < advertised && jobs.length < maxJobs) {
    partial = true;
    warnings.push(`read ${jobs.length} of ${advertised} advertised jobs`);
  }
  if (advertised !== null && listed > advertised && !partial) {
    warnings.push(`the API advertised ${advertised} jobs but listed ${listed}; its total is stale or counts differently`);
  }
  if (invalid > 0 || skipped.length > 0) partial = true;

  if (jobs.length === 0 && opts.data.failOnEmpty) {
    throw new BoardEmpty(`${SOURCE} ${def.id} board "${boardToken}" has no jobs`, { details: { platform: def.id, boardToken } });
  }
  if (partial && opts.data.failOnPartial) {
    throw new Truncated(`${SOURCE} ${def.id} board "${boardToken}" could not be read completely: ${warnings.join('; ')}`, {
      details: { platform: def.id, boardToken, read: jobs.length, advertisedTotal: advertised, skippedRows: skipped.length },
    });
  }
  return { jobs, advertisedTotal: advertised, partial, warnings, skipped };
}
