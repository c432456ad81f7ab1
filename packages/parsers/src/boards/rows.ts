/**
 * Tolerant rows for board responses: zod primitives that coerce the values vendors send loosely
 * (ids as numbers, booleans as `1`/`"yes"`, totals as strings, one object where a list belongs,
 * `""` for absent) and never fail, plus {@link rowsOf}, which checks a jobs array row by row so
 * one bad row is skipped and reported instead of sinking the board. The envelope (the jobs array
 * itself) stays strict: when it is missing the endpoint has changed.
 *
 * Every field primitive maps a value it cannot read to `undefined`; only the checks a client
 * states (a title, an id or a URL) can reject a row.
 * @module
 */
import { z } from 'zod';
import { plainText } from './map.js';
import type { BoardContext } from './types.js';

type Plain = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

const NUMERIC = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const EPOCH = /^\d{10,13}$/;
const TRUE = new Set(['true', '1', 'yes', 'y', 'on']);
const FALSE = new Set(['false', '0', 'no', 'n', 'off']);
/** Keys whose value reads as an object's name when a string was expected (`{ name: "Berlin" }`). */
const NAME_KEYS = ['name', 'label', 'descriptor', 'text', 'title', 'value'] as const;
/** Keys that name a row in warnings, most specific first. */
const ROW_ID_KEYS = ['id', 'uuid', 'shortcode', 'jobId', 'job_id', 'externalPath', 'slug', 'guid', 'reqId'] as const;

/** Trimmed text; numbers become their decimal form; `""`, booleans, objects → `undefined`. */
function toText(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const t = v.trim();
    return t ? t : undefined;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'bigint') return String(v);
  return undefined;
}

/** `true`, `1`, `"true"`, `"yes"`, `"on"` → true; `false`, `0`, `"false"`, `"no"`, `"off"` → false; anything else → `undefined`. */
export function toFlag(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (TRUE.has(t)) return true;
    if (FALSE.has(t)) return false;
  }
  return undefined;
}

/** A finite number, or a numeric string (`"42"`, `"4.5"`, `"65,000"`); anything else → `undefined`. */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (t.length > 40) return undefined;
  const s = NUMERIC.test(t) ? t : GROUPED.test(t) ? t.replace(/,/g, '') : undefined;
  if (s === undefined) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** An id as a string: strings trimmed, integers in decimal; anything else → `undefined`. */
export function toId(v: unknown): string | undefined {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? String(v) : Number.isFinite(v) ? String(v) : undefined;
  const t = toText(v);
  return t !== undefined && t.length <= 300 ? t : undefined;
}

/** Items of a list read as one label (`["Sales", "EMEA"]` → `"Sales, EMEA"`). */
const MAX_LABEL_ITEMS = 20;

/**
 * A name: text, the `name`/`label`/`descriptor`/`text`/`title`/`value` of an object, or the names
 * of a short list joined with `, `.
 */
export function toLabel(v: unknown): string | undefined {
  if (Array.isArray(v)) {
    const names: string[] = [];
    for (const item of v.slice(0, MAX_LABEL_ITEMS)) {
      const t = Array.isArray(item) ? undefined : toLabel(item);
      if (t !== undefined && !names.includes(t)) names.push(t);
    }
    return names.length ? names.join(', ') : undefined;
  }
  if (isPlain(v)) {
    for (const k of NAME_KEYS) {
      const t = toText(v[k]);
      if (t !== undefined) return t;
    }
    return undefined;
  }
  return toText(v);
}

/** A date as the date normalizer takes it: epoch numbers (and all-digit strings) as numbers, other text as text. */
export function toWhen(v: unknown): string | number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v > 0 ? v : undefined;
  const t = toText(v);
  if (t === undefined) return undefined;
  return EPOCH.test(t) ? Number(t) : t;
}

/**
 * A remote flag (`isRemote`, `telecommuting`, `is_remote`): {@link toFlag}, and a word where the
 * flag belongs: `"Remote"`/`"fully remote"` → true, `"on-site"`/`"onsite"`/`"office"` → false.
 */
export function toRemote(v: unknown): boolean | undefined {
  const f = toFlag(v);
  if (f !== undefined || typeof v !== 'string') return f;
  const t = v.trim().toLowerCase();
  if (t === 'remote' || t === 'fully remote' || t === 'full remote' || t === 'remote only') return true;
  if (t === 'onsite' || t === 'on-site' || t === 'on site' || t === 'office' || t === 'in office') return false;
  return undefined;
}

