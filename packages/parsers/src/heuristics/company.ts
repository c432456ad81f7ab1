/**
 * Employer candidates: ATS and semantic markup, "Company:"-style labels in every language,
 * "at <Employer>" in a title, title segments that are not the site's brand, "About <Employer>"
 * headings, logos, and `og:site_name` only where the site is the employer's own. On job boards
 * the board's name, slogan and domain brand are never the employer.
 * @module
 */
import type { Element } from 'domhandler';
import { textOf, walkElements } from '../html/dom.js';
import { normalizeCountry } from '../normalize/countries.js';
import { spaceOr, stripTrailingBadge, stripTrailingWord, trimEndWhile } from '../text-scan.js';
import { Ballot } from './candidates.js';
import { ABOUT_WORDS, foldWords, isGenericHeading } from './lang/index.js';
import { firstText, hasAncestor, inChrome, inline, type Page, selectAny } from './page.js';
import { foldKey, isBrand, isSlogan } from './site.js';
import { plausibleTitle, splitTitle, type TitleResult } from './title.js';
import { looksLikePlace, unseen } from './top-card.js';

const COMPANY_SELECTORS = ['.company-name', '.job__company', '[data-ui="company-name"]', '.posting-headline .company', '.employer-name'];
const COMPANY_HINTS = [
  '[class*="hiring-agency" i]',
  '[class*="agency-name" i]',
  '[data-qa*="company-name" i]',
  '[class*="company-name" i]',
  '[class*="companyname" i]',
  '[id*="companyname" i]',
  '[class*="company_name" i]',
  '[class*="employer" i]',
  '[class*="hiring-org" i]',
  '[itemprop="hiringOrganization"]',
  '[data-testid*="company" i]',
  '[class*="org-name" i]',
  // Boards that advertise for a recruiter or employer name the advertiser ("advertiser-name").
  '[data-automation*="advertiser" i]',
  '[class*="advertiser-name" i]',
  '[data-cy*="companyname" i]',
];

const LOGO_WORDS = ['logo', 'logotipo', 'logotype'];
const HIRING_WORDS = ['is hiring', 'hiring', 'careers', 'jobs', 'karriere', 'recrute', 'contrata', 'sucht', 'zoekt', 'busca'];
/** After "©", "(c)" or "copyright" in whitespace-collapsed footer text: years, then the holder's name. */
const COPYRIGHT_MARK = /©|\(c\)|copyright/giu;
const COPYRIGHT_TAIL = / ?(?:copyright ?)?(?:\d{4}(?: ?[-–] ?\d{4})? ?,? ?)?([^|·•\n.]{2,60}?)(?:\.| all rights| ?\|| ?·|$)/iuy;
const NOT_A_NAME =
  /^(?:company|employer|about|about us|who we are|our company|confidential|the company|(?:the )?company (?:website|site|page|profile)|unternehmen|entreprise|empresa|公司|会社|الشركة|компания)$/i;

/** The first "© 2020 Acme" holder in collapsed text: each mark tries the anchored tail once (linear). */
function copyrightHolder(flat: string): RegExpExecArray | null {
  for (const m of flat.matchAll(COPYRIGHT_MARK)) {
    COPYRIGHT_TAIL.lastIndex = m.index + m[0].length;
    const tail = COPYRIGHT_TAIL.exec(flat);
    if (tail) return tail;
  }
  return null;
}

/** Trim badges ("(S23)", "(m/w/d)"), "at ", " logo", " is hiring", "Careers". */
export function cleanCompany(raw: string): string {
  const head = raw
    .replace(/^(?:at|bei|chez|en|@)\s+/i, '')
    .replace(/^(?:join|careers at|jobs at|work at|work with)\s+(?:the\s+|us at\s+)?(?=\p{Lu})/iu, '');
  // Trailing words, badge and punctuation come off by scanning back (the regex forms retry every
  // start in a long whitespace run).
  const noLogo = stripTrailingWord(head, LOGO_WORDS);
  const noHiring = stripTrailingWord(noLogo, HIRING_WORDS, true);
  return trimEndWhile(stripTrailingBadge(noHiring), spaceOr(',.;:|–—-')).trim();
}

