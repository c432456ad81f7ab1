/**
 * Salary text → {@link Salary}: amounts with locale separators and k/M/lakh multipliers, ranges,
 * "up to"/"from" bounds, currency and pay period in en/de/fr/es (plus common pt/zh forms).
 * @module
 */
import type { Salary, SalaryPeriod } from '@jobkit/core';
import { CURRENCY_TOKENS, CURRENCY_WORDS, isIsoCurrency, normalizeCurrency } from './currency.js';

/** Options for {@link parseSalary}. */
export interface ParseSalaryOptions {
  /** ISO 4217 code (or symbol) used when the text names no currency. @default undefined (currency null) */
  defaultCurrency?: string;
}

interface Amount {
  value: number;
  start: number;
  end: number;
  /** Multiplier written after the number (k, M, lakh…); 1 when none. */
  mult: number;
  /** The digits had no separators and no multiplier (candidate for a year). */
  bare: boolean;
  currencyAdjacent: boolean;
}

// Separators are ',', '.', apostrophes and the spaces French and Swiss pages put between thousands.
const NUMBER_RE =
  /(?<![\d.,'’])(\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d{1,3}(?:(?:[.,'’\u00a0\u202f\u2009]| (?=\d{3}(?!\d)))\d{3})+(?:[.,]\d{1,2}(?!\d))?|\d+(?:[.,]\d+)?)(?![\d])/g;
const MULT_RE =
  /^\s?(?:(k|tsd\.?|tausend|mil)(?![a-z])|(mio\.?|millions?|millones|millionen|mn)(?![a-z])|(m)(?![a-z/])|(lakhs?|lacs?|lpa|l)(?![a-z])|(crores?|cr)(?![a-z])|(万)|(千))/i;
const MULTS = [1e3, 1e6, 1e6, 1e5, 1e7, 1e4, 1e3] as const;

// Numbers that are not money: durations, percentages, headcounts, "13 months' pay" (13薪).
const NOT_MONEY_AFTER =
  /^\s*\+?\s*(?:years?|yrs?|jahren?|jahre|ans?\b|a[nñ]os|days?|tagen?|jours?|d[ií]as|weeks?|wochen|semaines?|semanas|months?\b|monaten?|%|percent|prozent|pour ?cent|por ?ciento|薪|people|employees|mitarbeiter|hours? (?:per|a|\/) ?week|h\s?\/\s?(?:week|woche|semaine|semana))/i;

