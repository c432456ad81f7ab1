/**
 * JSON Schema (draft 2020-12) of {@link JobPostingSchema}, for non-TypeScript consumers.
 * @module
 */
import { z } from 'zod';
import { JobPostingSchema } from './job-posting.js';

let cached: Record<string, unknown> | undefined;

/** The JSON Schema of a `JobPosting`, generated from the zod schema (computed once). */
export function jobPostingJsonSchema(): Record<string, unknown> {
  cached ??= z.toJSONSchema(JobPostingSchema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return structuredClone(cached);
}
