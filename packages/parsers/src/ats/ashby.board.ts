/**
 * Ashby board client: `GET api.ashbyhq.com/posting-api/job-board/{org}?includeCompensation=true`
 * (all jobs, full descriptions, no paging or total). Structured `workplaceType`/`isRemote`,
 * `employmentType`, addresses and compensation components; unlisted jobs (`isListed: false`) are skipped.
 * @module
 */
import type { Location, Salary, WorkplaceType } from '@jobkit/core';
import { z } from 'zod';
import { fetchJson } from '../boards/http.js';
import { periodOf, place, salaryOf, toDraft } from '../boards/map.js';
import type { BoardClient, BoardContext } from '../boards/types.js';

const Address = z.looseObject({
  postalAddress: z
    .looseObject({ addressLocality: z.string().nullish(), addressRegion: z.string().nullish(), addressCountry: z.string().nullish(), postalCode: z.string().nullish() })
    .nullish(),
}).nullish();
const Component = z.looseObject({
  compensationType: z.string().nullish(),
  interval: z.string().nullish(),
  currencyCode: z.string().nullish(),
  minValue: z.number().nullish(),
  maxValue: z.number().nullish(),
});
const Job = z.looseObject({
  id: z.string(),
  title: z.string(),
  department: z.string().nullish(),
  team: z.string().nullish(),
  employmentType: z.string().nullish(),
  location: z.string().nullish(),
  secondaryLocations: z.array(z.looseObject({ location: z.string().nullish(), address: Address })).nullish(),
  address: Address,
  isRemote: z.boolean().nullish(),
  workplaceType: z.string().nullish(),
  publishedAt: z.string().nullish(),
  isListed: z.boolean().nullish(),
  jobUrl: z.string(),
  applyUrl: z.string().nullish(),
  descriptionHtml: z.string().nullish(),
  descriptionPlain: z.string().nullish(),
  compensation: z
    .looseObject({
      compensationTierSummary: z.string().nullish(),
      summaryComponents: z.array(Component).nullish(),
      compensationTiers: z.array(z.looseObject({ components: z.array(Component).nullish() })).nullish(),
    })
    .nullish(),
});
const Response = z.looseObject({ jobs: z.array(Job) });

const WORKPLACE: Record<string, WorkplaceType> = { onsite: 'onsite', remote: 'remote', hybrid: 'hybrid' };

function addressPlace(label: string | null | undefined, address: z.output<typeof Address>): Location | null {
  const pa = address?.postalAddress;
  if (!pa) return label ? place({ raw: label }) : null;
  return place({ raw: label ?? undefined, city: pa.addressLocality, region: pa.addressRegion, country: pa.addressCountry, postalCode: pa.postalCode });
}

function compensation(job: z.output<typeof Job>): Salary | null {
  const c = job.compensation;
  const components = [...(c?.summaryComponents ?? []), ...(c?.compensationTiers ?? []).flatMap((t) => t.components ?? [])];
  const salary = components.find((x) => /salary/i.test(x.compensationType ?? '') && (x.minValue != null || x.maxValue != null));
  if (!salary) return null;
  return salaryOf({ min: salary.minValue, max: salary.maxValue, currency: salary.currencyCode, period: periodOf(salary.interval), raw: c?.compensationTierSummary });
}

export const ashbyBoard: BoardClient = {
  platform: 'ashby',
  async list(ctx: BoardContext) {
    const url = ctx.apiUrl();
    const data = await fetchJson(ctx, url, Response);
    const listed = data.jobs.filter((j) => j.isListed !== false);
    const drafts = listed.slice(0, ctx.maxJobs).map((job) => {
      const locations = [addressPlace(job.location, job.address), ...(job.secondaryLocations ?? []).map((s) => addressPlace(s.location, s.address))].filter(
        (l): l is Location => l !== null,
      );
      const wp = job.workplaceType ? WORKPLACE[job.workplaceType.toLowerCase().replace(/[^a-z]/g, '')] : undefined;
      return toDraft(ctx, {
        jobId: job.id,
        url: job.jobUrl,
        title: job.title,
        locations,
        locationText: [job.location, ...(job.secondaryLocations ?? []).map((s) => s.location)],
        workplaceType: wp ?? (job.isRemote === true ? 'remote' : null),
        employment: job.employmentType,
        salary: compensation(job),
        descriptionHtml: job.descriptionHtml,
        descriptionText: job.descriptionPlain,
        department: job.department ?? job.team,
        datePosted: job.publishedAt,
        applyUrl: job.applyUrl,
      });
    });
    return { drafts, advertisedTotal: listed.length, partial: listed.length > ctx.maxJobs };
  },
};
