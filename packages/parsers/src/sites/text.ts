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
  [/^(?:周|週|星期|週間|أسبوع|أسابيع|اسابيع|неделю|недели|недель|settimane|settimana|semana|semanas|week|weken|tygodni[ea]?|tydzień)$/iu, 7 * DAY],
  [/^(?:个月|個月|月|ヶ月|か月|شهر|أشهر|اشهر|месяц|месяца|месяцев|mesi|mese|mês|meses|maand|maanden|miesiąc|miesiące|miesięcy)$/iu, 30 * DAY],
  [/^(?:年|سنة|سنوات|год|года|лет|anni|anno|ano|anos|jaar|rok|lata|lat)$/iu, 365 * DAY],
];

const TODAY = /^(?:today|just posted|just now|active today|posted today|heute|aujourd['’]hui|hoy|hoje|oggi|vandaag|dzisiaj|сегодня|اليوم|今天|今日|刚刚|剛剛|本日)\b|^(?:今天|今日|刚刚|剛剛|本日)/iu;
const YESTERDAY = /^(?:yesterday|gestern|hier|ayer|ontem|ieri|gisteren|wczoraj|вчера|أمس|امس)\b|^(?:昨天|昨日)/iu;

/** "3天前", "3日前", "منذ 3 أيام", "3 дня назад", "há 3 dias", "3 giorni fa", "3 dagen geleden", "3 dni temu". */
function localizedRelative(t: string, now: Date): string | null {
  if (TODAY.test(t)) return ymd(now);
  if (YESTERDAY.test(t)) return ymd(new Date(now.getTime() - DAY));
  const m =
    /^(\d+)\+?\s*(\p{L}+?)(?:之)?前/u.exec(t) ??
    /^منذ\s+(?:(\d+)\s*)?(\p{L}+)/u.exec(t) ??
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

/** Prefixes boards put before a date ("Posted", "Active", "Reposted", "Date posted:", "发布于"). */
const DATE_PREFIX =
  /^(?:(?:date\s+)?(?:re)?posted(?:\s+on)?|active|employer active|listed(?:\s+on)?|published(?:\s+on)?|updated|online seit|erschienen am|veröffentlicht(?:\s+am)?|publiée?(?:\s+le)?|publicado(?:\s+el|\s+em)?|pubblicato(?:\s+il)?|geplaatst(?:\s+op)?|opublikowano|опубликовано|تاريخ النشر|نشر(?:ت)?(?:\s+في)?|发布(?:于|时间)?|發布(?:於)?|更新于|掲載日)\s*(?:[:：]\s*)?/iu;

/**
 * A date as a board writes it → `YYYY-MM-DD` (or an ISO date-time when the text has a time).
 * Reads localized relative forms and the site's numeric order, then defers to `parseDate`.
 */
export function siteDate(text: string, now: Date, order?: 'dmy' | 'mdy' | 'ymd'): string | undefined {
  const t = text.replace(/\s+/g, ' ').trim().replace(DATE_PREFIX, '').replace(/^(?:on|am|le|el|em|il)\s+/i, '').trim();
  if (!t || t.length > 80) return undefined;
  const out = localizedRelative(t, now) ?? monthDay(t, now) ?? (order ? ordered(t, order) : null) ?? parseDate(t, { now });
  if (!out || Number.isNaN(Date.parse(out))) return undefined;
  const ms = Date.parse(out);
  // A posting date is never in the future; relative forms can be read a day off around midnight.
  return ms > now.getTime() + 2 * DAY && /posted|active|前|منذ|назад/i.test(text) ? undefined : out;
}

/** Employment words the shared normalizer lacks (zh, ja, ar), checked after it. */
const EXTRA_EMPLOYMENT: ReadonlyArray<readonly [EmploymentType, RegExp]> = [
  ['full_time', /全职|全職|正社員|フルタイム|دوام كامل|دوام كلي|полная занятость|tempo integrale|tempo pieno|voltijd|pełny etat/iu],
  ['part_time', /兼职|兼職|パート|アルバイト|دوام جزئي|частичная занятость|tempo parziale|part-time|deeltijd|niepełny etat/iu],
  ['internship', /实习|實習|インターン|تدريب|стажировка|tirocinio|stage|praktyk/iu],
  ['contract', /合同工|派遣|契約社員|عقد|договор|contratto a progetto/iu],
  ['temporary', /临时|臨時|期間限定|مؤقت|временная/iu],
];

export function siteEmployment(text: string): EmploymentType[] {
  const found = parseEmploymentType(text);
  if (found.length > 0) return found;
  return EXTRA_EMPLOYMENT.filter(([, re]) => re.test(text)).map(([t]) => t);
}
