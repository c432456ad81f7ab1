/**
 * Posted and closing dates: labels in any language, `<time datetime>`, "posted 3 days ago"
 * phrases. Numeric dates are read day-first or month-first as the page decides: its own
 * unambiguous dates first (a "25/12/2025" settles the order), then `<html lang>` and the
 * country-code TLD; when the order is only a guess and a date could be read both ways, a
 * warning says so.
 * @module
 */
import type { Element } from 'domhandler';
import { type ParseDateOptions, parseDateDetailed } from '../normalize/date.js';
import { isSpace } from '../text-scan.js';
import { DEADLINE_CUE_RE, POSTED_CUE_RE } from './lang/index.js';
import { inOtherPosting, type Page } from './page.js';
import type { MetaFacts } from './top-card.js';

/** Where numeric dates are written month first. */
const MDY_LANGS = new Set(['en-us', 'en-ph', 'en-fm', 'en-pw', 'en-mh', 'es-us']);
const MDY_TLDS = new Set(['us', 'ph', 'fm', 'pw', 'mh']);
/** Generic TLDs that say nothing about the country. */
const GENERIC_TLDS = new Set([
  'com',
  'org',
  'net',
  'io',
  'co',
  'ai',
  'app',
  'dev',
  'jobs',
  'info',
  'biz',
  'tech',
  'careers',
  'work',
  'xyz',
  'edu',
  'gov',
]);

interface DateOrder {
  order: 'dmy' | 'mdy';
  /** The page itself settled it (an unambiguous numeric date), not a guess. */
  certain: boolean;
  why: string;
}

const NUMERIC_DATE = /(?<![\d./-])(\d{1,2})[./-](\d{1,2})[./-](?:\d{4}|\d{2})(?![\d./-])/g;

/** Decide how this page writes numeric dates. */
function pageDateOrder(page: Page, sample: string): DateOrder {
  let dmy = 0;
  let mdy = 0;
  let seen = 0;
  for (const m of sample.matchAll(NUMERIC_DATE)) {
    if (++seen > 200) break;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dmy++;
    else if (b > 12 && a <= 12) mdy++;
  }
  if (dmy > 0 && mdy === 0) return { order: 'dmy', certain: true, why: 'other dates on the page are day-first' };
  if (mdy > 0 && dmy === 0) return { order: 'mdy', certain: true, why: 'other dates on the page are month-first' };
  const lang = page.scan.lang?.toLowerCase().replace('_', '-');
  if (lang && MDY_LANGS.has(lang)) return { order: 'mdy', certain: false, why: `page language ${page.scan.lang}` };
  const tld = page.brand.tld;
  if (tld && MDY_TLDS.has(tld)) return { order: 'mdy', certain: false, why: `.${tld} domain` };
  if (tld && !GENERIC_TLDS.has(tld) && tld !== 'ca') return { order: 'dmy', certain: false, why: `.${tld} domain` };
  if (lang && lang !== 'en') return { order: 'dmy', certain: false, why: `page language ${page.scan.lang}` };
  // English on a generic domain: US dollars suggest month first, other currencies day first.
  if (/\bUSD\b|\$\s?\d/.test(sample.slice(0, 50_000)) && !/[£€₹]/.test(sample.slice(0, 50_000)))
    return { order: 'mdy', certain: false, why: 'US-dollar amounts on an English page' };
  return { order: lang ? 'dmy' : 'mdy', certain: false, why: lang ? 'English page outside the US' : 'no language or country on the page' };
}

/**
 * "8:00pm on July 22, 2019 EDT" is July 22 where the page is: a date-time with an offset keeps
 * its local day rather than becoming July 23 in UTC.
 */
const dayOf = (iso: string): string => (/^\d{4}-\d{2}-\d{2}T[\d:.]+[+-]\d{2}:\d{2}$/.test(iso) ? iso.slice(0, 10) : iso);

export interface DatesResult {
  datePosted?: string;
  validThrough?: string;
  /** The reference time each date that was read from relative text ("3 days ago") was resolved against. */
  references: Partial<Record<'datePosted' | 'validThrough', string>>;
  warnings: string[];
}

