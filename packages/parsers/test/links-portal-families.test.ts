/**
 * extractJobLinks on the families of old ATS and career-portal result pages (small fixtures
 * written for these tests after the structure of such portals, with made-up employers, tokens
 * and ids): opaque record tokens in the query, id parameters on detail pages, sortable column
 * headers, careers sidebars of word-slug pages, numbered pagers without a class and image arrows.
 */
import { describe, expect, it } from 'vitest';
import { extractJobLinks, isJobUrl } from '../src/index.js';

/** A made-up opaque token: letters and digits, as portals that encrypt their query write them. */
const token = (seed: number) => `${(seed * 7919).toString(36).toUpperCase()}Q${'X7K2M9'.repeat(4)}${seed}Z`;

describe('extractJobLinks on portal result tables', () => {
  it('opaque record tokens in the query: the detail links, not the sort headers, saved search or pager', () => {
    const roles = ['Field Technician', 'Payroll Clerk', 'Network Administrator', 'Warehouse Lead'];
    const rows = roles
      .map(
        (r, i) =>
          `<tr class="Row${i % 2}"><td><a class="lnk" href="Vacancy_Detail.cfm?/${token(i + 1)}">${r}</a></td><td>Leeds, UK</td><td>4/${i + 2}/2011</td></tr>`,
      )
      .join('');
    const html = `<html><head><title>Northwind: Careers: Opportunities</title></head><body>
      <table><tr><td><a href="home.cfm">Home</a></td><td><a href="Profile_Update.cfm">My Profile</a></td><td><a href="login.cfm">Login</a></td></tr></table>
      <a href="SavedSearch_Add.cfm?/${token(90)}">Save this Search</a>
      <table><tr><td colspan="3">Page <a class="cur" href="Vacancy_List.cfm?/${token(70)}">1</a> <a href="Vacancy_List.cfm?/${token(71)}">2</a>
        <a href="Vacancy_List.cfm?/${token(72)}"><img src="../img/arrow_right.gif" alt="*nav.nxt*"></a></td></tr>
      <tr id="hdr"><td><a href="Vacancy_List.cfm?/${token(80)}">Job Title</a></td><td><a href="Vacancy_List.cfm?/${token(81)}">Location</a></td><td><a href="Vacancy_List.cfm?/${token(82)}">Posted Date</a></td></tr>
      ${rows}</table></body></html>`;
    const links = extractJobLinks(html, { url: 'https://careers.northwind.example/portal/Vacancy_List.cfm?/AAAA1111BBBB2222CCCC' });
    expect(links.map((l) => l.title)).toEqual(roles);
    expect(links.every((l) => l.url.startsWith('https://careers.northwind.example/portal/Vacancy_Detail.cfm?'))).toBe(true);
    expect(links.nextPage).toBe(`https://careers.northwind.example/portal/Vacancy_List.cfm?/${token(72)}`);
  });

  it('a result page with one row still gives its one detail link (no card group needed)', () => {
    const html = `<table><tr><th><a href="Job_List.cfm?/${token(5)}">Title</a></th></tr><tr><td><a href="Job_Profile.cfm?/${token(6)}">Course Instructor</a></td><td>Dayton, OH</td></tr></table>`;
    const links = extractJobLinks(html, { url: 'https://jobs.acme-defense.example/cp/Job_List.cfm' });
    expect(links.map((l) => l.title)).toEqual(['Course Instructor']);
  });

  it('id parameters on detail pages: the posting, not its cart, e-mail or apply links', () => {
    const ids = [41017, 41022, 41031];
    const rows = ids
      .map(
        (
          id,
          i,
        ) => `<tr><td><a href="jobDetails.do?functionName=getJobDetail&jobPostId=${id}&localeCode=en-us">${['Store Manager', 'Loss Prevention Specialist', 'Pharmacy Technician'][i]}</a></td>
          <td>Boise, ID</td><td><a href="jobCart.do?functionName=add&jobPostId=${id}">Add to cart</a> <a href="emailToFriend.do?jobPostId=${id}">E-mail</a> <a href="applyJob.do?jobPostId=${id}">Apply</a></td></tr>`,
      )
      .join('');
    const html = `<html><head><title>Search results</title></head><body><table>${rows}</table>
      <p><a href="searchResults.do?functionName=getSearchResults&pageNumber=2">Next &gt;</a></p></body></html>`;
    const links = extractJobLinks(html, { url: 'https://careers.talentclick.example/careerscp/client_acme/external/searchResults.do' });
    expect(links.map((l) => l.url)).toEqual(
      ids.map(
        (id) =>
          `https://careers.talentclick.example/careerscp/client_acme/external/jobDetails.do?functionName=getJobDetail&jobPostId=${id}&localeCode=en-us`,
      ),
    );
    expect(links.nextPage).toBe(
      'https://careers.talentclick.example/careerscp/client_acme/external/searchResults.do?functionName=getSearchResults&pageNumber=2',
    );
  });

  it('an ATS result list inside a careers template: sidebar pages and site-page slugs are left out', () => {
    const jobs = [5120, 5133, 5141]
      .map(
        (id, i) =>
          `<tr><td>${id}</td><td><a href="https://acme-jobs.ats.example/jobs/${id}/job">${['Quality Engineer', 'Brand Manager', 'Line Operator'][i]}</a></td></tr>`,
      )
      .join('');
    const side = ['total-rewards', 'career-development', 'how-to-apply', 'jobs-in-canada']
      .map(
        (s, i) =>
          `<li><a href="https://www.acme.example/global/careers/${s}.aspx">${['Rewards & Benefits', 'Learning & Career Development', 'Preparing Your Resume', 'Acme Jobs in Canada'][i]}</a></li>`,
      )
      .join('');
    const html = `<html><head><title>Careers | Acme</title></head><body>
      <div class="content"><h1>Careers</h1><table class="JobsTable">${jobs}</table>
        <div class="paging"><a href="https://acme-jobs.ats.example/jobs/search?pr=2"><img src="https://cdn.ats.example/image?img=theme/arrowNext" alt="Next Page"></a></div></div>
      <div id="colRight"><div id="subnavwrapper"><ul>${side}</ul></div></div>
      <ul class="promo">${['life-at-acme', 'our-values', 'students-and-graduates'].map((s, i) => `<li><a href="/careers/${s}">${['Life at Acme', 'Our values', 'Students and graduates'][i]}</a></li>`).join('')}</ul>
      </body></html>`;
    const links = extractJobLinks(html, { url: 'https://acme-jobs.ats.example/jobs/search?pr=1' });
    expect(links.map((l) => l.title)).toEqual(['Quality Engineer', 'Brand Manager', 'Line Operator']);
    expect(links.nextPage).toBe('https://acme-jobs.ats.example/jobs/search?pr=2');
  });

  it('word-slug postings still count when their text names a role, even about benefits', () => {
    const html = `<main><h1>Open positions</h1><ul>${['benefits-analyst', 'learning-designer', 'store-manager'].map((s) => `<li><a href="/careers/${s}">${s.replace(/-/g, ' ')}</a></li>`).join('')}</ul></main>`;
    const links = extractJobLinks(html, { url: 'https://www.acme.example/careers' });
    expect(links.map((l) => l.url)).toEqual(
      ['benefits-analyst', 'learning-designer', 'store-manager'].map((s) => `https://www.acme.example/careers/${s}`),
    );
  });

  it('numbered pager in a plain table cell: the page after the current one, or the arrow image', () => {
    const pager = (cur: number) =>
      [1, 2, 3].map((n) => (n === cur ? `<b>${n}</b>` : `<a href="/vacancies/list.php?p=${n}">${n}</a>`)).join(' ');
    const html = (cur: number) =>
      `<table><tr><td>${pager(cur)}</td></tr></table><table>${[11, 12, 13].map((n) => `<tr><td><a href="/vacancies/view.php?vacancy_id=${n}">Clerk ${n}</a></td></tr>`).join('')}</table>`;
    expect(extractJobLinks(html(2), { url: 'https://council.example/vacancies/list.php?p=2' }).nextPage).toBe(
      'https://council.example/vacancies/list.php?p=3',
    );
    expect(extractJobLinks(html(3), { url: 'https://council.example/vacancies/list.php?p=3' }).nextPage).toBeNull();
    // A left arrow is the previous page, never the next.
    const back = `<div><a href="/r?p=1"><img src="/i/arrow_left.gif"></a> <a href="/r?p=1">1</a> <a href="/r?p=2">2</a></div>`;
    expect(extractJobLinks(back, { url: 'https://x.example/r?p=2' }).nextPage).toBeNull();
  });
});

