/**
 * The simulated job market: companies, where their careers live (eight ATS vendors or their own
 * site, with or without JSON-LD) and their open jobs, generated deterministically from a seed.
 * `mutateWorld` derives the next state of the market (jobs added, edited, removed) and
 * `diffWorlds` says what an ingestion of it should report. Rendering lives in `vendors.ts`/`pages.ts`.
 * @module
 */
import type { EmploymentType, SalaryPeriod, WorkplaceType } from '@jobkit/core';

/** Where a company's careers live. */
export const SITE_KINDS = [
  'greenhouse',
  'lever',
  'ashby',
  'workday',
  'smartrecruiters',
  'workable',
  'recruitee',
  'personio',
  'own-jsonld',
  'own-plain',
] as const;
type SiteKind = (typeof SITE_KINDS)[number];
/** ATS vendors the world uses (all site kinds but the own sites). */
export type Vendor = Exclude<SiteKind, 'own-jsonld' | 'own-plain'>;

interface SimSalary {
  min: number;
  max: number;
  currency: string;
  period: SalaryPeriod;
}

export interface SimJob {
  /** Stable across mutations (edits keep it); also the vendor's job id. */
  id: string;
  /** URL slug, fixed at creation so an edited title keeps the job's URL. */
  slug: string;
  title: string;
  department: string;
  city: string;
  region: string;
  country: string;
  countryName: string;
  workplace: WorkplaceType;
  employment: EmploymentType;
  salary: SimSalary | null;
  /** `YYYY-MM-DD`. */
  postedAt: string;
  paragraphs: string[];
  /** Thin, low-quality posting the pipeline should reject. */
  thin: boolean;
}

export interface SimCompany {
  slug: string;
  name: string;
  /** Company website host, e.g. `nimbus-labs.com`. */
  domain: string;
  kind: SiteKind;
  jobs: SimJob[];
}

export interface World {
  seed: number;
  /** 0 for `createWorld`, +1 per `mutateWorld`. */
  version: number;
  /** Reference "today" of the market (`YYYY-MM-DD`); ingestion should score quality against it. */
  today: string;
  companies: SimCompany[];
}

export interface CreateWorldOptions {
  /** @default 64 (at least 60 in the demo) */
  companies?: number;
  /** @default '2026-11-01' */
  today?: string;
}

