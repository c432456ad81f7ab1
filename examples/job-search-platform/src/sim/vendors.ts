/**
 * The eight simulated ATS vendors: for each, the board token and URLs a company gets, the hosted
 * board and job pages, and the public board API answered in the vendor's documented shape
 * (see /work/shared/research/ats-landscape.md). Requests arrive already split into host, path and
 * query by `server.ts`; company sites (`own-*` kinds) are answered there too.
 * @module
 */
import { atsCareersPage, descriptionHtml, employmentLabel, esc, homePage, jobListPage, jobPage } from './pages.js';
import type { SimCompany, SimJob, Vendor, World } from './world.js';

/** One HTTP request to the simulated internet. */
export interface SimRequest {
  method: string;
  host: string;
  /** Path without the query, starting with `/`. */
  path: string;
  query: URLSearchParams;
  body: string;
}

/** What the simulated internet answers. */
export interface SimResponse {
  status: number;
  contentType: string;
  body: string;
}

const html = (body: string, status = 200): SimResponse => ({ status, contentType: 'text/html; charset=utf-8', body });
const json = (value: unknown, status = 200): SimResponse => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
});
const xml = (body: string): SimResponse => ({ status: 200, contentType: 'application/xml; charset=utf-8', body });
export const notFound = (): SimResponse => html('<!doctype html><title>Not found</title><h1>Page not found</h1>', 404);

const compact = (s: string) => s.replace(/[^a-z0-9]/gi, '');
const pascal = (c: SimCompany) => c.name.replace(/[^A-Za-z0-9]/g, '');
/** Workday paths carry the city and title as dashed slugs. */
const dashed = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
// The slug is fixed at creation: a retitled Workday job keeps its URL, as on the real site.
const workdayPath = (j: SimJob) => `/job/${dashed(j.city)}/${dashed(j.slug)}_R${j.id}`;
/** Workable short codes are ten upper-case hex characters. */
const shortcode = (j: SimJob) =>
  Number(j.id.replace(/\D/g, '').slice(0, 12) || '0')
    .toString(16)
    .toUpperCase()
    .padStart(10, '0')
    .slice(-10);
const iso = (day: string) => `${day}T09:00:00Z`;

/** Board token of a company on its vendor (what the ATS detector reads from board URLs). */
export function boardToken(c: SimCompany): string {
  switch (c.kind) {
    case 'greenhouse':
    case 'recruitee':
    case 'personio':
      return compact(c.slug);
    case 'smartrecruiters':
      return pascal(c);
    case 'workday':
      return `${compact(c.slug)}/External`;
    default:
      return c.slug;
  }
}

/** The vendor host a company's board lives on (Workday, Recruitee and Personio have one per tenant). */
export function vendorHost(c: SimCompany): string {
  const t = compact(c.slug);
  switch (c.kind as Vendor) {
    case 'greenhouse':
      return 'boards.greenhouse.io';
    case 'lever':
      return 'jobs.lever.co';
    case 'ashby':
      return 'jobs.ashbyhq.com';
    case 'workday':
      return `${t}.wd5.myworkdayjobs.com`;
    case 'smartrecruiters':
      return 'jobs.smartrecruiters.com';
    case 'workable':
      return 'apply.workable.com';
    case 'recruitee':
      return `${t}.recruitee.com`;
    case 'personio':
      return `${t}.jobs.personio.de`;
  }
}

/** Public URL of the hosted board a careers page links to. */
function boardUrl(c: SimCompany): string {
  const t = boardToken(c);
  switch (c.kind as Vendor) {
    case 'greenhouse':
      return `https://boards.greenhouse.io/${t}`;
    case 'lever':
      return `https://jobs.lever.co/${t}`;
    case 'ashby':
      return `https://jobs.ashbyhq.com/${t}`;
    case 'workday':
      return `https://${vendorHost(c)}/en-US/External`;
    case 'smartrecruiters':
      return `https://careers.smartrecruiters.com/${t}`;
    case 'workable':
      return `https://apply.workable.com/${t}/`;
    case 'recruitee':
      return `https://${vendorHost(c)}/`;
    case 'personio':
      return `https://${vendorHost(c)}/`;
  }
}

