/** German vocabulary for heuristics. @module */
import type { LanguageVocabulary } from './types.js';

export const de: LanguageVocabulary = {
  code: 'de',
  labels: {
    title: ['stellenbezeichnung', 'position', 'stelle', 'jobtitel', 'berufsbezeichnung'],
    company: ['unternehmen', 'arbeitgeber', 'firma', 'organisation', 'dienststelle', 'behörde', 'einrichtung', 'institution', 'träger'],
    location: ['standort', 'standorte', 'arbeitsort', 'einsatzort', 'ort', 'dienstort', 'arbeitsplatz', 'region', 'adresse', 'stadt', 'dienststelle', 'beschäftigungsort'],
    employment: ['beschäftigungsart', 'anstellungsart', 'vertragsart', 'arbeitszeit', 'art der anstellung', 'anstellung', 'beschäftigungsumfang', 'stellenart', 'befristung', 'arbeitszeitmodell', 'jobart', 'umfang', 'vertragsform', 'stellenumfang', 'wochenstunden', 'stundenumfang', 'dauer', 'laufzeit', 'vertragsdauer', 'beschäftigungsverhältnis'],
    workplace: ['arbeitsmodell', 'homeoffice', 'home office', 'remote', 'mobiles arbeiten', 'home-office', 'arbeitsweise'],
    salary: ['gehalt', 'vergütung', 'jahresgehalt', 'bruttojahresgehalt', 'gehaltsspanne', 'entgelt', 'entgeltgruppe', 'besoldung', 'besoldungsgruppe', 'lohn', 'stundenlohn', 'bezahlung', 'monatsgehalt', 'verdienst'],
    datePosted: ['veröffentlicht', 'veröffentlicht am', 'online seit', 'datum', 'erschienen am', 'eingestellt am', 'ausschreibungsdatum', 'veröffentlichungsdatum', 'datum der veröffentlichung', 'ausgeschrieben am', 'online seit dem', 'eingestellt'],
    validThrough: ['bewerbungsfrist', 'bewerbungsschluss', 'bewerbung bis', 'ende der bewerbungsfrist', 'frist', 'gültig bis', 'bewerbungen bis', 'bewerbung bis zum', 'einsendeschluss', 'bewerbungsende', 'ende der ausschreibung', 'ausschreibungsende', 'bewerbungsfrist endet'],
    department: ['abteilung', 'bereich', 'fachbereich', 'team', 'berufsfeld', 'tätigkeitsbereich'],
    experience: ['berufserfahrung', 'erfahrung', 'karrierestufe', 'berufserfahrung in jahren'],
    education: ['ausbildung', 'abschluss', 'qualifikation', 'bildungsabschluss', 'studium'],
    apply: ['bewerbung', 'bewerben'],
    applicationPeriod: ['bewerbungszeitraum', 'ausschreibungszeitraum', 'zeitraum'],
  },
  apply: ['jetzt bewerben', 'bewerben', 'online bewerben', 'hier bewerben', 'zur bewerbung', 'bewerbung starten', 'direkt bewerben', 'bewerbung absenden', 'jetzt online bewerben', 'bewerbung senden'],
  vacancy: ['stellenangebot', 'stellenausschreibung', 'wir suchen', 'stellenbeschreibung', 'ihre aufgaben', 'ihr profil', 'wir bieten', 'zum nächstmöglichen zeitpunkt', '(m/w/d)', '(w/m/d)', 'gesucht', 'wir stellen ein', 'verstärkung gesucht'],
  sections: ['aufgaben', 'ihr profil', 'dein profil', 'deine aufgaben', 'ihre aufgaben', 'wir bieten', 'was wir bieten', 'anforderungen', 'qualifikation', 'das bringst du mit', 'das erwartet dich', 'ihre benefits', 'deine benefits', 'was sie mitbringen', 'was du mitbringst', 'unser angebot'],
  employment: {
    full_time: ['vollzeit', 'festanstellung', 'unbefristet', 'vollzeitanstellung', 'vollzeitstelle'],
    part_time: ['teilzeit', 'minijob', 'werkstudent', 'werkstudentin', 'geringfügig', 'midijob', 'teilzeitanstellung', 'teilzeitstelle'],
    contract: ['freiberuflich', 'freelance', 'honorarbasis'],
    temporary: ['befristet', 'zeitarbeit', 'aushilfe', 'saisonarbeit', 'zeitlich befristet', 'elternzeitvertretung', 'mutterschaftsvertretung', 'saisonstelle'],
    internship: ['praktikum', 'praktikant', 'ausbildung', 'duales studium', 'werkstudent', 'trainee'],
    volunteer: ['ehrenamt', 'ehrenamtlich'],
  },
  workplace: {
    remote: ['homeoffice', 'home office', 'mobiles arbeiten', 'remote', 'fernarbeit', 'vollständig remote'],
    hybrid: ['hybrid', 'hybrides arbeiten', 'teilweise remote', 'homeoffice möglich', 'home office möglich', 'teilweise homeoffice', 'teilweise home office', 'mobiles arbeiten möglich', 'tage homeoffice'],
    onsite: ['vor ort', 'präsenz'],
  },
  listing: ['stellenangebote', 'offene stellen', 'stellen', 'karriere', 'jobs', 'jobbörse', 'stellenbörse', 'suchergebnisse', 'aktuelle stellenangebote', 'alle jobs'],
  login: ['anmelden', 'anmeldung', 'einloggen', 'registrieren'],
  notFound: ['seite nicht gefunden', 'nicht mehr verfügbar', 'stelle ist bereits besetzt', 'stelle ist besetzt', 'nicht mehr online', 'bewerbungsfrist ist abgelaufen', 'stellenanzeige abgelaufen', 'stelle nicht mehr verfügbar', 'diese stelle ist bereits besetzt', 'stellenangebot ist abgelaufen', 'anzeige ist nicht mehr verfügbar', 'stelle wurde bereits besetzt'],
  atEmployer: ['bei'],
  about: ['über', 'wer ist'],
  genericHeadings: ['wir suchen verstärkung', 'wir suchen dich', 'wir suchen sie', 'komm in unser team', 'stellendetails', 'stellenbeschreibung', 'details', 'übersicht', 'jobdetails', 'stellenausschreibung'],
  deadline: ['bewerbungen bis', 'bewerben sie sich bis', 'bewerbung bis zum', 'bewerbungsschluss ist der', 'bewerbungsfrist endet am', 'bitte bewerben sie sich bis', 'bis spätestens', 'bewerbungsfrist:'],
};
