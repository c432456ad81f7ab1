/**
 * Dates as job pages write them → ISO 8601: ISO, RFC 2822, numeric (day-first or month-first as
 * the caller's page decides, with ambiguity reported), "5 March 2024" and "2025年12月31日" in many
 * languages (via chrono-node's locales), relative dates in many languages ("3 days ago", "vor 3
 * Tagen", "3天前", "منذ 3 أيام", "3 дня назад"), Unix time. Arabic-Indic, Devanagari and
 * full-width digits are read as ASCII digits.
 * @module
 */
import { invalidArgument, optionalDate, optionsObject, readArgument } from '@jobkit/core';
import * as chrono from 'chrono-node';

/** Options for {@link parseDate}. */
export interface ParseDateOptions {
  /** Reference time for relative dates. @default new Date() */
  now?: Date;
  /**
   * How to read numeric dates whose first two parts could both be the day or the month
   * (`05/03/2024`): `dmy` (most of the world) or `mdy` (US). Without it, slashes are read
   * month first and dots/dashes day first.
   */
  order?: 'dmy' | 'mdy';
  /** Page language (BCP 47); its chrono-node locale is tried first for written dates. */
  lang?: string;
}

/** Result of {@link parseDateDetailed}. */
export interface ParsedDate {
  value: string | null;
  /** The text was a numeric date whose day and month could be swapped (both ≤ 12, different). */
  ambiguous: boolean;
  /**
   * The reference time a relative date ("3 days ago", "vor 2 Tagen", "昨天", "today") was resolved
   * against (`now`, as a UTC instant to the second with `Z`); absent for absolute dates. Keep it
   * beside the value: "3 days ago" means nothing without it.
   */
  reference?: string;
  /**
   * The UTC offset the text stated for a date-time (`+05:30`, `-04:00`), when not zero; the value
   * keeps it too until `finalizeJob` turns it into a UTC instant with `Z`.
   */
  offset?: string;
}

/** Longest date text read: longer input is cut (dates are short; chrono's cost grows with length). */
const MAX_DATE_CHARS = 200;

const DAY = 86_400_000;
const MIN_YEAR = 1990;
/** Dates further ahead than this are typos or placeholders (validThrough 2099-12-31). */
const MAX_AHEAD_MS = 5 * 366 * DAY;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function validYmd(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return ymd(date);
}

const UNITS: ReadonlyArray<readonly [RegExp, number]> = [
  [
    /^(?:min|mins|minute|minutes|minuten|minutos|minuti|minuut|minut|minuty|minuter|dakika|menit|phút|mn|分钟|分|분|นาที|минут[уы]?|хвилин[уи]?|دقيقة|دقائق|मिनट)$/i,
    60_000,
  ],
  [
    /^(?:h|hr|hrs|hour|hours|stunde|stunden|heure|heures|hora|horas|ora|ore|uur|godzin[ay]?|godzinę|godzinami|timme|timmar|jam|giờ|saat|ชั่วโมง|годин[уи]?|小时|小時|時間|시간|час|часа|часов|ساعة|ساعات|घंटे|घंटा)$/i,
    3_600_000,
  ],
  [
    /^(?:d|day|days|tag|tage|tagen|jour|jours|día|días|dia|dias|giorno|giorni|dag|dagen|dagar|dzień|dni|dnia|dniami|gün|hari|ngày|天|日|일|วัน|день|дня|дней|дні|днів|يوم|أيام|ايام|يومين|दिन)$/i,
    DAY,
  ],
  [
    /^(?:w|wk|wks|week|weeks|woche|wochen|semaine|semaines|semana|semanas|settimana|settimane|weken|veckor|vecka|tydzień|tygodnie|tygodni|tygodniami|hafta|minggu|tuần|周|週|週間|주|สัปดาห์|неделю|недели|недель|тиждень|тижні|тижнів|أسبوع|أسابيع|أسبوعين|सप्ताह|हफ्ते)$/i,
    7 * DAY,
  ],
  [
    /^(?:mo|month|months|monat|monate|monaten|mois|mes|meses|mese|mesi|maand|maanden|miesiąc|miesiące|miesięcy|miesiącami|månad|månader|bulan|tháng|เดือน|місяць|місяці|місяців|ay|个月|個月|ヶ月|か月|カ月|개월|месяц|месяца|месяцев|شهر|أشهر|شهور|شهرين|महीने|महीना)$/i,
    30 * DAY,
  ],
  [
    /^(?:y|yr|yrs|year|years|jahr|jahre|jahren|an|ans|año|años|anno|anni|jaar|jaren|rok|lata|lat|år|tahun|năm|ปี|рік|роки|років|yıl|年|년|год|года|лет|سنة|سنوات|साल|वर्ष)$/i,
    365 * DAY,
  ],
];

