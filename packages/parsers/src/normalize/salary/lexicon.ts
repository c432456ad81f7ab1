/**
 * Word lists for {@link parseSalary}: periods, bounds, range words, multipliers, pay words and
 * the nouns that mark a figure as not pay, in the languages job boards write. Keys are lower case
 * with Latin accents kept (the tokenizer looks a word up as written, then with accents folded).
 * Pure data; the grammar in `./grammar.ts` decides what a word means next to an amount.
 * @module
 */
import type { SalaryPeriod } from '@jobkit/core';

/**
 * Words that name a pay period on their own ("hourly", "jährlich", "月給"), wherever they stand
 * in the clause.
 */
export const STRONG_PERIOD: ReadonlyMap<string, SalaryPeriod> = new Map<string, SalaryPeriod>([
  // en
  ['hourly', 'hour'], ['daily', 'day'], ['weekly', 'week'], ['biweekly', 'week'], ['monthly', 'month'],
  ['annually', 'year'], ['annual', 'year'], ['yearly', 'year'], ['annum', 'year'], ['anum', 'year'], ['annun', 'year'],
  ['annualized', 'year'], ['annualised', 'year'], ['pa', 'year'], ['lpa', 'year'], ['ctc', 'year'], ['yearly', 'year'],
  // de / nl / scandinavian
  ['stündlich', 'hour'], ['stundenlohn', 'hour'], ['stundensatz', 'hour'], ['tagessatz', 'day'], ['täglich', 'day'],
  ['wöchentlich', 'week'], ['monatlich', 'month'], ['monatsgehalt', 'month'], ['jährlich', 'year'], ['jahresgehalt', 'year'],
  ['jahresbrutto', 'year'], ['jahreszielgehalt', 'year'], ['uurloon', 'hour'], ['maandelijks', 'month'], ['maandsalaris', 'month'],
  ['jaarlijks', 'year'], ['jaarsalaris', 'year'], ['timlön', 'hour'], ['timelønn', 'hour'], ['timeløn', 'hour'],
  ['månadslön', 'month'], ['månedslønn', 'month'], ['månedsløn', 'month'], ['årslön', 'year'], ['årslønn', 'year'],
  ['årsløn', 'year'], ['årligt', 'year'], ['årlig', 'year'], ['månedlig', 'month'], ['månatlig', 'month'],
  // fr / es / pt / it
  ['horaire', 'hour'], ['journalier', 'day'], ['hebdomadaire', 'week'], ['mensuel', 'month'], ['mensuelle', 'month'],
  ['mensuels', 'month'], ['annuel', 'year'], ['annuelle', 'year'], ['annuels', 'year'], ['mensual', 'month'],
  ['mensuales', 'month'], ['anual', 'year'], ['anuales', 'year'], ['semanal', 'week'], ['diario', 'day'], ['mensal', 'month'],
  ['mensais', 'month'], ['anuais', 'year'], ['mensile', 'month'], ['mensili', 'month'], ['annuo', 'year'], ['annui', 'year'],
  ['annua', 'year'], ['annuale', 'year'], ['ral', 'year'],
  // pl / ru / uk / tr
  ['miesięcznie', 'month'], ['rocznie', 'year'], ['měsíčně', 'month'], ['ročně', 'year'], ['mesačne', 'month'], ['godzinowa', 'hour'], ['ежемесячно', 'month'], ['почасовая', 'hour'],
  ['aylık', 'month'], ['yıllık', 'year'], ['saatlik', 'hour'], ['günlük', 'day'],
  // CJK (merged by the tokenizer into one token)
  ['時給', 'hour'], ['时薪', 'hour'], ['時薪', 'hour'], ['日給', 'day'], ['日薪', 'day'], ['日当', 'day'], ['週給', 'week'],
  ['周薪', 'week'], ['月給', 'month'], ['月薪', 'month'], ['月収', 'month'], ['月收入', 'month'], ['月额', 'month'],
  ['年収', 'year'], ['年薪', 'year'], ['年俸', 'year'], ['年收入', 'year'], ['年收', 'year'], ['年給', 'year'],
  ['시급', 'hour'], ['일급', 'day'], ['주급', 'week'], ['월급', 'month'], ['월', 'month'], ['연봉', 'year'],
  // ar / hi
  ['شهريا', 'month'], ['شهري', 'month'], ['شهرياً', 'month'], ['سنويا', 'year'], ['سنوي', 'year'], ['سنوياً', 'year'],
  ['मासिक', 'month'], ['वार्षिक', 'year'],
  // fi / hu / ro / el / he / th
  ['kuukausipalkka', 'month'], ['tuntipalkka', 'hour'], ['vuosipalkka', 'year'], ['kuukaudessa', 'month'],
  ['havi', 'month'], ['havonta', 'month'], ['órabér', 'hour'], ['lunar', 'month'],
  ['μηνιαίως', 'month'], ['μηνιαίος', 'month'], ['ετήσιος', 'year'], ['לחודש', 'month'], ['לשעה', 'hour'], ['לשנה', 'year'],
  ['เงินเดือน', 'month'], ['รายเดือน', 'month'], ['รายวัน', 'day'], ['รายชั่วโมง', 'hour'], ['ต่อเดือน', 'month'],
  ['時間給', 'hour'], ['月額', 'month'], ['tjm', 'day'],
]);

