/**
 * schema.org `JobPosting` object (from JSON-LD, microdata or RDFa) → {@link ExtractedFields}. Accepts
 * every shape schema.org allows for salary, location, organization and dates.
 * @module
 */
import { type Company, cleanText, type Location, type Salary, type SalaryPeriod, type WorkplaceType } from '@jobkit/core';
import { cleanInline, dropInvisible, htmlToText, sanitizeDescription } from '../html/sanitize.js';
import {
  harmonizeLocations,
  normalizeCountry,
  normalizeCurrency,
  parseDate,
  parseEmploymentType,
  parseLocation,
  parseSalary,
  parseWorkplaceType,
  resolveLocation,
} from '../normalize/index.js';
import { employerDomain } from './domains.js';
import type { ExtractedFields } from './fields.js';
import { isObject, type JsonObject, typesOf } from './json-ld.js';

export interface NormalizeContext {
  /** Page URL, to resolve relative URLs. */
  url: string;
  now?: Date;
}

/** Result of normalizing one posting; `identifier` feeds ATS job ids. */
export interface NormalizedPosting {
  fields: ExtractedFields;
  identifier?: string;
  warnings: string[];
}

const MAX_LIST = 50;

/**
 * Longest text handed to each normalizer, far above any real value (a date is under 100
 * characters, a location list under a few hundred): structured values can be megabytes, and the
 * normalizers (chrono-node for dates among them) are not all linear on every input.
 */
const NORMALIZER_INPUT_CAP = { date: 200, location: 2_000, salary: 1_000, employmentType: 200 } as const;

/** `text` cut to `max` characters. */
const capText = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).slice(0, MAX_LIST);
}

/** A scalar as text (numbers too); objects give `undefined`. */
function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** First string among a value, an array, or an object's `name`/`@value`. */
function firstText(value: unknown): string | undefined {
  for (const v of list(value)) {
    const s = str(v) ?? (isObject(v) ? (str(v['@value']) ?? str(v.name)) : undefined);
    if (s !== undefined && s.trim()) return s;
  }
  return undefined;
}

/** Text cleaned of markup and entities, on one line. */
function inlineText(value: unknown): string | undefined {
  const s = firstText(value);
  if (s === undefined) return undefined;
  const t = cleanInline(/[<&]/.test(s) ? htmlToText(s) : s);
  return t || undefined;
}

