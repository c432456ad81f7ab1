/**
 * Personio board client: the XML feed `GET {company}.jobs.personio.de/xml?language=en`
 * (`<workzag-jobs><position>…`), read with htmlparser2 in xmlMode. The employer must switch the
 * feed on; a board without it answers HTML, which reads as not found. Job URL = `{host}/job/{id}`.
 * @module
 */
import { z } from 'zod';
import { EndpointChanged } from '../boards/errors.js';
import { fetchXml, validate, where } from '../boards/http.js';
import { sections, toDraft } from '../boards/map.js';
import { any, id, idOrUrl, keep, list, required, rowsOf, text, when } from '../boards/rows.js';
import type { BoardClient, BoardContext } from '../boards/types.js';
import { seg } from '../boards/urls.js';
import { kids, parseXml, textOf } from '../boards/xml.js';

const Position = z.looseObject({
  id,
  name: required('no title'),
  office: text,
  additionalOffices: list(text),
  department: text,
  employmentType: text,
  schedule: text,
  createdAt: when,
  subcompany: text,
  descriptions: list(any),
});
const Positions = rowsOf(Position, { what: 'positions', check: (p) => idOrUrl([p.id]) });

export const personioBoard: BoardClient = {
  platform: 'personio',
  async list(ctx: BoardContext) {
    const url = ctx.apiUrl();
    const root = parseXml(await fetchXml(ctx, url));
    if (!root || root.name !== 'workzag-jobs') {
      throw new EndpointChanged(`${where(ctx)} ${url} is not a Personio feed (root <${root?.name ?? 'none'}>)`, { details: { url } });
    }
    const host = new URL(url).host;
    const raw = kids(root, 'position').map((p) => ({
      id: textOf(p, 'id'),
      name: textOf(p, 'name'),
      office: textOf(p, 'office'),
      additionalOffices: kids(kids(p, 'additionalOffices')[0], 'office').map((o) => o.text),
      department: textOf(p, 'department'),
      employmentType: textOf(p, 'employmentType'),
      schedule: textOf(p, 'schedule'),
      createdAt: textOf(p, 'createdAt'),
      subcompany: textOf(p, 'subcompany'),
      descriptions: kids(kids(p, 'jobDescriptions')[0], 'jobDescription').map((d) => [textOf(d, 'name'), textOf(d, 'value')] as const),
    }));
    const rows = validate(ctx, Positions, raw, url);
    const positions = keep(ctx, rows);
    const drafts = positions.slice(0, ctx.maxJobs).map((p) => {
      // Personio's job page: {company}.jobs.personio.de/job/{id}.
      const link = `https://${host}/job/${seg(p.id!)}`;
      const parts = (p.descriptions as (readonly [string | undefined, string | undefined])[]).map(
        ([heading, body]) => [heading, body] as const,
      );
      return toDraft(ctx, {
        jobId: p.id!,
        url: link,
        title: p.name,
        company: p.subcompany,
        locationText: [p.office, ...p.additionalOffices],
        // `schedule` is full-time/part-time; `employmentType` is permanent/intern/trainee/freelance.
        employment: [p.schedule, p.employmentType].filter((x): x is string => !!x),
        descriptionHtml: sections(parts),
        department: p.department,
        datePosted: p.createdAt,
        applyUrl: link,
      });
    });
    return { drafts, advertisedTotal: rows.length, partial: positions.length > ctx.maxJobs };
  },
};
