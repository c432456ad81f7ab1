/**
 * Salary: a salary label in any language, salary markup, a top-card chip, or an amount with a
 * currency in the description ("$95,000 – $115,000 per year").
 * @module
 */
import type { Salary } from '@jobkit/core';
import { parseSalary } from '../normalize/index.js';
import { periodFromUnit } from '../structured/normalize.js';
import { firstText, inLinkedCard, type Page } from './page.js';
import type { Chip } from './top-card.js';

const SALARY_SELECTORS = [
  '[class*="salary" i]',
  '[class*="compensation" i]',
  '[data-ui="job-salary"]',
  '[id*="salary" i]',
  '[class*="wage" i]',
];

/**
 * A money amount or range with its pay period, tried at one position (sticky). It is driven by
 * {@link findSalary}, which never starts it twice in one run of digits: a later start in the run
 * could only end where an earlier one could, so scanning stays linear.
 */
const SALARY_AT =
  /(?:(?:[$€£₹]|\b(?:USD|EUR|GBP|CHF|CAD|AUD|NZD|INR|MXN|SEK|NOK|DKK|PLN|CZK|HUF|RON|AED|SAR|QAR|KWD|BHD|OMR|JOD|EGP|MAD|ZAR|NGN|KES|SGD|HKD|MYR|PHP|IDR|THB|VND|PKR|LKR|BDT|CNY|RMB|JPY|KRW|TWD|BRL|ARS|CLP|COP|PEN|TRY|RUB|UAH|ILS)(?![a-z]))\s?\d[\d.,'’\s]*\d?\s?[kKmM]?\b(?:\s?(?:-|–|—|to|bis|à|a|hasta)\s?(?:[$€£₹]|\b(?:USD|EUR|GBP|CHF|CAD|AUD|INR)(?![a-z]))?\s?\d[\d.,'’\s]*\d?\s?[kKmM]?\b)?(?:\s?(?:USD|EUR|GBP|CHF|€|\$))?|\d[\d.,]*\s?[kK]?\s?(?:-|–|—|bis|à|a)\s?\d[\d.,]*\s?[kK]?\s?(?:€|EUR|USD|\$|£|GBP|CHF)|\d[\d.,]*\s?[kK]?\s?(?:€|EUR))(?:[^.\n]{0,40}?\b(?:per|a|an|\/|pro|par|al|por|brutto|gross|jährlich|annual|annuel|anual|yearly))?(?:\s?(?:year|yr|annum|hour|hr|month|jahr|stunde|monat|an|mois|heure|año|mes|hora))?/iy;
/** Where {@link SALARY_AT} can begin: a currency sign or code, or a digit. */
const SALARY_START =
  /[$€£₹]|\b(?:USD|EUR|GBP|CHF|CAD|AUD|NZD|INR|MXN|SEK|NOK|DKK|PLN|CZK|HUF|RON|AED|SAR|QAR|KWD|BHD|OMR|JOD|EGP|MAD|ZAR|NGN|KES|SGD|HKD|MYR|PHP|IDR|THB|VND|PKR|LKR|BDT|CNY|RMB|JPY|KRW|TWD|BRL|ARS|CLP|COP|PEN|TRY|RUB|UAH|ILS)(?![a-z])|\d/gi;
const isAmountChar = (ch: string | undefined) =>
  ch !== undefined && ((ch >= '0' && ch <= '9') || ch === '.' || ch === ',' || ch === "'" || ch === '’');

/** The leftmost salary in `text`, as a non-sticky exec of {@link SALARY_AT} would find it. */
function findSalary(text: string): RegExpExecArray | null {
  SALARY_START.lastIndex = 0;
  for (let c = SALARY_START.exec(text); c; c = SALARY_START.exec(text)) {
    SALARY_AT.lastIndex = c.index;
    const m = SALARY_AT.exec(text);
    if (m) return m;
    if (c[0] >= '0' && c[0] <= '9') {
      let k = c.index + 1;
      while (isAmountChar(text[k])) k++;
      SALARY_START.lastIndex = k;
    } else {
      SALARY_START.lastIndex = c.index + 1;
    }
  }
  return null;
}

/** Words before an amount that make it a company figure, not pay. */
const NOT_PAY =
  /revenue|turnover|umsatz|chiffre d'affaires|facturación|faturamento|fatturato|omzet|przychod|budget|funding|raised|valuation|investment|investiert|capital|kapital|sales of|verkauf/i;
/** Currency words and signs written after the amount (the sticky matcher reads signs before it). */
const TRAILING_CURRENCY =
  /\d\s?(?:zł|PLN|Kč|CZK|kr\.?|SEK|NOK|DKK|₽|руб|RUB|грн|₴|¥|元|円|₩|원|R\$|TL|₺|Ft|HUF|lei|RON|лв|AED|SAR|درهم|ريال|บาท|₫|VND)(?![\p{L}])/u;

/** The text of the clause before `at` (back to a sentence end, colon or line break; at most 50 characters). */
function clauseBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && at - from < 50) {
    const ch = text[from - 1]!;
    if (ch === '\n' || ch === ':' || ch === ';' || (ch === ' ' && text[from - 2] === '.')) break;
    from--;
  }
  return text.slice(from, at);
}

