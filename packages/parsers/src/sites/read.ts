/**
 * Reads a page with a site profile: each field's selectors in order, then the profile's
 * label–value criteria, then its `<title>` rule; every value goes through the same normalizers
 * as the generic heuristics (location, salary, employment, workplace, date). Internal to `sites/`.
 * @module
 */

import type { Salary } from '@jobkit/core';
import { selectAll } from 'css-select';
import type { AnyNode, Document, Element } from 'domhandler';
import { type LabelField, labelField } from '../heuristics/vocabulary.js';
import { innerHtmlOf, textOf } from '../html/dom.js';
import { cleanInline, htmlToText, sanitizeDescription } from '../html/sanitize.js';
import type { PageScan } from '../html/scan.js';
import { indexPage, type PageIndex } from '../html/select.js';
import { parseLocation, parseSalary, parseWorkplaceType } from '../normalize/index.js';
import type { ExtractedFields } from '../structured/fields.js';
import { periodFromUnit } from '../structured/normalize.js';
import { siteDate, siteEmployment } from './text.js';
import type { SiteDefinition, SiteField, TitleParts } from './types.js';

export interface SiteReadContext {
  url: string;
  scan: PageScan;
  now?: Date;
}

export interface SiteRead {
  fields: ExtractedFields;
  /** The profile found a posting: a title plus a company or a description. */
  isJob: boolean;
  warnings: string[];
}

/** Text longer than this is not one field's value (a whole card or section was matched). */
const MAX_FIELD_CHARS: Record<SiteField, number> = {
  title: 200,
  company: 120,
  location: 300,
  employmentType: 120,
  workplace: 120,
  salary: 200,
  datePosted: 80,
  validThrough: 80,
  applyUrl: 2_000,
  description: Infinity,
  department: 120,
};

/** Currencies written with a bare "$". */
const DOLLAR_SIGN_CURRENCIES = new Set(['MXN', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'ARS', 'CLP', 'COP', 'TWD', 'BRL']);

/** Salary labels that state the pay period the value leaves out. */
const PERIOD_LABELS: ReadonlyArray<readonly [RegExp, string]> = [
  [/monthly|per month|mensuel|monatlich|mensual|mensile|maandelijks|miesięczn|شهري|月/i, ' per month'],
  [/yearly|annual|per year|annuel|jährlich|anual|annuale|jaarlijks|roczn|سنوي|年/i, ' per year'],
  [/hourly|per hour|horaire|stündlich|por hora|orari/i, ' per hour'],
];

/** Embedded JSON larger than this is skipped (JSON.parse is linear, but memory is not free). */
const MAX_EMBEDDED_CHARS = 2_000_000;

/** Titles that are page chrome, never a posting ("0 notifications", "Sign in", "Jobs"). */
const CHROME_TITLE = /^(?:\d+\s+notifications?|sign ?in|log ?in|join now|jobs?|search|home|menu|skip to main content)$/i;

const LABEL_TO_FIELD: Partial<Record<LabelField, SiteField>> = {
  location: 'location',
  employment: 'employmentType',
  salary: 'salary',
  datePosted: 'datePosted',
  validThrough: 'validThrough',
  workplace: 'workplace',
  department: 'department',
  company: 'company',
};

function splitSelector(selector: string): { css: string; attr?: string } {
  const at = / @([\w-]+)$/.exec(selector);
  return at ? { css: selector.slice(0, at.index), attr: at[1]! } : { css: selector };
}

/** Attributes `indexPage` answers for; selectors on any other attribute are run by css-select directly. */
const INDEXED_ATTR = /^(?:class|id|data-ui|data-qa|data-automation-id|itemprop|role|type)$/;

/**
 * Elements matching `css`: from the page index when it can answer (tags, classes, ids, its
 * indexed attributes), else by css-select over the whole page (`data-at`, `data-testid`,
 * `data-automation`…, the hooks boards keep stable).
 */
