/**
 * Turning a draft (what a parser or board client read) into a validated {@link JobPosting}.
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

/**
 * Canonicalize the URL, derive `id` and `urlHash`, score quality and validate the result.
 * @throws JobkitError `VALIDATION_FAILED` with the zod issues as `cause`.
 */
export function finalizeJob(draft: JobDraft, options: FinalizeJobOptions = {}): JobPosting {
  const parsedDraft = JobDraftSchema.safeParse(draft);
  if (!parsedDraft.success) {
    throw new JobkitError('VALIDATION_FAILED', `[core/job] invalid job draft: ${parsedDraft.error.message}`, {
      cause: parsedDraft.error,
    });
  }
  const url = canonicalizeUrl(parsedDraft.data.url);
  const urlHash = sha256Hex(url);
  const base = { ...parsedDraft.data, url, urlHash, id: jobIdFromUrlHash(urlHash) };
  const quality = scoreQuality(base, { now: options.now });
  const result = JobPostingSchema.safeParse({ ...base, quality });
  if (!result.success) {
    throw new JobkitError('VALIDATION_FAILED', `[core/job] invalid job posting: ${result.error.message}`, {
      cause: result.error,
    });
  }
  return result.data;
}
