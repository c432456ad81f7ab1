/**
 * The small grammar over salary tokens: amounts (number + multiplier + currency), groups (a
 * range or one amount with its bound), then the group the text states as its pay. Every look
 * around an amount is a window of a few tokens, so the whole pass is linear in the tokens.
 * @module
 */
import type { SalaryPeriod } from '@jobkit/core';
import {
  CURRENCY_SIGNS,
  CURRENCY_WORDS,
  type CurrencyContext,
  isAmbiguous,
  isIsoCurrency,
  PREFIXED_SIGN,
  resolveAmbiguousCurrency,
  THREE_DECIMAL_CURRENCIES,
} from '../currency.js';
import {
  BETWEEN_ONLY,
  BETWEEN_WORDS,
  COUNT_NOUNS,
  DIFFERENCE_AFTER,
  JOB_WORDS,
  LESS_THAN,
  MAX_AFTER,
  MAX_BEFORE,
  MIN_AFTER,
  MIN_BEFORE,
  MORE_THAN,
  MULT_NEEDS_CURRENCY,
  MULTIPLIERS,
  NOT_MONEY_AFTER,
  NOT_PAY_AFTER_ONLY,
  NOT_PAY_WORDS,
  PAY_WORDS,
  PER_WORDS,
  PERIOD_AFTER_P,
  RANGE_WORDS,
  SHORT_PERIOD,
  STRONG_PERIOD,
  UNIT_PERIOD,
} from './lexicon.js';
import { NUM, SYM, type Token, WORD } from './tokenize.js';

/** Amounts above this are never pay (and catch overflow: a 400-digit number is Infinity). */
const MAX_AMOUNT = 1e12;

/** What the grammar read; `parseSalary` turns it into a `Salary`. */
export interface SalaryReading {
  min: number | null;
  max: number | null;
  currency: string | null;
  period: SalaryPeriod | null;
  /** Monthly salaries paid per year when stated ("·13薪"). */
  monthsPerYear?: number;
}

interface Amount {
  /** Token range [first, last] including currency and multiplier. */
  first: number;
  last: number;
  num: number;
  value: number;
  mult: number;
  /** The multiplier word as written ("lakh", "triệu"), if any. */
  multWord: string | undefined;
  /** Currency mark (ISO code or family placeholder) written next to the number. */
  currency: string | null;
  /** The number had separators or a multiplier (a bare "10115" may be a postcode). */
  shaped: boolean;
  /** LPA and friends name a period themselves. */
  period: SalaryPeriod | null;
  count: boolean;
}

interface Group {
  a: Amount;
  b: Amount | null;
  first: number;
  last: number;
  open: boolean;
}

// Words that make a bare number a count, a code or a reference when written just before it.
const NOT_PAY_BEFORE: ReadonlySet<string> = new Set([
  'hours',
  'hrs',
  'hour',
  'stunden',
  'heures',
  'horas',
  'ore',
  'uur',
  'experience',
  'age',
  'aged',
  'size',
  'headcount',
  'founded',
  'established',
  'since',
  'tel',
  'phone',
  'call',
  'fax',
  'mobile',
  'zip',
  'postcode',
  'postal',
  'plz',
  'cp',
  'room',
  'suite',
  'unit',
  'floor',
  'ref',
  'reference',
  'id',
  'requisition',
  'req',
  'order',
  'version',
  'v',
  'release',
  'level',
  'grade',
  'step',
  'band',
  'rank',
  'point',
  'points',
  'scale',
  'spine',
  'pay-point',
  'no',
  'nr',
  'number',
  'job',
  'iso',
  'top',
  'over',
  'more',
  'than',
]);
const APPROX: ReadonlySet<string> = new Set([
  '~',
  '≈',
  'approx',
  'approximately',
  'equivalent',
  'equates',
  'equating',
  'roughly',
  'circa',
  'ca',
  'i.e',
  'ie',
  'equal',
  'environ',
  'ungefähr',
  'etwa',
  'aprox',
  'aproximadamente',
  'aprox.',
  'prorata',
  'pro-rata',
  'actual',
  'fte',
]);
const LABEL_GLUE: ReadonlySet<string> = new Set([':', 'of', 'is', '=', 'at', 'for', '-', '–']);
// Words after an amount that start another item ("£30k plus bonus", "45.000 € zzgl. Bonus").
const SOFT_STOPS: ReadonlySet<string> = new Set([
  '+',
  ',',
  'z',
  'ze',
  '(',
  '＋',
  '，',
  '、',
  'plus',
  'and',
  '&',
  'with',
  'or',
  'incl',
  'inc',
  'including',
  'excl',
  'excluding',
  'und',
  'oder',
  'mit',
  'zzgl',
  'zuzüglich',
  'inkl',
  'inklusive',
  'et',
  'ou',
  'avec',
  'y',
  'o',
  'con',
  'más',
  'e',
  'além',
  'oltre',
  'og',
  'och',
  'i',
  'oraz',
  'и',
]);
const OPEN_RANGE: ReadonlySet<string> = new Set(['-', '–', '—', '~', '〜', '～', 'to']);

/** Number text → value; `threeDecimals` reads a lone `.ddd` as a decimal (dinars). NaN when absurd. */
function numberValue(text: string, threeDecimals: boolean): number {
  let lastSep = -1;
  let lastSepChar = '';
  let commas = 0;
  let dots = 0;
  let spaces = 0;
  let digits = 0;
  let firstGroup = -1;
  let irregular = false;
  let groupStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c >= '0' && c <= '9') {
      digits++;
      continue;
    }
    const len = i - groupStart;
    if (firstGroup < 0) firstGroup = len;
    else if (len !== 3 && !(c === ',' && lastSepChar === ',' && len === 2)) irregular = true;
    if (c === ',') commas++;
    else if (c === '.') dots++;
    else spaces++;
    lastSep = i;
    lastSepChar = c;
    groupStart = i + 1;
  }
  if (digits > 15) return NaN;
  if (lastSep < 0) return Number(text);
  const tail = text.length - lastSep - 1;
  let decimalAt = -1;
  if ((lastSepChar === ',' && dots > 0 && dots + commas > 1 && commas === 1) || (lastSepChar === '.' && commas > 0 && dots === 1)) {
    decimalAt = lastSep; // "1.234,56" / "1,234.56"
  } else if (lastSepChar === ',' || lastSepChar === '.') {
    const same = lastSepChar === ',' ? commas : dots;
    if (same === 1 && spaces > 0)
      decimalAt = tail <= 2 ? lastSep : -1; // "550 000,50"
    else if (same === 1 && tail !== 3)
      decimalAt = lastSep; // "18,50", "1.5", "0.1234"
    // Three-decimal currencies: "650.000" is 650, but "1.250 د.ك" is 1,250 (no one is paid 1.25 dinars).
    else if (
      same === 1 &&
      tail === 3 &&
      (firstGroup > 3 || (lastSepChar === '.' && threeDecimals && spaces === 0 && Number(text.slice(0, lastSep)) >= 50))
    )
      decimalAt = lastSep;
    else if (same > 1 && irregular) return NaN; // "1.2.3", "05.03.2024": versions and dates
  }
  let intPart = '';
  let frac = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c >= '0' && c <= '9') {
      if (decimalAt >= 0 && i > decimalAt) frac += c;
      else intPart += c;
    }
  }
  if (decimalAt < 0 && irregular && !(lastSepChar === ',' && commas > 1)) {
    // Mixed group sizes with one separator kind ("12,34,567" is Indian and fine; "1,23" was decimal above).
    if (spaces === 0) return NaN;
  }
  return Number(frac ? `${intPart}.${frac}` : intPart);
}

