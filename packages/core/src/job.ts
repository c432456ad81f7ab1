/**
 * Turning a draft (what a parser or board client read) into a validated {@link JobPosting}.
 * Every posting passes through {@link finalizeJob}, so text is cleaned here, once, for all of
 * them: a NUL byte or a lone surrogate in one title would otherwise make a store reject the
 * whole batch it is written with.
 * @module
 */
import { JobkitError } from './errors.js';
import { canonicalizeUrl, jobIdFromUrlHash, sha256Hex } from './identity.js';
import { annualizeSalary, type PayOptions } from './pay/annualize.js';
import { scoreQuality } from './quality.js';
import { type DateNote, DateNoteSchema, type JobDraft, JobDraftSchema, type JobPosting, JobPostingSchema } from './schema/job-posting.js';

export interface FinalizeJobOptions {
  /** Reference time for quality date rules. */
  now?: Date;
  /**
   * How `salary.annualized` is computed (base currency, hours, weeks, exchange-rate table);
   * `false` leaves it out. @default USD, 40 h × 52 weeks, the shipped ECB table
   */
  pay?: PayOptions | false;
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

/**
 * Clean every text field (see {@link cleanText}), normalize dates to one form (see
 * {@link normalizeDate}) and pay to a comparable annual figure (see {@link annualizeSalary}),
 * canonicalize the URL, derive `id` and `urlHash`,
 * score quality and validate the result.
 * @throws JobkitError `VALIDATION_FAILED` with the zod issues as `cause` (also when a required
 * field, such as the title, holds nothing but control characters).
 */
export function finalizeJob(draft: JobDraft, options: FinalizeJobOptions = {}): JobPosting {
  const parsedDraft = JobDraftSchema.safeParse(draft);
  if (!parsedDraft.success) {
    throw new JobkitError('VALIDATION_FAILED', `[core/job] invalid job draft: ${parsedDraft.error.message}`, {
      cause: parsedDraft.error,
    });
  }
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
    const annualized = options.pay === false ? null : annualizeSalary(salary, options.pay);
    data.salary = annualized ? { ...salary, annualized } : salary;
  }
  const url = canonicalizeUrl(data.url);
  const urlHash = sha256Hex(url);
  const base = { ...data, url, urlHash, id: jobIdFromUrlHash(urlHash) };
  const quality = scoreQuality(base, { now: options.now });
  const result = JobPostingSchema.safeParse({ ...base, quality });
  if (!result.success) {
    throw new JobkitError('VALIDATION_FAILED', `[core/job] invalid job posting: ${result.error.message}`, {
      cause: result.error,
    });
  }
  return result.data;
}
