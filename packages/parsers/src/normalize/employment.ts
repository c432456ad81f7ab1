/**
 * Employment type from schema.org values (FULL_TIME…) and text in every language the
 * heuristics vocabularies list (Vollzeit, CDI, 全职, 正社員, دوام كامل, полная занятость…).
 * @module
 */
import type { EmploymentType } from '@jobkit/core';
import { EMPLOYMENT_MATCHERS, foldWords } from '../heuristics/lang/index.js';
import { requireString } from '../text-scan.js';

// Order matters only for output order: results follow this list, deduplicated.
const RULES: ReadonlyArray<readonly [EmploymentType, RegExp]> = [
  [
    'full_time',
    /\bfull[\s_-]?time\b|\bfulltime\b|\bvollzeit|\bcdi\b|\btemps plein|\bplein temps|\bjornada completa|\btiempo completo|\bpermanent\b|\bunbefristet|\bfest(?:anstellung)?\b|\bfeste anstellung|\bindefinido\b|\bregular\b|\bperm\b/i,
  ],
  [
    'part_time',
    /\bpart[\s_-]?time\b|\bparttime\b|\bteilzeit|\btemps partiel|\bmi-temps|\bmedio tiempo|\bmedia jornada|\btiempo parcial|\bjornada parcial|\bminijob|\bwerkstudent/i,
  ],
  [
    'contract',
    /\bcontract(?:or|ors|ing)?\b|\bfreelanc|\bfreiberuf|\bindépendant|\bindependiente|\bautónomo|\bautonomo|\bc2c\b|\b1099\b|\bconsultant\b|\bhonorar|\bportage salarial|\bself[- ]employed/i,
  ],
  [
    'temporary',
    /\btemp(?:orary)?\b|\bbefristet|\bcdd\b|\bintérim|\binterim|\bseasonal|\bsaisonal|\bsaisonnier|\btemporal\b|\beventual\b|\bfixed[- ]term|\bzeitarbeit|\bleiharbeit/i,
  ],
  [
    'internship',
    /\bintern(?:ship)?s?\b|\bpraktikum|\bpraktikant|\bstage\b|\bstagiaire|\bprácticas|\bpracticas|\bbecari[oa]|\balternance|\bapprenti|\bausbildung|\btrainee|\bwerkstudent|\bwork[- ]study|\bco-?op\b|\bgraduate program/i,
  ],
  ['volunteer', /\bvolunteer|\bbénévol|\bbenevol|\bvoluntari|\behrenamt|\bunpaid\b/i],
  ['per_diem', /\bper[\s_-]?diem\b|\bprn\b|\bon[- ]call\b|\bauf abruf/i],
  ['other', /^\s*other\s*$|\bsonstige|\bautre\b|\botro\b/i],
];

/**
 * "contract" that names the employment contract, not a contractor: qualified by its term or kind
 * ("fixed-term contract", "Fixed-Term/Contract", "permanent contract", "employment contract")
 * or a label ("Contract type"). The qualifier alone is kept, so "fixed-term contract" and
 * "12-month contract" are temporary and "permanent contract" full-time.
 */
const CONTRACT_NOUN =
  /\b(fixed[- ]term|temporary|short[- ]term|long[- ]term|limited[- ]term|time[- ]limited|seasonal|permanent|open[- ]ended|rolling|employment|full[- ]time|part[- ]time|\d{1,2}[- ]months?|\d[- ]years?) ?[/–-]? ?contracts?\b|\bcontract ?(?:type|length|duration|term|kind)\b/gi;

/**
 * Dutch "contract" is the employment contract: "vast contract" / "contract voor onbepaalde tijd"
 * is permanent, "tijdelijk contract" / "contract voor bepaalde tijd" fixed-term. Rewritten to the
 * words the vocabularies read that way, so the word "contract" left over is not a contractor.
 */
const DUTCH_CONTRACT: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bvaste? contract\b|\bcontract voor onbepaalde tijd\b/gi, ' vast dienstverband '],
  [/\btijdelijke? contract\b|\bcontract voor bepaalde tijd\b/gi, ' bepaalde tijd '],
];

/**
 * Words that say a job is permanent, not how many hours it has (Festanstellung, CDI,
 * unbefristet, tillsvidare, vast contract, umowa o pracę…). They read as full-time unless the same
 * value states part-time hours ("Festanstellung · Teilzeit" is part-time only).
 */
const PERMANENCE =
  /\b(?:permanent|perm|regular|unbefristet(?:e|er)?|fest(?:anstellung|e anstellung)?|feste? stelle|cdi|contrat à durée indéterminée|indefinido|contrato indefinido|tillsvidare(?:anställning)?|fast anställning|vast contract|vaste (?:baan|aanstelling)|vast dienstverband|umowa o pracę|tempo indeterminato)\b/gi;

/** Characters of a string input read (a list of every type in every language is shorter). */
const MAX_EMPLOYMENT_CHARS = 1_000;

/**
 * Read employment types from one string or a list (schema.org allows either): "FULL_TIME",
 * "Vollzeit", "CDI", "Contract", ["PART_TIME", "Werkstudent"]. Deduplicated, in a stable order
 * (full_time, part_time, contract, temporary, internship, volunteer, per_diem, other).
 * Werkstudent is a part-time student job, so it yields both part_time and internship.
 */
export function parseEmploymentType(input: string | readonly string[]): EmploymentType[] {
  if (Array.isArray(input)) for (const item of input) requireString('parseEmploymentType', item);
  else requireString('parseEmploymentType', input);
  // Capped (no real value is this long); whitespace is collapsed first so the separators need
  // one optional space, not `\s*` runs a backtracking engine would retry from every space (issue 13).
  const whole = typeof input === 'string' ? contractWords(input.slice(0, MAX_EMPLOYMENT_CHARS).replace(/\s+/g, ' ')) : undefined;
  const items = whole !== undefined ? whole.split(/ ?[,;/|] ?| (?:or|oder|ou|o|and|und|et|y) /i) : (input as readonly string[]);
  const found = new Set<EmploymentType>();
  const texts: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string' || !item.trim()) continue;
    const text = item.replace(/_/g, ' ');
    texts.push(text);
    for (const t of typesIn(text)) found.add(t);
    // "CONTRACTOR" is schema.org's contract; "TEMPORARY" already matched above.
  }
  // Full-time and part-time both read: full-time stays only when hours words state it, not
  // permanence words alone (read again without them; rare, so the common case pays nothing).
  if (found.has('part_time') && found.has('full_time') && !texts.some((t) => typesIn(t.replace(PERMANENCE, ' ')).has('full_time')))
    found.delete('full_time');
  return RULES.map(([t]) => t).filter((t) => found.has(t));
}

/** "contract" as the employment contract rewritten to what it says about the job (see {@link CONTRACT_NOUN}). */
function contractWords(text: string): string {
  let t = text;
  for (const [re, words] of DUTCH_CONTRACT) t = t.replace(re, words);
  return t.replace(CONTRACT_NOUN, (_m, kind?: string) => (kind ? ` ${/\d/.test(kind) ? 'fixed-term' : kind} ` : ' '));
}

function typesIn(text: string): Set<EmploymentType> {
  const found = new Set<EmploymentType>();
  for (const [type, re] of RULES) if (re.test(text)) found.add(type);
  // Words of the other languages (data in heuristics/lang), matched on folded text.
  const folded = foldWords(text);
  for (const [type, re] of EMPLOYMENT_MATCHERS) if (re.test(folded)) found.add(type);
  return found;
}
