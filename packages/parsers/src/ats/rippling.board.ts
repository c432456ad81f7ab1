/**
 * Rippling board client. Three API variants exist; this reads the v2 board API
 * `GET api.rippling.com/platform/api/ats/v2/board/{slug}/jobs?page=N` (`{items, totalItems?, totalPages}`,
 * with structured `locations[].workplaceType`, `employmentType`, `payRangeDetails`) and falls back to
 * v1 (`…/v1/board/{slug}/jobs`, a bare array) when v2 is missing or shaped differently.
 * @module
 */

import type { JobDraft, Location, Salary, WorkplaceType } from '@jobkit/core';
import { JobkitError } from '@jobkit/core';
import { z } from 'zod';
import { checkAborted, fetchJson } from '../boards/http.js';
import { periodOf, place, salaryOf, sections, toDraft } from '../boards/map.js';
import {
  aliased,
  bare,
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

const BASE = 'https://ats.rippling.com/';
const Description = obj({ company: text, role: text });
const V2Job = aliased(
  { name: ['title'] },
  z.looseObject({
    id,
    name: required('no title'),
    url: text,
    department: label,
    locations: list(objOr('name', { name: label, city: label, state: label, country: label, countryCode: text, workplaceType: text })),
    employmentType: label,
    payRangeDetails: list(obj({ min: num, max: num, currency: text, interval: text })),
    createdOn: when,
    companyName: text,
    // `{ role, company }` HTML sections; a plain string in some responses.
    description: z
      .unknown()
      .optional()
      .transform((v) => (typeof v === 'string' ? { role: text.parse(v), company: undefined } : Description.parse(v))),
  }),
);
const V2Page = envelope(
  'items',
  z.looseObject({
    items: rowsOf(V2Job, { check: (j) => idOrUrl([j.id], [j.url], BASE) }),
    totalItems: count,
    totalPages: count,
    page: count,
  }),
);
const V1Job = aliased(
  { name: ['title'] },
  z.looseObject({ uuid: id, id, name: required('no title'), url: text, department: label, workLocation: label }),
);
const V1List = bare(rowsOf(V1Job, { check: (j) => idOrUrl([j.uuid, j.id], [j.url], BASE) }));

const MAX_PAGES = 500;

function workplace(values: (string | null | undefined)[]): WorkplaceType | null {
  const v = values.filter(Boolean).join(' ').toLowerCase();
  if (/hybrid/.test(v)) return 'hybrid';
  if (/remote/.test(v)) return 'remote';
  if (/on.?site|office/.test(v)) return 'onsite';
  return null;
}

function pay(job: z.output<typeof V2Job>): Salary | null {
  const r = job.payRangeDetails.find((p) => p.min != null || p.max != null);
  return r ? salaryOf({ min: r.min, max: r.max, currency: r.currency, period: periodOf(r.interval) }) : null;
}

/** Rippling's hosted job page: ats.rippling.com/{slug}/jobs/{id}. */
const canonical = (ctx: BoardContext, jobId: string) => `${BASE}${seg(ctx.boardToken)}/jobs/${seg(jobId)}`;

async function listV2(ctx: BoardContext, slug: string): Promise<{ drafts: JobDraft[]; advertisedTotal: number | null; partial: boolean }> {
  const base = `https://api.rippling.com/platform/api/ats/v2/board/${slug}/jobs`;
  const drafts: JobDraft[] = [];
  const seen = new Map<string, JobDraft>();
  let advertised: number | null = null;
  let listed = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    checkAborted(ctx);
    let data: z.output<typeof V2Page>;
    try {
      data = await fetchJson(ctx, `${base}?page=${page}`, V2Page);
    } catch (error) {
      // Page 0 decides between v2 and v1; a later page that fails keeps what was read.
      if (page === 0 || JobkitError.is(error, 'ABORTED')) throw error;
      ctx.warn(`rippling: page ${page} failed (${(error as Error).message.slice(0, 160)}); the rest of the board is missing`);
      return { drafts, advertisedTotal: advertised, partial: true };
    }
    if (page === 0) advertised = data.totalItems ?? null;
    let fresh = 0;
    for (const j of keep(ctx, data.items, listed)) {
      const url = jobUrl(ctx, [j.url], () => canonical(ctx, j.id!), BASE)!;
      const key = j.id ?? url;
      const locations = j.locations
        .map((l) => place({ city: l.city, region: l.state, country: l.countryCode ?? l.country, raw: l.name }))
        .filter((l): l is Location => l !== null);
      const earlier = seen.get(key);
      if (earlier) {
        ctx.repeated(key);
        // The board lists a job once per location: the repeat adds its places to the posting.
        for (const l of locations)
          if (!earlier.locations.some((e) => e.raw === l.raw && e.city === l.city && e.country === l.country)) earlier.locations.push(l);
        continue;
      }
      fresh++;
      const draft = toDraft(ctx, {
        jobId: j.id ?? idFromUrl(ctx, url),
        url,
        title: j.name,
        company: j.companyName,
        locations,
        workplaceType: workplace(j.locations.map((l) => l.workplaceType)),
        employment: j.employmentType,
        salary: pay(j),
        descriptionHtml: sections([
          [null, j.description?.role],
          [null, j.description?.company],
        ]),
        department: j.department,
        datePosted: j.createdOn,
        applyUrl: url,
      });
      seen.set(key, draft);
      drafts.push(draft);
    }
    listed += data.items.length;
    if (page > 0 && fresh === 0 && data.items.rows.length > 0 && data.totalPages === undefined) {
      // A later page of nothing but earlier jobs: the server ignored ?page, so the rest is out of reach.
      ctx.warn('rippling: a page repeated earlier jobs (?page ignored); stopped paging');
      return { drafts, advertisedTotal: advertised, partial: true };
    }
    // Without totalPages, an empty page ends the listing.
    const last = data.totalPages !== undefined ? page + 1 >= data.totalPages : fresh === 0;
    if (last || data.items.length === 0 || drafts.length >= ctx.maxJobs) break;
  }
  return { drafts, advertisedTotal: advertised, partial: false };
}

async function listV1(ctx: BoardContext): Promise<{ drafts: JobDraft[]; advertisedTotal: number | null }> {
  const data = await fetchJson(ctx, ctx.apiUrl(), V1List);
  const drafts = keep(ctx, data)
    .slice(0, ctx.maxJobs)
    .map((j) => {
      const jobId = j.uuid ?? j.id;
      const url = jobUrl(ctx, [j.url], () => canonical(ctx, jobId!), BASE)!;
      return toDraft(ctx, {
        jobId: jobId ?? idFromUrl(ctx, url),
        url,
        title: j.name,
        locationText: j.workLocation,
        department: j.department,
        applyUrl: url,
      });
    });
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
      let v1: Awaited<ReturnType<typeof listV1>>;
      try {
        v1 = await listV1(ctx);
      } catch (v1Error) {
        // v2 answered in a shape no longer known and v1 is gone: the changed endpoint is the news.
        if (JobkitError.is(error, 'BOARD_ENDPOINT_CHANGED') && JobkitError.is(v1Error, 'BOARD_NOT_FOUND')) throw error;
        throw v1Error;
      }
      ctx.warn(`rippling: v2 board API unavailable (${error.code}); read the v1 list, which has no pay, dates or descriptions`);
      return v1;
    }
  },
  jobUrl: (ctx, jobId) => canonical(ctx, jobId),
};