/** mulberry32: tiny, fast, and the same sequence on every platform for a seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const PREFIXES = [
  'Nimbus',
  'Quartz',
  'Helio',
  'Tandem',
  'Orbit',
  'Lumen',
  'Kestrel',
  'Vertex',
  'Juniper',
  'Cobalt',
  'Aster',
  'Fjord',
  'Harbor',
  'Meridian',
  'Pioneer',
  'Sable',
  'Tessera',
  'Umbra',
  'Willow',
  'Zephyr',
  'Beacon',
  'Cinder',
  'Drift',
  'Ember',
  'Granite',
  'Halcyon',
  'Indigo',
  'Larch',
  'Mosaic',
  'Nova',
  'Onyx',
  'Prism',
];
const SUFFIXES = [
  'Labs',
  'Systems',
  'Health',
  'Robotics',
  'Analytics',
  'Energy',
  'Logistics',
  'Software',
  'Bio',
  'Finance',
  'Studio',
  'Works',
];

interface Place {
  city: string;
  region: string;
  country: string;
  countryName: string;
  currency: string;
}
const PLACES: readonly Place[] = [
  { city: 'San Francisco', region: 'CA', country: 'US', countryName: 'United States', currency: 'USD' },
  { city: 'New York', region: 'NY', country: 'US', countryName: 'United States', currency: 'USD' },
  { city: 'Austin', region: 'TX', country: 'US', countryName: 'United States', currency: 'USD' },
  { city: 'Seattle', region: 'WA', country: 'US', countryName: 'United States', currency: 'USD' },
  { city: 'Toronto', region: 'ON', country: 'CA', countryName: 'Canada', currency: 'CAD' },
  { city: 'London', region: 'England', country: 'GB', countryName: 'United Kingdom', currency: 'GBP' },
  { city: 'Berlin', region: 'Berlin', country: 'DE', countryName: 'Germany', currency: 'EUR' },
  { city: 'Munich', region: 'Bavaria', country: 'DE', countryName: 'Germany', currency: 'EUR' },
  { city: 'Paris', region: 'Île-de-France', country: 'FR', countryName: 'France', currency: 'EUR' },
  { city: 'Amsterdam', region: 'North Holland', country: 'NL', countryName: 'Netherlands', currency: 'EUR' },
  { city: 'Madrid', region: 'Madrid', country: 'ES', countryName: 'Spain', currency: 'EUR' },
  { city: 'Dublin', region: 'Leinster', country: 'IE', countryName: 'Ireland', currency: 'EUR' },
];

interface Role {
  title: string;
  department: string;
  /** Yearly base in USD for the median seniority. */
  base: number;
}
const ROLES: readonly Role[] = [
  { title: 'Software Engineer', department: 'Engineering', base: 150_000 },
  { title: 'Backend Engineer', department: 'Engineering', base: 155_000 },
  { title: 'Frontend Engineer', department: 'Engineering', base: 145_000 },
  { title: 'Data Engineer', department: 'Data', base: 150_000 },
  { title: 'Data Scientist', department: 'Data', base: 155_000 },
  { title: 'Machine Learning Engineer', department: 'Data', base: 175_000 },
  { title: 'Site Reliability Engineer', department: 'Infrastructure', base: 160_000 },
  { title: 'Security Engineer', department: 'Security', base: 165_000 },
  { title: 'Product Manager', department: 'Product', base: 160_000 },
  { title: 'Product Designer', department: 'Design', base: 135_000 },
  { title: 'Engineering Manager', department: 'Engineering', base: 195_000 },
  { title: 'Account Executive', department: 'Sales', base: 120_000 },
  { title: 'Customer Success Manager', department: 'Customer Success', base: 95_000 },
  { title: 'Marketing Manager', department: 'Marketing', base: 110_000 },
  { title: 'Recruiter', department: 'People', base: 90_000 },
  { title: 'Financial Analyst', department: 'Finance', base: 100_000 },
];
const LEVELS = [
  { prefix: 'Junior', factor: 0.7 },
  { prefix: '', factor: 1 },
  { prefix: 'Senior', factor: 1.25 },
  { prefix: 'Staff', factor: 1.5 },
] as const;
const FX: Record<string, number> = { USD: 1, CAD: 1.3, GBP: 0.75, EUR: 0.85 };

const INTRO = [
  'We are a fast-growing team building tools that thousands of customers rely on every single day.',
  'Our mission is to make complex operations simple, reliable and pleasant for everyone involved.',
  'Since our founding we have grown steadily while keeping a calm, thoughtful and inclusive culture.',
  'We ship small improvements often, measure what matters and take ownership of our results.',
];
const DUTIES = [
  'You will design, build and operate features end to end together with a small cross-functional team.',
  'You will work closely with product, design and customers to understand problems before solving them.',
  'You will improve the reliability and performance of systems that handle millions of requests each day.',
  'You will mentor colleagues, review their work with care and help shape our engineering practices.',
  'You will turn ambiguous goals into clear plans, write them down and follow them through to delivery.',
  'You will analyse data, share findings in plain language and help the team make better decisions.',
];
const REQUIREMENTS = [
  'Several years of professional experience in a similar role and a track record of shipping.',
  'Clear written and spoken communication in English; other languages are a plus but not required.',
  'Comfort with modern tooling, automated testing and continuous delivery in a collaborative setting.',
  'Curiosity, humility and the habit of leaving every codebase and process a little better than before.',
  'Experience with distributed systems, cloud infrastructure or data pipelines is highly appreciated.',
];
const BENEFITS = [
  'We offer a competitive salary, equity, generous paid time off and a yearly learning budget.',
  'Flexible working hours, a modern equipment budget and comprehensive health insurance are included.',
  'We support parental leave, wellbeing programmes and regular team gatherings in inspiring places.',
];

