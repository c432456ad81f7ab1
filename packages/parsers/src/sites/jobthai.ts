/**
 * JobThai (`jobthai.com/<lang>/company/job/<id>`), the Thai board: title and company headings and
 * a label–value table (สถานที่ปฏิบัติงาน, เงินเดือน (บาท), ประเภทงาน); dates in the Thai
 * calendar ("20 พ.ย. 69"); pay monthly in THB unless stated.
 * @module
 */
import { defineSite } from './types.js';

export const jobthai = defineSite({
  id: 'jobthai',
  name: 'JobThai',
  hosts: ['jobthai.com'],
  match: (url) => /\/job\/\d+/.test(url.pathname),
  fields: {
    title: ['#job-title', 'h1.job-title', '#job-detail h1'],
    company: ['.company-name a', 'h2.company-name', '#company-name'],
    datePosted: ['.post-date', '#job-post-date', '.job-post-date'],
    applyUrl: ['a#apply-button @href', 'a[href*="/apply/"] @href'],
    description: ['.job-description', '#job-description'],
  },
  criteria: [{ item: 'table.job-info tr', label: '.label', value: '.value' }],
  labels: {
    สถานที่ปฏิบัติงาน: 'location',
    'เงินเดือน (บาท)': 'salary',
    เงินเดือน: 'salary',
    อัตรา: null,
    ประเภทงาน: 'employmentType',
    รูปแบบงาน: 'employmentType',
    วุฒิการศึกษา: null,
    ประสบการณ์: null,
    เพศ: null,
    อายุ: null,
    location: 'location',
    'salary (baht)': 'salary',
    salary: 'salary',
    'job type': 'employmentType',
    positions: null,
  },
  clean: {
    salary: (t) =>
      /ตามตกลง|ตามโครงสร้าง|negotiable/i.test(t) ? undefined : /เดือน|month|ชั่วโมง|hour|วัน|day|ปี|year/i.test(t) ? t : `${t} per month`,
  },
  currency: () => 'THB',
  dateOrder: 'dmy',
  listing: {
    jobLinks: ['a[href*="/company/job/"] @href', '.job-list a.job-title @href'],
    nextPage: ['a[aria-label="Next Page"] @href', 'li.ant-pagination-next a @href'],
  },
});
