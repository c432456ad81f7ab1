/**
 * Workday board client: `POST {host}/wday/cxs/{tenant}/{site}/jobs` with
 * `{appliedFacets, limit: 20, offset, searchText: ""}` (Workday returns 0 rows for `limit` > 20).
 * Some tenants clamp `total` and paging at 2,000; then the board is split by a facet whose values
 * each stay under the clamp (`appliedFacets`), or, when no facet fits, read up to the clamp and
 * reported `partial`. Descriptions, dates and time type come from the per-job detail
 * (`GET {host}/wday/cxs/{tenant}/{site}{externalPath}`).
 * @module
 */

import type { JobDraft, WorkplaceType } from '@jobkit/core';
import { JobkitError } from '@jobkit/core';
import { z } from 'zod';
import { checkAborted, fetchJson, laterPage, mapLimit, where } from '../boards/http.js';
import { toDraft } from '../boards/map.js';
import { count, envelope, id, idOrUrl, keep, label, list, obj, required, rowsOf, text, when } from '../boards/rows.js';
import type { BoardClient, BoardContext } from '../boards/types.js';
import { jobUrl } from '../boards/urls.js';

const PAGE = 20;
/** Where some tenants stop counting and paging. */
const WORKDAY_CLAMP = 2000;

const FacetValue = obj({ id: id, descriptor: label, count });
const Facet = obj({ facetParameter: text, descriptor: label, values: list(FacetValue) });
/** A requisition id as Workday tenants write them (`R12345`, `JR-0042`, `2024-1234`). */
const REQ_ID = /^[A-Z]{0,5}[-_]?\d{3,}(?:[-_.]\d+)?$/i;

/**
 * A row without `externalPath` (mirrors and hand-written mocks): the path of its own job URL
 * (`externalUrl`, `url`), else one built from its requisition id (`jobReqId`, or the id among its
 * `bulletFields`) as Workday's `/details/{title}_{reqId}` page.
 */
function withPath(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const row = v as Record<string, unknown>;
  if (text.parse(row.externalPath) !== undefined) return v;
  for (const key of ['externalUrl', 'url', 'jobUrl']) {
    const href = text.parse(row[key]);
    if (href === undefined) continue;
    try {
      const path = new URL(href).pathname;
      const at = Math.max(path.indexOf('/job/'), path.indexOf('/details/'));
      if (at !== -1) return { ...row, externalPath: path.slice(at) };
    } catch {
      // not an absolute URL
    }
  }
  const bullets = Array.isArray(row.bulletFields) ? row.bulletFields.map((b) => text.parse(b)) : [];
  const reqId = [id.parse(row.jobReqId), id.parse(row.reqId), ...bullets].find((b) => b !== undefined && b.length <= 40 && REQ_ID.test(b));
  const title = label.parse(row.title);
  if (reqId === undefined || title === undefined) return v;
  const slug = title
    .slice(0, 120)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return { ...row, externalPath: `/details/${encodeURIComponent(slug || 'job')}_${encodeURIComponent(reqId)}` };
}

const Posting = z.preprocess(
  withPath,
  z.looseObject({
    title: required('no title'),
    // The job's path under the site (`/job/{location}/{title}_{reqId}`): its id and its URL.
    externalPath: z
      .unknown()
      .optional()
      .transform((v) => {
        const t = text.parse(v);
        return t === undefined ? undefined : t.startsWith('/') ? t : `/${t}`;
      }),
    locationsText: label,
    postedOn: when,
    bulletFields: list(text),
  }),
);
const ListResponse = envelope(
  'jobPostings',
  z.looseObject({
    total: count,
    jobPostings: rowsOf(Posting, { what: 'jobPostings', check: (p) => idOrUrl([p.externalPath]) }),
    facets: list(Facet),
  }),
);
const DetailResponse = z.looseObject({
  jobPostingInfo: z.looseObject({
    title: text,
    jobDescription: text,
    location: label,
    additionalLocations: list(label),
    timeType: label,
    startDate: when,
    postedOn: when,
    endDate: when,
    externalUrl: text,
    jobReqId: id,
    remoteType: label,
    country: label,
  }),
});