/** Unit words that name a period only after "per"/"a"/"/" or right after an amount ("€15 Stunde" is rare). */
export const UNIT_PERIOD: ReadonlyMap<string, SalaryPeriod> = new Map<string, SalaryPeriod>([
  ['hour', 'hour'], ['hr', 'hour'], ['hrs', 'hour'], ['h', 'hour'], ['std', 'hour'], ['stunde', 'hour'], ['stund', 'hour'],
  ['heure', 'hour'], ['hora', 'hour'], ['uur', 'hour'], ['timme', 'hour'], ['timmen', 'hour'], ['time', 'hour'],
  ['timen', 'hour'], ['godzinę', 'hour'], ['godz', 'hour'], ['час', 'hour'], ['ora', 'hour'], ['saat', 'hour'],
  ['day', 'day'], ['d', 'day'], ['tag', 'day'], ['jour', 'day'], ['día', 'day'], ['dia', 'day'], ['dag', 'day'],
  ['dagen', 'day'], ['dzień', 'day'], ['день', 'day'], ['giorno', 'day'], ['gün', 'day'], ['shift', 'day'],
  ['week', 'week'], ['wk', 'week'], ['woche', 'week'], ['semaine', 'week'], ['semana', 'week'], ['vecka', 'week'],
  ['uke', 'week'], ['uge', 'week'], ['tydzień', 'week'], ['неделю', 'week'], ['settimana', 'week'], ['hafta', 'week'],
  ['month', 'month'], ['mo', 'month'], ['mth', 'month'], ['mos', 'month'], ['mon', 'month'], ['monat', 'month'],
  ['mois', 'month'], ['mes', 'month'], ['mês', 'month'], ['maand', 'month'], ['månad', 'month'], ['månaden', 'month'],
  ['måned', 'month'], ['måneden', 'month'], ['mån', 'month'], ['mnd', 'month'], ['md', 'month'], ['miesiąc', 'month'], ['miesiąca', 'month'], ['mies', 'month'],
  ['месяц', 'month'], ['мес', 'month'], ['mese', 'month'], ['ay', 'month'], ['شهر', 'month'], ['माह', 'month'],
  ['महीना', 'month'], ['महीने', 'month'], ['pcm', 'month'],
  ['year', 'year'], ['yr', 'year'], ['y', 'year'], ['jahr', 'year'], ['an', 'year'], ['année', 'year'], ['año', 'year'],
  ['ano', 'year'], ['jaar', 'year'], ['år', 'year'], ['året', 'year'], ['rok', 'year'], ['год', 'year'], ['anno', 'year'],
  ['yıl', 'year'], ['سنة', 'year'], ['वर्ष', 'year'], ['साल', 'year'],
  ['jam', 'hour'], ['hari', 'day'], ['minggu', 'week'], ['bulan', 'month'], ['tahun', 'year'], ['giờ', 'hour'],
  ['ngày', 'day'], ['tuần', 'week'], ['tháng', 'month'], ['năm', 'year'],
  ['kk', 'month'], ['kuukausi', 'month'], ['kuussa', 'month'], ['tunti', 'hour'], ['tunnissa', 'hour'], ['vuosi', 'year'],
  ['vuodessa', 'year'], ['päivä', 'day'], ['hó', 'month'], ['hónap', 'month'], ['óra', 'hour'], ['év', 'year'], ['nap', 'day'],
  ['hod', 'hour'], ['hodinu', 'hour'], ['měsíc', 'month'], ['lună', 'month'], ['luna', 'month'], ['oră', 'hour'],
  ['μήνα', 'month'], ['ώρα', 'hour'], ['έτος', 'year'], ['חודש', 'month'], ['שעה', 'hour'],
  ['เดือน', 'month'], ['ปี', 'year'], ['ชั่วโมง', 'hour'], ['ชม', 'hour'], ['วัน', 'day'], ['สัปดาห์', 'week'],
  ['時', 'hour'], ['小时', 'hour'], ['時間', 'hour'], ['天', 'day'], ['日', 'day'], ['周', 'week'], ['週', 'week'],
  ['月', 'month'], ['年', 'year'], ['時間', 'hour'],
]);