/**
 * "Posted 3 days ago"-style phrases, one simple pattern per family (a single alternation of all
 * of them was too complex for a ReDoS checker to decide). The earliest match in the text wins,
 * and on a tie the earlier family, as in one alternation.
 */
const POSTED_PHRASES = [
  /\b(?:posted|published|veröffentlicht|publié|publiée|publicado|publicada|pubblicato|geplaatst|opublikowano)\b[^.\n|]{0,40}/iu,
  /(?:опубликована|опубликовано|размещена|размещено|опублікована|опубліковано|розміщена|розміщено)\s[^.\n|]{0,40}/iu,
  /(?:发布于|更新于|掲載日)[^。\n|]{0,20}/iu,
  /منذ\s+[^.\n|]{1,20}/iu,
];
const AGO_CJK = /天前|日前|일 전/gu;
const AGO_RU = /назад|тому(?![\p{L}])/giu;
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const isLetter = (ch: string | undefined) => ch !== undefined && /\p{L}/u.test(ch);
const isWs = (ch: string | undefined) => ch !== undefined && isSpace(ch);

/** Start of a run of `ok` characters ending at `end` (exclusive), scanning back. */
function runStart(text: string, end: number, ok: (ch: string | undefined) => boolean): number {
  let i = end;
  while (i > 0 && ok(text[i - 1])) i--;
  return i;
}

/** `\d+\s*(?:天前|日前|일 전)` and `\d+\s+\p{L}+\s+назад`, found from the suffix back (linear). */
function agoPhrases(text: string): Array<{ index: number; value: string; rank: number }> {
  const out: Array<{ index: number; value: string; rank: number }> = [];
  for (const m of text.matchAll(AGO_CJK)) {
    const digitsEnd = runStart(text, m.index, isWs);
    const start = runStart(text, digitsEnd, isDigit);
    if (start < digitsEnd) {
      out.push({ index: start, value: text.slice(start, m.index + m[0].length), rank: 2.5 });
      break;
    }
  }
  for (const m of text.matchAll(AGO_RU)) {
    const wordEnd = runStart(text, m.index, isWs);
    const wordStart = runStart(text, wordEnd, isLetter);
    const digitsEnd = runStart(text, wordStart, isWs);
    const start = runStart(text, digitsEnd, isDigit);
    if (wordEnd < m.index && wordStart < wordEnd && digitsEnd < wordStart && start < digitsEnd) {
      out.push({ index: start, value: text.slice(start, m.index + m[0].length), rank: 4 });
      break;
    }
  }
  return out;
}

/** The first "posted …" phrase in `text`, as one alternation of all the families would find it. */
function postedPhrase(text: string): string | undefined {
  const hits = POSTED_PHRASES.flatMap((re, rank) => {
    const m = re.exec(text);
    return m ? [{ index: m.index, value: m[0], rank }] : [];
  }).concat(agoPhrases(text));
  hits.sort((a, b) => a.index - b.index || a.rank - b.rank);
  return hits[0]?.value;
}

/** "from – to" separators; whitespace is collapsed first so no quantifier runs over a long gap. */
const PERIOD_SPLIT = / (?:to|until|till|bis|au|à|al|a|hasta|até|до|по|إلى|الى|حتى) | ?[–—~〜～至] ?| - /iu;

/** The two sides of "from – to" (prefix words dropped), or fewer parts when the text is no period. */
function periodParts(value: string): string[] {
  return value
    .replace(/\s+/g, ' ')
    .split(PERIOD_SPLIT)
    .map((p) => p.replace(/^(?:from|von|du|de|desde|с|من|从|自)\s+/iu, '').trim())
    .filter(Boolean);
}

/**
 * `meta` holds dates the page states only in its meta description: read last, when the body gave
 * none.
 */
