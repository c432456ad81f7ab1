/**
 * BambooHR board client: `GET {company}.bamboohr.com/careers/list` → `{meta.totalCount, result[]}`;
 * descriptions, posted date, compensation and location type from `…/careers/{id}/detail`.
 * Undocumented endpoints (the official API needs auth), so every response is schema-checked.
 * @module
 */

import type { WorkplaceType } from '@jobkit/core';
import { JobkitError } from '@jobkit/core';
import { z } from 'zod';
import { fetchJson, mapLimit } from '../boards/http.js';
import { place, toDraft } from '../boards/map.js';
import { aliased, count, envelope, id, idOrUrl, keep, label, obj, remote, required, rowsOf, text, when } from '../boards/rows.js';
import type { BoardClient, BoardContext } from '../boards/types.js';
import { jobUrl, seg } from '../boards/urls.js';

const Loc = obj({ city: label, state: label, addressCountry: label, country: label, postalCode: text });
const Item = aliased(
  { jobOpeningName: ['title', 'name', 'jobTitle'] },
  z.looseObject({
    id,
    jobOpeningName: required('no title'),
    departmentLabel: label,
    employmentStatusLabel: label,
    location: Loc,
    atsLocation: Loc,
    isRemote: remote,
    // "0" on-site, "1" remote, "2" hybrid; sometimes a number.
    locationType: text,
  }),
);
const List = envelope(
  'result',
  z.looseObject({ meta: obj({ totalCount: count }), result: rowsOf(Item, { check: (it) => idOrUrl([it.id]) }) }),
);
const Detail = z.looseObject({
  result: z.looseObject({
    jobOpening: z.looseObject({
      description: text,
      compensation: label,
      datePosted: when,
      locationType: text,
      jobOpeningShareUrl: text,
      location: Loc,
    }),
  }),
});

/** BambooHR's `locationType`: "0" on-site, "1" remote, "2" hybrid. */
function workplace(code: string | undefined, isRemote: boolean | undefined): WorkplaceType | null {
  if (code === '1') return 'remote';
  if (code === '2') return 'hybrid';
  if (code === '0') return 'onsite';
  return isRemote === true ? 'remote' : null;
}

export const bamboohrBoard: BoardClient = {
  platform: 'bamboohr',
  async list(ctx: BoardContext) {
    const listUrl = ctx.apiUrl();
    const data = await fetchJson(ctx, listUrl, List);
    const rows = keep(ctx, data.result);
    const items = rows.slice(0, ctx.maxJobs);
    const origin = new URL(listUrl).origin;
    let failed = 0;
    const details = ctx.details
      ? await mapLimit(ctx, items, ctx.detailConcurrency, async (it) => {
          try {
            return (await fetchJson(ctx, `${origin}/careers/${seg(it.id!)}/detail`, Detail)).result.jobOpening;
          } catch (error) {
            if (JobkitError.is(error, 'ABORTED')) throw error;
            failed++;
            return null;
          }
        })
      : [];
    if (failed > 0) ctx.warn(`bamboohr: detail failed for ${failed} jobs; they have no description`);
    const drafts = items.map((it, i) => {
      const d = details[i];
      const l = d?.location ?? it.location;
      const a = it.atsLocation;
      const loc = place({
        city: l?.city ?? a?.city,
        region: l?.state ?? a?.state,
        country: l?.addressCountry ?? l?.country ?? a?.country ?? a?.addressCountry,
        postalCode: l?.postalCode,
      });
      // BambooHR's job page: {company}.bamboohr.com/careers/{id}.
      const url = jobUrl(ctx, [d?.jobOpeningShareUrl], () => `${origin}/careers/${seg(it.id!)}`)!;
      return toDraft(ctx, {
        jobId: it.id!,
        url,
        title: it.jobOpeningName,
        locations: loc ? [loc] : [],
        workplaceType: workplace(d?.locationType ?? it.locationType, it.isRemote),
        employment: it.employmentStatusLabel,
        salaryText: d?.compensation,
        descriptionHtml: d?.description,
        department: it.departmentLabel,
        datePosted: d?.datePosted,
        applyUrl: url,
      });
    });
    return { drafts, advertisedTotal: data.meta?.totalCount ?? data.result.length, partial: false };
  },
  jobUrl: (ctx, jobId) => `${new URL(ctx.apiUrl()).origin}/careers/${seg(jobId)}`,
};
