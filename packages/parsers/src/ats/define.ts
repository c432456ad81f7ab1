/**
 * `defineAts`: the one way to write an ATS definition, built-in or your own. It checks the
 * definition once at load time (a typo in an id or host fails loudly instead of detecting
 * nothing) and makes the host decision explicit: a definition names the host suffixes its
 * `matchUrl` is limited to, or says `'any'`. Also turns definitions into core's canonical URL rules.
 * @module
 */

import type { CanonicalUrlRule } from '@jobkit/core';
import { JobkitError, readArgument } from '@jobkit/core';
import { z } from 'zod';
import { MAX_ATS_URL_CHARS } from './match.js';
import type { AtsDefinition } from './types.js';

/** What `defineAts` takes: an {@link AtsDefinition} whose `hosts` must be stated. */
export type AtsDefinitionInput<Id extends string> = Omit<AtsDefinition<Id>, 'hosts'> & {
  /**
   * Host suffixes (label boundaries, lower case) outside which `matchUrl` never matches, so
   * detection skips the definition for every other URL on a page; `'any'` when `matchUrl` can
   * match any host (Greenhouse's `?gh_jid=` on company sites).
   */
  readonly hosts: readonly string[] | 'any';
};

const HOST_SUFFIX = /^[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9](?:[a-z0-9-]{0,62}))*$/;
const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'must be a function');
/** Capture groups in a pattern: the empty alternative always matches, so `exec` reports every group. */
const groupCount = (re: RegExp): number => new RegExp(`${re.source}|`).exec('')!.length - 1;
/** A shell marker regex: joined with the others into one case-insensitive pattern, so no flags but `i` and no groups. */
const shellMarkerRegex = z
  .instanceof(RegExp)
  .refine((re) => re.flags === '' || re.flags === 'i', 'must have no flag but i')
  .refine((re) => re.source.length <= 300, 'must be at most 300 characters')
  .refine((re) => groupCount(re) === 0, 'must not capture: use (?:…)');
const hostList = z.array(z.string().max(253).regex(HOST_SUFFIX, 'must be a lower-case host suffix like "example.com"')).max(64);

const DefinitionSchema = z.looseObject({
  id: z
    .string()
    .max(64)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower case letters, digits and dashes'),
  name: z.string().trim().min(1).max(120),
  website: z.url().optional(),
  detects: z.object({ url: z.boolean(), embed: z.boolean(), boardApi: z.boolean() }),
  hosts: z.union([z.literal('any'), hostList.min(1)]),
  assetHosts: hostList.optional(),
  rank: z.number().finite().optional(),
  canonicalUrl: z
    .object({
      trackingParams: z
        .array(
          z
            .string()
            .min(1)
            .max(100)
            .regex(/^[^A-Z]*$/, 'must be lower case'),
        )
        .max(64)
        .optional(),
      canonicalize: fn.optional(),
    })
    .optional(),
  matchUrl: fn,
  matchPage: fn.optional(),
  boardApiUrl: fn.optional(),
  board: z.looseObject({ platform: z.string(), list: fn }).optional(),
  employerHosted: z.union([z.boolean(), hostList.min(1)]).optional(),
  brandNames: z.array(z.string().trim().min(2).max(120)).max(16).optional(),
  clientRendered: z
    .union([
      z.boolean(),
      z.object({
        markers: z
          .array(z.union([z.string().min(3).max(200), shellMarkerRegex]))
          .min(1)
          .max(32),
      }),
    ])
    .optional(),
});

/**
 * Build an ATS definition: validates it, resolves `hosts: 'any'` and freezes the result. Pass it
 * to `detectAts`, `detectAtsFromSignals` and `listBoardJobs` through their `platforms` option
 * (built-ins are listed by the generated registry).
 * @example
 * export const hirely = defineAts({ id: 'hirely', name: 'Hirely', hosts: ['hirely.example'], … });
 * @throws JobkitError `INVALID_ARGUMENT` naming the first bad field.
 */
