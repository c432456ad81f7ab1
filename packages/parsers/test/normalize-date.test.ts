import { describe, expect, it } from 'vitest';
import { asciiDigits, parseDateDetailed } from '../src/normalize/date.js';
import { parseDate } from '../src/normalize/index.js';

const now = new Date('2024-06-15T12:00:00Z');

const rows: [string, string | null][] = [
  ['2024-03-05', '2024-03-05'],
  ['2024-03-05T10:00:00Z', '2024-03-05T10:00:00Z'],
  ['2024-03-05T10:00:00+02:00', '2024-03-05T10:00:00+02:00'],
  ['2024-03-05T10:00:00.123-0500', '2024-03-05T10:00:00.123-05:00'],
  ['2024-03-05 10:00', '2024-03-05T10:00:00'],
  ['Tue, 05 Mar 2024 10:00:00 +0100', '2024-03-05T10:00:00+01:00'],
  ['Tue, 05 Mar 2024 10:00:00 GMT', '2024-03-05T10:00:00Z'],
  ['05.03.2024', '2024-03-05'],
  ['5.3.2024', '2024-03-05'],
  ['03/05/2024', '2024-03-05'],
  ['25/03/2024', '2024-03-25'],
  ['5 March 2024', '2024-03-05'],
  ['March 5, 2024', '2024-03-05'],
  ['Mar 5th, 2024', '2024-03-05'],
  ['5. März 2024', '2024-03-05'],
  ['le 5 mars 2024', '2024-03-05'],
  ['5 de marzo de 2024', '2024-03-05'],
  ['Posted 3 days ago', '2024-06-12'],
  ['Posted today', '2024-06-15'],
  ['Posted yesterday', '2024-06-14'],
  ['Posted 30+ Days Ago', '2024-05-16'],
  ['2 weeks ago', '2024-06-01'],
  ['a day ago', '2024-06-14'],
  ['2 hours ago', '2024-06-15T10:00:00.000Z'],
  ['vor 3 Tagen', '2024-06-12'],
  ['Veröffentlicht: vor einem Tag', '2024-06-14'],
  ['heute', '2024-06-15'],
  ['il y a 2 jours', '2024-06-13'],
  ["aujourd'hui", '2024-06-15'],
  ['hace 5 días', '2024-06-10'],
  ['ayer', '2024-06-14'],
  ['1709632800', '2024-03-05T10:00:00.000Z'],
  ['1709632800000', '2024-03-05T10:00:00.000Z'],
  // Rejected: unparseable, impossible, too old, absurd future.
  ['', null],
  ['nonsense', null],
  ['Senior Engineer', null],
  ['2024-02-30', null],
  ['31.04.2024', null],
  ['1985-01-01', null],
  ['2099-12-31', null],
  ['0', null],
];

describe('parseDate', () => {
  it.each(rows)('%j → %j', (text, expected) => {
    expect(parseDate(text, { now })).toBe(expected);
  });

  it('has at least 20 cases', () => expect(rows.length).toBeGreaterThanOrEqual(20));

  it('returns strings Date.parse accepts', () => {
    for (const [text, expected] of rows) if (expected) expect(Number.isNaN(Date.parse(parseDate(text, { now })!))).toBe(false);
  });

  it('defaults now to the current time', () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(parseDate('today')).toBe(today);
  });
});