/** Words that make the next unit word a period: "per hour", "an hour", "pro Jahr", "al mese", "в месяц". */
export const PER_WORDS: ReadonlySet<string> = new Set([
  'per', 'a', 'an', 'each', 'every', 'by', 'the', 'pro', 'im', 'je', 'par', 'de', 'la', 'le', 'l', 'por', 'al', 'el', 'ao',
  'à', 'in', 'i', 'om', 'pr', 'p', 'w', 'skali', 'na', 'за', 'в', 'в/', 'ل', 'لكل', 'في', 'प्रति', 'mỗi', 'per-', 'se',
  'sebulan', 'một', 'mỗi',
]);

/** Two-word period phrases the unit/per rule does not cover. */
export const PERIOD_AFTER_P: ReadonlyMap<string, SalaryPeriod> = new Map<string, SalaryPeriod>([
  // "p.a." / "p.h." / "p.m." / "p/h" read as p + letter
  ['a', 'year'], ['h', 'hour'], ['hr', 'hour'], ['m', 'month'], ['w', 'week'], ['d', 'day'], ['y', 'year'],
]);

/** Two-letter shorthands written straight after an amount ("£12 ph", "£400 pd", "£2k pcm"). */
export const SHORT_PERIOD: ReadonlyMap<string, SalaryPeriod> = new Map<string, SalaryPeriod>([
  ['ph', 'hour'], ['phr', 'hour'], ['pd', 'day'], ['pw', 'week'], ['pm', 'month'], ['pcm', 'month'], ['py', 'year'],
  ['p.a', 'year'], ['pa', 'year'], ['hr', 'hour'], ['hrs', 'hour'], ['mo', 'month'], ['yr', 'year'],
]);

/** A number right before these is a minimum: "from $X", "ab 55.000 €", "od 10 000 zł". */
export const MIN_BEFORE: ReadonlySet<string> = new Set([
  'from', 'starting', 'beginning', 'starts', 'start', 'min', 'minimum', 'least', 'ab', 'mindestens', 'partir', 'dès',
  'des', 'desde', 'od', 'от', 'від', 'vanaf', 'fra', 'från', 'partire', 'minimo', 'mínimo', 'upwards', 'منذ', 'من',
  'ابتداء', 'ابتداءً', 'starting_at', 'từ', 'trên', 'mulai', 'minimal', 'ตั้งแต่', 'เริ่มต้น', 'vähintään', 'legalább',
  'ponad', 'powyżej', 'свыше', 'более', 'över',
]);

