/**
 * `jobkit detect <url> [--fetch]`: which ATS hosts a URL, from the URL alone and, with
 * `--fetch`, from the page it serves (embedded boards, script hosts, apply links).
 * @module
 */
import type { AtsMatch } from '@jobkit/core';
import { type Command, requireHttpUrl, writeJson, writeLine } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { formatAts } from '../format.js';

function describe(label: string, match: AtsMatch | null): string[] {
  const lines = [`${label.padEnd(10)} ${formatAts(match)}`];
  if (match) for (const e of match.evidence) lines.push(`${' '.repeat(11)}- ${e}`);
  return lines;
}

export const detectCommand: Command = {
  name: 'detect',
  summary: 'Detect the ATS (Greenhouse, Lever, Workday…) behind a URL',
  help: `Usage: jobkit detect <url> [--fetch] [--json]

Detects the applicant tracking system from the URL; with --fetch, also from the
HTML the URL serves (careers pages that embed a board on their own domain).

Options:
  --fetch           Fetch the page and detect on its HTML too.
  --json            Print { url, fromUrl, fromPage?, finalUrl? } as JSON.
  --allow-private   Allow fetching private/loopback addresses (SSRF guard off).

Exit codes: 0 done (also when nothing was detected), 1 fetch failed, 2 usage error.

Examples:
  jobkit detect https://boards.greenhouse.io/acme/jobs/4012345
  jobkit detect https://acme.example/careers --fetch`,
  options: { fetch: { type: 'boolean' } },
  async run({ positionals, values, io, json, allowPrivate, signal }) {
    if (positionals.length !== 1)
      throw new UsageError(positionals.length === 0 ? 'detect needs a URL' : 'detect takes exactly one URL', 'detect');
    const url = requireHttpUrl(positionals[0]!, 'URL', 'detect');
    const { detectAts } = await import('@jobkit/parsers');
    const fromUrl = detectAts({ url });
    let fromPage: AtsMatch | null | undefined;
    let finalUrl: string | undefined;
    if (values.fetch === true) {
      const [{ createCliFetcher }, { fetchOk }] = await Promise.all([import('../fetcher.js'), import('@jobkit/core')]);
      const fetcher = createCliFetcher({ allowPrivate });
      try {
        const res = await fetchOk(fetcher, url, { signal });
        finalUrl = res.url;
        fromPage = detectAts({ url: res.url, html: res.text() });
      } finally {
        await fetcher.close();
      }
    }
    if (json) {
      writeJson(io.stdout, { url, fromUrl, ...(fromPage !== undefined ? { fromPage, finalUrl } : {}) });
    } else {
      const lines = describe('URL', fromUrl);
      if (fromPage !== undefined) {
        if (finalUrl && finalUrl !== url) lines.push(`(redirected to ${finalUrl})`);
        lines.push(...describe('Page', fromPage));
      }
      writeLine(io.stdout, lines.join('\n'));
    }
    return EXIT.OK;
  },
};
