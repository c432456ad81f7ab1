/**
 * Typesense adapter against the real `typesense` client pointed at a local `node:http` server that
 * records requests and answers with the response shapes of Typesense's API documentation
 * (collections, documents/import JSONL, documents/search, delete by filter). The shared contract
 * runs against a live server when TYPESENSE_URL is set.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTypesenseSearchIndex, type TypesenseClientLike, typesenseCollectionSchema } from '@jobkit/adapters/typesense';
import { JobkitError, type JobPosting, normalizeSearchQuery, toSearchDocument } from '@jobkit/core';
import { runSearchIndexContract, searchContractJobs } from '@jobkit/core/testing';
import { Client } from 'typesense';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: string;
}
type Reply = { status: number; body: unknown };

let server: Server;
let port: number;
const requests: Recorded[] = [];
let replies: ((req: Recorded) => Reply)[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const rec: Recorded = {
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
      };
      requests.push(rec);
      const next = replies.shift();
      const reply = next ? next(rec) : { status: 500, body: { message: 'unexpected request' } };
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, { 'content-type': typeof reply.body === 'string' ? 'text/plain' : 'application/json' });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requests.length = 0;
  replies = [];
});

const client = () =>
  new Client({
    nodes: [{ host: '127.0.0.1', port, protocol: 'http' }],
    apiKey: 'test-key',
    numRetries: 0,
    connectionTimeoutSeconds: 5,
    logLevel: 'silent',
  }) as unknown as TypesenseClientLike;

const jsonl = (lines: unknown[]) => lines.map((l) => JSON.stringify(l)).join('\n');

describe('createTypesenseSearchIndex: requests and response mapping', () => {
  it('migrate() creates the collection when retrieve answers 404, and not when it exists', async () => {
    const index = createTypesenseSearchIndex({ client: client(), collection: 'jobs_t1' });
    replies.push(
      () => ({ status: 404, body: { message: 'Not Found' } }),
      () => ({ status: 201, body: { ...typesenseCollectionSchema('jobs_t1'), num_documents: 0 } }),
    );
    await index.migrate();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /collections/jobs_t1', 'POST /collections']);
    expect(requests[0]?.headers['x-typesense-api-key']).toBe('test-key');
    const schema = JSON.parse(requests[1]?.body ?? '{}') as Record<string, unknown>;
    expect(schema).toEqual(typesenseCollectionSchema('jobs_t1'));
    expect(schema.default_sorting_field).toBe('posted_at');

    requests.length = 0;
    replies.push(() => ({ status: 200, body: { name: 'jobs_t1', num_documents: 3 } }));
    await index.migrate();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /collections/jobs_t1']);

    replies.push(() => ({ status: 401, body: { message: 'Forbidden - a valid `x-typesense-api-key` header must be sent.' } }));
    await expect(index.migrate()).rejects.toSatisfy((e) => JobkitError.is(e, 'SEARCH_FAILED') && !e.retryable);
  });

  it('imports JSONL with action=upsert in batches, reads every line, and retries only transient failures', async () => {
    const { kube, python, nurse } = searchContractJobs();
    const invalid = { ...python, id: 'jk_000000000000000000000bad', title: '' } as JobPosting;
    const index = createTypesenseSearchIndex({ client: client(), batchSize: 2, retryDelayMs: 1 });
    replies.push(
      // 200 although a document failed: Typesense reports per line.
      (r) => {
        const docs = r.body.split('\n');
        return {
          status: 200,
          body: jsonl([{ success: true }, { success: false, code: 503, error: 'Not Ready or Lagging', document: docs[1] }]),
        };
      },
      () => ({ status: 200, body: jsonl([{ success: true }]) }),
      (r) => ({
        status: 200,
        body: jsonl([{ success: false, code: 400, error: 'Field `title` must be a string.', document: r.body }]),
      }),
    );
    const results = await index.upsert([kube, python, invalid, nurse]);
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      [kube.id, true],
      [python.id, true],
      [invalid.id, false],
      [nurse.id, false],
    ]);
    expect(results[2]?.error).toMatch(/invalid job posting: title/);
    expect(results[3]?.error).toBe('[adapters/typesense] Field `title` must be a string. (code 400)');

    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /collections/jobs/documents/import',
      'POST /collections/jobs/documents/import',
      'POST /collections/jobs/documents/import',
    ]);
    for (const r of requests) {
      expect(r.query.action).toBe('upsert');
      expect(r.headers['content-type']).toMatch(/^text\/plain/);
    }
    const bodies = requests.map((r) => r.body.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>));
    expect(bodies.map((b) => b.map((d) => d.id))).toEqual([[kube.id, python.id], [python.id], [nurse.id]]);
    const { job, ...doc } = bodies[0]![0] as Record<string, unknown>;
    expect(doc).toEqual(JSON.parse(JSON.stringify(toSearchDocument(kube))));
    expect(JSON.parse(job as string)).toEqual(kube);
  });

  it('retries a whole import answered 503, and fails permanently on 404', async () => {
    const { kube } = searchContractJobs();
    const index = createTypesenseSearchIndex({ client: client(), retryDelayMs: 1, maxRetries: 1 });
    replies.push(
      () => ({ status: 503, body: { message: 'Not Ready or Lagging' } }),
      () => ({ status: 200, body: jsonl([{ success: true }]) }),
    );
    expect(await index.upsert([kube])).toEqual([{ id: kube.id, ok: true }]);
    expect(requests.length).toBe(2);

    replies.push(() => ({ status: 404, body: { message: 'Not found.' } }));
    await expect(index.upsert([kube])).rejects.toSatisfy(
      (e) => JobkitError.is(e, 'SEARCH_FAILED') && !e.retryable && /HTTP 404/.test(e.message),
    );
  });

  it('reads per-document results from an ImportError thrown by older clients', async () => {
    const { kube, python } = searchContractJobs();
    const importError = Object.assign(new Error('1 documents imported successfully, 1 documents failed'), {
      importResults: [{ success: true }, { success: false, code: 409, error: 'A document with id already exists.' }],
    });
    const fake: TypesenseClientLike = {
      collections: ((name?: string) => ({
        create: async () => ({}),
        retrieve: async () => ({ name }),
        documents: () => ({
          import: async () => {
            throw importError;
          },
          search: async () => ({}),
          delete: async () => ({}),
        }),
      })) as TypesenseClientLike['collections'],
    };
    const results = await createTypesenseSearchIndex({ client: fake }).upsert([kube, python]);
    expect(results).toEqual([
      { id: kube.id, ok: true },
      { id: python.id, ok: false, error: '[adapters/typesense] A document with id already exists. (code 409)' },
    ]);
  });

  it('sends filters as backtick-quoted data with typo, prefix, facet, sort and paging parameters', async () => {
    const { kube } = searchContractJobs();
    const index = createTypesenseSearchIndex({ client: client(), collection: 'jobs_s' });
    const stored = { ...toSearchDocument(kube), job: JSON.stringify(kube) };
    replies.push(() => ({
      status: 200,
      body: {
        facet_counts: [
          {
            counts: [{ count: 2, highlighted: 'hybrid', value: 'hybrid' }],
            field_name: 'workplace_type',
            sampled: false,
            stats: { total_values: 1 },
          },
          {
            counts: [
              { count: 5, highlighted: 'full_time', value: 'full_time' },
              { count: 1, highlighted: 'contract', value: 'contract' },
            ],
            field_name: 'employment_types',
            sampled: false,
            stats: { total_values: 2 },
          },
        ],
        found: 7,
        hits: [
          {
            document: stored,
            highlight: { title: { matched_tokens: ['Kubernetes'], snippet: 'Senior <mark>Kubernetes</mark> Engineer' } },
            highlights: [{ field: 'title', matched_tokens: ['Kubernetes'], snippet: 'Senior <mark>Kubernetes</mark> Engineer' }],
            text_match: 578730123365187700,
            text_match_info: {
              best_field_score: '1108091338752',
              best_field_weight: 15,
              fields_matched: 1,
              score: '578730123365187700',
              tokens_matched: 1,
            },
          },
        ],
        out_of: 8,
        page: 2,
        request_params: { collection_name: 'jobs_s', per_page: 5, q: 'kubernets engi' },
        search_cutoff: false,
        search_time_ms: 3,
      },
    }));
    replies.push(() => ({
      status: 200,
      body: {
        results: [
          {
            facet_counts: [
              {
                counts: [
                  { count: 5, highlighted: 'full_time', value: 'full_time' },
                  { count: 1, highlighted: 'contract', value: 'contract' },
                ],
                field_name: 'employment_types',
                sampled: false,
                stats: { total_values: 2 },
              },
            ],
            found: 9,
            hits: [],
            out_of: 8,
            page: 1,
            request_params: { collection_name: 'jobs_s', per_page: 0, q: 'kubernets engi' },
            search_time_ms: 1,
          },
        ],
      },
    }));
    const result = await index.search({
      q: 'kubernets engi',
      filters: {
        company: 'a && b:=c',
        country: ['de', 'NL'],
        employmentType: 'full_time',
        salaryMin: 50000,
        salaryMax: 90000,
        postedAfter: '2025-03-01',
      },
      facets: ['workplaceType', 'employmentType'],
      sort: 'salary',
      page: 2,
      perPage: 5,
    });
    // The main search, then one facet search for the filtered employment-type facet (disjunctive).
    expect(requests.length).toBe(2);
    const r = requests[0] as Recorded;
    expect(`${r.method} ${r.path}`).toBe('GET /collections/jobs_s/documents/search');
    expect(r.query).toEqual({
      q: 'kubernets engi',
      query_by: 'title,company,locations,department,keywords,description',
      query_by_weights: '15,8,5,5,3,2',
      num_typos: '2',
      min_len_1typo: '4',
      min_len_2typo: '8',
      prefix: 'true',
      typo_tokens_threshold: '1',
      drop_tokens_threshold: '0',
      prioritize_exact_match: 'true',
      sort_by: 'salary_max(missing_values: last):desc,_text_match:desc',
      page: '2',
      per_page: '5',
      highlight_fields: 'title,company,description',
      filter_by:
        'company:=[`a && b:=c`] && countries:=[`DE`,`NL`] && employment_types:=[`full_time`] && ' +
        `salary_max:>=50000 && salary_min:<=90000 && posted_at:>=${Date.parse('2025-03-01')}`,
      facet_by: 'workplace_type',
      max_facet_values: '10',
    });
    const facetSearch = JSON.parse((requests[1] as Recorded).body) as { searches: Record<string, unknown>[] };
    expect(`${requests[1]?.method} ${requests[1]?.path}`).toBe('POST /multi_search');
    expect(facetSearch.searches).toEqual([
      expect.objectContaining({
        collection: 'jobs_s',
        q: 'kubernets engi',
        facet_by: 'employment_types',
        per_page: 0,
        filter_by:
          'company:=[`a && b:=c`] && countries:=[`DE`,`NL`] && ' +
          `salary_max:>=50000 && salary_min:<=90000 && posted_at:>=${Date.parse('2025-03-01')}`,
      }),
    ]);
    expect(result.found).toBe(7);
    expect(result.tookMs).toBe(3);
    expect(result.hits).toEqual([
      {
        job: kube,
        score: 578730123365187700,
        highlights: [{ field: 'title', snippet: 'Senior <mark>Kubernetes</mark> Engineer', matchedTokens: ['Kubernetes'] }],
      },
    ]);
    expect(result.facets).toEqual({
      workplaceType: [{ value: 'hybrid', count: 2 }],
      employmentType: [
        { value: 'full_time', count: 5 },
        { value: 'contract', count: 1 },
      ],
    });
  });

  it('sends folded words without stop-words, drops words from the end by re-asking, and reports them', async () => {
    const { kube } = searchContractJobs();
    const index = createTypesenseSearchIndex({ client: client(), collection: 'jobs_d' });
    const empty = { facet_counts: [], found: 0, hits: [], out_of: 8, page: 1, request_params: {}, search_time_ms: 1 };
    const one = { ...empty, found: 1, hits: [{ document: { ...toSearchDocument(kube), job: JSON.stringify(kube) }, text_match: 1 }] };
    replies.push(
      () => ({ status: 200, body: empty }),
      () => ({ status: 200, body: empty }),
      () => ({ status: 200, body: one }),
    );
    const r = await index.search({ q: 'Kubernetes Ingénieur in Zürich', perPage: 3 });
    expect(requests.map((x) => x.query.q)).toEqual(['kubernetes ingenieur zurich', 'kubernetes ingenieur', 'kubernetes']);
    expect(requests.every((x) => x.query.drop_tokens_threshold === '0')).toBe(true);
    expect(r.droppedTokens).toEqual(['ingenieur', 'zurich']);
    expect(r.hits.map((h) => h.job.id)).toEqual([kube.id]);

    requests.length = 0;
    replies.push(() => ({ status: 200, body: empty }));
    const strict = await index.search({ q: 'c++ go', dropTokens: false });
    expect(requests.map((x) => [x.query.q, x.query.prefix])).toEqual([['c++ go', 'false']]);
    expect(strict.droppedTokens).toEqual([]);

    requests.length = 0;
    replies.push(
      () => ({ status: 200, body: empty }),
      () => ({ status: 200, body: empty }),
    );
    const none = await index.search({ q: 'xylograph quokka' });
    expect(requests.length).toBe(2);
    expect(none).toMatchObject({ found: 0, droppedTokens: [] });
  });

  it('declares tech-token symbols and the searched fields in the collection schema', () => {
    const schema = typesenseCollectionSchema('jobs');
    expect(schema.symbols_to_index).toEqual(['+', '#']);
    expect(schema.token_separators).toEqual(['/', '.']);
    expect(schema.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['department', 'keywords']));
  });

  it('browses with q=* and maps an empty answer', async () => {
    const index = createTypesenseSearchIndex({ client: client() });
    replies.push(() => ({
      status: 200,
      body: { facet_counts: [], found: 0, hits: [], out_of: 0, page: 1, request_params: {}, search_time_ms: 0 },
    }));
    const res = await index.search({ q: '  ', sort: 'datePosted', facets: ['atsPlatform'] });
    expect(requests[0]?.query.q).toBe('*');
    expect(requests[0]?.query.sort_by).toBe('posted_at:desc,_text_match:desc');
    expect(requests[0]?.query.facet_by).toBe('ats_platform');
    expect(res).toEqual({ hits: [], found: 0, facets: { atsPlatform: [] }, tookMs: 0 });
  });

  it('refuses values it cannot quote and malformed queries, without sending a request', async () => {
    const index = createTypesenseSearchIndex({ client: client() });
    await expect(index.search({ q: 'x', filters: { company: 'evil` || id:*' } })).rejects.toSatisfy((e) =>
      JobkitError.is(e, 'INVALID_ARGUMENT'),
    );
    await expect(index.search({ q: 'x', perPage: 0 })).rejects.toSatisfy((e) => JobkitError.is(e, 'INVALID_ARGUMENT'));
    expect(requests).toEqual([]);
    expect(() => normalizeSearchQuery({ q: 'x', filters: { country: 'DEU' } })).toThrow(/country/);
  });

  it('rejects a search response that does not match the documented shape', async () => {
    const index = createTypesenseSearchIndex({ client: client() });
    replies.push(() => ({ status: 200, body: { hits: 'nope' } }));
    await expect(index.search({ q: 'x' })).rejects.toSatisfy((e) => JobkitError.is(e, 'SEARCH_FAILED'));
  });

  it('deletes by an id filter and skips ids that cannot exist', async () => {
    const { kube, python } = searchContractJobs();
    const index = createTypesenseSearchIndex({ client: client() });
    replies.push(() => ({ status: 200, body: { num_deleted: 2 } }));
    await index.delete([kube.id, python.id, 'not-an-id`]', kube.id]);
    await index.delete([]);
    expect(requests.map((r) => [r.method, r.path, r.query])).toEqual([
      ['DELETE', '/collections/jobs/documents', { filter_by: `id:[\`${kube.id}\`,\`${python.id}\`]` }],
    ]);
  });
});

const url = process.env.TYPESENSE_URL;
runSearchIndexContract({
  name: 'typesense (live server)',
  skipAll: url ? undefined : 'TYPESENSE_URL not set',
  create: ({ namespace }) =>
    createTypesenseSearchIndex({ url: url as string, apiKey: process.env.TYPESENSE_API_KEY ?? 'xyz', collection: namespace }),
});