describe('isJobUrl on portal URL shapes', () => {
  it.each([
    ['https://x.example/cp/Job_Profile.cfm?/0KG1Z60K52WZ7KH4HYJFM2O3', true],
    ['https://x.example/cp/Job_List.cfm?/0KG1Z60K52WZ7KH4HYJFM2O3', false],
    ['https://x.example/careerscp/external/jobDetails.do?functionName=getJobDetail&jobPostId=41017', true],
    ['https://x.example/careerscp/external/jobCart.do?jobPostId=41017', false],
    ['https://x.example/TGWebHost/jobdetails.aspx?SID=%5eAbC&jobId=1234567', true],
    ['https://x.example/TGWebHost/searchresults.aspx?jobId=1234567', false],
    ['https://x.example/careersection/2/jobdetail.ftl?job=4711', true],
    ['https://x.example/careersection/2/jobapply.ftl?job=4711', false],
    ['https://x.example/candidate/jobadvert/C9123-24-0001', true],
    ['https://x.example/careers-blog/2024-our-story', false],
    ['https://x.example/careers/specialist-nurse', true],
  ])('%s → %s', (url, expected) => {
    expect(isJobUrl(new URL(url))).toBe(expected);
  });
});

describe('extractJobLinks: result cards on pages not titled as lists', () => {
  const cards = (base: string, items: Array<[string, string]>) =>
    `<ul class="cards">${items.map(([slug, title]) => `<li><a class="card" href="${base}${slug}/"><h3>${title}</h3><span>Utrecht</span></a></li>`).join('')}</ul>`;

  it('cards whose URLs spell their own title and an id are postings, whatever the path word', () => {
    const html = `<html><head><title>Freie Aufträge | Nordwerk Personal</title></head><body>${cards('/auftrag/', [
      ['schweisser-mig-mag-48211', 'Schweißer MIG/MAG'],
      ['lagerlogistik-fachkraft-48215', 'Fachkraft Lagerlogistik'],
      ['cnc-dreher-48230', 'CNC-Dreher'],
    ])}</body></html>`;
    const links = extractJobLinks(html, { url: 'https://www.nordwerk.example/auftraege' });
    expect(links.map((l) => l.title)).toEqual(['Schweißer MIG/MAG', 'Fachkraft Lagerlogistik', 'CNC-Dreher']);
  });

  it('news cards built the same way are not postings', () => {
    const html = `<html><head><title>Nordwerk Personal</title></head><body>${cards('/aktuelles/', [
      ['sommerfest-2024-48211', 'Sommerfest 2024'],
      ['neuer-standort-essen-48215', 'Neuer Standort Essen'],
      ['messe-hannover-48230', 'Messe Hannover'],
    ])}</body></html>`;
    expect(extractJobLinks(html, { url: 'https://www.nordwerk.example/' })).toEqual([]);
  });

  it('cards whose URLs do not spell their text stay out on a page not titled as a list', () => {
    const html = `<html><head><title>Nordwerk Personal</title></head><body>${cards('/p/', [
      ['48211', 'Sommerfest'],
      ['48215', 'Standort Essen'],
      ['48230', 'Messe'],
    ])}</body></html>`;
    expect(extractJobLinks(html, { url: 'https://www.nordwerk.example/' })).toEqual([]);
  });
});

