/**
 * The "next page" link of a result list: `rel=next` first, then a pagination control whose text,
 * label or hook says "next" in one of many languages (or is an arrow), then the numbered page
 * after the current one. Internal to `links/`.
 * @module
 */
import type { CollectedAnchor } from './collect.js';

/** "Next" in the languages of the boards and portals we read; arrows alone count inside a pager. */
const NEXT_WORDS =
  /^(?:next|next page|next results|more results|weiter|nächste|nächste seite|vor|suivant|suivante|page suivante|siguiente|página siguiente|próxima|próxima página|seguinte|successivo|successiva|pagina successiva|avanti|volgende|volgende pagina|następna|następna strona|dalej|далее|следующая|следующая страница|вперед|вперёд|наступна|下一页|下页|下一頁|後一頁|次へ|次のページ|次|다음|다음 페이지|التالي|التالية|الصفحة التالية|ถัดไป|अगला|अगला पृष्ठ|sonraki|nästa|neste|næste|seuraava|další|következő|επόμενη|selanjutnya|berikutnya|tiếp|sau)$/iu;
const ARROWS = /^(?:[›»→>⟩⇾▶▸]+|>>)$/u;
const PREV = /prev|previous|zurück|précédent|anterior|vorige|poprzednia|назад|上一页|前へ|السابق|back/i;
const NEXT_HOOK = /(?:^|[\s_-])next(?:$|[\s_-])|pagination-next|page-next|next-page|nextpage|nextlink|pager-next|btn-next|i_next/i;
const NEXT_IMAGE = /next|arrow[-_]?r(?:ight|t)?(?:[-_.]|$)|right[-_]?arrow|forward|fwd|pfeil[-_]?rechts|suivant|siguiente|weiter/i;
const PREV_IMAGE = /prev|back|left|zurueck|zurück|precedent|anterior/i;
const CURRENT_HOOK = /(?:^|[\s_-])(?:current|active|selected|is-active|is-current|on)(?:$|[\s_-])/i;
const PAGE_PARAM = /^(?:page|p|pg|seite|pagina|página|strona|pageno|pagenum|page_num|pn|paged)$/i;

const EDGE = new Set([' ', '‹', '«', '←', '<', '›', '»', '→', '>']);

/** Lower-cased text without the arrows around a word ("Next »" → "next"; "»" stays "»"). */
function clean(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (t.length > 60) return '';
  let start = 0;
  let end = t.length;
  while (start < end && EDGE.has(t[start]!)) start++;
  while (end > start && EDGE.has(t[end - 1]!)) end--;
  return start < end ? t.slice(start, end) : t;
}

function says(a: CollectedAnchor): 'next' | 'arrow' | null {
  for (const t of [a.text, a.label]) {
    const c = clean(t);
    if (!c || c.length > 40 || PREV.test(c)) continue;
    if (NEXT_WORDS.test(c)) return 'next';
    if (ARROWS.test(c)) return 'arrow';
  }
  // An image-only link whose picture is a right arrow (`arrow_right.gif`, `…/arrowNext`).
  if ((!a.text.trim() || a.text === a.label) && a.img && NEXT_IMAGE.test(a.img) && !PREV_IMAGE.test(a.img)) return 'arrow';
  return null;
}

/**
 * Numbered pagers the page did not mark (`Page 1 2 3 ›` in a table cell): two or more number
 * links of one structural signature close together in document order, and the links right
 * around them (the arrows). Positions in `anchors`.
 */
function numberedRuns(anchors: readonly CollectedAnchor[]): Set<number> {
  const bySignature = new Map<string, number[]>();
  anchors.forEach((a, i) => {
    if (a.inChrome || !/^\d{1,4}$/.test(a.text.trim())) return;
    // The current page's link often has a class of its own: group by the ancestors only.
    const key = a.signature.slice(a.signature.indexOf('<') + 1);
    const list = bySignature.get(key) ?? [];
    list.push(i);
    bySignature.set(key, list);
  });
  const out = new Set<number>();
  for (const list of bySignature.values()) {
    // Runs: neighbours at most two links apart.
    let start = 0;
    for (let k = 1; k <= list.length; k++) {
      if (k < list.length && list[k]! - list[k - 1]! <= 2) continue;
      const run = list.slice(start, k);
      const numbers = new Set(run.map((i) => anchors[i]!.text.trim()));
      if (numbers.size >= 2)
        for (let i = Math.max(0, run[0]! - 2); i <= Math.min(anchors.length - 1, run[run.length - 1]! + 2); i++) out.add(i);
      start = k;
    }
  }
  return out;
}

function resolve(href: string, base: string, self: string): string | null {
  const h = href.trim();
  if (!h || h.startsWith('#') || /^(?:javascript|mailto|tel|data):/i.test(h) || h.length > 2_048) return null;
  try {
    const u = new URL(h, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    const out = u.toString();
    return out === self ? null : out;
  } catch {
    return null;
  }
}

/** The current page number from the URL (`?page=3`), or 1. */
function currentFromUrl(url: URL): number {
  for (const [k, v] of url.searchParams) if (PAGE_PARAM.test(k) && /^\d{1,4}$/.test(v)) return Number(v);
  const m = /\/(?:page|seite|pagina|strona)[/-](\d{1,4})(?:\/|$)/i.exec(url.pathname);
  return m ? Number(m[1]) : 1;
}

/** The next page of the list on `pageUrl`, absolute, or `null` when the page shows none or says it is the last. */
export function findNextPage(
  anchors: readonly CollectedAnchor[],
  relNext: string | null,
  base: string,
  pageUrl: string,
  /** "Page 2 of 2" as the page states it: on the last page a leftover arrow leads nowhere. */
  pageOf: { current: number; total: number } | null = null,
): string | null {
  if (pageOf && pageOf.total >= 1 && pageOf.current >= pageOf.total) return null;
  let self = pageUrl;
  try {
    const u = new URL(pageUrl);
    u.hash = '';
    self = u.toString();
  } catch {
    return null;
  }
  if (relNext) {
    const r = resolve(relNext, base, self);
    if (r) return r;
  }
  const ranked: Array<[number, string]> = [];
  const runs = numberedRuns(anchors);
  const pagerAt = (i: number) => anchors[i]!.inPager || runs.has(i);
  for (const [i, a] of anchors.entries()) {
    if (PREV.test(a.hook) || /disabled/.test(a.hook)) continue;
    const said = says(a);
    const hooked = NEXT_HOOK.test(a.hook);
    const inPager = pagerAt(i);
    let rank = 0;
    if (said === 'next' && (inPager || hooked)) rank = 4;
    else if (hooked && inPager) rank = 3;
    else if (said === 'arrow' && (inPager || hooked)) rank = 2;
    else if (said === 'next' && !a.inChrome) rank = 1;
    if (rank === 0) continue;
    const r = resolve(a.href, base, self);
    if (r) ranked.push([rank, r]);
  }
  if (ranked.length > 0) return ranked.sort((x, y) => y[0] - x[0])[0]![1];
  // Numbered pagers with no "next": the page after the current one.
  const numbered = anchors.filter((a, i) => pagerAt(i) && /^\d{1,4}$/.test(a.text.trim()));
  if (numbered.length === 0) return null;
  const marked = numbered.find((a) => CURRENT_HOOK.test(a.hook));
  const current = marked ? Number(marked.text.trim()) : currentFromUrl(new URL(self));
  const next = numbered.find((a) => Number(a.text.trim()) === current + 1);
  return next ? resolve(next.href, base, self) : null;
}
