/**
 * Lever board client: `GET api.lever.co/v0/postings/{company}?mode=json&skip=N&limit=100` (bare
 * array, no total), paged until a short page. Structured `workplaceType`, `salaryRange`,
 * `categories` (location, team, department, commitment) and `createdAt` (epoch ms).
 * @module
 */
import type { WorkplaceType } from '@jobkit/core';
import { z } from 'zod';
import { checkAborted, fetchJson } from '../boards/http.js';
import { periodOf, salaryOf, sections, toDraft } from '../boards/map.js';
import type { BoardClient, BoardContext } from '../boards/types.js';
import type { JobDraft } from '@jobkit/core';

const PAGE = 100;
const Posting = z.looseObject({
  id: z.string(),
  text: z.string(),
  hostedUrl: z.string(),
  applyUrl: z.string().nullish(),
  createdAt: z.number().nullish(),
  workplaceType: z.string().nullish(),
  country: z.string().nullish(),
  categories: z
    .looseObject({
      location: z.string().nullish(),
      team: z.string().nullish(),
      department: z.string().nullish(),
      commitment: z.string().nullish(),
      allLocations: z.array(z.string()).nullish(),
    })
    .nullish(),
  salaryRange: z.looseObject({ min: z.number().nullish(), max: z.number().nullish(), currency: z.string().nullish(), interval: z.string().nullish() }).nullish(),
  description: z.string().nullish(),
  descriptionPlain: z.string().nullish(),
  lists: z.array(z.looseObject({ text: z.string().nullish(), content: z.string().nullish() })).nullish(),
  additional: z.string().nullish(),
});
const Page = z.array(Posting);

const WORKPLACE: Record<string, WorkplaceType> = { remote: 'remote', hybrid: 'hybrid', 'on-site': 'onsite', onsite: 'onsite' };

export const leverBoard: BoardClient = {
  platform: 'lever',
  async list(ctx: BoardContext) {
    const base = ctx.apiUrl();
    const drafts: JobDraft[] = [];
    const seen = new Set<string>();
    let partial = false;
    for (let skip = 0; ; skip += PAGE) {
      checkAborted(ctx);
      const page = await fetchJson(ctx, `${base}&skip=${skip}&limit=${PAGE}`, Page);
      let fresh = 0;
      for (const p of page) {
        if (seen.has(p.id)) continue;
        seen.add(p.id);
        fresh++;
        const cats = p.categories ?? {};
        const locs = cats.allLocations?.length ? cats.allLocations : [cats.location];
        const draft = toDraft(ctx, {
          jobId: p.id,
          url: p.hostedUrl,
          title: p.text,
          locationText: locs,
          workplaceType: p.workplaceType ? WORKPLACE[p.workplaceType.toLowerCase()] : null,
          employment: cats.commitment,
          salary: p.salaryRange
            ? salaryOf({ min: p.salaryRange.min, max: p.salaryRange.max, currency: p.salaryRange.currency, period: periodOf(p.salaryRange.interval) })
            : null,
          descriptionHtml: sections([
            [null, p.description],
            ...(p.lists ?? []).map((l) => [l.text, l.content ? `<ul>${l.content}</ul>` : null] as const),
            [null, p.additional],
          ]),
          descriptionText: p.descriptionPlain,
          department: cats.department ?? cats.team,
          datePosted: p.createdAt,
          applyUrl: p.applyUrl,
        });
        // Lever gives the country code separately from the location label.
        const cc = p.country?.toUpperCase();
        if (cc && /^[A-Z]{2}$/.test(cc) && draft.locations.length === 1 && !draft.locations[0]!.country) draft.locations[0]!.country = cc;
        drafts.push(draft);
      }
      if (page.length < PAGE) break;
      if (fresh === 0) {
        ctx.warn('lever: the API ignored skip (a page repeated earlier postings); stopped paging');
        partial = true;
        break;
      }
      if (drafts.length >= ctx.maxJobs) break;
    }
    return { drafts, advertisedTotal: null, partial };
  },
};
