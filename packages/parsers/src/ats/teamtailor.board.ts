/**
 * Teamtailor board client: the public RSS feed `GET {host}/jobs.rss?page=N` (vendor help: the data
 * is public; pages of up to 100 items), read with htmlparser2 in xmlMode. Teamtailor's own
 * elements (`tt:department`, `tt:locations`, `remoteStatus`) are used when the feed carries them.
 * @module
 */
import type { JobDraft, Location, WorkplaceType } from '@jobkit/core';
import { z } from 'zod';
import { EndpointChanged } from '../boards/errors.js';
import { checkAborted, fetchXml, laterPage, looksJson, parseJson, validate, where } from '../boards/http.js';
import { place, toDraft } from '../boards/map.js';
import { envelope, id, idOrUrl, keep, label, list, obj, places, remote, required, rowsOf, text, when } from '../boards/rows.js';
import type { BoardClient, BoardContext } from '../boards/types.js';
import { jobUrl, seg } from '../boards/urls.js';
import { descendants, kids, parseXml, textOf } from '../boards/xml.js';

const PAGE = 100;
const MAX_PAGES = 200;
const Item = z.looseObject({
  title: required('no title'),
  link: text,
  guid: text,
  pubDate: when,
  description: text,
  department: text,
  remoteStatus: text,
  locations: list(obj({ city: text, country: text, name: text })),
});

/**
 * Teamtailor's JSON:API job resource (`GET api.teamtailor.com/v1/jobs`: `{data: [{id, attributes,
 * links}]}`), which mirrors and other projects' mocks serve where the feed belongs.
 */
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const Address = obj({ addressLocality: label, addressRegion: label, addressCountry: label, postalCode: text });
/**
 * A job of Teamtailor's JSON shapes, read flat: a JSON:API resource (`{id, attributes, links}`, its
 * v1 API) or a JSON Feed item (`{id, url, title, content_html, date_published, _jobposting}`, its
 * public `jobs.json`).
 */
const ApiJob = z.preprocess(
  (v) => {
    if (!isPlain(v)) return v;
    const a = isPlain(v.attributes) ? v.attributes : {};
    const jp = isPlain(v._jobposting) ? v._jobposting : {};
    return {
      ...a,
      id: v.id,
      links: v.links,
      url: v.url,
      title: a.title ?? v.title ?? jp.title,
      body: a.body ?? v.content_html ?? jp.description,
      text: v.content_text ?? v.summary,
      'published-at': a['published-at'] ?? v.date_published ?? jp.datePosted ?? jp.created_at,
      'employment-type': a['employment-type'] ?? jp.employmentType ?? jp.employment_type,
      places: jp.jobLocation,
      // Feeds that flatten the posting: `location` as a label, `department`, a `remote` flag.
      where: jp.location ?? a.location,
      department: a.department ?? jp.department,
      remote: jp.remote ?? a.remote,
      locationType: jp.jobLocationType,
    };
  },
  z.looseObject({
    id,
    links: obj({ 'careersite-job-url': text }),
    url: text,
    title: required('no title'),
    body: text,
    pitch: text,
    text,
    'created-at': when,
    'published-at': when,
    'remote-status': text,
    'employment-type': label,
    status: text,
    places: list(obj({ address: Address })),
    where: places,
    department: label,
    remote,
    locationType: text,
  }),
);
const ApiJobs = envelope(
  'data',
  z.looseObject({ data: rowsOf(ApiJob, { what: 'jobs', check: (j) => idOrUrl([j.id], [j.links?.['careersite-job-url'], j.url]) }) }),
);

