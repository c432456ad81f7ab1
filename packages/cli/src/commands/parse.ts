/**
 * `jobkit parse <file|url>`: one page through `parseJobPage`, printed as a summary or as the
 * `ParsedJobPage` JSON. Exit code 1 when the page holds no job posting.
 * @module
 */
import { open } from 'node:fs/promises';
import { type Command, isHttpUrl, requireHttpUrl, stringOption, writeJson, writeLine } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { formatParsedPage } from '../format.js';

/** Attribute value of a tag, whatever the attribute order or quoting. */
function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** The URL a saved page says it lives at (`<link rel=canonical>`, then `og:url`), if absolute. */
function declaredUrl(html: string): string | undefined {
  const head = html.slice(0, 200_000);
  for (const tag of head.match(/<link\b[^<>]*>/gi) ?? []) {
    const href = attr(tag, 'href');
    if (/(^|\s)canonical(\s|$)/i.test(attr(tag, 'rel') ?? '') && href && isHttpUrl(href)) return href;
  }
  for (const tag of head.match(/<meta\b[^<>]*>/gi) ?? []) {
    const content = attr(tag, 'content');
    if ((attr(tag, 'property') ?? attr(tag, 'name'))?.toLowerCase() === 'og:url' && content && isHttpUrl(content)) return content;
  }
  return undefined;
}

export const parseCommand: Command = {
  name: 'parse',
  summary: 'Parse one job page (file or URL) into a normalized posting',
  help: `Usage: jobkit parse <file|url> [--url <page url>] [--json]

Parses a job page (JSON-LD, microdata, RDFa, then heuristics) and prints the posting:
title, company, locations, workplace, employment, salary, dates, ATS, quality and
warnings. With --json, prints the ParsedJobPage ({ job, ats, source, warnings }).

Options:
  --url <url>       The page's real URL, for a saved file (identity, relative links
                    and ATS detection depend on it). Defaults to the page's
                    <link rel=canonical> or og:url; required when it has neither.
  --json            Print JSON instead of the summary.
  --allow-private   Allow fetching private/loopback addresses (SSRF guard off).

Exit codes: 0 posting found, 1 no posting on the page or fetch failed, 2 usage error.

Examples:
  jobkit parse saved-job.html --url https://boards.greenhouse.io/acme/jobs/123
  jobkit parse https://jobs.lever.co/acme/5f1c... --json`,
  options: { url: { type: 'string' } },
  async run({ positionals, values, io, json, allowPrivate, signal }) {
    if (positionals.length !== 1)
      throw new UsageError(positionals.length === 0 ? 'parse needs a file or URL' : 'parse takes exactly one file or URL', 'parse');
    const input = positionals[0]!;
    const urlFlag = stringOption(values, 'url');
    let url = urlFlag === undefined ? undefined : requireHttpUrl(urlFlag, '--url', 'parse');
    // Heavy modules load only once the command line is known to be valid (help and usage errors stay fast).
    const [{ parseJobPage }, { fetchOk }] = await Promise.all([import('@jobkit/parsers'), import('@jobkit/core')]);
    let html: string;
    if (isHttpUrl(input)) {
      const target = requireHttpUrl(input, 'URL', 'parse');
      const { createCliFetcher } = await import('../fetcher.js');
      const fetcher = createCliFetcher({ allowPrivate });
      try {
        const res = await fetchOk(fetcher, target, { signal });
        html = res.text();
        url ??= res.url;
      } finally {
        await fetcher.close();
      }
    } else {
      try {
        html = await readHead(input);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'ENOENT') throw new UsageError(`no such file: ${input} (pass a path to a saved HTML page or an http(s) URL)`, 'parse');
        if (code === 'EISDIR') throw new UsageError(`${input} is a directory; pass one HTML file`, 'parse');
        throw error;
      }
      url ??= declaredUrl(html);
      if (!url) throw new UsageError(`${input} does not say which URL it came from; pass --url <the page's URL>`, 'parse');
    }
    const page = parseJobPage(html, { url });
    if (json) writeJson(io.stdout, page);
    else writeLine(io.stdout, formatParsedPage(page, url));
    return page.job ? EXIT.OK : EXIT.FAILURE;
  },
};

/**
 * Bytes of a saved page read at most: parseJobPage reads the first 12,000,000 characters, which
 * UTF-8 never spends more than 3 bytes each on. A bigger file (or /dev/zero, a FIFO that never
 * ends) is cut here instead of being read whole into memory.
 */
const MAX_FILE_BYTES = 36 * 1024 * 1024;

/** The first {@link MAX_FILE_BYTES} of a file as UTF-8 text. */
async function readHead(path: string): Promise<string> {
  const file = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < MAX_FILE_BYTES) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, MAX_FILE_BYTES - total));
      const { bytesRead } = await file.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return new TextDecoder().decode(Buffer.concat(chunks, total));
  } finally {
    await file.close();
  }
}
