/**
 * Quality score 0–100 with an explained breakdown. The pipeline stores postings scoring ≥ 70
 * ({@link DEFAULT_QUALITY_THRESHOLD}, its `qualityThreshold` option).
 *
 * Six completeness rules give points out of maxima that add up to 100; what a posting cannot do
 * without (title, employer, description, place) weighs most, optional fields little, so a correct
 * sparse posting passes. Then per-field confidence (`job.confidence`, set by parsers from their
 * evidence) and the bad shapes of a title or company that need no page to see
 * ({@link titleShapeIssues}, {@link companyShapeIssues}) deduct points in `confidence:<field>`
 * entries (max 0): a required field with low confidence costs more than a missing optional one, a
 * field the page states but the posting lacks (a confidence entry beside no value) costs like a
 * wrong one, and an untrusted title or company keeps the posting below 50, so the default
 * threshold never passes it. Postings without `confidence` are scored on shapes alone.
 * @module
 */
import { invalidArgument, optionalDate, optionsObject, readArgument } from './errors.js';
import type { Confidence, JobPosting, ProvenanceField, Quality, QualityRuleResult, SalaryPeriod } from './schema/job-posting.js';

/** Postings below this score are not stored by the pipeline unless its `qualityThreshold` says otherwise. */
export const DEFAULT_QUALITY_THRESHOLD = 70;

export interface ScoreQualityOptions {
  /** Reference time for date-trust rules. @default new Date() */
  now?: Date;
}

/** Job fields the score looks at; `quality` itself is not needed. */
export type ScorableJob = Omit<JobPosting, 'quality' | 'id' | 'urlHash'> & Partial<Pick<JobPosting, 'quality'>>;

/** Plausible yearly-equivalent salary range per period (in USD-like units; wide on purpose). */
const PERIOD_BOUNDS: Record<SalaryPeriod, [number, number]> = {
  hour: [1, 2_000],
  day: [10, 20_000],
  week: [50, 100_000],
  month: [100, 2_000_000],
  year: [1_000, 50_000_000],
};
/** Currencies whose units are small enough that amounts are ~100× larger. */
const SMALL_UNIT = new Set(['JPY', 'KRW', 'INR', 'IDR', 'VND', 'HUF', 'CLP', 'COP', 'ISK', 'PKR', 'NGN', 'UZS', 'IRR']);

/** All caps with a run of 6+ capitals; two linear tests (one anchored regex with two `[^a-z]*` around `[A-Z]{6,}` is cubic). */
const isShouty = (t: string) => !/[a-z]/.test(t) && /[A-Z]{6}/.test(t);
const JUNK_TITLE = /^(careers?|jobs?|home|apply|404|not found|page not found|login|sign in|untitled|job details?)$/i;

type Rule = (job: ScorableJob, now: Date) => QualityRuleResult;

/** Scripts written without spaces between words (a "word" is about two characters there). */
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Words of a text, spaceless scripts counted as one word per two letters (linear). */
function wordCount(text: string): number {
  if (!text) return 0;
  const spaced = text.split(/\s+/).filter(Boolean).length;
  if (!SPACELESS.test(text.slice(0, 500))) return spaced;
  return Math.max(spaced, Math.round(text.replace(/[^\p{L}]/gu, '').length / 2));
}

/*
 * Completeness weighs what a posting cannot do without (title, employer, description, place:
 * 10 points each in google-required, plus the description, location and title rules) far above
 * optional fields: a posting that leaves out a salary or a date the page never stated loses 4
 * and 2 points, so a correct, sparse posting clears 70, and what keeps a posting out is doubt
 * about what it has (the confidence deductions below).
 */
