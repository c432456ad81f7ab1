/**
 * Text helpers for site profiles: the words the shared normalizers do not cover yet on the big
 * boards' pages (relative dates in zh/ja/ar/ru/pt/it/nl/pl, "Active 3 days ago", day-first
 * numeric dates, Chinese and Arabic employment words). Each falls through to the shared
 * normalizer, so a profile never reads less than the heuristics would.
 * @module
 */
import type { EmploymentType } from '@jobkit/core';
import { parseDate, parseEmploymentType } from '../normalize/index.js';

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** Unit words → milliseconds, for the languages parseDate does not read. */
const UNIT_MS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:分钟|分鐘|分|minut[ay]?|минут[уы]?|минуты|دقيقة|دقائق|minuti|minuto|minutos|minuten)$/iu, 60_000],
  [/^(?:小时|小時|時間|ساعة|ساعات|час|часа|часов|ore|ora|hora|horas|uur|godzin[yę]?|godzina)$/iu, 3_600_000],
  [/^(?:天|日|يوم|أيام|ايام|день|дня|дней|giorni|giorno|dia|dias|dag|dagen|dni|dzień)$/iu, DAY],
  [
    /^(?:周|週|星期|週間|أسبوع|أسابيع|اسابيع|неделю|недели|недель|settimane|settimana|semana|semanas|week|weken|tygodni[ea]?|tydzień)$/iu,
    7 * DAY,
  ],
  [
    /^(?:个月|個月|月|ヶ月|か月|شهر|أشهر|اشهر|месяц|месяца|месяцев|mesi|mese|mês|meses|maand|maanden|miesiąc|miesiące|miesięcy)$/iu,
    30 * DAY,
  ],
  [/^(?:年|سنة|سنوات|год|года|лет|anni|anno|ano|anos|jaar|rok|lata|lat)$/iu, 365 * DAY],
];