export function defineAts<const Id extends string>(input: AtsDefinitionInput<Id>): AtsDefinition<Id> {
  const parsed = DefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const id = typeof (input as { id?: unknown })?.id === 'string' ? (input as { id: string }).id : '?';
    const issue = parsed.error.issues[0];
    throw new JobkitError(
      'INVALID_ARGUMENT',
      `[parsers/ats] defineAts(${JSON.stringify(id.slice(0, 64))}): ${issue?.path.join('.') || 'definition'} ${issue?.message ?? 'is invalid'}`,
      {
        cause: parsed.error,
        details: { id },
      },
    );
  }
  if (input.board !== undefined && input.board.platform !== input.id) {
    throw new JobkitError('INVALID_ARGUMENT', `[parsers/ats] defineAts("${input.id}"): board client belongs to "${input.board.platform}"`, {
      details: { id: input.id },
    });
  }
  if (input.employerHosted === true && input.hosts === 'any') {
    throw new JobkitError(
      'INVALID_ARGUMENT',
      `[parsers/ats] defineAts("${input.id}"): employerHosted: true needs a hosts list; with hosts 'any', list the employer-hosted suffixes`,
      { details: { id: input.id } },
    );
  }
  const { hosts, ...rest } = input;
  const own = input.matchUrl;
  const id = input.id;
  const guarded: Omit<AtsDefinition<Id>, 'hosts'> = {
    ...rest,
    // Called directly by users as well as by detection: the argument is checked and capped here, once for every definition.
    matchUrl(url: URL) {
      if (!(url instanceof URL)) {
        throw new JobkitError(
          'INVALID_ARGUMENT',
          `[parsers/ats] ${id}.matchUrl expects a URL object, got ${url === null ? 'null' : typeof url}`,
        );
      }
      return url.href.length > MAX_ATS_URL_CHARS ? null : own.call(this, url);
    },
  };
  const def: AtsDefinition<Id> = hosts === 'any' ? guarded : { ...guarded, hosts: Object.freeze([...hosts]) };
  return Object.freeze(def);
}

/**
 * Core canonical URL rules of the definitions that declare `canonicalUrl`, one per id. The
 * built-ins are registered when `@jobkit/parsers` loads; register your own with
 * `registerCanonicalUrlRules(atsCanonicalUrlRules([myAts]))` from `@jobkit/core` before
 * computing ids (which changes the ids of that vendor's URLs: decide before storing any).
 */
export function atsCanonicalUrlRules(definitions: readonly AtsDefinition[]): CanonicalUrlRule[] {
  if (!Array.isArray(definitions)) {
    throw new JobkitError(
      'INVALID_ARGUMENT',
      `[parsers/ats] atsCanonicalUrlRules expects an array of ATS definitions, got ${definitions === null ? 'null' : typeof definitions}`,
    );
  }
  return readArgument('parsers/ats', 'the definitions', () => {
    const rules: CanonicalUrlRule[] = [];
    for (const def of definitions as readonly unknown[]) {
      if (typeof def !== 'object' || def === null || typeof (def as AtsDefinition).id !== 'string') {
        throw new JobkitError(
          'INVALID_ARGUMENT',
          '[parsers/ats] atsCanonicalUrlRules: every item must be an ATS definition (see defineAts)',
        );
      }
      const { id, canonicalUrl: c } = def as AtsDefinition;
      if (!c || (c.trackingParams === undefined && c.canonicalize === undefined)) continue;
      const rewrite = c.canonicalize;
      rules.push({
        id,
        ...(c.trackingParams !== undefined && { trackingParams: c.trackingParams }),
        // A URL past the detection cap keeps its generic canonical form: no vendor rewrite reads it.
        ...(rewrite !== undefined && {
          canonicalize: (u: URL) => {
            if (u.href.length <= MAX_ATS_URL_CHARS) rewrite.call(c, u);
          },
        }),
      });
    }
    return rules;
  });
}