/** A number right before these is a maximum: "up to", "bis zu", "jusqu'à", "hasta", "до". */
export const MAX_BEFORE: ReadonlySet<string> = new Set([
  'upto', 'max', 'maximum', 'maximal', 'höchstens', 'jusqu', 'jusque', 'hasta', 'até', 'ate', 'fino', 'tot', 'do', 'до',
  'opptil', 'máximo', 'massimo', 'حتى', 'تصل', 'tới', 'đến', 'dưới', 'hingga', 'sampai', 'maksimal', 'maks', 'สูงสุด',
  'enintään', 'legfeljebb', 'až',
]);

/**
 * "more than" / "less than" written as a comparative and its particle: the particle sits right
 * before the amount ("más de $60 mil", "mehr als 3.000 €", "plus de 40 000 €").
 */
export const MORE_THAN: ReadonlyMap<string, ReadonlySet<string>> = new Map<string, ReadonlySet<string>>([
  ['than', new Set(['more', 'over'])], ['de', new Set(['más', 'mais', 'plus'])], ['als', new Set(['mehr'])],
  ['di', new Set(['più'])], ['dan', new Set(['meer'])],
]);
/**
 * Comparatives right after an amount make it a difference, not a figure ("CHF 700 weniger zahlen", "£2k more than
 * the average", "$5 cheaper"); "or more" / "oder mehr" bounds have a word between and are read elsewhere. "plus" and
 * "más" are left out: after an amount they add a benefit ("50 000 € plus primes").
 */
export const DIFFERENCE_AFTER: ReadonlySet<string> = new Set([
  'less', 'more', 'cheaper', 'weniger', 'mehr', 'günstiger', 'billiger', 'moins', 'menos', 'mniej', 'taniej', 'goedkoper',
]);
export const LESS_THAN: ReadonlyMap<string, ReadonlySet<string>> = new Map<string, ReadonlySet<string>>([
  ['than', new Set(['less'])], ['de', new Set(['menos', 'moins'])], ['als', new Set(['weniger'])], ['di', new Set(['meno'])],
  ['dan', new Set(['minder'])],
]);

/** After an amount: "以上", "起", "or more" → minimum; "以下", "まで" → maximum. */
export const MIN_AFTER: ReadonlySet<string> = new Set([
  '以上', '起', '及以上', '以上可', '+', '↑', 'plus', 'upwards', 'onwards', '이상', '부터', 'ขึ้นไป', 'alkaen', 'felett', 'feletti',
]);
export const MAX_AFTER: ReadonlySet<string> = new Set(['以下', 'まで', '以内', '이하', '까지']);

/** Words between two amounts that make a range. */
export const RANGE_WORDS: ReadonlySet<string> = new Set([
  '-', '–', '—', '‐', '‑', '‒', '−', '~', '〜', '～', '～', 'to', 'bis', 'à', 'a', 'au', 'til', 'till', 'tot', 'do', 'до',
  'і', 'и', '至', '到', 'és', 'ad', 'ate', 'até', 'al', 'hasta', 'e', 'y', 'and', 'und', 'et', 'och', 'og', 'en', 'i',
  'ila', '–', 'إلى', 'الى', 'से', 'tới', 'đến', 'hingga', 'sampai', 's/d', 'thru', 'through', '~',
]);
/** Range words that only join when "between"/"entre"/"zwischen" came first. */
export const BETWEEN_ONLY: ReadonlySet<string> = new Set(['and', 'und', 'et', 'y', 'e', 'och', 'og', 'en', 'i', 'és', 'و']);
export const BETWEEN_WORDS: ReadonlySet<string> = new Set(['between', 'zwischen', 'entre', 'tra', 'fra', 'mellan', 'mellem', 'tussen', 'między', 'между', 'بين']);

