/**
 * Breezy HR board client: `GET {company}.breezy.hr/json` → bare array (no paging, no total).
 * `location.is_remote` is structured; `salary` is free text, parsed by the salary normalizer.
 * @module
 */
import type { WorkplaceType } from '@jobkit/core';
import { z } from 'zod';
import { fetchJson } from '../boards/http.js';
import { place, toDraft } from '../boards/map.js';
import { aliased, bare, id, idOrUrl, keep, label, obj, remote, required, rowsOf, text, when } from '../boards/rows.js';
import type { BoardClient, BoardContext } from '../boards/types.js';
import { idFromUrl, jobUrl, seg } from '../boards/urls.js';

/** `{ id, name }` objects or plain strings (`country: "PT"`). */
const Named = z
  .unknown()
  .optional()
  .transform((v) => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      return { id: label.parse(o.id), name: label.parse(o.name) };
    }
    const t = label.parse(v);
    return t === undefined ? undefined : { id: undefined, name: t };
  });
const Job = aliased(
  { name: ['title'] },
  z.looseObject({
    id,
    friendly_id: id,
    name: required('no title'),
    url: text,
    published_date: when,
    type: Named,
    location: obj({ city: label, state: Named, country: Named, name: label, is_remote: remote }),
    department: label,
    salary: label,
    company: obj({ name: text }),
    description: text,
  }),
);
const Response = bare(rowsOf(Job, { check: (j) => idOrUrl([j.id, j.friendly_id], [j.url]) }));

export const breezyBoard: BoardClient = {
  platform: 'breezy',
  async list(ctx: BoardContext) {
    const apiUrl = ctx.apiUrl();
    const origin = new URL(apiUrl).origin;
    const data = await fetchJson(ctx, apiUrl, Response);
    const rows = keep(ctx, data);
    const drafts = rows.slice(0, ctx.maxJobs).map((j) => {
      const l = j.location;
      const loc = l ? place({ city: l.city, region: l.state?.name, country: l.country?.id ?? l.country?.name, raw: l.name }) : null;
      const wp: WorkplaceType | null = l?.is_remote === true ? 'remote' : null;
      // Breezy's position page: {company}.breezy.hr/p/{friendly_id} (the id leads the friendly id).
      const url = jobUrl(ctx, [j.url], () => `${origin}/p/${seg((j.friendly_id ?? j.id)!)}`, origin)!;
      return toDraft(ctx, {
        jobId: j.id ?? j.friendly_id ?? idFromUrl(ctx, url),
        url,
        title: j.name,
        company: j.company?.name,
        locations: loc ? [loc] : [],
        locationText: l?.name,
        workplaceType: wp,
        employment: j.type?.name,
        salaryText: j.salary,
        descriptionHtml: j.description,
        department: j.department,
        datePosted: j.published_date,
        applyUrl: url,
      });
    });
    return { drafts, advertisedTotal: data.length, partial: rows.length > ctx.maxJobs };
  },
};
