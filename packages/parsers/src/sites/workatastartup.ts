/**
 * Y Combinator's Work at a Startup (`workatastartup.com/jobs/<id>`): an Inertia page whose
 * `data-page` attribute carries the job and company as JSON (read first), with the server
 * rendered header ("Role at Company (S23)", salary, location and job-type chips) behind it.
 * @module
 */
import { defineSite, type EmbeddedFields } from './types.js';

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function read(data: unknown): EmbeddedFields | undefined {
  const props = (data as { props?: { job?: Record<string, unknown>; company?: Record<string, unknown> } } | null)?.props;
  const job = props?.job;
  if (!job || typeof job !== 'object') return undefined;
  const out: EmbeddedFields = {};
  const set = (k: keyof EmbeddedFields, v: unknown) => {
    const s = str(v);
    if (s) out[k] = s;
  };
  set('title', job.title);
  set('company', props?.company?.name);
  set('location', job.location);
  set('employmentType', job.jobType);
  set('salary', job.salaryRange);
  set('descriptionHtml', job.descriptionHtml);
  return out;
}

export const workatastartup = defineSite({
  id: 'workatastartup',
  name: 'Work at a Startup (YC)',
  hosts: ['workatastartup.com'],
  match: (url) => /^\/jobs\/\d+/.test(url.pathname),
  embedded: [{ select: 'div[data-page] @data-page', read }],
  fields: {
    title: ['h1'],
    company: ['h1 a[href^="/companies/"]', 'a[href^="/companies/"] img @alt'],
  },
  clean: {
    // "Backend Engineer at VectorShift (S23)": the heading also names the company and batch.
    title: (t) => {
      const at = t.lastIndexOf(' at ');
      return at > 0 ? t.slice(0, at).trim() : t;
    },
  },
  fromTitle: (t) => {
    const bar = t.indexOf(' | ');
    const head = bar > 0 ? t.slice(0, bar) : t;
    const at = head.lastIndexOf(' at ');
    return at > 0 ? { title: head.slice(0, at), company: head.slice(at + 4) } : undefined;
  },
  // No defaultPeriod: the pages write "$150K - $190K" without one, and a reader records none.
  listing: {
    jobLinks: ['a[href^="/jobs/"][data-jobid] @href', '.jobs-list a[href*="/jobs/"] @href'],
  },
});
