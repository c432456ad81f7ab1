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
import {
  aliased,
  envelope,
  flag,
  id,
  idOrUrl,
  keep,
  label,
  list,
  num,
  obj,
  objOr,
  remote,
  required,
  rowsOf,
  text,
  when,
} from '../boards/rows.js';
import type { BoardClient, BoardContext } from '../boards/types.js';
import { idFromUrl, jobUrl, seg } from '../boards/urls.js';

const Offer = aliased(
  { title: ['name', 'position'] },
  z.looseObject({
    id,
    slug: text,
    title: required('no title'),
    description: text,
    requirements: text,
    location: label,
    city: label,
    state_name: label,
    country_code: text,
    country: label,
    postal_code: text,
    locations: list(objOr('name', { name: label, city: label, state: label, country: label, country_code: text })),
    remote,
    hybrid: flag,
    on_site: flag,
    department: label,
    employment_type_code: text,
    salary: obj({ min: num, max: num, currency: text, period: text }),
    careers_url: text,
    careers_apply_url: text,
    published_at: when,
    created_at: when,
    close_at: when,
    company_name: text,
    status: text,
  }),
);
const HIDDEN = new Set(['draft', 'closed', 'archived', 'internal']);
const Response = envelope(
  'offers',
  z.looseObject({ offers: rowsOf(Offer, { what: 'offers', check: (o) => idOrUrl([o.id, o.slug], [o.careers_url, o.careers_apply_url]) }) }),
);

export const recruiteeBoard: BoardClient = {
  platform: 'recruitee',
  async list(ctx: BoardContext) {
    const apiUrl = ctx.apiUrl();
    const origin = new URL(apiUrl).origin;
    const data = await fetchJson(ctx, apiUrl, Response);
    const rows = keep(ctx, data.offers);
    // Only the states Recruitee documents as not public are left out; an unknown status is not a reason to lose a job.
    const offers = rows.filter((o) => !HIDDEN.has(o.status?.toLowerCase() ?? ''));
    const drafts = offers.slice(0, ctx.maxJobs).map((o) => {
      const listed = o.locations.map((l) =>
        place({
          city: l.city,
          region: l.state,
          country: l.country_code ?? l.country,
          raw: l.city || l.state || l.country ? undefined : l.name,
        }),
      );
      const locations = (
        listed.length
          ? listed
          : [place({ city: o.city, region: o.state_name, country: o.country_code ?? o.country, postalCode: o.postal_code })]
      ).filter((l): l is Location => l !== null);
      const wp: WorkplaceType | null = o.hybrid ? 'hybrid' : o.remote ? 'remote' : o.on_site ? 'onsite' : null;
      // Recruitee's offer page is {company}.recruitee.com/o/{slug}; the id stands in when a row has no slug.
      const url = jobUrl(
        ctx,
        [o.careers_url, o.careers_apply_url?.replace(/\/c\/new\/?$/, '')],
        () => `${origin}/o/${seg((o.slug ?? o.id)!)}`,
        origin,
      )!;
      return toDraft(ctx, {
        jobId: o.id ?? o.slug ?? idFromUrl(ctx, url),
        url,
        title: o.title,
        company: o.company_name,
        locations,
        locationText: o.location,
        workplaceType: wp,
        employment: o.employment_type_code,
        salary: o.salary
          ? salaryOf({ min: o.salary.min, max: o.salary.max, currency: o.salary.currency, period: periodOf(o.salary.period) })
          : null,
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
    // No stated total: what the response lists, unpublished offers aside.
    return { drafts, advertisedTotal: data.offers.length - (rows.length - offers.length), partial: offers.length > ctx.maxJobs };
  },
};
