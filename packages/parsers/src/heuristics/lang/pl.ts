/** Polish vocabulary for heuristics. @module */
import type { LanguageVocabulary } from './types.js';

export const pl: LanguageVocabulary = {
  code: 'pl',
  labels: {
    title: ['stanowisko', 'nazwa stanowiska'],
    company: ['firma', 'pracodawca', 'nazwa firmy', 'jednostka', 'instytucja', 'organizacja', 'urząd', 'nazwa urzędu'],
    location: ['lokalizacja', 'miejsce pracy', 'miasto', 'adres', 'miejscowość', 'województwo', 'miejsce wykonywania pracy', 'adres urzędu', 'siedziba'],
    employment: ['rodzaj umowy', 'typ umowy', 'wymiar etatu', 'wymiar pracy', 'forma zatrudnienia', 'rodzaj zatrudnienia', 'umowa', 'wymiar czasu pracy'],
    workplace: ['tryb pracy', 'praca zdalna', 'model pracy'],
    salary: ['wynagrodzenie', 'pensja', 'widełki', 'widełki płacowe', 'stawka'],
    datePosted: ['data publikacji', 'opublikowano', 'dodano', 'data ogłoszenia', 'opublikowane', 'data dodania'],
    validThrough: ['termin składania', 'termin składania ofert', 'ważna do', 'oferta ważna do', 'termin aplikacji', 'aplikuj do', 'ogłoszenie ważne do', 'ważne do', 'termin składania dokumentów', 'termin nadsyłania zgłoszeń', 'termin zgłoszeń', 'przyjmujemy zgłoszenia do', 'termin składania aplikacji'],
    department: ['dział', 'departament', 'zespół', 'kategoria'],
    experience: ['doświadczenie', 'poziom stanowiska', 'staż pracy'],
    education: ['wykształcenie', 'wymagane wykształcenie'],
    apply: ['aplikacja'],
  },
  apply: ['aplikuj', 'aplikuj teraz', 'aplikuj szybko', 'wyślij cv', 'złóż aplikację', 'aplikuj na to stanowisko', 'aplikuj online'],
  vacancy: ['oferta pracy', 'ogłoszenie', 'poszukujemy', 'szukamy', 'zakres obowiązków', 'nasze wymagania', 'oferujemy', 'poszukiwany', 'poszukiwana', 'zatrudnimy'],
  sections: ['zakres obowiązków', 'obowiązki', 'wymagania', 'nasze wymagania', 'oferujemy', 'to oferujemy', 'twój zakres obowiązków', 'mile widziane', 'benefity'],
  employment: {
    full_time: ['pełny etat', 'pełen etat', 'umowa o pracę', 'cały etat', 'pełny wymiar'],
    part_time: ['pół etatu', 'część etatu', 'niepełny etat', 'niepełny wymiar'],
    contract: ['b2b', 'kontrakt b2b', 'umowa zlecenie', 'umowa o dzieło', 'kontrakt'],
    temporary: ['umowa na czas określony', 'praca tymczasowa', 'zastępstwo', 'na czas określony'],
    internship: ['staż', 'praktyki', 'praktykant', 'stażysta'],
    volunteer: ['wolontariat'],
  },
  workplace: {
    remote: ['praca zdalna', 'zdalnie', 'zdalna'],
    hybrid: ['praca hybrydowa', 'hybrydowa', 'hybrydowo'],
    onsite: ['praca stacjonarna', 'stacjonarnie', 'w biurze'],
  },
  listing: ['oferty pracy', 'praca', 'kariera', 'wyniki wyszukiwania', 'aktualne oferty'],
  login: ['zaloguj się', 'logowanie', 'zarejestruj się'],
  notFound: ['strona nie istnieje', 'nie znaleziono', 'oferta wygasła', 'ogłoszenie wygasło', 'oferta nieaktualna', 'ogłoszenie nieaktualne'],
  about: ['o firmie'],
  genericHeadings: ['szczegóły oferty', 'opis stanowiska'],
  deadline: ['ważne do', 'ważna do', 'zgłoszenia do', 'cv do', 'aplikacje do', 'do dnia', 'przyjmujemy zgłoszenia do'],
};
