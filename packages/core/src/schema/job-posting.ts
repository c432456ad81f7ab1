/**
 * The normalized job posting every Jobkit component speaks, as zod schemas and inferred types.
 * @module
 */
import { z } from 'zod';

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an ISO 8601 date or date-time' });

/**
 * Where a posting's data came from. `site` = a job-board site profile (LinkedIn, Indeed…) read
 * the page's own markup.
 */
export const JobSourceSchema = z.enum(['json-ld', 'microdata', 'rdfa', 'ats-api', 'heuristic', 'site']);
export type JobSource = z.infer<typeof JobSourceSchema>;

/**
 * Where a field's value came from. `derived` = computed by Jobkit from other fields;
 * `site:<id>` = read by the job-board site profile `<id>` (e.g. `site:linkedin`).
 */
export const FieldSourceSchema = z.union([
  z.enum(['json-ld', 'microdata', 'rdfa', 'ats-api', 'heuristic', 'derived']),
  z.templateLiteral(['site:', z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/)]),
]);
export type FieldSource = z.infer<typeof FieldSourceSchema>;

export const WorkplaceTypeSchema = z.enum(['onsite', 'hybrid', 'remote']);
export type WorkplaceType = z.infer<typeof WorkplaceTypeSchema>;

export const EmploymentTypeSchema = z.enum([
  'full_time',
  'part_time',
  'contract',
  'temporary',
  'internship',
  'volunteer',
  'per_diem',
  'other',
]);
export type EmploymentType = z.infer<typeof EmploymentTypeSchema>;

export const SalaryPeriodSchema = z.enum(['hour', 'day', 'week', 'month', 'year']);
export type SalaryPeriod = z.infer<typeof SalaryPeriodSchema>;

/**
 * Longest value, in UTF-16 code units, of the short text fields of a posting. `finalizeJob` cuts a
 * longer value (at a word boundary when one is near, with `…`) and says so in its `warnings`, so
 * one oversized field never costs the posting or its batch; the posting schema enforces them.
 */
export const JOB_TEXT_LIMITS = Object.freeze({
  title: 500,
  companyName: 300,
  department: 300,
  /** A location as the source stated it (the text `parseLocation` reads, 2,000 characters). */
  locationRaw: 2_000,
  city: 200,
  region: 200,
  postalCode: 32,
} as const);

export const CompanySchema = z.object({
  name: z.string().min(1).max(JOB_TEXT_LIMITS.companyName),
  domain: z.string().min(1).optional(),
  logoUrl: z.string().url().optional(),
});
export type Company = z.infer<typeof CompanySchema>;

export const LocationSchema = z.object({
  /** The location as the source stated it. */
  raw: z.string().max(JOB_TEXT_LIMITS.locationRaw),
  city: z.string().max(JOB_TEXT_LIMITS.city).optional(),
  region: z.string().max(JOB_TEXT_LIMITS.region).optional(),
  /** ISO 3166-1 alpha-2, upper case. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  postalCode: z.string().max(JOB_TEXT_LIMITS.postalCode).optional(),
  /** GeoNames id of the city when the gazetteer resolved it. */
  geonameId: z.number().int().positive().optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  /**
   * One canonical label for the place ("Munich, Bavaria, Germany", "Austin, TX, United States",
   * "Remote — Europe"): the same place always reads the same; never cut mid-word.
   */
  display: z.string().max(200).optional(),
  /**
   * For a remote posting, the area applicants may live in as the source stated it: an ISO alpha-2
   * code (also in `country`) or a macro region ("Europe", "EMEA"). Such a location has no city.
   */
  remoteRegion: z.string().max(100).optional(),
});
export type Location = z.infer<typeof LocationSchema>;

/**
 * A salary made comparable: the annual figure in one base currency and the basis it was computed
 * on (set by `finalizeJob`, see `annualizeSalary`). Search sorts and salary filters use it.
 */
