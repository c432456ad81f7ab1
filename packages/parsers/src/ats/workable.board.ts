/**
 * Workable board client: the widget API `GET apply.workable.com/api/v1/widget/accounts/{account}?details=true`
 * (all jobs in one call, no total). Remote from the structured `telecommuting` flag.
 * @module
 */
import type { Location } from '@jobkit/core';
import { z } from 'zod';
import { fetchJson } from '../boards/http.js';
import { place, sections, toDraft } from '../boards/map.js';
import type { BoardClient, BoardContext } from '../boards/types.js';

const Job = z.looseObject({
  title: z.string(),
  shortcode: z.string(),
  employment_type: z.string().nullish(),
  telecommuting: z.boolean().nullish(),
  department: z.string().nullish(),
  url: z.string(),
  shortlink: z.string().nullish(),
  application_url: z.string().nullish(),
  published_on: z.string().nullish(),
  created_at: z.string().nullish(),
  country: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  locations: z
    .array(z.looseObject({ country: z.string().nullish(), countryCode: z.string().nullish(), city: z.string().nullish(), region: z.string().nullish(), hidden: z.boolean().nullish() }))
    .nullish(),
  description: z.string().nullish(),
  requirements: z.string().nullish(),
  benefits: z.string().nullish(),
});
const Response = z.looseObject({ name: z.string().nullish(), jobs: z.array(Job) });

export const workableBoard: BoardClient = {
  platform: 'workable',
  async list(ctx: BoardContext) {
    const data = await fetchJson(ctx, ctx.apiUrl(), Response);
    const drafts = data.jobs.slice(0, ctx.maxJobs).map((j) => {
      const listed = (j.locations ?? []).filter((l) => !l.hidden).map((l) => place({ city: l.city, region: l.region, country: l.countryCode ?? l.country }));
      const locations = (listed.length ? listed : [place({ city: j.city, region: j.state, country: j.country })]).filter((l): l is Location => l !== null);
      return toDraft(ctx, {
        jobId: j.shortcode,
        url: j.url,
        title: j.title,
        company: data.name,
        locations,
        // telecommuting=false says nothing about hybrid vs on-site, so only `true` is structured.
        workplaceType: j.telecommuting === true ? 'remote' : null,
        employment: j.employment_type,
        descriptionHtml: sections([
          [null, j.description],
          ['Requirements', j.requirements],
          ['Benefits', j.benefits],
        ]),
        department: j.department,
        datePosted: j.published_on ?? j.created_at,
        applyUrl: j.application_url,
      });
    });
    return { drafts, advertisedTotal: data.jobs.length, partial: data.jobs.length > ctx.maxJobs };
  },
};