export function extractDates(page: Page, bodySample: string, dateChips: readonly string[] = [], meta: MetaFacts = {}): DatesResult {
  const warnings: string[] = [];
  // Reference times of relative dates, by the value they produced (a read value may be discarded).
  const referenceOf = new Map<string, string>();
  let order: DateOrder | undefined;
  const read = (text: string, what: string): string | undefined => {
    const base: ParseDateOptions = { ...(page.now ? { now: page.now } : {}), ...(page.lang ? { lang: page.lang } : {}) };
    let r = parseDateDetailed(text, base);
    if (!r.value) return undefined;
    // A posting date is never ahead of the page's time: "in 3 days" under a posted label is not one.
    if (what === 'datePosted' && r.reference && Date.parse(r.value) > Date.parse(r.reference) + 86_400_000) return undefined;
    if (r.reference) referenceOf.set(`${what}\u0000${dayOf(r.value)}`, r.reference);
    if (!r.ambiguous) return dayOf(r.value);
    // Only a date that reads both ways needs the page's order (a scan of its other dates).
    order ??= pageDateOrder(page, bodySample);
    r = parseDateDetailed(text, { ...base, order: order.order });
    if (!r.value) return undefined;
    if (r.ambiguous && !order.certain)
      warnings.push(
        `${what} "${text.slice(0, 40)}" could be day-first or month-first; read ${order.order === 'dmy' ? 'day-first' : 'month-first'} (${order.why})`,
      );
    return dayOf(r.value);
  };

  let datePosted: string | undefined;
  // A "jobs nearby" / "recommended" card's date, a comment's or a footer's is not this posting's.
  for (const hit of page.labels.get('datePosted') ?? [])
    if (!inOtherPosting(hit.el, page.url) && (datePosted = read(hit.value, 'datePosted'))) break;
  if (!datePosted) {
    const time = page
      .tags('time')
      .slice(0, 200)
      .find((e) => e.attribs.datetime && !inOtherPosting(e, page.url));
    if (time) datePosted = read(time.attribs.datetime ?? '', 'datePosted');
  }
  for (const chip of dateChips) if (!datePosted) datePosted = read(chip, 'datePosted');
  if (!datePosted) {
    const phrase = postedPhrase(bodySample);
    if (phrase) datePosted = read(phrase, 'datePosted');
  }
  let validThrough: string | undefined;
  // A closing label over a whole period ("접수기간: 2026.11.20 ~ 2026.12.10", "Frist: 01.12. – 15.12.2026")
  // closes at its end: read as a period first, then as one date.
  const own = (hit: { el: Element }) => !inOtherPosting(hit.el, page.url);
  const closing = (page.labels.get('validThrough') ?? []).filter(own);
  for (const hit of [...closing, ...(page.labels.get('applicationPeriod') ?? []).filter(own)]) {
    const parts = periodParts(hit.value);
    if (parts.length !== 2) continue;
    const end = read(parts[1]!, 'validThrough');
    // The start may omit the year the end states ("24 พฤศจิกายน - 15 ธันวาคม 2569").
    const start = end ? read(parts[0]!, 'datePosted') : undefined;
    if (end) {
      if (start) datePosted ??= start;
      validThrough ??= end;
      break;
    }
  }
  if (!validThrough) for (const hit of closing) if ((validThrough = read(hit.value, 'validThrough'))) break;
  // "Applications close Friday 18 December 2026.", "Reageren kan tot 15 december.", "Candidaturas
  // até 31/01/2027": a closing (or posting) phrase in running text, its date right after it.
  if (!validThrough) validThrough = dateAfterCue(bodySample, DEADLINE_CUE_RE, (t) => read(t, 'validThrough'));
  // "Sluit over één dag", "endet in 3 Tagen", "还有5天截止", "残り3日", "D-3": a countdown to the close.
  if (!validThrough) {
    const countdown = closingCountdown(bodySample, page.lang);
    if (countdown) validThrough = read(countdown, 'validThrough');
  }
  if (!datePosted) datePosted = dateAfterCue(bodySample, POSTED_CUE_RE, (t) => read(t, 'datePosted'));
  if (!validThrough && meta.validThrough) {
    const parts = periodParts(meta.validThrough);
    validThrough = read(parts.length === 2 ? parts[1]! : meta.validThrough, 'validThrough');
  }
  if (!datePosted && meta.datePosted) datePosted = read(meta.datePosted, 'datePosted');
  const references: DatesResult['references'] = {};
  const postedRef = datePosted && referenceOf.get(`datePosted\u0000${datePosted}`);
  if (postedRef) references.datePosted = postedRef;
  const closingRef = validThrough && referenceOf.get(`validThrough\u0000${validThrough}`);
  if (closingRef) references.validThrough = closingRef;
  return { ...(datePosted ? { datePosted } : {}), ...(validThrough ? { validThrough } : {}), references, warnings };
}