/** A place as a row states it, in parts; see {@link toPlaces}. */
export interface PlaceParts {
  /** The place as one label ("Berlin, Germany"), when the row gives one. */
  raw?: string;
  city?: string;
  region?: string;
  country?: string;
  postalCode?: string;
}

/** Places kept from one field (a list of places, or a place nested in a list). */
const MAX_PLACES = 50;
const PLACE_RAW = ['name', 'label', 'text', 'location', 'location_str', 'locationName', 'fullLocation', 'displayName', 'value'] as const;
const PLACE_CITY = ['city', 'addressLocality', 'locality', 'town'] as const;
const PLACE_REGION = ['region', 'state', 'addressRegion', 'province', 'stateCode', 'region_code'] as const;
const PLACE_COUNTRY = ['country', 'addressCountry', 'countryName', 'country_code', 'countryCode'] as const;
const PLACE_POSTAL = ['postalCode', 'zip_code', 'zip', 'postcode', 'postal_code'] as const;

function firstLabel(v: Plain, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const t = Array.isArray(v[k]) ? undefined : toLabel(v[k]);
    if (t !== undefined) return t;
  }
  return undefined;
}

/**
 * Places however a row states them: a label (`"Berlin, Germany"`), an object with a name or with
 * parts (`{ city, state, country }`, schema.org `{ address: { addressLocality, … } }`, nested
 * `{ country: { name } }`), or a list of those; `null` items and empty objects are dropped.
 */
function toPlaces(v: unknown, depth = 0): PlaceParts[] {
  if (v === null || v === undefined || depth > 3) return [];
  if (Array.isArray(v)) {
    const out: PlaceParts[] = [];
    for (const item of v.slice(0, MAX_PLACES)) {
      for (const p of Array.isArray(item) ? [] : toPlaces(item, depth + 1)) if (out.length < MAX_PLACES) out.push(p);
    }
    return out;
  }
  if (!isPlain(v)) {
    const raw = toText(v);
    return raw === undefined ? [] : [{ raw }];
  }
  if (isPlain(v.address)) {
    const inner = toPlaces(v.address, depth + 1)[0];
    const raw = firstLabel(v, PLACE_RAW);
    if (inner) return [raw !== undefined && inner.raw === undefined ? { ...inner, raw } : inner];
  }
  const parts: PlaceParts = {};
  const raw = firstLabel(v, PLACE_RAW);
  const city = firstLabel(v, PLACE_CITY);
  const region = firstLabel(v, PLACE_REGION);
  const country = firstLabel(v, PLACE_COUNTRY);
  const postalCode = firstLabel(v, PLACE_POSTAL);
  if (raw !== undefined) parts.raw = raw;
  if (city !== undefined) parts.city = city;
  if (region !== undefined) parts.region = region;
  if (country !== undefined) parts.country = country;
  if (postalCode !== undefined && (city !== undefined || region !== undefined || country !== undefined)) parts.postalCode = postalCode;
  return Object.keys(parts).length > 0 ? [parts] : [];
}

/** Optional places (see {@link toPlaces}): `[]` when the row states none. Never fails. */
export const places = z
  .unknown()
  .optional()
  .transform((v) => toPlaces(v));

/**
 * A row schema that also takes each field under the other names mocks, mirrors and neighbouring
 * vendors use (`{ text: ['title', 'name'] }`: a Lever row titled under `title`): when the field is
 * absent or empty, the first alias with a value stands in. The row itself is not changed.
 */
export function aliased<S extends z.ZodType>(aliases: Readonly<Record<string, readonly string[]>>, schema: S) {
  return z.preprocess((v) => {
    if (!isPlain(v)) return v;
    let out: Plain | undefined;
    for (const [key, alts] of Object.entries(aliases)) {
      if (toLabel(v[key]) !== undefined) continue;
      const alt = alts.find((a) => toLabel(v[a]) !== undefined);
      if (alt !== undefined) (out ??= { ...v })[key] = v[alt];
    }
    return out ?? v;
  }, schema);
}

