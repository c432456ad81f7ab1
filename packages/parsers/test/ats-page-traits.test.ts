/**
 * Page traits of ATS definitions (`employerHosted`, `brandNames`, `clientRendered`): the site and
 * shell heuristics read them from the definitions, built-in or passed as `platforms`, and from
 * no list of their own. Each case fails when a declared trait is ignored.
 * @module
 */
import { readFileSync } from 'node:fs';
import { JobkitError } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import { builtinPageTraits } from '../src/ats/page-traits.generated.js';
import { pageTraitsOf } from '../src/ats/page-traits.js';
import { shellPlatform } from '../src/heuristics/shell.js';
import { isBrand, siteBrand } from '../src/heuristics/site.js';
import { scanPage } from '../src/html/scan.js';
import { atsPlatforms, defineAts, detectAts, parseJobPage } from '../src/index.js';

/** A third-party platform, as a user would write it: employer sites on `{company}.hirely.example`, client-rendered. */
const hirely = defineAts({
  id: 'hirely',
  name: 'Hirely',
  detects: { url: true, embed: false, boardApi: false },
  hosts: ['hirely.example'],
  employerHosted: true,
  brandNames: ['Hirely Jobs'],
  clientRendered: { markers: ['static.hirely-cdn.example', /hirely-pod\d{1,3}\.example/i] },
  matchUrl(url) {
    const company = url.hostname.endsWith('.hirely.example') ? url.hostname.slice(0, -'.hirely.example'.length) : '';
    return company && !company.includes('.') ? { boardToken: company, jobId: url.pathname.split('/')[2] ?? null } : null;
  },
});
const withHirely = [...atsPlatforms, hirely];

/** A page with no posting text: what a client-rendered app serves before its script runs. */
const shellHtml = (head: string) =>
  `<!doctype html><html><head><title>Careers</title>${head}</head><body><div id="app"></div></body></html>`;

describe('generated page traits', () => {
  it('are exactly what the built-in definitions declare (pnpm docs:ats regenerates them)', () => {
    const text = (v: unknown) => JSON.stringify(v, (_, x) => (x instanceof RegExp ? String(x) : x));
    expect(text(builtinPageTraits)).toBe(text(pageTraitsOf(atsPlatforms)));
  });

  it('name every shell platform the heuristics knew before they moved into definitions', () => {
    const shells = builtinPageTraits.filter((t) => t.clientRendered).map((t) => t.id);
    for (const id of [
      'workday',
      'successfactors',
      'oraclecloud',
      'icims',
      'taleo',
      'phenom',
      'eightfold',
      'avature',
      'dayforce',
      'ukg',
      'cornerstone',
    ])
      expect(shells).toContain(id);
  });
});

describe('client-rendered shells come from the definitions', () => {
  it('a third-party string marker names its platform only when the definition is passed', () => {
    const html = shellHtml('<script src="https://static.hirely-cdn.example/app.js"></script>');
    expect(shellPlatform(40, undefined, html, withHirely)).toEqual({ id: 'hirely', name: 'Hirely' });
    expect(shellPlatform(40, undefined, html)?.id).not.toBe('hirely');
  });

  it('a third-party regex marker names its platform', () => {
    const html = shellHtml('<link rel="preconnect" href="https://hirely-pod12.example">');
    expect(shellPlatform(40, undefined, html, withHirely)).toEqual({ id: 'hirely', name: 'Hirely' });
  });

  it('a platform found by ATS detection is named when its definition says clientRendered', () => {
    const html = shellHtml('');
    expect(shellPlatform(40, 'hirely', html, withHirely)).toEqual({ id: 'hirely', name: 'Hirely' });
    expect(shellPlatform(40, 'hirely', html, [...atsPlatforms, { ...hirely, clientRendered: false }])).toBeUndefined();
  });

  it('every built-in marker names its own platform', () => {
    for (const t of builtinPageTraits) {
      const marker = t.shellMarkers.find((m): m is string => typeof m === 'string');
      if (!marker) continue;
      expect(shellPlatform(0, undefined, shellHtml(`<!-- ${marker} -->`)), `${t.id} ${marker}`).toEqual({ id: t.id, name: t.name });
    }
  });

  it('the platform whose markers the page carries most wins over a stray link to another', () => {
    const html = shellHtml(
      '<script src="https://cdn.phenompeople.com/a.js"></script><script>phApp.ddo = {}</script>' +
        '<a href="https://acme.wd5.myworkdayjobs.com/External">Old portal</a><link href="https://cdn.phenompeople.com/b.css">',
    );
    expect(shellPlatform(0, undefined, html)?.id).toBe('phenom');
  });

  it('a page with posting text is no shell whatever its markers', () => {
    expect(shellPlatform(5_000, 'workday', shellHtml('myworkdayjobs.com'))).toBeUndefined();
  });

  it('parseJobPage names a Phenom shell on an employer domain through the new definition', () => {
    const html = readFileSync(new URL('./fixtures/ats/phenom.html', import.meta.url), 'utf8');
    const url = 'https://careers.acme-logistics.example/us/en/job/R-20417/Payroll-Specialist';
    expect(detectAts({ url, html })?.platform).toBe('phenom');
    const res = parseJobPage(html, { url });
    expect(res.job).toBeNull();
    expect(res.warnings.join(' ')).toMatch(/client-rendered Phenom shell/);
  });

  it('parseJobPage names a Dayforce shell from its URL', () => {
    const res = parseJobPage(shellHtml('<script src="/app/main.js"></script>'), {
      url: 'https://jobs.dayforcehcm.com/en-US/northwindfoods/CANDIDATEPORTAL/jobs/48213',
    });
    expect(res.job).toBeNull();
    expect(res.warnings.join(' ')).toMatch(/client-rendered Dayforce shell/);
  });
});

