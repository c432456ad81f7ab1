/**
 * Lever board client: `GET api.lever.co/v0/postings/{company}?mode=json&skip=N&limit=100` (bare
 * array, no total), paged until a short page. Structured `workplaceType`, `salaryRange`,
 * `categories` (location, team, department, commitment) and `createdAt` (epoch ms).
 * @module
 */
import type { JobDraft, WorkplaceType } from '@jobkit/core';
import { z } from 'zod';
import { checkAborted, fetchJson, laterPage } from '../boards/http.js';
import { describe, periodOf, salaryOf, sections, toDraft } from '../boards/map.js';
import { aliased, bare, id, idOrUrl, keep, label, list, num, obj, required, rowsOf, text, when } from '../boards/rows.js';
import type { BoardClient, BoardContext } from '../boards/types.js';
import { idFromUrl, jobUrl, seg } from '../boards/urls.js';

const PAGE = 100;
const BASE = 'https://jobs.lever.co/';
const Posting = aliased(
  { text: ['title', 'name'], hostedUrl: ['url', 'jobUrl'] },
  z.looseObject({
    id,
    text: required('no title'),
    hostedUrl: text,
    applyUrl: text,
    createdAt: when,
    workplaceType: text,
    country: text,
    categories: obj({ location: label, team: label, department: label, commitment: label, allLocations: list(label) }),
    // Mirrors and mocks of Lever's authenticated API put these beside `categories`, as named objects or text.
    department: label,
    team: label,
    locations: list(label),
    salaryRange: obj({ min: num, max: num, currency: text, interval: text }),
    description: text,
    descriptionPlain: text,
    // Newer postings split the description: `opening` + `descriptionBody`.
    opening: text,
    descriptionBody: text,
    descriptionBodyPlain: text,
    salaryDescription: text,
    salaryDescriptionPlain: text,
    lists: list(obj({ text: text, content: text })),
    additional: text,
  }),
);
const Page = bare(rowsOf(Posting, { what: 'postings', check: (p) => idOrUrl([p.id], [p.hostedUrl, p.applyUrl], BASE) }));

const WORKPLACE: Record<string, WorkplaceType> = { remote: 'remote', hybrid: 'hybrid', 'on-site': 'onsite', onsite: 'onsite' };

export const leverBoard: BoardClient = {
  platform: 'lever',
  async list(ctx: BoardContext) {
    const base = ctx.apiUrl();
    // The hosted job page Lever documents: jobs(.eu).lever.co/{site}/{id}.
    const jobsHost = new URL(base).host.replace(/^api\./, 'jobs.');
    const drafts: JobDraft[] = [];
    const seen = new Set<string>();
    let partial = false;
    for (let skip = 0; ; skip += PAGE) {
      checkAborted(ctx);
      const pageUrl = `${base}&skip=${skip}&limit=${PAGE}`;
      const page = skip === 0 ? await fetchJson(ctx, pageUrl, Page) : await laterPage(ctx, pageUrl, () => fetchJson(ctx, pageUrl, Page));
      if (page === undefined) {
        partial = true;
        break;
      }
      let fresh = 0;
      for (const p of keep(ctx, page, skip)) {
        // A row with only its apply URL (`…/{id}/apply`) still names its job page.
        const url = jobUrl(
          ctx,
          [p.hostedUrl, p.id === undefined ? p.applyUrl?.replace(/\/apply\/?(?=$|[?#])/, '') : undefined],
          () => `https://${jobsHost}/${seg(ctx.boardToken)}/${seg(p.id!)}`,
          BASE,
        )!;
        const key = p.id ?? url;
        if (seen.has(key)) {
          ctx.repeated(key);
          continue;
        }
        seen.add(key);
        fresh++;
        const cats = p.categories;
        const locs = cats?.allLocations.length ? cats.allLocations : cats?.location ? [cats.location] : p.locations;
        const workplace = p.workplaceType?.toLowerCase();
        const draft = toDraft(ctx, {
          jobId: p.id ?? idFromUrl(ctx, url),
          url,
          title: p.text,
          locationText: locs,
          workplaceType: workplace ? WORKPLACE[workplace] : null,
          employment: cats?.commitment,
          salary: p.salaryRange
            ? salaryOf({
                min: p.salaryRange.min,
                max: p.salaryRange.max,
                currency: p.salaryRange.currency,
                period: periodOf(p.salaryRange.interval),
              })
            : null,
          salaryText: p.salaryRange
            ? null
            : (p.salaryDescriptionPlain ?? (p.salaryDescription ? describe(p.salaryDescription).text : null)),
          descriptionHtml: sections([
            [
              null,
              p.description ?? (p.opening || p.descriptionBody ? [p.opening, p.descriptionBody].filter(Boolean).join('\n') : undefined),
            ],
            ...p.lists.map((l) => [l.text, l.content ? `<ul>${l.content}</ul>` : null] as const),
            [null, p.additional],
          ]),
          descriptionText: p.descriptionPlain ?? p.descriptionBodyPlain,
          department: cats?.department ?? cats?.team ?? p.department ?? p.team,
          datePosted: p.createdAt,
          applyUrl: p.applyUrl,
        });
        // Lever gives the country code separately from the location label.
        const cc = p.country?.toUpperCase();
        if (cc && /^[A-Z]{2}$/.test(cc) && draft.locations.length === 1 && !draft.locations[0]!.country) draft.locations[0]!.country = cc;
        drafts.push(draft);
      }
      if (page.length < PAGE) break;
      if (fresh === 0 && page.rows.length > 0) {
        ctx.warn('lever: the API ignored skip (a page repeated earlier postings); stopped paging');
        partial = true;
        break;
      }
      if (drafts.length >= ctx.maxJobs) break;
    }
    return { drafts, advertisedTotal: null, partial };
  },
  jobUrl: (ctx, jobId) => `https://${new URL(ctx.apiUrl()).host.replace(/^api\./, 'jobs.')}/${seg(ctx.boardToken)}/${seg(jobId)}`,
};
