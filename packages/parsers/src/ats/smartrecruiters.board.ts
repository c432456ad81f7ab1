/**
 * SmartRecruiters board client: `GET api.smartrecruiters.com/v1/companies/{id}/postings?limit=100&offset=N`
 * → `{totalFound, content[]}`, paged by offset. Descriptions and the apply URL come from the
 * per-posting detail (`…/postings/{id}`, `jobAd.sections`).
 * @module
 */

import type { JobDraft, WorkplaceType } from '@jobkit/core';
import { JobkitError } from '@jobkit/core';
import { z } from 'zod';
import { checkAborted, fetchJson, laterPage, mapLimit } from '../boards/http.js';
import { place, sections, toDraft } from '../boards/map.js';
import { aliased, count, envelope, flag, id, idOrUrl, keep, label, obj, remote, rowsOf, text, when } from '../boards/rows.js';
import type { BoardClient, BoardContext } from '../boards/types.js';
import { idFromUrl, jobUrl, listedOn, seg } from '../boards/urls.js';

const PAGE = 100;
const MAX_PAGES = 500;
/** Fields the list and the detail share; a list row may carry only its id (the detail has the rest). */
const fields = {
  id,
  // The posting's other id; the only one some rows carry.
  uuid: id,
  name: label,
  postingUrl: text,
  // The API's own link to the posting (`…/postings/{id}`): its last segment is the id when `id` is missing.
  ref: text,
  releasedDate: when,
  location: obj({ city: label, region: label, country: label, postalCode: text, remote, hybrid: flag, fullLocation: text }),
  department: label,
  typeOfEmployment: label,
  company: obj({ name: text }),
};
const Posting = aliased({ name: ['title'], postingUrl: ['url'] }, z.looseObject(fields));
const Page = envelope(
  'content',
  z.looseObject({
    totalFound: count,
    offset: count,
    content: rowsOf(Posting, { what: 'postings', check: (p) => idOrUrl([p.id, refId(p.ref), p.uuid], [p.postingUrl]) }),
  }),
);
const Section = obj({ title: text, text: text });
const Detail = z.looseObject({
  ...fields,
  applyUrl: text,
  postingUrl: text,
  jobAd: obj({
    sections: obj({ companyDescription: Section, jobDescription: Section, qualifications: Section, additionalInformation: Section }),
  }),
});

/** The posting id at the end of an API `ref` link. */
function refId(ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  try {
    const u = new URL(ref);
    if (!/(?:^|\.)smartrecruiters\.com$/.test(u.hostname)) return undefined;
    const last = u.pathname.split('/').filter(Boolean).pop();
    return last && /^[\w-]{1,64}$/.test(last) && last !== 'postings' ? last : undefined;
  } catch {
    return undefined;
  }
}