/** A magnitude word right after an amount ("$100 million", "€2 billion", "5 Mrd."). */
const MAGNITUDE_AFTER = /^\s?(?:million|billion|trillion|bn|mn|mio\.?|mrd\.?|milliards?|millionen|milliarden)\b/i;
/** A pay period in the words after an amount ("… million per year", "… million rupiah a month"). */
const PERIOD_AFTER =
  /\b(?:per|a|an|each|every)\s(?:year|annum|month|week|day|hour)|\/\s?(?:year|yr|month|mo|hour|hr)\b|monthly|yearly|annually/i;

/** The rest of the clause after an amount (to a sentence end, comma or line break; at most 50 characters). */
function clauseAfter(text: string, from: number): string {
  let to = from;
  while (to < text.length && to - from < 50) {
    const ch = text[to]!;
    if (ch === '\n' || ch === ';' || ch === ',' || (ch === '.' && text[to + 1] === ' ')) break;
    to++;
  }
  return text.slice(from, to);
}

/**
 * A company figure rather than pay: a revenue/funding word in the clause before the amount, or
 * after it with a magnitude ("$100 million in funding"), or a magnitude with no pay period.
 */
function companyMoney(text: string, m: RegExpExecArray): boolean {
  if (NOT_PAY.test(clauseBefore(text, m.index))) return true;
  const after = clauseAfter(text, m.index + m[0].length);
  if (!MAGNITUDE_AFTER.test(after)) return false;
  return NOT_PAY.test(after) || !PERIOD_AFTER.test(after);
}

/** Currency signs used by several countries. */
const SHARED_SIGN = /[$¥]|\bkr\b/i;

/** A salary from labelled text (the whole value) or from running text (the first money amount). */
export function salaryFrom(text: string, labelled = false, country?: string): Salary | undefined {
  let m = labelled ? null : findSalary(text);
  // Company facts ("annual revenues of EUR 885 million", "raised $40M", "backed by $100 million
  // in funding") are not pay: look further.
  // So is a board's own estimate ("$68K - $91K/yr (Glassdoor est.)").
  for (
    let tries = 0;
    m && tries < 3 && (companyMoney(text, m) || boardEstimate(lineAround(text, m.index, m.index + m[0].length)));
    tries++
  ) {
    const next = findSalary(text.slice(m.index + m[0].length));
    m = next ? Object.assign(next, { index: next.index + m.index + m[0].length }) : null;
  }
  if (!m && !labelled) {
    // "5 500–6 500 zł brutto / mies.", "от 90 000 ₽", "8 000 Kč": a currency word after the amount
    // (the sticky matcher knows only signs before it): parse the line around the first such word.
    const w = TRAILING_CURRENCY.exec(text);
    if (!w) return undefined;
    const line = lineAround(text, w.index, w.index + w[0].length);
    if (!/\d/.test(line) || NOT_PAY.test(line)) return undefined;
    const parsed = parseSalary(line, country && SHARED_SIGN.test(line) ? { country } : {});
    if (!parsed || (parsed.min === null && parsed.max === null) || [parsed.min, parsed.max].some((v) => v !== null && v < 5))
      return undefined;
    return { ...parsed, period: parsed.period ?? periodFromUnit(line) };
  }
  const source = m ? m[0] : text.slice(0, 200);
  const after = m ? text.slice(m.index + m[0].length, m.index + m[0].length + 30) : '';
  // The amount's own line around it ("RAL 28.000 - 32.000 €", "$19,850.00 MXN", "… bruto per
  // maand"): parseSalary reads pay words, currency codes and periods there and picks the pay figure.
  // The page's country only settles a sign several currencies share ("$", "kr", "¥"); it never
  // turns a bare grade number ("E 13 TV-L", "livello 6") into money.
  const options = country && SHARED_SIGN.test(text) ? { country } : {};
  const parsed = (m ? parseSalary(lineAround(text, m.index, m.index + m[0].length), options) : null) ?? parseSalary(source, options);
  if (!parsed || (parsed.min === null && parsed.max === null)) return undefined;
  const values = [parsed.min, parsed.max].filter((v): v is number => v !== null);
  if (values.some((v) => v < 5)) return undefined;
  const period = parsed.period ?? periodFromUnit(source) ?? periodFromUnit(after);
  return { ...parsed, period };
}

/** Salary labels that state the period ("Monatsgehalt", "月薪", "年収", "เงินเดือน", "الراتب الشهري"). */
const LABEL_PERIOD: ReadonlyArray<readonly [RegExp, 'month' | 'year' | 'hour']> = [
  [
    /month|monat|mensuel|mensual|mensal|mensile|maand|miesię|月薪|月給|月収|เงินเดือน|شهري|месяц|मासिक|प्रतिमाह|प्रति माह|aylık|월급/iu,
    'month',
  ],
  [/annual|year|jahres|annuel|anual|annuo|jaar|roczn|年薪|年収|年俸|سنوي|год|वार्षिक|yıllık|연봉/iu, 'year'],
  [/hour|stunde|horaire|hora|orari|uur|godzin|時給|时薪|ساعة|час|घंटा|saatlik|시급/iu, 'hour'],
];
/**
 * Currencies whose pages state pay per month by convention when they state no period
 * ("от 90 000 до 120 000 ₽", "15,000 - 16,500 บาท"), below a monthly-size ceiling.
 */
