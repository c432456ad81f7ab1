/**
 * Rippling board client. Three API variants exist; this reads the v2 board API
 * `GET api.rippling.com/platform/api/ats/v2/board/{slug}/jobs?page=N` (`{items, totalItems?, totalPages}`,
 * with structured `locations[].workplaceType`, `employmentType`, `payRangeDetails`) and falls back to
 * v1 (`…/v1/board/{slug}/jobs`, a bare array) when v2 is missing or shaped differently.
 * @module
 */
import { JobkitError } from '@jobkit/core';
import type { JobDraft, Location, Salary, WorkplaceType } from '@jobkit/core';
import { z } from 'zod';
import { checkAborted, fetchJson } from '../boards/http.js';
import { periodOf, place, salaryOf, sections, toDraft } from '../boards/map.js';
import type { BoardClient, BoardContext } from '../boards/types.js';

const Named = z.looseObject({ label: z.string().nullish(), name: z.string().nullish(), id: z.string().nullish() }).nullish();
const V2Job = z.looseObject({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  department: Named,
  locations: z
    .array(
      z.looseObject({
        name: z.string().nullish(),
        city: z.string().nullish(),
        state: z.string().nullish(),
        country: z.string().nullish(),
        countryCode: z.string().nullish(),
        workplaceType: z.string().nullish(),
      }),
    )
    .nullish(),
  employmentType: Named,
  payRangeDetails: z.array(z.looseObject({ min: z.number().nullish(), max: z.number().nullish(), currency: z.string().nullish(), interval: z.string().nullish() })).nullish(),
  createdOn: z.string().nullish(),
  companyName: z.string().nullish(),
  description: z.looseObject({ company: z.string().nullish(), role: z.string().nullish() }).nullish(),
});
const V2Page = z.looseObject({ items: z.array(V2Job), totalItems: z.number().nullish(), totalPages: z.number().int().nonnegative(), page: z.number().nullish() });
const V1Job = z.looseObject({ uuid: z.string(), name: z.string(), url: z.string(), department: Named, workLocation: Named });
const V1List = z.array(V1Job);

const MAX_PAGES = 500;

function workplace(values: (string | null | undefined)[]): WorkplaceType | null {
  const v = values.filter(Boolean).join(' ').toLowerCase();
  if (/hybrid/.test(v)) return 'hybrid';
  if (/remote/.test(v)) return 'remote';
  if (/on.?site|office/.test(v)) return 'onsite';
  return null;
}

function pay(job: z.output<typeof V2Job>): Salary | null {
  const r = job.payRangeDetails?.find((p) => p.min != null || p.max != null);
  return r ? salaryOf({ min: r.min, max: r.max, currency: r.currency, period: periodOf(r.interval) }) : null;
}

async function listV2(ctx: BoardContext, slug: string): Promise<{ drafts: JobDraft[]; advertisedTotal: number | null }> {
  const base = `https://api.rippling.com/platform/api/ats/v2/board/${slug}/jobs`;
  const drafts: JobDraft[] = [];
  let advertised: number | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    checkAborted(ctx);
    const data = await fetchJson(ctx, `${base}?page=${page}`, V2Page);
    if (page === 0) advertised = data.totalItems ?? null;
    for (const j of data.items) {
      const locations = (j.locations ?? []).map((l) => place({ city: l.city, region: l.state, country: l.countryCode ?? l.country, raw: l.name })).filter((l): l is Location => l !== null);
      drafts.push(
        toDraft(ctx, {
          jobId: j.id,
          url: j.url,
          title: j.name,
          company: j.companyName,
          locations,
          workplaceType: workplace((j.locations ?? []).map((l) => l.workplaceType)),
          employment: j.employmentType?.label ?? j.employmentType?.name ?? j.employmentType?.id,
          salary: pay(j),
          descriptionHtml: sections([
            [null, j.description?.role],
            [null, j.description?.company],
          ]),
          department: j.department?.name ?? j.department?.label,
          datePosted: j.createdOn,
          applyUrl: j.url,
        }),
      );
    }
    if (page + 1 >= data.totalPages || data.items.length === 0 || drafts.length >= ctx.maxJobs) break;
  }
  return { drafts, advertisedTotal: advertised };
}

async function listV1(ctx: BoardContext): Promise<{ drafts: JobDraft[]; advertisedTotal: number | null }> {
  const data = await fetchJson(ctx, ctx.apiUrl(), V1List);
  const drafts = data.slice(0, ctx.maxJobs).map((j) =>
    toDraft(ctx, {
      jobId: j.uuid,
      url: j.url,
      title: j.name,
      locationText: j.workLocation?.label ?? j.workLocation?.name,
      department: j.department?.label ?? j.department?.name,
      applyUrl: j.url,
    }),
  );
  return { drafts, advertisedTotal: data.length };
}

export const ripplingBoard: BoardClient = {
  platform: 'rippling',
  async list(ctx: BoardContext) {
    const slug = encodeURIComponent(ctx.boardToken);
    try {
      return await listV2(ctx, slug);
    } catch (error) {
      if (!JobkitError.is(error, 'BOARD_NOT_FOUND') && !JobkitError.is(error, 'BOARD_ENDPOINT_CHANGED')) throw error;
      const v1 = await listV1(ctx);
      ctx.warn(`rippling: v2 board API unavailable (${error.code}); read the v1 list, which has no pay, dates or descriptions`);
      return v1;
    }
  },
};