/** Multipliers written after a number. `unitOnly` ones ("m") count only next to a currency. */
export const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ['k', 1e3], ['t', 1e3], ['tsd', 1e3], ['tausend', 1e3], ['mil', 1e3], ['tys', 1e3], ['тыс', 1e3], ['тис', 1e3], ['千', 1e3],
  ['nghìn', 1e3], ['ngàn', 1e3], ['ribu', 1e3], ['rb', 1e3], ['thousand', 1e3], ['grand', 1e3], ['ألف', 1e3], ['الف', 1e3],
  ['हज़ार', 1e3], ['हजार', 1e3],
  ['m', 1e6], ['mm', 1e6], ['mn', 1e6], ['mio', 1e6], ['million', 1e6], ['millions', 1e6], ['millionen', 1e6],
  ['millón', 1e6], ['millones', 1e6], ['milhão', 1e6], ['milhões', 1e6], ['milioni', 1e6], ['miljoen', 1e6], ['млн', 1e6],
  ['triệu', 1e6], ['tr', 1e6], ['juta', 1e6], ['jt', 1e6], ['百万', 1e6], ['백만', 1e6], ['مليون', 1e6],
  ['bn', 1e9], ['b', 1e9], ['billion', 1e9], ['billions', 1e9], ['mrd', 1e9], ['milliard', 1e9], ['млрд', 1e9],
  ['lakh', 1e5], ['lakhs', 1e5], ['lac', 1e5], ['lacs', 1e5], ['l', 1e5], ['lpa', 1e5], ['लाख', 1e5],
  ['crore', 1e7], ['crores', 1e7], ['cr', 1e7], ['करोड़', 1e7],
  ['万', 1e4], ['萬', 1e4], ['만', 1e4], ['亿', 1e8], ['億', 1e8], ['억', 1e8],
]);
/** Multipliers that are also units ("5 m" of cable, "3 b" building): only with a currency. */
export const MULT_NEEDS_CURRENCY: ReadonlySet<string> = new Set(['m', 'mm', 'b', 'l', 'tr', 'grand', 'd', 't']);

/** Words that mark a figure as pay when they come before it in the clause (or right after). */
export const PAY_WORDS: ReadonlySet<string> = new Set([
  'salary', 'salaries', 'pay', 'paid', 'paying', 'compensation', 'comp', 'wage', 'wages', 'rate', 'remuneration',
  'earn', 'earning', 'earnings', 'fte', 'income', 'stipend', 'base', 'package', 'ctc', 'tc', 'payrate', 'hourly',
  'gehalt', 'gehalts', 'jahresgehalt', 'grundgehalt', 'vergütung', 'verdienst', 'lohn', 'stundenlohn', 'bruttogehalt',
  'salaire', 'rémunération', 'remuneration', 'rémunéré', 'brut', 'salario', 'sueldo', 'remuneración', 'salário',
  'remuneração', 'stipendio', 'retribuzione', 'ral', 'salaris', 'loon', 'lön', 'lønn', 'løn', 'pensja', 'wynagrodzenie',
  'stawka', 'зарплата', 'зп', 'оклад', 'заработная', 'плата', 'доход', 'зарплати', 'maaş', 'ücret', 'gaji', 'upah',
  'lương', 'mức', 'الراتب', 'راتب', 'رواتب', 'الأجر', 'أجر', 'वेतन', 'सैलरी', 'तनख्वाह',
  '薪', '薪资', '薪資', '薪酬', '薪水', '工资', '待遇', '底薪', '基本給', '基本给', '基本工资', '给与', '給与', '給料', '報酬', '月給', '年収', '時給', '日給',
  '月薪', '年薪', '时薪', '연봉', '급여', '월급', '시급', '임금', 'salaryrange', 'paygrade', 'payband', 'range',
  '時間給', '固定給', '初任給', '月額', 'tjm', 'palkka', 'palkkaus', 'bér', 'fizetés', 'bérezés', 'mzda', 'plat', 'salariu',
  'salariul', 'μισθός', 'μισθό', 'αποδοχές', 'שכר', 'เงินเดือน', 'ค่าจ้าง', 'รายได้', 'ค่าแรง', 'penghasilan',
]);

