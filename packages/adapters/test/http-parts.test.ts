/**
 * Unit tests of the HTTP fetcher's parts (SSRF ranges, charset detection, Retry-After) and the proxy path.
 * @module
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { createHttpFetcher } from '@jobkit/adapters/http';
import { JobkitError } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import { detectCharset } from '../src/http/charset.js';
import { parseRetryAfter } from '../src/http/rate-limit.js';
import { blockedRange, createSsrfPolicy } from '../src/http/ssrf.js';
import { startServer } from './http-server.js';

describe('ssrf.blockedRange', () => {
  const strict = createSsrfPolicy({});
  it('allows public unicast and refuses every special range, including ones that embed IPv4', () => {
    expect(blockedRange('93.184.216.34', strict)).toBeUndefined();
    expect(blockedRange('2606:4700::1111', strict)).toBeUndefined();
    for (const [address, range] of [
      ['127.0.0.1', 'loopback'],
      ['10.0.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.0.10', 'private'],
      ['169.254.169.254', 'linkLocal'],
      ['100.100.100.200', 'carrierGradeNat'],
      ['0.0.0.0', 'unspecified'],
      ['255.255.255.255', 'broadcast'],
      ['239.1.1.1', 'multicast'],
      ['::1', 'loopback'],
      ['::', 'unspecified'],
      ['fe80::1', 'linkLocal'],
      ['fd12:3456::1', 'uniqueLocal'],
      ['ff02::1', 'multicast'],
      ['::ffff:10.0.0.1', 'private'],
      ['::ffff:169.254.169.254', 'linkLocal'],
      ['64:ff9b::a00:1', 'rfc6052'], // NAT64 of 10.0.0.1
      ['2002:a00:1::', '6to4'], // 6to4 of 10.0.0.1
    ] as const) {
      expect(`${address} ${blockedRange(address, strict)}`).toBe(`${address} ${range}`);
    }
  });

  it('lets allow-listed networks through, IPv4-mapped forms included', () => {
    const policy = createSsrfPolicy({ allowPrivateNetworks: ['127.0.0.1/32', '10.1.0.0/16'] });
    expect(blockedRange('127.0.0.1', policy)).toBeUndefined();
    expect(blockedRange('::ffff:127.0.0.1', policy)).toBeUndefined();
    expect(blockedRange('10.1.200.3', policy)).toBeUndefined();
    expect(blockedRange('10.2.0.1', policy)).toBe('private');
    expect(blockedRange('127.0.0.2', policy)).toBe('loopback');
    expect(blockedRange('::1', policy)).toBe('loopback');
    expect(blockedRange('10.0.0.1', createSsrfPolicy({ enabled: false }))).toBeUndefined();
  });
});

describe('charset.detectCharset', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('prefers BOM, then header, then meta, then utf-8', () => {
    expect(detectCharset('text/html; charset=windows-1252', new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('utf-8');
    expect(detectCharset('text/html; charset="Shift_JIS"', bytes('<meta charset="utf-8">'))).toBe('shift_jis');
    expect(detectCharset('text/html', bytes('<!doctype html><META CHARSET=iso-8859-1>'))).toBe('windows-1252');
    expect(detectCharset('text/html', bytes("<meta http-equiv='content-type' content='text/html;charset=euc-jp'>"))).toBe('euc-jp');
    expect(detectCharset(undefined, bytes('<html><meta charset="gbk">'))).toBe('gbk');
    expect(detectCharset('text/html', bytes('<meta charset="utf-16">'))).toBe('utf-8');
    expect(detectCharset('text/html; charset=bogus', bytes('<p>x</p>'))).toBe('utf-8');
    // Meta tags inside JSON are not declarations.
    expect(detectCharset('application/json', bytes('{"html":"<meta charset=\\"gbk\\">"}'))).toBe('utf-8');
  });
});

describe('rate-limit.parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('http fetcher through a proxy', () => {
  it('tunnels through an HTTP CONNECT proxy and still refuses private names up front', async () => {
    const target = await startServer({ '/hi': (_req, res) => res.end('via proxy') });
    const tunnels: string[] = [];
    const proxy = createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req, client, head) => {
      tunnels.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const fetcher = createHttpFetcher({ proxy: proxyUrl, robots: false, retries: 0, allowPrivateNetworks: ['127.0.0.1/32'] });
    const guarded = createHttpFetcher({ proxy: proxyUrl, robots: false, retries: 0 });
    try {
      expect((await fetcher.fetch(`${target.origin}/hi`)).text()).toBe('via proxy');
      expect(tunnels).toEqual([`127.0.0.1:${target.port}`]);
      const error = await guarded.fetch(`http://localhost:${target.port}/hi`).catch((e: unknown) => e);
      expect(JobkitError.is(error, 'FETCH_BLOCKED')).toBe(true);
      expect(tunnels).toHaveLength(1);
    } finally {
      await Promise.all([fetcher.close(), guarded.close()]);
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
      await target.close();
    }
  });
});
