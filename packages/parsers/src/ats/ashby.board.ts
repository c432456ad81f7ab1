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
  places,
  remote,
  required,
  rowsOf,
  text,
  when,
} from '../boards/rows.js';
import type { BoardClient, BoardContext } from '../boards/types.js';
import { idFromUrl, jobUrl, seg } from '../boards/urls.js';
import { parseSalary } from '../normalize/salary.js';

const BASE = 'https://jobs.ashbyhq.com/';
const Address = obj({
  postalAddress: obj({ addressLocality: label, addressRegion: label, addressCountry: label, postalCode: text }),
});
const Component = obj({
  compensationType: text,
  interval: text,
  currencyCode: text,
  minValue: num,
  maxValue: num,
});
const Job = aliased(
  { title: ['name', 'jobTitle'] },
  z.looseObject({
    id,
    title: required('no title'),
    department: label,
    team: label,
    employmentType: text,
    // A label in the posting API; mirrors and mocks give `{ city, state, country }` or `{ name }`.
    location: places,
    // Older board responses and some mirrors: `locationName`, `departmentName`, `teamName`, `publishedDate`.
    locationName: label,
    departmentName: label,
    teamName: label,
    publishedDate: when,
    secondaryLocations: list(objOr('location', { location: label, address: Address })),
    address: Address,
    isRemote: remote,
    workplaceType: text,
    publishedAt: when,
    // Last change, the only date some mirrors keep; used when no publication date is given.
    updatedAt: when,
    isListed: flag,
    jobUrl: text,
    // Mirrors and mocks of the API: `absoluteUrl`/`url` for the job page, `postedAt`/`createdAt` for the date.
    absoluteUrl: text,
    url: text,
    postedAt: when,
    createdAt: when,
    applyUrl: text,
    descriptionHtml: text,
    descriptionPlain: text,
    // `false`: the employer hides pay on its postings, though the API still returns the tiers.
    shouldDisplayCompensationOnJobPostings: flag,
    compensation: obj({
      // Flat ranges, as mirrors and mocks of the API write them (`{ min, max, currency, period }`).
      min: num,
      max: num,
      minValue: num,
      maxValue: num,
      currency: text,
      currencyCode: text,
      period: text,
      interval: text,
      compensationTierSummary: text,
      scrapeableCompensationSalarySummary: text,
      summaryComponents: list(Component),
      compensationTiers: list(obj({ components: list(Component) })),
    }),
  }),
);
const Response = envelope(
  'jobs',
  z.looseObject({ jobs: rowsOf(Job, { check: (j) => idOrUrl([j.id], [j.jobUrl, j.absoluteUrl, j.url, j.applyUrl], BASE) }) }),
);

const WORKPLACE: Record<string, WorkplaceType> = { onsite: 'onsite', remote: 'remote', hybrid: 'hybrid' };

function addressPlace(label: string | undefined, address: z.output<typeof Address>): Location | null {
  const pa = address?.postalAddress;
  if (!pa) return label ? place({ raw: label }) : null;
  return place({ raw: label, city: pa.addressLocality, region: pa.addressRegion, country: pa.addressCountry, postalCode: pa.postalCode });
}

function compensation(job: z.output<typeof Job>): Salary | null {
  const c = job.compensation;
  if (job.shouldDisplayCompensationOnJobPostings === false) return null;
  const components = [...(c?.summaryComponents ?? []), ...(c?.compensationTiers ?? []).flatMap((t) => t.components)];
  const salary = components.find((x) => /salary/i.test(x.compensationType ?? '') && (x.minValue != null || x.maxValue != null));
  const summary = c?.compensationTierSummary ?? c?.scrapeableCompensationSalarySummary;
  if (!salary) {
    const min = c?.min ?? c?.minValue;
    const max = c?.max ?? c?.maxValue;
    if (min == null && max == null) return null;
    const currency = c?.currency ?? c?.currencyCode ?? (summary ? parseSalary(summary)?.currency : undefined);
    return salaryOf({ min, max, currency, period: periodOf(c?.period ?? c?.interval), raw: summary });
  }
  // Components without a currency code: the summary text ("€55K – €70K") still names it.
  const currency = salary.currencyCode ?? (summary ? parseSalary(summary)?.currency : undefined);
  return salaryOf({ min: salary.minValue, max: salary.maxValue, currency, period: periodOf(salary.interval), raw: summary });
}

/** A job URL from an apply URL (`…/{id}/application`, `…/{id}/apply`), for rows with nothing else. */
function stripApply(url: string | undefined): string | undefined {
  return url?.replace(/\/(?:application|apply)\/?(?=$|[?#])/, '');
}

export const ashbyBoard: BoardClient = {
  platform: 'ashby',
  async list(ctx: BoardContext) {
    const url = ctx.apiUrl();
    const data = await fetchJson(ctx, url, Response);
    const listed = keep(ctx, data.jobs).filter((j) => j.isListed !== false);
    const unlisted = data.jobs.rows.length - listed.length;
    const drafts = listed.slice(0, ctx.maxJobs).map((job) => {
      const link = jobUrl(
        ctx,
        [job.jobUrl, job.absoluteUrl, job.url, job.id === undefined ? stripApply(job.applyUrl) : undefined],
        () => `${BASE}${seg(ctx.boardToken)}/${seg(job.id!)}`,
        BASE,
      )!;
      const parts = job.location[0];
      const primary = parts?.raw ?? job.locationName;
      const inParts = parts !== undefined && (parts.city ?? parts.region ?? parts.country) !== undefined;
      const locations = [
        inParts && !job.address?.postalAddress ? place(parts) : addressPlace(primary, job.address),
        ...job.secondaryLocations.map((s) => addressPlace(s.location, s.address)),
      ].filter((l): l is Location => l !== null);
      const wp = job.workplaceType ? WORKPLACE[job.workplaceType.toLowerCase().replace(/[^a-z]/g, '')] : undefined;
      return toDraft(ctx, {
        jobId: job.id ?? idFromUrl(ctx, link),
        url: link,
        title: job.title,
        locations,
        locationText: [primary, ...job.secondaryLocations.map((s) => s.location)],
        workplaceType: wp ?? (job.isRemote === true ? 'remote' : null),
        employment: job.employmentType,
        salary: compensation(job),
        // No structured salary component: the summary text ("CA$215K - CA$310K") is parsed instead.
        salaryText:
          job.shouldDisplayCompensationOnJobPostings === false
            ? null
            : (job.compensation?.scrapeableCompensationSalarySummary ?? job.compensation?.compensationTierSummary),
        descriptionHtml: job.descriptionHtml,
        descriptionText: job.descriptionPlain,
        department: job.department ?? job.departmentName ?? job.team ?? job.teamName,
        datePosted: job.publishedAt ?? job.publishedDate ?? job.postedAt ?? job.createdAt ?? job.updatedAt,
        applyUrl: job.applyUrl,
      });
    });
    // No stated total: what the response lists, unlisted jobs aside.
    return { drafts, advertisedTotal: data.jobs.length - unlisted, partial: listed.length > ctx.maxJobs };
  },
  jobUrl: (ctx, jobId) => `${BASE}${seg(ctx.boardToken)}/${seg(jobId)}`,
};
