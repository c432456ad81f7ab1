/**
 * 104人力銀行 (`104.com.tw/job/<id>`), the Taiwanese board: the job header (title with an
 * "11/19 更新" badge, company link) and label–value rows (工作待遇, 工作性質, 上班地點, 遠端工作);
 * pay in TWD, "月薪" monthly and "年薪" yearly.
 * @module
 */
import { defineSite } from './types.js';

export const tw104 = defineSite({
  id: '104',
  name: '104人力銀行',
  hosts: ['104.com.tw'],
  match: (url) => /^\/job\/[a-z0-9]+/i.test(url.pathname),
  fields: {
    title: ['.job-header__title h1', '.job-header h1', 'h1[title]'],
    company: ['.job-header__title a[title]', '.job-header a.btn-link', '.job-header__title a'],
    applyUrl: ['.apply-button a @href'],
    description: ['.job-description__content', '.job-description', '.job-description-table'],
  },
  criteria: [{ item: '.list-row', label: '.list-row__head', value: '.list-row__data' }],
  labels: {
    工作待遇: 'salary',
    工作性質: 'employmentType',
    上班地點: 'location',
    遠端工作: 'workplace',
    管理責任: null,
    出差外派: null,
    上班時段: null,
    休假制度: null,
    可上班日: null,
    需求人數: null,
  },
  clean: {
    // The header's "11/19 更新" badge is not part of the title.
    title: (t) => t.replace(/ ?\d{1,2}\/\d{1,2} ?更新$/, '').trim(),
    salary: (t) => {
      if (!/\d/.test(t)) return undefined;
      const period = /月薪/.test(t)
        ? ' per month'
        : /年薪/.test(t)
          ? ' per year'
          : /時薪/.test(t)
            ? ' per hour'
            : /日薪/.test(t)
              ? ' per day'
              : '';
      return `${t
        .replace(/[月年時日]薪/g, '')
        .replace(/元/g, ' TWD')
        .replace(/以上/g, '')
        .trim()}${period}`;
    },
    // "台北市大安區復興南路一段390號": the city and district.
    location: (t) => /^(.{1,6}?[市縣].{1,6}?[區鄉鎮市])/u.exec(t)?.[1] ?? t,
    workplace: (t) =>
      /完全遠端|全遠端/.test(t) ? 'remote' : /部分遠端|混合/.test(t) ? 'hybrid' : /不可|無/.test(t) ? 'on-site' : undefined,
  },
  currency: () => 'TWD',
  dateOrder: 'ymd',
  listing: {
    jobLinks: ['article.job-list-item a.js-job-link @href', 'a.js-job-link @href', '.job-list-item h2 a @href'],
    nextPage: ['.page-next @href', 'a.js-next-page @href'],
  },
});
