/**
 * Turning a draft (what a parser or board client read) into a validated {@link JobPosting}.
 * Every posting passes through {@link finalizeJob}, so text is cleaned here, once, for all of
 * them: a NUL byte or a lone surrogate in one title would otherwise make a store reject the
 * whole batch it is written with.
 * @module
 */
import { invalidArgument, JobkitError, optionalDate, optionsObject, readArgument } from './errors.js';
import { canonicalizeUrl, jobIdFromUrlHash, sha256Hex } from './identity.js';
import { annualizeSalary, type PayOptions } from './pay/annualize.js';
import { scoreQuality } from './quality.js';
import {
  type DateNote,
  DateNoteSchema,
  JOB_TEXT_LIMITS,
  type JobDraft,
  JobDraftSchema,
  type JobPosting,
  JobPostingSchema,
} from './schema/job-posting.js';

export interface FinalizeJobOptions {
  /** Reference time for quality date rules. */
  now?: Date;
  /**
   * How `salary.annualized` is computed (base currency, hours, weeks, exchange-rate table);
   * `false` leaves it out. @default USD, 40 h × 52 weeks, the shipped ECB table
   */
  pay?: PayOptions | false;
  /**
   * Where to say what was changed to fit the posting schema, e.g. a title longer than
   * {@link JOB_TEXT_LIMITS} cut to it. Messages are pushed, never thrown.
   */
  warnings?: string[];
}

/** ES2024 string methods (Node 20+, every current browser); the compile target's lib predates them. */
interface WellFormedString {
  isWellFormed(): boolean;
  toWellFormed(): string;
}

/** C0 control characters other than tab, line feed and carriage return. */
const C0_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const C0_CONTROLS_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]+/g;

/**
 * Text safe for every store: C0 control characters other than `\t`, `\n` and `\r` removed (NUL
 * among them: PostgreSQL rejects it in text) and lone UTF-16 surrogates replaced with U+FFFD (no
 * valid UTF-8 encodes them). Linear in the length; returns `text` itself when it is clean.
 */
export function cleanText(text: string): string {
  let out = text;
  if (!(out as unknown as WellFormedString).isWellFormed()) out = (out as unknown as WellFormedString).toWellFormed();
  if (C0_CONTROLS.test(out)) out = out.replace(C0_CONTROLS_ALL, '');
  return out;
}

/**
 * {@link cleanText} over every string in a parsed draft (plain objects and arrays; the schema
 * bounds the depth). Returns the same object when nothing changed, so clean postings cost no copies.
 */
function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const next = cleanStrings(value[i] as unknown);
      if (next !== value[i]) (copy ??= value.slice())[i] = next;
    }
    return (copy ?? value) as T;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  let copy: Record<string, unknown> | null = null;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const next = cleanStrings(item);
    if (next !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = next;
  }
  return (copy ?? value) as T;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO 8601 date-time: optional seconds and fraction; `Z`, ±hh:mm, ±hhmm, ±hh or no zone at all.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * The one date form every posting carries: `YYYY-MM-DD` when only a calendar date is known, else
 * the UTC instant to the second, `YYYY-MM-DDTHH:MM:SSZ` (no milliseconds: no source states posting
 * times finer than that). `2026-11-03T10:05:00-04:00`, `…+00:00`, `….000+00:00` and `…Z` of the
 * same instant all become `2026-11-03T14:05:00Z`. A date-time without a zone is read as UTC,
 * except local midnight (`2026-11-03T00:00:00`), which is how many sources write a bare date and
 * stays `2026-11-03`. Other text `Date.parse` reads (RFC 2822) becomes a UTC instant. Returns
 * `null` for text that is no date (length-capped, so linear).
 */
