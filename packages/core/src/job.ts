/**
 * Turning a draft (what a parser or board client read) into a validated {@link JobPosting}.
 * Every posting passes through {@link finalizeJob}, so text is cleaned here, once, for all of
 * them: a NUL byte or a lone surrogate in one title would otherwise make a store reject the
 * whole batch it is written with.
 * @module
 */
import { JobkitError } from './errors.js';
import { canonicalizeUrl, jobIdFromUrlHash, sha256Hex } from './identity.js';
import { scoreQuality } from './quality.js';
import { JobDraftSchema, JobPostingSchema, type JobDraft, type JobPosting } from './schema/job-posting.js';

export interface FinalizeJobOptions {
  /** Reference time for quality date rules. */
  now?: Date;
}

/** ES2024 string methods (Node 20+, every current browser); the compile target's lib predates them. */
interface WellFormedString {
  isWellFormed(): boolean;
  toWellFormed(): string;
}

/** C0 control characters other than tab, line feed and carriage return. */
const C0_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const C0_CONTROLS_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]+/g;

/**
 * Text safe for every store: C0 control characters other than `\t`, `\n` and `\r` removed (NUL
 * among them: PostgreSQL rejects it in text) and lone UTF-16 surrogates replaced with U+FFFD (no
 * valid UTF-8 encodes them). Linear in the length; returns `text` itself when it is clean.
 */
export function cleanText(text: string): string {
  let out = text;
  if (!(out as unknown as WellFormedString).isWellFormed()) out = (out as unknown as WellFormedString).toWellFormed();
  if (C0_CONTROLS.test(out)) out = out.replace(C0_CONTROLS_ALL, '');
  return out;
}

/**
 * {@link cleanText} over every string in a parsed draft (plain objects and arrays; the schema
 * bounds the depth). Returns the same object when nothing changed, so clean postings cost no copies.
 */
function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const next = cleanStrings(value[i] as unknown);
      if (next !== value[i]) (copy ??= value.slice())[i] = next;
    }
    return (copy ?? value) as T;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  let copy: Record<string, unknown> | null = null;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const next = cleanStrings(item);
    if (next !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = next;
  }
  return (copy ?? value) as T;
}

/**
 * Clean every text field (see {@link cleanText}), canonicalize the URL, derive `id` and `urlHash`,
 * score quality and validate the result.
 * @throws JobkitError `VALIDATION_FAILED` with the zod issues as `cause` (also when a required
 * field, such as the title, holds nothing but control characters).
 */
export function finalizeJob(draft: JobDraft, options: FinalizeJobOptions = {}): JobPosting {
  const parsedDraft = JobDraftSchema.safeParse(draft);
  if (!parsedDraft.success) {
    throw new JobkitError('VALIDATION_FAILED', `[core/job] invalid job draft: ${parsedDraft.error.message}`, {
      cause: parsedDraft.error,
    });
  }
  // After the parse: zod has dropped unknown keys, so only schema fields (a shallow tree) are walked.
  const data = cleanStrings(parsedDraft.data);
  const url = canonicalizeUrl(data.url);
  const urlHash = sha256Hex(url);
  const base = { ...data, url, urlHash, id: jobIdFromUrlHash(urlHash) };
  const quality = scoreQuality(base, { now: options.now });
  const result = JobPostingSchema.safeParse({ ...base, quality });
  if (!result.success) {
    throw new JobkitError('VALIDATION_FAILED', `[core/job] invalid job posting: ${result.error.message}`, {
      cause: result.error,
    });
  }
  return result.data;
}