function absoluteUrl(value: unknown, base: string): string | undefined {
  const s = isObject(value) ? (str(value.url) ?? str(value.contentUrl) ?? str(value['@id'])) : str(value);
  if (!s) return undefined;
  try {
    const u = new URL(s.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

// ---------- salary ----------

/** `\s` in a RegExp, as a char code test. */
function isSpaceCode(c: number): boolean {
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const isDigitCode = (c: number) => c >= 0x30 && c <= 0x39;
/** Characters an amount's digit run may hold: digits, `.`, `,`, `'` and spaces (`50 000`, `1'000`). */
const isAmountCode = (c: number) => isDigitCode(c) || c === 0x2e || c === 0x2c || c === 0x27 || isSpaceCode(c);

/**
 * Split a plain amount into its digit run and `k`/`m` multiplier: up to 4 non-space symbol
 * characters before the number (`$`, `EUR`), up to 4 characters after it (`/yr`, `EUR`). One
 * forward scan; a regex with adjacent `\s*` and digit-or-space runs backtracks polynomially
 * on `"$1"` + spaces + letters.
 */
function splitAmount(value: string): { digits: string; mult: string | undefined } | undefined {
  const text = value.trim();
  let first = 0;
  while (first < text.length && !isDigitCode(text.charCodeAt(first))) first++;
  if (first === text.length) return undefined;
  const prefix = text.slice(0, first).trimEnd();
  if (prefix.length > 4) return undefined;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix.charCodeAt(i);
    if (c === 0x2d || isSpaceCode(c)) return undefined;
  }
  let end = first;
  let lastDigit = first;
  while (end < text.length && isAmountCode(text.charCodeAt(end))) {
    if (isDigitCode(text.charCodeAt(end))) lastDigit = end;
    end++;
  }
  // Separators and spaces after the last digit belong to the suffix; the suffix holds no digit.
  const suffix = text.slice(lastDigit + 1).trim();
  for (let i = 0; i < suffix.length; i++) if (isDigitCode(suffix.charCodeAt(i))) return undefined;
  const digits = text.slice(first, lastDigit + 1);
  const head = suffix[0];
  if (head !== undefined && 'kKmM'.includes(head) && suffix.slice(1).trim().length <= 4) return { digits, mult: head };
  return suffix.length <= 4 ? { digits, mult: undefined } : undefined;
}

/** `50,000` / `50.000,00` / `50 000` / `50k` / `1.2M` → number; `undefined` when not a plain amount. */
export function parseAmount(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = splitAmount(value);
  if (!m) return undefined;
  let digits = m.digits.replace(/[\s']/g, '');
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? '.' : ',';
    const thou = dec === '.' ? ',' : '.';
    digits = digits.split(thou).join('').replace(dec, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = digits.split(sep);
    const tail = parts[parts.length - 1] ?? '';
    // One separator followed by exactly three digits is a thousands separator (50.000, 50,000).
    digits = parts.length > 2 || tail.length === 3 ? parts.join('') : parts.join('.');
  }
  let n = Number(digits);
  if (!Number.isFinite(n)) return undefined;
  const mult = m.mult?.toLowerCase();
  if (mult === 'k') n *= 1_000;
  if (mult === 'm') n *= 1_000_000;
  return n;
}

/** schema.org `unitText` (or free text) → period. */
export function periodFromUnit(unit: string | undefined): SalaryPeriod | null {
  if (!unit) return null;
  const u = unit.toLowerCase();
  if (/hour|hr\b|hourly|stunde|heure|hora/.test(u)) return 'hour';
  if (/\bday|daily|\btag|jour|\bd[ií]a/.test(u)) return 'day';
  if (/week|woche|semaine|semana/.test(u)) return 'week';
  if (/month|monat|mois|\bmes\b|mensual|mensuel/.test(u)) return 'month';
  if (/year|annum|annual|yearly|jahr|\ban\b|année|annuel|año|anual|p1y/.test(u)) return 'year';
  return null;
}

function salaryFromAmount(node: JsonObject, fallbackCurrency: string | undefined): Salary | null {
  const currency = normalizeCurrency(str(node.currency) ?? str(node.salaryCurrency) ?? fallbackCurrency ?? '') ?? null;
  let unit = str(node.unitText) ?? str(node.duration);
  let min: number | undefined;
  let max: number | undefined;
  const value = node.value;
  const inner = Array.isArray(value) ? value.find(isObject) : value;
  if (isObject(inner)) {
    unit = str(inner.unitText) ?? str(inner.unitCode) ?? unit;
    min = parseAmount(inner.minValue);
    max = parseAmount(inner.maxValue);
    const v = parseAmount(inner.value);
    if (v !== undefined && min === undefined && max === undefined) min = max = v;
  } else if (value !== undefined) {
    const v = parseAmount(value);
    if (v !== undefined) min = max = v;
    else if (typeof value === 'string' && value.length <= NORMALIZER_INPUT_CAP.salary) {
      const parsed = parseSalary(value, currency ? { defaultCurrency: currency } : {});
      if (parsed) return { ...parsed, period: parsed.period ?? periodFromUnit(unit) ?? periodFromUnit(value) };
    }
  }
  // Shapes that put the range on the amount itself, or a MonetaryAmountDistribution.
  min ??= parseAmount(node.minValue) ?? parseAmount(node.percentile10) ?? parseAmount(node.median);
  max ??= parseAmount(node.maxValue) ?? parseAmount(node.percentile90) ?? parseAmount(node.median);
  if (min === undefined && max === undefined) return null;
  // Template placeholders (0, or 1 of anything) are no pay.
  if (Math.max(min ?? 0, max ?? 0) <= 1) return null;
  return {
    min: min ?? null,
    max: max ?? null,
    currency: /^[A-Z]{3}$/.test(currency ?? '') ? currency : null,
    period: periodFromUnit(unit),
  };
}

/** `baseSalary`/`estimatedSalary` in any schema.org shape → {@link Salary}. */
export function normalizeSalary(value: unknown, salaryCurrency: unknown): Salary | null {
  const fallback = str(salaryCurrency);
  for (const item of list(value)) {
    if (isObject(item)) {
      const s = salaryFromAmount(item, fallback);
      if (s) return s;
      continue;
    }
    const text = str(item);
    if (text === undefined || !text.trim()) continue;
    const currency = fallback ? normalizeCurrency(fallback) : undefined;
    const amount = parseAmount(text);
    if (amount !== undefined) {
      return { min: amount, max: amount, currency: currency ?? null, period: null, raw: text.trim() };
    }
    // A statement longer than this is prose, not a salary; it is not worth a parse.
    if (text.length > NORMALIZER_INPUT_CAP.salary) continue;
    const parsed = parseSalary(text, currency ? { defaultCurrency: currency } : {});
    if (parsed) return { ...parsed, period: parsed.period ?? periodFromUnit(text) };
  }
  return null;
}

// ---------- location ----------

/** The places a location value states and the workplace its text states ("Remote", "Berlin (Hybrid)"). */
interface PlaceRead {
  locations: Location[];
  workplace: WorkplaceType | null;
}

/**
 * Localities that are no place: a placeholder ("Multiple Locations", "Various", "N/A", "TBD") or a
 * workplace statement ("Remote", "Anywhere", "Home based"), in the languages the workplace
 * normalizer knows. Tested before the location normalizer sees the locality.
 */
const NOT_A_PLACE =
  /^(?:multiple(?: locations)?|various(?: locations)?|several(?: locations)?|many locations|n\/?a|tbd|tbc|to be (?:determined|confirmed)|not specified|unspecified|unknown|any(?:where)?|flexible|nationwide|home[- ]?based|work from home|virtual|online|global|worldwide|verschiedene standorte|mehrere standorte|bundesweit|plusieurs (?:sites|lieux)|divers|varios|varias ubicaciones)$/i;
/** A locality that holds more than one place or a whole address: "Berlin, Germany", "New York, NY; San Francisco, CA", "Berlin | Munich". */
const SEVERAL = /[,;|/·•]| (?:or|and|oder|und|ou|et|o|y) /i;

/** Text that states places (several, maybe), read by the location normalizer; placeholders dropped. */
function readText(text: string): PlaceRead {
  const parsed = parseLocation(capText(text, NORMALIZER_INPUT_CAP.location));
  return { locations: parsed.locations.filter((l) => !NOT_A_PLACE.test(l.raw.trim())), workplace: parsed.workplaceType };
}

function addressToLocations(addr: unknown): PlaceRead {
  if (typeof addr === 'string') {
    const text = addr.trim();
    if (!text || NOT_A_PLACE.test(text)) return { locations: [], workplace: text ? parseWorkplaceType(text) : null };
    const read = readText(text);
    return read.locations.length > 0 || read.workplace
      ? read
      : { locations: [{ raw: capText(text, NORMALIZER_INPUT_CAP.location) }], workplace: null };
  }
  if (!isObject(addr)) return { locations: [], workplace: null };
  let city = inlineText(addr.addressLocality);
  const region = inlineText(addr.addressRegion);
  const countryText = inlineText(addr.addressCountry);
  const postalCode = inlineText(addr.postalCode);
  let workplace: WorkplaceType | null = null;
  if (city && NOT_A_PLACE.test(city)) {
    // "Multiple Locations", "Remote": no place; the country (if any) remains.
    workplace = parseWorkplaceType(city);
    city = undefined;
  } else if (city && !region && !countryText && (SEVERAL.test(city) || parseWorkplaceType(city))) {
    // The locality holds the whole statement ("Austin, TX", "New York, NY; San Francisco, CA",
    // "Remote - US", "Hybrid - Austin, TX"): read it as text, like any stated place, every place kept.
    const read = readText(city);
    const workplaceOf = read.workplace ?? parseWorkplaceType(city);
    if (read.locations.length > 0) {
      const [first, ...rest] = read.locations;
      return { locations: [postalCode && !first!.postalCode ? { ...first!, postalCode } : first!, ...rest], workplace: workplaceOf };
    }
    if (workplaceOf) return { locations: [], workplace: workplaceOf };
  } else if (city && parseWorkplaceType(city)) {
    // "Remote" or "Berlin (Hybrid)" beside a region or country: the workplace, and the place that remains.
    workplace = parseWorkplaceType(city);
    const read = readText(city);
    workplace = read.workplace ?? workplace;
    city = read.locations[0]?.city;
  }
  const raw = [city, region, countryText].filter(Boolean).join(', ') || inlineText(addr.name) || inlineText(addr.streetAddress);
  if (!raw) return { locations: [], workplace };
  const country = countryText ? normalizeCountry(countryText) : undefined;
  if (!city && !region && !countryText) {
    // Only a name or street address: read it as text.
    const text = capText(raw, NORMALIZER_INPUT_CAP.location);
    const read = readText(text);
    return { locations: read.locations.length > 0 ? read.locations : [{ raw: text }], workplace: workplace ?? read.workplace };
  }
  // Canonical city, region and label, as for text places (location normalizer).
  const location = resolveLocation({
    raw,
    ...(city ? { city } : {}),
    ...(region ? { region } : {}),
    ...(country ? { country } : {}),
    ...(postalCode ? { postalCode } : {}),
  });
  return { locations: [location], workplace };
}

/** A URL given where a name belongs (a place or employer as a link): no name. */
const isUrlText = (s: string) => /^(?:https?:)?\/\/\S+$/i.test(s.trim());

function placeToLocations(place: unknown): { locations: Location[]; workplaceType: WorkplaceType | null } {
  if (typeof place === 'string' && isUrlText(place)) return { locations: [], workplaceType: null };
  if (typeof place === 'string') {
    const text = dropInvisible(place);
    const read = NOT_A_PLACE.test(text.trim())
      ? { locations: [], workplaceType: parseWorkplaceType(text) }
      : parseLocation(capText(text, NORMALIZER_INPUT_CAP.location));
    return read;
  }
  if (!isObject(place)) return { locations: [], workplaceType: null };
  const types = typesOf(place);
  const address =
    types.includes('PostalAddress') || place.addressLocality !== undefined || place.addressCountry !== undefined ? place : place.address;
  const locations: Location[] = [];
  let workplaceType: WorkplaceType | null = null;
  for (const a of list(address)) {
    const read = addressToLocations(a);
    locations.push(...read.locations);
    workplaceType ??= read.workplace;
  }
  if (locations.length === 0 && workplaceType === null) {
    const name = inlineText(place.name);
    if (name)
      return NOT_A_PLACE.test(name)
        ? { locations: [], workplaceType: parseWorkplaceType(name) }
        : parseLocation(capText(name, NORMALIZER_INPUT_CAP.location));
  }
  return { locations, workplaceType };
}

// ---------- organization ----------

function normalizeCompany(value: unknown, ctx: NormalizeContext): Company | undefined {
  const org = list(value)[0];
  if (typeof org === 'string') {
    const name = inlineText(org);
    return name && !isUrlText(name) ? { name } : undefined;
  }
  if (!isObject(org)) return undefined;
  const name = inlineText(org.name) ?? inlineText(org.legalName);
  if (!name) return undefined;
  const company: Company = { name };
  for (const candidate of [...list(org.url), ...list(org.sameAs)]) {
    const url = absoluteUrl(candidate, ctx.url);
    const domain = url ? employerDomain(url) : undefined;
    if (domain) {
      company.domain = domain;
      break;
    }
  }
  const logo = absoluteUrl(list(org.logo)[0] ?? list(org.image)[0], ctx.url);
  if (logo) company.logoUrl = logo;
  return company;
}

// ---------- description ----------

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Description HTML or plain text (also HTML-escaped HTML, as some ATSs emit) → sanitized. */
function normalizeDescription(value: string) {
  let html = value;
  if (!/<[a-z!/]/i.test(html) && /&lt;\/?[a-z]/i.test(html)) html = decodeOnce(html);
  if (!/<[a-z!/]/i.test(html)) {
    html = html
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
      .join('');
  }
  return sanitizeDescription(html);
}

/** Decode one level of entities (turns `&lt;p&gt;` into `<p>`). */
function decodeOnce(text: string): string {
  return text
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&nbsp;/gi, '\u00a0')
    .replace(/&amp;/gi, '&');
}

const DESCRIPTION_PARTS: Array<[string, string]> = [
  ['responsibilities', 'Responsibilities'],
  ['qualifications', 'Qualifications'],
  ['skills', 'Skills'],
  ['educationRequirements', 'Education'],
  ['experienceRequirements', 'Experience'],
  ['jobBenefits', 'Benefits'],
];

// ---------- posting ----------

function dateField(value: unknown, ctx: NormalizeContext, name: string, warnings: string[]): string | undefined {
  const text = firstText(value);
  if (!text) return undefined;
  if (text.length > NORMALIZER_INPUT_CAP.date) {
    warnings.push(`${name} (${text.length} characters) is too long to be a date`);
    return undefined;
  }
  const iso = parseDate(text, ctx.now ? { now: ctx.now } : {});
  if (!iso || Number.isNaN(Date.parse(iso))) {
    warnings.push(`${name} "${cleanText(text.slice(0, 40))}" is not a date`);
    return undefined;
  }
  return iso;
}

/** Normalize one schema.org JobPosting node. */
export function normalizeJobPosting(node: JsonObject, ctx: NormalizeContext): NormalizedPosting {
  const warnings: string[] = [];
  const fields: ExtractedFields = {};

  const title = inlineText(node.title) ?? inlineText(node.name);
  if (title) fields.title = title.slice(0, 300);

  const company = normalizeCompany(node.hiringOrganization, ctx);
  if (company) fields.company = company;

  const locations: Location[] = [];
  let workplace: WorkplaceType | null = null;
  for (const place of list(node.jobLocation)) {
    const res = placeToLocations(place);
    locations.push(...res.locations);
    workplace ??= res.workplaceType;
  }
  const locationTypes = list(node.jobLocationType).map((t) => str(t) ?? '');
  // TELECOMMUTE is schema.org's only remote flag: a place stated as hybrid ("Berlin (Hybrid)") says more.
  if (locationTypes.some((t) => /telecommute|remote/i.test(t))) workplace = workplace === 'hybrid' ? 'hybrid' : 'remote';
  else if (locationTypes.some((t) => /hybrid/i.test(t))) workplace = 'hybrid';
  const declared = inlineText(node.workplaceType);
  if (!workplace && declared) workplace = parseWorkplaceType(declared);
  if (locations.length === 0 && workplace === 'remote') {
    for (const req of list(node.applicantLocationRequirements)) {
      const name = inlineText(req);
      if (!name) continue;
      const country = normalizeCountry(name);
      locations.push({ raw: name, ...(country ? { country } : {}) });
    }
  }
  // The posting's places decide each other's country ("Austin, TX" beside "Paris").
  if (locations.length > 0) fields.locations = harmonizeLocations(dedupeLocations(locations));
  if (workplace) fields.workplaceType = workplace;

  const types = list(node.employmentType)
    .flatMap((t) => (str(t) ?? '').split(/[,/]/, MAX_LIST).map((p) => capText(p.trim(), NORMALIZER_INPUT_CAP.employmentType)))
    .filter(Boolean)
    .slice(0, MAX_LIST);
  if (types.length > 0) {
    const parsed = parseEmploymentType(types);
    if (parsed.length > 0) fields.employmentType = parsed;
    else warnings.push(`employmentType "${cleanText(types.join(', ').slice(0, 60))}" not recognised`);
  }

  const salary = normalizeSalary(node.baseSalary, node.salaryCurrency);
  if (salary) fields.salary = salary;
  // estimatedSalary is "often computed by outside organizations" (schema.org): a board's estimate,
  // not pay the employer states, so it is not the posting's salary.
  else if (node.estimatedSalary !== undefined && normalizeSalary(node.estimatedSalary, node.salaryCurrency))
    warnings.push('estimatedSalary is an estimate, not stated pay; not used as the salary');

  let descriptionSource = firstText(node.description);
  if (!descriptionSource) {
    const parts = DESCRIPTION_PARTS.map(([key, label]) => {
      const t = firstText(node[key]);
      return t ? `<h3>${label}</h3><p>${t}</p>` : '';
    }).join('');
    descriptionSource = parts || undefined;
  }
  if (descriptionSource) {
    const description = normalizeDescription(descriptionSource);
    if (description.text) fields.description = description;
  }

  const datePosted = dateField(node.datePosted, ctx, 'datePosted', warnings);
  if (datePosted) fields.datePosted = datePosted;
  const validThrough = dateField(node.validThrough, ctx, 'validThrough', warnings);
  if (validThrough) fields.validThrough = validThrough;

  for (const action of list(node.potentialAction)) {
    if (!isObject(action)) continue;
    const target = list(action.target)[0];
    const url = absoluteUrl(isObject(target) ? (target.urlTemplate ?? target.url) : target, ctx.url);
    if (url) {
      fields.applyUrl = url;
      break;
    }
  }
  if (!fields.applyUrl && (node.directApply === true || node.directApply === 'true')) {
    const own = absoluteUrl(node.url, ctx.url);
    fields.applyUrl = own ?? ctx.url;
  }

  const department =
    inlineText(node.department) ??
    (isObject(node.hiringOrganization) ? inlineText((node.hiringOrganization as JsonObject).department) : undefined);
  if (department) fields.department = department;

  const idValue = list(node.identifier)[0];
  const identifier = isObject(idValue) ? (str(idValue.value) ?? str(idValue['@value'])) : str(idValue);
  return { fields, warnings, ...(identifier?.trim() ? { identifier: identifier.trim() } : {}) };
}

function dedupeLocations(locations: Location[]): Location[] {
  const seen = new Set<string>();
  return locations.filter((l) => {
    const key = l.raw.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