const rules: Rule[] = [
  // The properties a posting is useless without (Google for Jobs also requires datePosted; it is scored under `date`).
  (job) => {
    const missing: string[] = [];
    if (!job.title.trim()) missing.push('title');
    if (!job.description.text.trim()) missing.push('description');
    if (!job.company.name.trim()) missing.push('hiringOrganization');
    if (job.locations.length === 0 && job.workplaceType !== 'remote') missing.push('jobLocation');
    const points = Math.max(0, 30 - 10 * missing.length);
    return { rule: 'google-required', points, max: 30, note: missing.length ? `missing: ${missing.join(', ')}` : undefined };
  },
  (job) => {
    const text = job.description.text.trim();
    const words = wordCount(text);
    let points = words >= 80 ? 20 : words >= 30 ? 18 : words >= 15 ? 14 : words > 0 ? 3 : 0;
    let note = words >= 80 ? undefined : `${words} words`;
    const letters = text.replace(/[^\p{L}]/gu, '').length;
    if (text.length > 0 && letters / text.length < 0.5) {
      points = Math.min(points, 5);
      note = `${words} words; mostly non-letters`;
    }
    if (/lorem ipsum/i.test(text)) {
      points = 0;
      note = `${words} words; placeholder text`;
    }
    return { rule: 'description', points, max: 20, note };
  },
  (job) => {
    const s = job.salary;
    // Optional: most postings state none, and one the page never gave is right to have none.
    if (!s || (s.min === null && s.max === null)) return { rule: 'salary', points: 6, max: 10, note: 'no salary' };
    const notes: string[] = [];
    if (s.min !== null && s.max !== null && s.min > s.max) return { rule: 'salary', points: 1, max: 10, note: 'min > max' };
    let points = 6;
    if (s.currency) points += 2;
    else notes.push('no currency');
    if (s.period) {
      const [lo, hi] = PERIOD_BOUNDS[s.period];
      const scale = s.currency && SMALL_UNIT.has(s.currency) ? 200 : 1;
      const values = [s.min, s.max].filter((v): v is number => v !== null);
      const implausible = values.some((v) => v < lo || v > hi * scale);
      if (implausible) {
        notes.push(`implausible for a ${s.period}`);
        points -= 3;
      } else points += 2;
    } else notes.push('no period');
    return { rule: 'salary', points, max: 10, note: notes.length ? notes.join('; ') : undefined };
  },
  (job) => {
    if (job.locations.length === 0) {
      return job.workplaceType === 'remote'
        ? { rule: 'location', points: 15, max: 15, note: undefined }
        : { rule: 'location', points: 5, max: 15, note: 'no location' };
    }
    // A recognised city or country is what matters; a region or postal code adds little.
    const scored = job.locations.map((l) => ({
      points: (l.city || l.country ? 11 : 6) + (l.city && l.country ? 2 : 0) + (l.region || l.postalCode ? 2 : 0),
      missing: [!l.country && 'country', !l.city && 'city', !(l.region || l.postalCode) && 'region/postal code'].filter(Boolean),
    }));
    const best = scored.reduce((a, b) => (b.points > a.points ? b : a));
    // Every withheld point gets a note, so a 13/15 location says what it lacks.
    return {
      rule: 'location',
      points: Math.min(15, best.points),
      max: 15,
      note: best.points < 15 ? `partly parsed: no ${best.missing.join(', ')}` : undefined,
    };
  },
  (job, now) => {
    if (!job.datePosted) return { rule: 'date', points: 8, max: 10, note: 'no datePosted' };
    const posted = Date.parse(job.datePosted);
    const ageDays = (now.getTime() - posted) / 86_400_000;
    if (ageDays < -2) return { rule: 'date', points: 2, max: 10, note: 'datePosted in the future' };
    if (job.validThrough && Date.parse(job.validThrough) < now.getTime()) {
      return { rule: 'date', points: 3, max: 10, note: 'validThrough has passed' };
    }
    if (ageDays > 365) return { rule: 'date', points: 4, max: 10, note: 'older than a year' };
    return { rule: 'date', points: 10, max: 10 };
  },
  (job) => {
    const t = job.title.trim();
    const notes: string[] = [];
    let points = 15;
    if (t.length < 3 || t.length > 150) {
      points -= 6;
      notes.push(`length ${t.length}`);
    }
    if (JUNK_TITLE.test(t)) {
      points = 0;
      notes.push('not a job title');
    }
    if (isShouty(t)) {
      points -= 3;
      notes.push('all caps');
    }
    if (/https?:\/\/|<[a-z]/i.test(t)) {
      points -= 5;
      notes.push('contains markup or a URL');
    }
    return { rule: 'title', points: Math.max(0, points), max: 15, note: notes.length ? notes.join('; ') : undefined };
  },
];

/** Titles and companies are read for shapes up to this length (a title is never longer; linear by construction). */
const SHAPE_CHARS = 300;

/** One bad shape: why, and the most confidence a value of that shape deserves. */
export interface ShapeIssue {
  reason: string;
  /** Upper bound on the field's confidence (0–1). */
  cap: number;
}

/** Context for shape checks: what a title or company must not merely repeat. */
export interface ShapeContext {
  /** Page or posting URL: its domain's brand ("linkedin" on `www.linkedin.com`). */
  url?: string;
  company?: string;
  /** Other names the site goes by (`og:site_name`, a board's brand). */
  siteNames?: readonly string[];
  /** Place names of the posting (raw text or city). */
  places?: readonly string[];
  /** The posting's department or team. */
  department?: string;
}

