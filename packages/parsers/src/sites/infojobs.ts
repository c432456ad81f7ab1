/**
 * InfoJobs (`infojobs.net/<city>/<slug>/of-i<id>`), the Spanish board: the offer header's title,
 * company link and one details list whose items read "Santander", "Presencial", "Publicada hace
 * 3d", "Salario: …", "Tipo de contrato: Indefinido | Jornada completa".
 * @module
 */
import { defineSite } from './types.js';

const ITEMS = '.ij-OfferDetailHeader-detailsList-item';
/** The part after "Label:" when the item starts with one of `labels`. */
const labelled = (labels: RegExp) => (t: string) => {
  const colon = t.indexOf(':');
  return colon > 0 && labels.test(t.slice(0, colon)) ? t.slice(colon + 1).trim() : undefined;
};

export const infojobs = defineSite({
  id: 'infojobs',
  name: 'InfoJobs',
  hosts: ['infojobs.net', 'infojobs.it', 'infojobs.com.br'],
  match: (url) => /\/of-[a-z0-9]+/i.test(url.pathname) || /\/vaga-de-/.test(url.pathname),
  fields: {
    title: ['.ij-OfferDetailHeader-title h1', '#prefijoPuesto', 'h1.ij-Heading-title1'],
    company: [
      '.ij-OfferDetailHeader-companyLogo a',
      '.ij-OfferDetailHeader-companyName',
      'a#linkEmpresa',
      '.ij-OfferDetailHeader-title + div a',
    ],
    location: [`${ITEMS}:first-child`, '#prefijoPoblacion', '.ij-OfferDetailHeader-location'],
    workplace: [ITEMS],
    datePosted: ['.ij-OfferDetailHeader-publishedAt', ITEMS],
    salary: [ITEMS, '.ij-OfferDetailHeader-salary'],
    employmentType: [ITEMS],
    applyUrl: ['.ij-OfferDetailHeader-actions a @href', 'a#candidate_application @href'],
    description: ['.ij-OfferDetail-description', '.ij-OfferDetail-body', '#prefijoDescripcion1'],
  },
  clean: {
    salary: labelled(/salario|salary|retribuci/i),
    employmentType: labelled(/tipo de contrato|jornada|contrato/i),
    workplace: (t) => (/^(?:presencial|teletrabajo|h[ií]brido|remoto|solo teletrabajo)\b/i.test(t) ? t : undefined),
    datePosted: (t) => (/publicad[ao]|actualizad[ao]|hace/i.test(t) ? t.replace(/^(?:publicad[ao]|actualizad[ao])\s+/i, '') : undefined),
  },
  currency: () => 'EUR',
  dateOrder: 'dmy',
  listing: {
    jobLinks: [
      'a.ij-OfferCardContent-description-title-link @href',
      '.ij-OfferCardContent-description-title a @href',
      'h2.ij-OfferCardContent-description-title a @href',
    ],
    nextPage: ['a[aria-label="Siguiente"] @href', '.sui-MoleculePagination-item:last-child a @href'],
  },
});