export function normalizeDate(value: string): string | null {
  const s = value.trim();
  if (!s || s.length > 64) return null;
  const d = DATE_ONLY.exec(s);
  if (d) {
    const ms = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
    return new Date(ms).toISOString().slice(0, 10) === s ? s : null;
  }
  const t = DATE_TIME.exec(s);
  if (t && !t[7] && t[4] === '00' && t[5] === '00' && (t[6] ?? '00') === '00' && !/[.,]\d*[1-9]/.test(s)) {
    return normalizeDate(`${t[1]}-${t[2]}-${t[3]}`);
  }
  // Rebuilt in the one shape every engine's Date.parse reads ("+05" and "+0530" are not).
  const zone = t?.[7] ? (t[7].toUpperCase() === 'Z' ? 'Z' : `${t[7].slice(0, 3)}:${t[7].slice(3).replace(':', '') || '00'}`) : 'Z';
  const ms = t ? Date.parse(`${t[1]}-${t[2]}-${t[3]}T${t[4]}:${t[5]}:${t[6] ?? '00'}${zone}`) : Date.parse(s);
  if (Number.isNaN(ms)) return null;
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** A UTC offset as sources write it after a date-time, normalized to `±hh:mm`. */
const OFFSET = /(?:[+-]\d{2}(?::?\d{2})?|z)$/i;

export { type DateNote, DateNoteSchema };

/** The date fields of a posting that carry a {@link DateNote}. */
export type NotedDateField = 'datePosted' | 'validThrough';

/**
 * {@link normalizeDate}, and the non-zero UTC offset the value stated (`+05:30`, `-04:00`;
 * `Z`, `+00:00` and no zone give none), so a caller can keep it in provenance.
 */
export function normalizeDateDetailed(value: string): { value: string; offset?: string } | null {
  const normalized = normalizeDate(value);
  if (normalized === null) return null;
  const s = value.trim();
  if (normalized.length === 10 || !DATE_TIME.test(s)) return { value: normalized };
  const zone = OFFSET.exec(s)?.[0];
  if (!zone || zone.toUpperCase() === 'Z') return { value: normalized };
  const offset = `${zone.slice(0, 3)}:${zone.slice(3).replace(':', '') || '00'}`;
  return offset === '+00:00' || offset === '-00:00' ? { value: normalized } : { value: normalized, offset };
}

/**
 * The {@link DateNote}s of a draft's dates, before {@link finalizeJob} normalizes them: the offset
 * each stated, and the reference time of each date the producer resolved from relative text
 * (`references`, as `parseDateDetailed(...).reference` from the parsers gives it). `undefined`
 * when there is nothing to keep.
 */
export function dateNotes(
  draft: Partial<Pick<JobDraft, NotedDateField>>,
  references: Partial<Record<NotedDateField, string | Date>> = {},
): Partial<Record<NotedDateField, DateNote>> | undefined {
  let out: Partial<Record<NotedDateField, DateNote>> | undefined;
  for (const field of ['datePosted', 'validThrough'] as const) {
    const note: DateNote = {};
    const value = draft[field];
    const offset = typeof value === 'string' ? normalizeDateDetailed(value)?.offset : undefined;
    if (offset) note.offset = offset;
    const ref = references[field];
    const refMs = ref instanceof Date ? ref.getTime() : typeof ref === 'string' ? Date.parse(ref) : Number.NaN;
    if (!Number.isNaN(refMs)) note.reference = `${new Date(refMs).toISOString().slice(0, 19)}Z`;
    if (note.offset || note.reference) (out ??= {})[field] = note;
  }
  return out;
}

/** {@link normalizeDate} for an optional draft field: unreadable text is kept for the schema to judge. */
function normalizeDateField(value: string | null | undefined): string | null | undefined {
  if (value === null || value === undefined) return value;
  return normalizeDate(value) ?? value;
}

/** The options, read once (each getter runs one time, inside `readArgument`) and checked. */
function finalizeOptions(options: FinalizeJobOptions | null | undefined): FinalizeJobOptions {
  const { now: given, pay, warnings } = optionsObject('core/job', 'finalizeJob options', options);
  const now = optionalDate('core/job', 'finalizeJob options.now', given);
  if (pay !== undefined && pay !== false && (typeof pay !== 'object' || pay === null)) {
    throw invalidArgument('core/job', 'finalizeJob options.pay must be pay options or false');
  }
  if (warnings !== undefined && !Array.isArray(warnings))
    throw invalidArgument('core/job', 'finalizeJob options.warnings must be an array');
  let readPay: PayOptions | false | undefined = pay;
  if (pay) {
    const { baseCurrency, hoursPerWeek, daysPerWeek, weeksPerYear, monthsPerYear, fx } = pay;
    readPay = Object.fromEntries(
      Object.entries({ baseCurrency, hoursPerWeek, daysPerWeek, weeksPerYear, monthsPerYear, fx }).filter(([, v]) => v !== undefined),
    ) as PayOptions;
  }
  return { ...(now && { now }), ...(readPay !== undefined && { pay: readPay }), ...(warnings && { warnings }) };
}

/** `value` cut to `max` code units with `…`: at the last space in its final fifth, never inside a surrogate pair. */
function cutText(value: string, max: number): string {
  let end = max - 1;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  const space = value.lastIndexOf(' ', end);
  if (space > end * 0.8) end = space;
  return `${value.slice(0, end).trimEnd()}…`;
}

/**
 * The draft with its short text fields cut to {@link JOB_TEXT_LIMITS} (a copy when one is cut),
 * each cut said in `warnings`. Anything that is not the expected shape is left for the schema.
 */
function fitTextLimits(draft: unknown, warnings: string[]): unknown {
  if (typeof draft !== 'object' || draft === null) return draft;
  const fitField = (record: Record<string, unknown>, key: string, max: number, name: string): Record<string, unknown> => {
    const value = record[key];
    if (typeof value !== 'string' || value.length <= max) return record;
    warnings.push(`${name} cut to ${max} characters (was ${value.length.toLocaleString('en-US')})`);
    return { ...record, [key]: cutText(value, max) };
  };
  let out = draft as Record<string, unknown>;
  out = fitField(out, 'title', JOB_TEXT_LIMITS.title, 'title');
  out = fitField(out, 'department', JOB_TEXT_LIMITS.department, 'department');
  const company = out.company;
  if (typeof company === 'object' && company !== null) {
    const fitted = fitField(company as Record<string, unknown>, 'name', JOB_TEXT_LIMITS.companyName, 'company name');
    if (fitted !== company) out = { ...out, company: fitted };
  }
  const locations = out.locations;
  if (Array.isArray(locations)) {
    let copy: unknown[] | null = null;
    locations.forEach((loc: unknown, i) => {
      if (typeof loc !== 'object' || loc === null) return;
      let l = loc as Record<string, unknown>;
      l = fitField(l, 'raw', JOB_TEXT_LIMITS.locationRaw, `locations[${i}].raw`);
      l = fitField(l, 'city', JOB_TEXT_LIMITS.city, `locations[${i}].city`);
      l = fitField(l, 'region', JOB_TEXT_LIMITS.region, `locations[${i}].region`);
      l = fitField(l, 'postalCode', JOB_TEXT_LIMITS.postalCode, `locations[${i}].postalCode`);
      if (l !== loc) (copy ??= [...locations])[i] = l;
    });
    if (copy) out = { ...out, locations: copy };
  }
  return out;
}

/**
 * Clean every text field (see {@link cleanText}), normalize dates to one form (see
 * {@link normalizeDate}) and pay to a comparable annual figure (see {@link annualizeSalary}),
 * canonicalize the URL, derive `id` and `urlHash`,
 * score quality and validate the result. Short text fields longer than {@link JOB_TEXT_LIMITS}
 * (title, company name, department, location parts) are cut to them, each cut pushed to
 * `options.warnings`.
 * @throws JobkitError `VALIDATION_FAILED` with the zod issues as `cause` (also when a required
 * field, such as the title, holds nothing but control characters); `INVALID_ARGUMENT` for bad
 * options, or when a getter of the options or the draft throws (its error as `cause`).
 */
export function finalizeJob(draft: JobDraft, options: FinalizeJobOptions = {}): JobPosting {
  const opts = readArgument('core/job', 'finalizeJob options', () => finalizeOptions(options));
  const warnings: string[] = [];
  const parsedDraft = readArgument('core/job', 'the job draft', () => JobDraftSchema.safeParse(fitTextLimits(draft, warnings)));
  if (!parsedDraft.success) {
    throw new JobkitError('VALIDATION_FAILED', `[core/job] invalid job draft: ${parsedDraft.error.message}`, {
      cause: parsedDraft.error,
    });
  }
  if (opts.warnings) opts.warnings.push(...warnings);
  // After the parse: zod has dropped unknown keys, so only schema fields (a shallow tree) are walked.
  const data = cleanStrings(parsedDraft.data);
  // Offsets are read before the dates are normalized to UTC; references come from the producer.
  const references = { datePosted: data.dateNotes?.datePosted?.reference, validThrough: data.dateNotes?.validThrough?.reference };
  const notes = dateNotes(data, references);
  if (notes) data.dateNotes = notes;
  else delete data.dateNotes;
  data.datePosted = normalizeDateField(data.datePosted) ?? null;
  data.validThrough = normalizeDateField(data.validThrough) ?? null;
  if (data.fetchedAt !== undefined) data.fetchedAt = normalizeDateField(data.fetchedAt) ?? undefined;
  if (data.salary) {
    // Recomputed every time, so a draft cannot carry a stale or hand-made figure.
    const { annualized: _stale, ...salary } = data.salary;
    const annualized = opts.pay === false ? null : annualizeSalary(salary, opts.pay);
    data.salary = annualized ? { ...salary, annualized } : salary;
  }
  const url = canonicalizeUrl(data.url);
  const urlHash = sha256Hex(url);
  const base = { ...data, url, urlHash, id: jobIdFromUrlHash(urlHash) };
  const quality = scoreQuality(base, opts.now ? { now: opts.now } : {});
  const result = JobPostingSchema.safeParse({ ...base, quality });
  if (!result.success) {
    throw new JobkitError('VALIDATION_FAILED', `[core/job] invalid job posting: ${result.error.message}`, {
      cause: result.error,
    });
  }
  return result.data;
}
