/**
 * Types shared by every ATS definition: platform ids, the definition contract the registry
 * holds, and the page signals that company-page detection reads. No logic lives here.
 * @module
 */
import type { BoardContext, BoardListing } from '../boards/types.js';

/** Every platform id Jobkit can detect, lowercase. Adding an ATS starts by adding its id here. */
export const ATS_PLATFORM_IDS = [
  'greenhouse',
  'lever',
  'ashby',
  'workday',
  'smartrecruiters',
  'workable',
  'recruitee',
  'personio',
  'bamboohr',
  'teamtailor',
  'breezy',
  'jazzhr',
  'jobvite',
  'icims',
  'taleo',
  'successfactors',
  'oraclecloud',
  'rippling',
  'pinpoint',
  'comeet',
  'homerun',
  'join',
  'dover',
  'gem',
  'polymer',
  'trakstar',
  'zohorecruit',
  'freshteam',
  'manatal',
  'eightfold',
] as const;

/** Lowercase id of a supported ATS platform. */
export type AtsPlatformId = (typeof ATS_PLATFORM_IDS)[number];

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
 * Board API client slot. Each client lives in `ats/<id>.board.ts` and is attached to its
 * definition; `listBoardJobs` (in `boards/`) drives it.
 */
export interface AtsBoardClient {
  readonly platform: AtsPlatformId;
  /** Read the whole board (paging to completion) into drafts. Throws typed board errors. */
  list(ctx: BoardContext): Promise<BoardListing>;
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

/** One ATS: a plug-in the registry lists. One file per platform under `ats/`. */
export interface AtsDefinition<Id extends AtsPlatformId = AtsPlatformId> {
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
  /** Recognise a URL on the ATS's own hosts (board, job, apply, embed or API URL). Never throws. */
  matchUrl(url: URL): AtsUrlMatch | null;
  /** Platform-specific page signals (inline globals, widget markup). Plain links are handled generically. */
  matchPage?(signals: PageSignals): AtsPageMatch | null;
  /** Public list endpoint for a board. Throws `INVALID_ARGUMENT` when a needed hint is missing. */
  boardApiUrl?(boardToken: string, hints?: AtsApiHints): string;
  /** Board API client, added later in `ats/<id>.board.ts`. */
  readonly board?: AtsBoardClient;
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
