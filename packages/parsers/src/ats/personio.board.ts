/**
 * Personio board client: the XML feed `GET {company}.jobs.personio.de/xml?language=en`
 * (`<workzag-jobs><position>…`), read with htmlparser2 in xmlMode. The employer must switch the
 * feed on; a board without it answers HTML, which reads as not found. Job URL = `{host}/job/{id}`.
 * @module
 */
import { z } from 'zod';
import { fetchXml, validate, where } from '../boards/http.js';
import { EndpointChanged } from '../boards/errors.js';
import { sections, toDraft } from '../boards/map.js';
import { kids, parseXml, textOf } from '../boards/xml.js';
import type { BoardClient, BoardContext } from '../boards/types.js';

const Position = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  office: z.string().optional(),
  additionalOffices: z.array(z.string()),
  department: z.string().optional(),
  employmentType: z.string().optional(),
  schedule: z.string().optional(),
  createdAt: z.string().optional(),
  subcompany: z.string().optional(),
  descriptions: z.array(z.tuple([z.string().nullish(), z.string().nullish()])),
});

export const personioBoard: BoardClient = {
  platform: 'personio',
  async list(ctx: BoardContext) {
    const url = ctx.apiUrl();
    const root = parseXml(await fetchXml(ctx, url));
    if (!root || root.name !== 'workzag-jobs') {
      throw new EndpointChanged(`${where(ctx)} ${url} is not a Personio feed (root <${root?.name ?? 'none'}>)`, { details: { url } });
    }
    const host = new URL(url).host;
    const positions = kids(root, 'position').map((p) =>
      validate(
        ctx,
        Position,
        {
          id: textOf(p, 'id'),
          name: textOf(p, 'name'),
          office: textOf(p, 'office'),
          additionalOffices: kids(kids(p, 'additionalOffices')[0], 'office').map((o) => o.text).filter(Boolean),
          department: textOf(p, 'department'),
          employmentType: textOf(p, 'employmentType'),
          schedule: textOf(p, 'schedule'),
          createdAt: textOf(p, 'createdAt'),
          subcompany: textOf(p, 'subcompany'),
          descriptions: kids(kids(p, 'jobDescriptions')[0], 'jobDescription').map((d) => [textOf(d, 'name'), textOf(d, 'value')]),
        },
        url,
      ),
    );
    const drafts = positions.slice(0, ctx.maxJobs).map((p) =>
      toDraft(ctx, {
        jobId: p.id,
        url: `https://${host}/job/${encodeURIComponent(p.id)}`,
        title: p.name,
        company: p.subcompany,
        locationText: [p.office, ...p.additionalOffices],
        // `schedule` is full-time/part-time; `employmentType` is permanent/intern/trainee/freelance.
        employment: [p.schedule, p.employmentType].filter((x): x is string => !!x),
        descriptionHtml: sections(p.descriptions.map(([heading, body]) => [heading, body] as const)),
        department: p.department,
        datePosted: p.createdAt,
        applyUrl: `https://${host}/job/${encodeURIComponent(p.id)}`,
      }),
    );
    return { drafts, advertisedTotal: positions.length, partial: positions.length > ctx.maxJobs };
  },
};
