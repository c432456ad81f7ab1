/** Swedish vocabulary for heuristics. @module */
import type { LanguageVocabulary } from './types.js';

export const sv: LanguageVocabulary = {
  code: 'sv',
  labels: {
    title: ['tjänst', 'befattning', 'titel'],
    company: ['företag', 'arbetsgivare', 'organisation', 'myndighet'],
    location: ['ort', 'plats', 'arbetsort', 'placering', 'stad', 'kommun', 'adress'],
    employment: ['anställningsform', 'omfattning', 'anställningstyp', 'arbetstid', 'varaktighet'],
    workplace: ['distansarbete', 'arbetsplats'],
    salary: ['lön', 'löneform', 'månadslön', 'timlön', 'ersättning'],
    datePosted: ['publicerad', 'publiceringsdatum', 'publicerat'],
    validThrough: ['sista ansökningsdag', 'sista ansökningsdatum', 'ansök senast', 'ansökan senast', 'sista dag att ansöka'],
    department: ['avdelning', 'team'],
    experience: ['erfarenhet', 'arbetslivserfarenhet'],
    education: ['utbildning', 'utbildningsnivå'],
    apply: ['ansökan', 'så ansöker du'],
  },
  apply: ['sök tjänsten', 'ansök', 'ansök nu', 'sök jobbet', 'skicka ansökan'],
  vacancy: ['lediga jobb', 'vi söker', 'tjänst', 'ledig tjänst', 'arbetsuppgifter'],
  sections: ['arbetsuppgifter', 'kvalifikationer', 'om tjänsten', 'vi erbjuder', 'din profil', 'meriterande', 'om dig'],
  employment: {
    full_time: ['heltid', 'tillsvidare', 'tillsvidareanställning', 'fast anställning'],
    part_time: ['deltid'],
    contract: ['konsultuppdrag', 'frilans'],
    temporary: ['visstidsanställning', 'vikariat', 'tidsbegränsad', 'säsongsanställning', 'provanställning'],
    internship: ['praktik', 'praktikant', 'sommarjobb', 'traineeprogram'],
  },
  workplace: { remote: ['distans', 'på distans', 'distansarbete', 'hemifrån'], hybrid: ['hybrid', 'delvis distans'], onsite: ['på plats'] },
  listing: ['lediga jobb', 'lediga tjänster', 'jobba hos oss', 'karriär', 'jobb', 'sökresultat'],
  login: ['logga in', 'registrera'],
  notFound: ['sidan hittades inte', 'annonsen är inte längre aktiv', 'tjänsten är tillsatt'],
  atEmployer: ['hos'],
  about: ['om'],
  genericHeadings: ['om jobbet'],
  deadline: ['ansök senast', 'sista ansökningsdag', 'senast den'],
};
