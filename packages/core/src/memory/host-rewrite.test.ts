import { describe, expect, it } from 'vitest';
import { createStaticFetcher } from './fetcher.js';
import { createHostRewriteFetcher, createLocalHostRewriteFetcher, localHostRewrite } from './host-rewrite.js';

describe('localHostRewrite', () => {
  const { rewrite, restore } = localHostRewrite('http://127.0.0.1:4000');
  it('maps vendor URLs under /__host/<host>/ and back', () => {
    const local = rewrite('https://api.lever.co/v0/postings/acme?mode=json&skip=0');
    expect(local).toBe('http://127.0.0.1:4000/__host/api.lever.co/v0/postings/acme?mode=json&skip=0');
    expect(restore(local)).toBe('https://api.lever.co/v0/postings/acme?mode=json&skip=0');
  });
  it('keeps ports and leaves local URLs alone', () => {
    expect(rewrite('https://x.example:8443/a')).toBe('http://127.0.0.1:4000/__host/x.example:8443/a');
    expect(rewrite('http://127.0.0.1:4000/plain')).toBe('http://127.0.0.1:4000/plain');
    expect(restore('http://127.0.0.1:4000/plain')).toBe('http://127.0.0.1:4000/plain');
    expect(restore('http://127.0.0.1:4000/__host/acme.com')).toBe('https://acme.com/');
  });
  it('rejects a non-http origin', () => {
    expect(() => localHostRewrite('ftp://x')).toThrow(/memory\/host-rewrite/);
  });
});

describe('createHostRewriteFetcher', () => {
  it('fetches the rewritten URL and reports the original one, redirects included', async () => {
    const inner = createStaticFetcher({
      'http://127.0.0.1:4000/__host/acme.com/old': { redirect: '/__host/acme.com/new' },
      'http://127.0.0.1:4000/__host/acme.com/new': { body: 'hello' },
    });
    const fetcher = createLocalHostRewriteFetcher(inner, 'http://127.0.0.1:4000');
    const res = await fetcher.fetch('https://acme.com/old');
    expect(res.text()).toBe('hello');
    expect(res.url).toBe('https://acme.com/new');
    expect(res.redirects).toEqual(['https://acme.com/old']);
    expect(inner.requests.map((r) => r.url)).toEqual([
      'http://127.0.0.1:4000/__host/acme.com/old',
      'http://127.0.0.1:4000/__host/acme.com/new',
    ]);
  });
  it('passes results through untouched when the rewrite leaves the URL alone', async () => {
    const inner = createStaticFetcher({ 'https://a.example/': { status: 404, body: 'x' } });
    const fetcher = createHostRewriteFetcher(inner, (u) => u);
    const res = await fetcher.fetch('https://a.example/');
    expect(res.status).toBe(404);
  });
});
