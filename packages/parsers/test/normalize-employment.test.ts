import { EmploymentTypeSchema, WorkplaceTypeSchema } from '@jobkit/core';
import { describe, expect, it } from 'vitest';
import { parseEmploymentType, parseWorkplaceType } from '../src/normalize/index.js';

const employment: [string | string[], string[]][] = [
  ['FULL_TIME', ['full_time']],
  ['PART_TIME', ['part_time']],
  ['CONTRACTOR', ['contract']],
  ['TEMPORARY', ['temporary']],
  ['INTERN', ['internship']],
  ['VOLUNTEER', ['volunteer']],
  ['PER_DIEM', ['per_diem']],
  ['OTHER', ['other']],
  ['Full-time', ['full_time']],
  ['Contract', ['contract']],
  ['Freelance', ['contract']],
  ['Internship', ['internship']],
  ['Vollzeit', ['full_time']],
  ['Teilzeit', ['part_time']],
  ['Werkstudent', ['part_time', 'internship']],
  ['Praktikum', ['internship']],
  ['Befristet', ['temporary']],
  ['Vollzeit, unbefristet', ['full_time']],
  ['CDI', ['full_time']],
  ['CDD', ['temporary']],
  ['Stage', ['internship']],
  ['Alternance', ['internship']],
  ['Intérim', ['temporary']],
  ['Temps plein', ['full_time']],
  ['Temps partiel', ['part_time']],
  ['Jornada completa', ['full_time']],
  ['Medio tiempo', ['part_time']],
  ['Prácticas', ['internship']],
  ['Temporal', ['temporary']],
  ['Full-time or Part-time', ['full_time', 'part_time']],
  [
    ['PART_TIME', 'FULL_TIME', 'full_time'],
    ['full_time', 'part_time'],
  ],
  [
    ['CONTRACTOR', 'TEMPORARY'],
    ['contract', 'temporary'],
  ],
  ['', []],
  ['Engineering', []],
  // Permanence words are full-time only when the value states no part-time hours.
  ['Festanstellung · Teilzeit', ['part_time']],
  ['Permanent, Part time', ['part_time']],
  ['Regular Part-Time', ['part_time']],
  ['CDI, temps partiel', ['part_time']],
  ['Full Time, Permanent', ['full_time']],
  ['Vollzeit oder Teilzeit, unbefristet', ['full_time', 'part_time']],
  ['Feste Anstellung', ['full_time']],
  // "contract" qualified by its term or kind is the employment contract, not a contractor.
  ['Fixed-Term/Contract', ['temporary']],
  ['Fixed term contract', ['temporary']],
  ['18-month contract', ['temporary']],
  ['Permanent contract', ['full_time']],
  ['Contract type: Permanent', ['full_time']],
  ['B2B contract', ['contract']],
  ['Contract/Temp', ['contract', 'temporary']],
  // Dutch "contract" is the employment contract.
  ['Vast contract', ['full_time']],
  ['Vast contract, parttime', ['part_time']],
  ['Tijdelijk contract', ['temporary']],
  ['Contract voor bepaalde tijd', ['temporary']],
  ['Freelance contract', ['contract']],
];

describe('parseEmploymentType', () => {
  it.each(employment)('%j → %j', (input, expected) => {
    const out = parseEmploymentType(input);
    expect(out).toEqual(expected);
    for (const t of out) expect(EmploymentTypeSchema.safeParse(t).success).toBe(true);
  });

  it('dedupes and keeps a stable order whatever the input order', () => {
    expect(parseEmploymentType(['INTERN', 'FULL_TIME', 'INTERN'])).toEqual(parseEmploymentType(['FULL_TIME', 'INTERN']));
  });
});

const workplace: [string, string | null][] = [
  ['Remote', 'remote'],
  ['TELECOMMUTE', 'remote'],
  ['Fully remote', 'remote'],
  ['Work from home', 'remote'],
  ['Homeoffice', 'remote'],
  ['Télétravail', 'remote'],
  ['Télétravail complet', 'remote'],
  ['remoto', 'remote'],
  ['Teletrabajo', 'remote'],
  ['Hybrid (3 days)', 'hybrid'],
  ['Hybrid - remote 2 days a week', 'hybrid'],
  ['hybride', 'hybrid'],
  ['Híbrido', 'hybrid'],
  ['On-site', 'onsite'],
  ['onsite', 'onsite'],
  ['In office', 'onsite'],
  ['vor Ort', 'onsite'],
  ['presencial', 'onsite'],
  ['sur site', 'onsite'],
  ['No remote', 'onsite'],
  // Working from home that is possible, partial, occasional or some days a week: hybrid.
  ['Vollzeit, Homeoffice möglich', 'hybrid'],
  ['teilweise Homeoffice', 'hybrid'],
  ['2 Tage Homeoffice pro Woche', 'hybrid'],
  ['Home office possible', 'hybrid'],
  ['Télétravail fréquent', 'hybrid'],
  ['Télétravail occasionnel', 'hybrid'],
  ['Teletrabajo parcial', 'hybrid'],
  ['Télétravail total', 'remote'],
  ['5 days remote', 'remote'],
  // No working from home at all: on-site.
  ['Télétravail non autorisé', 'onsite'],
  ['Pas de télétravail', 'onsite'],
  ['kein Homeoffice', 'onsite'],
  ['Homeoffice nicht möglich', 'onsite'],
  ['Berlin', null],
  ['', null],
];

describe('parseWorkplaceType', () => {
  it.each(workplace)('%j → %j', (input, expected) => {
    const out = parseWorkplaceType(input);
    expect(out).toBe(expected);
    if (out) expect(WorkplaceTypeSchema.safeParse(out).success).toBe(true);
  });
});
