/**
 * Which status changes the tracker accepts, and when a change may be dated. The pipeline runs
 * forward (`applied → screening → interviewing → offer`, steps may be skipped); `rejected`,
 * `ghosted` and `withdrawn` end it, except that a ghosted application may come back to life.
 * Going backwards (offer → applied) is not a status change but an undo: use revert, which restores
 * the previous status of the latest change and is exempt from these rules.
 * @module
 */
import type { ApplicationStatus } from '@jobkit/core';
import { badRequest, conflict } from './schema.js';

/** Allowed next statuses per current status. */
const ALLOWED_TRANSITIONS: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  applied: ['screening', 'interviewing', 'offer', 'rejected', 'ghosted', 'withdrawn'],
  screening: ['interviewing', 'offer', 'rejected', 'ghosted', 'withdrawn'],
  interviewing: ['offer', 'rejected', 'ghosted', 'withdrawn'],
  // An offer can still be rescinded (rejected) or declined (withdrawn).
  offer: ['rejected', 'withdrawn'],
  // Silence is not final: the employer may answer after all.
  ghosted: ['screening', 'interviewing', 'offer', 'rejected', 'withdrawn'],
  rejected: [],
  withdrawn: [],
};

/** Allowed clock skew for "now" dates sent by a client whose clock runs a little ahead. */
const FUTURE_SKEW_MS = 5 * 60_000;
/** Oldest date accepted for an application or a change (history imported from elsewhere). */
const OLDEST_DATE = new Date('1990-01-01T00:00:00.000Z');

/** @throws 409 when `to` is not reachable from `from` (same status included). */
export function assertTransition(applicationId: string, from: ApplicationStatus, to: ApplicationStatus): void {
  if (from === to) throw conflict(`application ${applicationId} is already "${to}"`);
  const allowed = ALLOWED_TRANSITIONS[from];
  if (!allowed.includes(to)) {
    const next = allowed.length === 0 ? `"${from}" is final` : `from "${from}" it can move to ${allowed.map((s) => `"${s}"`).join(', ')}`;
    throw conflict(`application ${applicationId} cannot move from "${from}" to "${to}": ${next}; use revert to undo a change`, {
      from,
      to,
      allowed: [...allowed],
    });
  }
}

/** @throws 400 when `at` lies in the future (beyond {@link FUTURE_SKEW_MS}) or before {@link OLDEST_DATE}. */
export function assertPlausibleDate(field: string, at: Date, now: Date): void {
  if (at.getTime() > now.getTime() + FUTURE_SKEW_MS) {
    throw badRequest(`${field} ${at.toISOString()} is in the future (now is ${now.toISOString()})`, { field });
  }
  if (at.getTime() < OLDEST_DATE.getTime()) {
    throw badRequest(`${field} ${at.toISOString()} is before ${OLDEST_DATE.toISOString().slice(0, 10)}`, { field });
  }
}

/** @throws 400 when a change is dated before the application or before the change it follows. */
export function assertChangeOrder(at: Date, appliedAt: Date, previous: { status: ApplicationStatus; at: Date } | undefined): void {
  if (at.getTime() < appliedAt.getTime()) {
    throw badRequest(`status change at ${at.toISOString()} is before the application date ${appliedAt.toISOString()}`, { field: 'at' });
  }
  if (previous && at.getTime() < previous.at.getTime()) {
    throw badRequest(
      `status change at ${at.toISOString()} is before the previous change (to "${previous.status}" at ${previous.at.toISOString()})`,
      {
        field: 'at',
      },
    );
  }
}