const RANGE_SEP = /^(?:-|–|—|~|to|bis|à|a|au|hasta|and|und|et|y|til|till)$/i;
const UP_TO = /(?:up to|upto|bis zu|jusqu['’]?(?:à|a)|hasta|max(?:imum)?\.?|until|≤|<)\s*$/i;
const FROM = /(?:from|starting (?:at|from)|start(?:ing)?|ab|à partir de|a partir de|dès|desde|min(?:imum)?\.?|at least|mindestens|≥|>)\s*$/i;

// Period words; the first one in the text wins ("$25/hr (~$52k/yr)" is hourly).
const PERIODS: ReadonlyArray<readonly [SalaryPeriod, RegExp]> = [
  ['hour', /\/\s*(?:hr|hour|h|std|stunde|heure|hora)\b|\b(?:per|an|a|by the|pro|par|por|la|de l['’]|à l['’])\s*(?:hour|hr|h|stunde|std|heure|hora)\b|\bhourly\b|\bstündlich|stundenlohn|\btaux horaire|\bhoraire\b|\bpor hora\b|\bph\b/i],
  ['day', /\/\s*(?:day|d|tag|jour|día|dia)\b|\b(?:per|a|pro|par|por|al)\s*(?:day|tag|jour|día|dia)\b|\bdaily\b|\btagessatz|\bday rate|\bjournalier|\bdiario\b|\btjm\b/i],
  ['week', /\/\s*(?:week|wk|woche|semaine|semana)\b|\b(?:per|a|pro|par|por|la|a la)\s*(?:week|wk|woche|semaine|semana)\b|\bweekly\b|\bwöchentlich|\bhebdomadaire|\bsemanal\b/i],
  ['month', /\/\s*(?:month|mo|mth|m|monat|mois|mes|mês)(?![a-z])|\b(?:per|a|pro|im|par|por|al|ao)\s*(?:month|mo|mth|monat|mois|mes|mês)(?![a-z])|\bmonthly\b|\bmonatlich|\bmensuel(?:le)?|\bmensual\b|\bmensal\b|\bp\.\s?m\.|\bbrutto\/monat|薪|月/i],
  ['year', /\/\s*(?:year|yr|y|a|jahr|an|año|ano)\b|\b(?:per|a|pro|im|par|por|al|ao)\s*(?:year|yr|annum|jahr|an|año|ano)\b|\bannual(?:ly)?\b|\bannum\b|\bp\.?\s?a\.?(?![a-z])|\byearly\b|\bjährlich|\bjahresgehalt|\bannuel(?:le)?|\banual(?:es)?\b|\bbrut annuel|\blpa\b|\bctc\b|年/i],
];

// A currency token immediately before or after an amount.
const SYMBOL_SRC = CURRENCY_TOKENS.map(([t]) => t.replace(/[$.()*+?[\]\\^|{}]/g, '\\$&')).join('|');
const CURRENCY_RE = new RegExp(`(${SYMBOL_SRC})|\\b([A-Za-z]{3})\\b`, 'g');

/** Rough size of one unit relative to USD, to tell a yearly amount from a monthly one. */
const UNIT_SCALE: Record<string, number> = {
  JPY: 100, INR: 50, KRW: 1000, IDR: 10000, VND: 20000, HUF: 300, CLP: 800, COP: 3000, CNY: 5,
  PHP: 50, THB: 30, RUB: 80, TWD: 30, MXN: 15, BRL: 5, ZAR: 15, TRY: 20, NGN: 1000, PKR: 200, CZK: 20,
  SEK: 10, NOK: 10, DKK: 7, PLN: 4,
};

function parseNumber(text: string): { value: number; separated: boolean } {
  const s = text.replace(/['’\u00a0\u202f\u2009 ]/g, ',');
  const m = /^(.*?)[.,](\d+)$/.exec(s);
  let intPart = s;
  let frac = '';
  if (m) {
    const before = m[1]!;
    const after = m[2]!;
    const lastGroup = before.split(/[.,]/).pop() ?? '';
    // A separator followed by exactly three digits is a thousands separator, unless the digits
    // before it are already longer than a group ("12345.678").
    const isDecimal = after.length !== 3 || lastGroup.length > 3;
    if (isDecimal) {
      intPart = before;
      frac = after;
    }
  }
  const digits = intPart.replace(/\D/g, '');
  return { value: Number(frac ? `${digits}.${frac}` : digits), separated: /[.,]/.test(s) };
}

function findCurrency(text: string): { code: string; start: number; end: number }[] {
  const out: { code: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(CURRENCY_RE)) {
    const start = m.index;
    if (m[1]) {
      // "R" in "R$" or a letter before "$" belongs to a longer token matched separately.
      const prev = text[start - 1];
      if (prev && /[A-Za-z]/.test(prev) && m[1].startsWith('$')) continue;
      const code = normalizeCurrency(m[1]);
      if (code) out.push({ code, start, end: start + m[1].length });
    } else if (m[2]) {
      const word = m[2];
      // Upper-case codes anywhere; lower-case only right next to a number ("100 usd"), so "all"/"top" stay words.
      const near = /\d\s?$/.test(text.slice(Math.max(0, start - 2), start)) || /^\s?\d/.test(text.slice(start + 3, start + 5));
      if ((word === word.toUpperCase() || near) && isIsoCurrency(word.toUpperCase())) {
        out.push({ code: word.toUpperCase(), start, end: start + 3 });
      }
    }
  }
  for (const m of text.matchAll(/\b([A-Za-zéèáíóú]+)\b/g)) {
    const code = CURRENCY_WORDS[m[1]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()];
    if (code) out.push({ code, start: m.index, end: m.index + m[1]!.length });
  }
  return out.sort((a, b) => a.start - b.start);
}

function detectPeriod(text: string): SalaryPeriod | null {
  let best: { period: SalaryPeriod; at: number } | null = null;
  for (const [period, re] of PERIODS) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.at)) best = { period, at: m.index };
  }
  return best?.period ?? null;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Parse a salary string such as `$120k–$150k`, `€50.000 - €60.000 pro Jahr`, `₹12-18 LPA`,
 * `CHF 110'000` or `up to £40,000 per annum`. `raw` is the trimmed input.
 *
 * Decisions: a single amount gives `min = max`; "up to X" gives only `max`, "from X" / "X+" only
 * `min`; `17-30K·13薪` is read as 17,000–30,000 CNY per month (the 13 is the number of monthly
 * salaries paid per year); with no period word, amounts clearly of yearly size are `year`,
 * otherwise `period` is null. Returns `null` when no amount is present (years such as "2024",
 * phone numbers, percentages and durations are not amounts). `min` is never greater than `max`.
 */
export function parseSalary(text: string, options: ParseSalaryOptions = {}): Salary | null {
  const raw = text.trim();
  if (!raw) return null;
  // Remove things that contain digits but are never pay: phone numbers, 401(k), dates.
  const cleaned = raw
    .replace(/\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}/g, (s) => ' '.repeat(s.length))
    .replace(/\(?\b\d{3}\)?[\s.-]\d{3}[.-]\d{4}\b/g, (s) => ' '.repeat(s.length))
    .replace(/\b401\s?\(?k\)?/gi, (s) => ' '.repeat(s.length))
    .replace(/\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b(?!\d)/g, (s) => ' '.repeat(s.length));

  const currencies = findCurrency(cleaned);
  const amounts: Amount[] = [];
  for (const m of cleaned.matchAll(NUMBER_RE)) {
    const start = m.index;
    let end = start + m[0].length;
    const after = cleaned.slice(end);
    if (NOT_MONEY_AFTER.test(after)) continue;
    const { value, separated } = parseNumber(m[1]!);
    let mult = 1;
    const mm = MULT_RE.exec(after);
    if (mm) {
      const idx = mm.slice(1).findIndex(Boolean);
      mult = MULTS[idx] ?? 1;
      end += mm[0].length;
    }
    const currencyAdjacent = currencies.some(
      (c) => (c.end <= start && /^\s*$/.test(cleaned.slice(c.end, start))) || (c.start >= end && /^\s*$/.test(cleaned.slice(end, c.start))),
    );
    amounts.push({ value: value * mult, start, end, mult, bare: !separated && mult === 1, currencyAdjacent });
  }

  // Pair amounts joined by a range word or dash ("$120k–$150k", "45.000€ a 55.000€").
  let pair: [Amount, Amount] | null = null;
  for (let i = 0; i + 1 < amounts.length && !pair; i++) {
    const a = amounts[i]!;
    const b = amounts[i + 1]!;
    const between = cleaned
      .slice(a.end, b.start)
      .replace(new RegExp(SYMBOL_SRC, 'g'), ' ')
      .replace(/\b[A-Z]{3}\b/g, ' ')
      .trim();
    if (RANGE_SEP.test(between)) pair = [a, b];
  }

  const isYear = (x: Amount) => x.bare && x.value >= 1900 && x.value <= 2100 && !x.currencyAdjacent;
  let first: Amount | undefined;
  let second: Amount | undefined;
  if (pair && !(isYear(pair[0]) && isYear(pair[1]))) {
    [first, second] = pair;
    // "17-30K", "₹12-18 LPA", "$100-120k": a multiplier written once applies to both ends.
    if (first.mult === 1 && second.mult !== 1 && first.value < 1000 && first.value * second.mult <= second.value * 2) {
      first = { ...first, value: first.value * second.mult, mult: second.mult };
    }
  } else {
    first = amounts.find((x) => !isYear(x));
  }
  if (!first) return null;

  const currencyCode =
    currencies[0]?.code ??
    (options.defaultCurrency ? normalizeCurrency(options.defaultCurrency) : undefined) ??
    (/薪|万/.test(cleaned) ? 'CNY' : undefined) ??
    null;
  const period = detectPeriod(cleaned);

  let min: number | null;
  let max: number | null;
  if (second) {
    min = first.value;
    max = second.value;
    if (min > max) {
      // A reversed range is swapped; one an order of magnitude off is noise, so keep the first.
      if (min <= max * 10) [min, max] = [max, min];
      else max = min;
    }
  } else {
    const before = cleaned.slice(0, first.start).replace(new RegExp(`(?:${SYMBOL_SRC})\\s*$`), '').replace(/\b[A-Z]{3}\s*$/, '');
    const plus = /^\+/.test(cleaned.slice(first.end));
    if (UP_TO.test(before)) [min, max] = [null, first.value];
    else if (FROM.test(before) || plus) [min, max] = [first.value, null];
    else [min, max] = [first.value, first.value];
  }

  const top = Math.max(min ?? 0, max ?? 0);
  // Without a currency, multiplier or period, a small number is more likely a level or a count.
  if (!currencyCode && first.mult === 1 && !period && top < 1000) return null;
  if (top <= 0) return null;

  let resolvedPeriod = period;
  if (!resolvedPeriod) {
    const scale = (currencyCode ? UNIT_SCALE[currencyCode] : undefined) ?? 1;
    if (top >= 10_000 * scale) resolvedPeriod = 'year';
  }
  return {
    min: min === null ? null : round(min),
    max: max === null ? null : round(max),
    currency: currencyCode,
    period: resolvedPeriod,
    raw,
  };
}
