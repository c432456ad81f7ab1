/**
 * Mapping helpers shared by board clients: build a {@link JobDraft} from the API's own structured
 * fields (provenance `ats-api`) and fill only the gaps from text (provenance `heuristic`).
 * @module
 */
import type { EmploymentType, FieldSource, JobDraft, Location, Provenance, Salary, SalaryPeriod, WorkplaceType } from '@jobkit/core';
import { Parser } from 'htmlparser2';
import { atsApiConfidence } from '../confidence/index.js';
import { sanitizeDescription } from '../html/sanitize.js';
import { normalizeCountry } from '../normalize/countries.js';
import { normalizeCurrency } from '../normalize/currency.js';
import { parseDateDetailed } from '../normalize/date.js';
import { parseEmploymentType } from '../normalize/employment.js';
import { harmonizeLocations, parseLocation, resolveLocation } from '../normalize/location.js';
import { parseSalary } from '../normalize/salary.js';
import { parseWorkplaceType } from '../normalize/workplace.js';
import type { PlaceParts } from './rows.js';
import type { BoardContext } from './types.js';
import { secureUrl } from './urls.js';

type Maybe<T> = T | null | undefined;

/** A job as a client read it from the API; every field but id/url/title is optional. */
export interface ApiJob {
  jobId: string;
  /** Public posting URL. */
  url: string;
  title: string;
  /** Company name from the API; the board token stands in when absent. */
  company?: Maybe<string>;
  /** Locations the API gave as structured parts. */
  locations?: Location[];
  /** Places the API gave in parts or as labels (see `places` in rows.ts), used when `locations` is empty. */
  places?: readonly PlaceParts[];
  /** Location strings the API gave (parsed into parts when `locations` and `places` are empty). */
  locationText?: Maybe<string | readonly Maybe<string>[]>;
  /** Workplace type from a structured field. */
  workplaceType?: Maybe<WorkplaceType>;
  /** Employment type as the API labels it ("Full-time", "FullTime", "permanent_full_time"). */
  employment?: Maybe<string | readonly string[]>;
  /** Salary from structured pay fields (see {@link salaryOf}). */
  salary?: Maybe<Salary>;
  /** A dedicated free-text salary field (Breezy); parsed when `salary` is absent. */
  salaryText?: Maybe<string>;
  /** Description HTML (sanitized here). */
  descriptionHtml?: Maybe<string>;
  /** Plain-text description, used only when there is no HTML. */
  descriptionText?: Maybe<string>;
  department?: Maybe<string>;
  /** ISO string, relative text ("Posted 3 days ago") or epoch ms/seconds. */
  datePosted?: Maybe<string | number>;
  validThrough?: Maybe<string | number>;
  applyUrl?: Maybe<string>;
}

const str = (v: Maybe<string>): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * Build a draft: structured fields first (`ats-api`), then text heuristics for what is still
 * missing. A normalizer that throws on one row's value costs that row its optional fields (with a
 * warning), never the row or the board: the job still comes through with its id, URL and title.
 */
export function toDraft(ctx: BoardContext, job: ApiJob): JobDraft {
  try {
    return buildDraft(ctx, job);
  } catch (error) {
    ctx.warn(
      `job ${job.jobId}: fields could not be mapped (${(error as Error).message?.slice(0, 160) ?? String(error)}); kept with its id, URL and title`,
    );
    return {
      url: secureUrl(ctx, job.url),
      title: plainText(job.title) ?? '',
      company: { name: ctx.boardToken },
      locations: [],
      workplaceType: null,
      employmentType: [],
      salary: null,
      description: { html: '', text: '' },
      datePosted: null,
      validThrough: null,
      applyUrl: null,
      ats: { platform: ctx.platform, boardToken: ctx.boardToken, jobId: job.jobId },
      source: 'ats-api',
      provenance: { title: 'ats-api', company: 'derived' },
      fetchedAt: ctx.now.toISOString(),
    };
  }
}