const TODAY =
  /^(?:today|just posted|just now|active today|posted today|heute|aujourd['’]hui|hoy|hoje|oggi|vandaag|dzisiaj|сегодня|اليوم|今天|今日|刚刚|剛剛|本日)\b|^(?:今天|今日|刚刚|剛剛|本日)/iu;
const YESTERDAY = /^(?:yesterday|gestern|hier|ayer|ontem|ieri|gisteren|wczoraj|вчера|أمس|امس)\b|^(?:昨天|昨日)/iu;

/** "3天前", "3日前", "منذ 3 أيام", "3 дня назад", "há 3 dias", "3 giorni fa", "3 dagen geleden", "3 dni temu". */
/** Arabic dual nouns ("يومين" = two days) carry their count. */
const ARABIC_DUAL: ReadonlyArray<readonly [RegExp, number]> = [
  [/^ساعتين$/u, 2 * 3_600_000],
  [/^يومين$/u, 2 * DAY],
  [/^أسبوعين$|^اسبوعين$/u, 14 * DAY],
  [/^شهرين$/u, 60 * DAY],
  [/^سنتين$|^عامين$/u, 730 * DAY],
];

function localizedRelative(t: string, now: Date): string | null {
  if (TODAY.test(t)) return ymd(now);
  const ar = /^(?:منذ|قبل)\s+(\p{L}+)$/u.exec(t);
  const dual = ar ? ARABIC_DUAL.find(([re]) => re.test(ar[1]!)) : undefined;
  if (dual) return ymd(new Date(now.getTime() - dual[1]));
  if (YESTERDAY.test(t)) return ymd(new Date(now.getTime() - DAY));
  const m =
    /^(\d+)\+?\s*(\p{L}+?)(?:之)?前/u.exec(t) ??
    /^(?:منذ|قبل)\s+(?:(\d+)\s*)?(\p{L}+)/u.exec(t) ??
    /^(\d+)\+?\s*(\p{L}+)\s+(?:назад|fa|geleden|temu)\b/iu.exec(t) ??
    /^(?:há|ha)\s+(\d+)\+?\s*(\p{L}+)/iu.exec(t);
  if (!m) return null;
  const n = m[1] === undefined ? 1 : Number(m[1]);
  const unit = UNIT_MS.find(([re]) => re.test(m[2]!));
  if (!unit || !Number.isFinite(n)) return null;
  return ymd(new Date(now.getTime() - n * unit[1]));
}

/** `MM-DD` with no year (51job's "01-05发布"): the latest such day not after `now`. */
function monthDay(t: string, now: Date): string | null {
  const m = /^(\d{1,2})[-/月](\d{1,2})日?\s*(?:发布|發布|更新)?$/.exec(t);
  if (!m) return null;
  const [mo, d] = [Number(m[1]), Number(m[2])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  let y = now.getUTCFullYear();
  if (Date.UTC(y, mo - 1, d) > now.getTime() + DAY) y -= 1;
  return ymd(new Date(Date.UTC(y, mo - 1, d)));
}

/** Numeric dates in the site's stated order, before the shared parser guesses US order. */
function ordered(t: string, order: 'dmy' | 'mdy' | 'ymd'): string | null {
  const m = /^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})$/.exec(t);
  if (!m) return null;
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [y, mo, d] = m[1]!.length === 4 ? [a, b, c] : order === 'mdy' ? [c, a, b] : [c, b, a];
  if (y < 1990 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCDate() === d ? ymd(date) : null;
}

/** Month names (nominative and genitive) the shared date parser does not read: ru, uk, pl, nl, it, pt. */
const MONTHS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:январ[ья]|янв|січ(?:ня|ень)|stycz(?:nia|eń)|januari|gennaio|janeiro)$/iu, 1],
  [/^(?:феврал[ья]|фев|лют(?:ого|ий)|lut(?:ego|y)|februari|febbraio|fevereiro)$/iu, 2],
  [/^(?:марта?|мар|берез(?:ня|ень)|marc(?:a|iec)|maart|marzo|março)$/iu, 3],
  [/^(?:апрел[ья]|апр|квіт(?:ня|ень)|kwiet(?:nia|ień)|april|aprile|abril)$/iu, 4],
  [/^(?:ма[йя]|трав(?:ня|ень)|maj[a]?|mei|maggio|maio)$/iu, 5],
  [/^(?:июн[ья]|черв(?:ня|ень)|czerw(?:ca|iec)|juni|giugno|junho)$/iu, 6],
  [/^(?:июл[ья]|лип(?:ня|ень)|lip(?:ca|iec)|juli|luglio|julho)$/iu, 7],
  [/^(?:августа?|авг|серп(?:ня|ень)|sierp(?:nia|ień)|augustus|agosto)$/iu, 8],
  [/^(?:сентябр[ья]|сен|верес(?:ня|ень)|wrze(?:śnia|sień)|september|settembre|setembro)$/iu, 9],
  [/^(?:октябр[ья]|окт|жовт(?:ня|ень)|październik[a]?|oktober|ottobre|outubro)$/iu, 10],
  [/^(?:ноябр[ья]|ноя|листопад[а]?|listopad[a]?|november|novembre|novembro)$/iu, 11],
  [/^(?:декабр[ья]|дек|груд(?:ня|ень)|grud(?:nia|zień)|december|dicembre|dezembro)$/iu, 12],
];

/** "18 ноября 2026", "5 de março de 2026", "3 dicembre 2026". */
function namedMonth(t: string): string | null {
  const m = /^(\d{1,2})\.?\s+(?:de\s+)?(\p{L}+)\.?\s+(?:de\s+)?(\d{4})/u.exec(t);
  if (!m) return null;
  const month = MONTHS.find(([re]) => re.test(m[2]!))?.[1];
  if (!month) return null;
  const [y, d] = [Number(m[3]), Number(m[1])];
  const date = new Date(Date.UTC(y, month - 1, d));
  return date.getUTCDate() === d ? ymd(date) : null;
}

/** Thai month abbreviations, in order. */
const THAI_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];

/** "20 พ.ย. 69", "20 พ.ย. 2569": Thai month, Buddhist-era year (543 years ahead). */
function thaiDate(t: string): string | null {
  const m = /^(\d{1,2})\s*([\u0E00-\u0E7F.]{3,7})\s*(\d{2}|\d{4})$/u.exec(t);
  if (!m) return null;
  const month = THAI_MONTHS.indexOf(m[2]!.trim()) + 1;
  if (month === 0) return null;
  const be = m[3]!.length === 2 ? 2500 + Number(m[3]) : Number(m[3]);
  const y = be > 2400 ? be - 543 : be;
  const d = Number(m[1]);
  const date = new Date(Date.UTC(y, month - 1, d));
  return date.getUTCDate() === d ? ymd(date) : null;
}

