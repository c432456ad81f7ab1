/**
 * Greenhouse board client: `GET boards-api.greenhouse.io/v1/boards/{token}/jobs?content=true` (all
 * jobs in one response, `meta.total`), pay ranges from `pay_input_ranges` (cents), read from the
 * job detail with `?pay_transparency=true` when the list lacks them. No remote or employment-type
 * field exists, so those come from custom `metadata` or, failing that, heuristics.
 * @module
 */
import type { Salary } from '@jobkit/core';
import { z } from 'zod';
import { fetchJson, mapLimit } from '../boards/http.js';
import { decodeEntities, periodOf, place, salaryOf, toDraft } from '../boards/map.js';
import {
  aliased,
  any,
  count,
  envelope,
  id,
  idOrUrl,
  keep,
  label,
  list,
  num,
  obj,
  objOr,
  required,
  rowsOf,
  text,
  when,
} from '../boards/rows.js';
import type { BoardClient, BoardContext } from '../boards/types.js';
import { idFromUrl, jobUrl, seg } from '../boards/urls.js';

/** Base for relative job paths. */
const BASE = 'https://job-boards.greenhouse.io/';
const PayRange = obj({ min_cents: num, max_cents: num, currency_type: text, title: text, blurb: text });
const Job = aliased(
  { title: ['name', 'job_title'], absolute_url: ['url', 'job_url'] },
  z.looseObject({
    id,
    title: required('no title'),
    absolute_url: text,
    updated_at: when,
    first_published: when,
    company_name: text,
    // `{ name }` in the API; some captures and mirrors flatten it to a string.
    location: label,
    content: text,
    departments: list(label),
    offices: list(objOr('name', { name: text, location: label })),
    metadata: list(obj({ name: text, value: any, value_type: text })),
    pay_input_ranges: list(PayRange),
  }),
);
const ListResponse = envelope(
  'jobs',
  z.looseObject({
    jobs: rowsOf(Job, { check: (j) => idOrUrl([j.id], [j.absolute_url], BASE) }),
    meta: obj({ total: count }),
  }),
);
const DetailResponse = z.looseObject({ pay_input_ranges: list(PayRange) });
const CurrencyRange = z.looseObject({ min_value: num, max_value: num, unit: text });

type GhJob = z.output<typeof Job>;

function payFromRanges(ranges: readonly NonNullable<z.output<typeof PayRange>>[]): Salary | null {
  const first = ranges.find((r) => r.min_cents != null || r.max_cents != null);
  if (!first) return null;
  const cents = (v: number | null | undefined) => (v == null ? null : v / 100);
  return salaryOf({
    min: cents(first.min_cents),
    max: cents(first.max_cents),
    currency: first.currency_type,
    period: periodOf(first.title) ?? periodOf(first.blurb),
    raw: first.title ?? undefined,
  });
}

function metadataValue(job: GhJob, name: RegExp): unknown {
  return job.metadata.find((m) => m.name && name.test(m.name))?.value;
}

function payFromMetadata(job: GhJob): Salary | null {
  const m = job.metadata.find((x) => x.value_type === 'currency_range' || (x.name && /salary|compensation|pay/i.test(x.name)));
  const parsed = CurrencyRange.safeParse(m?.value);
  if (!parsed.success) return null;
  return salaryOf({ min: parsed.data.min_value, max: parsed.data.max_value, currency: parsed.data.unit, period: periodOf(m?.name) });
}

/** The job page Greenhouse documents for a board and id (EU boards on the EU host). */
function canonical(apiUrl: string, board: string, jobId: string): string {
  const host = new URL(apiUrl).host.replace(/^boards-api\./, 'job-boards.');
  return `https://${host}/${seg(board)}/jobs/${seg(jobId)}`;
}

export const greenhouseBoard: BoardClient = {
  platform: 'greenhouse',
  async list(ctx: BoardContext) {
    const url = ctx.apiUrl();
    const data = await fetchJson(ctx, url, ListResponse);
    const rows = keep(ctx, data.jobs);
    const jobs = rows.slice(0, ctx.maxJobs);
    const pay = new Map<string, Salary | null>();
    const needDetail = ctx.details ? jobs.filter((j) => j.id !== undefined && j.pay_input_ranges.length === 0 && !payFromMetadata(j)) : [];
    let failed = 0;
    await mapLimit(ctx, needDetail, ctx.detailConcurrency, async (job) => {
      const detailUrl = url.replace(/\/jobs\?content=true$/, `/jobs/${seg(job.id!)}?pay_transparency=true`);
      try {
        pay.set(job.id!, payFromRanges((await fetchJson(ctx, detailUrl, DetailResponse)).pay_input_ranges));
      } catch (error) {
        if ((error as { code?: string }).code === 'ABORTED') throw error;
        failed++;
      }
    });
    if (failed > 0) ctx.warn(`greenhouse: pay detail failed for ${failed} jobs; their salary may be missing`);
    const drafts = jobs.map((job) => {
      const link = jobUrl(ctx, [job.absolute_url], () => canonical(url, ctx.boardToken, job.id!), BASE)!;
      const jobId = job.id ?? idFromUrl(ctx, link);
      const offices = job.offices.map((o) => place({ raw: o.location ?? o.name })).filter((l) => l !== null);
      const employment = metadataValue(job, /employment|job type|commitment/i);
      return toDraft(ctx, {
        jobId,
        url: link,
        title: job.title,
        company: job.company_name,
        locationText: job.location,
        locations: job.location ? undefined : offices,
        employment: typeof employment === 'string' ? employment : undefined,
        salary: payFromRanges(job.pay_input_ranges) ?? payFromMetadata(job) ?? pay.get(jobId) ?? null,
        // The API escapes the HTML once (`&lt;p&gt;`), so decode before sanitizing.
        descriptionHtml: job.content ? decodeEntities(job.content) : null,
        department: job.departments.join(', '),
        datePosted: job.first_published ?? job.updated_at,
        applyUrl: link,
      });
    });
    return { drafts, advertisedTotal: data.meta?.total ?? data.jobs.length, partial: jobs.length < rows.length };
  },
  jobUrl: (ctx, jobId) => canonical(ctx.apiUrl(), ctx.boardToken, jobId),
};