function buildDraft(ctx: BoardContext, job: ApiJob): JobDraft {
  const provenance: Provenance = { title: 'ats-api' };
  const set = (field: keyof Provenance, source: FieldSource) => {
    provenance[field] = source;
  };

  const description = describe(job.descriptionHtml, job.descriptionText);
  if (description.text) set('description', 'ats-api');

  const company = plainText(job.company);
  set('company', company ? 'ats-api' : 'derived');

  let locations = job.locations?.filter((l) => l.raw || l.city || l.country) ?? [];
  if (locations.length === 0 && job.places?.length) {
    for (const p of job.places) {
      const raw = p.raw === undefined ? undefined : plainText(p.raw);
      // A label alone may name several places ("Berlin or Munich"): the location normalizer splits it.
      if (p.city === undefined && p.region === undefined && p.country === undefined) {
        if (raw !== undefined) locations.push(...parseLocation(raw).locations);
        continue;
      }
      const l = place({ ...p, raw });
      if (l !== null) locations.push(l);
    }
  }
  // Place labels also tell the workplace ("Remote - US"), and stand in when no place was read.
  const texts = [...(Array.isArray(job.locationText) ? job.locationText : [job.locationText]), ...(job.places ?? []).map((p) => p.raw)]
    .map((t) => plainText(t as Maybe<string>))
    .filter((t): t is string => t !== undefined);
  let locWorkplace: WorkplaceType | null = null;
  if (locations.length === 0 && texts.length > 0) {
    const seen = new Set<string>();
    for (const t of texts) {
      const parsed = parseLocation(t);
      locWorkplace ??= parsed.workplaceType;
      for (const l of parsed.locations) {
        const key = `${l.city ?? ''}|${l.region ?? ''}|${l.country ?? ''}`;
        if (!seen.has(key)) {
          seen.add(key);
          locations.push(l);
        }
      }
    }
  }
  // The posting's places decide each other's country ("Austin, TX" beside "Paris").
  locations = harmonizeLocations(dedupeLocations(locations));
  if (locations.length > 0) set('locations', 'ats-api');

  let workplaceType = job.workplaceType ?? null;
  if (workplaceType) set('workplaceType', 'ats-api');
  else {
    workplaceType = locWorkplace ?? parseWorkplaceType([...texts, job.title].join(' · '));
    if (workplaceType) set('workplaceType', 'heuristic');
  }

  let employmentType: EmploymentType[] = job.employment ? parseEmploymentType(normaliseLabel(job.employment)) : [];
  if (employmentType.length > 0) set('employmentType', 'ats-api');
  else {
    employmentType = parseEmploymentType(job.title);
    if (employmentType.length > 0) set('employmentType', 'heuristic');
  }

  let salary = job.salary ?? null;
  if (!salary && str(job.salaryText)) salary = parseSalary(job.salaryText!, { payField: true });
  if (salary) set('salary', 'ats-api');
  else {
    salary = salaryFromText(description.text);
    if (salary) set('salary', 'heuristic');
  }

  const posted = apiDate(job.datePosted, ctx.now);
  const datePosted = posted.value;
  if (datePosted) set('datePosted', 'ats-api');
  const until = apiDate(job.validThrough, ctx.now);
  const validThrough = until.value;
  if (validThrough) set('validThrough', 'ats-api');
  const apply = httpUrl(job.applyUrl, job.url);
  const applyUrl = apply === undefined ? null : secureUrl(ctx, apply);
  if (applyUrl) set('applyUrl', 'ats-api');
  const department = plainText(job.department);
  if (department) set('department', 'ats-api');

  const draft: JobDraft = {
    url: secureUrl(ctx, job.url),
    // Empty when the title is only markup: finalizeJob then refuses the job and the board reports it skipped.
    title: plainText(job.title) ?? '',
    company: { name: company ?? ctx.boardToken },
    locations,
    workplaceType,
    employmentType,
    salary,
    description,
    datePosted,
    validThrough,
    applyUrl,
    ats: { platform: ctx.platform, boardToken: ctx.boardToken, jobId: job.jobId },
    source: 'ats-api',
    provenance,
    fetchedAt: ctx.now.toISOString(),
  };
  if (department) draft.department = department;
  // Relative dates ("Posted 3 Days Ago") keep the reference time they were resolved against, as on pages.
  if (posted.reference || until.reference) {
    draft.dateNotes = {
      ...(posted.reference ? { datePosted: { reference: posted.reference } } : {}),
      ...(until.reference ? { validThrough: { reference: until.reference } } : {}),
    };
  }
  // The vendor's structured fields are trusted; text-derived gaps and bad title shapes are not.
  draft.confidence = atsApiConfidence(draft);
  return draft;
}