/** Read the salary in `tokens`; `hint` is the caller's ISO currency, if any. */
export function readSalary(tokens: readonly Token[], hint: string | undefined, payField = false): SalaryReading | null {
  const n = tokens.length;
  const ctx = languageContext(tokens, hint);

  /** Currency mark at token i, with the index of its first token (for "NT$", "CA$", "R$"). */
  const currencyAt = (i: number, numberNear: boolean): { mark: string; from: number } | null => {
    const t = tokens[i];
    if (!t || t.kind === NUM) return null;
    if (t.kind === SYM) {
      const sign = CURRENCY_SIGNS[t.text];
      if (!sign) return null;
      const prev = tokens[i - 1];
      if (t.text === '£' && prev && prev.kind === WORD && !t.space && prev.text === 'e' && prev.upper) return { mark: 'EGP', from: i - 1 };
      if ((t.text === '$' || t.text === '¥') && prev && prev.kind === WORD && !t.space) {
        const code =
          PREFIXED_SIGN[prev.text] ?? (prev.upper && isIsoCurrency(prev.text.toUpperCase()) ? prev.text.toUpperCase() : undefined);
        if (code) return { mark: code, from: i - 1 };
      }
      return { mark: sign, from: i };
    }
    const w = t.text;
    if ((t.upper || (numberNear && COMMON_CODES.has(w))) && w.length === 3 && /^[a-z]{3}$/.test(w) && isIsoCurrency(w.toUpperCase())) {
      return { mark: w.toUpperCase(), from: i };
    }
    // South African rand: a capital R glued to the number ("R25 000").
    // "R 450 000", "R 15,000" with a space only when the number is written with thousands separators.
    // Guatemalan quetzal "Q6,000" likewise, but only on a number with thousands ("Q3" is a quarter).
    const rNum = tokens[i + 1];
    if ((w === 'r' || w === 'q') && t.upper && numberNear && rNum?.kind === NUM) {
      const thousands = /^\d{1,3}[ ,.]\d{3}/.test(rNum.text);
      const withK = tokens[i + 2]?.text === 'k' && !tokens[i + 2]!.space; // "R 35k pm"
      if (w === 'r' ? !rNum.space || thousands || withK : !rNum.space && thousands) return { mark: w === 'r' ? 'ZAR' : 'GTQ', from: i };
    }
    // "Rs." / "kr." keep their dot.
    const mark = CURRENCY_WORDS[w] ?? CURRENCY_WORDS[fold(w)];
    if (!mark) return null;
    // Short or common-word currencies ("rs", "kr", "real", "won") count only next to a number.
    if (!numberNear && (w.length <= 3 || w === 'real' || w === 'won' || w === 'rand' || w === 'sol')) return null;
    return { mark, from: i };
  };

  // ---- amounts ----
  const amounts: Amount[] = [];
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (t.kind !== NUM) continue;
    let first = i;
    let last = i;
    let currency: string | null = null;
    let period: SalaryPeriod | null = null;
    // Currency before: "$ 50", "USD 50", "NT$ 60,000", "CHF 8 000".
    let before = currencyAt(i - 1, true);
    // "Rs. 50,000", "kr. 40.000", "Fr. 8000"
    if (!before && tokens[i - 1]?.text === '.' && tokens[i - 2]?.kind === WORD) before = currencyAt(i - 2, true);
    // Peruvian sol "S/ 3,500", "S/.4000"
    if (!before) {
      let k = i - 1;
      if (tokens[k]?.text === '.' && !tokens[k]!.space) k--;
      if (tokens[k]?.text === '/' && tokens[k - 1]?.text === 's' && tokens[k - 1]!.upper && !tokens[k]!.space)
        before = { mark: 'PEN', from: k - 1 };
    }
    if (before) {
      currency = before.mark;
      first = before.from;
    }
    // Multiplier after: "60k", "1.5万", "12 LPA", "25万円".
    let mult = 1;
    // "$10+ billion": the plus sits between the number and its multiplier.
    const plusMult = tokens[i + 1]?.text === '+' && tokens[i + 2]?.kind === WORD && (MULTIPLIERS.get(tokens[i + 2]!.text) ?? 0) >= 1e6;
    const next = plusMult ? tokens[i + 2] : tokens[i + 1];
    let multWord: string | undefined;
    let extra = 0;
    if (next && next.kind === WORD) {
      const w = next.text;
      const compound = COMPOUND[w];
      // "年薪30-50W", "1.5W": Chinese pay text writes 万 as W.
      if (w === 'w' && !next.space && ctx.zhMoney) {
        mult = 1e4;
        multWord = '万';
        last = i + 1;
      } else if (w === 'т' && tokens[i + 2]?.text === '.' && tokens[i + 3]?.text === 'р') {
        // "50-70 т.р.": thousand roubles, written with dots.
        mult = 1e3;
        currency ??= 'RUB';
        multWord = 'тыс';
        last = tokens[i + 4]?.text === '.' && !tokens[i + 4]!.space ? i + 4 : i + 3;
      } else if (
        w === '천' &&
        !next.space &&
        tokens[i + 2]?.kind === NUM &&
        !tokens[i + 2]!.space &&
        /^[1-9]$/.test(tokens[i + 2]!.text) &&
        (tokens[i + 3]?.text === '백만원' || tokens[i + 3]?.text === '백만') &&
        !tokens[i + 3]!.space
      ) {
        // "3천5백만원": 3 thousand 5 hundred 만 won (35,000,000).
        mult = 1e7;
        extra = Number(tokens[i + 2]!.text) * 1e6;
        multWord = '만';
        if (tokens[i + 3]!.text === '백만원') currency ??= 'KRW';
        last = i + 3;
      } else if (w === 'e' && !next.space && (tokens[i + 2]?.text === 'ft' || tokens[i + 2]?.text === 'huf')) {
        // Hungarian "400e Ft": e (ezer) is a thousand.
        mult = 1e3;
        multWord = 'ezer';
        last = i + 1;
      } else if (compound) {
        mult = compound[0];
        currency ??= compound[1];
        multWord = w;
        last = i + 1;
      } else if (
        MULTIPLIERS.has(w) &&
        !(
          next.space &&
          w.length === 1 &&
          w !== 'k' &&
          !(tokens[i + 2]?.kind === SYM && !tokens[i + 2]!.space && CURRENCY_SIGNS[tokens[i + 2]!.text])
        )
      ) {
        multWord = w;
        mult = MULTIPLIERS.get(w)!;
        last = plusMult ? i + 2 : i + 1;
        if (w === 'lpa') period = 'year';
        if (tokens[i + 2]?.text === '.' && !tokens[i + 2]!.space && (w === 'tys' || w === 'тыс' || w === 'tsd' || w === 'mio'))
          last = i + 2;
      }
    }
    // "20万3,000円": a 万/億 figure with the rest written after it.
    if ((mult === 1e4 || mult === 1e8) && last === i + 1 && tokens[i + 2]?.kind === NUM && !tokens[i + 2]!.space) {
      const rest = numberValue(tokens[i + 2]!.text, false);
      const unitAfter = tokens[i + 3]?.text;
      if (/^[1-9]$/.test(tokens[i + 2]!.text) && unitAfter !== '千' && unitAfter !== '千円' && unitAfter !== '千元' && unitAfter !== '万') {
        // "到手1万2", "1万5": one digit after 万 is its next place (12,000, 15,000).
        extra = (rest * mult) / 10;
        last = i + 2;
      } else if (rest < mult) {
        extra = rest;
        last = i + 2;
        const unit = tokens[last + 1]?.text;
        if (mult === 1e8 && (unit === '万' || unit === '萬' || unit === '万円' || unit === '万元')) {
          extra *= 1e4; // "1億2000万円"
          last++;
          if (unit === '万円') currency ??= 'JPY';
          else if (unit === '万元') currency ??= 'CNY';
        } else if (unit === '千' || unit === '千円' || unit === '千元') {
          extra *= 1e3; // "18万5千円"
          last++;
          if (unit !== '千') currency ??= unit === '千円' ? 'JPY' : 'CNY';
        }
      }
    }
    // Currency after: "50.000 €", "100 USD", "25万円", "3000 zł".
    if (!currency) {
      const after = currencyAt(last + 1, true);
      if (after) {
        currency = after.mark;
        last = last + 1;
        if (tokens[last + 1]?.text === '.' && (tokens[last]!.text === 'rs' || tokens[last]!.text === 'kr')) last++;
      }
    }
    if (currency) {
      const code = tokens[first]!;
      const word = tokens[last]!.kind === WORD ? tokens[last]!.text : '';
      const digits = t.text;
      if (
        // "1 TL Wasser", "2 TL Gemüsebrühe": German teaspoons, not lira.
        (word === 'tl' && currency === 'TRY' && last === i + 1 && /^\d$/.test(digits)) ||
        // "65.06 sek.": Swedish seconds; the krona is written SEK.
        (word === 'sek' && !tokens[last]!.upper && tokens[last + 1]?.text === '.') ||
        // "EURO 2024", "Euro 2020-fuelled": the football championship.
        (code.kind === WORD &&
          code.text === 'euro' &&
          first === i - 1 &&
          digits.length === 4 &&
          (digits[0] === '1' || digits[0] === '2')) ||
        // "RS232", "RS485": a serial port; rupees are written "Rs".
        (code.kind === WORD && code.upper && first === i - 1 && !t.space && code.text === 'rs' && digits.length <= 3)
      ) {
        currency = null;
        first = i;
        if (last > i && tokens[last]!.kind === WORD && !MULTIPLIERS.has(tokens[last]!.text)) last = i;
      }
    }
    // "₹40–60L": the far end of a range takes the currency written on the near end.
    const near = amounts[amounts.length - 1];
    const rangeCurrency = near?.currency != null && near.last === i - 2 && RANGE_WORDS.has(tokens[i - 1]?.text ?? '');
    // "Lương 12 - 18 tr": tr is triệu (million dong) in Vietnamese pay text.
    const viMillion = (multWord === 'tr' || multWord === 'củ') && ctx.vi;
    if (multWord && MULT_NEEDS_CURRENCY.has(multWord) && !currency && !rangeCurrency && !viMillion) {
      // "5 m" is a length, "3 b" a building: drop the multiplier, keep the number.
      mult = 1;
      last = i;
      if (currencyAt(i + 2, true)) {
        mult = MULTIPLIERS.get(multWord)!;
        last = i + 1;
      }
    }
    const count = isCount(tokens, i, last, currency !== null);
    // Dinars and rials write three decimals ("650.000" is 650); so does Arabic text naming no currency.
    const threeDecimals = currency === null ? ctx.arabic : THREE_DECIMAL_CURRENCIES.has(currency) || currency === 'DINAR';
    const raw = numberValue(t.text, threeDecimals);
    const value = raw * mult + extra;
    const shaped = mult !== 1 || /[.,' ]/.test(t.text);
    amounts.push({ first, last, num: i, value, mult, multWord: mult === 1 ? undefined : multWord, currency, shaped, period, count });
    i = Math.max(i, last);
  }
  if (!amounts.length) return null;

  // ---- groups ----
  const groups: Group[] = [];
  for (let k = 0; k < amounts.length; k++) {
    const a = amounts[k]!;
    const b = amounts[k + 1];
    if (b && (a.count || b.count) && joins(tokens, { ...a, count: false }, { ...b, count: false })) {
      // "3-5 years", "14-16薪": a range of counts. "Grade 8 - $68,622" keeps the amount.
      if (!(a.count && !b.count && b.currency && !a.currency)) k++;
      continue;
    }
    if (b && joins(tokens, a, b)) {
      groups.push({ a, b, first: a.first, last: b.last, open: false });
      k++;
      continue;
    }
    // "NT$ 60,000 - (月薪)", "60,000 -": a dash with nothing after is an open range.
    const dash = tokens[a.last + 1];
    let open = false;
    if (dash && OPEN_RANGE.has(dash.text)) {
      const after = tokens[a.last + 2];
      // A trailing wave dash is "and up" in Japanese ("8,000円〜 交通費支給").
      const wave = dash.text === '~' || dash.text === '〜';
      open =
        !after ||
        after.brk ||
        after.text === '(' ||
        after.text === '（' ||
        isStrongPeriod(after.text) ||
        after.text === ')' ||
        (wave && after.kind !== NUM && !CURRENCY_SIGNS[after.text]);
    }
    groups.push({ a, b: null, first: a.first, last: open ? a.last + 1 : a.last, open });
  }

  // ---- choose the pay group ----
  const topic = textTopic(tokens);
  let best: { g: Group; score: number; pay: boolean; period: SalaryPeriod | null } | null = null;
  for (const g of groups) {
    if (g.a.count || g.b?.count) continue;
    if (!Number.isFinite(g.a.value) || (g.b && !Number.isFinite(g.b.value))) continue;
    if (g.a.value > MAX_AMOUNT || (g.b && g.b.value > MAX_AMOUNT)) continue;
    const ctxInfo = context(tokens, g, topic.germanRate);
    if (ctxInfo.negative) continue;
    const period = g.a.period ?? g.b?.period ?? attachedPeriod(tokens, g);
    const currency = g.a.currency ?? g.b?.currency;
    // A bare small number ("hire 3 devs") is rarely the pay when something else is on offer.
    const bare = !currency && !g.a.shaped && !g.b && g.a.value < 100 ? 2 : 0;
    const score =
      (ctxInfo.pay ? 4 : 0) +
      (currency ? 2 : 0) +
      (period ? 2 : 0) +
      (g.b || g.open ? 1 : 0) +
      (g.a.mult !== 1 ? 1 : 0) -
      ctxInfo.approx -
      bare;
    if (!best || score > best.score) best = { g, score, pay: ctxInfo.pay, period };
  }
  if (!best) return null;
  const { g } = best;
  // A sentence that names no pay, work or earning anywhere is about a price, a loan, a fine or company
  // money ("Bei Aldi erhalten Sie einen Werkzeugwagen für 179 Euro.", "The masks, worth ¥40,000, …"),
  // and so is an amount right after "for"/"für"/"statt"/"only" in a text with no such word ("Sky Ticket
  // für 9,99 statt 29,99 Euro"). Short values (a pay field, "Manager $130-105K") keep their reading.
  // A figure of wage size for the period it states reads as pay even in a sentence ("We need a line cook,
  // $18-22 an hour", "Bis zu 4.000 € im Monat warten auf Sie"); prices, rates and fees stay below these.
  const sign = g.a.currency ?? g.b?.currency;
  const roughScale = (sign ? (UNIT_SCALE[sign] ?? FAMILY_SCALE[sign]) : undefined) ?? 1;
  const wageTop = Math.max(g.a.value, g.b?.value ?? 0);
  const wageSized =
    best.period !== null && wageTop >= WAGE_RANGE[best.period][0] * roughScale && wageTop <= WAGE_RANGE[best.period][1] * roughScale;
  if (!payField && !best.pay && !topic.pay && topic.cjk === 0 && !wageSized) {
    const lead = tokens[g.first - 1];
    if (lead?.kind === WORD && PRICE_BEFORE.has(lead.text)) return null;
    // "2.500 Euro für Förderverein", "$400 for the course": money for a thing, unless for a period of time.
    const tail = tokens[g.last + 1];
    const article = tokens[g.last + 2];
    const what = article && ARTICLES.has(article.text) ? tokens[g.last + 3] : article;
    if (
      tail?.kind === WORD &&
      FOR_AFTER.has(tail.text) &&
      what &&
      !(what.kind === WORD && (UNIT_PERIOD.has(what.text) || isStrongPeriod(what.text)))
    )
      return null;
    // An amount that opens the text, a line or a segment ("$500 per day, Benefits: …", "Care Assistant –
    // Vale of Glamorgan – £11.50 per hour") is a value with notes around it, not a figure inside a sentence.
    let opens = true;
    for (let k = g.first - 1; k >= 0 && opens; k--) {
      const t = tokens[k]!;
      if (t.kind !== SYM) opens = false;
      else if (t.brk || (t.space && SEGMENT_MARKS.has(t.text))) break;
    }
    // A bare number opening a sentence ("2.500 Kochfans haben … getestet") is a count, not a value.
    if ((!opens || (!sign && best.period === null)) && topic.words >= PROSE_WORDS) return null;
  }
  const { a: ga, b: gb } = g;
  let a = ga;
  let b = gb;

  // Currency: the group's own, then any currency written near a number in the text, then the hint.
  let mark = a.currency ?? b?.currency ?? null;
  if (!mark)
    for (const x of amounts)
      if (x.currency) {
        mark = x.currency;
        break;
      }
  mark ??= globalCurrency(tokens, currencyAt);
  let currency: string | null = mark ? (isAmbiguous(mark) ? resolveAmbiguousCurrency(mark, ctx) : mark) : null;
  // A bare $ read as dollars in Spanish pay text that names no currency otherwise.
  const spanishBareDollar = mark === 'DOLLAR' && currency === 'USD' && !hint && ctx.es && !ctx.codes?.length;
  const largest = Math.max(a.value, b?.value ?? 0);
  const dotThousands = DOT_THOUSANDS.test(tokens[a.num]!.text);
  // "Sueldo: $12,000 a $14,000 (Mensual)": a bare $ in Spanish pay text, peso-sized and written with
  // comma thousands as Mexico does, is MXN (dot thousands are Argentina, Chile or Colombia: left alone).
  if (spanishBareDollar && largest >= 5000 && a.mult === 1 && !dotThousands) {
    currency = 'MXN';
  }
  // "$ 950.000 brutos mensuales", "Sueldo: $1.200.000 líquidos": a bare $ in Spanish pay text with dot
  // thousands and a six-figure amount is a southern-cone or Colombian peso, never dollars; Chilean pay
  // words (líquido, renta) make it CLP, otherwise the peso stays unnamed (pass `country`).
  if (spanishBareDollar && largest >= 100_000 && dotThousands) {
    currency = ctx.cl ? 'CLP' : null;
    mark = 'PESO';
  }
  if (!currency && hint) currency = hint;
  if (!currency && ctx.zhMoney && ctx.ja === 0 && !ctx.jaMoney) currency = 'CNY';
  if (!currency && ctx.jaMoney) currency = 'JPY';
  // "元" in traditional-Chinese text is the Taiwan dollar (104.com.tw writes "月薪 40,000元").
  if (currency === 'CNY' && (mark === 'YUAN' || mark === 'CNY' || mark === null) && ctx.traditional > 0 && !ctx.simplified)
    currency = 'TWD';
  // Multipliers only one country writes: lakh/crore (INR), triệu (VND), juta (IDR).
  if (!currency) currency = MULT_CURRENCY[a.multWord ?? b?.multWord ?? ''] ?? null;
  // Vietnamese pay text with a bare amount of dong size ("Lương cứng mỗi tháng 10.000.000").
  if (!currency && ctx.vi && Math.max(a.value, b?.value ?? 0) >= 100_000) currency = 'VND';
  // Indian digit grouping ("6,00,000", "12,50,000") is written only with rupees.
  if (!currency && (INDIAN_GROUPING.test(tokens[a.num]!.text) || (b !== null && INDIAN_GROUPING.test(tokens[b.num]!.text))))
    currency = 'INR';

  // "BHD 450.000 - 600.000": the currency on one end sets how both ends read.
  if (currency && THREE_DECIMAL_CURRENCIES.has(currency)) {
    if (!a.currency || isAmbiguous(a.currency)) a = { ...a, value: numberValue(tokens[a.num]!.text, true) * a.mult };
    if (b && (!b.currency || isAmbiguous(b.currency))) b = { ...b, value: numberValue(tokens[b.num]!.text, true) * b.mult };
  }
  // A "k" after a number already written in full is a slip when the other end has none:
  // "$91,755K - $99,306", "$45-54,999k" (ten million and more is never the intended pay).
  if (b && a.mult === 1e3 && b.mult === 1 && a.value / a.mult >= 10_000) a = { ...a, value: a.value / a.mult, mult: 1 };
  if (b && b.mult === 1e3 && a.mult === 1 && b.value / b.mult >= 10_000) b = { ...b, value: b.value / b.mult, mult: 1 };
  // A multiplier or thousands written once applies to both ends: "17-30K", "1.5-2万", "22-28,000".
  if (b) {
    if (a.mult === 1 && b.mult !== 1 && a.value * b.mult <= b.value * 1.5 && a.value * b.mult >= b.value / 20) {
      a = { ...a, value: a.value * b.mult, mult: b.mult, shaped: true };
    } else if (b.mult === 1 && a.mult !== 1 && b.value * a.mult >= a.value && b.value * a.mult <= a.value * 5) {
      b = { ...b, value: b.value * a.mult, mult: a.mult, shaped: true }; // "$90k - $125"
    } else if (
      a.mult === 1 &&
      (!a.shaped || b.value >= 10_000) &&
      (b.shaped || b.value >= 10_000) &&
      b.mult === 1 &&
      a.value < 1000 &&
      b.value >= 1000 &&
      a.value * 1000 <= b.value &&
      a.value * 1000 >= b.value / 5
    ) {
      a = { ...a, value: a.value * 1000, shaped: true }; // "22-28,000", "$140 - $160000", "$95,00 - $110,000"
    } else if (
      a.mult === 1 &&
      b.mult === 1 &&
      b.value < 1000 &&
      a.value >= 10_000 &&
      b.value * 1000 >= a.value &&
      b.value * 1000 <= a.value * 5
    ) {
      b = { ...b, value: b.value * 1000, shaped: true }; // "$112,000 - $123"
    }
  }

  const stated =
    currency !== null ||
    a.mult !== 1 ||
    (b?.mult ?? 1) !== 1 ||
    (best.period !== null && (a.shaped || best.pay || Math.max(a.value, b?.value ?? 0) >= 100));
  const top = Math.max(a.value, b?.value ?? 0);
  if (!(top > 0)) return null;
  if (!stated) {
    // No currency, unit or period: a pay word and a plausible size, or a shaped number of salary size.
    const shaped = a.shaped || (b?.shaped ?? false);
    if (!(best.pay && top >= 100) && !(shaped && top >= 1000)) return null;
  }
  // An unresolved family mark still says how big its unit is ("kr 45 000" is not a yearly size).
  const scale = (currency ? UNIT_SCALE[currency] : mark ? FAMILY_SCALE[mark] : undefined) ?? 1;
  // Company money, not pay: "$200M to $400M (USD)", "$1 to $5 million (USD)" (Glassdoor's revenue
  // buckets). Millions stated without a pay word are company figures.
  if (top > 5e6 * scale) return null;
  if (!best.pay && Math.max(a.mult, b?.mult ?? 1) >= 1e6 && top >= 1e6 * scale && !MULT_CURRENCY[a.multWord ?? b?.multWord ?? ''])
    return null;

  let min: number | null;
  let max: number | null;
  if (b) {
    min = a.value;
    max = b.value;
    if (min > max) {
      if (min <= max * 10) [min, max] = [max, min];
      else max = min;
    }
  } else {
    const bound = g.open ? 'min' : boundOf(tokens, g);
    if (bound === 'min') [min, max] = [a.value, null];
    else if (bound === 'max') [min, max] = [null, a.value];
    else [min, max] = [a.value, a.value];
    // "Minimum Salary: $52,000, Maximum Salary: $68,000": two labelled ends stated apart.
    const next = groups[groups.indexOf(g) + 1];
    if (next && !next.b && !next.a.count && labelBound(tokens, g) === 'min' && labelBound(tokens, next) === 'max') {
      const other = next.a.value;
      if (
        Number.isFinite(other) &&
        other >= a.value &&
        other <= a.value * 10 &&
        (!next.a.currency || next.a.currency === (a.currency ?? next.a.currency))
      ) {
        [min, max] = [a.value, other];
      }
    }
  }

  const monthsPerYear = monthsAfter(tokens, g.last);
  let period = best.period;
  // "$130,000 - $150,000 p.h." is a yearly figure with the wrong unit.
  if (period && top > PERIOD_CEILING[period] * scale) period = null;
  if (!period) {
    // A period stated elsewhere applies only when the amount is plausible for it ("Competitive
    // hourly rate … OTE 90k" is yearly).
    const p = globalPeriod(tokens);
    if (p && top <= PERIOD_CEILING[p] * scale) period = p;
  }
  // "hide.me für 2,59 Euro pro Monat", "10 Euro, die ein Abonnent im Monat zahlt": with no pay word, an amount
  // below any wage for the period it states is a price or a subscription (not in a pay field).
  if (period && !payField && top < (best.pay ? PAY_FLOOR : PERIOD_FLOOR)[period] * scale) {
    if (!best.pay) return null;
    // "Rémunération : 13,50 € brut / mois": a pay too small for the period it states keeps no period.
    period = null;
  }
  // "·13薪" says the amounts are monthly. Otherwise a period the text does not state stays null:
  // "$120k–$150k" is very likely yearly, but the text does not say so.
  if (!period && monthsPerYear) period = 'month';
  const reading: SalaryReading = { min: round(min), max: round(max), currency, period };
  if (monthsPerYear) reading.monthsPerYear = monthsPerYear;
  return reading;
}