function paragraphs(r: Rand, company: string, title: string): string[] {
  const duties = [pick(r, DUTIES), pick(r, DUTIES), pick(r, DUTIES)].filter((d, i, a) => a.indexOf(d) === i);
  const reqs = [pick(r, REQUIREMENTS), pick(r, REQUIREMENTS), pick(r, REQUIREMENTS)].filter((d, i, a) => a.indexOf(d) === i);
  return [
    `${company} is hiring a ${title}. ${pick(r, INTRO)} ${pick(r, INTRO)}`,
    `In this role: ${duties.join(' ')}`,
    `What we are looking for: ${reqs.join(' ')}`,
    `${pick(r, BENEFITS)} ${pick(r, BENEFITS)} We welcome applications from people of every background and we review every application carefully.`,
  ];
}

const slugify = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function daysBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

function makeJob(r: Rand, company: SimCompany, today: string, serial: number): SimJob {
  const role = pick(r, ROLES);
  const level = pick(r, LEVELS);
  const place = pick(r, PLACES);
  const title = level.prefix ? `${level.prefix} ${role.title}` : role.title;
  const workplace = pick(r, ['remote', 'hybrid', 'hybrid', 'onsite', 'onsite'] as const);
  const employment = r() < 0.85 ? 'full_time' : pick(r, ['part_time', 'contract', 'internship'] as const);
  const fx = FX[place.currency] ?? 1;
  const mid = Math.round((role.base * level.factor * fx * (0.9 + r() * 0.2)) / 1000) * 1000;
  // Most postings publish pay (transparency laws); a few do not, to make the salary filter meaningful.
  const salary: SimSalary | null =
    r() < 0.8 ? { min: Math.round(mid * 0.9), max: Math.round(mid * 1.12), currency: place.currency, period: 'year' } : null;
  // Own sites without structured data sometimes publish thin stubs the quality gate must reject.
  const thin = company.kind === 'own-plain' && r() < 0.2;
  const id =
    company.kind === 'lever' || company.kind === 'ashby' ? uuidish(r) : String(4_000_000 + Math.floor(r() * 900_000) * 10 + (serial % 10));
  return {
    id,
    slug: slugify(title),
    title,
    department: role.department,
    city: place.city,
    region: place.region,
    country: place.country,
    countryName: place.countryName,
    workplace,
    employment,
    salary,
    postedAt: daysBefore(today, int(r, 0, 120)),
    paragraphs: thin ? [`Join ${company.name} as ${title}.`] : paragraphs(r, company.name, title),
    thin,
  };
}

function uuidish(r: Rand): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

/** Generate a world: company `i` uses site kind `i mod 10`, so every kind has ≥ 6 companies at the default size. */
export function createWorld(seed: number, options: CreateWorldOptions = {}): World {
  const count = options.companies ?? 64;
  const today = options.today ?? '2026-11-01';
  const r = rng(seed);
  const names = new Set<string>();
  const companies: SimCompany[] = [];
  for (let i = 0; i < count; i++) {
    let name = `${pick(r, PREFIXES)} ${pick(r, SUFFIXES)}`;
    while (names.has(name)) name = `${pick(r, PREFIXES)} ${pick(r, SUFFIXES)}`;
    names.add(name);
    const slug = slugify(name);
    const company: SimCompany = { slug, name, domain: `${slug}.com`, kind: SITE_KINDS[i % SITE_KINDS.length]!, jobs: [] };
    const n = int(r, 3, 9);
    for (let j = 0; j < n; j++) company.jobs.push(makeJob(r, company, today, j));
    dedupeIds(company);
    companies.push(company);
  }
  return { seed, version: 0, today, companies };
}

function dedupeIds(company: SimCompany) {
  const seen = new Set<string>();
  for (const job of company.jobs) {
    while (seen.has(job.id)) job.id = `${job.id}1`;
    seen.add(job.id);
  }
}