/** Optional remote flag (see {@link toRemote}). Never fails. */
export const remote = z.unknown().optional().transform(toRemote);
/** Optional text (see {@link toText}). Never fails. */
export const text = z.unknown().optional().transform(toText);
/** Optional boolean (see {@link toFlag}). Never fails. */
export const flag = z.unknown().optional().transform(toFlag);
/** Optional number (see {@link toNumber}). Never fails. */
export const num = z.unknown().optional().transform(toNumber);
/** Optional non-negative integer, for advertised totals and counts. Never fails. */
export const count = z
  .unknown()
  .optional()
  .transform((v) => {
    const n = toNumber(v);
    return n !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
  });
/** Optional id as a string (see {@link toId}). Never fails. */
export const id = z.unknown().optional().transform(toId);
/** Optional name from text or a named object (see {@link toLabel}). Never fails. */
export const label = z.unknown().optional().transform(toLabel);
/** Optional date input for `apiDate` (see {@link toWhen}). Never fails. */
export const when = z.unknown().optional().transform(toWhen);
/** Any value, kept as is (custom metadata whose shape varies). */
export const any = z.unknown();

/**
 * Required text (or a named object's name, e.g. a localized `{ text }`): the row is rejected with
 * `reason` when absent, empty, or empty once markup is removed (`<b><b></b></b>`, `&nbsp;`), as
 * the posting would read it.
 */
export function required(reason: string) {
  return z
    .unknown()
    .optional()
    .transform((v, ctx) => {
      const t = toLabel(v);
      if (t === undefined || plainText(t) === undefined) {
        ctx.addIssue({ code: 'custom', message: t === undefined ? reason : `${reason} (only markup)`, input: v });
        return z.NEVER;
      }
      return t;
    });
}

/** An optional nested object: anything not an object → `undefined`; its fields are tolerant primitives. Never fails. */
export function obj<T extends z.core.$ZodLooseShape>(shape: T) {
  const schema = z.looseObject(shape);
  return z
    .unknown()
    .optional()
    .transform((v): z.output<typeof schema> | undefined => {
      if (!isPlain(v)) return undefined;
      const r = schema.safeParse(v);
      return r.success ? r.data : undefined;
    });
}

/**
 * {@link obj}, except that a bare string (or number) where the object belongs reads as that
 * object's `key` field: `locations: ["Berlin"]` next to `locations: [{ name: "Berlin" }]`. Never fails.
 */
export function objOr<T extends z.core.$ZodLooseShape>(key: keyof T & string, shape: T) {
  const schema = z.looseObject(shape);
  return z
    .unknown()
    .optional()
    .transform((v): z.output<typeof schema> | undefined => {
      const input = isPlain(v) ? v : toText(v) !== undefined ? { [key]: v } : undefined;
      if (input === undefined) return undefined;
      const r = schema.safeParse(input);
      return r.success ? r.data : undefined;
    });
}

/**
 * An optional list: `null`/absent → `[]`, a single item where a list belongs → `[item]`; items
 * the schema rejects (or maps to `undefined`) are dropped. Never fails.
 */
export function list<S extends z.ZodType>(item: S) {
  return z
    .unknown()
    .optional()
    .transform((v): Exclude<z.output<S>, undefined>[] => {
      if (v === null || v === undefined || v === '') return [];
      const arr: unknown[] = Array.isArray(v) ? v : [v];
      const out: Exclude<z.output<S>, undefined>[] = [];
      for (const e of arr) {
        const r = item.safeParse(e);
        if (r.success && r.data !== undefined && r.data !== null) out.push(r.data as Exclude<z.output<S>, undefined>);
      }
      return out;
    });
}

/** A row that was skipped: where it sat, its id when it had one, and why. */
export interface SkippedRow {
  /** Position in the listing (0-based, across pages). */
  index: number;
  id?: string;
  reason: string;
}

/** What {@link rowsOf} yields: the rows that passed, and the ones that did not. */
export interface Rows<T> {
  rows: T[];
  /** Index of each kept row in the response array (for messages). */
  at: number[];
  skipped: SkippedRow[];
  /** Array length as the vendor sent it (kept + skipped). */
  length: number;
  /** Set when two or more rows are objects and none is readable: likely a renamed field, worth a warning. */
  unreadable?: string;
}