/** Teamtailor's JSON shapes: one page of JSON:API resources or JSON Feed items (no further pages are followed). */
function fromJson(ctx: BoardContext, url: string, json: unknown): JobDraft[] {
  const data = validate(ctx, ApiJobs, json, url);
  const origin = new URL(url).origin;
  // Only the states Teamtailor uses for jobs no longer public are left out.
  const rows = keep(ctx, data.data).filter((j) => !/^(archived|draft|unlisted|closed)$/i.test(j.status ?? ''));
  return rows.slice(0, ctx.maxJobs).map((j) => {
    // Teamtailor's job page: {host}/jobs/{id}.
    const link = jobUrl(ctx, [j.links?.['careersite-job-url'], j.url], () => `${origin}/jobs/${seg(j.id!)}`, origin)!;
    const locations = j.places
      .map(
        (p) =>
          p.address &&
          place({
            city: p.address.addressLocality,
            region: p.address.addressRegion,
            country: p.address.addressCountry,
            postalCode: p.address.postalCode,
          }),
      )
      .filter((l): l is Location => !!l);
    return toDraft(ctx, {
      // The numeric job id of the job page, as the RSS feed yields it; the resource id otherwise.
      jobId: /\/jobs\/(\d+)/.exec(link)?.[1] ?? j.id ?? link,
      url: link,
      title: j.title,
      locations,
      places: j.where,
      workplaceType:
        workplace(j['remote-status']) ??
        (j.locationType && /telecommute/i.test(j.locationType) ? 'remote' : null) ??
        (j.remote === true ? 'remote' : null),
      employment: j['employment-type'],
      department: j.department,
      descriptionHtml: j.body ?? j.pitch,
      descriptionText: j.text,
      datePosted: j['published-at'] ?? j['created-at'],
      applyUrl: link,
    });
  });
}

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
      const body = page === 1 ? await fetchXml(ctx, url) : await laterPage(ctx, url, () => fetchXml(ctx, url));
      if (body === undefined) {
        partial = true;
        break;
      }
      if (page === 1 && looksJson(body)) {
        return { drafts: fromJson(ctx, url, parseJson(ctx, body, url)), advertisedTotal: null, partial: false };
      }
      const root = parseXml(body);
      const channel = kids(root, 'channel')[0];
      if (!root || root.name !== 'rss' || !channel) {
        if (page > 1) {
          ctx.warn(`teamtailor: page ${url} is not an RSS feed; stopped paging with the jobs read so far`);
          partial = true;
          break;
        }
        throw new EndpointChanged(`${where(ctx)} ${url} is not an RSS feed (root <${root?.name ?? 'none'}>)`, { details: { url } });
      }
      const items = kids(channel, 'item');
      const Items = rowsOf(Item, { what: 'items', check: (it) => idOrUrl([], [it.link, it.guid], url) });
      const raw = items.map((node) => ({
        title: textOf(node, 'title'),
        link: textOf(node, 'link'),
        guid: textOf(node, 'guid'),
        pubDate: textOf(node, 'pubDate'),
        description: textOf(node, 'description'),
        department: textOf(node, 'department'),
        remoteStatus: textOf(node, 'remoteStatus'),
        locations: descendants(node, 'location').map((l) => ({
          city: textOf(l, 'city'),
          country: textOf(l, 'country'),
          name: textOf(l, 'name'),
        })),
      }));
      let fresh = 0;
      for (const item of keep(ctx, validate(ctx, Items, raw, url), (page - 1) * PAGE)) {
        // The item link is the job page ({host}/jobs/{id}-{slug}); the guid is often the same URL.
        const link = jobUrl(ctx, [item.link, item.guid], undefined, url)!;
        const key = item.guid ?? link;
        if (seen.has(key)) {
          ctx.repeated(key);
          continue;
        }
        seen.add(key);
        fresh++;
        const locations = item.locations
          .map((l) => place({ city: l.city, country: l.country, raw: l.name }))
          .filter((l): l is Location => l !== null);
        drafts.push(
          toDraft(ctx, {
            jobId: /\/jobs\/(\d+)/.exec(link)?.[1] ?? key,
            url: link,
            title: item.title,
            locations,
            workplaceType: workplace(item.remoteStatus),
            descriptionHtml: item.description,
            department: item.department,
            datePosted: item.pubDate,
            applyUrl: link,
          }),
        );
      }
      if (items.length < PAGE || drafts.length >= ctx.maxJobs) break;
      // A feed that ignores ?page would repeat page 1 forever.
      if (fresh === 0) {
        ctx.warn('teamtailor: a feed page repeated earlier items (?page ignored); stopped paging');
        partial = true;
        break;
      }
      if (page >= MAX_PAGES) {
        partial = true;
        ctx.warn(`teamtailor: stopped after ${MAX_PAGES} feed pages`);
        break;
      }
    }
    return { drafts, advertisedTotal: null, partial };
  },
};
