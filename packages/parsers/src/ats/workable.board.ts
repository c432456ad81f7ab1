/**
 * Workable board client: the widget API `GET apply.workable.com/api/v1/widget/accounts/{account}?details=true`
 * (all jobs in one call, no total). Remote from the structured `telecommuting` flag.
 * @module
 */
import type { Location, WorkplaceType } from '@jobkit/core';
import { z } from 'zod';
import { fetchJson } from '../boards/http.js';
import { place, sections, toDraft } from '../boards/map.js';
import {
  aliased,
  envelope,
  flag,
  id,
  idOrUrl,
  keep,
  label,
  list,
  obj,
  objOr,
  remote,
  required,
  rowsOf,
  text,
  when,
} from '../boards/rows.js';
import type { BoardClient, BoardContext } from '../boards/types.js';
import { idFromUrl, jobUrl, listedOn, seg } from '../boards/urls.js';

const BASE = 'https://apply.workable.com/';
/** Shortcodes as Workable writes them (`03FF356C8B`), which its job pages are addressed by. */
const SHORTCODE = /^[A-Z0-9]{5,12}$/i;

/** The job page Workable documents, `apply.workable.com/{account}/j/{shortcode}/`; other ids get the board page marked with the id. */
function canonical(account: string, jobId: string): string {
  return SHORTCODE.test(jobId) ? `${BASE}${seg(account)}/j/${seg(jobId)}/` : listedOn(`${BASE}${seg(account)}/`, jobId);
}
const WORKPLACE: Record<string, WorkplaceType> = { remote: 'remote', hybrid: 'hybrid', onsite: 'onsite', office: 'onsite' };
const Job = aliased(
  { title: ['name', 'full_title'] },
  z.looseObject({
    title: required('no title'),
    shortcode: id,
    // Rows without a shortcode may carry Workable's other id.
    id,
    employment_type: text,
    telecommuting: remote,
    // Newer Workable responses: `workplace` ("remote" | "hybrid" | "on_site") and a `remote` flag.
    workplace: text,
    remote,
    department: label,
    url: text,
    shortlink: text,
    application_url: text,
    published_on: when,
    created_at: when,
    country: label,
    city: label,
    state: label,
    locations: list(
      objOr('name', { name: label, country: label, countryCode: text, country_code: text, city: label, region: label, hidden: flag }),
    ),
    // Older widget/SPI responses nest one location, with `telecommuting` inside it.
    location: obj({
      country: label,
      country_code: text,
      countryCode: text,
      city: label,
      region: label,
      zip_code: text,
      telecommuting: remote,
      location_str: label,
      name: label,
    }),
    description: text,
    requirements: text,
    benefits: text,
  }),
);
const Response = envelope(
  'jobs',
  z.looseObject({
    name: text,
    jobs: rowsOf(Job, { check: (j) => idOrUrl([j.shortcode, j.id], [j.url, j.shortlink, j.application_url], BASE) }),
  }),
);

export const workableBoard: BoardClient = {
  platform: 'workable',
  async list(ctx: BoardContext) {
    const data = await fetchJson(ctx, ctx.apiUrl(), Response);
    const rows = keep(ctx, data.jobs);
    const drafts = rows.slice(0, ctx.maxJobs).map((j) => {
      const listed = j.locations
        .filter((l) => !l.hidden)
        .map((l) =>
          place({
            city: l.city,
            region: l.region,
            country: l.countryCode ?? l.country_code ?? l.country,
            raw: l.city || l.region || l.country ? undefined : l.name,
          }),
        );
      const one = j.location;
      const fallback = one
        ? place({
            city: one.city,
            region: one.region,
            country: one.country_code ?? one.countryCode ?? one.country,
            postalCode: one.zip_code,
            // The place as one string (`location_str`) when the parts are not given.
            raw: one.city || one.region || one.country ? undefined : (one.location_str ?? one.name),
          })
        : place({ city: j.city, region: j.state, country: j.country });
      const locations = (listed.length ? listed : [fallback]).filter((l): l is Location => l !== null);
      const remote = j.telecommuting ?? j.remote ?? one?.telecommuting;
      const stated = j.workplace ? WORKPLACE[j.workplace.toLowerCase().replace(/[^a-z]/g, '')] : undefined;
      // The job page Workable documents: apply.workable.com/{account}/j/{shortcode}/.
      const own = j.shortcode ?? j.id;
      const url = jobUrl(
        ctx,
        [j.url, j.shortlink, j.shortcode === undefined ? j.application_url?.replace(/\/apply\/?(?=$|[?#])/, '/') : undefined],
        () => canonical(ctx.boardToken, own!),
        BASE,
      )!;
      return toDraft(ctx, {
        jobId: own ?? idFromUrl(ctx, url),
        url,
        title: j.title,
        company: data.name,
        locations,
        // telecommuting=false says nothing about hybrid vs on-site, so only `true` is structured.
        workplaceType: stated ?? (remote === true ? 'remote' : null),
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
    return { drafts, advertisedTotal: data.jobs.length, partial: rows.length > ctx.maxJobs };
  },
  jobUrl: (ctx, jobId) => canonical(ctx.boardToken, jobId),
};
