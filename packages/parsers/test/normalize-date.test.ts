import { describe, expect, it } from 'vitest';
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