/** Site kinds whose jobs show their pay (board API field or page text). */
const PAY_VISIBLE = new Set<SiteKind>(['greenhouse', 'lever', 'ashby', 'recruitee', 'own-jsonld', 'own-plain']);

/** Expected effect of moving from one world to the next, counted per job. */
export interface WorldDiff {
  added: number;
  edited: number;
  removed: number;
  /**
   * Removed jobs that were listed on an ATS board. Only these are observable as removals: a
   * board read lists every open job, while a careers page's vanished link is never revisited.
   */
  removedFromBoards: number;
  unchanged: number;
}

/**
 * The next state of the market: in about a third of the companies one job is removed, one edited
 * (new salary or title) and one or two added. Deterministic from `(world, seed)`.
 */
export function mutateWorld(world: World, seed: number): World {
  const r = rng(seed ^ 0x9e3779b9);
  const today = daysBefore(world.today, -7);
  const companies = world.companies.map((c) => ({ ...c, jobs: c.jobs.map((j) => ({ ...j, paragraphs: [...j.paragraphs] })) }));
  for (const company of companies) {
    if (r() >= 0.35) continue;
    const live = company.jobs.filter((j) => !j.thin);
    if (live.length > 2) {
      const gone = pick(r, live);
      company.jobs = company.jobs.filter((j) => j !== gone);
    }
    const edit = pick(
      r,
      company.jobs.filter((j) => !j.thin),
    );
    if (edit) {
      // Workday, Personio, Workable and SmartRecruiters publish no structured pay, so a pay change would be invisible there: retitle instead.
      const payVisible = PAY_VISIBLE.has(company.kind);
      if (edit.salary && payVisible && r() < 0.6)
        edit.salary = { ...edit.salary, min: edit.salary.min + 5000, max: edit.salary.max + 5000 };
      else edit.title = edit.title.startsWith('Lead ') ? edit.title.slice(5) : `Lead ${edit.title}`;
      edit.paragraphs[0] = `${company.name} is hiring a ${edit.title}. ${edit.paragraphs[0]!.split('. ').slice(1).join('. ')}`;
    }
    const add = int(r, 1, 2);
    for (let k = 0; k < add; k++) {
      const job = makeJob(r, company, today, company.jobs.length + k);
      job.thin = false;
      if (job.paragraphs.length === 1) job.paragraphs = paragraphs(r, company.name, job.title);
      company.jobs.push(job);
    }
    dedupeIds(company);
  }
  return { seed: world.seed, version: world.version + 1, today, companies };
}

/** What changed between two worlds, over postings that pass quality (thin stubs never count). */
export function diffWorlds(before: World, after: World): WorldDiff {
  const key = (c: SimCompany, j: SimJob) => `${c.slug}/${j.id}`;
  const old = new Map<string, { job: SimJob; board: boolean }>();
  for (const c of before.companies) for (const j of c.jobs) if (!j.thin) old.set(key(c, j), { job: j, board: !c.kind.startsWith('own-') });
  const diff: WorldDiff = { added: 0, edited: 0, removed: 0, removedFromBoards: 0, unchanged: 0 };
  const seen = new Set<string>();
  for (const c of after.companies) {
    for (const j of c.jobs) {
      if (j.thin) continue;
      const k = key(c, j);
      seen.add(k);
      const prev = old.get(k);
      if (!prev) diff.added++;
      else if (JSON.stringify(prev.job) !== JSON.stringify(j)) diff.edited++;
      else diff.unchanged++;
    }
  }
  for (const [k, v] of old) {
    if (seen.has(k)) continue;
    diff.removed++;
    if (v.board) diff.removedFromBoards++;
  }
  return diff;
}

/** Postings of a world that pass quality. */
export function activeJobCount(world: World): number {
  return world.companies.reduce((n, c) => n + c.jobs.filter((j) => !j.thin).length, 0);
}