/**
 * Nouns that say a figure next to them is not the posting's pay: bonuses, company money, fees and
 * prices, counts. Checked a few tokens either side of an amount within its clause.
 */
export const NOT_PAY_WORDS: ReadonlySet<string> = new Set([
  'bonus', 'bonuses', 'sign-on', 'signon', 'signing', 'referral', 'referrals', 'refer', 'referring',
  'revenue', 'revenues', 'turnover', 'arr', 'mrr', 'funding', 'funded', 'raised', 'valuation', 'valued', 'investors',
  'invested', 'aum', 'ebitda', 'gmv', 'marketcap', 'fee', 'fees', 'price', 'prices', 'priced', 'cost', 'costs', 'tuition',
  'rent', 'loans', 'spend', 'spent', 'quoted', 'save', 'savings', 'discount', 'voucher', 'vouchers', 'coupon', 'refund',
  'credits', 'reimbursement', 'reimbursed', 'allowance', 'stipends', 'sacrifice', 'additional', 'donation', 'donations',
  'fines', 'contract-value', 'transactions', 'transaction', 'processed',
  // fr benefits written next to their value: meal vouchers, transport, health cover, on-call pay
  'restaurant', 'titres', 'resto', 'tickets', 'ticket', 'swile', 'edenred', 'sodexo', 'carte', 'mutuelle', 'prévoyance', 'santé',
  'mobilité', 'transport', 'transports', 'navigo', 'abonnement', 'remboursement', 'remboursé', 'charge', 'astreinte',
  'astreintes', 'cooptation', 'intéressement', 'employeur', 'patronale', 'essenszuschuss', 'jobticket', 'deutschlandticket',
  // the same family in other languages: meal, transport and health benefits, allowances, bonuses
  'urlaubsgeld', 'weihnachtsgeld', 'sachbezug', 'gutschein', 'gutscheine', 'fahrtkostenzuschuss', 'kita-zuschuss',
  'bono', 'bonos', 'prima', 'dietas', 'cheque', 'cheques', 'guardería', 'seguro', 'comisiones', 'incentivos',
  'vales', 'despensa', 'vale-refeição', 'vale-alimentação', 'vale-transporte', 'auxílio', 'bônus', 'plr', 'comissão', 'comissões',
  'дмс', 'питание', 'питания', 'проезд', 'проезда', 'бонус', 'бонусы', 'компенсация', 'компенсируем', 'фитнес', 'фитнеса', 'trưa',
  'buoni', 'reiskostenvergoeding', 'vakantiegeld', 'eindejaarsuitkering',
  'multisport', 'dodatek', 'dofinansowanie', 'prim', 'ikramiye', 'yemek', 'thưởng', 'tunjangan', 'insentif',
  'بدل', 'سكن', 'مواصلات', 'โบนัส', 'เบี้ยเลี้ยง', 'ค่าเดินทาง', 'สวัสดิการ', 'ค่าคอมมิชชั่น',
  '餐补', '饭补', '房补', '交通补贴', '绩效', '全勤奖', '注册资本', '注册资金', '资本', '住宅補助', 'インセンティブ', '寸志', '一時金', '식대', '교통비', '성과급', '복지포인트',
  // ko joining and referral money, bonuses and allowances ("입사축하금 100만원", "추천금 20만원")
  '입사축하금', '입사지원금', '축하금', '지원금', '보너스', '상여', '상여금', '인센티브', '수당', '추천금',
  'prämie', 'prämien', 'umsatz', 'jahresumsatz', 'gebühr', 'gebühren', 'kosten', 'preis', 'zuschuss', 'startprämie',
  'wechselprämie', 'prime', 'primes', 'frais', 'honoraires', 'affaires', 'coût', 'prix', 'facturación', 'facturacion',
  'ventas', 'comisión', 'precio', 'coste', 'costo', 'tarifa', 'prêmio', 'faturamento', 'premio', 'fatturato',
  'премия', 'премии', 'выручка', 'оборот', 'инвестиции', 'стоимость', 'цена',
  'مكافأة', 'مكافاة', 'عمولة', 'رسوم', 'سعر', 'إيرادات',
  '奖金', '年终奖', '融资', '营收', '营业额', '估值', '賞与', '手当', '交通費', '売上', '売上高', '資本金', '売上げ', '融資', '費用',
  '价格', '費', '补贴', '補助', 'ボーナス', '인센티브', '상여금', '매출', '支度金', '祝い金', '入社祝い金', '退職金', '提成',
  // prices, loans, leases, subscriptions, pensions and grants written with a monthly or one-off sum
  'leasing', 'leasingnehmer', 'abo', 'auto-abo', 'abonnent', 'abonniere', 'miete', 'kredit', 'darlehen',
  'nettokreditbetrag', 'sollzins', 'rente', 'bruttorente', 'nettorente', 'betriebsrente', 'spende', 'belohnung',
  'förderung', 'beiträge', 'beträge', 'preisen', 'kostet', 'extras', 'multa', 'licitación', 'suscripción', 'cuota',
  'alquiler', 'préstamo', 'assine', 'assinatura', 'aluguel', 'custar', 'custa', 'gastar', 'resgate', 'cena', 'cenie',
  'koszt', 'kosztuje', 'czynsz', 'kredyt', 'pkb', 'dostęp',
]);