/** Words in a text (not counting CJK) from which on it reads as a sentence rather than a value. */
const PROSE_WORDS = 7;
/** PAY_WORDS that name a pay topic only next to an amount: they also name prices and ranges in prose. */
const WEAK_PAY: ReadonlySet<string> = new Set(['rate', 'base', 'range', 'package', 'comp', 'tc', 'mức', 'plat']);
/** Words right before an amount that make it a price when the text names no pay ("for $900", "für 179 Euro"). */
const PRICE_BEFORE: ReadonlySet<string> = new Set([
  'for',
  'für',
  'statt',
  'vorher',
  'insgesamt',
  'total',
  'instead',
  'only',
  'just',
  'nur',
  'lediglich',
  'um',
  'pour',
  'seulement',
  'por',
  'solo',
  'apenas',
  'za',
  'tylko',
  'за',
]);
/** Gross and net, which name pay when written right after an amount (before it they also qualify prices). */
const GROSS_NET: ReadonlySet<string> = new Set(['brutto', 'netto', 'брутто', 'нетто', 'brut', 'net', 'bruto', 'neto', 'gross', 'brüt']);
/**
 * Last parts of German compounds that name money other than pay ("Erlegungsprämie", "DSGVO-Bußgeld",
 * "Versandkostenpauschale" is listed whole): a long word ending in one of them is a not-pay noun.
 */