function plausibleCompany(text: string, _page: Page, title: string | undefined): boolean {
  if (text.length < 2 || text.length > 120) return false;
  if (NOT_A_NAME.test(text) || isGenericHeading(text) || isSlogan(text)) return false;
  if (title) {
    const t = foldKey(title);
    const c = foldKey(text);
    if (t === c || (c.length >= 4 && t.includes(c)) || (t.length >= 4 && c.includes(t))) return false;
  }
  if (/\{\{|\$\{|<%|^\d+$|notifications?|cookie/i.test(text)) return false;
  return /\p{L}/u.test(text);
}

const ABOUT_START = new RegExp(`^(?:${ABOUT_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'iu');

/** "About Acme", "Über Acme", "关于Acme", "À propos de Acme" → "Acme". */
function aboutName(text: string): string | undefined {
  if (!ABOUT_START.test(text)) return undefined;
  const f = foldWords(text);
  for (const w of ABOUT_WORDS) {
    const fw = foldWords(w);
    if (f.startsWith(`${fw} `) || (f.startsWith(fw) && /[\u3040-\u30ff\u4e00-\u9fff]/.test(fw))) {
      const name = text
        .slice(w.length)
        .trim()
        .replace(/^[:：]\s*/, '');
      if (/^(?:the |us\b|the role|the job|the position|this role|you\b|uns\b|nous\b|nosotros\b|la empresa|das team)/i.test(name))
        return undefined;
      return name || undefined;
    }
  }
  return undefined;
}

function cardLinks(card: Element): Element[] {
  const out: Element[] = [];
  walkElements(
    card,
    (e) => {
      // A sign-up modal's "apply on the company website" link names no employer.
      if (e !== card && unseen(e)) return false;
      if (
        e.name === 'a' &&
        e.attribs.href &&
        (COMPANY_HREF.test(e.attribs.href) ||
          /compan|employer|org/i.test(`${e.attribs.class ?? ''} ${(e.parent as Element | null)?.attribs?.class ?? ''}`))
      )
        out.push(e);
      return out.length < 3;
    },
    400,
  );
  return out;
}

/** Text of the first non-empty leaf under `el` ("Acme Ltd" of "Acme Ltd 4.1 ★"). */
function firstLine(el: Element): string | undefined {
  let found: string | undefined;
  walkElements(
    el,
    (e) => {
      if (found) return false;
      if (e.children.every((c) => c.type === 'text')) {
        const t = inline(e, 200);
        if (t.length >= 2) found = t;
        return false;
      }
      return true;
    },
    200,
  );
  return found;
}

/** Links to an employer's profile on a board: "/company/…", "/empresa/…", "/employer/…", "/em-i123". */
const COMPANY_HREF =
  /\/(?:compan(?:y|ies)|employers?|empresas?|entreprises?|unternehmen|firmen?|firma|cmp|kompanii|employer_profile|organi[sz]ations?|em-[a-z0-9]+)(?:[/?#_-]|$)|\/company\//i;
/** Sources that name the employer on purpose; the site's own name only fills in when none did. */
const STRONG = new Set(['selector', 'attr', 'label', 'link', 'title-explicit', 'h1', 'selector-inline', 'posted-by']);

/** A title segment that states only how the job is worked. */
const WORK_MODE_ONLY = /^(?:remote|hybrid|on-?site|in[- ]office|work from home|wfh|fully remote|remote first|anywhere)$/i;

/** "Australia Job in Melbourne VIC", "Nurse Jobs in Leeds": a board's "<what> job in <place>" title tail. */
const JOB_IN_PLACE = /\b(?:[Jj]obs?|[Vv]acanc(?:y|ies)|[Oo]penings?|[Ss]tellen|[Ee]mplois?) in \p{Lu}/u;

/** The employer's name, or `undefined`. */
export function extractCompany(page: Page, title: TitleResult, locationText?: string): string | undefined {
  const { brand } = page;
  const ballot = new Ballot();
  const vote = (raw: string | undefined, weight: number, source: string, el?: Element) => {
    if (!raw) return;
    const name = cleanCompany(raw);
    if (!plausibleCompany(name, page, title.title)) return;
    // A place is not an employer ("Accounts Payable Clerk job | Bristol, South West England"),
    // nor is a country or a way of working ("Senior Platform Engineer | Remote | Australia").
    if (locationText && foldKey(locationText) === foldKey(name)) return;
    if (normalizeCountry(name) || WORK_MODE_ONLY.test(name) || JOB_IN_PLACE.test(name) || looksLikePlace(name)) return;
    // The board's own name is never the employer; on an employer's own site it is.
    if (isBrand(name, brand)) return;
    ballot.add(name, weight, source, el);
  };

  const fromSelector = firstText(page, COMPANY_SELECTORS, 2, 120);
  if (fromSelector) vote(fromSelector.text, 6, 'selector');
  {
    const el = selectAny(page.index, COMPANY_HINTS).find((e) => !inChrome(e));
    if (el) {
      // The name is the element's first line: ratings, badges and follower counts come after it.
      const t = el.name === 'img' ? (el.attribs.alt ?? '') : (firstLine(el) ?? inline(el, 300));
      if (t.length >= 2 && t.length <= 120) vote(t, 4, 'attr');
    }
  }
  // A labelled block of several lines (name, street, town) names the employer on its first line.
  for (const hit of page.labels.get('company') ?? []) vote(hit.lines.length > 1 ? hit.lines[0] : hit.value, 5, 'label');
  for (const h of title.companyHints) vote(h.text, h.weight, h.source === 'title' || h.source === 'og' ? 'title-explicit' : h.source);
  // Employer links and "posted by" lines in the top card around the title.
  for (const a of title.card ? cardLinks(title.card) : []) {
    const t = firstLine(a) ?? cleanCompany(a.attribs.title ?? '');
    if (t && t.length <= 100) vote(t, 4, 'link');
  }
  for (const line of title.postedBy) vote(line, 4, 'posted-by');
  if (page.scan.title && title.title) {
    const parts = splitTitle(page.scan.title, brand, title.title);
    if (parts.company && foldKey(parts.company) !== foldKey(title.title)) vote(parts.company, 2, 'title-known');
  }

  // "About <Employer>" section headings.
  for (const e of page.tags('h2', 'h3', 'h4', 'strong').slice(0, 60)) {
    const t = inline(e, 120);
    if (t.length > 80) continue;
    const name = aboutName(t);
    if (name && plausibleTitle(name)) vote(name, 3, 'about');
  }
  // Hiring-organization text near the page's own logo (not the site header on a board).
  for (const img of page.tags('img').slice(0, 60)) {
    const alt = img.attribs.alt;
    // Header logos count (the header is chrome for titles, not for the site's own name).
    if (
      !alt ||
      hasAncestor(img, (a) => a.name === 'nav' || a.name === 'footer' || /cookie|consent|related|similar/i.test(a.attribs.class ?? ''), 8)
    )
      continue;
    const logoish =
      /logo/i.test(`${alt} ${img.attribs.class ?? ''} ${img.attribs.src ?? ''}`) ||
      hasAncestor(img, (a) => /logo|company/i.test(a.attribs.class ?? ''), 3);
    const inHeader = hasAncestor(img, (a) => a.name === 'header', 6);
    if (
      !logoish &&
      !hasAncestor(img, (a) => a.name === 'a' && /compan|employer|organi[sz]ation|firma|empresa|entreprise/i.test(a.attribs.href ?? ''), 3)
    )
      continue;
    if (inHeader && brand.isBoard) continue;
    vote(alt, inHeader && !brand.isBoard ? 3 : 2, 'logo');
  }
  // A small site's footer opens with the employer's legal name: "Acme GmbH · Hauptstr. 1 · Berlin".
  if (!brand.isBoard) {
    const footer = page.tags('footer')[0];
    const line = footer ? firstLine(footer) : undefined;
    const name = line
      ?.replace(/\s+/g, ' ')
      .split(/ [·•|–—] | ?© ?(?:\d{4} ?)?|, /u)
      .map((p) => p.trim())
      .find((p) => p.length >= 2);
    if (name && !/\d{3,}|rights|reserved|copyright|privacy/i.test(name)) vote(name, 2, 'footer');
    // "© 2013-2015 Drifty Co", "Copyright © 2026 Acme GmbH. All rights reserved."
    const copy = footer ? copyrightHolder(textOf(footer, 3_000).replace(/\s+/g, ' ')) : null;
    if (copy?.[1] && !/rights|reserved/i.test(copy[1])) vote(copy[1].trim(), 3, 'copyright');
  }
  // On the employer's own site its name is the site name.
  if (brand.siteName && !brand.isBoard) vote(brand.siteName, 3, 'site-name');

  // The site's own name (og:site_name, the portal in the header) is the employer only when no
  // source named one on purpose: government portals and boards label the hiring body.
  const strong = ballot.best(2, (c) => [...c.sources].some((s) => STRONG.has(s)));
  return (strong ?? ballot.best(2))?.text;
}
