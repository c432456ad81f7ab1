/**
 * doda (`doda.jp/DodaFront/View/JobSearchDetail/j_jid__<id>/`), the Japanese board: company and
 * title in the detail head, the listing period "掲載予定期間：2026/11/17（火）～2027/1/12（火）",
 * and a `th`/`td` table (雇用形態, 勤務地, 給与) whose pay row states 年収 (yearly) or 月給.
 * @module
 */
import { defineSite } from './types.js';

const dates = (t: string) => t.match(/\d{4}\/\d{1,2}\/\d{1,2}/g) ?? [];

export const doda = defineSite({
  id: 'doda',
  name: 'doda',
  hosts: ['doda.jp'],
  match: (url) => /JobSearchDetail/i.test(url.pathname),
  fields: {
    title: ['.head_detail h1', '#wrapper h1', 'h1.title'],
    company: ['.head_detail .company a', '.head_detail .company', 'p.company'],
    datePosted: ['.head_detail .meta_text', '.meta_text'],
    validThrough: ['.head_detail .meta_text', '.meta_text'],
    applyUrl: ['a.btn_apply @href'],
    description: ['.job_description', '.tab_contents'],
  },
  criteria: [{ item: 'table.tbl_detail tr', label: 'th', value: 'td' }],
  labels: {
    雇用形態: 'employmentType',
    勤務地: 'location',
    給与: 'salary',
    休日休暇: null,
    勤務時間: null,
    '待遇・福利厚生': null,
    応募資格: null,
  },
  descriptionFacts: [
    [/フルリモート|完全在宅|フルリモ/u, 'workplace', 'remote'],
    [/リモートワーク.{0,12}(?:可|週)|在宅勤務.{0,12}(?:可|週)|ハイブリッド/u, 'workplace', 'hybrid'],
  ],
  clean: {
    datePosted: (t) => dates(t)[0],
    validThrough: (t) => dates(t)[1],
    // "年収 450万円～600万円 月給 28万円～…": the yearly figure first.
    salary: (t) => {
      const year = /年収\s*([\d,.]+万?円?\s*[～~〜-]\s*[\d,.]+万円)/u.exec(t);
      if (year) return `${year[1]} per year`;
      const month = /月給\s*([\d,.]+万?円?\s*[～~〜-]\s*[\d,.]+万円)/u.exec(t);
      return month ? `${month[1]} per month` : t;
    },
    // "大阪府大阪市淀川区西中島5-11-8": prefecture, city and ward.
    location: (t) => /^(.{2,4}?[都道府県].{1,6}?[市区町村郡](?:.{1,5}?区)?)/u.exec(t)?.[1] ?? t,
  },
  currency: () => 'JPY',
  defaultPeriod: 'year',
  dateOrder: 'ymd',
  listing: {
    jobLinks: ['.jobSearchResultList h2 a @href', 'a[href*="JobSearchDetail/j_jid__"] @href'],
    nextPage: ['li.btnNext a @href', 'a.next @href'],
  },
});