const NOT_PAY_HEADS: readonly string[] = [
  'prämie',
  'gebühr',
  'gebühren',
  'kosten',
  'preis',
  'miete',
  'rente',
  'zuschuss',
  'förderung',
  'spende',
  'strafe',
  'geld',
  'gelder',
  'pauschale',
  'wert',
  'bonus',
];
function isNotPay(w: string): boolean {
  if (NOT_PAY_WORDS.has(w)) return true;
  const dash = w.lastIndexOf('-');
  if (dash > 0 && NOT_PAY_WORDS.has(w.slice(dash + 1))) return true;
  if (w.length < 8) return false;
  for (const head of NOT_PAY_HEADS) if (w.endsWith(head)) return true;
  return false;
}
/** Chilean and Colombian index units quoted in pesos on news pages ("UF: $32.257,34"). */
const INDEX_UNITS: ReadonlySet<string> = new Set(['uf', 'utm', 'ipc', 'uva', 'uvr']);
/** Marks that open a segment of a listing line ("Title – Place – £11.50 per hour", "Pay: …"). */
const SEGMENT_MARKS: ReadonlySet<string> = new Set(['–', '—', '-', '|', ':', '•', '·']);
/** Things a price is per ("pro Person", "per night", "/Min.") that are no pay period. */
const PRICE_UNITS: ReadonlySet<string> = new Set([
  'person',
  'persons',
  'personne',
  'persona',
  'pessoa',
  'osoba',
  'night',
  'nights',
  'nacht',
  'nuit',
  'noche',
  'noite',
  'stück',
  'stk',
  'piece',
  'pièce',
  'unit',
  'unidad',
  'kg',
  'kilo',
  'tonne',
  'tonnes',
  'ton',
  'tonelada',
  'liter',
  'litre',
  'litro',
  'litros',
  'gallon',
  'galón',
  'sqm',
  'qm',
  'm²',
  'm2',
  'camión',
  'truck',
  'ticket',
  'seat',
  'head',
  'kopf',
  'portion',
  'serving',
  'bottle',
  'flasche',
  'copy',
  'exemplar',
  'ausgabe',
  'issue',
  'sack',
  'min',
  'minute',
  'minuten',
  'minuto',
  'minutos',
  'km',
  'mile',
  'share',
  'aktie',
  'item',
  'artikel',
  'visit',
  'click',
]);
/** "for" after an amount: what the money is for follows. */
const FOR_AFTER: ReadonlySet<string> = new Set(['for', 'für', 'pour', 'para']);
const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the', 'one', 'ein', 'eine', 'einen', 'un', 'une', 'la', 'le', 'el', 'o']);
/** German function words: with one of them, "Rate" is an instalment, not a pay rate. */
const GERMAN_CUES: ReadonlySet<string> = new Set([
  'der',
  'die',
  'das',
  'und',
  'für',
  'mit',
  'von',
  'im',
  'pro',
  'ist',
  'sie',
  'eine',
  'einen',
  'einer',
  'auf',
  'bei',
  'monat',
  'monatlich',
  'monatliche',
  'monatlichen',
  'günstige',
  'zahlen',
]);

/** One pass over the text: does it name pay, work or earning anywhere, how many words, German "Rate". */
function textTopic(tokens: readonly Token[]): { pay: boolean; words: number; cjk: number; germanRate: boolean } {
  let pay = false;
  let words = 0;
  let cjk = 0;
  let german = false;
  let rate = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== WORD) continue;
    const w = t.text;
    const prev = tokens[i - 1]?.text;
    const next = tokens[i + 1]?.text;
    if (w.charCodeAt(0) >= 0x2e80) {
      cjk++;
      if (PAY_WORDS.has(w)) pay = true;
      continue;
    }
    if (w.length >= 2) words++;
    if (w === 'rate') rate = true;
    // "zahlen wir 3.900 €", "wir bieten": the employer speaking about what it pays.
    if ((w === 'zahlen' || w === 'bieten' || w === 'zahlt') && (prev === 'wir' || next === 'wir')) pay = true;
    if ((PAY_WORDS.has(w) && !WEAK_PAY.has(w)) || JOB_WORDS.has(w)) pay = true;
    else if (GERMAN_CUES.has(w)) german = true;
  }
  return { pay, words, cjk, germanRate: german && rate };
}

/**
 * A word that names a period by itself; "Brutto-Jahresgehalt" counts by its last part. Every
 * other week or month ("bi-weekly", "semi-monthly", "bi-annual") is no period of ours: the amount
 * stays as stated with no period, as "per fortnight" does, rather than read as weekly pay.
 */
function strongPeriod(w: string): SalaryPeriod | undefined {
  const p = STRONG_PERIOD.get(w);
  if (p || !w.includes('-')) return p;
  const cut = w.lastIndexOf('-');
  if (MULTIPLE_PERIOD_PREFIX.has(w.slice(0, cut))) return undefined;
  return STRONG_PERIOD.get(w.slice(cut + 1));
}
const MULTIPLE_PERIOD_PREFIX: ReadonlySet<string> = new Set(['bi', 'semi', 'tri', 'twice']);
const isStrongPeriod = (w: string): boolean => strongPeriod(w) !== undefined;

const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);

const ASCII_WORD = /^[\x00-\x7f]*$/;
function fold(w: string): string {
  return ASCII_WORD.test(w) ? w : w.normalize('NFD').replace(/\p{M}/gu, '');
}

/** ISO codes also accepted in lower case next to a number ("100 usd"); "top 50", "all 3" stay words. */
const COMMON_CODES: ReadonlySet<string> = new Set([
  'usd',
  'eur',
  'gbp',
  'inr',
  'aud',
  'cad',
  'nzd',
  'chf',
  'jpy',
  'cny',
  'rmb',
  'hkd',
  'sgd',
  'sek',
  'nok',
  'dkk',
  'pln',
  'czk',
  'huf',
  'ron',
  'brl',
  'mxn',
  'zar',
  'aed',
  'sar',
  'qar',
  'kwd',
  'bhd',
  'omr',
  'jod',
  'egp',
  'ngn',
  'kes',
  'pkr',
  'php',
  'idr',
  'myr',
  'thb',
  'vnd',
  'krw',
  'twd',
  'rub',
  'uah',
  'ils',
  'clp',
  'cop',
  'ars',
  'pen',
  'bgn',
  'isk',
]);

/** Rough size of one unit relative to USD, to tell a yearly amount from a monthly one and pay from revenue. */
const UNIT_SCALE: Readonly<Record<string, number>> = {
  JPY: 100,
  INR: 50,
  KRW: 1000,
  IDR: 10000,
  VND: 20000,
  HUF: 300,
  CLP: 800,
  COP: 3000,
  CNY: 5,
  PHP: 50,
  THB: 30,
  RUB: 80,
  TWD: 30,
  MXN: 15,
  BRL: 5,
  ZAR: 15,
  TRY: 20,
  NGN: 1000,
  PKR: 200,
  CZK: 20,
  SEK: 10,
  NOK: 10,
  DKK: 7,
  PLN: 4,
  UAH: 40,
  KZT: 450,
  EGP: 30,
  ARS: 900,
  LKR: 300,
  BDT: 100,
  KES: 130,
  UGX: 3700,
  TZS: 2500,
  IQD: 1300,
  IRR: 40000,
  HKD: 8,
  MYR: 4.5,
  AED: 3.7,
  SAR: 3.75,
  QAR: 3.6,
  ILS: 3.7,
  RON: 4.6,
  BGN: 1.8,
  ISK: 140,
  GHS: 12,
  NPR: 130,
};

const MULT_CURRENCY: Readonly<Record<string, string>> = {
  lakh: 'INR',
  lakhs: 'INR',
  lac: 'INR',
  lacs: 'INR',
  lpa: 'INR',
  crore: 'INR',
  crores: 'INR',
  cr: 'INR',
  लाख: 'INR',
  करोड़: 'INR',
  triệu: 'VND',
  tr: 'VND',
  tỷ: 'VND',
  miliar: 'IDR',
  củ: 'VND',
  nghìn: 'VND',
  ngàn: 'VND',
  juta: 'IDR',
  jt: 'IDR',
  ribu: 'IDR',
  rb: 'IDR',
};
const FAMILY_SCALE: Readonly<Record<string, number>> = { KRONE: 10, YEN: 50, DINAR: 0.3, RIYAL: 3.7, PESO: 15, RUPEE: 80, YUAN: 7 };

/** Largest plausible amount per period in USD-sized units (scaled by {@link UNIT_SCALE}). */
const PERIOD_CEILING: Readonly<Record<SalaryPeriod, number>> = { hour: 2_000, day: 10_000, week: 40_000, month: 200_000, year: 5e6 };
/** Smallest plausible wage per period in USD-sized units (scaled by {@link UNIT_SCALE}), below the lowest minimum wages. */
// No yearly floor: salary fields write "$25 - $26 p.a." for an hourly rate or thousands, and that is still pay.
const PERIOD_FLOOR: Readonly<Record<SalaryPeriod, number>> = { hour: 0.25, day: 2, week: 10, month: 40, year: 0 };
// Below these even a stated pay cannot be for the period it names ("13,50 € brut / mois" is an hourly rate);
// above them a low monthly pay stands ("salaire moyen à 20€/mois").
// A figure this size for its period is a wage more often than a price, even in a sentence with no pay word.
const WAGE_RANGE: Readonly<Record<SalaryPeriod, readonly [number, number]>> = {
  hour: [5, 200],
  day: [50, 2_000],
  week: [200, 10_000],
  month: [1_000, 30_000],
  year: [15_000, 500_000],
};
const PAY_FLOOR: Readonly<Record<SalaryPeriod, number>> = { hour: 0.1, day: 1, week: 4, month: 15, year: 0 };

/** Multiplier + currency in one word ("万円", "만원"). */
const COMPOUND: Readonly<Record<string, readonly [number, string]>> = {
  万円: [1e4, 'JPY'],
  千円: [1e3, 'JPY'],
  百万円: [1e6, 'JPY'],
  万元: [1e4, 'CNY'],
  千元: [1e3, 'CNY'],
  만원: [1e4, 'KRW'],
  천만원: [1e7, 'KRW'],
  백만원: [1e6, 'KRW'],
  억원: [1e8, 'KRW'],
  lpa: [1e5, 'INR'],
  тр: [1e3, 'RUB'],
  // "45KEUR", "30keuros": thousands of euros written as one word.
  keur: [1e3, 'EUR'],
  keuro: [1e3, 'EUR'],
  keuros: [1e3, 'EUR'],
};

