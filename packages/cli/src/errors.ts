/**
 * Exit codes and error reporting of the `jobkit` CLI: every failure ends as one of four codes a
 * script can branch on, with a message that says what to do next.
 * @module
 */
import { JobkitError } from '@jobkit/core';

/** Process exit codes. */
export const EXIT = {
  /** Everything asked for was done. */
  OK: 0,
  /** A runtime failure: unreachable store or site, nothing crawled, no posting on the page. */
  FAILURE: 1,
  /** The command line is wrong: unknown option, missing argument, bad value, missing file. */
  USAGE: 2,
  /** Partial success: some sources failed while others were crawled. */
  PARTIAL: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A command-line mistake; reported with a pointer to `--help` and exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** Command whose help to point at. */
    readonly command?: string,
  ) {
    super(message);
  }
}

/** A failure already phrased for the user (message + hint); exit code 1. */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
  constructor(
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Every errno / SQLSTATE / Jobkit code along a `cause` chain (driver errors arrive wrapped). */
export function errorCodes(error: unknown): string[] {
  const out: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const { code, errors, details, cause } = e as { code?: unknown; errors?: unknown[]; details?: { sqlstate?: unknown }; cause?: unknown };
    if (typeof code === 'string') out.push(code);
    if (typeof details?.sqlstate === 'string') out.push(details.sqlstate);
    // AggregateError (node-postgres on dual-stack localhost) keeps the real reasons in `errors`.
    if (Array.isArray(errors)) for (const x of errors) out.push(...errorCodes(x));
    e = cause;
  }
  return out;
}

/** A hint for a JobkitError the user can act on, or undefined when there is nothing to add. */
export function hintFor(error: unknown): string | undefined {
  const codes = errorCodes(error);
  const msg = error instanceof Error ? error.message : String(error);
  if (JobkitError.is(error, 'FETCH_BLOCKED') && /SSRF/.test(msg)) {
    return 'private, loopback and link-local addresses are refused by default; pass --allow-private if you really mean to reach them';
  }
  if (JobkitError.is(error, 'FETCH_ROBOTS_DISALLOWED')) return "the site's robots.txt disallows this URL for JobkitBot";
  if (JobkitError.is(error, 'FETCH_TIMEOUT') || codes.includes('ETIMEDOUT')) return 'the server did not answer in time; try again later';
  if (codes.includes('ENOTFOUND') || codes.includes('EAI_AGAIN'))
    return 'the host name does not resolve; check the spelling and your network';
  if (JobkitError.is(error, 'BOARD_NOT_FOUND')) return 'check the board token (it is the part of the board URL after the ATS host)';
  if (JobkitError.is(error, 'DEPENDENCY_MISSING')) return 'reinstall @jobkit/cli so its dependencies are present';
  return undefined;
}

/** Render an error as `error: …` plus an optional `hint: …` line. */
export function formatError(error: unknown): string {
  if (error instanceof UsageError) {
    const help = error.command ? `jobkit ${error.command} --help` : 'jobkit --help';
    return `error: ${error.message}\nSee \`${help}\` for usage.`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const hint = error instanceof CliFailure ? error.hint : hintFor(error);
  return `error: ${message}${hint ? `\nhint: ${hint}` : ''}`;
}

/** JSON form of an error for `--json` output. */
export function errorJson(error: unknown): { code: string; message: string; hint?: string } {
  const message = error instanceof Error ? error.message : String(error);
  const code =
    error instanceof UsageError ? 'USAGE' : JobkitError.is(error) ? error.code : error instanceof CliFailure ? 'FAILED' : 'INTERNAL';
  const hint = error instanceof CliFailure ? error.hint : hintFor(error);
  return { code, message, ...(hint ? { hint } : {}) };
}