/** Arabic-Indic, Persian, Devanagari and full-width digits → ASCII. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\uff10-\uff19]/g, (d) => {
    const c = d.charCodeAt(0);
    const zero = c >= 0xff10 ? 0xff10 : c >= 0x0966 ? 0x0966 : c >= 0x06f0 ? 0x06f0 : 0x0660;
    return String(c - zero);
  });
}
const ONE = /^(?:a|an|one|ein|einem|einer|un|une|uno|una|een|um|uma)$/i;

/** Small numbers written as words in future phrases ("over één dag", "in zwei Wochen", "через один день"). */
const NUMBER_WORDS = new Map<string, number>(
  [
    'a an one een één ein eine einem einer un une uno una um uma jeden jedną jednego en ett bir один одну одного',
    'two twee zwei deux dos dois duas due dwa dwie två iki два две',
    'three drie drei trois tres três tre trzy üç три',
  ].flatMap((words, i) => words.split(' ').map((w) => [w, i + 1] as const)),
);
const countOf = (word: string): number => (/^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS.get(word.toLowerCase()) ?? Number.NaN));
/** A past marker anywhere in the text: "over 30 days ago" is not 30 days ahead. */
const PAST_MARK = /(?<![\p{L}])(?:ago|geleden|temu|önce|fa|назад|tomu)(?![\p{L}])|前|전|पहले/iu;

const TOMORROW =
  /^(?:tomorrow|morgen|demain|mañana|amanhã|domani|jutro|завтра|yarın|besok|imorgon|i morgon|غدا|غداً|ngày mai|พรุ่งนี้)(?![\p{L}])|^(?:明天|明日|내일)/iu;

/**
 * Phrases of a date ahead of `now` — closing dates as boards count them down: "in 3 days", "in 3
 * Tagen", "over één dag", "dans 2 jours", "en 5 días", "tra 3 giorni", "za 3 dni", "через 3 дня",
 * "noch 3 Tage", "quedan 3 días", "осталось 3 дня", "3 days left", "还有5天", "5天后", "残り3日",
 * "あと3日", "3일 남음", "D-3", "อีก 3 วัน", "خلال 3 أيام", "3 दिन शेष", "tomorrow". Anchored at the
 * start; the unit word is checked against {@link UNITS}.
 */
const FUTURE: readonly RegExp[] = [
  /^(?:in|over|dans|en|em|tra|fra|za|om|dentro de|daqui a|через|بعد|خلال|noch|nog|still|encore|il reste|reste|restent|quedan|queda|faltam|falta|mancano|manca|zostało|zostały|pozostało|pozostały|còn|осталось|остался|осталась|остаётся|ещё|еще|залишилось|лишилось|متبقي|باقي|بقي|يتبقى)\s+(\d+(?=\s*\p{L})|\p{L}+(?=\s))\s*([\p{L}\p{M}]+)/iu,
  /^(\d+(?=\s*\p{L})|\p{L}+(?=\s))\s*([\p{L}\p{M}]+)\s+(?:left|remaining|to go|to apply|from now|restants?|restantes|rimasti|rimanenti|kaldı|lagi|शेष|बाकी)(?![\p{L}])/iu,
  /^(?:还有|还剩|剩余|剩下|仅剩|只剩|剩|残り|あと|อีก|เหลืออีก|เหลือ)\s*(\d+)\s*(天|日|周|週間|个月|か月|ヶ月|カ月|วัน|สัปดาห์)/u,
  /^(\d+)\s*(天|日|일|周|週間|주|个月|か月|ヶ月|개월)\s*(?:后|後|후|남)/u,
];

