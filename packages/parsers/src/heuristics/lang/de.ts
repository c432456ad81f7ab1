/** German vocabulary for heuristics. @module */
import type { LanguageVocabulary } from './types.js';

export const de: LanguageVocabulary = {
  code: 'de',
  labels: {
    title: ['stellenbezeichnung', 'position', 'stelle', 'jobtitel', 'berufsbezeichnung'],
    company: ['unternehmen', 'arbeitgeber', 'firma', 'organisation', 'dienststelle', 'behörde', 'einrichtung', 'institution'],
    location: ['standort', 'standorte', 'arbeitsort', 'einsatzort', 'ort', 'dienstort', 'arbeitsplatz', 'region', 'adresse'],
    employment: ['beschäftigungsart', 'anstellungsart', 'vertragsart', 'arbeitszeit', 'art der anstellung', 'anstellung', 'beschäftigungsumfang', 'stellenart', 'befristung', 'arbeitszeitmodell', 'jobart'],
    workplace: ['arbeitsmodell', 'homeoffice', 'home office', 'remote', 'mobiles arbeiten'],
    salary: ['gehalt', 'vergütung', 'jahresgehalt', 'bruttojahresgehalt', 'gehaltsspanne', 'entgelt', 'entgeltgruppe', 'besoldung', 'besoldungsgruppe', 'lohn', 'stundenlohn', 'bezahlung'],
    datePosted: ['veröffentlicht', 'veröffentlicht am', 'online seit', 'datum', 'erschienen am', 'eingestellt am', 'ausschreibungsdatum'],
    validThrough: ['bewerbungsfrist', 'bewerbungsschluss', 'bewerbung bis', 'ende der bewerbungsfrist', 'frist', 'gültig bis'],
    department: ['abteilung', 'bereich', 'fachbereich', 'team', 'berufsfeld', 'tätigkeitsbereich'],
    experience: ['berufserfahrung', 'erfahrung', 'karrierestufe', 'berufserfahrung in jahren'],
    education: ['ausbildung', 'abschluss', 'qualifikation', 'bildungsabschluss', 'studium'],
    apply: ['bewerbung', 'bewerben'],
    applicationPeriod: ['bewerbungszeitraum', 'ausschreibungszeitraum', 'zeitraum'],
  },
  apply: ['jetzt bewerben', 'bewerben', 'online bewerben', 'hier bewerben', 'zur bewerbung', 'bewerbung starten', 'direkt bewerben', 'bewerbung absenden', 'jetzt online bewerben'],
  vacancy: ['stellenangebot', 'stellenausschreibung', 'wir suchen', 'stellenbeschreibung', 'ihre aufgaben', 'ihr profil', 'wir bieten', 'zum nächstmöglichen zeitpunkt', '(m/w/d)', '(w/m/d)'],
  sections: ['aufgaben', 'ihr profil', 'dein profil', 'deine aufgaben', 'ihre aufgaben', 'wir bieten', 'was wir bieten', 'anforderungen', 'qualifikation', 'das bringst du mit', 'das erwartet dich', 'ihre benefits', 'deine benefits', 'was sie mitbringen', 'was du mitbringst', 'unser angebot'],
  employment: {
    full_time: ['vollzeit', 'festanstellung', 'unbefristet'],
    part_time: ['teilzeit', 'minijob', 'werkstudent', 'werkstudentin'],
    contract: ['freiberuflich', 'freelance', 'honorarbasis'],
    temporary: ['befristet', 'zeitarbeit', 'aushilfe', 'saisonarbeit'],
    internship: ['praktikum', 'praktikant', 'ausbildung', 'duales studium', 'werkstudent', 'trainee'],
    volunteer: ['ehrenamt', 'ehrenamtlich'],
  },
  workplace: {
    remote: ['homeoffice', 'home office', 'mobiles arbeiten', 'remote', 'fernarbeit', 'vollständig remote'],
    hybrid: ['hybrid', 'hybrides arbeiten', 'teilweise remote'],
    onsite: ['vor ort', 'präsenz'],
  },
  listing: ['stellenangebote', 'offene stellen', 'stellen', 'karriere', 'jobs', 'jobbörse', 'stellenbörse', 'suchergebnisse', 'aktuelle stellenangebote', 'alle jobs'],
  login: ['anmelden', 'anmeldung', 'einloggen', 'registrieren'],
  notFound: ['seite nicht gefunden', 'nicht mehr verfügbar', 'stelle ist bereits besetzt', 'stelle ist besetzt', 'nicht mehr online', 'bewerbungsfrist ist abgelaufen'],
  atEmployer: ['bei'],
  about: ['über', 'wer ist'],
  genericHeadings: ['wir suchen verstärkung', 'wir suchen dich', 'wir suchen sie', 'komm in unser team', 'stellendetails', 'stellenbeschreibung', 'details', 'übersicht', 'jobdetails'],
};