/** Public URL of a job: the vendor's hosted job page, or the company's own careers page. */
export function jobUrl(c: SimCompany, j: SimJob): string {
  const t = boardToken(c);
  switch (c.kind) {
    case 'greenhouse':
      return `https://boards.greenhouse.io/${t}/jobs/${j.id}`;
    case 'lever':
      return `https://jobs.lever.co/${t}/${j.id}`;
    case 'ashby':
      return `https://jobs.ashbyhq.com/${t}/${j.id}`;
    case 'workday':
      return `https://${vendorHost(c)}/External${workdayPath(j)}`;
    case 'smartrecruiters':
      return `https://jobs.smartrecruiters.com/${t}/${j.id}-${j.slug}`;
    case 'workable':
      return `https://apply.workable.com/${t}/j/${shortcode(j)}/`;
    case 'recruitee':
      return `https://${vendorHost(c)}/o/${j.slug}-${j.id}`;
    case 'personio':
      return `https://${vendorHost(c)}/job/${j.id}`;
    default:
      return `https://${c.domain}/careers/jobs/${j.id}-${j.slug}`;
  }
}

/** Where a candidate applies. */
function applyUrl(c: SimCompany, j: SimJob): string {
  const u = jobUrl(c, j);
  if (c.kind === 'lever' || c.kind === 'ashby') return `${u}/apply`;
  if (c.kind === 'workable') return `${u}apply/`;
  if (c.kind === 'personio') return `${u}#apply`;
  return u.endsWith('/') ? `${u}apply` : `${u}/apply`;
}

const LABELS: Record<Vendor, string> = {
  greenhouse: 'Greenhouse',
  lever: 'Lever',
  ashby: 'Ashby',
  workday: 'Workday',
  smartrecruiters: 'SmartRecruiters',
  workable: 'Workable',
  recruitee: 'Recruitee',
  personio: 'Personio',
};

interface Index {
  byDomain: Map<string, SimCompany>;
  /** `<vendor>:<token>` (lower case) → company. */
  byToken: Map<string, SimCompany>;
  /** Tenant hosts (Workday, Recruitee, Personio) → company. */
  byHost: Map<string, SimCompany>;
}
const indexes = new WeakMap<World, Index>();

function indexOf(world: World): Index {
  let ix = indexes.get(world);
  if (ix) return ix;
  ix = { byDomain: new Map(), byToken: new Map(), byHost: new Map() };
  for (const c of world.companies) {
    ix.byDomain.set(c.domain, c);
    ix.byDomain.set(`www.${c.domain}`, c);
    if (c.kind === 'own-jsonld' || c.kind === 'own-plain') continue;
    ix.byToken.set(`${c.kind}:${boardToken(c).toLowerCase()}`, c);
    if (c.kind === 'workday') ix.byToken.set(`workday:${compact(c.slug)}`, c);
    ix.byHost.set(vendorHost(c), c);
  }
  indexes.set(world, ix);
  return ix;
}

const live = (c: SimCompany) => c.jobs;

function hostedJob(c: SimCompany, j: SimJob | undefined): SimResponse {
  if (!j) return notFound();
  return html(
    jobPage(c, j, {
      url: jobUrl(c, j),
      applyUrl: applyUrl(c, j),
      jsonLd: true,
      footer: `<footer>Powered by ${LABELS[c.kind as Vendor]}</footer>`,
    }),
  );
}

function hostedBoard(c: SimCompany): SimResponse {
  return html(
    jobListPage(
      `Jobs at ${c.name}`,
      c,
      live(c).map((job) => ({ href: jobUrl(c, job), job })),
    ),
  );
}

const byId = (c: SimCompany, id: string | undefined) => c.jobs.find((j) => j.id === id);

// --- per-vendor API payloads -------------------------------------------------------------

function greenhouseJob(c: SimCompany, j: SimJob) {
  return {
    id: Number(j.id),
    internal_job_id: Number(j.id) + 1,
    title: j.title,
    updated_at: `${iso(j.postedAt).slice(0, 19)}-04:00`,
    first_published: `${iso(j.postedAt).slice(0, 19)}-04:00`,
    requisition_id: `REQ-${j.id}`,
    company_name: c.name,
    absolute_url: jobUrl(c, j),
    location: { name: `${j.city}, ${j.region}, ${j.countryName}` },
    metadata: [{ id: 1, name: 'Employment Type', value: employmentLabel(j), value_type: 'single_select' }],
    // Greenhouse escapes the HTML once in `content`.
    content: esc(descriptionHtml(j)),
    departments: [{ id: 10, name: j.department }],
    offices: [{ id: 20, name: j.city, location: `${j.city}, ${j.countryName}` }],
  };
}

