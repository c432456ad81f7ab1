/**
 * HeadHunter (`hh.ru`, `hh.kz`, `hh.uz`, and their city subdomains such as `spb.hh.ru`): vacancy
 * pages `/vacancy/<id>` in Russian, every field under a `data-qa` hook. Pay is monthly unless
 * stated ("от 90 000 до 120 000 ₽ на руки"); `<title>` reads "Вакансия Role в City, работа в
 * компании Employer".
 * @module
 */
import { defineSite, type TitleParts } from './types.js';

function fromTitle(raw: string): TitleParts | undefined {
  if (raw.length > 400 || !raw.startsWith('Вакансия ')) return undefined;
  const t = raw.slice('Вакансия '.length);
  const work = t.indexOf(', работа в компании ');
  const head = work > 0 ? t.slice(0, work) : t;
  const at = head.lastIndexOf(' в ');
  return {
    title: at > 0 ? head.slice(0, at) : head,
    ...(at > 0 ? { location: head.slice(at + 3) } : {}),
    ...(work > 0 ? { company: t.slice(work + ', работа в компании '.length) } : {}),
  };
}

/** "от 90 000 до 120 000 ₽ на руки" → words the salary normalizer reads; monthly unless stated. */
function salary(t: string): string | undefined {
  if (/не указан|по договор[её]нности/i.test(t)) return undefined;
  const out = t
    .replace(/(^|\s)от\s/g, '$1from ')
    .replace(/\sдо\s/g, ' to ')
    .replace(/^до\s/, 'up to ')
    .replace(/₽|руб\.?(?=\s|$)/g, ' RUB ')
    .replace(/₸|тенге/g, ' KZT ')
    .replace(/сум(?=\s|$)/g, ' UZS ')
    .replace(/на руки|до вычета налогов|после вычета налогов/g, '')
    .replace(/за месяц|в месяц/g, ' per month')
    .replace(/за час|в час/g, ' per hour')
    .replace(/за смену/g, ' per day')
    .replace(/в год|за год/g, ' per year');
  return /\bper (?:month|hour|day|year)\b/.test(out) ? out : `${out} per month`;
}

const WORKPLACE: ReadonlyArray<readonly [RegExp, string]> = [
  [/гибрид/i, 'hybrid'],
  [/удал[её]нн|удал[её]нно|удал[её]нка|дистанционн/i, 'remote'],
  [/на месте работодателя|в офисе|офис/i, 'onsite'],
];

export const hh = defineSite({
  id: 'hh',
  name: 'HeadHunter (hh.ru)',
  hosts: ['hh.ru', 'hh.kz', 'hh.uz', 'headhunter.ge', 'rabota.by'],
  match: (url) => /^\/vacancy\/\d+/.test(url.pathname),
  fields: {
    title: ['[data-qa="vacancy-title"]', 'h1.bloko-header-section-1', '.vacancy-title h1'],
    company: ['[data-qa="vacancy-company-name"]', '.vacancy-company-name', '[data-qa="bloko-header-2"] .vacancy-company-name'],
    location: ['[data-qa="vacancy-view-location"]', '[data-qa="vacancy-view-raw-address"]', '.vacancy-address-text'],
    salary: ['[data-qa="vacancy-salary"]', '[data-qa^="vacancy-salary-compensation"]', '.vacancy-salary'],
    employmentType: ['[data-qa="common-employment-text"]', '[data-qa="vacancy-view-employment-mode"]', '[data-qa="employment-mode"]'],
    workplace: ['[data-qa="work-formats-text"]', '[data-qa="vacancy-view-employment-mode"]', '[data-qa="work-schedule-by-days-text"]'],
    datePosted: ['.vacancy-creation-time-redesigned', '[data-qa="vacancy-creation-time"]', '.vacancy-creation-time'],
    applyUrl: ['a[data-qa="vacancy-response-link-top"] @href', 'a[data-qa="vacancy-response-link-bottom"] @href'],
    description: ['[data-qa="vacancy-description"]', '.vacancy-description', '.g-user-content'],
  },
  fromTitle,
  clean: {
    salary,
    // The full address ("Санкт-Петербург, Московский проспект, 212") starts with the city.
    location: (t) => t.split(',')[0]!.trim(),
    workplace: (t) => WORKPLACE.find(([re]) => re.test(t))?.[1],
    datePosted: (t) => /(\d{1,2}\s+\p{L}+\s+\d{4})/u.exec(t)?.[1],
  },
  currency: (host) =>
    host.endsWith('.kz') ? 'KZT' : host.endsWith('.uz') ? 'UZS' : host.endsWith('.by') ? 'BYN' : host.endsWith('.ge') ? 'GEL' : 'RUB',
  dateOrder: 'dmy',
  listing: {
    jobLinks: [
      'a[data-qa="serp-item__title"] @href',
      '[data-qa="vacancy-serp__vacancy"] a[data-qa="serp-item__title"] @href',
      'a.serp-item__title @href',
    ],
    nextPage: ['a[data-qa="pager-next"] @href'],
  },
});
