/**
 * Salary: a salary label in any language, salary markup, a top-card chip, or an amount with a
 * currency in the description ("$95,000 – $115,000 per year").
 * @module
 */
import type { Salary } from '@jobkit/core';
import { parseSalary } from '../normalize/index.js';
import { periodFromUnit } from '../structured/normalize.js';
import { firstText, type Page } from './page.js';
import type { Chip } from './top-card.js';

const SALARY_SELECTORS = ['[class*="salary" i]', '[class*="compensation" i]', '[data-ui="job-salary"]', '[id*="salary" i]', '[class*="wage" i]'];

const SALARY_IN_TEXT =
  /(?:(?:[$€£₹]|\b(?:USD|EUR|GBP|CHF|CAD|AUD|INR|MXN|SEK|PLN)\b)\s?\d[\d.,\s]*\d?\s?[kKmM]?\b(?:\s?(?:-|–|—|to|bis|à|a|hasta)\s?(?:[$€£₹]|\b(?:USD|EUR|GBP|CHF|CAD|AUD|INR)\b)?\s?\d[\d.,\s]*\d?\s?[kKmM]?\b)?(?:\s?(?:USD|EUR|GBP|CHF|€|\$))?|\d[\d.,]*\s?[kK]?\s?(?:-|–|—|bis|à|a)\s?\d[\d.,]*\s?[kK]?\s?(?:€|EUR|USD|\$|£|GBP|CHF)|\d[\d.,]*\s?[kK]?\s?(?:€|EUR))(?:[^.\n]{0,40}?\b(?:per|a|an|\/|pro|par|al|por|brutto|gross|jährlich|annual|annuel|anual|yearly))?(?:\s?(?:year|yr|annum|hour|hr|month|jahr|stunde|monat|an|mois|heure|año|mes|hora))?/i;

/** A salary from labelled text (the whole value) or from running text (the first money amount). */
export function salaryFrom(text: string, labelled = false): Salary | undefined {
  const m = labelled ? null : SALARY_IN_TEXT.exec(text);
  if (!m && !labelled) return undefined;
  const source = m ? m[0] : text.slice(0, 200);
  const after = m ? text.slice(m.index + m[0].length, m.index + m[0].length + 30) : '';
  const parsed = parseSalary(source);
  if (!parsed || (parsed.min === null && parsed.max === null)) return undefined;
  const values = [parsed.min, parsed.max].filter((v): v is number => v !== null);
  if (values.some((v) => v < 5)) return undefined;
  const period = parsed.period ?? periodFromUnit(source) ?? periodFromUnit(after);
  return { ...parsed, period };
}

export function extractSalary(page: Page, chips: readonly Chip[], description: string): Salary | undefined {
  for (const hit of page.labels.get('salary') ?? []) {
    const s = salaryFrom(hit.value, true);
    if (s) return s;
  }
  const marked = firstText(page, SALARY_SELECTORS, 3, 160);
  const fromMarkup = marked ? salaryFrom(marked.text, true) : undefined;
  if (fromMarkup) return fromMarkup;
  for (const c of chips) {
    if (c.kind !== 'salary') continue;
    const s = salaryFrom(c.text, true);
    if (s) return s;
  }
  return salaryFrom(description.slice(0, 20_000));
}