function leverPosting(c: SimCompany, j: SimJob) {
  return {
    id: j.id,
    text: j.title,
    hostedUrl: jobUrl(c, j),
    applyUrl: applyUrl(c, j),
    createdAt: Date.parse(iso(j.postedAt)),
    country: j.country,
    workplaceType: j.workplace === 'onsite' ? 'on-site' : j.workplace,
    categories: {
      location: `${j.city}, ${j.countryName}`,
      team: j.department,
      department: j.department,
      commitment: employmentLabel(j),
      allLocations: [`${j.city}, ${j.countryName}`],
    },
    salaryRange: j.salary ? { min: j.salary.min, max: j.salary.max, currency: j.salary.currency, interval: 'per-year-salary' } : undefined,
    description: `<div>${j.paragraphs[0] ?? ''}</div>`,
    descriptionPlain: j.paragraphs[0] ?? '',
    lists: j.paragraphs.slice(1).map((p, i) => ({ text: i === 0 ? 'What you will do' : 'More', content: `<li>${esc(p)}</li>` })),
    additional: '',
  };
}

function ashbyJob(c: SimCompany, j: SimJob) {
  const comp = j.salary
    ? { compensationType: 'Salary', interval: '1 YEAR', currencyCode: j.salary.currency, minValue: j.salary.min, maxValue: j.salary.max }
    : null;
  return {
    id: j.id,
    title: j.title,
    department: j.department,
    team: j.department,
    employmentType:
      j.employment === 'full_time'
        ? 'FullTime'
        : j.employment === 'part_time'
          ? 'PartTime'
          : j.employment === 'contract'
            ? 'Contract'
            : 'Intern',
    location: j.city,
    secondaryLocations: [],
    address: { postalAddress: { addressLocality: j.city, addressRegion: j.region, addressCountry: j.countryName } },
    isRemote: j.workplace === 'remote',
    workplaceType: j.workplace === 'onsite' ? 'OnSite' : j.workplace === 'remote' ? 'Remote' : 'Hybrid',
    publishedAt: `${j.postedAt}T09:00:00.000+00:00`,
    isListed: true,
    jobUrl: jobUrl(c, j),
    applyUrl: applyUrl(c, j),
    descriptionHtml: descriptionHtml(j),
    descriptionPlain: j.paragraphs.join('\n\n'),
    shouldDisplayCompensationOnJobPostings: comp !== null,
    compensation: comp
      ? {
          compensationTierSummary: null,
          scrapeableCompensationSalarySummary: null,
          compensationTiers: [{ components: [comp] }],
          summaryComponents: [comp],
        }
      : undefined,
  };
}

function workdayDetail(c: SimCompany, j: SimJob) {
  return {
    jobPostingInfo: {
      id: j.id,
      title: j.title,
      jobDescription: descriptionHtml(j),
      location: `${j.city}, ${j.countryName}`,
      postedOn: 'Posted 30+ Days Ago',
      startDate: j.postedAt,
      timeType: j.employment === 'part_time' ? 'Part time' : 'Full time',
      jobReqId: `R${j.id}`,
      remoteType: j.workplace === 'onsite' ? 'On-site' : j.workplace === 'remote' ? 'Remote' : 'Hybrid',
      externalUrl: jobUrl(c, j),
      country: { descriptor: j.countryName, id: j.country },
    },
    hiringOrganization: { name: c.name },
  };
}

function smartPosting(c: SimCompany, j: SimJob) {
  return {
    id: j.id,
    uuid: `sr-${j.id}`,
    name: j.title,
    refNumber: `REF${j.id}`,
    releasedDate: `${j.postedAt}T09:00:00.000Z`,
    location: {
      city: j.city,
      region: j.region,
      country: j.country.toLowerCase(),
      remote: j.workplace === 'remote',
      hybrid: j.workplace === 'hybrid',
      fullLocation: `${j.city}, ${j.region}, ${j.countryName}`,
    },
    department: { id: '1', label: j.department },
    typeOfEmployment: { id: j.employment, label: employmentLabel(j) },
    company: { identifier: boardToken(c), name: c.name },
    ref: `https://api.smartrecruiters.com/v1/companies/${boardToken(c)}/postings/${j.id}`,
  };
}