/**
 * Nouns that mark a figure as a price only when they follow it ("$400 for the course", "$5 off"):
 * before an amount they are usually part of a job title ("Order picker – £11.50 an hour").
 */
export const NOT_PAY_AFTER_ONLY: ReadonlySet<string> = new Set([
  'off', 'course', 'courses', 'bootcamp', 'sales', 'credit', 'loan', 'insurance', 'market', 'deal', 'deals', 'portfolio', 'capital', 'assets', 'profit',
  'profits', 'investment', 'grant', 'grants', 'award', 'prize', 'parking', 'gym', 'membership', 'memberships',
  'subscription', 'learning', 'wellness', 'wellbeing', 'internet', 'coworking', 'co-working', 'mileage', 'per-diem',
  'meal', 'meals', 'lunch', 'commuter', 'packaging', 'relocation', 'series', 'seed', 'equity', 'shares', 'deposit',
  'fine',
]);

/**
 * Nouns of people and things counted on job boards and company pages ("3 lakh vacancies", "123.765 Empresas",
 * "2.5 crore candidates", "250,000+ Jobs"). A number (with its multiplier) followed by one of them, or by one plain
 * word and then one of them ("3 lakh latest job vacancies"), is a count when no currency is written.
 */
export const COUNT_NOUNS: ReadonlySet<string> = new Set([
  'people', 'persons', 'person', 'employees', 'employee', 'staff', 'members', 'member', 'users', 'user', 'customers',
  'clients', 'students', 'patients', 'beds', 'stores', 'locations', 'offices', 'countries', 'cities', 'languages',
  'positions', 'position', 'openings', 'opening', 'vacancies', 'vacancy', 'roles', 'seats', 'teams', 'engineers',
  'developers', 'devs', 'hires', 'candidates', 'candidate', 'applicants', 'applications', 'projects', 'companies',
  'company', 'employers', 'recruiters', 'referrers', 'consultants', 'jobs', 'job', 'posts', 'listings', 'resumes', 'cvs',
  'downloads', 'followers', 'subscribers', 'visitors', 'installs', 'reviews', 'stars', 'branches', 'partners',
  'mitarbeiter', 'mitarbeitende', 'unternehmen', 'firmen', 'stellen', 'stellenangebote', 'bewerber', 'salariés',
  'entreprises', 'offres', 'emplois', 'postes', 'candidats', 'personnes', 'empleados', 'empresas', 'vacantes', 'empleos',
  'ofertas', 'candidatos', 'personas', 'funcionários', 'vagas', 'pessoas', 'currículos', 'dipendenti', 'aziende',
  'medewerkers', 'bedrijven', 'vacatures', 'anställda', 'företag', 'ansatte', 'pracowników', 'firm', 'ofert',
  'сотрудников', 'человек', 'вакансий', 'вакансии', 'компаний', 'резюме',
]);

