/**
 * 前程无忧 51job (`jobs.51job.com/<city>/<id>.html`): title and salary in the `.cn` header, the
 * one-line tag row "上海-浦东新区 | 3-4年经验 | 本科 | 招1人 | 01-05发布" holds the place and
 * the date, the company link is `.cname a`.
 * @module
 */
import { defineSite } from './types.js';

/** "1-1.5万/月", "15-20万/年", "150元/天": the period word the salary normalizer reads. */
function salary(t: string): string | undefined {
  if (/面议|negotiable/i.test(t)) return undefined;
  return t
    .replace(/[/／]\s*月|每月/g, ' per month')
    .replace(/[/／]\s*年|每年/g, ' per year')
    .replace(/[/／]\s*天|每天/g, ' per day')
    .replace(/[/／]\s*(?:小时|时)/g, ' per hour')
    .replace(/元/g, ' CNY ');
}

const segments = (t: string) =>
  t
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);

export const job51 = defineSite({
  id: '51job',
  name: '51job (前程无忧)',
  hosts: ['51job.com'],
  match: (url) => /\/\d+\.html$/.test(url.pathname) || url.searchParams.has('jobid'),
  fields: {
    title: ['.tHjob .cn h1 @title', '.tHjob .cn h1', '.cn h1', '.j_info h1', '.jt h1'],
    salary: ['.tHjob .cn strong', '.cn strong', '.jt .sal'],
    company: ['.cname a.catn @title', '.cname a.catn', '.cname a', '.com_msg .com_name p', '.com_name'],
    location: ['.msg.ltype @title', '.msg.ltype', '.jt .area'],
    datePosted: ['.msg.ltype @title', '.msg.ltype'],
    description: ['.bmsg.job_msg.inbox', '.job_msg', '.bmsg.inbox'],
  },
  clean: {
    salary,
    location: (t) => segments(t)[0]?.replace(/-/g, ', '),
    datePosted: (t) => segments(t).find((s) => /发布/.test(s)),
  },
  currency: () => 'CNY',
  dateOrder: 'ymd',
  listing: {
    jobLinks: ['.j_joblist .e a.el @href', '.dw_table .el .t1 a @href', 'a.el[href*="51job.com"] @href'],
    nextPage: ['.p_in li.bk:last-child a @href', 'a.e_icons.i_next @href'],
  },
});
