/**
 * Pinpoint board client: `GET {company}.pinpointhq.com/postings.json` → `{data[]}` (no paging).
 * Structured `workplace_type`, `employment_type` and `compensation_minimum/_maximum/_currency/_frequency`.
 * @module
 */
import type { WorkplaceType } from '@jobkit/core';
import { z } from 'zod';
import { fetchJson } from '../boards/http.js';
import { periodOf, place, salaryOf, sections, toDraft } from '../boards/map.js';
import { aliased, envelope, flag, id, idOrUrl, keep, label, num, obj, required, rowsOf, text, when } from '../boards/rows.js';
import type { BoardClient, BoardContext } from '../boards/types.js';
import { idFromUrl, jobUrl, seg } from '../boards/urls.js';

const Posting = aliased(
  { title: ['name'] },
  z.looseObject({
    id,
    title: required('no title'),
    url: text,
    path: text,
    location: obj({ name: label, city: label, province: label, country: label }),
    job: obj({ department: label, division: label }),
    employment_type: text,
    employment_type_text: text,
    workplace_type: text,
    compensation_visible: flag,
    compensation_minimum: num,
    compensation_maximum: num,
    compensation_currency: text,
    compensation_frequency: text,
    compensation: text,
    deadline_at: when,
    published_at: when,
    description: text,
    key_responsibilities: text,
    skills_knowledge_expertise: text,
    benefits: text,
  }),
);

const WORKPLACE: Record<string, WorkplaceType> = {
  remote: 'remote',
  hybrid: 'hybrid',
  onsite: 'onsite',
  on_site: 'onsite',
  office: 'onsite',
};

export const pinpointBoard: BoardClient = {
  platform: 'pinpoint',
  async list(ctx: BoardContext) {
    const apiUrl = ctx.apiUrl();
    const Response = envelope(
      'data',
      z.looseObject({ data: rowsOf(Posting, { what: 'postings', check: (p) => idOrUrl([p.id], [p.url, p.path], apiUrl) }) }),
    );
    const data = await fetchJson(ctx, apiUrl, Response);
    const rows = keep(ctx, data.data);
    const drafts = rows.slice(0, ctx.maxJobs).map((p) => {
      const loc = p.location
        ? place({ city: p.location.city, region: p.location.province, country: p.location.country, raw: p.location.name })
        : null;
      // Pinpoint's posting page: {company}.pinpointhq.com/postings/{id}.
      const url = jobUrl(ctx, [p.url, p.path], () => new URL(`/postings/${seg(p.id!)}`, apiUrl).href, apiUrl)!;
      const workplace = p.workplace_type?.toLowerCase();
      return toDraft(ctx, {
        jobId: p.id ?? idFromUrl(ctx, url),
        url,
        title: p.title,
        locations: loc ? [loc] : [],
        workplaceType: workplace ? WORKPLACE[workplace] : null,
        employment: p.employment_type_text ?? p.employment_type,
        salary:
          p.compensation_visible === false
            ? null
            : salaryOf({
                min: p.compensation_minimum,
                max: p.compensation_maximum,
                currency: p.compensation_currency,
                period: periodOf(p.compensation_frequency),
                raw: p.compensation,
              }),
        descriptionHtml: sections([
          [null, p.description],
          ['Key responsibilities', p.key_responsibilities],
          ['Skills, knowledge and expertise', p.skills_knowledge_expertise],
          ['Benefits', p.benefits],
        ]),
        department: p.job?.department ?? p.job?.division,
        datePosted: p.published_at,
        validThrough: p.deadline_at,
      });
    });
    return { drafts, advertisedTotal: data.data.length, partial: rows.length > ctx.maxJobs };
  },
  jobUrl: (ctx, jobId) => new URL(`/postings/${seg(jobId)}`, ctx.apiUrl()).href,
};
