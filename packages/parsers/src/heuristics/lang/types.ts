/**
 * The shape of one language's vocabulary: words heuristics look for, kept as data so adding a
 * language is one file. Words are matched case-insensitively after whitespace folding; words in
 * scripts without spaces (Han, Kana, Thai) match as substrings, others on word boundaries.
 * @module
 */
import type { EmploymentType } from '@jobkit/core';

/** Which job field a visible label introduces. */
export type LabelField =
  | 'title'
  | 'company'
  | 'location'
  | 'employment'
  | 'workplace'
  | 'salary'
  | 'datePosted'
  | 'validThrough'
  | 'department'
  | 'experience'
  | 'education'
  | 'apply'
  /** A posted–closing range in one value ("Open & closing dates: 11/18/2026 to 12/02/2026"). */
  | 'applicationPeriod';

/** One language's words. Every list is optional data; none is code. */
export interface LanguageVocabulary {
  /** BCP 47 primary subtag (`en`, `zh`, `ar`). */
  code: string;
  /** Visible labels per field ("Standort" → location). Matched against the whole label text. */
  labels: Partial<Record<LabelField, readonly string[]>>;
  /** Texts of links/buttons that start an application ("Apply now", "Jetzt bewerben", "立即申请"). */
  apply: readonly string[];
  /** Words that name a vacancy or the act of hiring ("vacancy", "Stellenangebot", "وظيفة شاغرة"). */
  vacancy: readonly string[];
  /** Headings of posting sections ("Responsibilities", "Ihr Profil", "岗位职责"). */
  sections: readonly string[];
  /** Employment-type words per type ("Vollzeit" → full_time). */
  employment: Partial<Record<EmploymentType, readonly string[]>>;
  /** Workplace words ("télétravail" → remote). */
  workplace: Partial<Record<'remote' | 'hybrid' | 'onsite', readonly string[]>>;
  /** Whole titles/headings of a list of jobs ("Open positions", "Stellenangebote", "招聘职位"). */
  listing: readonly string[];
  /** Phrases of titles/headings of login pages. */
  login: readonly string[];
  /** Phrases a dead or closed posting shows. */
  notFound: readonly string[];
  /** Words that introduce the employer in a title ("at", "bei", "chez"): "Role at Employer". */
  atEmployer?: readonly string[];
  /** Words of "About <Employer>" headings ("About", "Über", "À propos de"). */
  about?: readonly string[];
  /**
   * Phrases of running text right before the closing date ("applications close", "reageren kan
   * tot", "candidaturas até"). Multi-word `validThrough` labels count as such phrases too.
   */
  deadline?: readonly string[];
  /** Generic headings that are not a title ("Job details", "تفاصيل الوظيفة"). */
  genericHeadings?: readonly string[];
}
