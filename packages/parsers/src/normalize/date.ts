/**
 * Dates as job pages write them → ISO 8601: ISO, RFC 2822, numeric (de/us), "5 March 2024" in
 * en/de/fr/es (via chrono-node), relative ("3 days ago", "vor 3 Tagen", "hace 5 días"), Unix time.
 * @module
 */
import * as chrono from 'chrono-node';

/** Options for {@link parseDate}. */
export interface ParseDateOptions {
  /** Reference time for relative dates. @default new Date() */
  now?: Date;
}

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
  [/^(?:min|minute|minutes|minuten|minutos|mn)$/i, 60_000],
  [/^(?:h|hr|hrs|hour|hours|stunde|stunden|heure|heures|hora|horas)$/i, 3_600_000],
  [/^(?:d|day|days|tag|tage|tagen|jour|jours|día|días|dia|dias)$/i, DAY],
  [/^(?:w|wk|week|weeks|woche|wochen|semaine|semaines|semana|semanas)$/i, 7 * DAY],
  [/^(?:mo|month|months|monat|monate|monaten|mois|mes|meses)$/i, 30 * DAY],
  [/^(?:y|yr|year|years|jahr|jahre|jahren|an|ans|año|años)$/i, 365 * DAY],
];
const ONE = /^(?:a|an|one|ein|einem|einer|un|une|uno|una)$/i;

function relative(t: string, now: Date): string | null {
  if (/^(?:today|just (?:now|posted)|heute|aujourd['’]hui|hoy|new|neu|nouveau|nuevo)\b/i.test(t)) return ymd(now);
  if (/^(?:yesterday|gestern|hier|ayer)\b/i.test(t)) return ymd(new Date(now.getTime() - DAY));
  const m =
    /^(\d+|a|an|one)\+?\s*(\p{L}+)\s+ago\b/iu.exec(t) ??
    /^vor\s+(\d+|einem|einer|ein)\+?\s*(\p{L}+)/iu.exec(t) ??
    /^il y a\s+(\d+|un|une)\+?\s*(\p{L}+)/iu.exec(t) ??
    /^hace\s+(\d+|un|una|uno)\+?\s*(\p{L}+)/iu.exec(t);
  if (!m) return null;
  const n = ONE.test(m[1]!) ? 1 : Number(m[1]);
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

function absolute(t: string, now: Date): string | null {
  if (/^\d{10}(?:\.\d+)?$/.test(t)) return new Date(Number(t) * 1000).toISOString();
  if (/^\d{13}$/.test(t)) return new Date(Number(t)).toISOString();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (m) return validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  // ISO date-time: keep the offset as written; no offset stays local (as ISO 8601 allows).
  m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (m) {
    const time = m[2]!.length === 5 ? `${m[2]}:00` : m[2]!;
    const zone = m[3] ? (m[3].toUpperCase() === 'Z' ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : '';
    const out = `${m[1]}T${time}${zone}`;
    return Number.isNaN(Date.parse(out)) || !validYmd(...(m[1]!.split('-').map(Number) as [number, number, number])) ? null : out;
  }
  // 05.03.2024, 05-03-2024, 03/05/2024, 25/03/2024.
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    // Slashes are US order when the first part can be a month; dots and dashes are day first.
    if (t.includes('/') && a <= 12) return validYmd(Number(m[3]), a, b);
    return validYmd(Number(m[3]), b, a);
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
  for (const parser of [chrono.en, chrono.de, chrono.fr, chrono.es]) {
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

/**
 * Parse a date into ISO 8601: date-only inputs give `YYYY-MM-DD`, date-times keep their time zone.
 * Handles "Posted 3 days ago", "Posted today", "30+ Days Ago" (now − 30 days), "vor 3 Tagen",
 * "il y a 2 jours", "hace 5 días", Unix seconds or milliseconds. Slash dates with both parts ≤ 12
 * are read month first (US), dotted dates day first. Returns `null` when unparseable, before 1990
 * or more than five years after `now`.
 */
export function parseDate(text: string, options: ParseDateOptions = {}): string | null {
  const now = options.now ?? new Date();
  let t = String(text ?? '').trim().replace(/\s+/g, ' ');
  if (!t) return null;
  t = t.replace(/^(?:(?:date )?posted(?: on)?|published(?: on)?|updated(?: on)?|listed|veröffentlicht(?: am)?|publiée?(?: le)?|mis en ligne(?: le)?|publicado(?: el)?|publicada(?: el)?|am|le|el)\s*:?\s*/i, '');
  const out = relative(t, now) ?? absolute(t, now);
  if (!out) return null;
  const ms = Date.parse(out);
  if (Number.isNaN(ms)) return null;
  if (new Date(ms).getUTCFullYear() < MIN_YEAR || ms > now.getTime() + MAX_AHEAD_MS) return null;
  return out;
}
