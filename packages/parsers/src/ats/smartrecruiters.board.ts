/**
 * SmartRecruiters board client: `GET api.smartrecruiters.com/v1/companies/{id}/postings?limit=100&offset=N`
 * → `{totalFound, content[]}`, paged by offset. Descriptions and the apply URL come from the
 * per-posting detail (`…/postings/{id}`, `jobAd.sections`).
 * @module
 */
import { JobkitError } from '@jobkit/core';
import type { JobDraft, WorkplaceType } from '@jobkit/core';
import { z } from 'zod';
import { checkAborted, fetchJson, mapLimit } from '../boards/http.js';
import { place, sections, toDraft } from '../boards/map.js';
import type { BoardClient, BoardContext } from '../boards/types.js';

const PAGE = 100;
const Label = z.looseObject({ label: z.string().nullish() }).nullish();
const Posting = z.looseObject({
  id: z.string(),
  name: z.string(),
  releasedDate: z.string().nullish(),
  location: z
    .looseObject({
      city: z.string().nullish(),
      region: z.string().nullish(),
      country: z.string().nullish(),
      postalCode: z.string().nullish(),
      remote: z.boolean().nullish(),
      hybrid: z.boolean().nullish(),
      fullLocation: z.string().nullish(),
    })
    .nullish(),
  department: Label,
  typeOfEmployment: Label,
  company: z.looseObject({ name: z.string().nullish() }).nullish(),
});
const Page = z.looseObject({ totalFound: z.number(), offset: z.number().nullish(), content: z.array(Posting) });
const Section = z.looseObject({ title: z.string().nullish(), text: z.string().nullish() }).nullish();
const Detail = z.looseObject({
  applyUrl: z.string().nullish(),
  postingUrl: z.string().nullish(),
  jobAd: z
    .looseObject({
      sections: z
        .looseObject({ companyDescription: Section, jobDescription: Section, qualifications: Section, additionalInformation: Section })
        .nullish(),
    })
    .nullish(),
});

export const smartrecruitersBoard: BoardClient = {
  platform: 'smartrecruiters',
  async list(ctx: BoardContext) {
    const base = ctx.apiUrl().replace(/\?.*$/, '');
    const postings: z.output<typeof Posting>[] = [];
    let total = 0;
    for (let offset = 0; ; offset += PAGE) {
      checkAborted(ctx);
      const page = await fetchJson(ctx, `${base}?limit=${PAGE}&offset=${offset}`, Page);
      if (offset === 0) total = page.totalFound;
      postings.push(...page.content);
      if (page.content.length === 0 || postings.length >= total || postings.length >= ctx.maxJobs) break;
    }
    let failed = 0;
    const details = ctx.details
      ? await mapLimit(ctx, postings, ctx.detailConcurrency, async (p) => {
          try {
            return await fetchJson(ctx, `${base}/${encodeURIComponent(p.id)}`, Detail);
          } catch (error) {
            if (JobkitError.is(error, 'ABORTED')) throw error;
            failed++;
            return null;
          }
        })
      : [];
    if (failed > 0) ctx.warn(`smartrecruiters: detail failed for ${failed} postings; they have no description`);
    const drafts: JobDraft[] = postings.map((p, i) => {
      const d = details[i];
      const s = d?.jobAd?.sections;
      const loc = p.location;
      const wp: WorkplaceType | null = loc?.hybrid ? 'hybrid' : loc?.remote === true ? 'remote' : loc?.remote === false ? 'onsite' : null;
      const l = loc ? place({ city: loc.city, region: loc.region, country: loc.country, postalCode: loc.postalCode, raw: loc.fullLocation }) : null;
      return toDraft(ctx, {
        jobId: p.id,
        url: d?.postingUrl ?? `https://jobs.smartrecruiters.com/${encodeURIComponent(ctx.boardToken)}/${encodeURIComponent(p.id)}`,
        title: p.name,
        company: p.company?.name,
        locations: l ? [l] : [],
        workplaceType: wp,
        employment: p.typeOfEmployment?.label,
        descriptionHtml: s
          ? sections([
              [s.jobDescription?.title, s.jobDescription?.text],
              [s.qualifications?.title, s.qualifications?.text],
              [s.additionalInformation?.title, s.additionalInformation?.text],
            ])
          : null,
        department: p.department?.label,
        datePosted: p.releasedDate,
        applyUrl: d?.applyUrl,
      });
    });
    return { drafts, advertisedTotal: total, partial: false };
  },
};
