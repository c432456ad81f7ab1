/**
 * The top card: short unlabelled texts next to the title ("IN / Remote (IN)", "Full-time",
 * "$20K - $30K", "📍 Berlin", an icon + text row), each classified by what it looks like and by
 * its icon's class, so pages that print facts without labels still yield them.
 * @module
 */
import type { AnyNode, Element } from 'domhandler';
import { isElement, textOf } from '../html/dom.js';
import { cleanInline } from '../html/sanitize.js';
import { parseLocation } from '../normalize/index.js';
import { isSpace } from '../text-scan.js';
import { EMPLOYMENT_ANY_RE, foldWords, labelField, WORKPLACE_MATCHERS } from './lang/index.js';
import type { Page } from './page.js';

export type ChipKind = 'location' | 'employment' | 'workplace' | 'salary' | 'date' | 'company';

export interface Chip {
  kind: ChipKind;
  text: string;
}

/** Money: a currency sign or code before digits ("$120k", "EUR 50 000", "руб 90 000"). */
const MONEY_LEAD =
  /(?:[$€£¥₹₽₩₪฿₺₫]|\b(?:USD|EUR|GBP|CHF|CAD|AUD|INR|JPY|CNY|RMB|SGD|HKD|AED|SAR|QAR|JOD|EGP|PLN|BRL|MXN|ZAR|NZD|SEK|NOK|DKK|LKR|PKR|TRY|RUB|KRW|THB)\b|元|円|万|руб|zł|₴)\s?\d/u;
/** A unit after an amount whose digits may be spaced or grouped ("120 000 руб", "12 lpa", "30万"). */
const MONEY_UNIT = /(?:[kK]|万|千|元|円|€|zł|руб|₽|lpa|LPA|lakhs?)\b/gu;
/** A currency sign or code straight after an amount ("50.000€", "1,200 USD"). */
const MONEY_TAIL = /[$€£¥₹₽]|EUR|USD/gu;
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

/**
 * Money: a currency sign or code next to digits. The same test as
 * `/LEAD\s?\d|\d[\d.,\s]*\s?UNIT\b|\d[\d.,]*\s?TAIL/u`, but the amount before a unit or
 * currency is read backwards from it, once, instead of being retried from every digit.
 */
export function looksLikeMoney(text: string): boolean {
  if (MONEY_LEAD.test(text)) return true;
  for (const m of text.matchAll(MONEY_UNIT)) {
    for (let i = m.index; i > 0; ) {
      const ch = text[--i]!;
      if (isDigit(ch)) return true;
      if (ch !== '.' && ch !== ',' && !isSpace(ch)) break;
    }
  }
  for (const m of text.matchAll(MONEY_TAIL)) {
    let i = m.index;
    if (i > 0 && isSpace(text[i - 1]!)) i--;
    while (i > 0) {
      const ch = text[--i]!;
      if (isDigit(ch)) return true;
      if (ch !== '.' && ch !== ',') break;
    }
  }
  return false;
}
const ICON_HINTS: ReadonlyArray<readonly [RegExp, ChipKind]> = [
  [/location|map|pin|marker|place|geo|address|globe/i, 'location'],
  [/salary|money|dollar|euro|cash|wallet|coin|currency|pay/i, 'salary'],
  [/briefcase|clock|time|job-?type|contract|employment|schedule/i, 'employment'],
  [/calendar|date|posted/i, 'date'],
  [/remote|home|laptop|building|office/i, 'workplace'],
];
const PIN = /^\s*(?:📍|📌|🌍|🌎|🌏|🏢)\uFE0F?\s*/u;

const POSTED_BY = /^(?:posted|published|listed|veröffentlicht|publié|publicado|publicada)\b.{0,40}?\b(?:by|von|par|por)\s+(\S.{1,79})$/i;
const POSTED_PARTS: readonly RegExp[] = [
  /^(?:posted|published|listed|updated|veröffentlicht|publié|publiée|publicado|publicada|pubblicato|geplaatst|opublikowano|опубликовано|опубликована|размещено)(?![\p{L}\p{N}])/iu,
  /(?<![\p{L}\p{N}])(?:ago|vor \d|il y a|hace \d|há \d|geleden|temu|назад)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])fa$/iu,
  /^\d+ ?(?:天前|日前|일 전)|^منذ\s/u,
];
const POSTED = { test: (text: string): boolean => POSTED_PARTS.some((re) => re.test(text)) };

/** "Leeds, England, United Kingdom", "Austin, TX": a place whose country (or US/CA state) the normalizer knows. */
export function looksLikePlace(s: string): boolean {
  if (!s.includes(',') || s.length > 80 || /\d{3,}/.test(s)) return false;
  return parseLocation(s).locations.some((l) => l.country !== undefined);
}