describe('isJobUrl on hosts an ATS definition knows', () => {
  it.each([
    ['https://jobs.gem.com/acme/am9icG9zdDpabc123', true],
    ['https://jobs.gem.com/acme', false],
    ['https://jobs.polymer.co/acme/28812', true],
    ['https://jobs.polymer.co/acme', false],
    ['https://acme.homerun.co/backend-developer', true],
    ['https://acme.taleo.net/careersection/2/jobdetail.ftl?job=123', true],
    ['https://acme.taleo.net/careersection/2/jobsearch.ftl?job=123', false],
  ])('%s → %s', (url, expected) => {
    expect(isJobUrl(new URL(url))).toBe(expected);
  });
});

describe('extractJobLinks: municipal recruitment pages in Japanese and Chinese', () => {
  it('a city page of 職員募集 notices, one static page per post under a romanized path word', () => {
    const posts: Array<[string, string]> = [
      ['hoikushi', '保育士（会計年度任用職員）'],
      ['doboku', '土木技師'],
      ['jimu', '一般事務職'],
    ];
    const html = `<html><head><title>職員募集 | 北浜市</title></head><body>
      <div id="gnav"><ul><li><a href="/kurashi/index.html">くらし</a></li><li><a href="/shisei/index.html">市政</a></li></ul></div>
      <div id="main"><h1>職員募集</h1><ul class="list">${posts.map(([s, t]) => `<li><a href="/shisei/saiyo/r7/${s}.html">${t}</a>（令和7年4月1日）</li>`).join('')}</ul></div></body></html>`;
    const links = extractJobLinks(html, { url: 'https://www.city.kitahama.example.jp/shisei/saiyo/index.html' });
    expect(links.map((l) => l.title)).toEqual(posts.map(([, t]) => t));
  });

  it('a Chinese 招考 notice list with dated detail pages', () => {
    const rows: Array<[string, string]> = [
      ['2025-0412', '2025年公开招考事业单位工作人员公告'],
      ['2025-0415', '2025年公开招聘教师公告'],
      ['2025-0420', '市人民医院招聘护士公告'],
    ];
    const html = `<html><head><title>人事考试 招考公告</title></head><body><ul class="news-list">${rows.map(([d, t]) => `<li><a href="/rsks/zkgg/${d.replace('-', '')}/t${d.replace('-', '')}_8812.html">${t}</a><span>${d}</span></li>`).join('')}</ul></body></html>`;
    const links = extractJobLinks(html, { url: 'https://rsj.beihai.example.cn/rsks/zkgg/' });
    expect(links).toHaveLength(3);
  });
});

