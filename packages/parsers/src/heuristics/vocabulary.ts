/**
 * Words heuristics look for, in English, German, French and Spanish: field labels, apply
 * buttons, section headings of a posting, and phrases that mean "not a posting".
 * @module
 */

/** Which job field a visible label introduces. */
export type LabelField = 'location' | 'employment' | 'salary' | 'datePosted' | 'validThrough' | 'workplace' | 'department' | 'company';

const LABELS: Record<LabelField, string[]> = {
  location: [
    'location', 'locations', 'job location', 'office', 'office location', 'work location', 'city',
    'standort', 'standorte', 'arbeitsort', 'einsatzort', 'ort', 'dienstort',
    'lieu', 'localisation', 'lieu de travail', 'ville', 'emplacement',
    'ubicación', 'ubicacion', 'localización', 'lugar de trabajo', 'ciudad', 'localidad',
  ],
  employment: [
    'employment type', 'job type', 'type', 'hours', 'contract type', 'contract', 'commitment', 'schedule', 'position type', 'work type',
    'beschäftigungsart', 'anstellungsart', 'vertragsart', 'arbeitszeit', 'art der anstellung', 'anstellung', 'beschäftigungsumfang',
    'type de contrat', "type d'emploi", 'contrat', 'temps de travail', 'type de poste',
    'tipo de contrato', 'jornada', 'tipo de empleo', 'tipo de jornada', 'contrato',
  ],
  salary: [
    'salary', 'compensation', 'pay', 'pay range', 'salary range', 'base salary', 'base pay', 'wage',
    'gehalt', 'vergütung', 'jahresgehalt', 'bruttojahresgehalt', 'gehaltsspanne',
    'salaire', 'rémunération', 'remuneration', 'fourchette de salaire',
    'salario', 'sueldo', 'remuneración', 'rango salarial', 'retribución',
  ],
  datePosted: [
    'date posted', 'posted', 'posted on', 'published', 'publication date', 'posting date',
    'veröffentlicht', 'veröffentlicht am', 'online seit', 'datum',
    'publié le', 'date de publication', 'publiée le', 'publié',
    'publicado', 'publicado el', 'fecha de publicación', 'fecha',
  ],
  validThrough: [
    'closing date', 'apply by', 'deadline', 'application deadline', 'valid through', 'expires',
    'bewerbungsfrist', 'bewerbungsschluss', 'date limite', 'date de clôture', 'fecha límite', 'fecha de cierre',
  ],
  workplace: [
    'workplace', 'workplace type', 'remote', 'work model', 'work arrangement', 'remote policy',
    'arbeitsmodell', 'homeoffice', 'home office', 'mode de travail', 'télétravail', 'modalidad', 'modalidad de trabajo', 'modelo de trabajo',
  ],
  department: ['department', 'team', 'abteilung', 'bereich', 'fachbereich', 'département', 'équipe', 'service', 'departamento', 'área', 'area', 'equipo'],
  company: ['company', 'employer', 'organization', 'unternehmen', 'arbeitgeber', 'firma', 'entreprise', 'employeur', 'empresa', 'organisation', 'société'],
};

const LABEL_INDEX = new Map<string, LabelField>();
for (const [field, words] of Object.entries(LABELS) as Array<[LabelField, string[]]>) {
  for (const w of words) if (!LABEL_INDEX.has(w)) LABEL_INDEX.set(w, field);
}

/** The field a label introduces (`"Standort:"` → `location`), or `undefined`. */
export function labelField(label: string): LabelField | undefined {
  const key = label.toLowerCase().replace(/[:：*]+\s*$/, '').replace(/\s+/g, ' ').trim();
  return LABEL_INDEX.get(key);
}

/** Text of a link or button that starts an application. */
export const APPLY_TEXT =
  /^\s*(?:apply|apply now|apply for this (?:job|position|role)|submit (?:your )?application|jetzt bewerben|bewerben|online bewerben|hier bewerben|zur bewerbung|postuler|postulez|je postule|postuler maintenant|candidater|postularse|postúlate|postular|aplicar|solicitar|inscribirse|enviar candidatura|candidatar-se|inscríbete)\b/i;