function workableJob(c: SimCompany, j: SimJob) {
  return {
    title: j.title,
    shortcode: shortcode(j),
    code: '',
    employment_type: employmentLabel(j),
    telecommuting: j.workplace === 'remote',
    department: j.department,
    url: jobUrl(c, j),
    shortlink: `https://apply.workable.com/j/${shortcode(j)}`,
    application_url: applyUrl(c, j),
    published_on: j.postedAt,
    created_at: j.postedAt,
    country: j.countryName,
    city: j.city,
    state: j.region,
    locations: [{ country: j.countryName, countryCode: j.country, city: j.city, region: j.region, hidden: false }],
    description: descriptionHtml(j),
  };
}

function recruiteeOffer(c: SimCompany, j: SimJob) {
  return {
    id: Number(j.id),
    slug: `${j.slug}-${j.id}`,
    title: j.title,
    status: 'published',
    description: descriptionHtml(j),
    requirements: '',
    location: `${j.city}, ${j.countryName}`,
    city: j.city,
    state_name: j.region,
    country: j.countryName,
    country_code: j.country,
    remote: j.workplace === 'remote',
    hybrid: j.workplace === 'hybrid',
    on_site: j.workplace === 'onsite',
    department: j.department,
    employment_type_code:
      j.employment === 'full_time'
        ? 'fulltime'
        : j.employment === 'part_time'
          ? 'parttime'
          : j.employment === 'contract'
            ? 'contract'
            : 'internship',
    salary: j.salary ? { min: String(j.salary.min), max: String(j.salary.max), currency: j.salary.currency, period: 'year' } : null,
    careers_url: jobUrl(c, j),
    careers_apply_url: applyUrl(c, j),
    created_at: `${j.postedAt} 09:00:00 UTC`,
    published_at: `${j.postedAt} 09:00:00 UTC`,
    company_name: c.name,
  };
}

