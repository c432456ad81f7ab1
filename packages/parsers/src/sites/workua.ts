/**
 * Work.ua (`work.ua/jobs/<id>/`), the Ukrainian board: the detail card's list items carry their
 * meaning in `title` attributes ("Зарплата", "Дані про компанію", "Адреса роботи", "Умови й
 * вимоги"); pay is monthly in UAH unless stated.
 * @module
 */
import { defineSite } from './types.js';

export const workua = defineSite({
  id: 'workua',
  name: 'Work.ua',
  hosts: ['work.ua'],
  match: (url) => /^\/(?:[a-z]{2}\/)?jobs\/\d+/.test(url.pathname),
  fields: {
    title: ['#h1-name', '#job-detail h1', '.card h1'],
    company: [
      'li[title="Дані про компанію"] a',
      'li[title="Company information"] a',
      'li[title="Данные о компании"] a',
      '#job-detail a[href*="/jobs/by-company/"]',
    ],
    location: ['li[title="Адреса роботи"]', 'li[title="Work address"]', 'li[title="Адрес работы"]', 'li[title="Місце роботи"]'],
    salary: ['li[title="Зарплата"]', 'li[title="Salary"]'],
    employmentType: ['li[title="Умови й вимоги"]', 'li[title="Conditions and requirements"]', 'li[title="Условия и требования"]'],
    datePosted: ['#job-detail .text-default-7', '#job-detail p.text-muted', '#job-detail time @datetime'],
    applyUrl: ['#job-detail a.btn-primary[href*="/apply"] @href', 'a[href$="/apply/"] @href'],
    description: ['#job-description', '#job-detail .overflow'],
  },
  descriptionFacts: [
    [/робота в офісі|в офісі|работа в офисе/i, 'workplace', 'on-site'],
    [/віддалена робота|дистанційн|удаленн/i, 'workplace', 'remote'],
  ],
  clean: {
    // "Дистанційна робота" in the address row is a workplace, not a place.
    location: (t) => (/дистанційн|віддален|удаленн|remote/i.test(t) ? undefined : t.split(',')[0]!.trim()),
    salary: (t) => {
      const out = t.replace(/грн\.?/g, ' UAH ');
      return /місяць|month|год|hour|рік|year/i.test(out) ? out : `${out} per month`;
    },
    datePosted: (t) => /(\d{1,2}\s+\p{L}+\s+\d{4})/u.exec(t)?.[1] ?? t,
  },
  currency: () => 'UAH',
  dateOrder: 'dmy',
  listing: {
    jobLinks: ['.job-link h2 a @href', '#pjax-job-list .card h2 a @href', '.card-hover h2 a @href'],
    nextPage: ['ul.pagination li:last-child a @href', 'a.link-icon[rel="next"] @href'],
  },
});