/** Suffixes after which a number is a count or a measure, not money. */
export const NOT_MONEY_AFTER: ReadonlySet<string> = new Set([
  ...COUNT_NOUNS,
  'years', 'year', 'yrs', 'yr', 'yoe', 'jahre', 'jahren', 'jahr', 'ans', 'años', 'anos', 'anni', 'jaar', 'år',
  'lat', 'lata', 'лет', 'года', 'год', 'yıl', 'سنوات', 'سنة', 'वर्ष', 'साल', 'năm', 'tháng', 'ngày', 'giờ', 'người', 'tuần',
  'tahun', 'bulan', 'hari', 'orang',
  'months', 'month', 'mos', 'monate', 'monaten', 'mois', 'meses', 'mesi', 'maanden', 'månader', 'måneder', 'miesięcy',
  'месяцев', 'месяца', 'weeks', 'week', 'wochen', 'semaines', 'semanas', 'days', 'day', 'tage', 'tagen', 'jours', 'días',
  'dias', 'giorni', 'dagen', 'dni', 'дней', 'hours', 'hour', 'hrs', 'hr', 'h', 'stunden', 'std', 'heures', 'horas', 'ore',
  'uur', 'timmar', 'timer', 'godzin', 'часов', 'часа', 'minutes', 'mins', 'min', 'minuten', 'seconds', 'sec',
  '%', 'percent', 'per-cent', 'prozent', 'pourcent', 'pct', 'procent', 'процентов',
  'people', 'persons', 'person', 'employees', 'employee', 'staff', 'members', 'mitarbeiter', 'mitarbeitende',
  'salariés', 'empleados', 'funcionários', 'dipendenti', 'medewerkers', 'anställda', 'ansatte', 'pracowników',
  'сотрудников', 'человек', 'users', 'customers', 'clients', 'students', 'patients', 'beds', 'stores', 'locations',
  'offices', 'countries', 'cities', 'languages', 'positions', 'openings', 'vacancies', 'roles', 'seats', 'teams',
  'engineers', 'developers', 'devs', 'hires', 'candidates', 'projects', 'companies', 'downloads', 'followers', 'installs', 'reviews', 'stars',
  'km', 'miles', 'mi', 'kg', 'lbs', 'lb', 'cm', 'mm', 'sqft', 'sq', 'gb', 'tb', 'mb', 'ghz', 'mhz', 'kw', 'mw', 'mph',
  'x', 'th', 'st', 'nd', 'rd', 'ème', 'eme', 'ième', 'er', 'ère', 'salaries', 'gehälter', 'monatsgehälter', 'pagas', 'mensualités', 'mensilità', 'º', '°', 'yo', 'ft', 'feet', 'inch', 'inches', 'pages', 'words', 'kb',
  '薪', '年', '月', '年間', '年以上', 'ヶ月', 'か月', 'ヵ月', '个月', '個月', '天', '日', '日間', '時間', '小时', '小時', '人', '名',
  '歳', '岁', '周', '週', '回', '件', '社', '家', '号', '号線', '番', '階', '分', '秒', '歲', '次', '个', '位', '년', '개월', '명',
  '시간', '일', '세', '%',
]);
