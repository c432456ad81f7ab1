/**
 * The ATS registry, derived from the definitions: `builtins.generated.ts` (written by
 * `scripts/gen-ats-table.ts` from every `ats/<id>.ts` that calls `defineAts`, checked in CI)
 * lists them, and each definition's `rank` orders them. Nothing here names a platform, so adding
 * an ATS never edits this file. Loading it registers the definitions' canonical URL rules with
 * `@jobkit/core`, which keeps job ids of vendor URLs what they always were.
 * @module
 */
import { registerCanonicalUrlRules } from '@jobkit/core';
import { builtinAts } from './builtins.generated.js';
import { atsCanonicalUrlRules } from './define.js';
import type { AtsDefinition } from './types.js';

/** Lowercase id of a built-in ATS platform. */
export type AtsPlatformId = (typeof builtinAts)[number]['id'];

const byRank = (a: AtsDefinition, b: AtsDefinition) =>
  (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every built-in ATS, in tie-break order (`rank`, then id). */
export const atsPlatforms: readonly AtsDefinition<AtsPlatformId>[] = Object.freeze([...builtinAts].sort(byRank));

/** Every built-in platform id, in tie-break order. */
export const ATS_PLATFORM_IDS = Object.freeze(atsPlatforms.map((d) => d.id)) as readonly AtsPlatformId[] as readonly [
  AtsPlatformId,
  ...AtsPlatformId[],
];

registerCanonicalUrlRules(atsCanonicalUrlRules(atsPlatforms));

/** The definition for a platform id, or `undefined` for an unknown id. */
export function getAtsPlatform(id: string): AtsDefinition<AtsPlatformId> | undefined {
  return atsPlatforms.find((p) => p.id === id);
}

/** One row of the docs support table. */
export interface AtsPlatformTableRow {
  id: AtsPlatformId;
  name: string;
  website: string | null;
  /** Hosted board / job URLs recognised. */
  url: boolean;
  /** Recognised on a company's own page beyond plain links (embed, widget global, asset host). */
  embed: boolean;
  /** A public no-auth list endpoint is known (`boardApiUrl`). */
  boardApi: boolean;
}

/** Support table for the docs, sorted by id so diffs stay stable. */
export function atsPlatformTable(): AtsPlatformTableRow[] {
  return atsPlatforms
    .map((p) => ({
      id: p.id,
      name: p.name,
      website: p.website ?? null,
      url: p.detects.url,
      embed: p.detects.embed,
      boardApi: p.detects.boardApi,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}