describe('extractJobLinks: "Page 2 of 2"', () => {
  const page = (label: string, arrow: string) =>
    `<table><tr><td class="paging">${label} <a href="/jobs/search?pr=3"><img src="/img?i=arrowNext" alt="${arrow}"></a></td></tr></table><a href="/jobs/4711/job">Baker</a>`;

  it('on the last page a leftover next arrow leads nowhere', () => {
    expect(
      extractJobLinks(page('&nbsp;Page 2 of 2&nbsp;', 'Next Page'), { url: 'https://acme.example/jobs/search?pr=2' }).nextPage,
    ).toBeNull();
    expect(extractJobLinks(page('Seite 3 von 3', 'Weiter'), { url: 'https://acme.example/jobs/search?pr=2' }).nextPage).toBeNull();
  });

  it('before the last page the arrow is the next page', () => {
    expect(extractJobLinks(page('Página 2 de 5', 'Siguiente'), { url: 'https://acme.example/jobs/search?pr=2' }).nextPage).toBe(
      'https://acme.example/jobs/search?pr=3',
    );
  });
});

describe('isJobUrl: query keys named for one posting', () => {
  it.each([
    ['https://x.example/Details.aspx?JobID=812', true],
    ['https://x.example/index.php?vacancy_id=12', true],
    ['https://x.example/search.aspx?jobid=12', false],
    ['https://x.example/apply.aspx?jobid=12', false],
    ['https://x.example/page.aspx?id=12', false],
    ['https://x.example/jobs?page=2&positionId=1234', false],
  ])('%s → %s', (url, expected) => {
    expect(isJobUrl(new URL(url))).toBe(expected);
  });
});