/** Case, width, punctuation and spacing folded away; letters and digits of every script kept. */
const fold = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Template syntax left unrendered: `{{ job.title }}`, `${title}`, `<%= x %>`, `[[x]]`, `[object Object]` (substrings). */
const PLACEHOLDER_MARKS = ['{{', '}}', '${', '<%', '%>', '[[', ']]', '[object Object]'];
/** `%s`, `%d`, `%(name)s`, `{0}`, `__TITLE__`, `undefined`, `null`, `NaN`: each a small linear pattern. */
const PLACEHOLDER_PATTERNS = [
  /%\([a-z_]{1,30}\)[sd]/,
  /(?:^|[\s(:–-])%[sd](?:$|[\s).,:–-])/,
  /\{\d{1,2}\}/,
  /__[A-Z][A-Z_]{1,30}__/,
  /\b(?:undefined|null|NaN)\b/,
];
const hasPlaceholder = (t: string) => PLACEHOLDER_MARKS.some((m) => t.includes(m)) || PLACEHOLDER_PATTERNS.some((r) => r.test(t));
/** A counter: a number and at most two words ("0 notifications", "12 neue Jobs", "(3)"). */
const COUNTER_NUMBER = /^[([]?\d{1,7}\+?[)\]]?/;
/** Words a counter counts, in the languages the parsers read ("911 Dispatcher" is a role, "12 alerts" is not). */
const COUNTER_WORDS = new Set(
  [
    'notification',
    'notifications',
    'message',
    'messages',
    'alert',
    'alerts',
    'new',
    'unread',
    'job',
    'jobs',
    'result',
    'results',
    'offer',
    'offers',
    'vacancies',
    'item',
    'items',
    'update',
    'updates',
    'nachricht',
    'nachrichten',
    'benachrichtigung',
    'benachrichtigungen',
    'neue',
    'stellen',
    'treffer',
    'ergebnisse',
    'nouveau',
    'nouveaux',
    'nouvelle',
    'nouvelles',
    'offres',
    'résultats',
    'notificación',
    'notificaciones',
    'mensaje',
    'mensajes',
    'ofertas',
    'empleos',
    'resultados',
    'nuevos',
    'nuevas',
    'notificações',
    'mensagens',
    'vagas',
    'novas',
    'novos',
    'notifiche',
    'messaggi',
    'offerte',
    'risultati',
    'nuovi',
    'nuove',
    'meldingen',
    'berichten',
    'vacatures',
    'resultaten',
    'nieuwe',
    'powiadomienia',
    'powiadomień',
    'wiadomości',
    'ofert',
    'nowe',
    'уведомление',
    'уведомления',
    'уведомлений',
    'сообщение',
    'сообщения',
    'сообщений',
    'вакансий',
    'вакансии',
    'результатов',
    'новых',
    'إشعارات',
    'إشعار',
    'رسائل',
    'وظيفة',
    'وظائف',
    'सूचनाएं',
  ].map(fold),
);
/** CJK counters after a number: "8件", "3件の通知", "5条消息", "2건", "7 알림". */
const CJK_COUNTER = /^(?:件|条|個|个|건|개)?(?:の)?(?:通知|新着|メッセージ|消息|新消息|通知消息|알림|메시지|求人)?$/u;

function isCounter(text: string): boolean {
  const m = COUNTER_NUMBER.exec(text);
  if (!m) return false;
  const rest = text.slice(m[0].length).trim();
  if (rest.length > 60) return false;
  if (rest === '' || CJK_COUNTER.test(rest.replace(/\s+/g, ''))) return true;
  const words = fold(rest).split(' ');
  return words.length <= 3 && words.every((w) => COUNTER_WORDS.has(w));
}
/** "(3) Senior Engineer": an unread counter in front of a title (browser tabs). */
const COUNTER_PREFIX = /^\(\d{1,5}\+?\)\s/;
/** Words that are a page's chrome, never a role, in the languages the parsers read. */
const CHROME_EXACT = new Set(
  [
    'careers',
    'career',
    'jobs',
    'job',
    'home',
    'homepage',
    'apply',
    'apply now',
    'apply here',
    '404',
    'not found',
    'page not found',
    'error',
    'login',
    'log in',
    'sign in',
    'sign up',
    'register',
    'untitled',
    'job details',
    'job detail',
    'job posting details',
    'posting details',
    'position details',
    'vacancy details',
    'job information',
    'job summary',
    'job overview',
    'opportunity overview',
    'job description',
    'job offer',
    'job posting',
    'vacancy',
    'vacancies',
    'open positions',
    'openings',
    'search',
    'search jobs',
    'job search',
    'menu',
    'main menu',
    'navigation',
    'skip to content',
    'skip to main content',
    'back',
    'back to jobs',
    'back to search',
    'share',
    'share this job',
    'save',
    'save job',
    'loading',
    'please wait',
    'cookie settings',
    'cookies',
    'accept',
    'accept all',
    'privacy policy',
    'terms of use',
    'contact',
    'contact us',
    'about us',
    'welcome',
    'my account',
    'notifications',
    'messages',
    'karriere',
    'stellenangebote',
    'stellenangebot',
    'jobsuche',
    'anmelden',
    'startseite',
    'datenschutz',
    'impressum',
    'emplois',
    'offres d emploi',
    'offre d emploi',
    'connexion',
    'accueil',
    'empleos',
    'ofertas de empleo',
    'iniciar sesión',
    'inicio',
    'vagas',
    'vaga',
    'entrar',
    'lavora con noi',
    'offerte di lavoro',
    'vacatures',
    'vacature',
    'oferty pracy',
    'praca',
    'zaloguj się',
    'hiring',
    'now hiring',
    'hiring now',
    'urgent hiring',
    'urgently hiring',
    'we are hiring',
    'we re hiring',
    'apply today',
    'job opening',
    'job openings',
    'new job',
    'work with us',
    'join us',
    'join our team',
    'join the team',
    'arbeiten bei uns',
    'karriere bei uns',
    'jobs bei uns',
    'werken bij ons',
    'kom werken bij ons',
    'rejoignez nous',
    'travaillez avec nous',
    'trabaja con nosotros',
    'únete a nuestro equipo',
    'únete',
    'trabalhe conosco',
    'venha trabalhar conosco',
    'dołącz do nas',
    'pracuj z nami',
    'работа у нас',
    'присоединяйтесь',
    '採用情報',
    '加入我们',
    'вакансии',
    'вакансия',
    'войти',
    'главная',
    '求人',
    '求人情報',
    'ログイン',
    '招聘',
    '职位详情',
    '职位',
    '登录',
    '首页',
    'وظائف',
    'الوظائف',
    'تسجيل الدخول',
    'الرئيسية',
    'नौकरियां',
    'लॉग इन',
  ].map(fold),
);
/** Section headings of a posting's body, never its title. */
const SECTION_HEADINGS = new Set(
  [
    'about us',
    'about the role',
    'about the job',
    'about the position',
    'about the company',
    'job description',
    'description',
    'responsibilities',
    'your responsibilities',
    'requirements',
    'qualifications',
    'what we offer',
    'benefits',
    'your profile',
    'who we are',
    'what you will do',
    'what you ll do',
    'similar jobs',
    'related jobs',
    'recommended jobs',
    'job alerts',
    'apply for this job',
    'how to apply',
    'overview',
    'summary',
    'details',
    'key information',
    'ihre aufgaben',
    'ihr profil',
    'wir bieten',
    'über uns',
    'stellenbeschreibung',
    'aufgaben',
    'anforderungen',
    'descripción del puesto',
    'requisitos',
    'funciones',
    'ofrecemos',
    'missions',
    'profil recherché',
    'description du poste',
    'avantages',
    'qui sommes nous',
    'descrição da vaga',
    'requisitos e qualificações',
    'benefícios',
    'descrizione',
    'requisiti',
    'functieomschrijving',
    'wat wij bieden',
    'opis stanowiska',
    'wymagania',
    'oferujemy',
    'обязанности',
    'требования',
    'условия',
    'описание вакансии',
    '仕事内容',
    '応募資格',
    '募集要項',
    '职位描述',
    '岗位职责',
    '任职要求',
    '工作内容',
    'الوصف الوظيفي',
    'المتطلبات',
    'المسؤوليات',
  ].map(fold),
);
/** Cookie banners, footers and sign-in prompts, anywhere in the text. */
const CHROME_PHRASES = [
  'cookie',
  '©',
  'all rights reserved',
  'privacy policy',
  'privacy settings',
  'terms of use',
  'terms of service',
  'terms and conditions',
  'skip to content',
  'skip to main content',
  'javascript is required',
  'javascript required',
  'javascript is disabled',
  'enable javascript',
  'sign in to',
  'log in to',
  'datenschutzerklärung',
  'alle rechte vorbehalten',
  'tous droits réservés',
  'todos los derechos reservados',
];
const isChromePhrase = (t: string) => {
  const lower = t.toLowerCase();
  return CHROME_PHRASES.some((p) => lower.includes(p)) || /\(c\) ?\d{4}/.test(lower);
};
/** A careers page's own name: "Jobs at Acme", "Careers | Acme", "Acme Careers", "Karriere bei Acme". */
const CAREERS_PAGE =
  /^(?:careers?|jobs?|job openings|open (?:positions|roles)|vacancies|karriere|stellenangebote|jobs? bei|emplois|carrières|empleos|trabaja con nosotros|vagas|vacatures)\s*(?:at|@|bei|chez|en|em|bij|with|[|:–—-])\s*\S/i;
