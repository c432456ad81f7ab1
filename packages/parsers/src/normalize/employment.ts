/**
 * Employment type from schema.org values (FULL_TIME…) and text in every language the
 * heuristics vocabularies list (Vollzeit, CDI, 全职, 正社員, دوام كامل, полная занятость…).
 * @module
 */
import type { EmploymentType } from '@jobkit/core';
import { EMPLOYMENT_MATCHERS, foldWords } from '../heuristics/lang/index.js';

// Order matters only for output order: results follow this list, deduplicated.
const RULES: ReadonlyArray<readonly [EmploymentType, RegExp]> = [
  ['full_time', /\bfull[\s_-]?time\b|\bfulltime\b|\bvollzeit|\bcdi\b|\btemps plein|\bplein temps|\bjornada completa|\btiempo completo|\bpermanent\b|\bunbefristet|\bfest(?:anstellung)?\b|\bindefinido\b|\bregular\b|\bperm\b/i],
  ['part_time', /\bpart[\s_-]?time\b|\bparttime\b|\bteilzeit|\btemps partiel|\bmi-temps|\bmedio tiempo|\bmedia jornada|\btiempo parcial|\bjornada parcial|\bminijob|\bwerkstudent/i],
  ['contract', /\bcontract(?:or|ors|ing)?\b|\bfreelanc|\bfreiberuf|\bindépendant|\bindependiente|\bautónomo|\bautonomo|\bc2c\b|\b1099\b|\bconsultant\b|\bhonorar|\bportage salarial|\bself[- ]employed/i],
  ['temporary', /\btemp(?:orary)?\b|\bbefristet|\bcdd\b|\bintérim|\binterim|\bseasonal|\bsaisonal|\bsaisonnier|\btemporal\b|\beventual\b|\bfixed[- ]term|\bzeitarbeit|\bleiharbeit/i],
  ['internship', /\bintern(?:ship)?s?\b|\bpraktikum|\bpraktikant|\bstage\b|\bstagiaire|\bprácticas|\bpracticas|\bbecari[oa]|\balternance|\bapprenti|\bausbildung|\btrainee|\bwerkstudent|\bwork[- ]study|\bco-?op\b|\bgraduate program/i],
  ['volunteer', /\bvolunteer|\bbénévol|\bbenevol|\bvoluntari|\behrenamt|\bunpaid\b/i],
  ['per_diem', /\bper[\s_-]?diem\b|\bprn\b|\bon[- ]call\b|\bauf abruf/i],
  ['other', /^\s*other\s*$|\bsonstige|\bautre\b|\botro\b/i],
];

/** Characters of a string input read (a list of every type in every language is shorter). */
const MAX_EMPLOYMENT_CHARS = 1_000;

/**
 * Read employment types from one string or a list (schema.org allows either): "FULL_TIME",
 * "Vollzeit", "CDI", "Contract", ["PART_TIME", "Werkstudent"]. Deduplicated, in a stable order
 * (full_time, part_time, contract, temporary, internship, volunteer, per_diem, other).
 * Werkstudent is a part-time student job, so it yields both part_time and internship.
 */
export function parseEmploymentType(input: string | readonly string[]): EmploymentType[] {
  // Capped (no real value is this long); whitespace is collapsed first so the separators need
  // one optional space, not `\s*` runs a backtracking engine would retry from every space (issue 13).
  const items = typeof input === 'string' ? input.slice(0, MAX_EMPLOYMENT_CHARS).replace(/\s+/g, ' ').split(/ ?[,;/|] ?| (?:or|oder|ou|o|and|und|et|y) /i) : input;
  const found = new Set<EmploymentType>();
  for (const item of items) {
    if (typeof item !== 'string' || !item.trim()) continue;
    const text = item.replace(/_/g, ' ');
    for (const [type, re] of RULES) if (re.test(text)) found.add(type);
    // Words of the other languages (data in heuristics/lang), matched on folded text.
    const folded = foldWords(text);
    for (const [type, re] of EMPLOYMENT_MATCHERS) if (re.test(folded)) found.add(type);
    // "CONTRACTOR" is schema.org's contract; "TEMPORARY" already matched above.
  }
  return RULES.map(([t]) => t).filter((t) => found.has(t));
}