/** Headings of posting sections ("Responsibilities", "Ihr Profil", "Vos missions", "Requisitos"…). */
export const SECTION_HEADING =
  /(responsibilit|requirements?|qualifications?|what you('|’)ll do|what you will do|what we offer|what you bring|about the (?:role|job|position)|your (?:role|tasks|profile|mission)|who you are|you have|nice to have|benefits|perks|aufgaben|ihr profil|dein profil|deine aufgaben|ihre aufgaben|wir bieten|was wir bieten|anforderungen|qualifikation|das bringst du mit|missions?|profil recherché|votre profil|vos missions|ce que nous offrons|avantages|responsabilidades|requisitos|funciones|ofrecemos|tu perfil|qué ofrecemos|lo que harás)/i;

/** The page says the posting does not exist or is closed. */
export const NOT_FOUND_TEXT =
  /\b404\b|page not found|not found|no longer (?:available|exists|accepting|open)|(?:job|position|posting) (?:has been |is )?(?:closed|filled|expired)|seite nicht gefunden|nicht mehr verfügbar|stelle ist (?:bereits )?besetzt|page introuvable|n'est plus disponible|offre expirée|página no encontrada|ya no está disponible|oferta (?:cerrada|caducada)/i;

/** A page title/heading that names a list of jobs rather than one. */
export const LISTING_TITLE =
  /(?:^|\s)(?:\d+\s+)?(?:jobs|stellenangebote|stellen|empleos|emplois|offres d'emploi|ofertas de empleo)\s+(?:in|en|à|bei|at|near)\s|^\d+\s+(?:jobs|open positions|stellen|offres|empleos)\b|^(?:(?:all |current |open |our )?(?:jobs|job openings|open positions|open roles|openings|careers|career opportunities|vacancies|positions)(?: at .*)?|join (?:our|the) team|work with us|stellenangebote|offene stellen|jobs bei .*|karriere|offres d'emploi|nos offres|rejoignez-nous|carrières|ofertas de empleo|empleos|vacantes|trabaja con nosotros|únete a nuestro equipo)$/i;

/** Login/sign-in page titles. */
export const LOGIN_TITLE = /\b(?:log ?in|sign ?in|anmelden|anmeldung|connexion|se connecter|iniciar sesión|acceder)\b/i;

/**
 * Unambiguous workplace phrases in running text (descriptions), strict enough to trust next to
 * structured data: "hybrid schedule", "three office days", "Homeoffice an zwei Tagen pro Woche",
 * "fully remote". Bare "remote"/"hybrid" are not enough ("remote monitoring", "hybrid cloud").
 */
export const WORKPLACE_IN_PROSE: ReadonlyArray<readonly [RegExp, 'hybrid' | 'remote']> = [
  [/\bhybrid(?:e)? (?:schedule|work(?:ing)?|role|position|model|set-?up|arrangement|policy)\b|\bhybrides arbeiten\b|\b(?:modèle|travail|mode) hybride\b|\b(?:modelo|trabajo|modalidad) híbrid[oa]\b|\bhíbrido\b/i, 'hybrid'],
  [/\b(?:one|two|three|four|\d) (?:office days|days? (?:a|per) week (?:in|at|from) (?:the|our) office|days? in (?:the|our) office)\b/i, 'hybrid'],
  [/\b(?:home ?office|mobiles arbeiten|remote)\b[^.\n]{0,30}\b(?:an )?(?:ein(?:em)?|zwei|drei|vier|\d) tag(?:en)? (?:pro|die|in der) woche\b/i, 'hybrid'],
  [/\b(?:télétravail|teletrabajo)\b[^.\n]{0,30}\b(?:un|deux|trois|quatre|uno|dos|tres|cuatro|\d) (?:jours?|días?) (?:par semaine|por semana|a la semana)\b/i, 'hybrid'],
  [/\b(?:fully remote|100 ?% remote|remote[- ]first|work from anywhere|vollständig remote|100 ?% télétravail|100 ?% remoto|totalmente remoto)\b/i, 'remote'],
];

/** Workplace type stated unambiguously in running text, or `undefined`. */
export function workplaceInProse(text: string): 'hybrid' | 'remote' | undefined {
  for (const [re, value] of WORKPLACE_IN_PROSE) if (re.test(text)) return value;
  return undefined;
}
