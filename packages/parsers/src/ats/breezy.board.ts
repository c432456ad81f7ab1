/**
 * Breezy HR board client: `GET {company}.breezy.hr/json` → bare array (no paging, no total).
 * `location.is_remote` is structured; `salary` is free text, parsed by the salary normalizer.
 * @module
 */
import type { WorkplaceType } from '@jobkit/core';
import { z } from 'zod';
import { fetchJson } from '../boards/http.js';
import { place, toDraft } from '../boards/map.js';
import type { BoardClient, BoardContext } from '../boards/types.js';

const Named = z.union([z.string(), z.looseObject({ name: z.string().nullish(), id: z.string().nullish() })]).nullish();
const name = (v: z.output<typeof Named>) => (typeof v === 'string' ? v : (v?.name ?? undefined));
const Job = z.looseObject({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  published_date: z.string().nullish(),
  type: Named,
  location: z
    .looseObject({ city: z.string().nullish(), state: Named, country: Named, name: z.string().nullish(), is_remote: z.boolean().nullish() })
    .nullish(),
  department: z.string().nullish(),
  salary: z.string().nullish(),
  company: z.looseObject({ name: z.string().nullish() }).nullish(),
  description: z.string().nullish(),
});
const Response = z.array(Job);

export const breezyBoard: BoardClient = {
  platform: 'breezy',
  async list(ctx: BoardContext) {
    const data = await fetchJson(ctx, ctx.apiUrl(), Response);
    const drafts = data.slice(0, ctx.maxJobs).map((j) => {
      const l = j.location;
      const country = l?.country && typeof l.country === 'object' ? (l.country.id ?? l.country.name) : name(l?.country);
      const loc = l ? place({ city: l.city, region: name(l.state), country, raw: l.name }) : null;
      const wp: WorkplaceType | null = l?.is_remote === true ? 'remote' : null;
      return toDraft(ctx, {
        jobId: j.id,
        url: j.url,
        title: j.name,
        company: j.company?.name,
        locations: loc ? [loc] : [],
        locationText: l?.name,
        workplaceType: wp,
        employment: name(j.type),
        salaryText: j.salary,
        descriptionHtml: j.description,
        department: j.department,
        datePosted: j.published_date,
        applyUrl: j.url,
      });
    });
    return { drafts, advertisedTotal: data.length, partial: data.length > ctx.maxJobs };
  },
};