type Posting = z.output<typeof Posting> & { externalPath: string };
type Facet = NonNullable<z.output<typeof Facet>>;
type Applied = Record<string, string[]>;

interface Slice {
  postings: Posting[];
  /** Rows listed, readable or not. */
  listed: number;
  total: number;
  facets: Facet[];
}

export const workdayBoard: BoardClient = {
  platform: 'workday',
  async list(ctx: BoardContext) {
    if (!ctx.host) {
      throw new JobkitError(
        'INVALID_ARGUMENT',
        `${where(ctx)} needs the board host (e.g. acme.wd5.myworkdayjobs.com): pass host or a board URL`,
      );
    }
    const [tenant, site] = ctx.boardToken.split('/');
    if (!tenant || !site)
      throw new JobkitError('INVALID_ARGUMENT', `${where(ctx)} board token must be "{tenant}/{site}", got "${ctx.boardToken}"`);
    const host = ctx.host;
    const listUrl = ctx.apiUrl();

    /** Set when a tenant repeated its first page for a later offset: the rest could not be read. */
    let offsetIgnored = false;
    const page = (applied: Applied, offset: number) =>
      fetchJson(ctx, listUrl, ListResponse, {
        method: 'POST',
        body: { appliedFacets: applied, limit: PAGE, offset, searchText: '' },
        headers: { 'accept-language': 'en-US' },
      });

    // A later page failed: the jobs read so far are kept and the listing is partial.
    let cut = false;
    const readSlice = async (applied: Applied, first?: z.output<typeof ListResponse>): Promise<Slice> => {
      const head = first ?? (await page(applied, 0));
      // Only the first page carries a reliable total; later pages may say 0. Without one, page
      // until a short page.
      const stated = head.total;
      const postings = [...(keep(ctx, head.jobPostings) as Posting[])];
      const firstPaths = new Set(postings.map((p) => p.externalPath));
      let listed = head.jobPostings.length;
      let last = head.jobPostings.length;
      const stop = Math.min(stated ?? WORKDAY_CLAMP, WORKDAY_CLAMP);
      for (let offset = PAGE; offset < stop && postings.length < ctx.maxJobs && (stated !== undefined || last >= PAGE); offset += PAGE) {
        checkAborted(ctx);
        const next = await laterPage(ctx, `${listUrl} (offset ${offset})`, () => page(applied, offset));
        if (next === undefined) {
          cut = true;
          break;
        }
        last = next.jobPostings.length;
        if (last === 0) break;
        listed += last;
        const rows = keep(ctx, next.jobPostings, offset) as Posting[];
        postings.push(...rows);
        // A tenant (or proxy) that ignores offset repeats its first page: stop instead of looping to the total.
        if (rows.length > 0 && rows.every((r) => firstPaths.has(r.externalPath))) {
          ctx.warn('workday: a page repeated earlier postings (offset ignored); stopped paging');
          offsetIgnored = true;
          break;
        }
      }
      return { postings, listed, total: stated ?? listed, facets: head.facets };
    };

    const head = await page({}, 0);
    const reported = head.total ?? 0;
    let postings: Posting[];
    let partial = false;
    let advertisedTotal: number | null = head.total ?? null;
    if (reported < WORKDAY_CLAMP) {
      postings = (await readSlice({}, head)).postings;
    } else {
      const split = pickFacet(head.facets, reported);
      if (split) {
        ctx.warn(
          `workday: total reported as ${reported} (clamp at ${WORKDAY_CLAMP}); split by facet "${split.param}" into ${split.values.length} slices`,
        );
        postings = [];
        let sum = 0;
        for (const value of split.values) {
          if (postings.length >= ctx.maxJobs) break;
          const slice = await readSlice({ [split.param]: [value.id] });
          sum += slice.total;
          if (slice.total >= WORKDAY_CLAMP) {
            partial = true;
            ctx.warn(
              `workday: facet ${split.param}=${value.descriptor ?? value.id} alone reaches the ${WORKDAY_CLAMP} clamp; its jobs past it are missing`,
            );
          } else if (slice.listed < slice.total && postings.length + slice.postings.length < ctx.maxJobs) {
            partial = true;
            ctx.warn(`workday: facet ${split.param}=${value.descriptor ?? value.id} read ${slice.listed} of ${slice.total}`);
          }
          postings.push(...slice.postings);
        }
        // The slices' totals are the real size; overlapping values (multi-location jobs) are deduplicated below.
        advertisedTotal = null;
        if (!partial) ctx.warn(`workday: facet slices advertise ${sum} postings in total (a job can sit in several)`);
      } else {
        postings = (await readSlice({}, head)).postings;
        partial = true;
        ctx.warn(
          `workday: total reported as ${reported}, the ${WORKDAY_CLAMP} clamp, and no facet splits the board under it; read ${postings.length} jobs, the rest are missing`,
        );
      }
    }

    const unique = new Map<string, Posting>();
    for (const p of postings) {
      if (unique.has(p.externalPath)) ctx.repeated(p.externalPath);
      else unique.set(p.externalPath, p);
    }
    const list = [...unique.values()].slice(0, ctx.maxJobs);

    let failed = 0;
    const details = ctx.details
      ? await mapLimit(ctx, list, ctx.detailConcurrency, async (p) => {
          try {
            return (
              await fetchJson(
                ctx,
                `https://${host}/wday/cxs/${encodeURIComponent(tenant)}/${encodeURIComponent(site)}${p.externalPath}`,
                DetailResponse,
              )
            ).jobPostingInfo;
          } catch (error) {
            if (JobkitError.is(error, 'ABORTED')) throw error;
            failed++;
            return null;
          }
        })
      : [];
    if (failed > 0) ctx.warn(`workday: detail failed for ${failed} jobs; they carry list fields only`);

    const drafts: JobDraft[] = list.map((p, i) => {
      const d = details[i] ?? null;
      const reqId = d?.jobReqId ?? /_([^_/]+)$/.exec(p.externalPath)?.[1] ?? p.externalPath;
      // "2 Locations" is a count, not a place; the detail has the real ones.
      const listLocation = p.locationsText && !/^\d+\s+locations?$/i.test(p.locationsText) ? p.locationsText : null;
      return toDraft(ctx, {
        jobId: reqId,
        url: jobUrl(ctx, [d?.externalUrl], () => `https://${host}/${site}${p.externalPath}`)!,
        title: d?.title ?? p.title,
        locationText: d ? [d.location, ...d.additionalLocations] : [listLocation],
        workplaceType: remoteType(d?.remoteType),
        employment: d?.timeType,
        descriptionHtml: d?.jobDescription,
        datePosted: d?.startDate ?? d?.postedOn ?? p.postedOn,
        validThrough: d?.endDate,
        applyUrl: `https://${host}/${site}${p.externalPath}/apply`,
      });
    });
    return { drafts, advertisedTotal, partial: partial || cut || offsetIgnored };
  },
};

function remoteType(v: string | undefined): WorkplaceType | null {
  if (!v) return null;
  if (/hybrid|flex/i.test(v)) return 'hybrid';
  if (/remote/i.test(v)) return 'remote';
  if (/on.?site|office/i.test(v)) return 'onsite';
  return null;
}

/** A flat facet whose every value stays under the clamp and whose counts cover the reported total. */
function pickFacet(facets: Facet[], total: number): { param: string; values: { id: string; descriptor?: string | null }[] } | null {
  let best: { param: string; values: { id: string; descriptor?: string | null }[]; size: number } | null = null;
  for (const f of facets) {
    if (!f.facetParameter || !f.values.length) continue;
    const values = f.values.filter((v): v is typeof v & { id: string } => v.id !== undefined);
    if (values.length !== f.values.length) continue;
    const counts = values.map((v) => v.count ?? Number.POSITIVE_INFINITY);
    const sum = counts.reduce((a, b) => a + b, 0);
    if (counts.some((c) => c >= WORKDAY_CLAMP) || sum < total) continue;
    // Fewer slices means fewer requests.
    if (!best || values.length < best.values.length) best = { param: f.facetParameter, values, size: sum };
  }
  return best ? { param: best.param, values: best.values } : null;
}
