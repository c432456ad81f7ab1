/**
 * Dover board client, two steps: `GET app.dover.com/api/v1/careers-page-slug/{slug}` → `{id, name}`,
 * then `GET app.dover.com/api/v1/careers-page/{id}/jobs?limit=300&offset=0` → `{count, next, results[]}`
 * following `next` to the end. Sample jobs (`is_sample`) are skipped. The list has no description
 * or date; those would need one detail call per job, which Dover's public app does not batch.
 * @module
 */
import type { JobDraft, Location, WorkplaceType } from '@jobkit/core';
import { z } from 'zod';
import { EndpointChanged } from '../boards/errors.js';
import { checkAborted, fetchJson, laterPage, where } from '../boards/http.js';
import { httpUrl, place, toDraft } from '../boards/map.js';
import { aliased, count, envelope, flag, id, idOrUrl, keep, label, list, obj, objOr, required, rowsOf, text } from '../boards/rows.js';
import type { BoardClient, BoardContext } from '../boards/types.js';
import { seg } from '../boards/urls.js';

const Slug = z.looseObject({ id: z.union([z.string(), z.number()]), name: z.string().nullish(), primary_domain: z.string().nullish() });
const Job = aliased(
  { title: ['name'] },
  z.looseObject({
    id,
    title: required('no title'),
    is_sample: flag,
    workplace_type: text,
    // Parts sit on the location itself or, in Dover's current responses, under `location_option`.
    locations: list(
      objOr('name', {
        name: label,
        location_type: text,
        city: label,
        state: label,
        country: label,
        location_option: obj({ display_name: label, city: label, state: label, country: label }),
      }),
    ),
  }),
);
const Page = envelope('results', z.looseObject({ count, next: text, results: rowsOf(Job, { check: (j) => idOrUrl([j.id]) }) }));
const MAX_PAGES = 100;

function workplace(values: (string | null | undefined)[]): WorkplaceType | null {
  const v = values.filter(Boolean).join(' ').toLowerCase();
  if (/hybrid/.test(v)) return 'hybrid';
  if (/remote/.test(v)) return 'remote';
  if (/on.?site|in.?office|in.?person/.test(v)) return 'onsite';
  return null;
}

export const doverBoard: BoardClient = {
  platform: 'dover',
  async list(ctx: BoardContext) {
    const slugUrl = ctx.apiUrl();
    const board = await fetchJson(ctx, slugUrl, Slug);
    const origin = new URL(slugUrl).origin;
    let next: string | undefined = `${origin}/api/v1/careers-page/${encodeURIComponent(String(board.id))}/jobs?limit=300&offset=0`;
    const drafts: JobDraft[] = [];
    let total: number | null = null;
    let samples = 0;
    let listed = 0;
    const seen = new Set<string>();
    const visited = new Set<string>();
    let partial = false;
    for (let i = 0; next !== undefined && i < MAX_PAGES; i++) {
      checkAborted(ctx);
      visited.add(next);
      const url: string = next;
      const page: z.output<typeof Page> | undefined =
        i === 0 ? await fetchJson(ctx, url, Page) : await laterPage(ctx, url, () => fetchJson(ctx, url, Page));
      if (page === undefined) {
        partial = true;
        break;
      }
      if (i === 0) total = page.count ?? null;
      let fresh = 0;
      for (const j of keep(ctx, page.results, listed)) {
        if (seen.has(j.id!)) {
          ctx.repeated(j.id!);
          continue;
        }
        seen.add(j.id!);
        fresh++;
        if (j.is_sample) {
          samples++;
          continue;
        }
        const locations = j.locations
          .map((l) => {
            const o = l.location_option;
            return place({
              city: l.city ?? o?.city,
              region: l.state ?? o?.state,
              country: l.country ?? o?.country,
              raw: l.name ?? o?.display_name,
            });
          })
          .filter((l): l is Location => l !== null);
        // Dover's hosted application page: app.dover.com/apply/{slug}/{id}.
        const url = `https://app.dover.com/apply/${seg(ctx.boardToken)}/${seg(j.id!)}`;
        drafts.push(
          toDraft(ctx, {
            jobId: j.id!,
            url,
            title: j.title,
            company: board.name,
            locations,
            workplaceType: workplace([j.workplace_type, ...j.locations.map((l) => l.location_type)]),
            applyUrl: url,
          }),
        );
      }
      listed += page.results.length;
      if (drafts.length >= ctx.maxJobs) break;
      if (i > 0 && fresh === 0 && page.results.rows.length > 0) {
        ctx.warn('dover: a page repeated earlier jobs (offset ignored); stopped paging');
        partial = true;
        break;
      }
      const following: string | undefined = page.next ? httpUrl(page.next, next) : undefined;
      if (page.next && !following) throw new EndpointChanged(`${where(ctx)} unusable next link ${page.next}`);
      // A `next` that points back at a page already read would loop.
      next = following !== undefined && !visited.has(following) ? following : undefined;
    }
    // Sample jobs are in `count` but are not real openings.
    return { drafts, advertisedTotal: total === null ? null : total - samples, partial };
  },
};
