/**
 * Result cards whose URLs have no known job shape: government portals (`/Vacancy.aspx?id=55`),
 * small boards and careers indexes list postings as repeated sibling blocks, each with one title
 * link. Anchors that share a structural signature and a URL template (same host and path, the
 * last part varying by id or slug) form a group; a group of three or more counts when its
 * template or the page names jobs. Navigation, footers, pagination and category links never do.
 * Internal to `links/`.
 * @module
 */
import type { CollectedAnchor } from './collect.js';
import { isListSegment } from './job-url.js';
import { readsLikeSitePage } from './link-text.js';

/** Page titles and headings of job lists, in the languages we read. */
const LISTING_PAGE =
  /\b(?:jobs?|vacanc(?:y|ies)|careers?|openings?|positions?|opportunities|opdrachten|assignments|freelance (?:projects|missions|gigs)|missions freelance|stellen(?:angebote|anzeigen)?|jobangebote|offres? d['’]emploi|emplois?|empleos?|ofertas?|vacantes|vagas|lavoro|offerte|vacatures?|praca|oferty|concursos?|convocatorias?|recruitment|recrutement|roles|vacatures|karriere|kariera|karriär|kariyer|carrières?|carriere|carreras?|carreiras?|lavora con noi|trabalhe conosco|trabaja con nosotros|werken bij|lediga jobb|ledige stillinger|avoimet työpaikat|volná místa|karir|lowongan|tuyển dụng|việc làm|plazas|oposiciones)\b|вакансии|вакансій|работа|招聘|招考|招录|职位|職缺|求人|採用|募集|채용|모집|وظائف|شواغر|ตำแหน่งงาน|รับสมัคร|नौकरी|भर्ती|रिक्ति/iu;
/** Path words of job pages, anywhere in a URL template. */
const JOB_WORD =
  /job|vacan|opportunit|opdracht|assignment|freelance|saiyo|boshu|kyujin|kyuujin|zhaopin|chaeyong|stelle|offre|emploi|empleo|vaga|posting|career|karriere|kariera|recruit|recrut|position|concurso|plaza|vacature|oferta|praca|vakans|lowongan|tuyen-dung|viec-lam|вакан|招聘|职位|職缺|求人|採用|채용|وظيف|ตำแหน่ง|नौकरी|भर्ती/i;
/** Link texts of chrome, never a posting title. */
const NOT_A_TITLE =
  /^(?:home|about|about us|contact|login|log in|sign in|sign up|register|apply|apply now|more|read more|details|view|view job|view details|see more|learn more|share|save|next|previous|back|top|menu|search|all jobs|\d{1,4}|weiter|mehr|details ansehen|voir|voir plus|plus|ver más|ver mas|más|leer más|подробнее|更多|詳細|詳しく|المزيد|التفاصيل)$/iu;
/** Templates of pages that sit beside each result (the employer's page, a saved-search link). */
const NOT_POSTING_PATH =
  /(?:^|\/)(?:company|companies|employer|employers|empresa|empresas|entreprise|entreprises|unternehmen|firma|firmen|gongsi|cmp|org|organisation|organization|profile|user|users|tag|tags|category|categories|blog|blogs|news|article|articles|press|presse|events?|stories|story|insights|magazine?|aktuelles|nachrichten|veranstaltungen|actualites|actualite|actualidad|noticias|notizie|nieuws|nyheter|search|apply|login|signup|register)(?:\/|$)/i;
/** Apply, response and save endpoints carry a posting's id but are not the posting. */
const APPLY_PATH = /apply|respon|bewerb|postul|candidat|save|share|alert|report|login/i;
/** Last segments of a careers site's own pages, not postings. */
const SITE_PAGE =
  /^(?:about|benefits|culture|faq|faqs|team|teams|life|values|students|graduates|process|interview|contact|search|login|apply|locations|departments|news|blog|events|privacy|index|top|home|message|environment|welfare|flow|entry|form)(?:\.html?|\.php|\.aspx?)?$/i;

/** Slugs of category and search pages ("it-jobs", "jobs-in-berlin"), not postings. */
const CATEGORY_SLUG =
  /(?:^|[-_])(?:jobs?|stellen|emplois?|empleos?|vagas|vacatures|ofertas)(?:[-_]|$)|^(?:category|categories|kategorie|location|city|region)/i;

/** A query key that is itself a record token (16+ letters and digits, no value). */
const OPAQUE_KEY = /^\/*[A-Za-z0-9_.~+-]{16,1000}=*$/;

interface Candidate {
  anchor: CollectedAnchor;
  url: URL;
  varying: string;
}

/** URL template: host, path with the last segment (or the id parameter's value) left open. */
function template(u: URL): { key: string; varying: string } {
  const segs = u.pathname.split('/').filter(Boolean);
  const params = [...u.searchParams.keys()].sort();
  // `/detail.aspx?id=55`: the path is fixed, the query names the posting.
  if (params.length > 0 && segs.length > 0) {
    // `Job_Profile.cfm?/0KG1Z6…`: the whole query is one opaque key naming the record.
    const opaque = params.filter((k) => (u.searchParams.get(k) ?? '') === '' && OPAQUE_KEY.test(k));
    const named = params.filter((k) => !opaque.includes(k));
    const varying = [...opaque.map((k) => k.replace(/^\/+/, '')), ...named.map((k) => u.searchParams.get(k) ?? '')].join('&');
    if (/\d{2,}/.test(varying)) return { key: `${u.host}/${segs.join('/')}?${named.join('&')}${opaque.length > 0 ? '&*' : ''}`, varying };
  }
  const last = segs.pop() ?? '';
  return { key: `${u.host}/${segs.map((s) => s.replace(/\d+/g, '#')).join('/')}/*`, varying: last };
}

function looksLikePosting(varying: string, named: boolean): boolean {
  const v = safeDecode(varying).replace(/\.(?:html?|aspx?|php|jsp|pdf|docx?)$/i, '');
  if (!v || CATEGORY_SLUG.test(v) || SITE_PAGE.test(v)) return false;
  if (/\d{2,}/.test(v) || /^[0-9a-f-]{16,}$/i.test(v) || /^(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{5,}$/i.test(v)) return true;
  // Under a job word (`/recruit/seizou.html`) one word per posting is enough.
  if (named && /^[\p{L}\d_-]{3,60}$/u.test(v)) return true;
  // A slug of several words ("senior-data-engineer") or of non-Latin text.
  return v.split(/[-_+]/).filter(Boolean).length >= 3 || (/[^\x00-\x7f]/.test(v) && v.length >= 4);
}

/**
 * Does the URL part `varying` spell the link's title (a title slug)? Most of the slug's words
 * appear in the link text (which may also hold the card's location or company).
 */
function slugSpellsText(varying: string, text: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ß/g, 'ss')
      .toLowerCase();
  const words = fold(safeDecode(varying).slice(0, 300))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !/\d/.test(w));
  if (words.length === 0) return false;
  const said = fold(text.slice(0, 300));
  const found = words.filter((w) => said.includes(w)).length;
  return found >= Math.min(2, words.length) && found >= words.length * 0.6;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Anchors among `anchors` that are result cards of a job list (see the module comment).
 * `pageText` is the page's title and first heading; `resolve` gives an anchor's absolute URL.
 */
/** Titles of articles about careers, not lists of jobs ("Karriere-Ratgeber", "Career advice"). */
const ADVICE_PAGE = /ratgeber|advice|tips|blog|magazin|news|guide|conseils|consejos|dicas|artikel|article|insights/i;

export function cardLinks(
  anchors: readonly CollectedAnchor[],
  pageText: string,
  resolve: (href: string) => URL | null,
  pageHost: string,
  /** Postings found by URL shape already: groups without a job word are then left out. */
  known: number,
): CollectedAnchor[] {
  const pageIsList = LISTING_PAGE.test(pageText) && !ADVICE_PAGE.test(pageText);
  const groups = new Map<string, Candidate[]>();
  for (const anchor of anchors) {
    if (anchor.inChrome || anchor.inPager || anchor.inHead) continue;
    const text = anchor.text.replace(/\s+/g, ' ').trim();
    if (text.length < 3 || text.length > 200 || NOT_A_TITLE.test(text)) continue;
    const url = resolve(anchor.href);
    if (!url) continue;
    const { key, varying } = template(url);
    const list = groups.get(`${anchor.signature}|${key}`) ?? [];
    list.push({ anchor, url, varying });
    groups.set(`${anchor.signature}|${key}`, list);
  }
  const out: CollectedAnchor[] = [];
  for (const [key, list] of groups) {
    if (list.length < 3) continue;
    const distinct = new Set(list.map((c) => c.url.toString()));
    if (distinct.size < 3) continue;
    // Postings have titles of their own; "Save", "Merken", "Details" repeat on every card.
    const texts = new Set(list.map((c) => c.anchor.text.replace(/\s+/g, ' ').trim().toLowerCase()));
    if (texts.size < Math.max(3, list.length * 0.6)) continue;
    const tmpl = key.slice(key.indexOf('|') + 1);
    const named = JOB_WORD.test(safeDecode(tmpl));
    const path = list[0]!.url.pathname;
    const lastSeg = path.slice(path.lastIndexOf('/'));
    if (NOT_POSTING_PATH.test(path) || APPLY_PATH.test(lastSeg) || isListSegment(lastSeg)) continue;
    // Off-site groups (sponsored links, partner boards) need the job word in their own URLs, and
    // so does every group once URL shapes found the postings (the rest are cards' other links).
    const offSite = list[0]!.url.host !== pageHost;
    // A page not titled as a list still shows one when most cards' URLs spell their own title
    // and an id (`/opdracht/mechanical-engineer-ANR-28182` for "Mechanical Engineer").
    const titled =
      !named && !offSite && !pageIsList && known < 3
        ? list.filter((c) => /\d{3,}/.test(c.varying) && slugSpellsText(c.varying, c.anchor.text)).length
        : 0;
    if (!named && (offSite || known >= 3 || (!pageIsList && titled < Math.max(3, Math.ceil(list.length * 0.6))))) continue;
    const postings = list.filter((c) => looksLikePosting(c.varying, named && pageIsList) && !readsLikeSitePage(c.anchor.text));
    // Most members must look like one posting each; a menu of categories does not.
    if (postings.length < Math.max(3, Math.ceil(list.length * 0.6))) continue;
    for (const c of postings) out.push(c.anchor);
  }
  return out;
}
