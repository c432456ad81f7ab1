/**
 * BOSS直聘 (`zhipin.com/job_detail/<id>.html`): the job banner holds title, salary ("15-25K·13薪")
 * and the city / experience / degree tags; the company sits in the side card. `<title>` reads
 * "「北京 Java开发招聘」_某公司招聘-BOSS直聘".
 * @module
 */
import { defineSite, type TitleParts } from './types.js';

function fromTitle(raw: string): TitleParts | undefined {
  if (raw.length > 300 || !/BOSS直聘/i.test(raw)) return undefined;
  const open = raw.search(/[「【]/);
  const close = raw.search(/招聘[」】]/);
  if (open < 0 || close <= open) return undefined;
  const head = raw.slice(open + 1, close).trim();
  const space = head.indexOf(' ');
  const tail = raw.slice(close + 3);
  const company = /^_?([^_]+?)招聘/.exec(tail)?.[1];
  return {
    ...(space > 0 ? { location: head.slice(0, space), title: head.slice(space + 1).trim() } : { title: head }),
    ...(company ? { company } : {}),
  };
}

export const zhipin = defineSite({
  id: 'zhipin',
  name: 'BOSS直聘',
  hosts: ['zhipin.com'],
  match: (url) => /^\/job_detail\/[^/]+\.html/.test(url.pathname) || /^\/(?:web\/geek\/)?job\/detail/.test(url.pathname),
  fields: {
    title: ['.job-banner .name h1', '.job-banner h1', '.info-primary .name h1', '.job-title', '.job-name'],
    salary: ['.job-banner .salary', '.info-primary .salary', '.job-banner .badge', '.salary'],
    location: ['.job-banner .text-city', '.text-city', '.job-location .location-address', '.location-address', '.info-primary p'],
    company: [
      '.sider-company .company-info a[ka*="company"]',
      '.sider-company .company-info a',
      '.company-info .name',
      '.job-sec.company-info h4',
      '.level-list .company-name',
      '.job-boss-info .boss-info-attr',
    ],
    datePosted: ['.job-author span', '.sider-company .gray', '.job-banner .time', '.time'],
    description: ['.job-sec-text', '.job-detail-section .job-sec-text', '.detail-content .job-sec .text', '.job-detail .text'],
  },
  fromTitle,
  clean: {
    // "公司名称 某公司" rows and "某公司 · HR" boss lines.
    company: (t) =>
      t
        .replace(/^公司名称\s*/, '')
        .split(/ ?[·•] ?/)[0]!
        .trim(),
    // The old banner line "城市：北京 经验：3-5年 学历：本科" or "北京 3-5年 本科".
    location: (t) => (/城市[:：]/.test(t) ? /城市[:：]\s*(\S+)/.exec(t)?.[1] : t.split(/\s+/)[0]),
    datePosted: (t) => t.replace(/^(?:更新于|发布于)[:：]?\s*/, '').replace(/^(\d{1,2})月(\d{1,2})日$/, '$1-$2'),
  },
  currency: () => 'CNY',
  // "8-12K" on BOSS直聘 is a monthly wage; daily and hourly pay say 元/天, 元/时.
  defaultPeriod: 'month',
  dateOrder: 'ymd',
  listing: {
    jobLinks: [
      '.job-list-box .job-card-left @href',
      '.job-list li .job-primary .info-primary a @href',
      'a.job-card-left @href',
      '.job-card-wrapper a[href*="job_detail"] @href',
    ],
    nextPage: ['.options-pages a.next @href', '.page a.next @href', 'a[ka="page-next"] @href'],
  },
});