/** Prefixes boards put before a date ("Posted", "Active", "Reposted", "Date posted:", "发布于"). */
const DATE_PREFIX =
  /^(?:(?:date\s+)?(?:re)?posted(?:\s+on)?|active|employer active|listed(?:\s+on)?|published(?:\s+on)?|updated|online seit|erschienen am|veröffentlicht(?:\s+am)?|publiée?(?:\s+le)?|publicado(?:\s+el|\s+em)?|pubblicato(?:\s+il)?|geplaatst(?:\s+op)?|opublikowano|опубликовано|تاريخ النشر|نشر(?:ت)?(?:\s+في)?|发布(?:于|时间)?|發布(?:於)?|更新于|掲載日|วันที่ประกาศ|ประกาศเมื่อ|вакансія від|вакансия от)\s*(?:[:：]\s*)?/iu;

/**
 * A date as a board writes it → `YYYY-MM-DD` (or an ISO date-time when the text has a time).
 * Reads localized relative forms and the site's numeric order, then defers to `parseDate`.
 */
export function siteDate(text: string, now: Date, order?: 'dmy' | 'mdy' | 'ymd'): string | undefined {
  const t = text
    .replace(/[\u064B-\u065F\u0670]/g, '')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(DATE_PREFIX, '')
    .replace(/^(?:on|am|le|el|em|il(?! y a))\s+/i, '')
    .trim();
  if (!t || t.length > 80) return undefined;
  const out =
    localizedRelative(t, now) ??
    monthDay(t, now) ??
    namedMonth(t) ??
    thaiDate(t) ??
    (order ? ordered(t, order) : null) ??
    parseDate(t, { now });
  if (!out || Number.isNaN(Date.parse(out))) return undefined;
  const ms = Date.parse(out);
  // A posting date is never in the future; relative forms can be read a day off around midnight.
  return ms > now.getTime() + 2 * DAY && /posted|active|前|منذ|назад/i.test(text) ? undefined : out;
}

/** Employment words the shared normalizer lacks (zh, ja, ar), checked after it. */
const EXTRA_EMPLOYMENT: ReadonlyArray<readonly [EmploymentType, RegExp]> = [
  [
    'full_time',
    /全职|全職|正社員|フルタイム|دوام كامل|دوام كلي|полная занятость|(?<!не)повна зайнятість|tempo integrale|tempo pieno|voltijd|pełny etat|งานประจำ|เต็มเวลา|पूर्णकालिक/iu,
  ],
  [
    'part_time',
    /兼职|兼職|パート|アルバイト|دوام جزئي|частичная занятость|неповна зайнятість|tempo parziale|part-time|deeltijd|niepełny etat|พาร์ทไทม์|งานพาร์ทไทม์|अंशकालिक/iu,
  ],
  ['internship', /实习|實習|インターン|تدريب|стажировка|tirocinio|stage|praktyk/iu],
  ['contract', /合同工|派遣|契約社員|عقد|договор|проектная работа|contratto a progetto/iu],
  ['temporary', /临时|臨時|期間限定|مؤقت|временная/iu],
];

export function siteEmployment(text: string): EmploymentType[] {
  // "Fixed term contract" is a temporary job, not a contractor's; "Permanent contract" a permanent one.
  const t = text.replace(/\b(fixed[- ]term|temporary|permanent)\s+contract\b/gi, '$1');
  const found = parseEmploymentType(t);
  if (found.length > 0) return found;
  return EXTRA_EMPLOYMENT.filter(([, re]) => re.test(t)).map(([type]) => type);
}

/** Country → currency for the board hosts that serve one country each (`mx.indeed.com`, `indeed.co.uk`). */
const COUNTRY_CURRENCY: Readonly<Record<string, string>> = {
  us: 'USD',
  uk: 'GBP',
  gb: 'GBP',
  ie: 'EUR',
  ca: 'CAD',
  au: 'AUD',
  nz: 'NZD',
  in: 'INR',
  sg: 'SGD',
  hk: 'HKD',
  my: 'MYR',
  ph: 'PHP',
  id: 'IDR',
  jp: 'JPY',
  kr: 'KRW',
  cn: 'CNY',
  tw: 'TWD',
  za: 'ZAR',
  ng: 'NGN',
  ae: 'AED',
  sa: 'SAR',
  qa: 'QAR',
  kw: 'KWD',
  eg: 'EGP',
  mx: 'MXN',
  br: 'BRL',
  ar: 'ARS',
  cl: 'CLP',
  co: 'COP',
  pe: 'PEN',
  ch: 'CHF',
  se: 'SEK',
  no: 'NOK',
  dk: 'DKK',
  pl: 'PLN',
  cz: 'CZK',
  hu: 'HUF',
  ro: 'RON',
  tr: 'TRY',
  il: 'ILS',
  de: 'EUR',
  fr: 'EUR',
  es: 'EUR',
  it: 'EUR',
  nl: 'EUR',
  be: 'EUR',
  at: 'EUR',
  pt: 'EUR',
  fi: 'EUR',
  gr: 'EUR',
  lu: 'EUR',
};

