/**
 * What the page heuristics need from ATS definitions, as plain data: the hosts where each
 * employer has its own careers site, the names a platform's pages show as their own, and how to
 * name a client-rendered shell. The built-ins' traits are generated into
 * `page-traits.generated.ts` (by `scripts/gen-ats-table.ts`, checked in CI), so the heuristics
 * read them without importing the registry and the board clients behind it; definitions passed
 * as `platforms` are read here at run time. Internal to the package.
 * @module
 */
import type { AtsDefinition } from './types.js';

/** One platform's page traits; only platforms that declare at least one are listed. */
export interface AtsPageTraits {
  readonly id: string;
  /** Display name, used in shell warnings. */
  readonly name: string;
  /** Host suffixes where each employer gets its own careers site (empty: none). */
  readonly employerHosted: readonly string[];
  /** Names the platform's pages show as their own (not folded). */
  readonly brandNames: readonly string[];
  /** Job pages load the posting with JavaScript. */
  readonly clientRendered: boolean;
  /** Case-insensitive HTML substrings or regexes that name the platform of a shell. */
  readonly shellMarkers: readonly (string | RegExp)[];
}

function traitsOf(def: AtsDefinition): AtsPageTraits | null {
  const hosted = def.employerHosted;
  const employerHosted = hosted === true ? (def.hosts ?? []) : Array.isArray(hosted) ? hosted : [];
  const brandNames = def.brandNames ?? [];
  const shell = def.clientRendered;
  const shellMarkers = typeof shell === 'object' && shell !== null && Array.isArray(shell.markers) ? shell.markers : [];
  if (employerHosted.length === 0 && brandNames.length === 0 && !shell) return null;
  return { id: def.id, name: def.name, employerHosted, brandNames, clientRendered: !!shell, shellMarkers };
}

const cache = new WeakMap<readonly AtsDefinition[], readonly AtsPageTraits[]>();

/** Page traits of `platforms`, in their order; computed once per array. */
export function pageTraitsOf(platforms: readonly AtsDefinition[]): readonly AtsPageTraits[] {
  let traits = cache.get(platforms);
  if (!traits) {
    traits = Object.freeze(platforms.map(traitsOf).filter((t): t is AtsPageTraits => t !== null));
    cache.set(platforms, traits);
  }
  return traits;
}