function safeSelect(index: PageIndex, root: AnyNode, css: string, warnings: string[]): Element[] {
  try {
    const attrs = [...css.matchAll(/\[([\w-]+)/g)].map((m) => m[1]!.toLowerCase());
    if (attrs.every((a) => INDEXED_ATTR.test(a))) return index.select(css);
    return selectAll<AnyNode, Element>(css, root);
  } catch (error) {
    warnings.push(`site selector "${css}" failed: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}

/** A company name without the rating, "logo" or "(verified)" decorations boards add. */
function cleanCompany(name: string): string {
  return name
    .replace(/\d(?:[.,]\d)? ?(?:★|☆|stars?)$/i, '')
    .replace(/★ ?\d(?:[.,]\d)?$/, '')
    .replace(/ \d[.,]\d$/, '')
    .replace(/(?:logo|\(verified\)|verified employer)$/i, '')
    .trim();
}

/** Read every field the profile knows from `doc`. Never throws for page content. */
export function readSite(site: SiteDefinition, doc: Document, ctx: SiteReadContext): SiteRead {
  const warnings: string[] = [];
  const index = indexPage(doc);
  const now = ctx.now ?? new Date();
  const host = new URL(ctx.url).hostname.toLowerCase();
  const raw: Partial<Record<SiteField, string>> = {};
  let descriptionEl: Element | undefined;

  const accept = (field: SiteField, text: string): string | undefined => {
    const cleaned = cleanInline(text);
    const out = site.clean?.[field] ? site.clean[field]!(cleaned) : cleaned;
    if (!out || out.length < 2 || out.length > MAX_FIELD_CHARS[field]) return undefined;
    if (field === 'title' && CHROME_TITLE.test(out)) return undefined;
    return out;
  };

  let descriptionHtml: string | undefined;
  for (const block of site.embedded ?? []) {
    const { css, attr } = splitSelector(block.select);
    const found = safeSelect(index, doc, css, warnings);
    const text = block.assign ? assignedJson(found, block.assign) : embeddedText(found[0], attr);
    if (!text || text.length > MAX_EMBEDDED_CHARS) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      warnings.push(`site ${site.id}: embedded data in ${css} is not JSON`);
      continue;
    }
    let got: ReturnType<typeof block.read>;
    try {
      got = block.read(data);
    } catch (error) {
      warnings.push(`site ${site.id}: embedded data unreadable: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    for (const [key, value] of Object.entries(got ?? {})) {
      if (typeof value !== 'string') continue;
      if (key === 'descriptionHtml') descriptionHtml ??= value;
      else if (!raw[key as SiteField]) {
        const v = accept(key as SiteField, value);
        if (v) raw[key as SiteField] = v;
      }
    }
  }

  const hostCurrency = site.currency?.(host);
  const usable = (field: SiteField, text: string): boolean => {
    if (field === 'datePosted' || field === 'validThrough') return siteDate(text, now, site.dateOrder) !== undefined;
    if (field === 'salary') return readSalary(text, hostCurrency) !== undefined;
    return true;
  };

  for (const [field, selectors] of Object.entries(site.fields) as Array<[SiteField, readonly string[]]>) {
    if (raw[field] !== undefined || (field === 'description' && descriptionHtml)) continue;
    for (const selector of selectors) {
      const { css, attr } = splitSelector(selector);
      const found = safeSelect(index, doc, css, warnings);
      let hit: string | undefined;
      if (site.joinAll?.includes(field) && !attr) {
        const all = [
          ...new Set(
            found
              .slice(0, 50)
              .map((el) => accept(field, textOf(el, 1_000)))
              .filter((t): t is string => !!t),
          ),
        ];
        hit = all.length > 0 ? all.join('; ') : undefined;
        if (hit) {
          raw[field] = hit;
          break;
        }
        continue;
      }
      for (const el of found.slice(0, 8)) {
        if (field === 'description' && !attr) {
          if (textOf(el, 2_000).trim().length >= 40) {
            descriptionEl = el;
            hit = 'yes';
            break;
          }
          continue;
        }
        const value = attr ? (el.attribs[attr] ?? '') : textOf(el, 4_000);
        hit = accept(field, value);
        // A date or pay field is only found when it reads as one; else the next match may.
        if (hit && !usable(field, hit)) hit = undefined;
        if (hit) break;
      }
      if (hit) {
        if (field !== 'description') raw[field] = hit;
        break;
      }
    }
  }

  // Label–value rows fill what the selectors did not name.
  for (const block of site.criteria ?? []) {
    for (const item of safeSelect(index, doc, block.item, warnings).slice(0, 40)) {
      const local = indexPage(item);
      const label = safeSelect(local, item, block.label, warnings)[0];
      const value = safeSelect(local, item, block.value, warnings)[0];
      if (!label || !value) continue;
      const key = cleanInline(textOf(label, 200))
        .toLowerCase()
        .replace(/[:：]\s*$/, '');
      const mapped =
        site.labels && key in site.labels
          ? site.labels[key]
          : (() => {
              const f = labelField(key);
              return f ? LABEL_TO_FIELD[f] : undefined;
            })();
      if (!mapped || raw[mapped] !== undefined) continue;
      let text = accept(mapped, textOf(value, 1_000));
      // "Monthly Salary Range: SAR 9,000 - 12,000": the label states the period.
      if (text && mapped === 'salary') text += PERIOD_LABELS.find(([re]) => re.test(key))?.[1] ?? '';
      if (text) raw[mapped] = text;
    }
  }

  // The page title as the profile reads it, for what the markup did not hold.
  if (site.fromTitle && (!raw.title || !raw.company || !raw.location)) {
    const sources = [ctx.scan.meta.get('og:title'), ctx.scan.title].filter((t): t is string => !!t);
    let parts: TitleParts | undefined;
    for (const s of sources) if ((parts = site.fromTitle(cleanInline(s), raw.title))) break;
    if (parts) {
      for (const key of ['title', 'company', 'location'] as const) {
        const v = parts[key] ? accept(key, parts[key]!) : undefined;
        if (v && !raw[key]) raw[key] = v;
      }
    }
  }

  // Lines and idioms of the description text, for what the page states only there.
  if ((site.descriptionLabels || site.descriptionFacts) && (descriptionHtml || descriptionEl)) {
    const lines = htmlToText((descriptionHtml ?? innerHtmlOf(descriptionEl!)).slice(0, 200_000)).split('\n');
    for (const line of site.descriptionLabels ? lines.slice(0, 2_000) : []) {
      const colon = line.search(/[:：]/);
      if (colon < 2 || colon > 60) continue;
      const field = site.descriptionLabels![cleanInline(line.slice(0, colon)).toLowerCase()];
      if (!field || raw[field] !== undefined) continue;
      const v = accept(field, line.slice(colon + 1));
      if (v && usable(field, v)) raw[field] = v;
    }
    const text = lines.join('\n').slice(0, 50_000);
    for (const [re, field, value] of site.descriptionFacts ?? []) {
      if (raw[field] !== undefined) continue;
      const m = re.exec(text);
      // Without a fixed value the fact's first group is the value ("Applications close 12 December").
      const v = m ? (value ?? (m[1] ? accept(field, m[1]) : undefined)) : undefined;
      if (v && usable(field, v)) raw[field] = v;
    }
  }

  const fields: ExtractedFields = {};
  if (raw.title) fields.title = raw.title;
  if (raw.company) {
    const name = cleanCompany(raw.company);
    if (name.length >= 2) fields.company = { name };
  }
  if (raw.location) {
    const parsed = parseLocation(raw.location);
    if (parsed.locations.length > 0) fields.locations = parsed.locations;
    if (parsed.workplaceType) fields.workplaceType = parsed.workplaceType;
  }
  if (raw.workplace) {
    const w = parseWorkplaceType(raw.workplace);
    if (w) fields.workplaceType = w;
  }
  if (raw.employmentType) {
    const types = siteEmployment(raw.employmentType);
    if (types.length > 0) fields.employmentType = types;
    // "Full-time · Remote" rows also state the workplace.
    if (!fields.workplaceType) {
      const w = parseWorkplaceType(raw.employmentType);
      if (w) fields.workplaceType = w;
    }
  }
  if (raw.salary) {
    const salary = readSalary(raw.salary, hostCurrency);
    if (salary && salary.period === null && site.defaultPeriod) {
      const least = Math.min(...[salary.min, salary.max].filter((v): v is number => v !== null));
      if (site.defaultPeriod === 'by-size')
        salary.period = least >= 15_000 ? 'year' : least >= 800 ? 'month' : least <= 200 ? 'hour' : null;
      else if (least >= (site.defaultPeriod === 'year' ? 5_000 : 100)) salary.period = site.defaultPeriod;
    }
    if (salary) fields.salary = salary;
  }
  if (raw.datePosted) {
    const d = siteDate(raw.datePosted, now, site.dateOrder);
    if (d) fields.datePosted = d;
  }
  if (raw.validThrough) {
    const d = siteDate(raw.validThrough, now, site.dateOrder);
    if (d) fields.validThrough = d;
  }
  if (raw.applyUrl) {
    const u = absoluteHttp(raw.applyUrl, ctx.url);
    if (u) fields.applyUrl = u;
  }
  if (raw.department) fields.department = raw.department;
  if (descriptionHtml || descriptionEl) {
    const description = sanitizeDescription(descriptionHtml ?? innerHtmlOf(descriptionEl!));
    if (description.text) fields.description = description;
  }
  const isJob = !!fields.title && (!!fields.company || !!fields.description);
  return { fields, isJob, warnings };
}

/** An element's text for embedded JSON: an attribute, or the raw text of a script (which `textOf` skips). */
function embeddedText(el: Element | undefined, attr: string | undefined): string | undefined {
  if (!el) return undefined;
  if (attr) return el.attribs[attr];
  if (el.name === 'script') return rawText(el);
  return textOf(el, MAX_EMBEDDED_CHARS + 1);
}

function rawText(el: Element): string {
  let out = '';
  for (const c of el.children) {
    if (c.type === 'text') out += (c as { data: string }).data;
    if (out.length > MAX_EMBEDDED_CHARS) break;
  }
  return out;
}

/**
 * The object or array literal assigned to `name` in the first of `scripts` that assigns it
 * (`window._initialData={…};`), cut at its matching bracket by one pass that skips strings.
 */
function assignedJson(scripts: readonly Element[], name: string): string | undefined {
  for (const el of scripts.slice(0, 300)) {
    const text = rawText(el);
    let at = text.indexOf(name);
    while (at >= 0) {
      let i = at + name.length;
      while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i++;
      if (text[i] === '=' && text[i + 1] !== '=') {
        i++;
        while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i++;
        const end = literalEnd(text, i);
        if (end > i) return text.slice(i, end);
      }
      at = text.indexOf(name, at + name.length);
    }
  }
  return undefined;
}

/** The index after the `{…}`/`[…]` literal starting at `from` (JSON strings skipped), or -1. */
function literalEnd(text: string, from: number): number {
  const open = text[from];
  if (open !== '{' && open !== '[') return -1;
  let depth = 0;
  for (let i = from; i < text.length && i - from <= MAX_EMBEDDED_CHARS; i++) {
    const ch = text[i];
    if (ch === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function readSalary(text: string, currency: string | undefined): Salary | undefined {
  let parsed = parseSalary(text, currency ? { defaultCurrency: currency } : {});
  if (!parsed || (parsed.min === null && parsed.max === null)) return undefined;
  // A bare "$" on a Mexican, Canadian or Australian board is that country's dollar or peso.
  if (
    parsed.currency === 'USD' &&
    currency &&
    currency !== 'USD' &&
    DOLLAR_SIGN_CURRENCIES.has(currency) &&
    !/US\$|USD|U\.S\./i.test(text)
  ) {
    parsed = { ...parsed, currency };
  }
  if ([parsed.min, parsed.max].some((v) => v !== null && v < 1)) return undefined;
  return { ...parsed, period: parsed.period ?? periodFromUnit(text) };
}

function absoluteHttp(href: string, base: string): string | undefined {
  const h = href.trim();
  if (!h || /^(?:javascript|mailto|tel|data):/i.test(h)) return undefined;
  try {
    const u = new URL(h, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}
