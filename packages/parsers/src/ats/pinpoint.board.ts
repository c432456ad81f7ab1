/**
 * Pinpoint board client: `GET {company}.pinpointhq.com/postings.json` → `{data[]}` (no paging).
 * Structured `workplace_type`, `employment_type` and `compensation_minimum/_maximum/_currency/_frequency`.
 * @module
 */
import type { WorkplaceType } from '@jobkit/core';
import { z } from 'zod';
import { fetchJson } from '../boards/http.js';
import { httpUrl, periodOf, place, salaryOf, sections, toDraft } from '../boards/map.js';
import type { BoardClient, BoardContext } from '../boards/types.js';

const Num = z.union([z.number(), z.string()]).nullish();
const Posting = z.looseObject({
  id: z.union([z.number(), z.string()]),
  title: z.string(),
  url: z.string().nullish(),
  path: z.string().nullish(),
  location: z.looseObject({ name: z.string().nullish(), city: z.string().nullish(), province: z.string().nullish(), country: z.string().nullish() }).nullish(),
  job: z.looseObject({ department: z.looseObject({ name: z.string().nullish() }).nullish(), division: z.looseObject({ name: z.string().nullish() }).nullish() }).nullish(),
  employment_type: z.string().nullish(),
  employment_type_text: z.string().nullish(),
  workplace_type: z.string().nullish(),
  compensation_visible: z.boolean().nullish(),
  compensation_minimum: Num,
  compensation_maximum: Num,
  compensation_currency: z.string().nullish(),
  compensation_frequency: z.string().nullish(),
  compensation: z.string().nullish(),
  deadline_at: z.string().nullish(),
  published_at: z.string().nullish(),
  description: z.string().nullish(),
  key_responsibilities: z.string().nullish(),
  skills_knowledge_expertise: z.string().nullish(),
  benefits: z.string().nullish(),
});
const Response = z.looseObject({ data: z.array(Posting) });

const WORKPLACE: Record<string, WorkplaceType> = { remote: 'remote', hybrid: 'hybrid', onsite: 'onsite', on_site: 'onsite', office: 'onsite' };

export const pinpointBoard: BoardClient = {
  platform: 'pinpoint',
  async list(ctx: BoardContext) {
    const apiUrl = ctx.apiUrl();
    const data = await fetchJson(ctx, apiUrl, Response);
    const drafts = data.data.slice(0, ctx.maxJobs).map((p) => {
      const loc = p.location ? place({ city: p.location.city, region: p.location.province, country: p.location.country, raw: p.location.name }) : null;
      const url = httpUrl(p.url) ?? httpUrl(p.path, apiUrl) ?? new URL(`/postings/${p.id}`, apiUrl).href;
      return toDraft(ctx, {
        jobId: String(p.id),
        url,
        title: p.title,
        locations: loc ? [loc] : [],
        workplaceType: p.workplace_type ? WORKPLACE[p.workplace_type.toLowerCase()] : null,
        employment: p.employment_type_text ?? p.employment_type,
        salary:
          p.compensation_visible === false
            ? null
            : salaryOf({ min: p.compensation_minimum, max: p.compensation_maximum, currency: p.compensation_currency, period: periodOf(p.compensation_frequency), raw: p.compensation }),
        descriptionHtml: sections([
          [null, p.description],
          ['Key responsibilities', p.key_responsibilities],
          ['Skills, knowledge and expertise', p.skills_knowledge_expertise],
          ['Benefits', p.benefits],
        ]),
        department: p.job?.department?.name ?? p.job?.division?.name,
        datePosted: p.published_at,
        validThrough: p.deadline_at,
      });
    });
    return { drafts, advertisedTotal: data.data.length, partial: data.data.length > ctx.maxJobs };
  },
};
