/**
 * Normalizers: free text from job pages (salary, location, workplace, employment type, dates,
 * country and currency names) into the typed values of `@jobkit/core`. First cut; being improved.
 * @module
 */
import type { Salary, Location, WorkplaceType, EmploymentType } from '@jobkit/core';

/** Result of {@link parseLocation}. */
export interface ParsedLocation {
  locations: Location[];
  workplaceType: WorkplaceType | null;
}

const CURRENCY: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '₹': 'INR', '¥': 'JPY' };

/** Map a currency symbol or code to ISO 4217. */
export function normalizeCurrency(symbolOrCode: string): string | undefined {
  const s = symbolOrCode.trim();
  if (CURRENCY[s]) return CURRENCY[s];
  return /^[a-z]{3}$/i.test(s) ? s.toUpperCase() : undefined;
}

/** Map a country name or code to ISO 3166-1 alpha-2. */
export function normalizeCountry(nameOrCode: string): string | undefined {
  const s = nameOrCode.trim().toLowerCase();
  const names: Record<string, string> = { germany: 'DE', deutschland: 'DE', 'united states': 'US', usa: 'US', us: 'US', de: 'DE' };
  return names[s];
}

/** Parse a salary string; `null` when no amount is present. */
export function parseSalary(text: string, options: { defaultCurrency?: string } = {}): Salary | null {
  const raw = text.trim();
  const nums = [...raw.matchAll(/(\d[\d,]*)(k?)/gi)].map((m) => Number(m[1]!.replace(/,/g, '')) * (m[2] ? 1000 : 1));
  if (nums.length === 0) return null;
  const sym = /[$€£₹¥]|\b[A-Z]{3}\b/.exec(raw)?.[0];
  const currency = (sym && normalizeCurrency(sym)) ?? options.defaultCurrency ?? null;
  const min = nums[0]!;
  const max = nums[1] ?? min;
  return { min: Math.min(min, max), max: Math.max(min, max), currency, period: null, raw };
}

/** Parse a workplace type (remote / hybrid / onsite) from free text. */
export function parseWorkplaceType(text: string): WorkplaceType | null {
  if (/hybrid|hybride|híbrido/i.test(text)) return 'hybrid';
  if (/remote|telecommute|télétravail|remoto|home ?office/i.test(text)) return 'remote';
  if (/on-?site|in office|vor ort|presencial|sur site/i.test(text)) return 'onsite';
  return null;
}

/** Parse a location string into one or more locations plus any workplace type it states. */
export function parseLocation(text: string): ParsedLocation {
  const parts = text.split(/\s*[;|]\s*/).filter(Boolean);
  const locations: Location[] = parts.map((p) => {
    const segs = p.split(',').map((s) => s.trim());
    const country = normalizeCountry(segs[segs.length - 1] ?? '');
    return { raw: p, ...(segs[0] ? { city: segs[0] } : {}), ...(country ? { country } : {}) };
  });
  return { locations, workplaceType: parseWorkplaceType(text) };
}

/** Parse employment types from schema.org values or free text. */
export function parseEmploymentType(input: string | readonly string[]): EmploymentType[] {
  const items = typeof input === 'string' ? [input] : input;
  const out = new Set<EmploymentType>();
  for (const i of items) {
    if (/full|vollzeit|cdi/i.test(i)) out.add('full_time');
    if (/part|teilzeit/i.test(i)) out.add('part_time');
    if (/contract/i.test(i)) out.add('contract');
    if (/intern|praktikum|stage/i.test(i)) out.add('internship');
  }
  return [...out];
}

/** Parse a date into ISO 8601 (`YYYY-MM-DD` for date-only input); `null` when unparseable. */
export function parseDate(text: string, options: { now?: Date } = {}): string | null {
  void options;
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