/**
 * Countdowns to the closing day, per script (only the page's script is searched). Each names the
 * close (a verb or noun of closing/ending) or says what is left, so "in 3 days" in running text
 * ("we reply in 3 days") is not read. Group 1 is the part `parseDate` reads. The Latin ones run on
 * lower-cased text (their words start with an ASCII letter, so `\b` bounds them).
 */
const LATIN_NUM =
  '(?:\\d{1,3}|a|an|one|two|three|een|één|twee|drie|ein|eine|einem|einer|zwei|drei|un|une|deux|trois|uno|una|dos|tres|um|uma|dois|duas|três|due|tre|jeden|dwa|dwie|trzy|en|ett|två)';
/** Days and weeks only: "the probation period ends in 6 months" is no closing date. */
const LATIN_UNIT =
  '(?:days?|weeks?|dag|dagen|weken|tag|tage|tagen|woche|wochen|jours?|semaines?|días?|dias?|semanas?|giorn[oi]|settiman[ae]|dni|dnia|dzień|tygodni[ea]?|tydzień|dagar|veckor|vecka|gün|hafta|hari|minggu|ngày|tuần)';
const COUNTDOWN: Readonly<Record<'latin' | 'cjk' | 'cyrillic' | 'arabic' | 'thai' | 'deva', readonly RegExp[]>> = {
  latin: [
    new RegExp(
      `\\b(?:closes|closing|expires|expiring|ends|deadline|sluit|verloopt|eindigt|loopt af|endet|läuft ab|bewerbungsschluss|expire|se termine|termine|cierra|vence|finaliza|caduca|encerra|expira|termina|scade|chiude|kończy się|wygasa|stänger|går ut|berakhir|ditutup|hết hạn)(?: on| op| am| le| el| em| il)?:? ((?:in|over|dans|en|em|tra|fra|za|om|dentro de|daqui a|dalam) ${LATIN_NUM} ${LATIN_UNIT}|today|tomorrow|heute|morgen|vandaag|aujourd'hui|demain|hoy|mañana|hoje|amanhã|oggi|domani|dzisiaj|jutro|idag|imorgon|besok)(?![\\p{L}])`,
      'u',
    ),
    new RegExp(
      `\\b((?:noch|nog|encore|il reste|quedan|queda|faltam|falta|mancano|manca|zostało|zostały|pozostało|pozostały|còn) ${LATIN_NUM} ${LATIN_UNIT})(?![\\p{L}])`,
      'u',
    ),
    new RegExp(
      `(?<!\\d)\\b(\\d{1,3} ${LATIN_UNIT} (?:left|remaining|to go|to apply|restants?|restantes|rimasti|kaldı|lagi))(?![\\p{L}])`,
      'u',
    ),
  ],
  cjk: [
    /((?:还有|还剩|剩余|仅剩|只剩|残り|あと) ?\d{1,3} ?(?:天|日))/u,
    /(\d{1,3} ?(?:天后|日後)) ?(?:截止|结束|締切|締め切り|終了)/u,
    /(明天|明日|今天|本日|今日|내일|오늘) ?(?:截止|締切|締め切り|마감)/u,
    /(?<![\p{L}\d])(D ?- ?(?:\d{1,3}|day))(?![\p{L}\d])/iu,
    /(\d{1,3} ?일 ?남)/u,
  ],
  cyrillic: [
    /(?<![\p{L}])((?:осталось|остался|осталась|остаётся|залишилось|лишилось) (?:\d{1,3}|один|одну|два|две|три) (?:день|дня|дней|дні|днів|недел[иья]|недель))(?![\p{L}])/u,
    /(?:истекает|закрывается|заканчивается|завершается|закінчується|спливає) ((?:через \d{1,3} (?:день|дня|дней|дні|днів))|завтра|сегодня)(?![\p{L}])/iu,
  ],
  arabic: [
    /((?:متبقي|باقي|بقي|يتبقى|تبقى) \d{1,3} (?:يوم|أيام|ايام))/u,
    /(?:ينتهي|تنتهي|يغلق|تغلق) ((?:خلال|بعد) \d{1,3} (?:يوم|أيام|ايام))/u,
  ],
  thai: [/((?:อีก|เหลืออีก|เหลือ) ?\d{1,3} ?วัน)/u],
  deva: [/(\d{1,3} दिन (?:शेष|बाकी))/u],
};
const SCRIPT_OF_LANG: Readonly<Record<string, keyof typeof COUNTDOWN>> = {
  zh: 'cjk',
  ja: 'cjk',
  ko: 'cjk',
  ru: 'cyrillic',
  uk: 'cyrillic',
  be: 'cyrillic',
  bg: 'cyrillic',
  kk: 'cyrillic',
  sr: 'cyrillic',
  ar: 'arabic',
  fa: 'arabic',
  ur: 'arabic',
  th: 'thai',
  hi: 'deva',
  mr: 'deva',
  ne: 'deva',
};