/** The number at `i` is a count or a measure ("3 years", "30-hour", "40%", "13薪", "401(k)", a year). */
function isCount(tokens: readonly Token[], i: number, last: number, hasCurrency: boolean): boolean {
  const t = tokens[i]!;
  let next = tokens[last + 1];
  if (next?.text === '%' || next?.text === '％' || next?.text === '‰') return true;
  // "30-hour role", "5-year plan": a hyphen glued to a unit.
  if (next && next.text === '-' && !next.space && tokens[last + 2]?.kind === WORD && !tokens[last + 2]!.space) {
    next = tokens[last + 2];
  }
  if (next && next.kind === WORD && last === i && NOT_MONEY_AFTER.has(next.text) && !hasCurrency) return true;
  // "3,45-prozentigen Verzinsung", "5-jährige Erfahrung", "3-Zimmer-Wohnung": a number glued by a hyphen
  // to a longer word that names no money, period or multiplier is a compound adjective or noun.
  if (
    next &&
    next !== tokens[last + 1] &&
    last === i &&
    !hasCurrency &&
    next.text.length >= 4 &&
    !PAY_WORDS.has(next.text) &&
    !MULTIPLIERS.has(next.text) &&
    !CURRENCY_WORDS[next.text] &&
    !UNIT_PERIOD.has(next.text) &&
    !isStrongPeriod(next.text)
  ) {
    return true;
  }
  // "2.5 crore candidates", "10k followers", "3 lakh latest job vacancies": a count noun right after the number and
  // its multiplier, or after one plain word that is no pay, currency, period, multiplier or "per" word.
  if (!hasCurrency && (last === i || MULTIPLIERS.has(tokens[last]!.text))) {
    const a = tokens[last + 1];
    const b = tokens[last + 2];
    if (a?.kind === WORD && COUNT_NOUNS.has(a.text)) return true;
    if (
      a?.kind === WORD &&
      b?.kind === WORD &&
      COUNT_NOUNS.has(b.text) &&
      !a.brk &&
      !PER_WORDS.has(a.text) &&
      !PAY_WORDS.has(a.text) &&
      !CURRENCY_WORDS[a.text] &&
      !MULTIPLIERS.has(a.text) &&
      !UNIT_PERIOD.has(a.text) &&
      !isStrongPeriod(a.text) &&
      !NOT_MONEY_AFTER.has(a.text)
    ) {
      return true;
    }
  }
  if (
    next &&
    next.kind === WORD &&
    NOT_MONEY_AFTER.has(next.text) &&
    (next.text === '薪' || next.text === '年以上' || next.text === '人' || next.text === '名')
  )
    return true;
  // "3+ years"
  if (next?.text === '+' && tokens[last + 2]?.kind === WORD && NOT_MONEY_AFTER.has(tokens[last + 2]!.text) && !hasCurrency) return true;
  if (t.text === '401' && (next?.text === '(' || next?.text === 'k')) return true;
  // "0.6 FTE" is a fraction of a post.
  if (next?.text === 'fte' && !hasCurrency && Number(t.text) <= 1.5) return true;
  if (hasCurrency) return false;
  // Clock times ("5am - 3pm").
  if (next && (next.text === 'am' || next.text === 'pm') && last === i) return true;
  // Leading zeros ("0438 722 264", "08 7729 1352") and bare numbers in a row are phone numbers and codes.
  if (t.text.length > 1 && t.text[0] === '0' && t.text[1] !== '.' && t.text[1] !== ',') return true;
  if ((tokens[i - 1]?.kind === NUM || tokens[last + 1]?.kind === NUM) && last === i) return true;
  // A year: four bare digits 1900–2100.
  if (t.text.length === 4 && t.text >= '1900' && t.text <= '2100') return true;
  // Dates and phone numbers: numbers glued by "-" "/" "." runs of three ("555-123-4567", "05/03/2024").
  const prev = tokens[i - 1];
  const glued = (k: number) => {
    const s = tokens[k];
    return (
      s &&
      s.kind === SYM &&
      (s.text === '-' || s.text === '/' || s.text === '.') &&
      !s.space &&
      tokens[k + 1]?.kind === NUM &&
      !tokens[k + 1]!.space
    );
  };
  if (glued(i + 1) && glued(i + 3)) return true;
  if (prev && glued(i - 1) && tokens[i - 2]?.kind === NUM && (glued(i + 1) || (tokens[i - 3] && glued(i - 3)))) return true;
  if (prev?.text === '+' && !t.space && tokens[i + 1]?.kind === NUM) return true; // "+44 20 7946 0958"
  if (prev?.text === '(' && tokens[i + 1]?.text === ')' && tokens[i + 2]?.kind === NUM) return true; // "(555) 123-4567"
  if (prev?.kind === NUM && tokens[i - 2]?.text === '+') return true;
  if (prev?.kind === SYM && prev.text === '#') return true;
  if (prev?.kind === WORD && NOT_PAY_BEFORE.has(prev.text)) return true;
  return false;
}

/** Two amounts joined by a dash or a range word, maybe with period words between. */
/** Words for free in shop promotions ("Darmowa dostawa od 99 zł", "150 TL üzeri kargo bedava"): not pay unless a comma parts them from the amount ("Darmowy transport, 6000 zł brutto" lists a benefit). */
const PROMO_FREE: ReadonlySet<string> = new Set([
  'bedava',
  'zdarma',
  'darmowa',
  'darmowy',
  'ingyenes',
  'gratuită',
  'gratuit',
  'libreng',
  'مجاني',
]);
const SALES_WORDS: ReadonlySet<string> = new Set(['penjualan', 'vendas', 'ventas', 'satış', 'sales']);
const SALES_TARGETS: ReadonlySet<string> = new Set(['target', 'meta', 'metas', 'hedef', 'objetivo', 'objetivos']);
const TR_BETWEEN_AFTER: ReadonlySet<string> = new Set(['arası', 'arasında', 'aralığında']);
function joins(tokens: readonly Token[], a: Amount, b: Amount): boolean {
  // Hungarian "400.000 Ft-tól 550.000 Ft-ig": from … to, written as case endings on the currency.
  if (b.first <= a.last && tokens[a.last]!.text.endsWith('-tól')) return !(b.count || a.count);
  let sawRange = false;
  let between = false;
  for (let k = a.last + 1; k < b.first; k++) {
    const t = tokens[k]!;
    if (k - a.last > 6) return false;
    if (t.brk) return false;
    // "$85k _$95k": a stray underscore between two amounts in one currency is a mistyped dash.
    if (t.text === '_' && !sawRange && a.currency !== null && a.currency === b.currency) {
      sawRange = true;
      continue;
    }
    // "60?70 K€", "60\ufffd70": a dash lost to the encoding, glued to both numbers.
    if (
      (t.text === '?' || t.text === '\ufffd') &&
      !sawRange &&
      k === a.last + 1 &&
      k + 1 === b.first &&
      !t.space &&
      !tokens[k + 1]!.space
    ) {
      sawRange = true;
      continue;
    }
    // "2——7万/年": a dash written twice is still one dash.
    if (sawRange && t.kind === SYM && t.text === tokens[k - 1]!.text && RANGE_WORDS.has(t.text) && !t.space) continue;
    // Indonesian "Rp 5 juta s.d. 7 juta", "s/d" (sampai dengan, up to): letters joined by a dot or a slash.
    const sep = tokens[k + 1];
    if (
      t.text === 's' &&
      !sawRange &&
      sep &&
      (sep.text === '.' || sep.text === '/') &&
      !sep.space &&
      tokens[k + 2]?.text === 'd' &&
      !tokens[k + 2]!.space
    ) {
      sawRange = true;
      k += tokens[k + 3]?.text === '.' && !tokens[k + 3]!.space ? 3 : 2;
      continue;
    }
    // Turkish "₺40.000 ile ₺50.000 arası": "ile" (with) joins two amounts only when "arası"/"arasında"
    // (between) closes the range.
    if (t.text === 'ile' && !sawRange) {
      let closes = false;
      for (let j = b.last + 1; j < tokens.length && j <= b.last + 2; j++) if (TR_BETWEEN_AFTER.has(tokens[j]!.text)) closes = true;
      if (!closes) return false;
      sawRange = true;
      continue;
    }
    if (RANGE_WORDS.has(t.text) && !sawRange) {
      if (BETWEEN_ONLY.has(t.text) && t.text !== 'i' && t.text !== 'e' && t.text !== 'a') {
        // "between $50k and $70k": needs the between-word before a.
        between = false;
        for (let j = a.first - 1; j >= 0 && j >= a.first - 3; j--) if (BETWEEN_WORDS.has(tokens[j]!.text)) between = true;
        if (!between) return false;
      } else if (t.text === 'i' || t.text === 'e') {
        for (let j = a.first - 1; j >= 0 && j >= a.first - 3; j--) if (BETWEEN_WORDS.has(tokens[j]!.text)) between = true;
        if (!between) return false;
      }
      sawRange = true;
      continue;
    }
    if (
      PER_WORDS.has(t.text) ||
      UNIT_PERIOD.has(t.text) ||
      isStrongPeriod(t.text) ||
      SHORT_PERIOD.has(t.text) ||
      t.text === '/' ||
      t.text === '.'
    )
      continue;
    if (t.text === 'gross' || t.text === 'brutto' || t.text === 'brut' || t.text === 'bruto' || t.text === 'net' || t.text === 'netto')
      continue;
    // "GH₵3,000 - GH₵4,000": the letters glued before the far end's currency sign belong to it.
    if (
      sawRange &&
      t.kind === WORD &&
      t.text.length <= 3 &&
      k + 1 === b.first &&
      !tokens[k + 1]!.space &&
      CURRENCY_SIGNS[tokens[k + 1]!.text]
    )
      continue;
    return false;
  }
  if (!sawRange) {
    // "$323.10  $657.30 per week": two amounts in one currency with only space between.
    return b.first === a.last + 1 && a.currency !== null && a.currency === b.currency && a.value < b.value && !tokens[b.first]!.brk;
  }
  // Both need to look like money of the same kind: a currency on one end, or both shaped/small alike.
  return !(b.count || a.count);
}

interface Context {
  pay: boolean;
  negative: boolean;
  /** 0: stated; 1: in parentheses; 3: marked as an approximation ("~", "approx.", "equivalent"). */
  approx: number;
}

