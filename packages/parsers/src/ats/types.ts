/**
 * Types shared by every ATS definition: the definition contract the registry holds and the page
 * signals that company-page detection reads. No logic lives here. Platform ids are derived from
 * the definitions (`registry.ts`); board client types live in `boards/types.ts`, which imports
 * nothing from here.
 * @module
 */
import type { BoardClient } from '../boards/types.js';

/** What a hosted ATS URL reveals. */
export interface AtsUrlMatch {
  /** Board / company slug as the ATS spells it (case kept), or `null` when the URL does not reveal it. */
  boardToken: string | null;
  /** The ATS's own job id, or `null` for a board (list) URL. */
  jobId: string | null;
  /**
   * Host the board lives on when the token alone cannot rebuild API URLs
   * (Workday `wdN` pod, EU/NA regions, Oracle region hosts). Pass it back to `boardApiUrl`.
   */
  host?: string;
  /**
   * Override for URLs that only hint at the platform (e.g. `?gh_jid=` on a company site).
   * @default 1.0 for a job URL, 0.97 for a board URL
   */
  confidence?: number;
  /** Extra human-readable evidence beyond the URL itself. */
  evidence?: string[];
}

/** What a company's own page reveals beyond plain links (inline globals, widget markup, asset hosts). */
export interface AtsPageMatch {
  boardToken: string | null;
  jobId: string | null;
  /** 0–1; see `detectAts` for the scale. */
  confidence: number;
  /** Human-readable reasons, e.g. `inline script Grnhse.Settings`. */
  evidence: string[];
}

/** Hints for building board API URLs, usually taken from `AtsUrlMatch.host`. */
export interface AtsApiHints {
  /** The board's host, e.g. `acme.wd5.myworkdayjobs.com`. */
  host?: string;
}

/**
 * Board API client slot.
 * @deprecated Use `BoardClient` (the same contract, from the boards layer); this alias stays for
 * existing imports.
 */
export type AtsBoardClient = BoardClient;

/**
 * Vendor parts of a job's canonical URL, registered into `@jobkit/core`'s
 * `canonicalizeUrl` (and so every job id). Changing a published rule changes ids: only add.
 */
export interface AtsCanonicalUrl {
  /** Query parameters (lower case) the vendor appends to track clicks; dropped on every host. */
  readonly trackingParams?: readonly string[];
  /**
   * Rewrite a URL in place into the vendor's one form (host variants, `/apply` suffixes). Test the
   * host first and leave other hosts alone; runs after tracking parameters are dropped.
   */
  canonicalize?(url: URL): void;
}

/** Capabilities of a definition, used for the docs support table. */
export interface AtsCapabilities {
  /** Hosted board and job URLs are recognised. */
  url: boolean;
  /** Recognised on a company's own page through embeds, widget globals or asset hosts (not only links). */
  embed: boolean;
  /** A public no-auth list endpoint is known and `boardApiUrl` builds it. */
  boardApi: boolean;
}

/**
 * One ATS: a plug-in the registry lists. One file per platform under `ats/`, built with
 * `defineAts` (which validates it and makes `hosts` a required decision).
 */
export interface AtsDefinition<Id extends string = string> {
  /** Lowercase id (`[a-z0-9][a-z0-9-]*`), stored as `job.ats.platform`. */
  readonly id: Id;
  /** Display name, e.g. `SAP SuccessFactors`. */
  readonly name: string;
  readonly website?: string;
  readonly detects: AtsCapabilities;
  /**
   * Host suffixes whose scripts, stylesheets or iframes hint at the platform even when no board
   * token can be read (a weak signal). Matched on label boundaries only.
   */
  readonly assetHosts?: readonly string[];
  /**
   * Host suffixes (label boundaries) outside which `matchUrl` never matches, so detection can
   * skip this definition for every other URL on a page. Omit when `matchUrl` can match any host
   * (e.g. Greenhouse's `?gh_jid=` on company sites).
   */
  readonly hosts?: readonly string[];
  /**
   * Tie-break rank among the built-in definitions: lower wins an otherwise equal page (roughly
   * by prevalence). Definitions passed as `platforms` keep the order they are given in.
   */
  readonly rank?: number;
  /** Vendor rules for canonical job URLs (tracking parameters, URL variants of one posting). */
  readonly canonicalUrl?: AtsCanonicalUrl;
  /** Recognise a URL on the ATS's own hosts (board, job, apply, embed or API URL). Never throws. */
  matchUrl(url: URL): AtsUrlMatch | null;
  /** Platform-specific page signals (inline globals, widget markup). Plain links are handled generically. */
  matchPage?(signals: PageSignals): AtsPageMatch | null;
  /** Public list endpoint for a board. Throws `INVALID_ARGUMENT` when a needed hint is missing. */
  boardApiUrl?(boardToken: string, hints?: AtsApiHints): string;
  /** Board API client (`ats/<id>.board.ts`), read by `listBoardJobs`. */
  readonly board?: BoardClient;
  /**
   * Each employer gets its own careers site on the platform (`acme.recruitee.com`), so the site
   * name a page there shows (`og:site_name`, the last title segment) is the employer's, never a
   * job board's. `true` means every host in `hosts`; a list names host suffixes (label
   * boundaries, lower case), as a definition with `hosts: 'any'` must.
   */
  readonly employerHosted?: boolean | readonly string[];
  /**
   * Names the platform's own pages show as their site name or last title segment ("Workday",
   * "Jobs at Acme | Greenhouse"): they name the platform, never the employer or the role. Compared
   * whole, with case, spaces and punctuation folded away; leave out names that are everyday words.
   */
  readonly brandNames?: readonly string[];
  /**
   * The platform's job pages load the posting with JavaScript: a page holding no posting text is
   * named a client-rendered shell of this platform (with a pointer to its board API) instead of
   * "not a job posting". `true` when detection finds the platform; `markers` also name it when
   * detection found nothing: case-insensitive substrings of the page HTML (`'avature.net'`), or
   * linear-time regexes with no capture group and no flag but `i`.
   */
  readonly clientRendered?: boolean | { readonly markers: readonly (string | RegExp)[] };
}

/** An HTML `<link>` element's target. */
export interface LinkTagSignal {
  href: string;
  rel: string;
}

/** A `<meta>` element's name (or property / http-equiv) and content. */
export interface MetaSignal {
  name: string;
  content: string;
}

/** An attribute worth keeping for detection (`id`, `data-*`) with the tag it sat on. */
export interface AttributeSignal {
  tag: string;
  name: string;
  value: string;
}

/**
 * Everything detection reads from a page, gathered in one streaming pass by
 * `collectPageSignals`. URLs are absolute (resolved against the page URL) and de-duplicated.
 */
export interface PageSignals {
  /** The URL the page was fetched from; relative URLs were resolved against it (or `<base href>`). */
  baseUrl: string;
  scripts: string[];
  iframes: string[];
  /** `<a href>` and `<area href>` targets. */
  anchors: string[];
  linkTags: LinkTagSignal[];
  forms: string[];
  metas: MetaSignal[];
  /** Inline `<script>` bodies (no `src`), each and in total capped. */
  inlineScripts: string[];
  /** `id` and `data-*` attributes (capped). */
  attributes: AttributeSignal[];
  /** True when a cap cut collection short; detection still works on what was kept. */
  truncated: boolean;
}
