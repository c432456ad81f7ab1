/**
 * The default `User-Agent` names the installed `@jobkit/adapters` version: it is read from the
 * package's own package.json, so a release bump cannot leave a stale hand-kept constant behind.
 * @module
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_USER_AGENT } from '@jobkit/adapters/http';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

describe('DEFAULT_USER_AGENT', () => {
  it('carries the version in packages/adapters/package.json', () => {
    const [product, version] = DEFAULT_USER_AGENT.split(' ')[0]!.split('/');
    expect(product).toBe('JobkitBot');
    expect(version).toBe(manifest.version);
    expect(version).toMatch(/^\d+\.\d+\.\d+(?:-[\w.]+)?$/);
  });
});