function personioXml(c: SimCompany): string {
  const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
  const positions = live(c)
    .map(
      (j) => `<position>
<id>${j.id}</id>
<subcompany>${esc(c.name)}</subcompany>
<office>${esc(j.city)}</office>
<department>${esc(j.department)}</department>
<recruitingCategory>${esc(j.department)}</recruitingCategory>
<name>${esc(j.title)}</name>
<jobDescriptions>${j.paragraphs.map((p, i) => `<jobDescription><name>${i === 0 ? 'About us' : `Part ${i + 1}`}</name><value>${cdata(`<p>${esc(p)}</p>`)}</value></jobDescription>`).join('')}</jobDescriptions>
<employmentType>${j.employment === 'internship' ? 'intern' : j.employment === 'contract' ? 'freelance' : 'permanent'}</employmentType>
<seniority>experienced</seniority>
<schedule>${j.employment === 'part_time' ? 'part-time' : 'full-time'}</schedule>
<createdAt>${j.postedAt}T09:00:00+00:00</createdAt>
</position>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<workzag-jobs>\n${positions}\n</workzag-jobs>`;
}

// --- routing -------------------------------------------------------------------------------

const seg = (path: string) => path.split('/').filter(Boolean).map(decodeURIComponent);

/** Answer one request to the simulated internet, or `null` when no simulated host matches. */
export function answer(world: World, req: SimRequest): SimResponse | null {
  const ix = indexOf(world);
  const { host, path, query } = req;
  const p = seg(path);
  if (path === '/robots.txt') return { status: 200, contentType: 'text/plain', body: 'User-agent: *\nAllow: /\n' };
  const token = (vendor: Vendor, t: string | undefined) => (t === undefined ? undefined : ix.byToken.get(`${vendor}:${t.toLowerCase()}`));

  // Company websites.
  const own = ix.byDomain.get(host);
  if (own) {
    if (path === '/' || path === '') return html(homePage(own));
    if (path === '/about') return html(`<!doctype html><title>About ${esc(own.name)}</title><h1>About ${esc(own.name)}</h1>`);
    if (path === '/careers' || path === '/careers/') {
      if (own.kind === 'own-jsonld' || own.kind === 'own-plain') {
        return html(
          jobListPage(
            `Careers at ${own.name}`,
            own,
            live(own).map((job) => ({ href: `/careers/jobs/${job.id}-${job.slug}`, job })),
          ),
        );
      }
      return html(atsCareersPage(own, boardUrl(own), LABELS[own.kind as Vendor]));
    }
    const m = /^\/careers\/jobs\/([^/-]+)-[^/]+(\/apply)?$/.exec(path);
    if (m && (own.kind === 'own-jsonld' || own.kind === 'own-plain')) {
      const job = byId(own, m[1]);
      if (!job) return notFound();
      if (m[2]) return html(`<!doctype html><title>Apply</title><h1>Apply: ${esc(job.title)}</h1><form><input name="email"></form>`);
      return html(jobPage(own, job, { url: jobUrl(own, job), applyUrl: applyUrl(own, job), jsonLd: own.kind === 'own-jsonld' }));
    }
    return notFound();
  }

  switch (host) {
    case 'boards-api.greenhouse.io': {
      // /v1/boards/{token}/jobs[/{id}]
      const c = p[0] === 'v1' && p[1] === 'boards' ? token('greenhouse', p[2]) : undefined;
      if (!c) return json({ status: 404, error: 'Job not found' }, 404);
      if (p[3] === 'jobs' && p.length === 4) {
        const jobs = live(c).map((j) => greenhouseJob(c, j));
        if (query.get('content') !== 'true') for (const j of jobs as Partial<ReturnType<typeof greenhouseJob>>[]) delete j.content;
        return json({ jobs, meta: { total: jobs.length } });
      }
      if (p[3] === 'jobs' && p.length === 5) {
        const j = byId(c, p[4]);
        if (!j) return json({ status: 404, error: 'Job not found' }, 404);
        const pay = j.salary
          ? [
              {
                min_cents: j.salary.min * 100,
                max_cents: j.salary.max * 100,
                currency_type: j.salary.currency,
                title: 'Annual base salary',
                blurb: 'Base pay per year',
              },
            ]
          : [];
        return json({ ...greenhouseJob(c, j), pay_input_ranges: pay });
      }
      if (p.length === 3) return json({ name: c.name, content: '' });
      return notFound();
    }
    case 'boards.greenhouse.io': {
      const c = token('greenhouse', p[0]);
      if (!c) return notFound();
      if (p.length === 1) return hostedBoard(c);
      if (p[1] === 'jobs') return hostedJob(c, byId(c, p[2]));
      return notFound();
    }
    case 'api.lever.co': {
      // /v0/postings/{company}; slugs are case-sensitive on Lever.
      const c =
        p[0] === 'v0' && p[1] === 'postings' ? world.companies.find((x) => x.kind === 'lever' && boardToken(x) === p[2]) : undefined;
      if (!c) return json({ ok: false, error: 'Document not found' }, 404);
      const all = live(c).map((j) => leverPosting(c, j));
      if (p.length === 4) {
        const one = all.find((x) => x.id === p[3]);
        return one ? json(one) : json({ ok: false, error: 'Document not found' }, 404);
      }
      const skip = Number(query.get('skip') ?? 0);
      const limit = Number(query.get('limit') ?? all.length);
      return json(all.slice(skip, skip + limit));
    }
    case 'jobs.lever.co':
    case 'jobs.ashbyhq.com': {
      const vendor = host === 'jobs.lever.co' ? 'lever' : 'ashby';
      const c = world.companies.find((x) => x.kind === vendor && boardToken(x).toLowerCase() === p[0]?.toLowerCase());
      if (!c) return notFound();
      if (p.length === 1) return hostedBoard(c);
      return hostedJob(c, byId(c, p[1]));
    }
    case 'api.ashbyhq.com': {
      const c = p[0] === 'posting-api' && p[1] === 'job-board' ? token('ashby', p[2]) : undefined;
      if (!c) return json({ success: false, error: 'Not found' }, 404);
      return json({ apiVersion: '1', jobs: live(c).map((j) => ashbyJob(c, j)) });
    }
    case 'api.smartrecruiters.com': {
      // /v1/companies/{id}/postings[/{postingId}]
      const c = p[0] === 'v1' && p[1] === 'companies' && p[3] === 'postings' ? token('smartrecruiters', p[2]) : undefined;
      if (!c) return json({ message: 'Not found' }, 404);
      if (p.length === 5) {
        const j = byId(c, p[4]);
        if (!j) return json({ message: 'Not found' }, 404);
        return json({
          ...smartPosting(c, j),
          postingUrl: jobUrl(c, j),
          applyUrl: applyUrl(c, j),
          jobAd: {
            sections: {
              companyDescription: { title: 'Company Description', text: `<p>${esc(c.name)}</p>` },
              jobDescription: { title: 'Job Description', text: descriptionHtml(j) },
              qualifications: { title: 'Qualifications', text: '' },
              additionalInformation: { title: 'Additional Information', text: '' },
            },
          },
        });
      }
      const offset = Number(query.get('offset') ?? 0);
      const limit = Math.min(100, Number(query.get('limit') ?? 10));
      const all = live(c);
      return json({ offset, limit, totalFound: all.length, content: all.slice(offset, offset + limit).map((j) => smartPosting(c, j)) });
    }
    case 'careers.smartrecruiters.com': {
      const c = token('smartrecruiters', p[0]);
      return c ? hostedBoard(c) : notFound();
    }
    case 'jobs.smartrecruiters.com': {
      const c = token('smartrecruiters', p[0]);
      if (!c) return notFound();
      if (p.length === 1) return hostedBoard(c);
      return hostedJob(c, byId(c, /^[^-]+/.exec(p[1] ?? '')?.[0]));
    }
    case 'apply.workable.com': {
      if (p[0] === 'api' && p[1] === 'v1' && p[2] === 'widget' && p[3] === 'accounts') {
        const c = token('workable', p[4]);
        if (!c) return json({ error: 'Not found' }, 404);
        const jobs = live(c).map((j) => workableJob(c, j));
        if (query.get('details') !== 'true') for (const j of jobs as Partial<ReturnType<typeof workableJob>>[]) delete j.description;
        return json({ name: c.name, description: null, jobs });
      }
      const c = token('workable', p[0]);
      if (!c) return notFound();
      if (p.length === 1) return hostedBoard(c);
      if (p[1] === 'j')
        return hostedJob(
          c,
          c.jobs.find((j) => shortcode(j) === p[2]),
        );
      return notFound();
    }
  }

  const tenant = ix.byHost.get(host);
  if (tenant?.kind === 'workday') {
    const [t, site] = boardToken(tenant).split('/') as [string, string];
    if (req.method === 'POST' && path === `/wday/cxs/${t}/${site}/jobs`) {
      let body: { limit?: unknown; offset?: unknown; appliedFacets?: unknown; searchText?: unknown };
      try {
        body = JSON.parse(req.body) as typeof body;
      } catch {
        return json({ errorCode: 'HTTP_400', message: 'Bad request' }, 400);
      }
      // Workday answers 422 when a field is missing and 0 rows for limit > 20.
      if (typeof body.limit !== 'number' || typeof body.offset !== 'number' || body.appliedFacets === undefined)
        return json({ errorCode: 'HTTP_422' }, 422);
      const all = live(tenant);
      const rows = body.limit > 20 ? [] : all.slice(body.offset, body.offset + body.limit);
      return json({
        total: all.length,
        jobPostings: rows.map((j) => ({
          title: j.title,
          externalPath: workdayPath(j),
          locationsText: `${j.city}, ${j.countryName}`,
          postedOn: 'Posted 30+ Days Ago',
          bulletFields: [`R${j.id}`],
        })),
        facets: [],
      });
    }
    const detail = new RegExp(`^/wday/cxs/${t}/${site}(/job/.+)$`).exec(path);
    if (detail) {
      const j = tenant.jobs.find((x) => workdayPath(x) === detail[1]);
      return j ? json(workdayDetail(tenant, j)) : json({ errorCode: 'HTTP_404' }, 404);
    }
    const hosted = /^(?:\/[a-z]{2}-[A-Z]{2})?\/External(\/job\/.+?)?(\/apply)?$/.exec(path);
    if (hosted)
      return hosted[1]
        ? hostedJob(
            tenant,
            tenant.jobs.find((x) => workdayPath(x) === hosted[1]),
          )
        : hostedBoard(tenant);
    return notFound();
  }
  if (tenant?.kind === 'recruitee') {
    if (path === '/api/offers/' || path === '/api/offers') return json({ offers: live(tenant).map((j) => recruiteeOffer(tenant, j)) });
    if (path === '/') return hostedBoard(tenant);
    const m = /^\/o\/.*-(\d+)(\/apply)?$/.exec(path);
    return m ? hostedJob(tenant, byId(tenant, m[1])) : notFound();
  }
  if (tenant?.kind === 'personio') {
    if (path === '/xml') return xml(personioXml(tenant));
    if (path === '/') return hostedBoard(tenant);
    if (p[0] === 'job') return hostedJob(tenant, byId(tenant, p[1]));
    return notFound();
  }
  return null;
}