const MONTHLY_CONVENTION: Record<string, number> = {
  RUB: 1_500_000,
  UAH: 500_000,
  KZT: 5_000_000,
  BYN: 20_000,
  THB: 500_000,
  PLN: 100_000,
  BRL: 100_000,
  TRY: 500_000,
  VND: 500_000_000,
  IDR: 200_000_000,
  PHP: 500_000,
  EGP: 500_000,
  JOD: 10_000,
};

function withConventions(s: Salary, label?: string): Salary {
  if (s.period) return s;
  if (label) for (const [re, period] of LABEL_PERIOD) if (re.test(label)) return { ...s, period };
  const ceiling = s.currency ? MONTHLY_CONVENTION[s.currency] : undefined;
  const top = s.max ?? s.min;
  // No size-based guess ("$20K - $30K" stays period-less): a yearly reading is an assumption the page
  // does not state, and the comparable annual figure (core's pay annualizer) says when it assumes one.
  if (ceiling && top !== null && top <= ceiling) return { ...s, period: 'month' };
  return s;
}

/** Amounts written with a currency sign: "$90,621", "€ 45.000", "£28K". */
/** The text of the line holding [start, end), at most 80 characters before and 60 after. */
function lineAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < 80 && text[from - 1] !== '\n') from--;
  let to = end;
  while (to < text.length && to - end < 60 && text[to] !== '\n') to++;
  return text.slice(from, to);
}

const SIGNED = /[$€£¥₹₽]\s?\d[\d,.\s]*\d[kK]?|[$€£¥₹₽]\s?\d[kK]?/g;

/**
 * A labelled value that wraps its amounts in prose or grade codes ("GS-14 Step 1 - $90,621 to
 * GS-14 Step 10 $117,810"): the first and last signed amounts are the range.
 */
function labelledValue(text: string): string {
  const signed = text.match(SIGNED);
  if (!signed || signed.length < 2 || text.length < 40) return text;
  const unit = /\b(?:per|a|an|\/)\s*(?:year|annum|month|hour|week|day)\b|\b(?:yearly|annually|monthly|hourly)\b/i.exec(text)?.[0] ?? '';
  return `${signed[0]} - ${signed[signed.length - 1]} ${unit}`.trim();
}

/**
 * "$68K - $91K/yr (Glassdoor est.)", "Estimated: $40K – $52K a year", "$79,000 /yr Median total
 * pay": a board's guess or statistic, not pay the employer stated.
 */
const BOARD_ESTIMATE =
  /\b(?:glassdoor|indeed|ziprecruiter|talent\.com|jooble) est(?:\.|imate)|\(est\.\)|^estimated?\b|\bestimated (?:salary|pay|base pay|by)\b|\b(?:median|average|avg\.?) (?:total |base )?(?:pay|salary)\b/i;

function boardEstimate(text: string): boolean {
  return BOARD_ESTIMATE.test(text) && !/employer/i.test(text);
}

/**
 * `country` (ISO 3166-1 alpha-2: the page's ccTLD or `lang` region, else the posting's place)
 * settles a shared sign: `$` on a Canadian page is CAD, on an Australian one AUD.
 */
export function extractSalary(page: Page, chips: readonly Chip[], description: string, country?: string): Salary | undefined {
  // Where the first card of another posting starts in the description: prose after it is theirs.
  let cardAt = Number.POSITIVE_INFINITY;
  for (const hit of page.labels.get('salary') ?? []) {
    if (inLinkedCard(hit.el, page.url)) {
      const at = description.indexOf(hit.value);
      if (at >= 0 && at < cardAt) cardAt = at;
      continue;
    }
    const value = labelledValue(hit.lines.find((l) => /\d/.test(l)) ?? hit.value);
    if (boardEstimate(value)) continue;
    // The label states what the parser needs ("Sueldo mensual", "RAL", "Salario bruto anual").
    const s = salaryFrom(`${hit.label.slice(0, 60)}: ${value}`, true, country) ?? salaryFrom(value, true, country);
    if (s) return withConventions(s, `${hit.label} ${hit.value}`);
  }
  const marked = firstText(page, SALARY_SELECTORS, 3, 160);
  const fromMarkup = marked && !boardEstimate(marked.text) ? salaryFrom(marked.text, true, country) : undefined;
  if (fromMarkup) return withConventions(fromMarkup, marked!.text);
  for (const c of chips) {
    if (c.kind !== 'salary' || boardEstimate(c.text)) continue;
    const s = salaryFrom(c.text, true, country);
    if (s) return withConventions(s, c.text);
  }
  const inText = salaryFrom(description.slice(0, Math.min(cardAt, 20_000)), false, country);
  return inText ? withConventions(inText) : undefined;
}
