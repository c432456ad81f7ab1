/**
 * Turning user-supplied sources into crawl tasks, validating them at the boundary, and the stable
 * task keys the queue dedupes and resumes on.
 * @module
 */
import { z } from 'zod';
import { invalidArgument } from '../errors.js';
import { canonicalizeUrl } from '../identity.js';
import type { BoardSource, CrawlTask, SourceInput } from './types.js';

const WHERE = 'core/pipeline';

const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an absolute http(s) URL');

const BoardSchema = z.object({
  platform: z.string().regex(/^[a-z0-9][a-z0-9-]*$/i, 'platform must be an ATS id like "greenhouse"'),
  boardToken: z.string().min(1),
  host: z.string().min(1).optional(),
  url: httpUrl.optional(),
});

const TaskSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('board'), board: BoardSchema }),
  z.object({ type: z.literal('url'), url: httpUrl }),
  z.object({ type: z.literal('job'), url: httpUrl }),
]);

/** `greenhouse:acme` (but not `https://…`). Workday tokens contain a slash, so anything after the colon is the token. */
const BOARD_STRING = /^([a-z0-9][a-z0-9-]*):(?!\/\/)(.+)$/i;

/**
 * Parse one source: a board object, `platform:boardToken`, a URL string or `{ url }`.
 * @throws JobkitError `INVALID_ARGUMENT` naming the bad source.
 */
export function sourceToTask(input: SourceInput): CrawlTask {
  if (typeof input === 'string') {
    const trimmed = input.trim();
    const m = BOARD_STRING.exec(trimmed);
    if (m && !/^https?$/i.test(m[1]!)) return sourceToTask({ platform: m[1]!.toLowerCase(), boardToken: m[2]! });
    const url = httpUrl.safeParse(trimmed);
    if (!url.success) throw invalidArgument(WHERE, `source ${JSON.stringify(input)} is neither "platform:boardToken" nor an http(s) URL`);
    return { type: 'url', url: url.data };
  }
  if (input && typeof input === 'object' && 'boardToken' in input) {
    const board = BoardSchema.safeParse(input);
    if (!board.success) throw invalidArgument(WHERE, `invalid board source: ${board.error.message}`, board.error);
    return { type: 'board', board: { ...board.data, platform: board.data.platform.toLowerCase() } };
  }
  if (input && typeof input === 'object' && 'url' in input) return sourceToTask(String((input as { url: unknown }).url));
  throw invalidArgument(WHERE, `source must be a string, { platform, boardToken } or { url }, got ${JSON.stringify(input)}`);
}

/**
 * Validate a task read back from a queue or broker message (it crossed a process boundary).
 * @throws JobkitError `INVALID_ARGUMENT`
 */
export function parseCrawlTask(value: unknown): CrawlTask {
  const r = TaskSchema.safeParse(value);
  if (!r.success) throw invalidArgument(WHERE, `invalid crawl task: ${r.error.message}`, r.error);
  return r.data as CrawlTask;
}

/** The board key postings of a board are stored under (see `JobStore.markMissing`). */
export function boardKeyOf(board: Pick<BoardSource, 'platform' | 'boardToken'>): string {
  return `${board.platform.toLowerCase()}:${board.boardToken}`;
}

function canonical(url: string): string {
  try {
    return canonicalizeUrl(url);
  } catch {
    return url;
  }
}

/** Stable key of a task: the same work gets the same key in every run and process. */
export function taskKey(task: CrawlTask): string {
  if (task.type === 'board') return `board:${boardKeyOf(task.board)}`;
  return `${task.type}:${canonical(task.url)}`;
}
