/**
 * Recruitee board client: `GET {company}.recruitee.com/api/offers/` → `{offers[]}` (all offers,
 * no paging). Structured `remote`/`hybrid`/`on_site`, `salary.{min,max,currency,period}`,
 * `employment_type_code`, `locations[]`.
 * @module
 */
import type { Location, WorkplaceType } from '@jobkit/core';
import { z } from 'zod';
import { fetchJson } from '../boards/http.js';
import { periodOf, place, salaryOf, sections, toDraft } from '../boards/map.js';
import type { BoardClient, BoardContext } from '../boards/types.js';

const Num = z.union([z.number(), z.string()]).nullish();
const Offer = z.looseObject({
  id: z.union([z.number(), z.string()]),
  slug: z.string().nullish(),
  title: z.string(),
  description: z.string().nullish(),
  requirements: z.string().nullish(),
  location: z.string().nullish(),
  city: z.string().nullish(),
  state_name: z.string().nullish(),
  country_code: z.string().nullish(),
  country: z.string().nullish(),
  postal_code: z.string().nullish(),
  locations: z.array(z.looseObject({ city: z.string().nullish(), state: z.string().nullish(), country: z.string().nullish(), country_code: z.string().nullish() })).nullish(),
  remote: z.boolean().nullish(),
  hybrid: z.boolean().nullish(),
  on_site: z.boolean().nullish(),
  department: z.string().nullish(),
  employment_type_code: z.string().nullish(),
  salary: z.looseObject({ min: Num, max: Num, currency: z.string().nullish(), period: z.string().nullish() }).nullish(),
  careers_url: z.string(),
  careers_apply_url: z.string().nullish(),
  published_at: z.string().nullish(),
  created_at: z.string().nullish(),
  close_at: z.string().nullish(),
  company_name: z.string().nullish(),
  status: z.string().nullish(),
});
const Response = z.looseObject({ offers: z.array(Offer) });

export const recruiteeBoard: BoardClient = {
  platform: 'recruitee',
  async list(ctx: BoardContext) {
    const data = await fetchJson(ctx, ctx.apiUrl(), Response);
    const offers = data.offers.filter((o) => !o.status || o.status === 'published');
    const drafts = offers.slice(0, ctx.maxJobs).map((o) => {
      const listed = (o.locations ?? []).map((l) => place({ city: l.city, region: l.state, country: l.country_code ?? l.country }));
      const locations = (listed.length ? listed : [place({ city: o.city, region: o.state_name, country: o.country_code ?? o.country, postalCode: o.postal_code })]).filter(
        (l): l is Location => l !== null,
      );
      const wp: WorkplaceType | null = o.hybrid ? 'hybrid' : o.remote ? 'remote' : o.on_site ? 'onsite' : null;
      return toDraft(ctx, {
        jobId: String(o.id),
        url: o.careers_url,
        title: o.title,
        company: o.company_name,
        locations,
        locationText: o.location,
        workplaceType: wp,
        employment: o.employment_type_code,
        salary: o.salary ? salaryOf({ min: o.salary.min, max: o.salary.max, currency: o.salary.currency, period: periodOf(o.salary.period) }) : null,
        descriptionHtml: sections([
          [null, o.description],
          ['Requirements', o.requirements],
        ]),
        department: o.department,
        datePosted: o.published_at ?? o.created_at,
        validThrough: o.close_at,
        applyUrl: o.careers_apply_url,
      });
    });
    return { drafts, advertisedTotal: offers.length, partial: offers.length > ctx.maxJobs };
  },
};
