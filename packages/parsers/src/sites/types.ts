/**
 * The shape of a job-board site profile: which hosts it owns, which of their pages are single
 * postings, and where on such a page each field is written. One board = one file calling
 * {@link defineSite}; the reader in `read.ts` turns the selectors into normalized fields.
 * @module
 */
import type { CanonicalUrlRule } from '@jobkit/core';
import type { PageScan } from '../html/scan.js';

/**
 * Ordered CSS selectors for one field; the first that yields usable text wins. A selector may
 * end with ` @attr` to read that attribute instead of the text (`'a.apply @href'`,
 * `'time @datetime'`). Several selectors per field keep a profile working through small markup
 * drift (renamed classes, CSS-module hashes: prefer `[class*="…"]` over a hashed class).
 */
export type Selectors = readonly string[];

/** Fields a profile can point at. */
export type SiteField =
  | 'title'
  | 'company'
  | 'location'
  | 'employmentType'
  | 'workplace'
  | 'salary'
  | 'datePosted'
  | 'validThrough'
  | 'applyUrl'
  | 'description'
  | 'department';

/** Label–value rows in a block of "criteria" (LinkedIn's job criteria, Bayt's `dl`, …). */
export interface SiteCriteria {
  /** One row. */
  item: string;
  /** The row's label, relative to the row. */
  label: string;
  /** The row's value, relative to the row. */
  value: string;
}

/** What a page `<title>` (or `og:title`) says, split by a profile's own rule. */
export interface TitleParts {
  title?: string;
  company?: string;
  location?: string;
}

/** Field texts read from data a page embeds (an attribute or script holding JSON). */
export type EmbeddedFields = Partial<Record<Exclude<SiteField, 'description'>, string>> & {
  /** Description as HTML; it is sanitized like any other. */
  descriptionHtml?: string;
};

/** JSON a page carries for its own client code (Inertia `data-page`, `__NEXT_DATA__`…). */
export interface SiteEmbedded {
  /** Element holding the JSON; ` @attr` reads an attribute, otherwise the element's text. */
  select: string;
  /**
   * The JSON is the value assigned to this name inside a script (`window._initialData = {…};`,
   * `window.SEEK_REDUX_DATA = {…}`): the first element of `select` whose text assigns it is read,
   * and only the object or array literal after `=` is parsed.
   */
  assign?: string;
  /** Field texts from the parsed JSON; called with whatever the page holds, so check shapes. */
  read: (data: unknown) => EmbeddedFields | undefined;
}

export interface SiteListing {
  /** Anchors (or elements holding one) that link one posting each on a result page. */
  jobLinks: Selectors;
  /** The "next page" control of the result list. */
  nextPage?: Selectors;
}

/** A job-board site profile. */
export interface SiteDefinition {
  /** Lower-case id, used in provenance (`site:<id>`). */
  id: string;
  /** Display name. */
  name: string;
  /**
   * Hosts the board serves, as registrable domains (`linkedin.com`), a host suffix
   * (`jobs.51job.com`), or a brand on any public suffix (`indeed.*` matches `indeed.co.uk`,
   * `de.indeed.com`). Matching a page is a lookup by these keys, so a profile costs nothing on
   * foreign hosts.
   */
  hosts: readonly string[];
  /**
   * Narrows the match on an owned host to single-posting pages (e.g. LinkedIn's `/jobs/view/`).
   * Without it every page on the host is read.
   */
  match?: (url: URL, scan: PageScan) => boolean;
  /** Embedded JSON read before the selectors (it is the page's own data, not its layout). */
  embedded?: readonly SiteEmbedded[];
  /** Selectors per field, most specific first. */
  fields: Partial<Record<SiteField, Selectors>>;
  /** Fields whose every match (of the first selector that matches) is kept, joined by "; " (a list of places). */
  joinAll?: readonly SiteField[];
  /** Label–value blocks; labels are mapped by {@link SiteDefinition.labels}, then by the shared vocabulary. */
  criteria?: readonly SiteCriteria[];
  /** Site-specific labels (lower-case) → field; `null` ignores a label ("Seniority level"). */
  labels?: Readonly<Record<string, SiteField | null>>;
  /**
   * Fallback reading of the `<title>`/`og:title` (e.g. LinkedIn's "Employer hiring Role in Place").
   * `knownTitle` is the title the selectors found, if any (helps split "Employer Role Job in Place").
   */
  fromTitle?: (title: string, knownTitle?: string) => TitleParts | undefined;
  /**
   * "Label: value" lines boards append to the description text (Indeed's "Work Location: In
   * person", "Application deadline: …"); lower-case label → field. Fill gaps only.
   */
  descriptionLabels?: Readonly<Record<string, SiteField>>;
  /** Phrases in the description that state a field in the board's idiom (Naukri's "Work from office" → onsite). */
  descriptionFacts?: ReadonlyArray<readonly [RegExp, SiteField, string?]>;
  /** Per-field clean-up of the raw text before it is normalized; return `undefined` to reject it. */
  clean?: Partial<Record<SiteField, (text: string) => string | undefined>>;
  /** Currency assumed when a salary names none (by host, e.g. `seek.co.nz` → NZD). */
  currency?: (host: string) => string | undefined;
  /**
   * The pay period the board means when a salary states none (Glassdoor ranges are yearly, Gulf
   * boards' monthly). Applied only to amounts of that period's size. `by-size` reads the period
   * from the amount (yearly from 15,000, monthly from 800, hourly up to 200), as boards in
   * euro, pound and dollar countries write ranges without a period.
   */
  defaultPeriod?: 'year' | 'month' | 'by-size';
  /** How the site writes numeric dates (`03/04/2025`). @default 'mdy' for `/`, 'dmy' for `.`/`-` */
  dateOrder?: 'dmy' | 'mdy' | 'ymd';
  /** Result-page selectors, used by `extractJobLinks` on this board's listings. */
  listing?: SiteListing;
  /**
   * The board's canonical job URL rules, registered into `@jobkit/core`'s `canonicalizeUrl` (and
   * so every job id) when the package loads: `canonicalize` rewrites one of the board's URLs in
   * place into its one form (test the host first, leave other hosts alone); `trackingParams` are
   * dropped on every host, so list only names no other site uses. Ids change with a rule: add, never edit.
   */
  canonicalUrl?: Omit<CanonicalUrlRule, 'id'>;
}

/** Identity helper that type-checks a profile (like `defineAts`). */
export function defineSite(def: SiteDefinition): SiteDefinition {
  return def;
}
