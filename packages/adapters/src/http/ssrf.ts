/**
 * SSRF guard for the HTTP fetcher: decides whether a URL or a resolved address may be contacted, and
 * provides the DNS `lookup` the undici connector uses so the address that was checked is the address
 * that gets connected to (no window for DNS rebinding between check and connect).
 * Only globally-routable unicast addresses pass unless the caller allow-lists a network or host.
 * @module
 */

import type { LookupAddress, LookupAllOptions, LookupOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns';
import { JobkitError } from '@jobkit/core';
import ipaddr from 'ipaddr.js';

const SOURCE = 'adapters/http';

/** What the guard allows beyond public unicast addresses. */
export interface SsrfPolicy {
  /** When false, nothing is checked (only for trusted inputs). */
  enabled: boolean;
  /** Parsed CIDR ranges that may be contacted even though they are private/loopback/etc. */
  allowNetworks: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
  /** Lower-case host names (or IP literals) exempt from address checks. */
  allowHosts: ReadonlySet<string>;
}

/** Parse and validate the allow-lists; bad CIDRs are an `INVALID_ARGUMENT` naming the entry. */
export function createSsrfPolicy(options: {
  enabled?: boolean;
  allowPrivateNetworks?: readonly string[];
  allowHosts?: readonly string[];
}): SsrfPolicy {
  const allowNetworks = (options.allowPrivateNetworks ?? []).map((cidr) => {
    try {
      const [addr, bits] = ipaddr.parseCIDR(cidr.includes('/') ? cidr : `${cidr}/${cidr.includes(':') ? 128 : 32}`);
      // An IPv6 range inside an IPv4-carrying /96 is matched as the IPv4 range it covers.
      const v4 = addr.kind() === 'ipv6' && bits >= 96 ? normaliseAddress(addr) : addr;
      return [v4, v4 === addr ? bits : bits - 96] as [ipaddr.IPv4 | ipaddr.IPv6, number];
    } catch (cause) {
      throw new JobkitError('INVALID_ARGUMENT', `[${SOURCE}] allowPrivateNetworks: "${cidr}" is not a CIDR range`, { cause });
    }
  });
  return {
    enabled: options.enabled ?? true,
    allowNetworks,
    allowHosts: new Set((options.allowHosts ?? []).map((h) => stripBrackets(h.toLowerCase()))),
  };
}

/**
 * IPv6 forms that carry an IPv4 address in their low 32 bits are classified as that IPv4 address:
 * IPv4-mapped `::ffff:0:0/96`, IPv4-translated `::ffff:0:0:0/96` and the deprecated IPv4-compatible
 * `::/96` (`[::127.0.0.1]`, which the URL parser prints as `[::7f00:1]`). `::` and `::1` keep their
 * IPv6 meaning (unspecified, loopback).
 */
function normaliseAddress(addr: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  if (addr.kind() !== 'ipv6') return addr;
  const parts = (addr as ipaddr.IPv6).parts;
  const [a, b, c, d, e, f, g, h] = parts as [number, number, number, number, number, number, number, number];
  if (a !== 0 || b !== 0 || c !== 0 || d !== 0) return addr;
  const mapped = e === 0 && f === 0xffff;
  const translated = e === 0xffff && f === 0;
  const compatible = e === 0 && f === 0 && (g !== 0 || h > 1);
  if (!mapped && !translated && !compatible) return addr;
  return new ipaddr.IPv4([g >> 8, g & 0xff, h >> 8, h & 0xff]);
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/**
 * Range name of a blocked address (`loopback`, `private`, `linkLocal`, `carrierGradeNat`, `uniqueLocal`,
 * `multicast`…) or `undefined` when the address may be contacted. Everything but `unicast` is refused:
 * that also covers NAT64/6to4/Teredo prefixes that can smuggle a private IPv4 inside an IPv6 address.
 */
export function blockedRange(address: string, policy: SsrfPolicy): string | undefined {
  if (!policy.enabled) return undefined;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = normaliseAddress(ipaddr.parse(stripBrackets(address)));
  } catch {
    return 'invalid';
  }
  const range = parsed.range();
  if (range === 'unicast') return undefined;
  for (const [net, bits] of policy.allowNetworks) {
    if (net.kind() === parsed.kind() && parsed.match(net as never, bits)) return undefined;
  }
  return range;
}

function blockedError(url: string, host: string, reason: string, address?: string): JobkitError {
  const where = address === undefined ? host : `${host} (${address})`;
  return new JobkitError('FETCH_BLOCKED', `[${SOURCE}] refusing to fetch ${url}: ${where} is ${reason} (SSRF guard)`, {
    details: { url, host, address, reason, ssrf: true },
  });
}

/**
 * Check a URL before any connection: scheme must be http(s); an IP-literal host must pass
 * {@link blockedRange}. Host names are checked later, at DNS resolution, by {@link createGuardedLookup}.
 */
export function assertUrlAllowed(url: URL, policy: SsrfPolicy): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new JobkitError('FETCH_BLOCKED', `[${SOURCE}] refusing to fetch ${url.href}: only http and https are allowed`, {
      details: { url: url.href, host: url.host, reason: 'scheme' },
    });
  }
  if (url.username !== '' || url.password !== '') {
    // Credentials in URLs leak into logs and redirects; callers should pass an Authorization header.
    throw new JobkitError('INVALID_ARGUMENT', `[${SOURCE}] URLs with embedded credentials are not accepted: ${url.host}`);
  }
  if (!policy.enabled) return;
  const host = stripBrackets(url.hostname.toLowerCase());
  if (policy.allowHosts.has(host)) return;
  if (ipaddr.isValid(host)) {
    const range = blockedRange(host, policy);
    if (range !== undefined) throw blockedError(url.href, host, range);
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `dns.lookup`-compatible function for `net.connect`: resolves every address, drops the ones the
 * policy refuses and hands back only validated addresses, so the socket connects to what was checked.
 * Fails with a `FETCH_BLOCKED` JobkitError when nothing is left.
 */
export function createGuardedLookup(policy: SsrfPolicy) {
  return function guardedLookup(hostname: string, options: LookupOptions | number | LookupCallback, callback?: LookupCallback): void {
    const cb = (typeof options === 'function' ? options : callback) as LookupCallback;
    const opts: LookupOptions = typeof options === 'object' ? options : typeof options === 'number' ? { family: options } : {};
    const host = stripBrackets(hostname.toLowerCase());
    dnsLookup(hostname, { ...opts, all: true } as LookupAllOptions, (err, addresses) => {
      if (err) return cb(err, []);
      const exempt = !policy.enabled || policy.allowHosts.has(host);
      const allowed = exempt ? addresses : addresses.filter((a) => blockedRange(a.address, policy) === undefined);
      if (allowed.length === 0) {
        const found = addresses.map((a) => `${a.address} ${blockedRange(a.address, policy) ?? ''}`.trim()).join(', ');
        // The URL isn't known here; the fetcher re-issues this error with it (see mapError in http.ts).
        const error = new JobkitError(
          'FETCH_BLOCKED',
          `[${SOURCE}] refusing to connect to ${host}: it resolves only to blocked addresses (${found}) (SSRF guard)`,
          {
            details: { host, addresses: addresses.map((a) => a.address), reason: 'dns', ssrf: true },
          },
        );
        return cb(error as unknown as NodeJS.ErrnoException, []);
      }
      if ((opts as LookupAllOptions).all) return cb(null, allowed);
      const one = allowed[0] as LookupAddress;
      cb(null, one.address, one.family);
    });
  };
}

/**
 * Resolve and check a host name up front. Used when a proxy makes the connection (the proxy resolves
 * the name itself, so this narrows but cannot close the rebinding window).
 */
export async function assertHostResolvesPublic(url: URL, policy: SsrfPolicy): Promise<void> {
  const host = stripBrackets(url.hostname.toLowerCase());
  if (!policy.enabled || policy.allowHosts.has(host) || ipaddr.isValid(host)) return;
  const lookup = createGuardedLookup(policy);
  await new Promise<void>((resolve, reject) => {
    lookup(host, { all: true }, (err) => (err ? reject(err) : resolve()));
  });
}