/** Pay words, not-pay nouns and approximation marks within the group's clause. */
function context(tokens: readonly Token[], g: Group, germanRate: boolean): Context {
  let pay = false;
  let negative = false;
  let approx = 0;
  // Before: up to 10 tokens back, stopping at a clause break or another number.
  let comma = false;
  for (let k = g.first - 1, seen = 0; k >= 0 && seen < 10; k--, seen++) {
    const t = tokens[k]!;
    if (t.kind === NUM) break;
    const w = t.text;
    if (w === ',') comma = true;
    if (!comma && PROMO_FREE.has(w)) {
      negative = true;
      break;
    }
    // "Revenue Cycle Specialist – $24/hr" is a job title (two capitalised words ending in one that is
    // no pay or not-pay word), not a "Referral Bonus: $500" or "Primes diverses : 7,000 €" label.
    if (seen === 0 && (w === ':' || w === '-' || w === '–' || w === '—' || w === '|')) {
      const head = tokens[k - 1];
      const prev = tokens[k - 2];
      if (
        head?.kind === WORD &&
        head.cap &&
        prev?.kind === WORD &&
        prev.cap &&
        !head.upper &&
        !PAY_WORDS.has(head.text) &&
        !NOT_PAY_WORDS.has(head.text) &&
        !NOT_PAY_AFTER_ONLY.has(head.text) &&
        !isStrongPeriod(head.text)
      )
        break;
    }
    // Korean gifts name who gets them ("신규입사자 50만원", "추천인 30만원", "입사자 전원 100만원"): a person noun
    // (ending in 자 or 인, or 전원 "everyone") right before a won amount below a monthly pay, with no pay word.
    if (
      seen < 2 &&
      g.a.currency === 'KRW' &&
      g.a.value < 2e6 &&
      (w === '전원' || (w.length >= 3 && (w.endsWith('자') || w.endsWith('인'))))
    ) {
      negative = true;
      break;
    }
    // "Dolar: $856,74", "UF: $32.257,34": an exchange rate or an index value, not pay.
    if (seen === 0 && w === ':' && g.a.currency !== null) {
      const label = tokens[k - 1];
      if (label?.kind === WORD && !label.upper && CURRENCY_WORDS[label.text]) {
        negative = true;
        break;
      }
      if (label?.kind === WORD && INDEX_UNITS.has(label.text) && (k < 2 || tokens[k - 1]!.brk || tokens[k - 2]!.brk)) {
        negative = true;
        break;
      }
    }
    // "Bolsa auxílio de R$ 1.200,00" is an intern's stipend, the pay of the post.
    if (w === 'auxílio' && tokens[k - 1]?.text === 'bolsa') {
      pay = true;
      break;
    }
    // "Doanh thu 500 tỷ", "doanh số" (revenue, sales); "Target penjualan 50 juta", "Meta de vendas R$ 100 mil".
    if ((w === 'thu' || w === 'số') && tokens[k - 1]?.text === 'doanh') {
      negative = true;
      break;
    }
    if (
      (seen === 0 || (seen === 1 && tokens[k + 1]!.text === ':')) &&
      SALES_WORDS.has(w) &&
      (SALES_TARGETS.has(tokens[k - 1]?.text ?? '') || SALES_TARGETS.has(tokens[k - 2]?.text ?? ''))
    ) {
      negative = true;
      break;
    }
    // German "Rate" is an instalment ("monatliche Rate von 600 €", "Rate pro Monat: 643,45 Euro").
    if (w === 'rate' && germanRate) {
      negative = true;
      break;
    }
    if (PAY_WORDS.has(w)) {
      // "signing stipend of $30,000", "referral pay": the pay word names something else.
      const q = tokens[k - 1];
      if (q?.kind === WORD && (NOT_PAY_WORDS.has(q.text) || (NOT_PAY_AFTER_ONLY.has(q.text) && q.text !== 'sales'))) negative = true;
      else pay = true;
      break;
    }
    // "Charge Nurse £35,000", "Restaurant Manager £32,000": a capitalised not-pay noun that a
    // capitalised word follows is part of a job title.
    const follower = tokens[k + 1];
    // ("Harga Rp 99.000": a currency word after the noun is no title word.)
    const titleWord =
      t.cap &&
      follower?.kind === WORD &&
      follower.cap &&
      !follower.upper &&
      !PAY_WORDS.has(follower.text) &&
      !CURRENCY_WORDS[follower.text];
    if (isNotPay(w) && !titleWord) {
      negative = true;
      break;
    }
    // "salary packaging to $18,000", "salary sacrifice": a benefit, not the salary.
    if ((w === 'packaging' || w === 'packing' || w === 'sacrifice') && tokens[k - 1]?.text === 'salary') {
      negative = true;
      break;
    }
    // Words that also name jobs ("Sales Agent", "Gym Manager") mark a price only as its label:
    // right before the amount or before "Gym membership: £30".
    if (NOT_PAY_AFTER_ONLY.has(w) && (seen === 0 || (seen === 1 && LABEL_GLUE.has(tokens[k + 1]!.text)))) {
      negative = true;
      break;
    }
    // "Loan up to ₹5 lakh", "credit from $500": the noun with only a bound word between it and the amount.
    if (NOT_PAY_AFTER_ONLY.has(w) && seen > 0 && seen < 3 && !(follower?.kind === WORD && follower.cap)) {
      let bound = true;
      for (let j = k + 1; j < g.first; j++) {
        const x = tokens[j]!.text;
        if (!MAX_BEFORE.has(x) && !MIN_BEFORE.has(x) && x !== 'up' && x !== 'to' && x !== 'of') bound = false;
      }
      if (bound) {
        negative = true;
        break;
      }
    }
    if (seen < 3 && NOT_PAY_BEFORE.has(w) && !g.a.currency && !g.b?.currency) {
      negative = true;
      break;
    }
    if (seen < 2 && APPROX.has(w)) approx = 3;
    else if (seen < 2 && (w === '(' || w === '（') && approx === 0) approx = 1;
    if (tokens[k + 1]?.brk || t.brk) break;
  }
  // "Une prime de fin d'année versée en décembre (environ 800 euros)": a clause that opens with a
  // not-pay noun and names no pay is about that noun, however far the amount sits.
  // Job titles ("Revenue Analyst – $90k") are not such clauses: the amount follows a separator or the
  // noun sits next to it.
  const lead = tokens[g.first - 1]?.text;
  if (!pay && !negative && g.first > 4 && lead !== '-' && lead !== '–' && lead !== '—' && lead !== ':' && lead !== '|') {
    let words = 0;
    let topic = false;
    for (let k = g.first - 1, seen = 0; k >= 0 && seen < 25; k--, seen++) {
      const t = tokens[k]!;
      if (t.kind === NUM) break;
      if (PAY_WORDS.has(t.text)) {
        topic = false;
        break;
      }
      if (t.brk || k === 0) {
        // Walk forward over the clause's first three words.
        for (let j = k; j < g.first && words < 3; j++) {
          const u = tokens[j]!;
          if (u.kind !== WORD) continue;
          words++;
          if (NOT_PAY_WORDS.has(u.text) && g.first - j > 4) topic = true;
        }
        break;
      }
    }
    if (topic) negative = true;
  }
  // After: up to 4 tokens, stopping at "+", "plus", "and"…, a number or a clause break.
  let cjkRun = true;
  for (let k = g.last + 1, seen = 0; k < tokens.length && seen < 5; k++, seen++) {
    const t = tokens[k]!;
    if (t.kind === NUM || t.brk) break;
    const w = t.text;
    if (SOFT_STOPS.has(w)) break;
    if (seen < 3 && PROMO_FREE.has(w)) {
      negative = true;
      break;
    }
    // "CHF 700 weniger zahlen", "$5 cheaper": a comparative right after the amount makes it a difference.
    if (seen === 0 && DIFFERENCE_AFTER.has(w)) {
      negative = true;
      break;
    }
    // "4900 brutto", "3830 brutto", "2 400 € net": gross or net written right after a number names pay.
    if (seen < 2 && GROSS_NET.has(w) && !negative) {
      pay = true;
      continue;
    }
    if (w === 'rate' && germanRate && seen < 3) {
      negative = true;
      break;
    }
    // "110.11 ¥/$": yen per dollar, an exchange rate.
    if (seen === 0 && w === '/' && tokens[k + 1]?.kind === SYM && CURRENCY_SIGNS[tokens[k + 1]!.text]) {
      negative = true;
      break;
    }
    // "4 Euro pro Person", "12,00 € pro Nacht", "$266.00 por camión": a price per thing, not per period.
    const unit = tokens[k + 1]?.text ?? '';
    // "(53,07 €/l)", "€ 6,50 / 1kg": litres and grams only after a slash ("de l'heure" is per hour).
    if (
      seen < 2 &&
      (((PER_WORDS.has(w) || w === '/') && PRICE_UNITS.has(unit)) || (w === '/' && (unit === 'l' || unit === 'ml' || unit === 'g')))
    ) {
      negative = true;
      break;
    }
    if (PAY_WORDS.has(w) && !isStrongPeriod(w) && seen < 3) {
      if (!negative) pay = true;
      break;
    }
    // Japanese and Chinese list benefits right after the pay ("月給25万円 賞与年2回"): a CJK
    // not-pay word after the amount counts only when glued to it.
    // With no pay word, the noun right after the amount names it ("500,000円 賞与実績", "80,000円 住宅手当").
    const cjk = w.charCodeAt(0) >= 0x2e80;
    if (!cjk || t.kind !== WORD) cjkRun = false;
    if (
      (isNotPay(w) && (!cjk || (!pay && ((seen === 0 && !t.space) || (cjkRun && seen < 3))))) ||
      (NOT_PAY_AFTER_ONLY.has(w) && seen < 3)
    ) {
      negative = true;
      break;
    }
  }
  return { pay, negative, approx };
}

/** The period written with this group: after it ("per hour", "/月", "p.a.") or just before ("年収", "Hourly rate:"). */
function attachedPeriod(tokens: readonly Token[], g: Group): SalaryPeriod | null {
  // "CTC" reads as yearly in India but is only "cost to company" elsewhere ("R30 000 CTC per month"):
  // it counts when no other period follows.
  let ctc: SalaryPeriod | null = null;
  for (let k = g.last + 1, seen = 0; k < tokens.length && seen < 7; k++, seen++) {
    const t = tokens[k]!;
    // "per 38 hour week"
    if (t.kind === NUM && PER_WORDS.has(tokens[k - 1]?.text ?? '') && UNIT_PERIOD.get(tokens[k + 1]?.text ?? '') === 'hour') {
      const p = UNIT_PERIOD.get(tokens[k + 2]?.text ?? '');
      if (p && p !== 'hour') return p;
    }
    if (t.kind === NUM || (t.brk && seen > 0)) break;
    // "時給1200円(月給例200000円)": a CJK period word that leads another amount belongs to that one.
    if (
      t.kind === WORD &&
      t.text.charCodeAt(0) >= 0x2e80 &&
      isStrongPeriod(t.text) &&
      (tokens[k + 1]?.kind === NUM || tokens[k + 2]?.kind === NUM)
    )
      break;
    const p = periodAt(tokens, k, seen === 0 || tokens[k - 1]!.text === ')' || tokens[k - 1]!.text === '(');
    // "$80k–$120k base + monthly bonus": a period word that qualifies a bonus or a fee is not the pay's.
    if (p && tokens[k + 1]?.kind === WORD && isNotPay(tokens[k + 1]!.text)) continue;
    // "年収 500万円～800万円（月給制）": 月給制 names the pay scheme, not the period of this amount.
    if (p && tokens[k + 1]?.text === '制' && !tokens[k + 1]!.space) continue;
    // "(three Sundays per month)", "2 shifts per week": a count of things per period is a frequency.
    if (p && k - 3 > g.last && PER_WORDS.has(tokens[k - 1]!.text) && tokens[k - 2]?.kind === WORD && isCountWord(tokens[k - 3])) continue;
    if (p && t.text === 'ctc') ctc ??= p;
    else if (p) return p;
  }
  if (ctc) return ctc;
  // "月210000円": a CJK month/year unit glued before the amount (not a date's "3月").
  const unit = tokens[g.first - 1];
  if (
    unit &&
    unit.kind === WORD &&
    !tokens[g.first]!.space &&
    (unit.text === '月' || unit.text === '年') &&
    tokens[g.first - 2]?.kind !== NUM
  ) {
    return UNIT_PERIOD.get(unit.text)!;
  }
  for (let k = g.first - 1, seen = 0; k >= 0 && seen < 6; k--, seen++) {
    const t = tokens[k]!;
    if (t.kind === NUM) break;
    const p = strongPeriod(t.text);
    if (p && t.text !== 'pa') return p;
    // "Day Rate = $772", "hourly rate of $30"
    if ((t.text === 'rate' || t.text === 'rates') && UNIT_PERIOD.has(tokens[k - 1]?.text ?? '') && tokens[k - 1]!.text.length > 1) {
      return UNIT_PERIOD.get(tokens[k - 1]!.text)!;
    }
    // "hourly rate plus commission (OTE 90k)": the pay word nearer the amount owns it.
    if (PAY_WORDS.has(t.text) || t.text === 'ote') break;
    // "1時間 2500円", "1 hour: $30": one unit, then the amount.
    if (UNIT_PERIOD.has(t.text) && tokens[k - 1]?.text === '1' && tokens[k - 1]!.kind === NUM) return UNIT_PERIOD.get(t.text)!;
    // "per annum: £30,000", "mỗi tháng 10.000.000"
    if (UNIT_PERIOD.has(t.text) && k > 0 && LEADING_PER.has(tokens[k - 1]!.text)) return UNIT_PERIOD.get(t.text)!;
    if (t.brk) break;
  }
  return null;
}

/** A period named at token k: a strong word, "per/a/an/pro + unit", "/unit", "p.a.", "ph". */
function periodAt(tokens: readonly Token[], k: number, adjacent: boolean): SalaryPeriod | null {
  const t = tokens[k]!;
  const w = t.text;
  if (t.kind === NUM) return null;
  const strong = strongPeriod(w);
  if (strong && (w !== 'pa' || adjacent || tokens[k - 1]?.text === ')')) return strong;
  const prev = tokens[k - 1];
  if (UNIT_PERIOD.has(w)) {
    if (prev && (prev.text === '/' || prev.text === '／' || PER_WORDS.has(prev.text) || prev.text === "'" || prev.text === '’'))
      return UNIT_PERIOD.get(w)!;
    // "pr. måned", "p. Monat": an abbreviated per-word keeps its dot.
    if (prev?.text === '.' && PER_WORDS.has(tokens[k - 2]?.text ?? '')) return UNIT_PERIOD.get(w)!;
    // "per calendar month", "a working day"
    if (
      prev &&
      (prev.text === 'calendar' || prev.text === 'working' || prev.text === 'business') &&
      PER_WORDS.has(tokens[k - 2]?.text ?? '')
    )
      return UNIT_PERIOD.get(w)!;
    if (adjacent && (w.length > 2 || w === '月' || w === '年' || w === '日' || w === '天')) return UNIT_PERIOD.get(w)!;
    // "per calendar month", "pro Kalenderjahr" are rare; "a 40-hour week" is not a period.
  }
  if (w === 'p' && tokens[k + 1]?.text === '.') {
    const p = PERIOD_AFTER_P.get(tokens[k + 2]?.text ?? '');
    if (p) return p;
  }
  if (w === 'p' && tokens[k + 1]?.text === '/') {
    const p = PERIOD_AFTER_P.get(tokens[k + 2]?.text ?? '');
    if (p) return p;
  }
  if (adjacent || prev?.text === ')') {
    const short = SHORT_PERIOD.get(w);
    if (short) return short;
  }
  if (w.startsWith('per-') || w.startsWith('pro-')) {
    const p = UNIT_PERIOD.get(w.slice(4));
    if (p) return p;
  }
  if (w === 'p' && (tokens[k + 1]?.text === 'a' || tokens[k + 1]?.text === 'h') && !tokens[k + 1]!.space) return null;
  return null;
}

