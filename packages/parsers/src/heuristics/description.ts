/**
 * Description: known description containers first, then the densest block of paragraphs and
 * list items outside page chrome.
 * @module
 */
import type { Element } from 'domhandler';
import { isElement, textOf, walkElements } from '../html/dom.js';
import { cleanInline } from '../html/sanitize.js';
import { NOISE, type Page } from './page.js';

const DESCRIPTION_SELECTORS = [
  '[data-automation-id="jobPostingDescription"]',
  '.job__description',
  '#content .job-description',
  '.posting-page .section-wrapper',
  '[data-qa="job-description"]',
  '[data-ui="job-description"]',
  '.job-description',
  '#job-description',
  '.jobDescription',
  '.job-details',
  '.description',
  '[itemprop="description"]',
  '[class*="job-sec" i]',
  '[class*="job-desc" i]',
  '[class*="jobdesc" i]',
  '[class*="description" i]',
  '#content',
  'article',
  'main',
];

/** Han, Kana, Hangul and Thai say in 80 characters what Latin text says in 200. */
const DENSE = /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]/;

export function findDescription(page: Page): Element | undefined {
  const min =
    DENSE.test(page.scan.title ?? '') || page.lang === 'zh' || page.lang === 'ja' || page.lang === 'ko' || page.lang === 'th' ? 80 : 200;
  for (const sel of DESCRIPTION_SELECTORS) {
    const el = page.index.select(sel).find((e) => textOf(e, 5_000).trim().length >= min);
    if (el) return el;
  }
  const scores = new Map<Element, number>();
  walkElements(
    page.body,
    (el) => {
      if (NOISE.has(el.name)) return false;
      if (['p', 'li', 'h2', 'h3', 'h4', 'pre', 'td'].includes(el.name)) {
        const len = cleanInline(textOf(el, 5_000)).length;
        if (len < 20) return false;
        const parent = el.parent && isElement(el.parent) ? el.parent : undefined;
        if (parent) {
          const container = ['ul', 'ol'].includes(parent.name) && parent.parent && isElement(parent.parent) ? parent.parent : parent;
          scores.set(container, (scores.get(container) ?? 0) + len);
          const grand = container.parent && isElement(container.parent) ? container.parent : undefined;
          if (grand) scores.set(grand, (scores.get(grand) ?? 0) + len * 0.5);
        }
        return false;
      }
      return true;
    },
    100_000,
  );
  let best: Element | undefined;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return bestScore >= 100 ? best : undefined;
}