export const AnnualizedSalarySchema = z.object({
  min: z.number().nonnegative().nullable(),
  max: z.number().nonnegative().nullable(),
  /** ISO 4217 base currency of `min`/`max`. */
  currency: z.string().regex(/^[A-Z]{3}$/),
  basis: z.object({
    /** The posting's own period the figure was scaled from. */
    period: SalaryPeriodSchema,
    hoursPerWeek: z.number().positive().max(168),
    daysPerWeek: z.number().positive().max(7),
    weeksPerYear: z.number().positive().max(53),
    monthsPerYear: z.number().int().min(12).max(24),
    /** Base-currency units per unit of the posting's currency (1 when they are the same). */
    fxRate: z.number().positive(),
    /** The day of the exchange rates (`YYYY-MM-DD`). */
    rateDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    rateSource: z.string().max(200),
  }),
});
export type AnnualizedSalary = z.infer<typeof AnnualizedSalarySchema>;

export const SalarySchema = z.object({
  min: z.number().nonnegative().nullable(),
  max: z.number().nonnegative().nullable(),
  /** ISO 4217, upper case. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  period: SalaryPeriodSchema.nullable(),
  /** Monthly salaries paid per year when the source states it (13 in `17-30K·13薪`); absent otherwise. */
  monthsPerYear: z.number().int().min(12).max(24).optional(),
  /** The salary text as the source stated it. */
  raw: z.string().optional(),
  /** The comparable annual figure (see {@link AnnualizedSalarySchema}); absent when it cannot be computed. */
  annualized: AnnualizedSalarySchema.optional(),
});
export type Salary = z.infer<typeof SalarySchema>;

export const DescriptionSchema = z.object({
  /** Sanitized HTML (safe to render). */
  html: z.string(),
  /** Plain text with paragraph breaks kept as newlines. */
  text: z.string(),
});
export type Description = z.infer<typeof DescriptionSchema>;

export const AtsRefSchema = z.object({
  platform: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  boardToken: z.string().min(1).optional(),
  jobId: z.string().min(1).optional(),
});
export type AtsRef = z.infer<typeof AtsRefSchema>;

export const QualityRuleResultSchema = z.object({
  rule: z.string(),
  points: z.number().int(),
  max: z.number().int(),
  note: z.string().optional(),
});
export type QualityRuleResult = z.infer<typeof QualityRuleResultSchema>;

export const QualitySchema = z.object({
  score: z.number().int().min(0).max(100),
  breakdown: z.array(QualityRuleResultSchema),
});
export type Quality = z.infer<typeof QualitySchema>;

/** Fields whose origin is tracked in `provenance`. */
export const PROVENANCE_FIELDS = [
  'title',
  'company',
  'locations',
  'workplaceType',
  'employmentType',
  'salary',
  'description',
  'datePosted',
  'validThrough',
  'applyUrl',
  'department',
] as const;
export type ProvenanceField = (typeof PROVENANCE_FIELDS)[number];

export const ProvenanceSchema = z.partialRecord(z.enum(PROVENANCE_FIELDS), FieldSourceSchema);
export type Provenance = z.infer<typeof ProvenanceSchema>;

/**
 * How far one field's value can be trusted (0–1) and the evidence that set it. Beside an absent
 * field: how sure the parser is that the posting is right to lack it (low when the description states
 * an amount, a workplace word or a deadline the posting lacks).
 */
export const FieldConfidenceSchema = z.object({
  score: z.number().min(0).max(1),
  /** Short reasons, strongest first ("json-ld", "agrees with h1", "template placeholder"). */
  reasons: z.array(z.string().max(200)).max(12),
});
export type FieldConfidence = z.infer<typeof FieldConfidenceSchema>;

/**
 * Per-field confidence, the companion of `provenance` (kept beside it so `provenance` stays a plain
 * field → source map). Optional: postings from producers that do not compute it stay valid and are
 * scored as before.
 */