/** A period stated anywhere in the text when none sits with the amount (first one wins). */
function globalPeriod(tokens: readonly Token[]): SalaryPeriod | null {
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === NUM) continue;
    const strong = strongPeriod(t.text);
    // "Annual bonus up to 15%", "annual leave": the period word qualifies another noun.
    // French and Spanish put the adjective after the noun ("prime annuelle", "bono mensual").
    const nextW = tokens[k + 1]?.kind === WORD ? tokens[k + 1]!.text : '';
    const prevW = tokens[k - 1]?.kind === WORD ? tokens[k - 1]!.text : '';
    const qualified =
      NOT_PAY_WORDS.has(nextW) ||
      NOT_PAY_AFTER_ONLY.has(nextW) ||
      NOT_PERIOD_NOUNS.has(nextW) ||
      NOT_PAY_WORDS.has(prevW) ||
      NOT_PERIOD_NOUNS.has(prevW);
    if (strong && t.text !== 'pa' && t.text !== 'ral' && t.text !== 'ctc' && !qualified) return strong;
    if (UNIT_PERIOD.has(t.text)) {
      const prev = tokens[k - 1];
      if (prev && (prev.text === '/' || (PER_WORDS.has(prev.text) && prev.text !== 'a' && prev.text !== 'the' && prev.text !== 'in'))) {
        // "40 hours per week", "4 days/week", "20 – 40 per week" after "hours", "two Saturdays per
        // month": about time, not pay. Only a pay word or the amount's own unit may lead it.
        const before = tokens[k - 2];
        if (before && (before.kind === NUM || NOT_MONEY_AFTER.has(before.text))) continue;
        if (
          before &&
          before.kind === WORD &&
          !PAY_WORDS.has(before.text) &&
          !MULTIPLIERS.has(before.text) &&
          !CURRENCY_WORDS[before.text] &&
          before.text !== 'paid' &&
          before.text !== 'earn'
        )
          continue;
        return UNIT_PERIOD.get(t.text)!;
      }
    }
  }
  return null;
}

const NUMBER_WORDS: ReadonlySet<string> = new Set([
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'several',
  'few',
  'couple',
  'zwei',
  'drei',
  'vier',
  'fünf',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'dos',
  'tres',
  'cuatro',
  'cinco',
]);
/** A number or a number word ("three Sundays"). */
const isCountWord = (t: Token | undefined): boolean => t !== undefined && (t.kind === NUM || NUMBER_WORDS.has(t.text));

/** Words that say the pay text is Vietnamese (1) or Spanish (2), for VND and MXN readings. */
const PAY_LANGUAGE: ReadonlyMap<string, number> = new Map([
  ...['lương', 'triệu', 'tháng', 'thưởng', 'thuận'].map((w) => [w, 1] as const),
  ...[
    'sueldo',
    'salario',
    'mensual',
    'mensuales',
    'quincenal',
    'quincenales',
    'prestaciones',
    'brutos',
    'netos',
    'libres',
    'semanales',
  ].map((w) => [w, 2] as const),
]);
const DOT_THOUSANDS = /\.\d{3}(?:\D|$)/;

const LEADING_PER: ReadonlySet<string> = new Set(['per', '/', 'mỗi', 'pro', 'je', 'par', 'por', 'за', 'в']);

const INDIAN_GROUPING = /^\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?$/;

/** Nouns a period word can qualify that are not pay ("annual leave", "monthly review"). */
const NOT_PERIOD_NOUNS: ReadonlySet<string> = new Set([
  'leave',
  'holiday',
  'holidays',
  'vacation',
  'review',
  'reviews',
  'report',
  'reports',
  'reporting',
  'budget',
  'budgets',
  'conference',
  'event',
  'events',
  'training',
  'increase',
  'increases',
  'raise',
  'raises',
  'performance',
  'appraisal',
  'plan',
  'planning',
  'goals',
  'targets',
  'meeting',
  'meetings',
  'audit',
  'audits',
  'close',
  'forecast',
  'subscription',
]);

/** "·13薪" / "x 14 salaries" after the group: monthly salaries per year. */
function monthsAfter(tokens: readonly Token[], last: number): number | undefined {
  for (let k = last + 1, seen = 0; k < tokens.length && seen < 3; k++, seen++) {
    const t = tokens[k]!;
    if (t.kind === NUM) {
      const w = tokens[k + 1]?.text;
      if (w === '薪' || w === 'salaries' || w === 'gehälter' || w === 'pagas' || w === 'mensualités') {
        const v = Number(t.text);
        return Number.isInteger(v) && v >= 12 && v <= 20 ? v : undefined;
      }
      return undefined;
    }
  }
  return undefined;
}

/** "from"/"up to"/"ab"/"以上"/"+"/"or more" around a single amount. */
function boundOf(tokens: readonly Token[], g: Group): 'min' | 'max' | null {
  // After: "+", "以上", "or more", "and above" (maybe after the period: "$22/hr and above").
  let after = g.last + 1;
  for (let skipped = 0; skipped < 3; skipped++) {
    const t = tokens[after];
    if (!t || t.kind === NUM || !(t.text === '/' || PER_WORDS.has(t.text) || UNIT_PERIOD.has(t.text) || isStrongPeriod(t.text))) break;
    after++;
  }
  if (after !== g.last + 1 && tokens[after]?.text === '+') after = g.last + 1;
  // "NT$ 38,000 元以上": a second currency mark between the amount and its bound word.
  const mark = tokens[after];
  if (
    after === g.last + 1 &&
    mark &&
    (CURRENCY_SIGNS[mark.text] || CURRENCY_WORDS[mark.text]) &&
    (MIN_AFTER.has(tokens[after + 1]?.text ?? '') || MAX_AFTER.has(tokens[after + 1]?.text ?? ''))
  )
    after++;
  const a1 = tokens[after];
  const a2 = tokens[after + 1];
  if (a1) {
    // "60k+", "$100,000 +", "£40k+)" but not "85k + 10% bonus".
    if (
      (a1.text === '+' || a1.text === '＋') &&
      (!a2 ||
        a2.brk ||
        a2.text === ')' ||
        a2.text === '/' ||
        isStrongPeriod(a2.text) ||
        PER_WORDS.has(a2.text) ||
        // "60k+ OTE" is a floor, "日給1万円＋残業代", "底薪4000+提成" add something else to the pay.
        (!a1.space &&
          a2.kind !== NUM &&
          !(a2.kind === WORD && (a2.text.charCodeAt(0) >= 0x2e80 || NOT_PAY_WORDS.has(a2.text) || NOT_PAY_AFTER_ONLY.has(a2.text)))))
    ) {
      return 'min';
    }
    if (MIN_AFTER.has(a1.text) && a1.text !== '+' && a1.text !== 'plus') return 'min';
    if (MAX_AFTER.has(a1.text)) return 'max';
    if (
      (a1.text === 'or' || a1.text === 'and') &&
      a2 &&
      (a2.text === 'more' || a2.text === 'above' || a2.text === 'up' || a2.text === 'higher' || a2.text === 'over' || a2.text === 'upwards')
    )
      return 'min';
    if ((a1.text === 'or' || a1.text === 'and') && a2 && (a2.text === 'less' || a2.text === 'below' || a2.text === 'under')) return 'max';
    if (a1.text === 'und' && a2?.text === 'mehr') return 'min';
    if (a1.text === 'trở' && a2?.text === 'lên') return 'min';
    if (a1.text === 'et' && a2?.text === 'plus') return 'min';
    if (a1.text === 'o' && a2?.text === 'más') return 'min';
  }
  // Before: up to four tokens back over currency, ":" and "of".
  for (let k = g.first - 1, seen = 0; k >= 0 && seen < 4; k--, seen++) {
    const t = tokens[k]!;
    if (t.kind === NUM) break;
    const w = t.text;
    // "Salaire brut mensuel entre 2233€ e…": the other end of "between" was cut off, so this is the floor.
    if (BETWEEN_WORDS.has(w) && seen < 2) {
      let more = false;
      for (let j = g.last + 1; j <= g.last + 4 && j < tokens.length; j++) if (tokens[j]!.kind === NUM) more = true;
      if (!more) return 'min';
      break;
    }
    if (w === 'to' && (k === 0 || t.brk) && seen === 0) return 'max'; // To $65K
    // Italian "Da 10 € all'ora" opening the text; Romanian "De la 25 lei pe oră".
    if (seen === 0 && w === 'da' && (k === 0 || tokens[k - 1]!.brk)) return 'min';
    if (seen === 0 && w === 'la' && tokens[k - 1]?.text === 'de' && (k === 1 || tokens[k - 2]!.brk)) return 'min';
    if (MIN_BEFORE.has(w)) {
      // "starting salary $50k" is the salary at start, not a floor; "starting at/from $50k" is.
      if ((w === 'starting' || w === 'beginning' || w === 'start' || w === 'starts') && seen === 0) return 'min';
      if (w === 'starting' || w === 'beginning' || w === 'start' || w === 'starts') {
        const nx = tokens[k + 1]?.text;
        if (nx === 'at' || nx === 'from' || nx === '@' || nx === 'in' || nx === 'rate' || nx === 'range') return 'min';
        if (nx === 'salary' || nx === 'pay' || nx === 'wage') continue;
        return 'min';
      }
      if (w === 'من' && tokens[k + 1]?.kind !== NUM && seen > 1) continue;
      return 'min';
    }
    if (w === 'to' && tokens[k - 1]?.text === 'up') return 'max';
    if (w === 'zu' && tokens[k - 1]?.text === 'bis') return 'max';
    if (w === 'la' && tokens[k - 1]?.text === 'până') return 'max'; // Romanian "până la 5000 lei"
    // "not to exceed $X", "ne dépassera pas 2 000 €"
    if (w === 'exceed' && (tokens[k - 1]?.text === 'to' || tokens[k - 1]?.text === 'not')) return 'max';
    if (w === 'pas' && NOT_EXCEED.has(tokens[k - 1]?.text ?? '')) return 'max';
    if (w === 'till' && tokens[k - 1]?.text === 'upp') return 'max';
    if (w === 'til' && tokens[k - 1]?.text === 'op') return 'max';
    if (w === 'à' && tokens[k - 2]?.text === 'jusqu') return 'max';
    if (w === 'a' && tokens[k - 1]?.text === 'fino') return 'max';
    if (w === 'least' && tokens[k - 1]?.text === 'at') return 'min';
    if (MORE_THAN.get(w)?.has(tokens[k - 1]?.text ?? '')) return 'min';
    if (LESS_THAN.get(w)?.has(tokens[k - 1]?.text ?? '')) return 'max';
    if (w === 'bis' && seen === 0) return 'max';
    if (MAX_BEFORE.has(w)) return 'max';
    if (w === '>' || w === '≥' || w === '>=') return 'min';
    if (w === '<' || w === '≤' || w === '<=') return 'max';
    if (t.brk) break;
    if (PAY_WORDS.has(w)) break;
    // Only fillers may sit between a bound word and its amount ("up to a salary of", "ab:").
    if (t.kind === WORD && !BOUND_FILLERS.has(w) && !MIN_BEFORE.has(w) && !MAX_BEFORE.has(w) && !BOUND_PARTS.has(w)) break;
  }
  return null;
}

