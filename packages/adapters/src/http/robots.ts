/**
 * robots.txt policy for the HTTP fetcher, cached per origin with a TTL. Failure handling follows
 * RFC 9309 and Google's documented crawler behaviour: a 4xx robots.txt means "no rules" (allow all);
 * a 429 or 5xx means "assume everything is disallowed" for a shorter while, then ask again. A network
 * failure (DNS, refused connection, timeout) is not a verdict about the site's rules: the loader's
 * typed error is re-thrown to the caller and nothing is cached, so a retry asks again.
 * Paths are compared after decoding percent-encoded unreserved characters (`/%70rivate` is `/private`).
 * Concurrent checks for one origin share a single robots.txt request.
 * @module
 */
import robotsParser from 'robots-parser';

/** What the loader reports about one robots.txt request (`error`: it could not be fetched at all). */
export type RobotsLoadResult = { status: number; body: string } | { error: unknown };

/** Fetches a robots.txt URL (through the guarded fetcher, so SSRF and redirect rules still apply). */
export type RobotsLoader = (robotsUrl: string) => Promise<RobotsLoadResult>;

export interface RobotsCacheOptions {
  /** Product token matched against `User-agent:` lines, e.g. `JobkitBot`. */
  userAgent: string;
  /** How long a fetched (or 4xx) robots.txt is trusted. */
  ttlMs: number;
  /** How long a 429/5xx robots.txt keeps the origin disallowed before retrying. */
  errorTtlMs: number;
  /** Origins kept in memory; the oldest is evicted first. */
  maxEntries: number;
}

/** Outcome of a robots check. */
export interface RobotsVerdict {
  allowed: boolean;
  /** Why: `rules` (robots.txt matched), `no-robots` (4xx), `unavailable` (429/5xx). */
  reason: 'rules' | 'no-robots' | 'unavailable';
  /** HTTP status of the robots.txt response behind an `unavailable` verdict. */
  status?: number;
  /** `Crawl-delay` for our user agent, in ms, when the file sets one. */
  crawlDelayMs?: number;
}

type Robot = ReturnType<typeof robotsParser>;

interface Entry {
  expiresAt: number;
  kind: 'rules' | 'no-robots' | 'unavailable';
  robot?: Robot;
  status?: number;
}

export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Entry>>();

  constructor(
    private readonly load: RobotsLoader,
    private readonly options: RobotsCacheOptions,
  ) {}

  /** Decide whether `url` may be fetched, loading the origin's robots.txt when the cache has none. */
  async check(url: URL): Promise<RobotsVerdict> {
    const entry = await this.entryFor(url.origin);
    if (entry.kind === 'no-robots') return { allowed: true, reason: 'no-robots' };
    if (entry.kind === 'unavailable' || !entry.robot) {
      return entry.status === undefined
        ? { allowed: false, reason: 'unavailable' }
        : { allowed: false, reason: 'unavailable', status: entry.status };
    }
    // undefined means "URL not covered by this file", which can't happen for a same-origin URL; allow.
    const target = `${url.origin}${decodeUnreserved(url.pathname + url.search)}`;
    const allowed = entry.robot.isAllowed(target, this.options.userAgent) !== false;
    const delay = entry.robot.getCrawlDelay(this.options.userAgent);
    return typeof delay === 'number' && delay > 0 ? { allowed, reason: 'rules', crawlDelayMs: delay * 1000 } : { allowed, reason: 'rules' };
  }

  /** Forget cached robots.txt files (all, or one origin). */
  clear(origin?: string): void {
    if (origin === undefined) this.entries.clear();
    else this.entries.delete(origin);
  }

  private async entryFor(origin: string): Promise<Entry> {
    const cached = this.entries.get(origin);
    if (cached && cached.expiresAt > Date.now()) return cached;
    let pending = this.inflight.get(origin);
    if (!pending) {
      pending = this.fetchEntry(origin).finally(() => this.inflight.delete(origin));
      this.inflight.set(origin, pending);
    }
    return pending;
  }

  private async fetchEntry(origin: string): Promise<Entry> {
    const robotsUrl = `${origin}/robots.txt`;
    const result = await this.load(robotsUrl);
    // Not cached: the caller gets the network error itself, and its retry asks again.
    if ('error' in result) throw result.error;
    const now = Date.now();
    let entry: Entry;
    if (result.status === 429 || result.status >= 500) {
      entry = { kind: 'unavailable', status: result.status, expiresAt: now + this.options.errorTtlMs };
    } else if (result.status >= 400) {
      entry = { kind: 'no-robots', expiresAt: now + this.options.ttlMs };
    } else if (result.status >= 200 && result.status < 300) {
      entry = { kind: 'rules', robot: robotsParser(robotsUrl, normaliseRules(result.body)), expiresAt: now + this.options.ttlMs };
    } else {
      // 1xx/3xx left after redirect following (e.g. too many hops): Google treats it as no robots.txt.
      entry = { kind: 'no-robots', expiresAt: now + this.options.ttlMs };
    }
    this.entries.delete(origin);
    this.entries.set(origin, entry);
    if (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry;
  }
}

/**
 * RFC 9309 §2.2.2: a percent-encoded unreserved character (`A-Z a-z 0-9 - . _ ~`) is compared as the
 * character itself; other escapes stay encoded, with upper-case hex so `%2f` and `%2F` compare equal.
 * One pass over the string.
 */
export function decodeUnreserved(path: string): string {
  return path.replace(/%([0-9A-Fa-f]{2})/g, (match: string, hex: string) => {
    const code = Number.parseInt(hex, 16);
    const char = String.fromCharCode(code);
    return /^[A-Za-z0-9\-._~]$/.test(char) ? char : match.toUpperCase();
  });
}

/** Decode unreserved escapes in `Allow`/`Disallow` values so rules and URLs are compared in one form. */
function normaliseRules(body: string): string {
  return body.replace(
    /^([ \t]*(?:dis)?allow[ \t]*:)([^\r\n]*)/gim,
    (_line: string, key: string, value: string) => key + decodeUnreserved(value),
  );
}