const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/** A markup tag (`<b>`, `</span>`, `<br/>`, `<em class="x">`): short text holding one is read as HTML. */
const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]{0,200})?\/?>/i;
/** Short text is read up to this length (titles, names, places); longer values are cut. */
const MAX_SHORT_TEXT = 2_000;

/**
 * Short text as a person reads it: markup some APIs leave in titles and names (`<b>Senior</b>
 * Engineer`) dropped, entities decoded once (`R&amp;D Engineer`, `S&atilde;o Paulo`; escaped
 * markup `&lt;b&gt;` decoded and then dropped), whitespace collapsed.
 */
export function plainText(v: Maybe<string>): string | undefined {
  let s = str(v);
  if (s === undefined) return undefined;
  if (s.length > MAX_SHORT_TEXT) s = s.slice(0, MAX_SHORT_TEXT);
  if (ENTITY.test(s) && !TAG.test(s)) s = decodeEntities(s);
  if (TAG.test(s)) s = textOfHtml(s);
  return str(s.replace(/\s+/g, ' '));
}

/** Tags that separate words (inline tags such as `<b>` do not). */
const BREAKS = new Set(['br', 'p', 'div', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);

/** The text of a short HTML fragment, entities decoded, block and line breaks as spaces. */
function textOfHtml(s: string): string {
  let out = '';
  const parser = new Parser(
    {
      ontext: (t) => {
        out += t;
      },
      onopentag: (name) => {
        if (BREAKS.has(name)) out += ' ';
      },
      onclosetag: (name) => {
        if (BREAKS.has(name)) out += ' ';
      },
    },
    { decodeEntities: true },
  );
  parser.write(s);
  parser.end();
  return out;
}

/** "FullTime" / "permanent_full_time" / "PART_TIME" → words the employment normalizer reads. */
function normaliseLabel(v: string | readonly string[]): string[] {
  const list = typeof v === 'string' ? [v] : [...v];
  return list.map((s) => s.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' '));
}

