/**
 * The ATS host index may only skip definitions that are certain to miss: for every URL in the
 * ATS tests and fixtures (plus host variants), each definition that matches it, or whose asset
 * hosts cover it, must be among the index's candidates.
 * @module
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { platformsForHost } from '../src/ats/host-index.js';
import { hostIsAny } from '../src/ats/match.js';
import { atsPlatforms } from '../src/ats/registry.js';
import type { AtsDefinition } from '../src/ats/types.js';

const here = fileURLToPath(new URL('.', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function corpusUrls(): URL[] {
  const texts = [join(here, 'ats.test.ts'), ...filesUnder(join(here, 'fixtures'))].map((f) => readFileSync(f, 'utf8'));
  const out = new Map<string, URL>();
  for (const text of texts) {
    for (const [raw] of text.matchAll(/https?:\/\/[^'"`\s)<>\\]+/g)) {
      try {
        const u = new URL(raw);
        out.set(u.href, u);
        // The same path and query on a company's own host, on a look-alike host, and with a trailing dot.
        for (const host of ['careers.example.com', `evil${u.hostname.replace(/\./g, '')}.com`, `${u.hostname}.`]) {
          const v = new URL(u.href);
          v.hostname = host;
          out.set(v.href, v);
        }
      } catch {
        // not a URL after all
      }
    }
  }
  return [...out.values()];
}

const wouldMatch = (def: AtsDefinition, url: URL) =>
  def.matchUrl(url) !== null || (def.assetHosts !== undefined && hostIsAny(url.hostname, def.assetHosts));

describe('ATS host index', () => {
  const urls = corpusUrls();

  it('reads a real corpus', () => {
    expect(urls.length).toBeGreaterThan(300);
  });

  it('never skips a definition that matches the URL', () => {
    const missed: string[] = [];
    for (const url of urls) {
      const candidates = platformsForHost(atsPlatforms, url.hostname);
      atsPlatforms.forEach((def, i) => {
        if (!candidates.has(i) && wouldMatch(def, url)) missed.push(`${def.id}: ${url.href}`);
      });
    }
    expect(missed).toEqual([]);
  });

  it('skips most definitions for an ordinary host', () => {
    const candidates = platformsForHost(atsPlatforms, 'www.example.com');
    expect(candidates.size).toBeLessThanOrEqual(3);
    expect(platformsForHost(atsPlatforms, 'acme.wd5.myworkdayjobs.com').has(atsPlatforms.findIndex((d) => d.id === 'workday'))).toBe(true);
  });

  it('uses a definition’s own hosts, and tries a custom definition without hosts everywhere', () => {
    const custom: AtsDefinition[] = [
      { ...atsPlatforms[1]!, hosts: ['only.example'] },
      { ...atsPlatforms[2]!, hosts: undefined },
    ];
    expect([...platformsForHost(custom, 'a.only.example')].sort()).toEqual([0, 1]);
    expect([...platformsForHost(custom, 'myworkdayjobs.com')].sort()).toEqual(
      custom[0]!.assetHosts?.includes('myworkdayjobs.com') ? [0, 1] : [1],
    );
  });
});