const CAREERS_SUFFIX =
  /^\S+(?:\s(?!(?:of|for|de|des|du|für|and|&)\s)\S+)?\s+(?:careers|jobs|karriere|stellenangebote|emplois|empleos|vagas|vacatures)$/i;
/** Announcement wording around the role: "Vacancy: X", "Wir suchen X", "X の公募について", "招聘启事：X". */
const ANNOUNCEMENT_PREFIX =
  /^(?:vacancy|job opening|opening|job|position|hiring|now hiring|we(?:'re| are) hiring|stellenausschreibung|ausschreibung|stellenangebot|recrutement|offre d'emploi|convocatoria|vacante|vaga|offerta di lavoro|vacature|oferta pracy|вакансия|招聘启事|招聘|诚聘|急招|募集|求人|公募)\s*[:：–—-]\s*\S|^(?:wir suchen|we are hiring|we're hiring|now hiring|we are looking for|we're looking for|looking for|join our team as|join us as|on recrute|nous recrutons|nous recherchons|buscamos|se busca|estamos buscando|estamos contratando|procuramos|cerchiamo|we zoeken|wij zoeken|szukamy|poszukujemy|требуется|ищем)\s+\S/iu;
const ANNOUNCEMENT_SUFFIX =
  /(?:の(?:公募|募集)(?:について|のお知らせ)?|公募(?:について)?|募集要項|招聘启事|招聘公告|(?:पद)?(?:भरती|भर्ती)(?: \d{4})?)$/u;
/** An organisation (or a year) recruiting the role: "计算机系招聘博士后研究人员", "2026年公开招聘…". */
const RECRUITS = /(?:系|院|部|所|处|中心|公司|集团|大学|医院|银行|年)(?:公开)?(?:招聘|诚聘|招募)./u;
/** An invitation to the reader: "Join the Greenfield team", "Werde Teil…", "Rejoignez…". */
const INVITATION = /^(?:join|come join|werde teil|rejoignez|rejoins|únete|junte-se|unisciti|dołącz|kom werken)\b/i;
/** A legal form at the end: the employer's name, not a role ("Lowe's Companies Inc", "Acme GmbH", "株式会社ひかり"); bare two-letter forms (AG, SE, SA) are left out, they end roles too ("Account Manager SE"). */
const LEGAL_FORM =
  /(?:^|\s)(?:inc|llc|ltd|limited|plc|corp|corporation|gmbh|s\.a|s\.l|s\.r\.l|s\.p\.a|b\.v|n\.v|pty|a\/s|sp\. z o\.o|ооо|пао)\.?$|^株式会社|株式会社$|有限公司$/iu;
/** First- and second-person words, in the languages the parsers read (folded). */
const READER_WORDS = new Set(
  [
    'we',
    'our',
    'ours',
    'you',
    'your',
    'wir',
    'unser',
    'unsere',
    'unserem',
    'unseren',
    'unserer',
    'unseres',
    'uns',
    'dich',
    'dein',
    'deine',
    'deinen',
    'deinem',
    'nous',
    'notre',
    'vous',
    'votre',
    'rejoignez',
    'nosotros',
    'nuestro',
    'nuestra',
    'nuestros',
    'únete',
    'nosso',
    'nossa',
    'venha',
    'nostro',
    'nostra',
    'unisciti',
    'wij',
    'onze',
    'jij',
    'nasz',
    'nasza',
    'naszego',
    'naszym',
    'dołącz',
    'нас',
    'наш',
    'наша',
    'нашу',
    'нашей',
  ].map(fold),
);
/** A requisition number alone: "Job #48213", "REQ-00123", "Ref. 2024/117", "Stelle Nr. 1234" (folded). */
const IDENTIFIER =
  /^(?:(?:job|req|requisition|ref|reference|posting|vacancy|position|stelle|offre|id|no|nr|number|jr|r)(?: (?:id|no|nr|number))? )?[a-z]{0,3} ?\d{3,}(?: \d{1,6})?$/;
/** A date or a relative date ("Posted 3 days ago", "vor 2 Tagen", "12.11.2026") or pay alone ("€45,000 – €55,000"). */
function isDateOrAmount(t: string): boolean {
  if (/^(?:posted|published|updated|veröffentlicht|publié|publicado)?\s*(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})$/i.test(t))
    return true;
  if (
    /^(?:posted )?(?:\d{1,3}|an?|one) (?:hours?|days?|weeks?|months?) ago$|^vor (?:\d{1,3}|einem|einer) (?:stunden?|tagen?|wochen?|monaten?)$|^il y a \d{1,3} (?:heures?|jours?|semaines?|mois)$|^hace \d{1,3} (?:horas?|días?|semanas?|meses?)$/i.test(
      t,
    )
  )
    return true;
  // Currency marks, digits and separators only.
  if (!/\d/.test(t) || !/[$€£¥₹₩₽₺₴₫฿₱]|\b[A-Z]{3}\b/.test(t)) return false;
  const words = t.replace(/[\d.,'’$€£¥₹₩₽₺₴₫฿₱%+–—/-]+/g, ' ').trim();
  // What is left is a currency code, "k" and a period at most ("USD 120k per year", "45.000 € / Jahr").
  return words.length <= 16 && words.split(/\s+/).length <= 4;
}
/** A title cut off by a list or a meta tag. */
const TRUNCATED = /(?:…|\.\.\.)$/;
/** A place appended to a role with a comma or "in" (checked against the posting's own places only). */
const PLACE_TAIL = /, | (?:in|im|à|en|em|a|w) /u;
/** Separators a page title puts between role, employer, place and site (`split` over whitespace-collapsed text, linear). */
const SEPARATOR = / (?:[-–—@>›»]|at|bei|chez|bij) | ?[|·•｜] ?/u;

/** The brand of a URL's domain: `jobs.acme-robotics.co.uk` → `acme robotics`. */
function domainBrand(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const labels = host.split('.').filter((l) => l !== 'www');
  if (labels.length < 2) return undefined;
  // co.uk, com.au, or.jp: the brand is the label before a two-part public suffix.
  const twoPart = labels.length >= 3 && /^(?:co|com|net|org|or|ne|ac|gov|edu|gob|go)$/.test(labels[labels.length - 2]!);
  const brand = labels[labels.length - (twoPart ? 3 : 2)];
  return brand ? fold(brand.replace(/[-_]/g, ' ')) : undefined;
}

const same = (a: string, b: string | undefined) => b !== undefined && b !== '' && a === b;
const foldedNoSpace = (s: string) => s.replace(/ /g, '');

/**
 * Bad shapes of a job title that need no page to see: template placeholders, notification
 * counters, navigation / cookie / footer text, a careers page's own name, the company's or the
 * site's name, a place, a truncated or shouted title, markup or a URL, a trailing company or site
 * suffix. Each issue caps the title's confidence; an empty list means nothing looked wrong.
 * Reads at most the first 300 characters (linear).
 */
export function titleShapeIssues(title: string, context: ShapeContext = {}): ShapeIssue[] {
  const t = title.slice(0, SHAPE_CHARS).replace(/\s+/g, ' ').trim();
  const issues: ShapeIssue[] = [];
  const f = fold(t);
  if (!f) return [{ reason: 'no letters or digits', cap: 0 }];
  if (hasPlaceholder(t)) issues.push({ reason: 'template placeholder', cap: 0.05 });
  if (isCounter(t)) issues.push({ reason: 'a counter, not a title', cap: 0.1 });
  else if (COUNTER_PREFIX.test(t)) issues.push({ reason: 'starts with an unread counter', cap: 0.3 });
  if (CHROME_EXACT.has(f)) issues.push({ reason: 'navigation text, not a title', cap: 0.05 });
  else if (SECTION_HEADINGS.has(f)) issues.push({ reason: 'a section heading, not a title', cap: 0.05 });
  else if (isChromePhrase(t)) issues.push({ reason: 'cookie, footer or sign-in text', cap: 0.1 });
  else if (CAREERS_PAGE.test(t) || CAREERS_SUFFIX.test(t)) issues.push({ reason: "a careers page's name", cap: 0.2 });
  const company = context.company ? fold(context.company.slice(0, SHAPE_CHARS)) : undefined;
  const brand = domainBrand(context.url);
  const sites = (context.siteNames ?? []).map((s) => fold(s.slice(0, SHAPE_CHARS))).filter(Boolean);
  const places = (context.places ?? [])
    .slice(0, 20)
    .map((p) => fold(p.slice(0, SHAPE_CHARS)))
    .filter(Boolean);
  if (same(f, company)) issues.push({ reason: 'equals the company name', cap: 0.1 });
  if (same(f, brand) || (brand && same(foldedNoSpace(f), foldedNoSpace(brand))) || sites.some((s) => same(f, s)))
    issues.push({ reason: "the site's name", cap: 0.05 });
  if (places.some((p) => same(f, p) || same(f, p.split(' ')[0]))) issues.push({ reason: 'a place, not a title', cap: 0.15 });
  // "Role | Employer", "Role at Employer – Site", "Employer - Role": a page title, not the role.
  const segments = t.split(SEPARATOR).map(fold).filter(Boolean);
  if (segments.length >= 2) {
    const isSite = (x: string) =>
      same(x, brand) || (brand !== undefined && foldedNoSpace(x).startsWith(foldedNoSpace(brand))) || sites.some((s) => same(x, s));
    if (segments.some((x) => same(x, company))) issues.push({ reason: 'holds the company name beside the role', cap: 0.3 });
    if (segments.some(isSite)) issues.push({ reason: "holds the site's name beside the role", cap: 0.3 });
    if (segments.slice(1).some((x) => places.some((p) => same(x, p) || same(x, p.split(' ')[0]))))
      issues.push({ reason: 'holds a place beside the role', cap: 0.3 });
    // "Role - Job details", "Role | Careers", "Stellenangebot: Role", "Role - 求人情報": a page's title, not the role.
    const generic = (x: string) => CHROME_EXACT.has(x) || SECTION_HEADINGS.has(x) || CAREERS_SUFFIX.test(x) || CAREERS_PAGE.test(x);
    if (!segments.every(generic) && segments.some(generic))
      issues.push({ reason: 'holds a generic page word (Jobs, Careers, Job details…) beside the role', cap: 0.3 });
  }
  // "Role, Leeds" / "Role in Leeds" when Leeds is the posting's own place.
  if (places.length > 0 && !issues.some((i) => i.reason.includes('place'))) {
    const tail = t.split(PLACE_TAIL).slice(1).map(fold);
    if (tail.some((x) => places.some((p) => same(x, p) || same(x, p.split(' ')[0]))))
      issues.push({ reason: 'holds a place beside the role', cap: 0.3 });
  }
  if (ANNOUNCEMENT_PREFIX.test(t) || ANNOUNCEMENT_SUFFIX.test(t)) issues.push({ reason: 'announcement wording around the role', cap: 0.3 });
  else if (RECRUITS.test(t)) issues.push({ reason: 'announcement wording around the role', cap: 0.3 });
  // "Join our team!", "Your next challenge", "Rejoignez-nous": a role's name never speaks to the reader.
  else if (INVITATION.test(t) || f.split(' ').some((w) => READER_WORDS.has(w)))
    issues.push({ reason: 'addresses the reader, not a role name', cap: 0.3 });
  if (LEGAL_FORM.test(t)) issues.push({ reason: "a company's name (legal form), not a title", cap: 0.1 });
  if (IDENTIFIER.test(f)) issues.push({ reason: 'a reference number, not a title', cap: 0.1 });
  else if (isDateOrAmount(t)) issues.push({ reason: 'a date or an amount, not a title', cap: 0.1 });
  // A sentence, not a name: many words ending in a full stop, or the department the posting belongs to.
  if (t.endsWith('.') && t.split(' ').length >= 8) issues.push({ reason: 'a sentence, not a title', cap: 0.3 });
  if (context.department && same(f, fold(context.department.slice(0, SHAPE_CHARS))))
    issues.push({ reason: 'the department, not the role', cap: 0.2 });
  if (TRUNCATED.test(t)) issues.push({ reason: 'truncated', cap: 0.3 });
  if (/https?:\/\/|www\.|<[a-z/!]/i.test(t)) issues.push({ reason: 'contains markup or a URL', cap: 0.3 });
  if (isShouty(t)) issues.push({ reason: 'all caps', cap: 0.7 });
  if (t.length > 150) issues.push({ reason: `long (${title.length} characters)`, cap: 0.5 });
  return issues;
}

/** Board and ATS brands that are never the employer of a posting they host. */
const PLATFORM_NAMES = new Set(
  [
    'linkedin',
    'indeed',
    'glassdoor',
    'stepstone',
    'naukri',
    'naukri com',
    'seek',
    'xing',
    'monster',
    'ziprecruiter',
    'bayt',
    'bayt com',
    'jobstreet',
    'reed',
    'totaljobs',
    'welcome to the jungle',
    'greenhouse',
    'lever',
    'workable',
    'workday',
    'smartrecruiters',
    'personio',
    'recruitee',
    'teamtailor',
    'ashby',
    'bamboohr',
    'jobvite',
    'icims',
    'taleo',
    'successfactors',
    'infojobs',
    'hh ru',
    'headhunter',
    'work ua',
    'doda',
    'jobthai',
    'usajobs',
    'dice',
    'careerbuilder',
    'adzuna',
    'jooble',
    'indeed com',
  ].map(fold),
);
/** Corporate-site menu items a company name is sometimes read from. */
const COMPANY_NAV = new Set(
  [
    'sustainability',
    'investors',
    'investor relations',
    'newsroom',
    'news',
    'press',
    'media',
    'products',
    'solutions',
    'services',
    'industries',
    'blog',
    'our team',
    'team',
    'locations',
    'about',
    'company',
    'people',
    'culture',
    'life at',
    'nachhaltigkeit',
    'unternehmen',
    'über uns',
    'presse',
    'produkte',
    'entreprise',
    'empresa',
    'nosotros',
    'azienda',
    'bedrijf',
    'firma',
    'компания',
    '会社概要',
    '公司简介',
  ].map(fold),
);
const SLOGAN_WORDS = /\b(?:jobs?|vacanc(?:y|ies)|careers?|employment|recruitment|hiring|stellenangebote|emplois?|empleos?|vagas)\b/gi;

/** A board's or ATS's own vacancies: `careers.linkedin.com`, `…/careers/…`, `boards.greenhouse.io/greenhouse/…`. */
function platformHiresForItself(name: string, url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    const first = fold(u.pathname.split('/').find(Boolean) ?? '');
    // jobs.<ats> hosts (jobs.lever.co/acme) serve other employers; careers.<board> hosts do not.
    if (/^careers\./.test(u.hostname) && u.hostname.includes(name.replace(/ /g, ''))) return true;
    return first === name || /\/(?:careers|about\/careers)\//i.test(u.pathname);
  } catch {
    return false;
  }
}

/**
 * A phrase of mostly lower-case words ("Help scale our backend services", "we build tools for
 * teams."): names capitalise their words, bar a few particles (de, für, z o.o.). Scripts without
 * case never match.
 */
function isSentence(c: string): boolean {
  const words = c.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (words.length < 4) return false;
  const lower = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  return (
    lower * 2 > words.length || (c.endsWith('.') && !/\b(?:inc|ltd|co|corp|s\.a|o\.o|n\.v|b\.v|ag|e\.v)\.$/i.test(c) && words.length >= 6)
  );
}

/** Bad shapes of a company name that need no page to see (placeholders, chrome, a board's name or slogan). Linear, capped at 300 characters. */
export function companyShapeIssues(company: string, context: Omit<ShapeContext, 'company'> = {}): ShapeIssue[] {
  const c = company.slice(0, SHAPE_CHARS).trim();
  const f = fold(c);
  if (!f) return [{ reason: 'no letters or digits', cap: 0 }];
  const issues: ShapeIssue[] = [];
  if (hasPlaceholder(c)) issues.push({ reason: 'template placeholder', cap: 0.05 });
  if (CHROME_EXACT.has(f) || isChromePhrase(c) || COMPANY_NAV.has(f) || SECTION_HEADINGS.has(f))
    issues.push({ reason: 'navigation or footer text', cap: 0.1 });
  if (PLATFORM_NAMES.has(f) && !platformHiresForItself(f, context.url))
    issues.push({ reason: 'a job board or ATS, not the employer', cap: 0.1 });
  if ((c.match(SLOGAN_WORDS)?.length ?? 0) >= 2) issues.push({ reason: "a site's slogan", cap: 0.1 });
  if (isCounter(c)) issues.push({ reason: 'a counter', cap: 0.1 });
  if (isSentence(c)) issues.push({ reason: 'a sentence, not a name', cap: 0.2 });
  return issues;
}

/**
 * Points a field can lose when it is not trusted (at confidence 0; linear up to {@link TRUSTED}).
 * Every field a reader checks weighs enough that one doubted at 0.2 (a salary read without a
 * period, a salary the description states but the parser missed) takes a typical posting below
 * 70; title and company weigh most, and under 0.35 keep the posting below 50.
 */
const CONFIDENCE_WEIGHTS: Record<ProvenanceField, number> = {
  title: 60,
  company: 45,
  description: 25,
  locations: 30,
  datePosted: 25,
  salary: 30,
  employmentType: 20,
  workplaceType: 20,
  validThrough: 20,
  applyUrl: 20,
  department: 2,
};
/** Points an absent field can lose when the page seems to state it (see {@link CONFIDENCE_WEIGHTS}). */
const MISSED_WEIGHT = 40;
/** At or above this confidence a field costs nothing. */
const TRUSTED = 0.75;
/** Below this, a title or company is untrusted: the posting stays below 50 whatever else it has. */
const UNTRUSTED = 0.35;
const UNTRUSTED_CAP = 49;
const REQUIRED = new Set<ProvenanceField>(['title', 'company']);

function hasValue(job: ScorableJob, field: ProvenanceField): boolean {
  const v = field === 'description' ? job.description.text.trim() : job[field];
  return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
}

/** Effective confidence per field: the parser's value, lowered by shapes core can see. */
function effectiveConfidence(job: ScorableJob): Confidence {
  const out: Confidence = {};
  for (const [field, c] of Object.entries(job.confidence ?? {}) as [ProvenanceField, NonNullable<Confidence[ProvenanceField]>][]) {
    // Confidence beside no value is confidence that the posting is right to lack the field: the page
    // states a salary the parser did not read, or a value was dropped as invalid.
    if (c) out[field] = { score: c.score, reasons: hasValue(job, field) ? [...c.reasons] : ['absent', ...c.reasons].slice(0, 12) };
  }
  const lower = (field: ProvenanceField, issues: ShapeIssue[]) => {
    if (issues.length === 0) return;
    const cap = Math.min(...issues.map((i) => i.cap));
    const prev = out[field];
    const reasons = issues.map((i) => i.reason);
    out[field] = {
      score: Math.min(prev?.score ?? 1, cap),
      reasons: [...reasons, ...(prev?.reasons ?? []).filter((r) => !reasons.includes(r))].slice(0, 12),
    };
  };
  const places = job.locations.flatMap((l) => [l.raw, ...(l.city ? [l.city] : [])]);
  lower(
    'title',
    titleShapeIssues(job.title, {
      url: job.url,
      company: job.company.name,
      places,
      ...(job.department ? { department: job.department } : {}),
    }),
  );
  if (job.provenance.company !== 'derived') lower('company', companyShapeIssues(job.company.name, { url: job.url }));
  return out;
}

/** The `confidence:<field>` deductions, largest first; an untrusted title or company brings the total to at most 49. */
function confidenceDeductions(job: ScorableJob, pointsSoFar: number): QualityRuleResult[] {
  const conf = effectiveConfidence(job);
  const out: { field: ProvenanceField; points: number; note: string; untrusted: boolean }[] = [];
  for (const [field, c] of Object.entries(conf) as [ProvenanceField, NonNullable<Confidence[ProvenanceField]>][]) {
    if (!c || c.score >= TRUSTED) continue;
    // A field the page states but the posting lacks is as wrong as a wrong value, whatever its weight.
    const weight = Math.max(CONFIDENCE_WEIGHTS[field] ?? 0, hasValue(job, field) ? 0 : MISSED_WEIGHT);
    const points = Math.round((weight * (TRUSTED - c.score)) / TRUSTED);
    const untrusted = REQUIRED.has(field) && c.score < UNTRUSTED;
    if (points === 0 && !untrusted) continue;
    out.push({
      field,
      points,
      note: `confidence ${c.score.toFixed(2)}${c.reasons.length ? `: ${c.reasons.slice(0, 4).join('; ')}` : ''}`,
      untrusted,
    });
  }
  out.sort((a, b) => b.points - a.points);
  const total = out.reduce((s, d) => s + d.points, 0);
  const worst = out.find((d) => d.untrusted);
  // The cap is part of the worst field's deduction, so the score stays the sum of the breakdown.
  if (worst && pointsSoFar - total > UNTRUSTED_CAP) {
    worst.points += pointsSoFar - total - UNTRUSTED_CAP;
    worst.note += `; untrusted ${worst.field} keeps the score below 50`;
  }
  return out.map((d) => ({ rule: `confidence:${d.field}`, points: -d.points, max: 0, note: d.note }));
}

/**
 * Score a posting. The breakdown lists every completeness rule with the points it gave out of its
 * maximum (the maxima add up to 100) and a note saying why points were withheld, then one
 * `confidence:<field>` entry (max 0, negative points) per field whose confidence lowered the score,
 * saying why. The score is the sum of the breakdown, clamped to 0–100.
 * @throws JobkitError `INVALID_ARGUMENT` for a non-object job, bad options, or options whose getter throws (its error as `cause`).
 */
export function scoreQuality(job: ScorableJob, options: ScoreQualityOptions = {}): Quality {
  const now = readArgument('core/quality', 'scoreQuality options', () => {
    const given = optionsObject('core/quality', 'scoreQuality options', options).now;
    return optionalDate('core/quality', 'scoreQuality options.now', given) ?? new Date();
  });
  if (typeof job !== 'object' || job === null) throw invalidArgument('core/quality', 'scoreQuality expects a job object');
  // The rules read the job's fields as a posting has them: a field of another shape, or a getter that throws, is the caller's.
  const breakdown = readArgument('core/quality', 'the job', () => {
    const out: QualityRuleResult[] = rules.map((r) => {
      const res = r(job, now);
      return res.note === undefined ? { rule: res.rule, points: res.points, max: res.max } : res;
    });
    out.push(
      ...confidenceDeductions(
        job,
        out.reduce((sum, r) => sum + r.points, 0),
      ),
    );
    return out;
  });
  const score = breakdown.reduce((sum, r) => sum + r.points, 0);
  return { score: Math.max(0, Math.min(100, Math.round(score))), breakdown };
}