describe('parseJobPage takes third-party definitions (options.platforms)', () => {
  const url = 'https://northwind.hirely.example/jobs/77';
  const shell = shellHtml('<script src="https://static.hirely-cdn.example/app.js"></script>');

  it('detects the platform and names its shell only when the definition is passed', () => {
    const withIt = parseJobPage(shell, { url, platforms: withHirely });
    expect(withIt.job).toBeNull();
    expect(withIt.ats).toMatchObject({ platform: 'hirely', boardToken: 'northwind', jobId: '77' });
    expect(withIt.warnings.join(' ')).toMatch(/client-rendered Hirely shell/);
    const without = parseJobPage(shell, { url });
    expect(without.ats?.platform).not.toBe('hirely');
    expect(without.warnings.join(' ')).not.toMatch(/Hirely/);
  });

  it('an employer-hosted site name is the employer, a declared brand name never is', () => {
    const page = (siteName: string) =>
      `<!doctype html><html lang="en"><head><title>Warehouse Shift Lead | ${siteName}</title>` +
      `<meta property="og:site_name" content="${siteName}"></head><body><main><h1>Warehouse Shift Lead</h1>` +
      '<p>Location: Leeds, United Kingdom</p><p>Full-time. Lead a team of twelve on the night shift, plan the loading ' +
      'schedule with dispatch, train new starters on safe handling and keep the stock counts right every week.</p>' +
      '<a href="https://northwind.hirely.example/jobs/77/apply">Apply now</a></main></body></html>';
    const employer = parseJobPage(page('Northwind Freight'), { url, platforms: withHirely }).job;
    expect(employer?.company.name).toBe('Northwind Freight');
    const brand = parseJobPage(page('Hirely Jobs'), { url, platforms: withHirely }).job;
    expect(brand?.company.name ?? '').not.toBe('Hirely Jobs');
  });

  it('refuses a platforms value that is not a list of definitions', () => {
    expect(() => parseJobPage(shell, { url, platforms: 'hirely' as never })).toThrow(/platforms/);
  });
});

describe('employer-hosted careers sites come from the definitions', () => {
  const scan = scanPage('<html><head><meta property="og:site_name" content="Northwind Careers"></head><body></body></html>');
  const url = 'https://northwind.hirely.example/jobs/42';

  it('a third-party employerHosted definition makes its site name the employer', () => {
    const brand = siteBrand(url, scan, withHirely);
    expect(brand.isBoard).toBe(false);
    expect(isBrand('Northwind Careers', brand)).toBe(false);
  });

  it('without the definition the same careers-sounding site reads as a board', () => {
    const brand = siteBrand(url, scan);
    expect(brand.isBoard).toBe(true);
    expect(isBrand('Northwind Careers', brand)).toBe(true);
  });

  it('employerHosted: false is honoured', () => {
    expect(siteBrand(url, scan, [...atsPlatforms, { ...hirely, employerHosted: false }]).isBoard).toBe(true);
  });

  it('built-in employer-hosted hosts, including hosts: "any" definitions that list theirs', () => {
    for (const u of [
      'https://job-boards.greenhouse.io/northwind',
      'https://jobs.ashbyhq.com/northwind',
      'https://northwind.avature.net/careers',
    ])
      expect(siteBrand(u, scan).isBoard, u).toBe(false);
  });

  it('a third-party brandNames entry names the platform, not the employer', () => {
    const other = scanPage('<html><head><title>x</title></head></html>');
    expect(isBrand('Hirely Jobs', siteBrand('https://www.acme.example/', other, withHirely))).toBe(true);
    expect(isBrand('Hirely Jobs', siteBrand('https://www.acme.example/', other))).toBe(false);
  });

  it('site profiles give their boards as brands', () => {
    const brand = siteBrand('https://www.acme.example/', scanPage('<html></html>'));
    for (const name of ['LinkedIn', 'Indeed', 'Naukri', 'BOSS直聘', '前程无忧', 'JobStreet']) expect(isBrand(name, brand), name).toBe(true);
  });
});

describe('defineAts checks page traits', () => {
  const base = {
    id: 'hirely',
    name: 'Hirely',
    detects: { url: true, embed: false, boardApi: false },
    matchUrl: () => null,
  } as const;
  const rejects = (input: object, message: RegExp) => {
    let err: unknown;
    try {
      defineAts(input as never);
    } catch (e) {
      err = e;
    }
    expect(JobkitError.is(err, 'INVALID_ARGUMENT')).toBe(true);
    expect((err as Error).message).toMatch(message);
  };

  it('rejects a capturing or flagged marker regex and a too-short marker', () => {
    rejects({ ...base, hosts: ['hirely.example'], clientRendered: { markers: [/hirely(cdn)\.example/] } }, /clientRendered/);
    rejects({ ...base, hosts: ['hirely.example'], clientRendered: { markers: [/hirely\.example/g] } }, /clientRendered/);
    rejects({ ...base, hosts: ['hirely.example'], clientRendered: { markers: ['hi'] } }, /clientRendered/);
  });

  it('rejects employerHosted: true without a hosts list, and a bad host', () => {
    rejects({ ...base, hosts: 'any', employerHosted: true }, /employerHosted: true needs a hosts list/);
    rejects({ ...base, hosts: ['hirely.example'], employerHosted: ['Hirely.Example'] }, /employerHosted/);
  });
});
