/**
 * ATS detection: runs every registry definition over a page URL and (optionally) the page's
 * signals, scores each platform and returns the strongest. Confidence scale:
 * hosted job URL 1.0, hosted board URL 0.97, embed/iframe/script with a board token 0.9,
 * form action 0.85, plain link 0.8, inline widget global 0.6, asset host only 0.55.
 * Several independent signals for one platform add a little, never past 0.95 without a URL match.
 * @module
 */

import type { AtsMatch } from '@jobkit/core';
import { JobkitError, readArgument } from '@jobkit/core';
import { z } from 'zod';
import { platformsForHost } from './host-index.js';
import { hostIsAny, MAX_ATS_URL_CHARS, shortUrl } from './match.js';
import { atsPlatforms } from './registry.js';
import { collectPageSignals, describe, parseHttpUrl } from './signals.js';
import type { AtsDefinition, AtsUrlMatch, PageSignals } from './types.js';

/** Where a signal came from; decides its base confidence and whether it may carry a job id. */
type SignalKind = 'url' | 'iframe' | 'script' | 'form' | 'anchor' | 'linkTag' | 'inline' | 'page';

const BASE: Record<Exclude<SignalKind, 'url' | 'page'>, { token: number; bare: number; label: string }> = {
  iframe: { token: 0.9, bare: 0.75, label: 'iframe src' },
  script: { token: 0.9, bare: 0.75, label: 'script src' },
  form: { token: 0.85, bare: 0.75, label: 'form action' },
  anchor: { token: 0.8, bare: 0.6, label: 'link' },
  linkTag: { token: 0.8, bare: 0.6, label: 'link tag' },
  inline: { token: 0.85, bare: 0.6, label: 'inline script url' },
};
const ASSET_CONFIDENCE = 0.55;
/** Only these describe the page itself; a link to a job elsewhere is not this page's job. */
const JOB_ID_KINDS = new Set<SignalKind>(['url', 'iframe', 'form']);
const MAX_EVIDENCE = 8;
const MAX_INLINE_URLS = 300;
const INLINE_URL = /(?:https?:)?\/\/(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#][^\s"'<>`)\]]*)?/gi;

interface Pick {
  value: string;
  confidence: number;
  count: number;
}

class Candidate {
  best = 0;
  readonly kinds = new Set<SignalKind>();
  readonly evidence: string[] = [];
  hiddenEvidence = 0;
  /** The most trusted URL that carried a board token. */
  url: { href: string; confidence: number } | null = null;
  readonly tokens = new Map<string, Pick>();
  readonly jobIds = new Map<string, Pick>();
  order: number;

  constructor(order: number) {
    this.order = order;
  }

  add(kind: SignalKind, confidence: number, evidence: string[], boardToken: string | null, jobId: string | null, href?: string): void {
    this.best = Math.max(this.best, confidence);
    if (href !== undefined && boardToken !== null && (this.url === null || confidence > this.url.confidence)) {
      this.url = { href, confidence };
    }
    this.kinds.add(kind);
    for (const e of evidence) {
      if (this.evidence.includes(e)) continue;
      if (this.evidence.length < MAX_EVIDENCE) this.evidence.push(e);
      else this.hiddenEvidence++;
    }
    if (boardToken !== null) bump(this.tokens, boardToken, confidence);
    if (jobId !== null && JOB_ID_KINDS.has(kind)) bump(this.jobIds, jobId, confidence);
  }

  /** Independent kinds of evidence corroborate each other, but cannot fake a hosted-URL match. */
  score(): number {
    const extra = Math.min(this.kinds.size - 1, 2) * 0.03;
    const ceiling = Math.max(this.best, 0.95);
    return Math.round(Math.min(this.best + extra, ceiling) * 100) / 100;
  }

  toMatch(platform: string): AtsMatch {
    const evidence = this.hiddenEvidence > 0 ? [...this.evidence, `+${this.hiddenEvidence} more signals`] : [...this.evidence];
    return {
      platform,
      boardToken: choose(this.tokens),
      jobId: choose(this.jobIds),
      confidence: this.score(),
      evidence,
      ...(this.url ? { url: this.url.href } : {}),
    };
  }
}

function bump(map: Map<string, Pick>, value: string, confidence: number): void {
  const prev = map.get(value);
  if (prev) {
    prev.count++;
    prev.confidence = Math.max(prev.confidence, confidence);
  } else map.set(value, { value, confidence, count: 1 });
}

/** Most trusted value, then most frequent (a careers page links its own board many times). */
function choose(map: Map<string, Pick>): string | null {
  let best: Pick | null = null;
  for (const p of map.values()) {
    if (best === null || p.confidence > best.confidence || (p.confidence === best.confidence && p.count > best.count)) best = p;
  }
  return best?.value ?? null;
}

function safeMatch(def: AtsDefinition, url: URL): AtsUrlMatch | null {
  try {
    return def.matchUrl(url);
  } catch {
    // A definition bug must not turn one odd link into a failed page.
    return null;
  }
}

function requireUrl(where: string, value: unknown): URL {
  const href = value instanceof URL ? value.href : value;
  if (typeof href === 'string' && href.length > MAX_ATS_URL_CHARS) {
    throw new JobkitError(
      'INVALID_ARGUMENT',
      `[parsers/ats] ${where}: url is ${href.length.toLocaleString('en-US')} characters long, more than the ${MAX_ATS_URL_CHARS.toLocaleString('en-US')} detection reads`,
      { details: { maxUrlChars: MAX_ATS_URL_CHARS } },
    );
  }
  const url = parseHttpUrl(href);
  if (url === null) {
    throw new JobkitError('INVALID_ARGUMENT', `[parsers/ats] ${where}: url must be an absolute http(s) URL string, got ${describe(value)}`);
  }
  return url;
}

/** URLs written inside inline scripts (loaders that inject the embed script at runtime, JSON configs). */
function inlineUrls(scripts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of scripts) {
    const text = raw.includes('\\/') ? raw.replace(/\\\//g, '/') : raw;
    INLINE_URL.lastIndex = 0;
    for (let m = INLINE_URL.exec(text); m !== null; m = INLINE_URL.exec(text)) {
      out.add(m[0].startsWith('//') ? `https:${m[0]}` : m[0]);
      if (out.size >= MAX_INLINE_URLS) return [...out];
    }
  }
  return [...out];
}

/** Options for `detectAtsFromSignals` / `detectAtsCandidates`. */
export interface DetectAtsOptions {
  /**
   * Definitions to try, in tie-break order.
   * @default atsPlatforms
   */
  platforms?: readonly AtsDefinition[];
}

/**
 * Every platform the URL and signals point at, strongest first. Useful when a page mixes
 * platforms (a migration, a partner's board linked in the footer).
 */
export function detectAtsCandidates(url: string | URL, signals?: PageSignals | null, options: DetectAtsOptions = {}): AtsMatch[] {
  const pageUrl = requireUrl('detectAtsCandidates', url);
  const platforms = platformsOption('detectAtsCandidates', options);
  const found = new Map<AtsDefinition, Candidate>();
  const candidate = (def: AtsDefinition, i: number): Candidate => {
    let c = found.get(def);
    if (!c) found.set(def, (c = new Candidate(i)));
    return c;
  };

  platforms.forEach((def, i) => {
    const m = safeMatch(def, pageUrl);
    if (m === null) return;
    const confidence = m.confidence ?? (m.jobId !== null ? 1 : 0.97);
    candidate(def, i).add(
      'url',
      confidence,
      [`page url ${shortUrl(pageUrl.href)}`, ...(m.evidence ?? [])],
      m.boardToken,
      m.jobId,
      pageUrl.href,
    );
  });

  if (signals) {
    const groups: Array<[Exclude<SignalKind, 'url' | 'page'>, readonly string[]]> = [
      ['iframe', signals.iframes],
      ['script', signals.scripts],
      ['form', signals.forms],
      ['anchor', signals.anchors],
      ['linkTag', signals.linkTags.map((l) => l.href)],
      ['inline', inlineUrls(signals.inlineScripts)],
    ];
    for (const [kind, hrefs] of groups) {
      const base = BASE[kind];
      for (const href of hrefs) {
        const u = parseHttpUrl(href);
        if (u === null) continue;
        const mayMatch = platformsForHost(platforms, u.hostname);
        platforms.forEach((def, i) => {
          if (!mayMatch.has(i)) return;
          const m = safeMatch(def, u);
          if (m !== null) {
            const own = m.boardToken !== null ? base.token : base.bare;
            const confidence = Math.min(own, m.confidence ?? 1);
            candidate(def, i).add(
              kind,
              confidence,
              [`${base.label} ${shortUrl(href)}`, ...(m.evidence ?? [])],
              m.boardToken,
              m.jobId,
              u.href,
            );
          } else if (kind !== 'anchor' && kind !== 'inline' && def.assetHosts && hostIsAny(u.hostname, def.assetHosts)) {
            // Vendor assets without a board: the page runs the ATS somewhere, but we cannot say which board.
            candidate(def, i).add(kind, ASSET_CONFIDENCE, [`asset ${base.label} ${shortUrl(href)}`], null, null);
          }
        });
      }
    }
    platforms.forEach((def, i) => {
      if (!def.matchPage) return;
      let m = null;
      try {
        m = def.matchPage(signals);
      } catch {
        m = null;
      }
      if (m !== null) candidate(def, i).add('page', Math.min(Math.max(m.confidence, 0), 0.95), m.evidence, m.boardToken, m.jobId);
    });
  }

  return [...found.entries()]
    .map(([def, c]) => ({ c, match: c.toMatch(def.id) }))
    .sort((a, b) => b.match.confidence - a.match.confidence || b.c.kinds.size - a.c.kinds.size || a.c.order - b.c.order)
    .map((x) => x.match);
}

/**
 * Detect the ATS behind a page from its URL and already-collected signals (so `parseJobPage`
 * can share one parsing pass). Returns the strongest platform or `null`.
 * @throws JobkitError `INVALID_ARGUMENT` when `url` is not an absolute http(s) URL.
 */
export function detectAtsFromSignals(url: string | URL, signals?: PageSignals | null, options: DetectAtsOptions = {}): AtsMatch | null {
  if (typeof url === 'string' || url instanceof URL) {
    return detectAtsCandidates(url, signals, options)[0] ?? null;
  }
  requireUrl('detectAtsFromSignals', url);
  return null;
}

/**
 * `options.platforms`, read once and shape-checked; a getter that throws on the way is
 * `INVALID_ARGUMENT` with its error as cause.
 */
function platformsOption(where: string, options: DetectAtsOptions | null | undefined): readonly AtsDefinition[] {
  return readArgument('parsers/ats', `${where} options`, () => {
    const platforms = options?.platforms;
    if (platforms === undefined) return atsPlatforms;
    if (!isDefinitionList(platforms)) {
      throw new JobkitError(
        'INVALID_ARGUMENT',
        `[parsers/ats] ${where}: options.platforms must be an array of ATS definitions (see defineAts)`,
      );
    }
    return platforms;
  });
}

/** Cheap shape check of a `platforms` option: an array of objects with an id and `matchUrl`. */
function isDefinitionList(value: unknown): value is readonly AtsDefinition[] {
  return (
    Array.isArray(value) &&
    value.every(
      (d) =>
        typeof d === 'object' &&
        d !== null &&
        typeof (d as AtsDefinition).id === 'string' &&
        typeof (d as AtsDefinition).matchUrl === 'function',
    )
  );
}

const DetectAtsInput = z.object({ url: z.string(), html: z.string().optional() });

/**
 * Detect the ATS behind a page: hosted board/job URLs first, then (when `html` is given) embeds,
 * iframes, links, forms, widget globals and vendor asset hosts on the company's own page.
 * Pass `options.platforms` (e.g. `[...atsPlatforms, myAts]`) to detect your own `defineAts` definitions.
 * @example detectAts({ url: 'https://jobs.lever.co/acme/0c3e…' }) // { platform: 'lever', boardToken: 'acme', … }
 * @throws JobkitError `INVALID_ARGUMENT` for a non-string or non-absolute `url`, or a non-string `html`.
 */
export function detectAts(input: { url: string; html?: string }, options: DetectAtsOptions = {}): AtsMatch | null {
  const parsed = readArgument('parsers/ats', 'the detectAts input', () => DetectAtsInput.safeParse(input));
  if (!parsed.success) {
    throw new JobkitError(
      'INVALID_ARGUMENT',
      `[parsers/ats] detectAts: expected { url: string; html?: string } (${parsed.error.issues
        .map((i) => `${i.path.join('.') || 'input'}: ${i.message}`)
        .join('; ')})`,
      { cause: parsed.error },
    );
  }
  const url = requireUrl('detectAts', parsed.data.url);
  const platforms = platformsOption('detectAts', options);
  const signals = parsed.data.html !== undefined ? collectPageSignals(parsed.data.html, url.href) : null;
  return detectAtsFromSignals(url, signals, { platforms });
}