/** A date ahead of `now` stated relative to it, or `null`. */
function future(t: string, now: Date): string | null {
  if (PAST_MARK.test(t)) return null;
  if (TOMORROW.test(t)) return ymd(new Date(now.getTime() + DAY));
  // "D-3" (Korean boards count down to the closing day); "D-day" is the closing day itself.
  const d = /^D ?- ?(\d{1,3}|day)(?![\p{L}\d])/iu.exec(t);
  if (d) return ymd(new Date(now.getTime() + (d[1]!.toLowerCase() === 'day' ? 0 : Number(d[1])) * DAY));
  for (const re of FUTURE) {
    const m = re.exec(t);
    if (!m) continue;
    const n = countOf(m[1]!);
    const unit = UNITS.find(([u]) => u.test(m[2]!));
    if (!unit || !Number.isFinite(n) || unit[1] < DAY) continue;
    return ymd(new Date(now.getTime() + n * unit[1]));
  }
  return null;
}

const TODAY =
  /^(?:today|just (?:now|posted)|heute|aujourd['’]hui|hoy|hoje|oggi|vandaag|dzisiaj|dziś|bugün|idag|i dag|hôm nay|hari ini|new|neu|nouveau|nuevo|сегодня|только что|сьогодні|щойно|اليوم|الآن|आज|วันนี้)(?![\p{L}])|^(?:今天|今日|刚刚|本日|오늘|방금)/iu;
const YESTERDAY =
  /^(?:yesterday|gestern|hier|ayer|ontem|ieri|gisteren|wczoraj|dün|igår|i går|hôm qua|kemarin|вчера|вчора|أمس|امس|เมื่อวาน)(?![\p{L}])|^(?:昨天|昨日|어제)/iu;

function relative(t: string, now: Date): string | null {
  if (TODAY.test(t)) return ymd(now);
  if (YESTERDAY.test(t)) return ymd(new Date(now.getTime() - DAY));
  const m =
    /^(\d+|a|an|one)\+?\s*(\p{L}+)\s+ago\b/iu.exec(t) ??
    /^vor\s+(\d+|einem|einer|ein)\+?\s*(\p{L}+)/iu.exec(t) ??
    /^il y a\s+(\d+|une|un)\+?\s*(\p{L}+)/iu.exec(t) ??
    /^hace\s+(\d+|una|uno|un)\+?\s*(\p{L}+)/iu.exec(t) ??
    /^h[áa]\s+(\d+|uma|um)\+?\s*(\p{L}+)/iu.exec(t) ??
    /^(\d+|un|una|uno)\+?\s*(\p{L}+)\s+fa\b/iu.exec(t) ??
    /^(\d+|een)\+?\s*(\p{L}+)\s+geleden\b/iu.exec(t) ??
    /^(\d+)?\+?\s*(\p{L}+)\s+temu\b/iu.exec(t) ??
    /^przed\s+(\d+)\s*(\p{L}+)/iu.exec(t) ??
    /^(\d+)\+?\s*(\p{L}+)\s+önce\b/iu.exec(t) ??
    /^(\d+)\+?\s*(\p{L}+)\s+(?:назад|тому)/iu.exec(t) ??
    /^(?:för\s+)?(\d+)\s*(\p{L}+)\s+sedan/iu.exec(t) ??
    /^(\d+)\s*(\p{L}+)\s+(?:trước|(?:yang\s+)?lalu)/iu.exec(t) ??
    /^(\d+)\s*(วัน|สัปดาห์|เดือน|ชั่วโมง|นาที|ปี)ที่แล้ว/u.exec(t) ??
    /^(\d+)\+?\s*([\p{L}\p{M}]+)\s+पहले/iu.exec(t) ??
    /^منذ (\d+)? ?(\p{L}+)/u.exec(t) ??
    /^(\d+)\s*(个月|個月|ヶ月|か月|カ月|개월|小时|小時|時間|시간|分钟|天|日|일|周|週間|週|주|年|년|分)\s*(?:前|전)/u.exec(t);
  if (!m) return null;
  // "منذ يومين" / "منذ يوم": Arabic states one or two by the noun's form.
  const n =
    m[1] === undefined
      ? /يومين|أسبوعين|شهرين|ساعتين/.test(m[2]!)
        ? 2
        : 1
      : ONE.test(m[1]) || m[1] === 'een' || m[1] === 'um' || m[1] === 'uma'
        ? 1
        : Number(m[1]);
  const unit = UNITS.find(([re]) => re.test(m[2]!));
  if (!unit || !Number.isFinite(n)) return null;
  const at = new Date(now.getTime() - n * unit[1]);
  // Minutes and hours keep the time; coarser units are dates.
  return unit[1] < DAY ? at.toISOString() : ymd(at);
}

/** Format an instant at a fixed UTC offset (minutes), so the page's time zone survives. */
function withOffset(ms: number, offsetMin: number): string {
  const d = new Date(ms + offsetMin * 60_000);
  const base = `${ymd(d)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (offsetMin === 0) return `${base}Z`;
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${base}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The part of a chrono-node locale module this file uses. */
interface ChronoLike {
  parse(text: string, ref?: Date): chrono.ParsedResult[];
}

const CHRONO: Record<string, ChronoLike> = {
  en: chrono.en,
  de: chrono.de,
  fr: chrono.fr,
  es: chrono.es,
  pt: chrono.pt,
  it: chrono.it,
  nl: chrono.nl,
  ru: chrono.ru,
  uk: chrono.uk,
  ja: chrono.ja,
  zh: chrono.zh,
  sv: chrono.sv,
  fi: chrono.fi,
  vi: chrono.vi,
  id: chrono.id,
  ...((chrono as unknown as { ar?: ChronoLike }).ar ? { ar: (chrono as unknown as { ar: ChronoLike }).ar } : {}),
};
const DEFAULT_ORDER = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'ru', 'zh', 'ja', 'ar'];

/** chrono-node parsers: the page language's first, then the common ones. */
function parsersFor(lang: string | undefined): ChronoLike[] {
  const primary = lang?.toLowerCase().split(/[-_]/)[0];
  const codes = primary && CHRONO[primary] ? [primary, ...DEFAULT_ORDER.filter((c) => c !== primary)] : DEFAULT_ORDER;
  return codes.map((c) => CHRONO[c]).filter((p): p is ChronoLike => p !== undefined);
}

function absolute(t: string, now: Date, options: ParseDateOptions, flags: { ambiguous: boolean }): string | null {
  if (/^\d{10}(?:\.\d+)?$/.test(t)) return new Date(Number(t) * 1000).toISOString();
  if (/^\d{13}$/.test(t)) return new Date(Number(t)).toISOString();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t) ?? /^(\d{4})\s*[/.年]\s*(\d{1,2})\s*[/.月]\s*(\d{1,2})\s*[日일]?$/.exec(t);
  if (m) return validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  // ISO date-time: keep the offset as written; no offset stays local (as ISO 8601 allows).
  m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (m) {
    const time = m[2]!.length === 5 ? `${m[2]}:00` : m[2]!;
    const zone = m[3] ? (m[3].toUpperCase() === 'Z' ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : '';
    const out = `${m[1]}T${time}${zone}`;
    return Number.isNaN(Date.parse(out)) || !validYmd(...(m[1]!.split('-').map(Number) as [number, number, number])) ? null : out;
  }
  // 05.03.2024, 05-03-2024, 03/05/2024, 25/03/2024, 31/12/25.
  m = /^(\d{1,2})\s*([./-])\s*(\d{1,2})\s*[./-]\s*(\d{4}|\d{2})\.?$/.exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const year = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
    if (a > 12 || b > 12) return a > 12 ? validYmd(year, b, a) : validYmd(year, a, b);
    // Dotted dates are day first wherever they are written; slashes and dashes vary by country.
    if (a !== b && m[2] !== '.') flags.ambiguous = true;
    // Without a page decision, slashes are US order and dots/dashes day first.
    const order = m[2] === '.' ? 'dmy' : (options.order ?? (m[2] === '/' ? 'mdy' : 'dmy'));
    return order === 'mdy' ? validYmd(year, a, b) : validYmd(year, b, a);
  }
  // RFC 2822 / RFC 1123: "Tue, 05 Mar 2024 10:00:00 +0100".
  m = /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s*(GMT|UTC|UT|Z|[+-]\d{4})$/.exec(t);
  if (m) {
    const ms = Date.parse(t);
    if (Number.isNaN(ms)) return null;
    const z = m[1]!;
    const off = /^[+-]/.test(z) ? (z[0] === '-' ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) : 0;
    return withOffset(ms, off);
  }
  for (const parser of parsersFor(options.lang)) {
    const [r] = parser.parse(t, now);
    if (!r || !r.start.isCertain('month') || !r.start.isCertain('day')) continue;
    const y = r.start.get('year');
    const mo = r.start.get('month');
    const d = r.start.get('day');
    if (y === null || mo === null || d === null) continue;
    if (r.start.isCertain('hour')) {
      const date = r.start.date();
      const offset = r.start.get('timezoneOffset');
      return offset === null ? date.toISOString() : withOffset(date.getTime(), offset);
    }
    return validYmd(y, mo, d);
  }
  return null;
}

const THAI_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
];
const THAI_SHORT = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];

/** "15 ธันวาคม 2569" (Buddhist era, 543 years ahead) → 2026-12-15. */
function thaiDate(t: string): string | null {
  const m = /^(\d{1,2})\s*(\S+?)\s*(\d{4})$/u.exec(t);
  if (!m) return null;
  let month = THAI_MONTHS.indexOf(m[2]!);
  if (month < 0) month = THAI_SHORT.indexOf(m[2]!);
  if (month < 0) return null;
  const year = Number(m[3]) > 2400 ? Number(m[3]) - 543 : Number(m[3]);
  return validYmd(year, month + 1, Number(m[1]));
}

/** First western year of each Japanese era (year 1, 元年, is that year). */
const JAPANESE_ERAS: Readonly<Record<string, number>> = { 令和: 2019, 平成: 1989, 昭和: 1926 };

/**
 * Era years → western years: Japanese eras ("令和7年12月5日", "平成31年4月30日", "令和元年") and the
 * Republic of China calendar used in Taiwan ("民國114年12月31日", "中華民国114年", a bare three-digit
 * "114年12月31日" or "114/12/31", year + 1911).
 */
function westernYear(t: string): string {
  if (!/[令平昭民]|^1\d\d[年/.]/u.test(t)) return t;
  return t
    .replace(
      /(令和|平成|昭和) ?(元|\d{1,2}) ?年/u,
      (_m, era: string, y: string) => `${JAPANESE_ERAS[era]! + (y === '元' ? 0 : Number(y) - 1)}年`,
    )
    .replace(/(?:中華)?民[國国] ?(\d{2,3}) ?年/u, (_m, y: string) => `${Number(y) + 1911}年`)
    .replace(/^(1\d\d) ?([年/.]) ?(?=\d{1,2} ?[月/.] ?\d{1,2})/u, (_m, y: string, sep: string) => `${Number(y) + 1911}${sep}`);
}

/** Texts that state no date, however a locale reads them (not "new"/"neu": those read as today). */
const NO_DATE_WORDS = new Set([
  'recently',
  'kürzlich',
  'récemment',
  'recientemente',
  'recentemente',
  'onlangs',
  'niedawno',
  'недавно',
  '最近',
]);

/**
 * Like {@link parseDate}, and says whether the text was a numeric date whose day and month could
 * be swapped, so the caller can warn when its `order` was a guess.
 */
export function parseDateDetailed(text: string, options: ParseDateOptions = {}): ParsedDate {
  const { input, opts } = readArgument('parsers/normalize', 'the parseDate text or options', () => ({
    input: String(text ?? '').slice(0, MAX_DATE_CHARS),
    opts: dateOptions(options),
  }));
  const now = opts.now ?? new Date();
  const flags = { ambiguous: false };
  let t = asciiDigits(input).trim().replace(/\s+/g, ' ');
  if (!t) return { value: null, ambiguous: false };
  t = t.replace(
    /^(?:(?:date )?posted(?: on)?|published(?: on)?|updated(?: on)?|listed|veröffentlicht(?: am)?|publiée?(?: le)?|mis en ligne(?: le)?|publicado(?: el| em)?|publicada(?: el| em)?|pubblicato(?: il)?|geplaatst(?: op)?|opublikowano|опубликовано|опубліковано|розміщено|发布于|发布时间|am|le|el)(?![a-zà-ÿ])\s*[:：]?\s*/i,
    '',
  );
  // Weekdays in brackets and receipt notes: "2026年12月5日（金）必着", "2026/11/17（火）".
  // `t` is single-spaced here, so one optional space stands for `\s*`.
  t = t
    .replace(/ ?[（(][月火水木金土日]曜?日?[)）]/gu, '')
    .replace(/ ?(?:必着|まで|迄|截止)$/u, '')
    .trim();
  t = westernYear(t);
  // Words that state no date at all ("Posted: recently") skip the per-locale parsers, which would
  // each try and fail (about 1 ms per page). Every one of them gives null in every language.
  if (NO_DATE_WORDS.has(t.toLowerCase())) return { value: null, ambiguous: false };
  const thai = thaiDate(t);
  const rel = relative(t, now) ?? future(t, now);
  const out = rel ?? thai ?? absolute(t, now, opts, flags);
  if (!out) return { value: null, ambiguous: false };
  const ms = Date.parse(out);
  if (Number.isNaN(ms)) return { value: null, ambiguous: false };
  if (new Date(ms).getUTCFullYear() < MIN_YEAR || ms > now.getTime() + MAX_AHEAD_MS) return { value: null, ambiguous: false };
  const result: ParsedDate = { value: out, ambiguous: flags.ambiguous };
  if (rel !== null) result.reference = `${now.toISOString().slice(0, 19)}Z`;
  const offset = out.length > 10 ? OFFSET_AT_END.exec(out)?.[0] : undefined;
  if (offset && offset !== '+00:00' && offset !== '-00:00') result.offset = offset;
  return result;
}

/** The options read once into a plain object, each checked (a bad `now` would throw deep inside). */
function dateOptions(options: ParseDateOptions | null | undefined): ParseDateOptions {
  const { now: given, order, lang } = optionsObject('parsers/normalize', 'parseDate options', options);
  const now = optionalDate('parsers/normalize', 'parseDate options.now', given);
  if (order !== undefined && order !== 'dmy' && order !== 'mdy')
    throw invalidArgument('parsers/normalize', "parseDate options.order must be 'dmy' or 'mdy'");
  if (lang !== undefined && typeof lang !== 'string') throw invalidArgument('parsers/normalize', 'parseDate options.lang must be a string');
  return { ...(now && { now }), ...(order && { order }), ...(lang !== undefined && { lang: lang.slice(0, 35) }) };
}

/** The `±hh:mm` zone at the end of a date-time this module returns. */
const OFFSET_AT_END = /[+-]\d{2}:\d{2}$/;

/**
 * Parse a date into ISO 8601: date-only inputs give `YYYY-MM-DD`, date-times keep their time zone.
 * Handles "Posted 3 days ago", "Posted today", "30+ Days Ago" (now − 30 days), "vor 3 Tagen",
 * "il y a 2 jours", "hace 5 días", "há 3 dias", "3天前", "3日前", "منذ 3 أيام", "3 дня назад",
 * written dates in the languages chrono-node reads, Unix seconds or milliseconds. Numeric dates
 * with both parts ≤ 12 follow `options.order`; without it slashes are month first (US) and dots
 * day first. Returns `null` when unparseable, before 1990 or more than five years after `now`.
 */
export function parseDate(text: string, options: ParseDateOptions = {}): string | null {
  return parseDateDetailed(text, options).value;
}
