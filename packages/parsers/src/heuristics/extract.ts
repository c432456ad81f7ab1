/**
 * Heuristic extraction for pages without structured data: prepares the page once, runs the
 * per-field extractors (title, company, location, employment type, workplace, salary, dates,
 * apply URL, description) and the page classifier. Each extractor weighs candidates from
 * several sources instead of taking the first match.
 * @module
 */
import type { EmploymentType } from '@jobkit/core';
import type { Document, Element } from 'domhandler';
import { innerHtmlOf, textOf, walkElements } from '../html/dom.js';
import { sanitizeDescription } from '../html/sanitize.js';
import { isJobUrl } from '../links/job-url.js';
import { parseEmploymentType } from '../normalize/index.js';
import { pageCountryHint } from '../normalize/page-country.js';
import { employerDomain } from '../structured/domains.js';
import type { ExtractedFields } from '../structured/fields.js';
import { extractApply } from './apply.js';
import { classify, type PageKind } from './classify.js';
import { cleanCompany, extractCompany } from './company.js';
import { extractDates } from './dates.js';
import { findDescription } from './description.js';
import { extractEmployment, extractWorkplace, HEADLINE_SELECTORS } from './employment.js';
import { extractLocation } from './location.js';
import { firstText, type HeuristicContext, preparePage } from './page.js';
import { extractSalary } from './salary.js';
import { extractTitle } from './title.js';
import { cardOf, metaDescriptionFacts, postedByName, topCardChips } from './top-card.js';

export type { HeuristicContext } from './page.js';
export { cleanTitle } from './title.js';

export interface HeuristicResult {
  fields: ExtractedFields;
  kind: PageKind;
  /** Why `kind` was chosen; surfaces as a warning when the page is not a job. */
  reason: string;
  /** Caveats about values read (e.g. a date whose day/month order was a guess). */
  warnings: string[];
  /** Characters of visible body text (a client-rendered shell has almost none). */
  visibleChars: number;
}

const DEPARTMENT_SELECTORS = [
  '.posting-categories .department',
  '.sort-by-team',
  '[data-ui="job-department"]',
  '.job__department',
  '.department',
];

function jobLinksInside(el: Element, base: string): number {
  const inside = new Set<string>();
  const anchors: Element[] = [];
  walkElements(el, (e) => {
    // Menus and banners inside the description block are not what it lists.
    if (
      e.name === 'nav' ||
      e.name === 'header' ||
      e.name === 'footer' ||
      e.name === 'aside' ||
      /menu|cookie|consent|breadcrumb/i.test(e.attribs.class ?? '')
    )
      return false;
    if (e.name === 'a' && e.attribs.href) anchors.push(e);
    return anchors.length < 2_000;
  });
  for (const a of anchors) {
    try {
      const u = new URL(a.attribs.href!, base);
      if (isJobUrl(u)) inside.add(u.toString());
    } catch {
      // unparseable href
    }
  }
  return inside.size;
}

/** The employment types a meta-description value names, unless it lists a form's options (three or more). */
function metaEmployment(value: string | undefined): EmploymentType[] | undefined {
  const types = value ? parseEmploymentType(value) : [];
  return types.length > 0 && types.length < 3 ? types : undefined;
}

/** Read every field heuristics can find in `doc` (an htmlparser2 DOM) and classify the page. */
export function extractHeuristics(doc: Document, ctx: HeuristicContext): HeuristicResult {
  const page = preparePage(doc, ctx);
  const fields: ExtractedFields = {};
  // A capped sample is enough for vocabulary cues, date order and the text-versus-links ratio.
  const bodyText = textOf(page.body, 20_000);

  const title = extractTitle(page);
  if (title.title) fields.title = title.title;
  const chips = topCardChips(page, title.el);
  const location = extractLocation(page, chips, title.locationHints);
  if (location.locations) fields.locations = location.locations;
  if (location.workplaceType) fields.workplaceType = location.workplaceType;

  const card = cardOf(title.el);
  if (card) title.card = card;
  for (const c of chips) if (c.kind === 'company') title.postedBy.push(postedByName(c.text) ?? '');
  const company = extractCompany(page, title, location.text);
  if (company) {
    const domain = employerDomain(ctx.url);
    fields.company = { name: cleanCompany(company), ...(domain ? { domain } : {}) };
  }

  const descriptionEl = findDescription(page);
  let descriptionText = '';
  if (descriptionEl) {
    const description = sanitizeDescription(innerHtmlOf(descriptionEl));
    if (description.text) {
      fields.description = description;
      descriptionText = description.text;
    }
  }

  const headline = [
    fields.title ?? '',
    location.text ?? '',
    firstText(page, HEADLINE_SELECTORS, 2, 400)?.text ?? '',
    ...chips.map((c) => c.text),
  ].join(' \n ');
  const workplace = extractWorkplace(page, chips, headline, descriptionText);
  if (workplace) fields.workplaceType = workplace;
  // Facts stated only in the meta description (Korean boards write 근무형태/마감일 there): the last resort.
  const meta = metaDescriptionFacts(ctx.scan.meta.get('description'));
  const employment = extractEmployment(page, chips, headline, descriptionText) ?? metaEmployment(meta.employment);
  if (employment) fields.employmentType = employment;
  const country = pageCountryHint(ctx.url, ctx.scan.lang)[0] ?? fields.locations?.find((l) => l.country)?.country;
  const salary = extractSalary(page, chips, descriptionText, country);
  if (salary) fields.salary = salary;

  const dates = extractDates(
    page,
    bodyText,
    chips.filter((c) => c.kind === 'date').map((c) => c.text),
    meta,
  );
  if (dates.datePosted) fields.datePosted = dates.datePosted;
  if (dates.validThrough) fields.validThrough = dates.validThrough;
  if (dates.references.datePosted || dates.references.validThrough) fields.dateReferences = dates.references;

  const apply = extractApply(page);
  if (apply.applyUrl) fields.applyUrl = apply.applyUrl;

  const department = page.labels.get('department')?.[0]?.value ?? firstText(page, DEPARTMENT_SELECTORS, 2, 80)?.text;
  if (department) fields.department = department;

  const verdict = classify(page, fields, {
    hasApply: apply.hasApply,
    descriptionText,
    linksInDescription: descriptionEl ? jobLinksInside(descriptionEl, ctx.url) : 0,
    h1Count: title.h1Count,
    bodyText,
    applyLinks: apply.applyLinks,
    chipFacts: new Set(chips.filter((c) => c.kind === 'salary' || c.kind === 'employment' || c.kind === 'location').map((c) => c.kind))
      .size,
  });
  return { fields, ...verdict, warnings: dates.warnings, visibleChars: bodyText.length };
}
