/**
 * The shape every `jobkit` subcommand shares (options for `node:util` `parseArgs`, help text, a
 * run function returning an exit code) and the small output/validation helpers they use.
 * @module
 */

import type { Writable } from 'node:stream';
import type { ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { type ExitCode, UsageError } from './errors.js';

/** Streams and environment the CLI runs against (the real process in `cli.ts`). */
export interface CliIo {
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
}

/** Options every command accepts. */
export const GLOBAL_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  'allow-private': { type: 'boolean' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

interface CommandContext {
  positionals: string[];
  values: OptionValues;
  io: CliIo;
  json: boolean;
  allowPrivate: boolean;
  /** Aborted on SIGINT/SIGTERM. */
  signal: AbortSignal;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help (usage, options, examples). */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(ctx: CommandContext): Promise<ExitCode>;
}

export function writeLine(stream: Writable, text = ''): void {
  stream.write(`${text}\n`);
}

export function writeJson(stream: Writable, value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}

const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an absolute http(s) URL');

/** Validate a URL given on the command line. @throws UsageError */
export function requireHttpUrl(value: string, what: string, command: string): string {
  const r = httpUrl.safeParse(value);
  if (!r.success) throw new UsageError(`${what} ${JSON.stringify(value)} is not an absolute http(s) URL`, command);
  return r.data;
}

export const isHttpUrl = (value: string) => /^https?:\/\//i.test(value);

/** Read an integer option within bounds. @throws UsageError */
export function intOption(values: OptionValues, name: string, command: string, bounds: { min: number; max: number }): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const r = z.coerce.number().int().min(bounds.min).max(bounds.max).safeParse(raw);
  if (!r.success)
    throw new UsageError(`--${name} must be an integer from ${bounds.min} to ${bounds.max}, got ${JSON.stringify(raw)}`, command);
  return r.data;
}

/** A string option that may be repeated (`--company A --company B`). */
export function listOption(values: OptionValues, name: string): string[] {
  const raw = values[name];
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}

/** `--schema` or `JOBKIT_SCHEMA`, validated as a plain lower-case Postgres identifier. @throws UsageError */
export function schemaOption(values: OptionValues, env: NodeJS.ProcessEnv, command: string): string | undefined {
  const raw = stringOption(values, 'schema') ?? (env.JOBKIT_SCHEMA || undefined);
  if (raw === undefined) return undefined;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(raw))
    throw new UsageError(`--schema ${JSON.stringify(raw)} must be a lower-case identifier (a-z, 0-9, _)`, command);
  return raw;
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const raw = values[name];
  return typeof raw === 'string' ? raw : undefined;
}
