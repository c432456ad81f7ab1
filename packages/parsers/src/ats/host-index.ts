/**
 * Pre-indexes ATS definitions by the host suffixes their `matchUrl` and asset hosts are limited
 * to, so detection tries one URL against the few platforms that could own its host instead of
 * all of them (a page links dozens of URLs; most belong to no ATS). Internal to `ats/`.
 * @module
 */
import type { AtsDefinition } from './types.js';

/** Definitions (by position) per host suffix, and those tried for every host. */
interface HostIndex {
  bySuffix: Map<string, number[]>;
  always: number[];
  cache: Map<string, ReadonlySet<number>>;
}

const indexes = new WeakMap<readonly AtsDefinition[], HostIndex>();
/** Hosts remembered per index; a page rarely has more distinct hosts than this. */
const CACHE_LIMIT = 2_000;

function build(platforms: readonly AtsDefinition[]): HostIndex {
  const index: HostIndex = { bySuffix: new Map(), always: [], cache: new Map() };
  platforms.forEach((def, i) => {
    const hosts = def.hosts;
    if (hosts === undefined) {
      index.always.push(i);
      return;
    }
    // Asset hosts count too: detection also checks them when `matchUrl` misses.
    for (const suffix of new Set([...hosts, ...(def.assetHosts ?? [])])) {
      const key = suffix.toLowerCase();
      const list = index.bySuffix.get(key) ?? [];
      if (!list.includes(i)) list.push(i);
      index.bySuffix.set(key, list);
    }
  });
  return index;
}

/**
 * Positions in `platforms` of the definitions that may match a URL on `hostname` (by
 * `matchUrl` or an asset host). Every other definition is certain to miss it.
 */
export function platformsForHost(platforms: readonly AtsDefinition[], hostname: string): ReadonlySet<number> {
  let index = indexes.get(platforms);
  if (!index) indexes.set(platforms, (index = build(platforms)));
  const cached = index.cache.get(hostname);
  if (cached) return cached;
  const out = new Set(index.always);
  const host = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  // Every suffix on a label boundary: a.b.c → a.b.c, b.c, c.
  for (let at = -1; ; ) {
    const hit = index.bySuffix.get(at < 0 ? host : host.slice(at + 1));
    if (hit) for (const i of hit) out.add(i);
    at = host.indexOf('.', at + 1);
    if (at < 0) break;
  }
  if (index.cache.size >= CACHE_LIMIT) index.cache.clear();
  index.cache.set(hostname, out);
  return out;
}