const BOUND_FILLERS: ReadonlySet<string> = new Set([
  'of',
  'at',
  'a',
  'an',
  'the',
  'is',
  'to',
  'from',
  'de',
  'à',
  'zu',
  'salary',
  'pay',
  'rate',
  'base',
  'wage',
  'gross',
  'brutto',
  'net',
  'hourly',
  'annual',
  'monthly',
  'paid',
  'earn',
  'around',
  'about',
]);
const BOUND_PARTS: ReadonlySet<string> = new Set([
  'up',
  'bis',
  'upp',
  'op',
  'at',
  'more',
  'over',
  'less',
  'fino',
  'jusqu',
  'exceed',
  'pas',
  'not',
]);
const NOT_EXCEED: ReadonlySet<string> = new Set(['dépassera', 'dépasse', 'dépasser', 'excédera', 'excède', 'excéder']);

/** "Minimum …:" / "Max …:" labels up to four tokens before a group, across pay words. */
function labelBound(tokens: readonly Token[], g: Group): 'min' | 'max' | null {
  for (let k = g.first - 1, seen = 0; k >= 0 && seen < 4; k--, seen++) {
    const t = tokens[k]!;
    if (t.kind === NUM) break;
    const w = t.text;
    if (w === 'minimum' || w === 'min' || w === 'lowest' || w === 'low' || w === 'mindestens' || w === 'mínimo') return 'min';
    if (w === 'maximum' || w === 'max' || w === 'highest' || w === 'high' || w === 'höchstens' || w === 'máximo') return 'max';
    if (t.brk) break;
  }
  return null;
}

/** Language and script cues for ambiguous currencies and three-decimal numbers. */
function languageContext(
  tokens: readonly Token[],
  hint: string | undefined,
): CurrencyContext & {
  arabic: boolean;
  zhMoney: boolean;
  jaMoney: boolean;
  traditional: number;
  simplified: boolean;
  vi: boolean;
  es: boolean;
  cl: boolean;
} {
  const ctx = {
    no: 0,
    sv: 0,
    da: 0,
    zh: 0,
    ja: 0,
    hint,
    codes: [],
    arabic: false,
    zhMoney: false,
    jaMoney: false,
    traditional: 0,
    simplified: false,
    vi: false,
    es: false,
    cl: false,
  } as CurrencyContext & {
    arabic: boolean;
    zhMoney: boolean;
    jaMoney: boolean;
    traditional: number;
    simplified: boolean;
    vi: boolean;
    es: boolean;
    cl: boolean;
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== WORD) continue;
    const w = t.text;
    const cue = LANGUAGE_CUES[w];
    if (cue) ctx[cue] += 2;
    else if (w.charCodeAt(0) < 0x3000) {
      // Letters only Norwegian/Danish (ø, æ) or Swedish (ö, ä) use.
      let nd = false;
      let sv = false;
      for (let j = 0; j < w.length; j++) {
        const c = w.charCodeAt(j);
        if (c === 0xf8 || c === 0xe6) nd = true;
        else if (c === 0xf6 || c === 0xe4) sv = true;
      }
      if (nd) {
        ctx.no++;
        ctx.da++;
      } else if (sv) ctx.sv++;
    }
    const q = QUALIFIERS[w];
    if (q) ctx.qualifier = q;
    if (t.upper && w.length === 3 && isIsoCurrency(w.toUpperCase()) && !codeNamesAThing(tokens, k))
      (ctx.codes as string[]).push(w.toUpperCase());
    const c = w.charCodeAt(0);
    if (c >= 0x600 && c <= 0x6ff) ctx.arabic = true;
    if (c >= 0x3040 && c <= 0x30ff) ctx.ja++;
    if (ZH_MONEY.has(w)) ctx.zhMoney = true;
    if (TRADITIONAL.has(w[0]!)) ctx.traditional++;
    if (SIMPLIFIED.has(w[0]!) || w === '人民币' || w === 'rmb') ctx.simplified = true;
    if (w === '円' || w === '万円' || w === '千円' || w === '年収' || w === '月給' || w === '時給') ctx.jaMoney = true;
    const flag = PAY_LANGUAGE.get(w);
    if (flag === 1) ctx.vi = true;
    else if (flag === 2) ctx.es = true;
    // Weaker Spanish cues count only in their pay phrase, so "MES Engineer", "Renta Car Agent" and
    // "hasta la vista" do not make a $ a peso: "al mes"/"por mes", "desde $…"/"hasta $…", "renta
    // líquida", "líquido(s)" (Chile).
    else if (!t.upper) {
      const prev = tokens[k - 1]?.text;
      const next = tokens[k + 1];
      if (w === 'mes' && (prev === 'al' || prev === 'por' || prev === 'cada' || prev === '/')) ctx.es = true;
      else if ((w === 'hasta' || w === 'desde') && next && (next.kind === NUM || next.text === '$')) ctx.es = true;
      else if (
        w === 'líquido' ||
        w === 'líquidos' ||
        (w === 'renta' && (next?.text === 'líquida' || next?.text === 'liquida' || next?.text === 'bruta'))
      ) {
        ctx.es = true;
        ctx.cl = true;
      }
    }
  }
  return ctx;
}

const ZH_MONEY: ReadonlySet<string> = new Set([
  '万',
  '萬',
  '薪',
  '元',
  '千',
  '薪资',
  '薪資',
  '月薪',
  '年薪',
  '工资',
  '待遇',
  '面议',
  '面議',
  '时薪',
  '時薪',
  '日薪',
  '月',
  '底薪',
  '五险一金',
  '税前',
  '税后',
  '到手',
  '年终奖',
  '包吃住',
  '包住',
  '双休',
  '提成',
  '餐补',
  '绩效',
]);

// Characters written only in traditional (Taiwan, Hong Kong) or only in simplified Chinese.
const TRADITIONAL: ReadonlySet<string> = new Set([...'時萬資議幣經驗員週歲職業務額與區齡']);
const SIMPLIFIED: ReadonlySet<string> = new Set([...'时资议币经验员周岁职业务额与区龄块']);

const LANGUAGE_CUES: Readonly<Record<string, 'no' | 'sv' | 'da' | 'zh' | 'ja'>> = {
  lønn: 'no',
  årslønn: 'no',
  timelønn: 'no',
  månedslønn: 'no',
  fastlønn: 'no',
  stilling: 'no',
  stillingen: 'no',
  søknadsfrist: 'no',
  arbeidssted: 'no',
  jobb: 'no',
  lønnet: 'no',
  lønnstrinn: 'no',
  kroner: 'no',
  ikke: 'no',
  løn: 'da',
  årsløn: 'da',
  timeløn: 'da',
  månedsløn: 'da',
  ansøgningsfrist: 'da',
  arbejdssted: 'da',
  måneden: 'da',
  efter: 'da',
  aftale: 'da',
  lønnen: 'no',
  lön: 'sv',
  mån: 'sv',
  mnd: 'no',
  årslön: 'sv',
  timlön: 'sv',
  månadslön: 'sv',
  månad: 'sv',
  månaden: 'sv',
  kronor: 'sv',
  tjänst: 'sv',
  tjänsten: 'sv',
  och: 'sv',
  enligt: 'sv',
  inte: 'sv',
  ansök: 'sv',
  ingångslön: 'sv',
  元: 'zh',
  薪: 'zh',
  月薪: 'zh',
  年薪: 'zh',
  人民币: 'zh',
  工资: 'zh',
  待遇: 'zh',
  万元: 'zh',
  薪资: 'zh',
  块: 'zh',
  円: 'ja',
  万円: 'ja',
  年収: 'ja',
  月給: 'ja',
  時給: 'ja',
  日給: 'ja',
  給与: 'ja',
  賞与: 'ja',
  年俸: 'ja',
};

const QUALIFIERS: Readonly<Record<string, string>> = {
  kuwaiti: 'KWD',
  kuwait: 'KWD',
  كويتي: 'KWD',
  bahraini: 'BHD',
  bahrain: 'BHD',
  بحريني: 'BHD',
  jordanian: 'JOD',
  jordan: 'JOD',
  أردني: 'JOD',
  اردني: 'JOD',
  الأردن: 'JOD',
  iraqi: 'IQD',
  عراقي: 'IQD',
  tunisian: 'TND',
  تونسي: 'TND',
  libyan: 'LYD',
  ليبي: 'LYD',
  algerian: 'DZD',
  جزائري: 'DZD',
  saudi: 'SAR',
  سعودي: 'SAR',
  qatari: 'QAR',
  قطري: 'QAR',
  qatar: 'QAR',
  omani: 'OMR',
  oman: 'OMR',
  عماني: 'OMR',
  emirati: 'AED',
  uae: 'AED',
  dubai: 'AED',
  إماراتي: 'AED',
  philippine: 'PHP',
  philippines: 'PHP',
  colombian: 'COP',
  colombia: 'COP',
  argentine: 'ARS',
  argentina: 'ARS',
  chilean: 'CLP',
  chile: 'CLP',
  mexican: 'MXN',
  mexico: 'MXN',
  méxico: 'MXN',
  canadian: 'CAD',
  canada: 'CAD',
  australian: 'AUD',
  australia: 'AUD',
  singapore: 'SGD',
  singaporean: 'SGD',
  'new-zealand': 'NZD',
  taiwan: 'TWD',
  hong: 'HKD',
  norwegian: 'NOK',
  norway: 'NOK',
  norge: 'NOK',
  swedish: 'SEK',
  sweden: 'SEK',
  sverige: 'SEK',
  super: 'AUD',
  superannuation: 'AUD',
  kiwisaver: 'NZD',
  danish: 'DKK',
  denmark: 'DKK',
  danmark: 'DKK',
  icelandic: 'ISK',
  iceland: 'ISK',
  uruguay: 'UYU',
  dominican: 'DOP',
};

/** First currency mark in the text: symbols and upper-case ISO codes anywhere. */
function globalCurrency(tokens: readonly Token[], currencyAt: (i: number, near: boolean) => { mark: string } | null): string | null {
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    // "$ sudo make install", "~$", "filename=$1": a shell prompt or variable, not a dollar.
    if (t.text === '$') {
      const next = tokens[k + 1];
      const prev = tokens[k - 1];
      if ((next?.kind === WORD && next.space) || (prev && !t.space && (prev.text === '~' || prev.text === '='))) continue;
    }
    if (t.kind === WORD && codeNamesAThing(tokens, k)) continue;
    const c = currencyAt(k, false);
    if (c) return c.mark;
  }
  return null;
}

/**
 * "Senior PHP Developer", "CAD Technician", "CAD designer 45,000": an upper-case code followed by a word
 * and not written after a number is a term (a language, drafting software), not a currency.
 */
function codeNamesAThing(tokens: readonly Token[], k: number): boolean {
  let next = tokens[k + 1];
  const prev = tokens[k - 1];
  // "PHP / ERP", "PHP, MySQL": a list of terms.
  if (next && next.kind === SYM && (next.text === '/' || next.text === ',' || next.text === '&') && tokens[k + 2]?.kind === WORD)
    next = tokens[k + 2];
  if (!next || next.kind !== WORD || next.brk) return false;
  // "USD base salary 120,000", "EUR per year": the code labels pay.
  if (PAY_WORDS.has(next.text) || isStrongPeriod(next.text) || PER_WORDS.has(next.text)) return false;
  if (prev && (prev.kind === NUM || MULTIPLIERS.has(prev.text))) return false;
  return true;
}
