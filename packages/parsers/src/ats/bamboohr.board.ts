/**
 * BambooHR board client: `GET {company}.bamboohr.com/careers/list` → `{meta.totalCount, result[]}`;
 * descriptions, posted date, compensation and location type from `…/careers/{id}/detail`.
 * Undocumented endpoints (the official API needs auth), so every response is schema-checked.
 * @module
 */
import { JobkitError } from '@jobkit/core';
import type { WorkplaceType } from '@jobkit/core';
import { z } from 'zod';
import { fetchJson, mapLimit } from '../boards/http.js';
import { place, toDraft } from '../boards/map.js';
import type { BoardClient, BoardContext } from '../boards/types.js';

const Loc = z.looseObject({ city: z.string().nullish(), state: z.string().nullish(), addressCountry: z.string().nullish(), postalCode: z.string().nullish() }).nullish();
const Item = z.looseObject({
  id: z.union([z.string(), z.number()]),
  jobOpeningName: z.string(),
  departmentLabel: z.string().nullish(),
  employmentStatusLabel: z.string().nullish(),
  location: Loc,
  atsLocation: z.looseObject({ city: z.string().nullish(), state: z.string().nullish(), country: z.string().nullish() }).nullish(),
  isRemote: z.boolean().nullish(),
  locationType: z.string().nullish(),
});
const List = z.looseObject({ meta: z.looseObject({ totalCount: z.number().nullish() }).nullish(), result: z.array(Item) });
const Detail = z.looseObject({
  result: z.looseObject({
    jobOpening: z.looseObject({
      description: z.string().nullish(),
      compensation: z.string().nullish(),
      datePosted: z.string().nullish(),
      locationType: z.string().nullish(),
      jobOpeningShareUrl: z.string().nullish(),
      location: Loc,
    }),
  }),
});

/** BambooHR's `locationType`: "0" on-site, "1" remote, "2" hybrid. */
function workplace(code: string | null | undefined, isRemote: boolean | null | undefined): WorkplaceType | null {
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
    const items = data.result.slice(0, ctx.maxJobs);
    const origin = new URL(listUrl).origin;
    let failed = 0;
    const details = ctx.details
      ? await mapLimit(ctx, items, ctx.detailConcurrency, async (it) => {
          try {
            return (await fetchJson(ctx, `${origin}/careers/${encodeURIComponent(String(it.id))}/detail`, Detail)).result.jobOpening;
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
      const loc = place({ city: l?.city ?? it.atsLocation?.city, region: l?.state ?? it.atsLocation?.state, country: l?.addressCountry ?? it.atsLocation?.country, postalCode: l?.postalCode });
      const url = `${origin}/careers/${encodeURIComponent(String(it.id))}`;
      return toDraft(ctx, {
        jobId: String(it.id),
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
};
