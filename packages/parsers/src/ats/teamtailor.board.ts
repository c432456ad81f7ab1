/**
 * Teamtailor board client: the public RSS feed `GET {host}/jobs.rss?page=N` (vendor help: the data
 * is public; pages of up to 100 items), read with htmlparser2 in xmlMode. Teamtailor's own
 * elements (`tt:department`, `tt:locations`, `remoteStatus`) are used when the feed carries them.
 * @module
 */
import type { Location, WorkplaceType } from '@jobkit/core';
import { z } from 'zod';
import { checkAborted, fetchXml, validate, where } from '../boards/http.js';
import { EndpointChanged } from '../boards/errors.js';
import { place, toDraft } from '../boards/map.js';
import { descendants, kids, parseXml, textOf } from '../boards/xml.js';
import type { BoardClient, BoardContext } from '../boards/types.js';
import type { JobDraft } from '@jobkit/core';

const PAGE = 100;
const MAX_PAGES = 200;
const Item = z.object({
  title: z.string().min(1),
  link: z.url(),
  guid: z.string().optional(),
  pubDate: z.string().optional(),
  description: z.string().optional(),
  department: z.string().optional(),
  remoteStatus: z.string().optional(),
  locations: z.array(z.object({ city: z.string().optional(), country: z.string().optional(), name: z.string().optional() })),
});

function workplace(v: string | undefined): WorkplaceType | null {
  if (!v) return null;
  if (/hybrid/i.test(v)) return 'hybrid';
  if (/fully|remote/i.test(v) && !/^none$/i.test(v)) return 'remote';
  if (/^none$|on.?site/i.test(v)) return 'onsite';
  return null;
}

export const teamtailorBoard: BoardClient = {
  platform: 'teamtailor',
  async list(ctx: BoardContext) {
    const base = ctx.apiUrl();
    const drafts: JobDraft[] = [];
    const seen = new Set<string>();
    let partial = false;
    for (let page = 1; ; page++) {
      checkAborted(ctx);
      const url = page === 1 ? base : `${base}?page=${page}`;
      const root = parseXml(await fetchXml(ctx, url));
      const channel = kids(root, 'channel')[0];
      if (!root || root.name !== 'rss' || !channel) {
        throw new EndpointChanged(`${where(ctx)} ${url} is not an RSS feed (root <${root?.name ?? 'none'}>)`, { details: { url } });
      }
      const items = kids(channel, 'item');
      let fresh = 0;
      for (const node of items) {
        const item = validate(
          ctx,
          Item,
          {
            title: textOf(node, 'title'),
            link: textOf(node, 'link'),
            guid: textOf(node, 'guid'),
            pubDate: textOf(node, 'pubDate'),
            description: textOf(node, 'description'),
            department: textOf(node, 'department'),
            remoteStatus: textOf(node, 'remoteStatus'),
            locations: descendants(node, 'location').map((l) => ({ city: textOf(l, 'city'), country: textOf(l, 'country'), name: textOf(l, 'name') })),
          },
          url,
        );
        const key = item.guid ?? item.link;
        if (seen.has(key)) continue;
        seen.add(key);
        fresh++;
        const locations = item.locations.map((l) => place({ city: l.city, country: l.country, raw: l.name })).filter((l): l is Location => l !== null);
        drafts.push(
          toDraft(ctx, {
            jobId: /\/jobs\/(\d+)/.exec(item.link)?.[1] ?? key,
            url: item.link,
            title: item.title,
            locations,
            workplaceType: workplace(item.remoteStatus),
            descriptionHtml: item.description,
            department: item.department,
            datePosted: item.pubDate,
            applyUrl: item.link,
          }),
        );
      }
      if (items.length < PAGE || drafts.length >= ctx.maxJobs) break;
      // A feed that ignores ?page would repeat page 1 forever.
      if (fresh === 0) break;
      if (page >= MAX_PAGES) {
        partial = true;
        ctx.warn(`teamtailor: stopped after ${MAX_PAGES} feed pages`);
        break;
      }
    }
    return { drafts, advertisedTotal: null, partial };
  },
};