/** Options of {@link rowsOf}. */
export interface RowsOptions<T> {
  /**
   * Reason to reject a row that parsed (typically "neither id nor URL"), or `undefined` to keep it.
   * Runs after the schema, on its output.
   */
  check?: (row: T) => string | undefined;
  /** What the array holds, for the envelope error. @default 'jobs' */
  what?: string;
}

/** The id a raw row carries, for naming it in a warning. */
function rowId(v: unknown): string | undefined {
  if (!isPlain(v)) return undefined;
  for (const k of ROW_ID_KEYS) {
    const t = toId(v[k]);
    if (t !== undefined) return t.length > 80 ? `${t.slice(0, 80)}…` : t;
  }
  return undefined;
}

function describeIssue(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.code === 'custom' ? i.message : `${i.path.join('.') || '(row)'}: ${i.message}`))
    .join('; ');
}

/** Why a raw row cannot be a job, before its fields are read. */
function shapeReason(v: unknown): string | undefined {
  if (v === null || v === undefined) return 'null entry';
  if (Array.isArray(v)) return 'not an object (array)';
  if (typeof v !== 'object') return `not an object (${typeof v})`;
  return undefined;
}

/**
 * A jobs array checked row by row. The array itself is strict: a missing or non-array value fails
 * (→ `BOARD_ENDPOINT_CHANGED` through `validate`), except a single object, read as a one-row list.
 * Each row is `safeParse`d on its own; failures become {@link SkippedRow}s, never an error: when
 * two or more object rows are all unreadable (a renamed title field, say) the result says so in
 * `unreadable`, which {@link keep} turns into a warning.
 */
export function rowsOf<S extends z.ZodType>(schema: S, options: RowsOptions<z.output<S>> = {}) {
  const what = options.what ?? 'jobs';
  return z
    .unknown()
    .optional()
    .transform((v, ctx): Rows<z.output<S>> => {
      let arr: unknown[];
      if (Array.isArray(v)) arr = v;
      else if (isPlain(v)) arr = mapRows(v) ?? [v];
      else {
        ctx.addIssue({ code: 'custom', message: `expected an array of ${what}, got ${v === null ? 'null' : typeof v}`, input: v });
        return z.NEVER;
      }
      const out: Rows<z.output<S>> = { rows: [], at: [], skipped: [], length: arr.length };
      let objects = 0;
      for (let index = 0; index < arr.length; index++) {
        const raw = arr[index];
        const shape = shapeReason(raw);
        if (shape !== undefined) {
          out.skipped.push({ index, reason: shape });
          continue;
        }
        objects++;
        const r = schema.safeParse(raw);
        const reason = r.success ? options.check?.(r.data) : describeIssue(r.error.issues);
        if (reason !== undefined || !r.success) {
          const skip: SkippedRow = { index, reason: reason ?? 'invalid row' };
          const rid = rowId(raw);
          if (rid !== undefined) skip.id = rid;
          out.skipped.push(skip);
          continue;
        }
        out.rows.push(r.data);
        out.at.push(index);
      }
      if (out.rows.length === 0 && objects > 0) {
        const reasons = [...new Set(out.skipped.map((s) => s.reason))].slice(0, 3).join('; ');
        // A lone object that is no job is an error body or a moved envelope, not a board.
        if (!Array.isArray(v)) {
          ctx.addIssue({ code: 'custom', message: `no row of ${what} is usable (${reasons})`, input: v });
          return z.NEVER;
        }
        if (objects >= 2)
          out.unreadable = `none of the ${objects} ${what} rows is readable (${reasons}); the response shape may have changed`;
      }
      return out;
    });
}

/** Keys under which APIs (and mirrors of them) put a jobs array. */
const ROW_KEYS = [
  'jobs',
  'data',
  'results',
  'items',
  'postings',
  'content',
  'offers',
  'jobPostings',
  'result',
  'positions',
  'openings',
  'vacancies',
  'jobOpenings',
] as const;

/** Keys that wrap a whole response one level down (`{ data: { jobs: [...] } }`, `{ result: {...} }`). */
const WRAPPER_KEYS = ['data', 'result', 'results', 'response', 'payload', 'body'] as const;

/** A jobs array under a well-known key, or under one inside a wrapper (at most two levels down). */
function rowsUnder(v: Plain, depth = 0): unknown[] | undefined {
  for (const k of ROW_KEYS) if (Array.isArray(v[k])) return v[k] as unknown[];
  if (depth >= 2) return undefined;
  for (const k of WRAPPER_KEYS) {
    const inner = v[k];
    if (isPlain(inner)) {
      const rows = rowsUnder(inner, depth + 1);
      if (rows !== undefined) return rows;
    }
  }
  return undefined;
}

