/**
 * Apply URL: the first link or button whose text is an apply call to action in any language
 * (or whose href is an apply path); reports whether an apply control exists at all.
 * @module
 */
import { textOf } from '../html/dom.js';
import { cleanInline } from '../html/sanitize.js';
import type { Page } from './page.js';
import { APPLY_TEXT } from './vocabulary.js';

export function extractApply(page: Page): { applyUrl?: string; hasApply: boolean; applyLinks: number } {
  let hasApply = false;
  let applyUrl: string | undefined;
  const distinct = new Set<string>();
  const clickable = page.tags('a', 'button', 'input').filter((e) => e.name !== 'input' || e.attribs.type === 'submit' || e.attribs.type === 'button');
  for (const e of clickable.slice(0, 3_000)) {
    const raw = textOf(e, 120) || e.attribs.value || e.attribs['aria-label'] || e.attribs.title || '';
    const href0 = e.attribs.href;
    const byHref = href0 !== undefined && /apply/i.test(href0) && /(^|[/#?=_-])apply([/?#_-]|$)/i.test(href0);
    if (raw.length > 100 && !byHref) continue;
    const text = cleanInline(raw);
    if (text.length > 60 || (!byHref && !APPLY_TEXT.test(text))) continue;
    hasApply = true;
    const href = e.attribs.href?.trim();
    if (!href || /^(javascript|mailto|tel):/i.test(href) || href === '#') continue;
    try {
      const u = new URL(href, page.url);
      if (u.protocol === 'http:' || u.protocol === 'https:') {
        applyUrl ??= u.toString();
        distinct.add(u.toString());
        if (distinct.size >= 3) break;
      }
    } catch {
      // Unparseable hrefs are skipped like a browser would.
    }
  }
  return { ...(applyUrl ? { applyUrl } : {}), hasApply, applyLinks: distinct.size };
}