describe('parseDate: relative dates in many languages', () => {
  it.each([
    ['3 days ago', '2024-06-12'],
    ['vor 3 Tagen', '2024-06-12'],
    ['il y a 3 jours', '2024-06-12'],
    ['hace 3 días', '2024-06-12'],
    ['há 3 dias', '2024-06-12'],
    ['3 giorni fa', '2024-06-12'],
    ['3 dagen geleden', '2024-06-12'],
    ['3 dni temu', '2024-06-12'],
    ['3 gün önce', '2024-06-12'],
    ['3 дня назад', '2024-06-12'],
    ['3天前', '2024-06-12'],
    ['3日前', '2024-06-12'],
    ['3일 전', '2024-06-12'],
    ['منذ 3 أيام', '2024-06-12'],
    ['منذ يومين', '2024-06-13'],
    ['3 दिन पहले', '2024-06-12'],
    ['2 周前', '2024-06-01'],
    ['hoje', '2024-06-15'],
    ['вчера', '2024-06-14'],
    ['昨天', '2024-06-14'],
    ['اليوم', '2024-06-15'],
    ['Publicada hace 1d', '2024-06-14'],
    ['hace una semana', '2024-06-08'],
    ['há uma semana', '2024-06-08'],
    ['il y a une semaine', '2024-06-08'],
    ['tydzień temu', '2024-06-08'],
    ['przed 3 dniami', '2024-06-12'],
    ['опубліковано 3 дні тому', '2024-06-12'],
    ['вчора', '2024-06-14'],
    ['방금 전', '2024-06-15'],
    ['3 วันที่แล้ว', '2024-06-12'],
    ['3 ngày trước', '2024-06-12'],
    ['3 hari yang lalu', '2024-06-12'],
    ['för 3 dagar sedan', '2024-06-12'],
    ['i går', '2024-06-14'],
  ])('%j → %j', (text, expected) => {
    expect(parseDate(text, { now })).toBe(expected);
  });
});

describe('parseDate: dates ahead, as boards count down to the close', () => {
  it.each([
    ['in 3 days', '2024-06-18'],
    ['in 3 Tagen', '2024-06-18'],
    ['in einem Monat', '2024-07-15'],
    ['over één dag', '2024-06-16'],
    ['over twee weken', '2024-06-29'],
    ['dans 2 jours', '2024-06-17'],
    ['en 5 días', '2024-06-20'],
    ['quedan 3 días', '2024-06-18'],
    ['faltam 4 dias', '2024-06-19'],
    ['tra 3 giorni', '2024-06-18'],
    ['za 3 dni', '2024-06-18'],
    ['om 2 veckor', '2024-06-29'],
    ['noch 3 Tage', '2024-06-18'],
    ['3 days left', '2024-06-18'],
    ['через 3 дня', '2024-06-18'],
    ['осталось 3 дня', '2024-06-18'],
    ['还有5天', '2024-06-20'],
    ['5天后', '2024-06-20'],
    ['残り3日', '2024-06-18'],
    ['あと3日', '2024-06-18'],
    ['3일 남음', '2024-06-18'],
    ['D-3', '2024-06-18'],
    ['D-day', '2024-06-15'],
    ['อีก 3 วัน', '2024-06-18'],
    ['خلال 3 أيام', '2024-06-18'],
    ['3 दिन शेष', '2024-06-18'],
    ['3 hari lagi', '2024-06-18'],
    ['tomorrow', '2024-06-16'],
    ['明日', '2024-06-16'],
    ['내일', '2024-06-16'],
  ])('%j → %j (with its reference time)', (text, expected) => {
    const r = parseDateDetailed(text, { now });
    expect(r.value).toBe(expected);
    expect(r.reference).toBe('2024-06-15T12:00:00Z');
  });

  it('never reads a past phrase or a bare number as a date ahead', () => {
    expect(parseDate('over 30 days ago', { now })).not.toBe('2024-07-15');
    expect(parseDate('in 2025', { now })).toBeNull();
    expect(parseDate('over ons', { now })).toBeNull();
    expect(parseDate('3天', { now })).toBeNull();
  });
});

describe('parseDate: written and numeric dates beyond en/de/fr/es', () => {
  it.each([
    ['2025年12月31日', '2025-12-31'],
    ['2026年12月5日（金）必着', '2026-12-05'],
    ['2026/11/17（火）', '2026-11-17'],
    ['31 декабря 2025', '2025-12-31'],
    ['31 de dezembro de 2025', '2025-12-31'],
    ['31 dicembre 2025', '2025-12-31'],
    ['١٥/١٢/٢٠٢٥', '2025-12-15'],
    ['２０２５年１２月３１日', '2025-12-31'],
    ['15 ธันวาคม 2568', '2025-12-15'],
    ['2026/12/10', '2026-12-10'],
  ])('%j → %j', (text, expected) => {
    expect(parseDate(text, { now: new Date('2025-06-15T12:00:00Z') })).toBe(expected);
  });

  it('reads Arabic-Indic, Devanagari and full-width digits as ASCII', () => {
    expect(asciiDigits('٢٠٢٥-١٢-٣١ ۱۲ १२ １２')).toBe('2025-12-31 12 12 12');
  });
});