export const ConfidenceSchema = z.partialRecord(z.enum(PROVENANCE_FIELDS), FieldConfidenceSchema);
export type Confidence = z.infer<typeof ConfidenceSchema>;

/**
 * What the one date form loses, kept beside it: the `offset` a source stated (`-04:00` for
 * `2026-11-03T10:05:00-04:00`, which becomes `2026-11-03T14:05:00Z`), and the `reference` time a
 * relative date ("3 days ago", "vor 2 Tagen", "昨天") was resolved against.
 */
export const DateNoteSchema = z.object({
  offset: z
    .string()
    .regex(/^[+-]\d{2}:\d{2}$/)
    .optional(),
  reference: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    .optional(),
});
export type DateNote = z.infer<typeof DateNoteSchema>;

/** {@link DateNote}s of a posting's dates, keyed by field. */
export const DateNotesSchema = z.object({ datePosted: DateNoteSchema.optional(), validThrough: DateNoteSchema.optional() });
export type DateNotes = z.infer<typeof DateNotesSchema>;

export const JobPostingSchema = z.object({
  /** Stable id derived from the canonical URL (`jk_` + 24 hex chars of `urlHash`). */
  id: z.string().regex(/^jk_[0-9a-f]{24}$/),
  /** Canonical URL of the posting. */
  url: z.string().url(),
  /** SHA-256 hex of the canonical URL. */
  urlHash: z.string().regex(/^[0-9a-f]{64}$/),
  title: z.string().min(1).max(JOB_TEXT_LIMITS.title),
  company: CompanySchema,
  locations: z.array(LocationSchema),
  workplaceType: WorkplaceTypeSchema.nullable(),
  employmentType: z.array(EmploymentTypeSchema),
  salary: SalarySchema.nullable(),
  description: DescriptionSchema,
  datePosted: isoDate.nullable(),
  validThrough: isoDate.nullable(),
  applyUrl: z.string().url().nullable(),
  department: z.string().max(JOB_TEXT_LIMITS.department).optional(),
  ats: AtsRefSchema.nullable(),
  source: JobSourceSchema,
  provenance: ProvenanceSchema,
  /** Per-field confidence (see {@link ConfidenceSchema}); `scoreQuality` uses it when present. */
  confidence: ConfidenceSchema.optional(),
  quality: QualitySchema,
  /** When the posting was fetched (volatile: not part of `contentHash`). */
  fetchedAt: isoDate.optional(),
  /**
   * Provenance of the dates ({@link DateNotes}): the UTC offset a source stated and the reference
   * time a relative date was resolved against. Set by `finalizeJob`; producers pass the reference
   * in the draft. Volatile: not part of `contentHash` (the reference moves with every crawl).
   */
  dateNotes: DateNotesSchema.optional(),
});
export type JobPosting = z.infer<typeof JobPostingSchema>;

/** A job before identity and quality are computed: what parsers and board clients produce. */
export const JobDraftSchema = JobPostingSchema.omit({ id: true, urlHash: true, quality: true }).extend({
  url: z.string().min(1),
});
export type JobDraft = z.infer<typeof JobDraftSchema>;

export const AtsMatchSchema = z.object({
  platform: z.string(),
  boardToken: z.string().nullable(),
  jobId: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(z.string()),
  /**
   * The ATS URL the match was read from (the page URL, or the embed/link on a company page).
   * Board clients that need the vendor host (Workday's `wdN` pod) take it from here.
   */
  url: z.string().optional(),
});
export type AtsMatch = z.infer<typeof AtsMatchSchema>;

export const ParsedJobPageSchema = z.object({
  job: JobPostingSchema.nullable(),
  ats: AtsMatchSchema.nullable(),
  source: z.enum(['json-ld', 'microdata', 'rdfa', 'heuristic', 'site']).nullable(),
  warnings: z.array(z.string()),
});
export type ParsedJobPage = z.infer<typeof ParsedJobPageSchema>;
