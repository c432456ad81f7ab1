/**
 * Structured data: tolerant JSON-LD (many real-world breakages), every schema.org salary and
 * location shape, microdata, and the precedence JSON-LD > microdata > heuristics.
 */
import { describe, expect, it } from 'vitest';
import { parseJobPage } from '../src/index.js';
import { parseJsonLdText } from '../src/structured/json-ld.js';
import { normalizeSalary, parseAmount } from '../src/structured/normalize.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const URL_ = 'https://careers.acme.example/jobs/4242-platform-engineer';
const DESC =
  'We are looking for a platform engineer to run our Kubernetes clusters, improve our deploy pipeline and help product teams ship safely. You will be on a small team with real ownership.';

const page = (scriptBody: string, extra = '') =>
  `<!doctype html><html><head><title>Platform Engineer | Acme</title><script type="application/ld+json">${scriptBody}</script></head><body>${extra}</body></html>`;
const posting = (fields: Record<string, unknown>) =>
  JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: 'Platform Engineer',
    description: DESC,
    datePosted: '2026-11-01',
    hiringOrganization: { '@type': 'Organization', name: 'Acme Corp' },
    ...fields,
  });
const parse = (html: string, url = URL_) => parseJobPage(html, { url, now: NOW });

describe('JSON-LD variants', () => {
  it('full posting: salary range, address, organization, dates, apply', () => {
    const res = parse(
      page(
        posting({
          employmentType: ['FULL_TIME', 'PART_TIME'],
          datePosted: '2026-11-01T09:00:00+01:00',
          validThrough: '2026-12-31',
          directApply: true,
          identifier: { '@type': 'PropertyValue', name: 'Acme', value: 'REQ-4242' },
          hiringOrganization: {
            '@type': 'Organization',
            name: 'Acme Corp',
            sameAs: 'https://www.acme.example',
            logo: 'https://www.acme.example/logo.png',
          },
          jobLocation: {
            '@type': 'Place',
            address: {
              '@type': 'PostalAddress',
              streetAddress: '1 Main St',
              addressLocality: 'Berlin',
              addressRegion: 'BE',
              postalCode: '10115',
              addressCountry: 'DE',
            },
          },
          baseSalary: {
            '@type': 'MonetaryAmount',
            currency: 'EUR',
            value: { '@type': 'QuantitativeValue', minValue: 70000, maxValue: 90000, unitText: 'YEAR' },
          },
        }),
      ),
    );
    expect(res.source).toBe('json-ld');
    const job = res.job!;
    expect(job.title).toBe('Platform Engineer');
    expect(job.company).toEqual({ name: 'Acme Corp', domain: 'acme.example', logoUrl: 'https://www.acme.example/logo.png' });
    // Resolved against the gazetteer (its region and label are the location normalizer's, see normalize-location tests).
    expect(job.locations).toEqual([
      expect.objectContaining({ raw: 'Berlin, BE, DE', city: 'Berlin', country: 'DE', postalCode: '10115', geonameId: 2950159 }),
    ]);
    expect(job.employmentType).toEqual(['full_time', 'part_time']);
    expect(job.salary).toMatchObject({ min: 70000, max: 90000, currency: 'EUR', period: 'year' });
    expect(Date.parse(job.datePosted!)).toBe(Date.parse('2026-11-01T08:00:00Z'));
    expect(job.validThrough?.slice(0, 10)).toBe('2026-12-31');
    // directApply: the application is on the posting page itself, so there is no separate apply URL.
    expect(job.applyUrl).toBeNull();
    expect(job.description.text).toContain('Kubernetes clusters');
    expect(job.provenance).toMatchObject({ title: 'json-ld', company: 'json-ld', salary: 'json-ld', locations: 'json-ld' });
    expect(job.url).toBe(URL_);
    expect(job.id).toMatch(/^jk_[0-9a-f]{24}$/);
  });

  it('@graph with WebPage and Organization nodes', () => {
    const html = page(
      JSON.stringify({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebPage', '@id': URL_, name: 'Careers' },
          { '@type': 'Organization', '@id': '#org', name: 'Acme Corp' },
          {
            '@type': 'JobPosting',
            title: 'Graph Engineer',
            description: DESC,
            datePosted: '2026-11-02',
            hiringOrganization: { name: 'Acme Corp' },
            jobLocation: { '@type': 'Place', address: { addressLocality: 'Paris', addressCountry: 'France' } },
          },
        ],
      }),
    );
    const job = parse(html).job!;
    expect(job.title).toBe('Graph Engineer');
    expect(job.locations[0]).toMatchObject({ city: 'Paris', country: 'FR' });
  });

  it('top-level array and @type arrays with prefixed names', () => {
    const html = page(
      JSON.stringify([
        { '@context': 'https://schema.org', '@type': 'BreadcrumbList', itemListElement: [] },
        {
          '@context': 'https://schema.org',
          '@type': ['JobPosting', 'Thing'],
          title: 'Array Engineer',
          description: DESC,
          hiringOrganization: 'Acme Corp',
        },
      ]),
    );
    const job = parse(html).job!;
    expect(job.title).toBe('Array Engineer');
    expect(job.company.name).toBe('Acme Corp');
    const prefixed = parse(
      page(JSON.stringify({ '@type': 'schema:JobPosting', title: 'Prefixed', description: DESC, hiringOrganization: 'Acme Corp' })),
    ).job!;
    expect(prefixed.title).toBe('Prefixed');
  });

  it('HTML comment and CDATA wrappers', () => {
    expect(parse(page(`<!-- ${posting({ title: 'Commented' })} -->`)).job?.title).toBe('Commented');
    expect(parse(page(`//<![CDATA[\n${posting({ title: 'Cdata' })}\n//]]>`)).job?.title).toBe('Cdata');
  });

  it('trailing commas and semicolons', () => {
    const broken = `{"@context":"https://schema.org","@type":"JobPosting","title":"Trailing","description":"${DESC}","hiringOrganization":{"name":"Acme Corp",},"employmentType":["CONTRACTOR",],};`;
    const res = parse(page(broken));
    expect(res.job?.title).toBe('Trailing');
    expect(res.job?.employmentType).toEqual(['contract']);
  });

  it('raw newlines inside strings and HTML entities in values', () => {
    const broken = `{"@type":"JobPosting","title":"R&amp;D Engineer","description":"<p>Line one\nline two</p>\n<p>${DESC}</p>","hiringOrganization":{"name":"Acme &amp; Sons"}}`;
    const job = parse(page(broken)).job!;
    expect(job.title).toBe('R&D Engineer');
    expect(job.company.name).toBe('Acme & Sons');
    expect(job.description.text).toContain('Line one');
  });

  it('a block that is HTML-escaped as a whole, and an HTML-escaped description', () => {
    const escaped = posting({
      title: 'Escaped',
      description: '&lt;p&gt;Escaped &lt;strong&gt;markup&lt;/strong&gt; here.&lt;/p&gt;',
    }).replace(/"/g, '&quot;');
    const job = parse(page(escaped)).job!;
    expect(job.title).toBe('Escaped');
    expect(job.description.html).toContain('<strong>markup</strong>');
    expect(job.description.text).toBe('Escaped markup here.');
  });

  it('TELECOMMUTE with applicantLocationRequirements → remote with the country', () => {
    const job = parse(page(posting({ jobLocationType: 'TELECOMMUTE', applicantLocationRequirements: { '@type': 'Country', name: 'USA' } })))
      .job!;
    expect(job.workplaceType).toBe('remote');
    expect(job.locations).toEqual([{ raw: 'USA', country: 'US' }]);
  });

  it('jobLocation as a string and as an array of places', () => {
    expect(parse(page(posting({ jobLocation: 'Austin, TX' }))).job!.locations[0]).toMatchObject({ raw: 'Austin, TX', city: 'Austin' });
    const many = parse(
      page(
        posting({
          jobLocation: [
            {
              '@type': 'Place',
              address: { '@type': 'PostalAddress', addressLocality: 'Madrid', addressCountry: { '@type': 'Country', name: 'ES' } },
            },
            { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Lisbon', addressCountry: 'PT' } },
          ],
        }),
      ),
    ).job!;
    expect(many.locations.map((l) => [l.city, l.country])).toEqual([
      ['Madrid', 'ES'],
      ['Lisbon', 'PT'],
    ]);
  });

  it('several distinct JobPostings → a listing, job null', () => {
    const html = page(
      JSON.stringify([
        { '@type': 'JobPosting', title: 'One', url: 'https://acme.example/jobs/1-one', description: DESC, hiringOrganization: 'Acme' },
        { '@type': 'JobPosting', title: 'Two', url: 'https://acme.example/jobs/2-two', description: DESC, hiringOrganization: 'Acme' },
      ]),
    );
    const res = parse(html, 'https://acme.example/jobs');
    expect(res.job).toBeNull();
    expect(res.warnings.join()).toMatch(/listing/);
  });

  it('dates in several formats', () => {
    for (const [input, day] of [
      ['2026-11-01', '2026-11-01'],
      ['2026-11-01T23:30:00Z', '2026-11-01'],
      ['November 3, 2026', '2026-11-03'],
      ['03.11.2026', '2026-11-03'],
    ] as const) {
      expect(parse(page(posting({ datePosted: input }))).job!.datePosted?.slice(0, 10), input).toBe(day);
    }
  });

  it('invalid JSON falls back to heuristics with a warning', () => {
    const res = parse(
      page(
        '{"@type": "JobPosting", "title": ',
        `<h1>Fallback Engineer</h1><div class="job-description"><p>${DESC} ${DESC}</p><h2>Requirements</h2><ul><li>Kubernetes</li></ul></div><a href="/apply">Apply now</a>`,
      ),
    );
    expect(res.warnings.join()).toMatch(/JSON-LD block 1 is not valid JSON/);
    expect(res.source).toBe('heuristic');
    expect(res.job?.title).toBe('Fallback Engineer');
  });
});

describe('baseSalary in every schema.org shape', () => {
  const cases: Array<[string, unknown, unknown, Record<string, unknown>]> = [
    ['number', 100000, 'USD', { min: 100000, max: 100000, currency: 'USD' }],
    ['numeric string + salaryCurrency', '100000', 'USD', { min: 100000, max: 100000, currency: 'USD' }],
    [
      'MonetaryAmount value number',
      { '@type': 'MonetaryAmount', currency: 'GBP', value: 42000 },
      undefined,
      { min: 42000, max: 42000, currency: 'GBP' },
    ],
    [
      'MonetaryAmount value string with separators',
      { '@type': 'MonetaryAmount', currency: 'EUR', value: '55.000' },
      undefined,
      { min: 55000, max: 55000, currency: 'EUR' },
    ],
    [
      'QuantitativeValue value + HOUR',
      { currency: 'USD', value: { '@type': 'QuantitativeValue', value: 35.5, unitText: 'HOUR' } },
      undefined,
      { min: 35.5, max: 35.5, period: 'hour' },
    ],
    [
      'QuantitativeValue min/max strings + MONTH',
      { currency: 'EUR', value: { minValue: '3,500', maxValue: '4,200', unitText: 'MONTH' } },
      undefined,
      { min: 3500, max: 4200, currency: 'EUR', period: 'month' },
    ],
    [
      'range on the amount itself',
      { '@type': 'MonetaryAmount', currency: 'CAD', minValue: 80000, maxValue: 95000, unitText: 'YEAR' },
      undefined,
      { min: 80000, max: 95000, currency: 'CAD', period: 'year' },
    ],
    [
      'array of amounts',
      [{ '@type': 'MonetaryAmount', currency: 'CHF', value: { minValue: 100000, maxValue: 120000, unitText: 'YEAR' } }],
      undefined,
      { min: 100000, max: 120000, currency: 'CHF' },
    ],
    ['free text', '$120k–$150k a year', undefined, { min: 120000, max: 150000, currency: 'USD', period: 'year' }],
    ['currency as symbol on the amount', { currency: '€', value: 50000 }, undefined, { currency: 'EUR' }],
  ];
  it.each(cases)('%s', (_name, value, currency, expected) => {
    expect(normalizeSalary(value, currency)).toMatchObject(expected);
  });

  it('reads a MonetaryAmountDistribution, but estimatedSalary is a board estimate, not the posting pay', () => {
    const distribution = {
      '@type': 'MonetaryAmountDistribution',
      currency: 'USD',
      duration: 'P1Y',
      percentile10: 90000,
      median: 100000,
      percentile90: 120000,
    };
    expect(normalizeSalary(distribution, undefined)).toMatchObject({ min: 90000, max: 120000, currency: 'USD', period: 'year' });
    const res = parse(page(posting({ estimatedSalary: distribution })));
    expect(res.job!.salary).toBeNull();
    expect(res.warnings.some((w) => /estimatedSalary is an estimate/.test(w))).toBe(true);
    expect(
      parse(page(posting({ baseSalary: distribution, estimatedSalary: { ...distribution, percentile10: 1 } }))).job!.salary,
    ).toMatchObject({ min: 90000 });
  });

  it('placeholder amounts (0, 1) are no salary', () => {
    const amount = (value: Record<string, unknown>) => ({
      '@type': 'MonetaryAmount',
      currency: 'USD',
      value: { '@type': 'QuantitativeValue', unitText: 'YEAR', ...value },
    });
    expect(normalizeSalary(amount({ value: 0 }), undefined)).toBeNull();
    expect(normalizeSalary(amount({ minValue: 0, maxValue: 0 }), undefined)).toBeNull();
    expect(normalizeSalary(amount({ minValue: 1, maxValue: 1 }), undefined)).toBeNull();
    expect(normalizeSalary(amount({ minValue: 0, maxValue: 55000 }), undefined)).toMatchObject({ max: 55000 });
  });

  it.each([
    ['Remote, with a country', { addressLocality: 'Remote', addressCountry: 'US' }, 'remote', [{ country: 'US' }]],
    ['Remote alone', { addressLocality: 'Remote' }, 'remote', []],
    [
      'a hybrid note on the city',
      { addressLocality: 'Berlin (Hybrid)', addressCountry: 'DE' },
      'hybrid',
      [{ city: 'Berlin', country: 'DE' }],
    ],
    ['a placeholder locality', { addressLocality: 'Multiple Locations' }, null, []],
    ['a placeholder locality with a country', { addressLocality: 'Various', addressCountry: 'GB' }, null, [{ country: 'GB' }]],
  ] as const)('jobLocation whose locality is not a place: %s', (_name, address, workplace, locations) => {
    const job = parse(page(posting({ jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', ...address } } }))).job!;
    expect(job.workplaceType).toBe(workplace);
    expect(job.locations).toHaveLength(locations.length);
    for (const [i, l] of locations.entries()) expect(job.locations[i]).toMatchObject(l);
    for (const l of job.locations) expect(l.city ?? '').not.toMatch(/remote|multiple|various/i);
  });

  it('a locality that holds several places keeps every one ("New York, NY; San Francisco, CA")', () => {
    const job = parse(
      page(
        posting({
          jobLocation: {
            '@type': 'Place',
            address: {
              '@type': 'PostalAddress',
              addressLocality: 'New York, NY; San Francisco, CA',
              addressRegion: null,
              addressCountry: null,
            },
          },
        }),
      ),
    ).job!;
    expect(job.locations.map((l) => l.city)).toEqual(['New York', 'San Francisco']);
    const either = parse(page(posting({ jobLocation: { '@type': 'Place', address: { addressLocality: 'Berlin | Munich' } } }))).job!;
    expect(either.locations.map((l) => l.city)).toEqual(['Berlin', 'Munich']);
  });

  it('TELECOMMUTE beside a place stated as hybrid stays hybrid', () => {
    const job = parse(
      page(
        posting({
          jobLocationType: 'TELECOMMUTE',
          jobLocation: { '@type': 'Place', address: { addressLocality: 'Berlin (Hybrid)', addressCountry: 'DE' } },
        }),
      ),
    ).job!;
    expect(job.workplaceType).toBe('hybrid');
  });

  it('amount parsing: separators and suffixes', () => {
    expect(parseAmount('50,000')).toBe(50000);
    expect(parseAmount('50.000,50')).toBe(50000.5);
    expect(parseAmount('1 200')).toBe(1200);
    expect(parseAmount('85k')).toBe(85000);
    expect(parseAmount('12.5')).toBe(12.5);
    expect(parseAmount('about twelve')).toBeUndefined();
    expect(parseAmount(-5)).toBeUndefined();
  });
});

describe('tolerant JSON-LD text parsing', () => {
  it('drops prototype keys and yields null-prototype objects', () => {
    const res = parseJsonLdText('{"a":{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}},"b":2}}');
    expect(res.value).toBeDefined();
    const a = (res.value as { a: Record<string, unknown> }).a;
    expect(Object.keys(a)).toEqual(['b']);
    expect(Object.getPrototypeOf(a)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('concatenated objects become an array', () => {
    expect(parseJsonLdText('{"a":1}{"b":2}').value).toEqual([{ a: 1 }, { b: 2 }]);
  });
});

const MICRODATA_FULL = `<!doctype html><html><head><title>Elektroniker (m/w/d) – Nordwerk</title></head><body>
<div itemscope itemtype="https://schema.org/JobPosting">
  <h1 itemprop="title">Elektroniker (m/w/d)</h1>
  <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">
    <span itemprop="name">Nordwerk GmbH</span><link itemprop="sameAs" href="https://www.nordwerk.example">
    <img itemprop="logo" src="/img/logo.png" alt="">
  </div>
  <div itemprop="jobLocation" itemscope itemtype="https://schema.org/Place">
    <div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
      <span itemprop="addressLocality">Bremen</span>, <span itemprop="postalCode">28195</span>
      <meta itemprop="addressCountry" content="DE">
    </div>
  </div>
  <meta itemprop="employmentType" content="FULL_TIME">
  <div itemprop="baseSalary" itemscope itemtype="https://schema.org/MonetaryAmount">
    <meta itemprop="currency" content="EUR">
    <span itemprop="value" itemscope itemtype="https://schema.org/QuantitativeValue">
      <meta itemprop="minValue" content="3200"><meta itemprop="maxValue" content="3900"><meta itemprop="unitText" content="MONTH">
      3.200 – 3.900 € im Monat
    </span>
  </div>
  <p>Veröffentlicht: <time itemprop="datePosted" datetime="2026-11-10">10. November</time></p>
  <meta itemprop="validThrough" content="2027-01-31">
  <div itemprop="description"><p>Wir suchen Verstärkung für die Wartung unserer Anlagen in Norddeutschland.</p><ul><li>Prüfung und Instandsetzung elektrischer Anlagen</li><li>Dokumentation im Wartungssystem</li></ul><script>alert(1)</script></div>
</div></body></html>`;

describe('microdata', () => {
  it('nested items, meta/time/link values', () => {
    const res = parse(MICRODATA_FULL, 'https://www.nordwerk.example/karriere/elektroniker-4711');
    expect(res.source).toBe('microdata');
    const job = res.job!;
    expect(job.title).toBe('Elektroniker (m/w/d)');
    expect(job.company).toEqual({
      name: 'Nordwerk GmbH',
      domain: 'nordwerk.example',
      logoUrl: 'https://www.nordwerk.example/img/logo.png',
    });
    expect(job.locations[0]).toMatchObject({ city: 'Bremen', country: 'DE', postalCode: '28195' });
    expect(job.employmentType).toEqual(['full_time']);
    expect(job.salary).toMatchObject({ min: 3200, max: 3900, currency: 'EUR', period: 'month' });
    expect(job.datePosted?.slice(0, 10)).toBe('2026-11-10');
    expect(job.validThrough?.slice(0, 10)).toBe('2027-01-31');
    expect(job.description.html).toContain('<li>');
    expect(job.description.html).not.toContain('script');
    expect(job.provenance.title).toBe('microdata');
  });

  it('legacy sibling salaryCurrency and text values', () => {
    const html = `<div itemscope itemtype="http://schema.org/JobPosting"><h2 itemprop="title">Software Engineer</h2>
      <span itemprop="jobLocation" itemscope itemtype="http://schema.org/Place"><span itemprop="address" itemscope itemtype="http://schema.org/PostalAddress"><span itemprop="addressLocality">Kirkland</span> <span itemprop="addressRegion">WA</span></span></span>
      <span itemprop="employmentType">Full-time</span> <span itemprop="salaryCurrency">USD</span> <span itemprop="baseSalary">100000</span>
      <p itemprop="description"><span itemprop="hiringOrganization" itemscope itemtype="http://schema.org/Organization"><span itemprop="name">ABC Company Inc.</span></span> seeks an engineer to build in-house tools.</p>
      <span itemprop="datePosted">2011-10-31</span></div>`;
    const job = parse(html, 'https://abc.example/jobs/software-engineer').job!;
    expect(job.company.name).toBe('ABC Company Inc.');
    expect(job.locations[0]).toMatchObject({ raw: 'Kirkland, WA', city: 'Kirkland', region: 'WA' });
    expect(job.salary).toMatchObject({ min: 100000, max: 100000, currency: 'USD' });
    expect(job.description.text).toContain('seeks an engineer');
  });

  it('a JobPosting nested in a WebPage item', () => {
    const html = `<body itemscope itemtype="https://schema.org/WebPage"><main itemprop="mainEntity" itemscope itemtype="https://schema.org/JobPosting">
      <h1 itemprop="title">Nurse (Night Shift)</h1><span itemprop="hiringOrganization">St. Mary Clinic</span>
      <div itemprop="jobLocation">Leeds, United Kingdom</div><div itemprop="description">${DESC}</div></main></body>`;
    const job = parse(html, 'https://stmary.example/jobs/nurse-night-shift').job!;
    expect(job.title).toBe('Nurse (Night Shift)');
    expect(job.company.name).toBe('St. Mary Clinic');
    expect(job.locations[0]).toMatchObject({ city: 'Leeds', country: 'GB' });
  });
});

describe('precedence: JSON-LD > microdata > heuristics', () => {
  it('JSON-LD wins, microdata and heuristics fill gaps with their provenance', () => {
    const jsonld = JSON.stringify({
      '@type': 'JobPosting',
      title: 'From JSON-LD',
      hiringOrganization: 'Acme Corp',
      employmentType: 'FULL_TIME',
    });
    const html = `<html><head><script type="application/ld+json">${jsonld}</script></head><body>
      <div itemscope itemtype="https://schema.org/JobPosting"><h1 itemprop="title">From microdata</h1>
      <span itemprop="jobLocation">Vienna, Austria</span><meta itemprop="datePosted" content="2026-11-05"></div>
      <div class="job-description"><p>${DESC}</p><p>${DESC}</p></div><a href="https://acme.example/apply/77">Apply now</a></body></html>`;
    const res = parse(html, 'https://acme.example/jobs/77-platform');
    const job = res.job!;
    expect(res.source).toBe('json-ld');
    expect(job.source).toBe('json-ld');
    expect(job.title).toBe('From JSON-LD');
    expect(job.locations[0]?.city).toBe('Vienna');
    expect(job.description.text).toContain('Kubernetes');
    expect(job.provenance).toMatchObject({
      title: 'json-ld',
      employmentType: 'json-ld',
      locations: 'microdata',
      datePosted: 'microdata',
      description: 'heuristic',
    });
  });

  it('company derived from the domain is marked derived', () => {
    const job = parse(
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'JobPosting', title: 'No Org', description: DESC })}</script>`,
      'https://www.bright-harbor.example/jobs/12-no-org',
    ).job!;
    expect(job.company).toEqual({ name: 'Bright Harbor', domain: 'bright-harbor.example' });
    expect(job.provenance.company).toBe('derived');
  });
});

describe('places and employers given as links', () => {
  it('microdata: a jobLocation or hiringOrganization on a link is named by its text', () => {
    const html = `<!doctype html><html lang="en-GB"><head><title>Platform Engineer | Acme</title></head><body><div itemscope itemtype="https://schema.org/JobPosting">
      <h1 itemprop="title">Platform Engineer</h1><a itemprop="hiringOrganization" href="https://www.acme.example/">Acme Corp</a>
      <a itemprop="jobLocation" href="/jobs/location/manchester">Manchester</a><div itemprop="description"><p>${DESC}</p></div></div></body></html>`;
    const job = parse(html).job!;
    expect(job.company.name).toBe('Acme Corp');
    expect(job.locations[0]).toMatchObject({ city: 'Manchester' });
  });

  it('JSON-LD: a URL where a place or employer name belongs is no name', () => {
    const job = parse(
      page(posting({ jobLocation: 'https://www.acme.example/locations/berlin', hiringOrganization: 'https://www.acme.example' })),
    ).job!;
    expect(job.locations).toEqual([]);
    expect(job.company.name).not.toMatch(/^https?:/);
  });
});
