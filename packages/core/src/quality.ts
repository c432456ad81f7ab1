/**
 * Quality score 0–100 with an explained breakdown. Seed 003 keeps postings scoring ≥ 70.
 * @module
 */
import type { JobPosting, QualityRuleResult, Quality, SalaryPeriod } from './schema/job-posting.js';

/** Postings below this score are not stored by the pipeline (seed 003). */
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

const rules: Rule[] = [
  // Google for Jobs required properties: title, description, datePosted, hiringOrganization, jobLocation (or remote).
  (job) => {
    const missing: string[] = [];
    if (!job.title.trim()) missing.push('title');
    if (!job.description.text.trim()) missing.push('description');
    if (!job.datePosted) missing.push('datePosted');
    if (!job.company.name.trim()) missing.push('hiringOrganization');
    if (job.locations.length === 0 && job.workplaceType !== 'remote') missing.push('jobLocation');
    const points = Math.round(30 * (1 - missing.length / 5));
    return { rule: 'google-required', points, max: 30, note: missing.length ? `missing: ${missing.join(', ')}` : undefined };
  },
  (job) => {
    const text = job.description.text.trim();
    const words = text ? text.split(/\s+/).length : 0;
    let points = words >= 150 ? 20 : words >= 80 ? 15 : words >= 30 ? 8 : words > 0 ? 3 : 0;
    let note = `${words} words`;
    const letters = text.replace(/[^\p{L}]/gu, '').length;
    if (text.length > 0 && letters / text.length < 0.5) {
      points = Math.min(points, 5);
      note += '; mostly non-letters';
    }
    if (/lorem ipsum/i.test(text)) {
      points = 0;
      note += '; placeholder text';
    }
    return { rule: 'description', points, max: 20, note };
  },
  (job) => {
    const s = job.salary;
    if (!s || (s.min === null && s.max === null)) return { rule: 'salary', points: 0, max: 15, note: 'no salary' };
    let points = 8;
    const notes: string[] = [];
    if (s.min !== null && s.max !== null && s.min > s.max) {
      notes.push('min > max');
      return { rule: 'salary', points: 2, max: 15, note: notes.join('; ') };
    }
    if (s.currency) points += 3;
    else notes.push('no currency');
    if (s.period) {
      const [lo, hi] = PERIOD_BOUNDS[s.period];
      const scale = s.currency && SMALL_UNIT.has(s.currency) ? 200 : 1;
      const values = [s.min, s.max].filter((v): v is number => v !== null);
      const implausible = values.some((v) => v < lo || v > hi * scale);
      if (implausible) notes.push(`implausible for a ${s.period}`);
      else points += 4;
    } else notes.push('no period');
    return { rule: 'salary', points, max: 15, note: notes.length ? notes.join('; ') : undefined };
  },
  (job) => {
    if (job.locations.length === 0) {
      return job.workplaceType === 'remote'
        ? { rule: 'location', points: 10, max: 15, note: 'remote without a location' }
        : { rule: 'location', points: 0, max: 15, note: 'no location' };
    }
    const scored = job.locations.map((l) => ({
      points: (l.country ? 6 : 0) + (l.city ? 6 : 0) + (l.region || l.postalCode ? 3 : 0),
      missing: [!l.country && 'country', !l.city && 'city', !(l.region || l.postalCode) && 'region/postal code'].filter(Boolean),
    }));
    const best = scored.reduce((a, b) => (b.points > a.points ? b : a));
    // Every withheld point gets a note, so a 12/15 location says what it lacks.
    return {
      rule: 'location',
      points: Math.min(15, best.points),
      max: 15,
      note: best.points < 15 ? `partly parsed: no ${best.missing.join(', ')}` : undefined,
    };
  },
  (job, now) => {
    if (!job.datePosted) return { rule: 'date', points: 0, max: 10, note: 'no datePosted' };
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
    let points = 10;
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
    return { rule: 'title', points: Math.max(0, points), max: 10, note: notes.length ? notes.join('; ') : undefined };
  },
];

/**
 * Score a posting. The breakdown lists every rule with the points it gave out of its maximum
 * (the maxima add up to 100), and a note saying why points were withheld.
 */
export function scoreQuality(job: ScorableJob, options: ScoreQualityOptions = {}): Quality {
  const now = options.now ?? new Date();
  const breakdown = rules.map((r) => {
    const res = r(job, now);
    return res.note === undefined ? { rule: res.rule, points: res.points, max: res.max } : res;
  });
  const score = breakdown.reduce((sum, r) => sum + r.points, 0);
  return { score: Math.max(0, Math.min(100, Math.round(score))), breakdown };
}