function dedupeLocations(list: Location[]): Location[] {
  const seen = new Set<string>();
  return list.filter((l) => {
    const key = `${l.city ?? ''}|${l.region ?? ''}|${l.country ?? ''}|${l.city || l.region || l.country ? '' : l.raw}`.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Sanitize description HTML (or wrap plain text) into both forms. */
export function describe(html: Maybe<string>, text?: Maybe<string>): { html: string; text: string } {
  const h = str(html);
  // HTML sent entity-escaped (`&lt;p&gt;…`, as Greenhouse does and peers copy elsewhere): decode once first.
  if (h) return sanitizeDescription(!h.includes('<') && ESCAPED_TAG.test(h) ? decodeEntities(h) : h);
  const plain = str(text);
  if (!plain) return { html: '', text: '' };
  const escaped = plain.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return sanitizeDescription(
    escaped
      .split(/\n{2,}/)
      .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
      .join(''),
  );
}

const ESCAPED_TAG = /&lt;\/?[a-z][a-z0-9]*[\s&/]|&lt;\/?[a-z][a-z0-9]*&gt;/i;

/** Decode HTML entities once (Greenhouse sends its HTML entity-escaped). */
export function decodeEntities(s: string): string {
  let out = '';
  const parser = new Parser({ ontext: (t) => (out += t) }, { decodeEntities: true });
  // Escaped HTML has no raw tags, so the whole input is one run of text.
  parser.write(s.replace(/</g, '&lt;'));
  parser.end();
  return out;
}

/** Join description sections (`[heading, html]`) into one HTML document. */
export function sections(parts: ReadonlyArray<readonly [Maybe<string>, Maybe<string>]>): string {
  return parts
    .filter(([, body]) => str(body))
    .map(([heading, body]) => (str(heading) ? `<h3>${escapeHtml(heading!)}</h3>${body}` : body!))
    .join('\n');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A structured location from parts; the country is normalized to ISO alpha-2 when recognisable. */
export function place(parts: {
  city?: Maybe<string>;
  region?: Maybe<string>;
  country?: Maybe<string>;
  postalCode?: Maybe<string>;
  raw?: Maybe<string>;
}): Location | null {
  const city = str(parts.city);
  const region = str(parts.region);
  const countryText = str(parts.country);
  const country = countryText ? normalizeCountry(countryText) : undefined;
  const raw = str(parts.raw) ?? [city, region, countryText].filter(Boolean).join(', ');
  if (!raw) return null;
  const loc: Location = { raw };
  if (city) loc.city = city;
  if (region) loc.region = region;
  if (country) loc.country = country;
  const postal = str(parts.postalCode);
  if (postal) loc.postalCode = postal;
  if (!city && !region && !country) {
    // Only a label ("Berlin, Germany"): let the location normalizer split it.
    return parseLocation(raw).locations[0] ?? null;
  }
  // Canonical city, region and label, as for text places (location normalizer).
  return resolveLocation(loc);
}

const PERIODS: ReadonlyArray<readonly [RegExp, SalaryPeriod]> = [
  [/hour|hr\b|wage/i, 'hour'],
  [/day|daily/i, 'day'],
  [/week/i, 'week'],
  [/month/i, 'month'],
  [/year|annual|annum|yr\b/i, 'year'],
];

/** "per-year-salary", "1 YEAR", "HOURLY", "month" → period; `null` when the interval says none (one-time). */
export function periodOf(text: Maybe<string>): SalaryPeriod | null {
  const t = str(text);
  if (!t) return null;
  for (const [re, p] of PERIODS) if (re.test(t)) return p;
  return null;
}

/** A salary from structured numbers; `null` when there is no amount. Swaps min/max if reversed. */
export function salaryOf(parts: {
  min?: Maybe<number | string>;
  max?: Maybe<number | string>;
  currency?: Maybe<string>;
  period?: Maybe<SalaryPeriod>;
  raw?: Maybe<string>;
}): Salary | null {
  const num = (v: Maybe<number | string>) => {
    const n = typeof v === 'string' ? Number(v.replace(/[, ]/g, '')) : v;
    return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : null;
  };
  let min = num(parts.min);
  let max = num(parts.max);
  if (min === null && max === null) return null;
  if (min !== null && max !== null && min > max) [min, max] = [max, min];
  const cur = str(parts.currency);
  const salary: Salary = { min, max, currency: cur ? (normalizeCurrency(cur) ?? null) : null, period: parts.period ?? null };
  const raw = str(parts.raw);
  if (raw) salary.raw = raw;
  return salary;
}

const PAY_LINE = /salary|compensation|\bpay\b|gehalt|vergütung|salaire|rémunération|salario|sueldo/i;

/** Heuristic gap-filler: the first salary-looking line of the description with a currency. */
function salaryFromText(text: string): Salary | null {
  if (!text) return null;
  for (const line of text.split('\n')) {
    if (line.length > 300 || !PAY_LINE.test(line)) continue;
    const s = parseSalary(line);
    if (s && s.currency && (s.min ?? s.max ?? 0) > 0) return s;
  }
  return null;
}

/** Epoch values at or above this are milliseconds (1e11 s is the year 5138; 1e11 ms is 1973). */
const EPOCH_MS = 1e11;

/**
 * Normalize an API date: epoch ms or seconds (numbers or all-digit text), ISO strings, locale
 * text ("Sep 25, 2026", "2026-09-25 10:30:00 UTC"), or relative text resolved against `now`, with
 * the reference time it was resolved against.
 */
function apiDate(v: Maybe<string | number>, now: Date): { value: string | null; reference?: string } {
  if (v === null || v === undefined || v === '') return { value: null };
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v <= 0) return { value: null };
    const d = new Date(v >= EPOCH_MS ? v : v * 1000);
    return { value: Number.isNaN(d.getTime()) ? null : d.toISOString() };
  }
  const parsed = parseDateDetailed(v, { now });
  return parsed.reference ? { value: parsed.value, reference: parsed.reference } : { value: parsed.value };
}

/** An absolute http(s) URL or `undefined`. */
export function httpUrl(v: Maybe<string>, base?: string): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  try {
    const u = new URL(s, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