/** What a short text looks like, or `undefined` when it could be anything. */
export function classifyShortText(text: string): ChipKind | undefined {
  if (PIN.test(text)) return 'location';
  if (POSTED_BY.test(text)) return 'company';
  if (POSTED.test(text) && text.length <= 60) return 'date';
  // Chips are not sentences: "We raised a $12M Series A in 2025." is prose.
  if (/[.!?。]$/.test(text) && text.split(/\s+/).length > 4) return undefined;
  if (looksLikeMoney(text) && /\d/.test(text) && text.length <= 60) return 'salary';
  const f = foldWords(text);
  if (EMPLOYMENT_ANY_RE.test(f) && text.length <= 40) return 'employment';
  if (WORKPLACE_MATCHERS.some(([, re]) => re.test(f)) && text.length <= 40) return /,|\/|\(/.test(text) ? 'location' : 'workplace';
  return undefined;
}

function iconKind(el: Element): ChipKind | undefined {
  const probe = (e: AnyNode | null | undefined): ChipKind | undefined => {
    if (!e || !isElement(e)) return undefined;
    const hint = `${e.attribs.class ?? ''} ${e.attribs['data-icon'] ?? ''} ${e.attribs['aria-label'] ?? ''} ${e.attribs.alt ?? ''} ${e.attribs.title ?? ''} ${e.attribs['data-testid'] ?? ''} ${e.attribs.src ?? ''}`;
    if (!hint.trim()) return undefined;
    for (const [re, kind] of ICON_HINTS) if (re.test(hint)) return kind;
    return undefined;
  };
  const own = probe(el);
  if (own) return own;
  const first = el.children.find(isElement);
  if (first && ['i', 'svg', 'img', 'span', 'use'].includes(first.name) && !cleanInline(textOf(first, 40))) {
    const k = probe(first);
    if (k) return k;
  }
  let prev = el.prev;
  while (prev && prev.type === 'text' && !(prev as { data: string }).data.trim()) prev = prev.prev;
  if (prev && isElement(prev) && ['i', 'svg', 'img'].includes(prev.name)) return probe(prev);
  return undefined;
}

/** Elements whose text a reader does not see in the card: modals, hidden templates, code blobs, controls. */
const UNSEEN_TAGS = new Set(['script', 'style', 'svg', 'button', 'nav', 'form', 'code', 'template', 'noscript', 'dialog', 'select']);
const UNSEEN_HINT = /(?:^|[\s_-])(?:modal|dialog|sign-?in|sign-?up|popover|tooltip|sr-only|visually-hidden)(?:$|[\s_-])/i;

/** A subtree a reader does not see as part of the card: a modal, dialog, hidden block, code blob or control. */
export function unseen(el: Element): boolean {
  const a = el.attribs;
  return (
    UNSEEN_TAGS.has(el.name) ||
    a.hidden !== undefined ||
    a['aria-hidden'] === 'true' ||
    a.role === 'dialog' ||
    /display:\s*none/i.test(a.style ?? '') ||
    UNSEEN_HINT.test(a.class ?? '')
  );
}

/** Visible text length of a card, skipping {@link unseen} subtrees; stops counting at `max`. */
function seenTextLength(root: Element, max: number): number {
  let len = 0;
  const stack: AnyNode[] = [root];
  while (stack.length > 0 && len < max) {
    const n = stack.pop()!;
    if (n.type === 'text') len += (n as { data: string }).data.trim().length;
    else if (isElement(n)) {
      if (n !== root && unseen(n)) continue;
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  return len;
}

/** Inline elements that keep a short text one chip ("<a>Melbourne VIC</a> (Remote)"). */
const INLINE = new Set(['a', 'span', 'strong', 'b', 'em', 'i', 'small', 'abbr', 'time']);

/** Leaves (short text elements without block children) of a container, in order, capped. */
function shortLeaves(root: Element, skip: Element | undefined, out: Element[]): void {
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0 && out.length < 40) {
    const n = stack.pop()!;
    if (!isElement(n) || n === skip || n.name === 'h1' || unseen(n)) continue;
    const kids = n.children.filter(isElement).filter((k) => !['i', 'svg', 'img', 'br', 'use'].includes(k.name));
    if (kids.length === 0 || (kids.length === 1 && kids[0]!.name === 'span' && kids[0]!.children.every((c) => c.type === 'text'))) {
      out.push(n);
      continue;
    }
    // One inline element plus loose text of its own: "<a>Melbourne VIC</a> (Remote)" reads as one chip.
    if (
      kids.length === 1 &&
      INLINE.has(kids[0]!.name) &&
      kids[0]!.children.every((c) => c.type === 'text') &&
      n.children.some((c) => c.type === 'text' && (c as { data: string }).data.trim() !== '')
    ) {
      out.push(n);
      continue;
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
}

/**
 * The top card: the largest ancestor of the title element (up to three levels) with little
 * visible text (a sign-in modal or hidden template beside the title does not count).
 */
export function cardOf(titleEl: Element | undefined): Element | undefined {
  if (!titleEl) return undefined;
  let container: Element | undefined;
  let node: Element = titleEl;
  for (let up = 0; up < 3; up++) {
    const p = node.parent;
    if (!p || !isElement(p) || p.name === 'body') break;
    node = p;
    if (seenTextLength(node, 3_000) >= 3_000) break;
    container = node;
  }
  return container;
}

/** The employer of a "Posted 3 days ago by <Employer>" chip. */
export const postedByName = (text: string): string | undefined => POSTED_BY.exec(text)?.[1]?.trim();

/**
 * Chips near the title element (see {@link cardOf}), each classified. In a list of chips, an
 * unclassified short capitalised text without digits is taken as the location when no chip is one.
 */
export function topCardChips(_page: Page, titleEl: Element | undefined): Chip[] {
  const container = cardOf(titleEl);
  if (!container || !titleEl) return [];
  const leaves: Element[] = [];
  shortLeaves(container, titleEl, leaves);
  const chips: Chip[] = [];
  const chipLists = new Set<AnyNode>();
  const unclassified: Array<{ text: string; list: AnyNode | null }> = [];
  const listOf = (leaf: Element): AnyNode | null => {
    const item = leaf.name === 'li' ? leaf : leaf.parent && isElement(leaf.parent) && leaf.parent.name === 'li' ? leaf.parent : null;
    return item?.parent ?? null;
  };
  for (const leaf of leaves) {
    const text = cleanInline(textOf(leaf, 200));
    if (text.length < 2 || text.length > 80) continue;
    // Text that reads as an age or an amount says what it is whatever its icon or class claims
    // ("posted-time-ago" has "time" in it, the hint of a job-type clock icon).
    const byText = classifyShortText(text);
    const kind =
      byText === 'date' || byText === 'salary' ? byText : (iconKind(leaf) ?? byText ?? (looksLikePlace(text) ? 'location' : undefined));
    if (kind) {
      chips.push({ kind, text: text.replace(PIN, '') });
      const list = listOf(leaf);
      if (list) chipLists.add(list);
    } else if (/^\p{Lu}[^\d:]{1,40}$/u.test(text)) unclassified.push({ text, list: listOf(leaf) });
  }
  // An unlabelled place among classified chips of the same list ("Sevilla · Híbrido · 9.000 €").
  const place = unclassified.find((u) => u.list !== null && chipLists.has(u.list));
  if (place && !chips.some((c) => c.kind === 'location')) chips.push({ kind: 'location', text: place.text });
  return chips;
}

/** Text after a location pin at the start of a short element, the unlabelled way many pages show a location. */
export function pinnedLocation(page: Page): string | undefined {
  for (const el of page.index.tags('li', 'span', 'p', 'div', 'dd', 'small')) {
    const lead = el.children[0];
    if (!lead || lead.type !== 'text' || !PIN.test((lead as { data: string }).data)) continue;
    const t = cleanInline(textOf(el, 300)).replace(PIN, '');
    if (t.length >= 2 && t.length <= 120) return t;
  }
  return undefined;
}

/** Facts a page states only in its meta description, as "label: value" text. */
export interface MetaFacts {
  employment?: string;
  datePosted?: string;
  validThrough?: string;
}

/** Separators between the "label: value" pieces of a meta description. */
const META_PIECE = /[|;·•\n]| [-–—/] /u;

/**
 * "회사 백엔드 개발자 채용 | 경력: 3년 이상 · 근무형태: 정규직 · 마감일: 2026.12.15": the labelled
 * employment type and dates of a meta description (the board writes them there and nowhere in
 * the body). A piece with a colon starts a pair; a piece after ", " without one continues the
 * value ("Closing date: Dec 31, 2026"). Labels are read with the per-language vocabulary; the
 * first value per field wins. Capped at 1,000 characters and 30 pieces.
 */
export function metaDescriptionFacts(description: string | undefined): MetaFacts {
  const facts: MetaFacts = {};
  if (!description) return facts;
  const pieces = description.slice(0, 1_000).split(META_PIECE).slice(0, 30);
  for (const piece of pieces) {
    const parts = piece.split(', ');
    for (const [i, part] of parts.entries()) {
      const colon = part.search(/[:：]/u);
      if (colon < 1) continue;
      // The label starts after the sentence before it ("… in Perth. Job type: Full time").
      const head = part.slice(0, colon);
      const from = Math.max(head.lastIndexOf('. '), head.lastIndexOf('。'), head.lastIndexOf('! ')) + 1;
      const field = labelField(cleanInline(head.slice(from)));
      if (field !== 'employment' && field !== 'datePosted' && field !== 'validThrough') continue;
      // A date's year after ", " belongs to it: join the rest of the piece up to the next label.
      let value = part.slice(colon + 1);
      for (const next of parts.slice(i + 1)) {
        if (/[:：]/u.test(next)) break;
        value += `, ${next}`;
      }
      value = cleanInline(value).slice(0, 80);
      if (value) facts[field] ??= value;
    }
  }
  return facts;
}
