/** Italian vocabulary for heuristics. @module */
import type { LanguageVocabulary } from './types.js';

export const it: LanguageVocabulary = {
  code: 'it',
  labels: {
    title: ['posizione', 'ruolo', 'titolo', 'profilo'],
    company: ['azienda', 'società', 'datore di lavoro', 'ente', 'organizzazione'],
    location: ['sede', 'sede di lavoro', 'luogo di lavoro', 'località', 'città', 'luogo', 'regione', 'provincia', 'indirizzo'],
    employment: ['tipo di contratto', 'contratto', 'orario', 'tipologia contrattuale', 'orario di lavoro', 'tipo di impiego', 'tipo contratto', 'durata', 'impegno', 'tipologia di contratto', 'regime orario'],
    workplace: ['modalità di lavoro', 'smart working', 'lavoro da remoto'],
    salary: ['stipendio', 'retribuzione', 'ral', 'compenso', 'salario', 'retribuzione annua lorda', 'retribuzione mensile'],
    datePosted: ['pubblicato', 'pubblicato il', 'data di pubblicazione', 'data pubblicazione'],
    validThrough: ['scadenza', 'data di scadenza', 'termine', 'candidature entro', 'scadenza candidature', 'scadenza candidatura', 'scadenza del bando', 'termine di presentazione', 'candidature entro il', 'scadenza domande'],
    department: ['reparto', 'area', 'dipartimento', 'settore', 'funzione'],
    experience: ['esperienza', 'anni di esperienza', 'esperienza richiesta'],
    education: ['titolo di studio', 'formazione', 'istruzione'],
    apply: ['candidatura'],
  },
  apply: ['candidati', 'candidati ora', 'invia candidatura', 'candidarsi', 'invia la tua candidatura', 'candidatura spontanea'],
  vacancy: ['offerta di lavoro', 'posizione aperta', 'cerchiamo', 'stiamo cercando', 'requisiti', 'responsabilità', 'cercasi'],
  sections: ['responsabilità', 'requisiti', 'cosa offriamo', 'mansioni', 'il tuo profilo', 'descrizione', 'competenze', 'benefit'],
  employment: {
    full_time: ['tempo pieno', 'full time', 'tempo indeterminato', 'full-time'],
    part_time: ['part time', 'tempo parziale', 'part-time'],
    contract: ['partita iva', 'collaborazione', 'libero professionista'],
    temporary: ['tempo determinato', 'somministrazione', 'stagionale', 'contratto a termine'],
    internship: ['tirocinio', 'stage', 'apprendistato'],
  },
  workplace: {
    remote: ['da remoto', 'lavoro da remoto', 'smart working', 'telelavoro', 'full remote'],
    hybrid: ['ibrido', 'modalità ibrida'],
    onsite: ['in sede', 'in presenza'],
  },
  listing: ['offerte di lavoro', 'posizioni aperte', 'lavora con noi', 'carriere', 'risultati della ricerca'],
  login: ['accedi', 'accesso', 'registrati'],
  notFound: ['pagina non trovata', 'non è più disponibile', 'offerta scaduta', 'posizione chiusa', 'annuncio scaduto', 'offerta non più disponibile'],
  atEmployer: ['presso'],
  about: ['chi è', 'su di'],
  genericHeadings: ["dettagli dell'offerta", 'descrizione'],
  deadline: ['candidature entro il', 'entro il', 'scadenza candidature', 'inviare la candidatura entro'],
};