export const smartrecruitersBoard: BoardClient = {
  platform: 'smartrecruiters',
  async list(ctx: BoardContext) {
    const base = ctx.apiUrl().split('?')[0]!;
    const postings: z.output<typeof Posting>[] = [];
    const at: number[] = [];
    let total: number | null = null;
    let listed = 0;
    let partial = false;
    const seen = new Set<string>();
    for (let offset = 0, page = 0; ; offset += PAGE, page++) {
      checkAborted(ctx);
      if (page >= MAX_PAGES) {
        partial = true;
        ctx.warn(`smartrecruiters: stopped after ${MAX_PAGES} pages`);
        break;
      }
      const pageUrl = `${base}?limit=${PAGE}&offset=${offset}`;
      const data = offset === 0 ? await fetchJson(ctx, pageUrl, Page) : await laterPage(ctx, pageUrl, () => fetchJson(ctx, pageUrl, Page));
      if (data === undefined) {
        partial = true;
        break;
      }
      if (offset === 0) total = data.totalFound ?? null;
      let fresh = 0;
      keep(ctx, data.content, offset).forEach((row, k) => {
        const p = row.id === undefined && refId(row.ref) !== undefined ? { ...row, id: refId(row.ref) } : row;
        const key = p.id ?? p.uuid ?? p.postingUrl ?? `#${offset + k}`;
        if (seen.has(key)) {
          ctx.repeated(key);
          return;
        }
        seen.add(key);
        fresh++;
        postings.push(p);
        at.push(data.content.at[k]! + offset);
      });
      listed += data.content.length;
      if (fresh === 0 && data.content.rows.length > 0) {
        // Whatever the total says, the rest of the listing could not be reached.
        partial = true;
        ctx.warn('smartrecruiters: the API ignored offset (a page repeated earlier postings); stopped paging');
        break;
      }
      // Without a total, a short page is the last one.
      if (data.content.length === 0 || (total !== null ? listed >= total : data.content.length < PAGE) || postings.length >= ctx.maxJobs)
        break;
    }
    let failed = 0;
    const details = ctx.details
      ? await mapLimit(ctx, postings, ctx.detailConcurrency, async (p) => {
          if (p.id === undefined) return null;
          try {
            return await fetchJson(ctx, `${base}/${seg(p.id)}`, Detail);
          } catch (error) {
            if (JobkitError.is(error, 'ABORTED')) throw error;
            failed++;
            return null;
          }
        })
      : [];
    if (failed > 0) ctx.warn(`smartrecruiters: detail failed for ${failed} postings; they have no description`);
    const drafts: JobDraft[] = [];
    postings.forEach((p, i) => {
      const d = details[i];
      const title = p.name ?? d?.name;
      if (title === undefined) {
        const rid = p.id ?? p.uuid;
        ctx.skip({
          index: at[i]!,
          ...(rid !== undefined ? { id: rid } : {}),
          reason: ctx.details ? 'no title in the list or the detail' : 'no title (the detail, not read, may have one)',
        });
        return;
      }
      const s = d?.jobAd?.sections;
      const loc = p.location ?? d?.location;
      const wp: WorkplaceType | null = loc?.hybrid ? 'hybrid' : loc?.remote === true ? 'remote' : loc?.remote === false ? 'onsite' : null;
      const l = loc
        ? place({ city: loc.city, region: loc.region, country: loc.country, postalCode: loc.postalCode, raw: loc.fullLocation })
        : null;
      // The public job page SmartRecruiters documents: jobs.smartrecruiters.com/{company}/{id}.
      // A row with only its uuid: the careers page marked with it (no job page is documented for a uuid).
      const url = jobUrl(ctx, [d?.postingUrl, p.postingUrl], () =>
        p.id !== undefined
          ? `https://jobs.smartrecruiters.com/${seg(ctx.boardToken)}/${seg(p.id)}`
          : listedOn(`https://jobs.smartrecruiters.com/${seg(ctx.boardToken)}`, p.uuid!),
      )!;
      drafts.push(
        toDraft(ctx, {
          jobId: p.id ?? p.uuid ?? idFromUrl(ctx, url),
          url,
          title,
          company: p.company?.name ?? d?.company?.name,
          locations: l ? [l] : [],
          workplaceType: wp,
          employment: p.typeOfEmployment ?? d?.typeOfEmployment,
          descriptionHtml: s
            ? sections([
                [s.jobDescription?.title, s.jobDescription?.text],
                [s.qualifications?.title, s.qualifications?.text],
                [s.additionalInformation?.title, s.additionalInformation?.text],
              ])
            : null,
          department: p.department ?? d?.department,
          datePosted: p.releasedDate ?? d?.releasedDate,
          applyUrl: d?.applyUrl,
        }),
      );
    });
    return { drafts, advertisedTotal: total, partial };
  },
  jobUrl: (ctx, jobId) => `https://jobs.smartrecruiters.com/${seg(ctx.boardToken)}/${seg(jobId)}`,
};
