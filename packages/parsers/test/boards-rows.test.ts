import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getAtsPlatform } from '../src/ats/registry.js';
import {
  count,
  flag,
  id,
  idOrUrl,
  label,
  list,
  num,
  obj,
  objOr,
  required,
  rowsOf,
  text,
  toFlag,
  toId,
  toLabel,
  toNumber,
  toRemote,
  toWhen,
  when,
} from '../src/boards/rows.js';
import { secureUrl } from '../src/boards/urls.js';

describe('toRemote', () => {
  it('reads flags, and the words vendors put where a remote flag belongs', () => {
    for (const v of [true, 1, 'true', 'yes', 'Remote', ' fully remote ', 'REMOTE']) expect(toRemote(v), String(v)).toBe(true);
    for (const v of [false, 0, 'false', 'no', 'On-site', 'onsite', 'Office']) expect(toRemote(v), String(v)).toBe(false);
    for (const v of [null, undefined, '', 'hybrid', 'sometimes', 2, {}, []]) expect(toRemote(v), String(v)).toBeUndefined();
  });
});

describe('coercing primitives', () => {
  it('flags', () => {
    for (const v of [true, 1, 'true', 'TRUE', ' yes ', 'y', 'on', '1']) expect(toFlag(v), String(v)).toBe(true);
    for (const v of [false, 0, 'false', 'No', 'n', 'off', '0']) expect(toFlag(v), String(v)).toBe(false);
    for (const v of [2, -1, 'maybe', '', null, undefined, {}, [], Number.NaN]) expect(toFlag(v), String(v)).toBeUndefined();
  });

  it('numbers', () => {
    expect([42, '42', ' 4.5 ', '65,000', '1,234,567.5', '-3', '.5'].map(toNumber)).toEqual([42, 42, 4.5, 65000, 1234567.5, -3, 0.5]);
    for (const v of ['', 'abc', '1e3x', '12,34', '1.2.3', Number.POSITIVE_INFINITY, null, {}, '9'.repeat(50)])
      expect(toNumber(v), String(v)).toBeUndefined();
  });

  it('ids', () => {
    expect([4001, '4001', ' a-1 ', 4001.0].map(toId)).toEqual(['4001', '4001', 'a-1', '4001']);
    for (const v of ['', '  ', null, {}, [], true, 'x'.repeat(301)]) expect(toId(v)).toBeUndefined();
  });

  it('labels from text, named objects and short lists', () => {
    expect(toLabel('Berlin')).toBe('Berlin');
    expect(toLabel({ name: 'Engineering', id: 3 })).toBe('Engineering');
    expect(toLabel({ label: '', descriptor: 'Full time' })).toBe('Full time');
    expect(toLabel(['Sales', { name: 'EMEA' }, 'Sales', null])).toBe('Sales, EMEA');
    expect(toLabel({ id: 1 })).toBeUndefined();
    expect(toLabel([[['deep']]])).toBeUndefined();
  });

  it('dates', () => {
    expect(toWhen('2026-02-01')).toBe('2026-02-01');
    expect(toWhen('1767225600000')).toBe(1767225600000);
    expect(toWhen(1767225600)).toBe(1767225600);
    expect([0, -5, '', '  ', null].map(toWhen)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('schemas built from them never fail on a field', () => {
    const Row = z.looseObject({
      id,
      title: text,
      remote: flag,
      pay: num,
      total: count,
      at: when,
      dept: label,
      tags: list(label),
      loc: obj({ city: text }),
    });
    const r = Row.parse({
      id: 7,
      title: '',
      remote: 'yes',
      pay: '12',
      total: -1,
      at: '',
      dept: { name: 'Ops' },
      tags: 'solo',
      loc: 'Paris',
      extra: { x: 1 },
    });
    expect(r).toMatchObject({
      id: '7',
      title: undefined,
      remote: true,
      pay: 12,
      total: undefined,
      at: undefined,
      dept: 'Ops',
      tags: ['solo'],
      loc: undefined,
      extra: { x: 1 },
    });
    expect(Row.parse({})).toMatchObject({ tags: [] });
  });

  it('objOr reads a bare string as the named field', () => {
    const Places = list(objOr('name', { name: label, city: text }));
    expect(Places.parse(['Berlin', { city: 'Paris' }, 7, null, true])).toEqual([{ name: 'Berlin' }, { city: 'Paris' }, { name: '7' }]);
  });
});

describe('rowsOf', () => {
  const Job = z.looseObject({ id, title: required('no title'), url: text });
  const Jobs = rowsOf(Job, { check: (j) => idOrUrl([j.id], [j.url]) });

  it('keeps good rows and reports each bad one with its index, id and reason', () => {
    const out = Jobs.parse([
      { id: 1, title: 'A' },
      null,
      'x',
      [1],
      { id: 2 },
      { title: 'B' },
      { title: 'C', url: 'https://x.test/c' },
      { title: 'D', url: 'nope' },
    ]);
    expect(out.rows.map((r) => r.title)).toEqual(['A', 'C']);
    expect(out.at).toEqual([0, 6]);
    expect(out.length).toBe(8);
    expect(out.skipped).toEqual([
      { index: 1, reason: 'null entry' },
      { index: 2, reason: 'not an object (string)' },
      { index: 3, reason: 'not an object (array)' },
      { index: 4, id: '2', reason: 'no title' },
      { index: 5, reason: 'neither id nor URL' },
      { index: 7, reason: 'no id and no usable URL' },
    ]);
  });

  it('reads one object as a one-row list; fails on a missing array or an unusable lone object', () => {
    expect(Jobs.parse({ id: 'x', title: 'Solo' }).rows).toHaveLength(1);
    expect(Jobs.safeParse(undefined).success).toBe(false);
    expect(Jobs.safeParse('jobs').success).toBe(false);
    expect(Jobs.safeParse({ error: 'moved' }).success).toBe(false);
  });

  it('flags two or more object rows that are all unreadable (a renamed field) without failing', () => {
    const r = Jobs.parse([
      { id: 1, name: 'A' },
      { id: 2, name: 'B' },
    ]);
    expect(r.rows).toEqual([]);
    expect(r.skipped).toHaveLength(2);
    expect(r.unreadable).toMatch(/none of the 2 jobs rows is readable \(no title\)/);
    expect(Jobs.parse([null, null]).unreadable).toBeUndefined();
    const one = Jobs.parse([{ id: 1 }]);
    expect(one.skipped).toEqual([{ index: 0, id: '1', reason: 'no title' }]);
    expect(one.unreadable).toBeUndefined();
  });

  it('is linear in the number of rows', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => (i % 3 === 0 ? null : { id: i, title: `Job ${i}` }));
    const started = performance.now();
    const out = Jobs.parse(rows);
    expect(out.rows.length + out.skipped.length).toBe(50_000);
    // Generous budget: this guards against a quadratic blow-up, not a speed figure.
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe('secureUrl', () => {
  const http: Record<string, string> = {
    greenhouse: 'http://boards.greenhouse.io/acme/jobs/123',
    lever: 'http://jobs.lever.co/acme/5f1c2d3e-1111-2222-3333-444455556666',
    ashby: 'http://jobs.ashbyhq.com/acme/0b7d2c1e-4f7a-4d55-9e51-0d1b2a3c4d5e',
    smartrecruiters: 'http://jobs.smartrecruiters.com/Acme/744000000-role',
    workable: 'http://apply.workable.com/acme/j/AB12CD34/',
    recruitee: 'http://acme.recruitee.com/o/sales-lead',
    personio: 'http://acme.jobs.personio.de/job/1523',
    teamtailor: 'http://acme.teamtailor.com/jobs/5000-role',
    bamboohr: 'http://acme.bamboohr.com/careers/42',
    breezy: 'http://acme.breezy.hr/p/b7e1a2-qa-engineer',
    pinpoint: 'http://acme.pinpointhq.com/en/postings/88-finance-analyst',
    rippling: 'http://ats.rippling.com/acme/jobs/r-1',
    dover: 'http://app.dover.com/apply/acme/d-1',
    workday: 'http://acme.wd5.myworkdayjobs.com/External/job/Berlin/Engineer_R1',
  };

  it.each(Object.entries(http))('%s: http on the ATS host becomes https', (platform, url) => {
    const definition = getAtsPlatform(platform)!;
    expect(secureUrl({ definition }, url)).toBe(url.replace(/^http:/, 'https:'));
  });

  it('leaves an employer domain (even one carrying an ATS hint) as given', () => {
    const definition = getAtsPlatform('greenhouse')!;
    expect(secureUrl({ definition }, 'http://careers.acme.example/jobs?gh_jid=123')).toBe('http://careers.acme.example/jobs?gh_jid=123');
  });
});
