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
import type { BoardClient, BoardContext } from '../boards/types.js';

const PayRange = z.looseObject({
  min_cents: z.number().nullish(),
  max_cents: z.number().nullish(),
  currency_type: z.string().nullish(),
  title: z.string().nullish(),
  blurb: z.string().nullish(),
});
const Job = z.looseObject({
  id: z.union([z.number(), z.string()]),
  title: z.string(),
  absolute_url: z.string(),
  updated_at: z.string().nullish(),
  first_published: z.string().nullish(),
  company_name: z.string().nullish(),
  location: z.looseObject({ name: z.string().nullish() }).nullish(),
  content: z.string().nullish(),
  departments: z.array(z.looseObject({ name: z.string().nullish() })).nullish(),
  offices: z.array(z.looseObject({ name: z.string().nullish(), location: z.string().nullish() })).nullish(),
  metadata: z.array(z.looseObject({ name: z.string().nullish(), value: z.unknown(), value_type: z.string().nullish() })).nullish(),
  pay_input_ranges: z.array(PayRange).nullish(),
});
const ListResponse = z.looseObject({ jobs: z.array(Job), meta: z.looseObject({ total: z.number().nullish() }).nullish() });
const DetailResponse = z.looseObject({ pay_input_ranges: z.array(PayRange).nullish() });
const CurrencyRange = z.looseObject({ min_value: z.union([z.string(), z.number()]).nullish(), max_value: z.union([z.string(), z.number()]).nullish(), unit: z.string().nullish() });

type GhJob = z.output<typeof Job>;

function payFromRanges(ranges: z.output<typeof PayRange>[] | null | undefined): Salary | null {
  const first = ranges?.find((r) => r.min_cents != null || r.max_cents != null);
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
  return job.metadata?.find((m) => m.name && name.test(m.name))?.value;
}

function payFromMetadata(job: GhJob): Salary | null {
  const m = job.metadata?.find((x) => x.value_type === 'currency_range' || (x.name && /salary|compensation|pay/i.test(x.name)));
  const parsed = CurrencyRange.safeParse(m?.value);
  if (!parsed.success) return null;
  return salaryOf({ min: parsed.data.min_value, max: parsed.data.max_value, currency: parsed.data.unit, period: periodOf(m?.name) });
}

export const greenhouseBoard: BoardClient = {
  platform: 'greenhouse',
  async list(ctx: BoardContext) {
    const url = ctx.apiUrl();
    const data = await fetchJson(ctx, url, ListResponse);
    const jobs = data.jobs.slice(0, ctx.maxJobs);
    const pay = new Map<string, Salary | null>();
    const needDetail = ctx.details ? jobs.filter((j) => !j.pay_input_ranges && !payFromMetadata(j)) : [];
    let failed = 0;
    await mapLimit(ctx, needDetail, ctx.detailConcurrency, async (job) => {
      const detailUrl = url.replace(/\/jobs\?content=true$/, `/jobs/${encodeURIComponent(String(job.id))}?pay_transparency=true`);
      try {
        pay.set(String(job.id), payFromRanges((await fetchJson(ctx, detailUrl, DetailResponse)).pay_input_ranges));
      } catch (error) {
        if ((error as { code?: string }).code === 'ABORTED') throw error;
        failed++;
      }
    });
    if (failed > 0) ctx.warn(`greenhouse: pay detail failed for ${failed} jobs; their salary may be missing`);
    const drafts = jobs.map((job) => {
      const id = String(job.id);
      const offices = (job.offices ?? []).map((o) => place({ raw: o.location ?? o.name })).filter((l) => l !== null);
      const employment = metadataValue(job, /employment|job type|commitment/i);
      return toDraft(ctx, {
        jobId: id,
        url: job.absolute_url,
        title: job.title,
        company: job.company_name,
        locationText: job.location?.name,
        locations: job.location?.name ? undefined : offices,
        employment: typeof employment === 'string' ? employment : undefined,
        salary: payFromRanges(job.pay_input_ranges) ?? payFromMetadata(job) ?? pay.get(id) ?? null,
        // The API escapes the HTML once (`&lt;p&gt;`), so decode before sanitizing.
        descriptionHtml: job.content ? decodeEntities(job.content) : null,
        department: job.departments?.map((d) => d.name).filter(Boolean).join(', '),
        datePosted: job.first_published ?? job.updated_at,
        applyUrl: job.absolute_url,
      });
    });
    return { drafts, advertisedTotal: data.meta?.total ?? data.jobs.length, partial: jobs.length < data.jobs.length };
  },
};