describe('parseDate: era years', () => {
  it.each([
    ['令和7年12月5日', '2025-12-05'],
    ['令和元年5月1日', '2019-05-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['令和8年1月9日（金）必着', '2026-01-09'],
    ['民國114年12月31日', '2025-12-31'],
    ['中華民国114年1月5日', '2025-01-05'],
    ['114年12月31日', '2025-12-31'],
    ['114/12/31', '2025-12-31'],
  ])('%j → %j', (text, expected) => {
    expect(parseDate(text, { now: new Date('2025-06-15T12:00:00Z') })).toBe(expected);
  });
});

describe('parseDate: day-first or month-first', () => {
  it('follows the order it is given for slash dates whose parts are both ≤ 12, and says they were ambiguous', () => {
    expect(parseDateDetailed('05/04/2026', { now, order: 'dmy' })).toEqual({ value: '2026-04-05', ambiguous: true });
    expect(parseDateDetailed('05/04/2026', { now, order: 'mdy' })).toEqual({ value: '2026-05-04', ambiguous: true });
  });

  it('is certain when a part is over 12, whatever the order', () => {
    expect(parseDateDetailed('25/03/2024', { now, order: 'mdy' })).toEqual({ value: '2024-03-25', ambiguous: false });
    expect(parseDateDetailed('03/25/2024', { now, order: 'dmy' })).toEqual({ value: '2024-03-25', ambiguous: false });
  });

  it('reads dotted dates day first everywhere, without ambiguity', () => {
    expect(parseDateDetailed('05.04.2024', { now, order: 'mdy' })).toEqual({ value: '2024-04-05', ambiguous: false });
  });

  it('reads two-digit years as 20xx', () => {
    expect(parseDate('31/12/25', { now: new Date('2025-06-15T12:00:00Z') })).toBe('2025-12-31');
  });

  it('caps its input', () => {
    const t0 = performance.now();
    expect(parseDate(`${'3 '.repeat(200_000)}days ago`, { now })).toBeNull();
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

describe('parseDateDetailed keeps what the value alone loses', () => {
  const now = new Date('2026-12-05T09:30:12.345Z');
  it.each(['3 days ago', 'Posted 3 days ago', 'vor 2 Tagen', 'il y a 5 jours', '昨天', '3天前', 'today', 'hace 1 semana', '2 hours ago'])(
    'relative "%s" records the reference time',
    (text) => {
      const r = parseDateDetailed(text, { now });
      expect(r.value).not.toBeNull();
      expect(r.reference).toBe('2026-12-05T09:30:12Z');
    },
  );
  it('absolute dates carry no reference; a stated non-zero offset is reported', () => {
    expect(parseDateDetailed('2026-11-03', { now }).reference).toBeUndefined();
    expect(parseDateDetailed('5 March 2026', { now }).reference).toBeUndefined();
    expect(parseDateDetailed('2026-11-03T10:05:00-04:00', { now })).toMatchObject({ offset: '-04:00' });
    expect(parseDateDetailed('Tue, 03 Nov 2026 14:05:00 +0530', { now })).toMatchObject({ offset: '+05:30' });
    expect(parseDateDetailed('2026-11-03T10:05:00Z', { now }).offset).toBeUndefined();
    expect(parseDateDetailed('2026-11-03T10:05:00+00:00', { now }).offset).toBeUndefined();
    expect(parseDateDetailed('2 hours ago', { now }).offset).toBeUndefined();
  });
});

describe('words that state no date', () => {
  it('give null in every language, while "new" still reads as today', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    for (const w of ['recently', 'Recently', 'kürzlich', 'récemment', 'niedawno', 'недавно', '最近'])
      for (const lang of [undefined, 'en', 'de', 'fr', 'pl', 'ru', 'zh']) expect(parseDateDetailed(w, { now, lang }).value).toBeNull();
    expect(parseDateDetailed('new', { now }).value).toBe('2026-06-01');
  });
});