/** The currency of the country a board host serves, from its country subdomain or country TLD. */
export function currencyForHost(host: string): string | undefined {
  const labels = host.toLowerCase().split('.');
  const tld = labels[labels.length - 1]!;
  if (tld !== 'com' && tld !== 'net' && COUNTRY_CURRENCY[tld]) return COUNTRY_CURRENCY[tld];
  const sub = labels[0] === 'www' ? labels[1] : labels[0];
  if (sub && labels.length >= 3 && COUNTRY_CURRENCY[sub]) return COUNTRY_CURRENCY[sub];
  return tld === 'com' && (labels[0] === 'www' || labels.length === 2) ? 'USD' : undefined;
}

/**
 * `raw` without a trailing "| Brand…" / "- Brand…" segment ("Role - Acme | Indeed.com" → "Role -
 * Acme"), found with string search so long titles cost one pass. `raw` when the brand is absent.
 */
export function stripBrand(raw: string, brand: string): string {
  const at = raw.toLowerCase().lastIndexOf(brand.toLowerCase());
  if (at < 0) return raw;
  let cut = at;
  while (cut > 0 && raw[cut - 1] === ' ') cut--;
  if (cut > 0 && '|–—-·'.includes(raw[cut - 1]!)) cut--;
  else if (cut > 0) return raw;
  return raw.slice(0, cut).trim();
}

/** "A - B - C" → its three parts, by plain string search; `undefined` unless exactly three. */
export function threeParts(t: string, sep: string): [string, string, string] | undefined {
  const parts = t.split(sep).map((p) => p.trim());
  return parts.length === 3 && parts.every(Boolean) ? (parts as [string, string, string]) : undefined;
}

/** Indeed-style "Hybrid remote in Berlin", "Télétravail partiel à Paris", "Teletrabajo en Madrid". */
const WORKPLACE_THEN_PLACE =
  /^(hybrid remote|hybrid work|hybrid|temporarily remote|remote|homeoffice|home office|hybrides arbeiten|teilweise homeoffice|télétravail partiel|télétravail total|télétravail|teletrabajo parcial|teletrabajo|trabajo híbrido|híbrido|remoto|trabalho híbrido|trabalho remoto|lavoro ibrido|da remoto|hybride|op afstand|praca hybrydowa|praca zdalna) (?:in|en|à|a|em|op|w) (.+)$/i;

/** "Camberwell VIC 3124", "Melbourne VIC (Remote)": Australian boards write the state after the town with no comma. */
const AU_STATE_AFTER_TOWN = /^([^,()]{2,60}?) (NSW|VIC|QLD|WA|SA|TAS|ACT|NT)((?: \d{4})?(?: \([^()]{1,40}\))?)$/;

/** "Brisbane QLD 4000" → "Brisbane, QLD 4000", so the place parser sees the town apart from its state. */
export function townStateComma(text: string): string {
  const au = AU_STATE_AFTER_TOWN.exec(text);
  return au ? `${au[1]}, ${au[2]}${au[3]}` : text;
}

/**
 * "Hybrid remote in Berlin" → "Berlin (Hybrid)", so the place parser sees a place first; "Brisbane
 * QLD 4000" → "Brisbane, QLD 4000", so it sees the town apart from its state.
 */
export function placeFirst(text: string): string {
  const m = WORKPLACE_THEN_PLACE.exec(text);
  // The place parser reads English workplace words in parentheses; partial telework is hybrid.
  const placed = m ? `${m[2]} (${/hybri|ibrido|partiel|parcial|teilweise/i.test(m[1]!) ? 'Hybrid' : 'Remote'})` : text;
  return townStateComma(placed);
}

/** The value at `path` inside parsed JSON (objects by key, arrays by index), or undefined. */
export function jsonAt(data: unknown, ...path: ReadonlyArray<string | number>): unknown {
  let cur = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/** A non-empty trimmed string, or undefined (embedded JSON holds nulls, numbers and objects too). */
export function jsonText(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
