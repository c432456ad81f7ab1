/**
 * `jobkit search <query>`: full-text search over the store's active postings. The embedded index
 * lives in memory only, so it is built from the store on each run (see `bench/search.ts` for
 * its build cost at 100k postings).
 * @module
 */
import type { JobStore, SearchFilters, SearchIndex } from '@jobkit/core';
import { type Command, intOption, listOption, schemaOption, stringOption, writeJson, writeLine } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { formatHit } from '../format.js';

const PAGE = 1000;

/** Index every active posting of the store; returns how many were indexed. */
async function buildIndex(store: JobStore, index: SearchIndex): Promise<number> {
  await index.migrate();
  let after: string | null = null;
  let count = 0;
  do {
    const page = await store.listJobs({ limit: PAGE, after });
    const results = await index.upsert(page.items.map((s) => s.job));
    count += results.filter((r) => r.ok).length;
    after = page.next;
  } while (after);
  return count;
}

export const searchCommand: Command = {
  name: 'search',
  summary: 'Search the postings in the store',
  help: `Usage: jobkit search <query> [--store <dir|postgres url>] [--company <name>] [--country <CC>]
                     [--remote] [--limit N] [--json]

Full-text search (typo tolerant) over the active postings in the store. Use "*" to
list everything that passes the filters.

Options:
  --store <dir|url>   PGlite directory or postgres:// URL.
                      @default JOBKIT_STORE, else ./.jobkit/pg
  --schema <name>     Schema of the Jobkit tables. @default JOBKIT_SCHEMA, else jobkit
  --company <name>    Exact company name; repeat for any of several.
  --country <CC>      ISO 3166-1 alpha-2 country of a location (e.g. DE); repeatable.
  --remote            Remote postings only.
  --limit <n>         Hits to show (1-250). @default 10
  --json              Print { query, found, indexed, hits: [{ score, job }] } as JSON.

Exit codes: 0 ok (also with no hits), 1 store missing or unreachable, 2 usage error.

Examples:
  jobkit search "backend engineer" --country DE --remote
  jobkit search "*" --company "Acme Robotics" --json`,
  options: {
    store: { type: 'string' },
    schema: { type: 'string' },
    company: { type: 'string', multiple: true },
    country: { type: 'string', multiple: true },
    remote: { type: 'boolean' },
    limit: { type: 'string' },
  },
  async run({ positionals, values, io, json }) {
    if (positionals.length === 0) throw new UsageError('search needs a query (use "*" to list everything)', 'search');
    const q = positionals.join(' ');
    const limit = intOption(values, 'limit', 'search', { min: 1, max: 250 }) ?? 10;
    const countries = listOption(values, 'country').map((c) => c.toUpperCase());
    for (const c of countries)
      if (!/^[A-Z]{2}$/.test(c))
        throw new UsageError(`--country ${JSON.stringify(c)} must be a two-letter ISO code such as DE or US`, 'search');
    const companies = listOption(values, 'company');
    const schema = schemaOption(values, io.env, 'search');
    const filters: SearchFilters = {
      ...(companies.length > 0 ? { company: companies } : {}),
      ...(countries.length > 0 ? { country: countries } : {}),
      ...(values.remote === true ? { workplaceType: 'remote' as const } : {}),
    };
    const [{ createEmbeddedSearchIndex }, { openStore, resolveStoreSpec }] = await Promise.all([
      import('@jobkit/adapters/embedded-search'),
      import('../store.js'),
    ]);
    const spec = resolveStoreSpec(stringOption(values, 'store'), io.env);
    const opened = await openStore(spec, { mustExist: true, ...(schema ? { schema } : {}) });
    const index = createEmbeddedSearchIndex({ highlights: false });
    try {
      const started = Date.now();
      const indexed = await buildIndex(opened.store, index);
      const buildMs = Date.now() - started;
      const result = await index.search({ q, filters, perPage: limit });
      if (json) {
        writeJson(io.stdout, {
          query: q,
          filters,
          found: result.found,
          indexed,
          hits: result.hits.map((h) => ({ score: h.score ?? null, job: h.job })),
        });
        return EXIT.OK;
      }
      const out: string[] = [];
      if (indexed === 0) {
        out.push(`The store at ${opened.label} holds no active postings yet; crawl some first: jobkit crawl <platform:token|url>`);
      } else {
        out.push(`${result.found} of ${indexed} posting(s) match ${JSON.stringify(q)} (index built in ${buildMs} ms)`);
        result.hits.forEach((h, i) => {
          out.push('', formatHit(i + 1, h.job));
        });
        if (result.found > result.hits.length)
          out.push('', `Showing ${result.hits.length}; raise --limit (up to 250) or narrow the query for more.`);
      }
      writeLine(io.stdout, out.join('\n'));
      return EXIT.OK;
    } finally {
      await index.close().catch(() => undefined);
      await opened.close().catch(() => undefined);
    }
  },
};
