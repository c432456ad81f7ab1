/**
 * topjobs.lk, the Sri Lankan board: the advert page (`JobAdvertismentServlet?…&jc=<id>`) names
 * position, employer, location and opening/closing dates by element id, day first. Its
 * `<title>` is the site's slogan ("jobs/vacancies, careers and employment"), never the employer.
 * @module
 */
import { defineSite } from './types.js';

export const topjobs = defineSite({
  id: 'topjobs',
  name: 'topjobs.lk',
  hosts: ['topjobs.lk'],
  match: (url) => /JobAdvertismentServlet|vacancy|advert/i.test(url.pathname) || url.searchParams.has('jc'),
  fields: {
    title: ['#position-title', '#position', 'h1#position', 'span#position', '#remark h1'],
    company: ['#employer', 'h2#employer', 'span#employer', '#remark h2'],
    location: ['#location', 'span#location'],
    datePosted: ['#opening-date', 'span#opening-date', '#openingDate'],
    validThrough: ['#closing-date', 'span#closing-date', '#closingDate'],
    applyUrl: ['a.apply @href', 'a[href*="applyforjob"] @href'],
    description: ['#jd', '#remark .jd', '#remark'],
  },
  currency: () => 'LKR',
  dateOrder: 'dmy',
  listing: {
    jobLinks: ['a[href*="JobAdvertismentServlet"] @href', 'tr[id^="tr"] a[href*="jc="] @href'],
  },
});