/** The first closing countdown in the page's script ("over één dag", "还有5天", "D-3"), as `parseDate` reads it. */
function closingCountdown(text: string, lang: string | undefined): string | undefined {
  // Lower-cased once so the Latin matchers need no case-insensitive flag (several times faster on
  // long texts: literal alternatives are then found by their first characters).
  const sample = text.slice(0, 20_000).replace(/\s+/g, ' ').toLowerCase();
  let best: { index: number; value: string } | undefined;
  for (const re of COUNTDOWN[(lang && SCRIPT_OF_LANG[lang]) || 'latin']) {
    const m = re.exec(sample);
    if (m && (!best || m.index < best.index)) best = { index: m.index, value: m[1]! };
  }
  return best?.value;
}

/** "in 3 weeks", "binnen 14 dagen": a duration, not the date a phrase introduces. */
const DURATION =
  /\d ?(?:days?|weeks?|months?|years?|dagen|weken|tage[n]?|wochen|monate[n]?|jours|semaines|mois|días|dias|semanas|meses|giorni|settimane|mesi|dni|tygodni|дн|недел|месяц|天|日以内|週間|か月|개월|يوم|أيام)(?![\p{L}])/iu;

/** Global copies of the cue matchers, compiled once (they are long alternations). */
const GLOBAL = new Map<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = GLOBAL.get(re);
  if (!g) GLOBAL.set(re, (g = new RegExp(re.source, `${re.flags.replace('g', '')}g`)));
  return g;
}

/** A year: the anchor of a date worth a look back for its cue (cheap to find, few per page). */
const YEAR = /(?<![\d])(?:19|20)\d\d(?!\d)/g;

/**
 * The first cue in `text` followed within 40 characters by a readable date that states its year.
 * Searched from each year back (at most 90 characters), not with the whole vocabulary over the
 * whole page: pages hold few years and a long alternation is costly at every position.
 */
function dateAfterCue(text: string, cue: RegExp, read: (t: string) => string | undefined): string | undefined {
  const re = globalOf(cue);
  let years = 0;
  let reads = 0;
  let after = 0;
  for (const y of text.matchAll(YEAR)) {
    if (++years > 16) break;
    const from = Math.max(after, y.index - 90);
    if (from >= y.index) continue;
    let last: RegExpExecArray | undefined;
    const before = text.slice(from, y.index);
    re.lastIndex = 0;
    for (let m = re.exec(before); m; m = re.exec(before)) last = m;
    if (!last) continue;
    const start = from + last.index + last[0].length;
    after = y.index;
    let to = start;
    while (to < text.length && to - start < 50 && text[to] !== '\n') to++;
    const window = text.slice(start, to);
    if (DURATION.test(window)) continue;
    const value = read(window);
    if (value) return value;
    if (++reads >= 3) break;
  }
  return undefined;
}