/** Keys only a row has (a map of rows is keyed by ids instead). */
const ROW_ONLY_KEYS = ['id', 'title', 'name', 'text', 'uuid', 'shortcode', 'jobId', 'slug', 'externalPath'] as const;

/**
 * Rows sent as an object keyed by id (`{ "123": {...}, "124": {...} }`): its values, when most of
 * them are objects and the object has none of a row's own keys; otherwise `undefined` (a lone row).
 */
function mapRows(v: Plain): unknown[] | undefined {
  if (ROW_ONLY_KEYS.some((k) => v[k] !== undefined)) return undefined;
  const values = Object.values(v);
  const objects = values.filter(isPlain).length;
  return objects > 0 && objects * 2 > values.length ? values : undefined;
}

/**
 * An object envelope that also takes its rows bare or under a sibling key: a bare array becomes
 * `{ [key]: array }`, and an object without `key` but with a jobs array under a well-known key
 * (`jobs`, `data`, `results`, `items`, `postings`, …) has it moved to `key`. Anything else reaches
 * `schema` unchanged, so a response with no jobs array at all still fails.
 */
export function envelope<S extends z.ZodType>(key: string, schema: S) {
  return z.preprocess((v) => {
    // Wrappers nest (`{ response: { data: { data: [...] } } }`): unwrap a few levels, no more.
    let out = v;
    for (let level = 0; level < 3; level++) {
      const next = unwrapOnce(out, key);
      if (next === out) break;
      out = next;
    }
    return out;
  }, schema);
}

/** One step of {@link envelope}: `v` itself when it is the envelope already (or nothing known). */
function unwrapOnce(v: unknown, key: string): unknown {
  if (Array.isArray(v)) return { [key]: v };
  if (!isPlain(v)) return v;
  if (v[key] === undefined) {
    // The envelope itself one level down (`{ data: { jobs, meta } }`) keeps its siblings (totals).
    for (const w of WRAPPER_KEYS) {
      const inner = v[w];
      if (isPlain(inner) && inner[key] !== undefined) return inner;
    }
    const rows = rowsUnder(v);
    return rows === undefined ? v : { ...v, [key]: rows };
  }
  // The key holds a whole envelope (`{ data: { data: [...], meta } }`), not rows: read that one.
  if (isPlain(v[key]) && mapRows(v[key] as Plain) === undefined) {
    const inner = v[key] as Plain;
    if (inner[key] !== undefined) return inner;
    const rows = rowsUnder(inner);
    if (rows !== undefined) return { ...v, [key]: rows };
  }
  return v;
}

/** For bare-array APIs: an object wrapping the array under a well-known key (`{ data: [...] }`) yields the array. */
export function bare<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (isPlain(v) ? (rowsUnder(v) ?? v) : v), schema);
}

/**
 * The rows that passed; each skipped one is reported to the context (a warning naming it, and a
 * `partial` result). `offset` is where this page starts in the whole listing.
 */
export function keep<T>(ctx: Pick<BoardContext, 'skip' | 'warn'>, rows: Rows<T>, offset = 0): T[] {
  for (const s of rows.skipped) ctx.skip({ ...s, index: s.index + offset });
  if (rows.unreadable !== undefined) ctx.warn(rows.unreadable);
  return rows.rows;
}

function usableUrl(v: unknown, base: string | undefined): boolean {
  if (typeof v !== 'string' || !v.trim()) return false;
  try {
    const u = new URL(v.trim(), base);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Reason to skip a row that has neither an id nor a usable URL (absolute, or relative to `base`),
 * else `undefined`. A row with an id gets the vendor's canonical job URL when its own is missing.
 */
export function idOrUrl(ids: readonly unknown[], urls: readonly unknown[] = [], base?: string): string | undefined {
  if (ids.some((v) => v !== undefined && v !== null && v !== '')) return undefined;
  if (urls.some((v) => usableUrl(v, base))) return undefined;
  return urls.some((v) => typeof v === 'string' && v.trim()) ? 'no id and no usable URL' : 'neither id nor URL';
}
