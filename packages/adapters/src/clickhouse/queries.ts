/**
 * SQL of the dashboard queries. Reads are exact before merges: the latest job version comes from
 * `jobs_current FINAL` (or `argMax(…, updated_at)` over `jobs`, tuples so NULLs are not skipped), the latest job
 * event from `argMax(…, (occurred_at, type_rank, event_id))`, application events are deduplicated
 * with `LIMIT 1 BY event_id`. Numbers come back raw; rounding happens in JS, like the reference.
 * @module
 */
import { type ApplicationStatus, INTERVIEW_STATUSES, RESPONSE_STATUSES } from '@jobkit/core';
import { URL_KEY } from './migrations.js';

const STATUSES: readonly ApplicationStatus[] = ['applied', 'screening', 'interviewing', 'offer', 'rejected', 'ghosted', 'withdrawn'];

/** url_hash of every job whose latest job event is a removal, with its removal time. */
function removedSql(db: string): string {
  return `SELECT url_hash, argMax(removed_at, (occurred_at, type_rank, event_id)) AS removed_at
    FROM ${db}.job_events GROUP BY url_hash
    HAVING argMax(type, (occurred_at, type_rank, event_id)) = 'job.removed'`;
}

/**
 * How the latest version of each posting is read.
 * - `final`: `FROM jobs_current FINAL` — merge-on-read of the narrow table keyed by the URL (see
 *   migration 2); the fastest on chDB, and cheap once background merges have run.
 * - `argMax`: `GROUP BY url_hash` + `argMax(…, updated_at)` over the full `jobs` history.
 * Both identify a posting by its URL alone.
 */
export type ReadMode = 'final' | 'argMax';

/** One tuple `s` of `columns` per active job (latest version). */
export function activeJobsSql(db: string, mode: ReadMode, columns: readonly string[]): string {
  if (mode === 'final') {
    // The removed set is small (~10k); comparing UInt128 keys avoids reading the 64-char url_hash.
    const notRemoved = `key NOT IN (SELECT ${URL_KEY('url_hash')} FROM (${removedSql(db)}))`;
    return `SELECT tuple(${columns.join(', ')}) AS s FROM ${db}.jobs_current FINAL WHERE ${notRemoved}`;
  }
  const notRemoved = `url_hash NOT IN (SELECT url_hash FROM (${removedSql(db)}))`;
  return `SELECT argMax(tuple(${columns.join(', ')}), updated_at) AS s FROM ${db}.jobs WHERE ${notRemoved} GROUP BY url_hash`;
}

/** Count of active jobs per latest value of `column`. */
export function countByLatestSql(db: string, mode: ReadMode, column: string, limit?: number): string {
  return `SELECT s.1 AS key, count() AS jobs FROM (${activeJobsSql(db, mode, [column])})
    GROUP BY key ORDER BY jobs DESC, key ASC${limit === undefined ? '' : ` LIMIT ${limit}`}`;
}

/** `posted_at` (datePosted of the latest version, else the earliest observation) per job. */
function postedAtSql(db: string, mode: ReadMode): string {
  if (mode === 'argMax') {
    return `SELECT ifNull(argMax(tuple(date_posted), updated_at).1, min(first_seen)) AS posted_at
      FROM ${db}.jobs GROUP BY url_hash`;
  }
  // FINAL keeps only the latest row, so jobs that ever lacked a date (usually few; found with a cheap
  // null-map scan) are aggregated to get their earliest observation.
  return `SELECT assumeNotNull(date_posted) AS posted_at FROM ${db}.jobs_current FINAL WHERE date_posted IS NOT NULL
    UNION ALL
    SELECT posted_at FROM (
      SELECT argMax(tuple(date_posted), updated_at).1 AS dp, min(first_seen) AS posted_at FROM ${db}.jobs
      WHERE url_hash IN (SELECT url_hash FROM ${db}.jobs WHERE date_posted IS NULL)
      GROUP BY url_hash
    ) WHERE dp IS NULL`;
}

export function jobsPerPeriodSql(db: string, mode: ReadMode, period: 'day' | 'week', hasFrom: boolean, hasTo: boolean): string {
  const bucket = period === 'day' ? 'toDate' : 'toMonday';
  const range = (col: string) =>
    [hasFrom ? `${col} >= {from:DateTime64(3, 'UTC')}` : '', hasTo ? `${col} < {to:DateTime64(3, 'UTC')}` : '']
      .filter(Boolean)
      .join(' AND ') || '1';
  return `SELECT toString(p) AS period, sum(posted) AS posted, sum(removed) AS removed FROM (
      SELECT ${bucket}(posted_at) AS p, 1 AS posted, 0 AS removed FROM (${postedAtSql(db, mode)}) WHERE ${range('posted_at')}
      UNION ALL
      SELECT ${bucket}(removed_at) AS p, 0 AS posted, 1 AS removed FROM (${removedSql(db)}) WHERE ${range('removed_at')}
    ) GROUP BY p ORDER BY p`;
}

/** Percentile levels are validated numbers in (0, 1), inlined because ClickHouse wants constants. */
export function salaryPercentilesSql(
  db: string,
  mode: ReadMode,
  groupBy: 'titleKeyword' | 'country' | 'currency' | 'period',
  levels: readonly number[],
  hasKeyword: boolean,
): string {
  // Only the columns this shape needs: every extra column is read and merged for all active jobs.
  const amountCol = groupBy === 'period' ? 'salary_amount' : 'salary_yearly';
  const cols = ['salary_currency', amountCol];
  if (groupBy === 'country') cols.push('country');
  if (groupBy === 'period') cols.push('salary_period');
  if (hasKeyword) cols.push('title');
  const at = (c: string) => `s.${cols.indexOf(c) + 1}`;
  const group =
    groupBy === 'titleKeyword'
      ? '{keyword:String}'
      : groupBy === 'country'
        ? at('country')
        : groupBy === 'period'
          ? at('salary_period')
          : at('salary_currency');
  const where = [
    `${at(amountCol)} IS NOT NULL`,
    `${at('salary_currency')} != ''`,
    groupBy === 'period' ? `${at('salary_period')} != ''` : '',
    hasKeyword ? `positionCaseInsensitiveUTF8(${at('title')}, {keyword:String}) > 0` : '',
  ]
    .filter(Boolean)
    .join(' AND ');
  return `SELECT ${group} AS grp, ${at('salary_currency')} AS currency, ${groupBy === 'period' ? at('salary_period') : `'year'`} AS period, count() AS n,
      quantilesExactInclusive(${levels.map((l) => String(Number(l))).join(', ')})(assumeNotNull(${at(amountCol)})) AS q
    FROM (${activeJobsSql(db, mode, cols)}) WHERE ${where}
    GROUP BY grp, currency, period`;
}

const removedKeysSql = (db: string) => `SELECT ${URL_KEY('url_hash')} FROM (${removedSql(db)})`;

/**
 * url_hash of removed jobs with an undated row in `jobs_current` (a superset of those whose latest
 * row is undated: harmless, their first observation is fetched but not used). Null-map prewhere, cheap.
 */
function undatedRemovedSql(db: string): string {
  return `SELECT url_hash FROM (${removedSql(db)}) WHERE ${URL_KEY('url_hash')} IN (
      SELECT key FROM ${db}.jobs_current WHERE date_posted IS NULL AND key IN (${removedKeysSql(db)}))`;
}

/**
 * `withUndated: false` (final reads only) leaves out the join on the history for first observations
 * (half of the query's cost) and counts the removed jobs whose latest row has no date as `undated`;
 * when that is 0 its answer is complete, otherwise the caller runs the full form.
 */
export function medianDaysOpenSql(db: string, mode: ReadMode = 'argMax', withUndated = true): string {
  if (mode === 'final') {
    // Only removed jobs (~1% of postings) enter, so no FINAL over the whole table: argMax over the rows of their keys.
    const latest = `SELECT key, argMax(tuple(date_posted), updated_at).1 AS dp
      FROM ${db}.jobs_current WHERE key IN (${removedKeysSql(db)}) GROUP BY key`;
    const removed = `SELECT ${URL_KEY('url_hash')} AS key, url_hash, removed_at FROM (${removedSql(db)})`;
    if (!withUndated) {
      // `undated` > 0 tells the caller to run the full form (which also joins the history).
      return `SELECT countIf(dated) AS n, quantileExactInclusiveIf(0.5)(days, dated) AS med, countIf(NOT dated) AS undated FROM (
        SELECT c.dp IS NOT NULL AS dated,
          (toUnixTimestamp64Milli(r.removed_at) - toUnixTimestamp64Milli(assumeNotNull(c.dp))) / 86400000 AS days
        FROM (${removed}) AS r INNER JOIN (${latest}) AS c ON c.key = r.key
      )`;
    }
    return `SELECT count() AS n, quantileExactInclusive(0.5)(days) AS med FROM (
      SELECT (toUnixTimestamp64Milli(r.removed_at) - toUnixTimestamp64Milli(ifNull(c.dp, f.fs))) / 86400000 AS days
      FROM (${removed}) AS r
      INNER JOIN (${latest}) AS c ON c.key = r.key
      LEFT JOIN (
        SELECT url_hash, min(first_seen) AS fs FROM ${db}.jobs WHERE url_hash IN (${undatedRemovedSql(db)}) GROUP BY url_hash
      ) AS f ON f.url_hash = r.url_hash
    )`;
  }
  return `SELECT count() AS n, quantileExactInclusive(0.5)(days) AS med FROM (
      SELECT (toUnixTimestamp64Milli(r.removed_at) - toUnixTimestamp64Milli(ifNull(j.dp, j.fs))) / 86400000 AS days
      FROM (${removedSql(db)}) AS r
      INNER JOIN (
        SELECT url_hash, argMax(tuple(date_posted), updated_at).1 AS dp, min(first_seen) AS fs FROM ${db}.jobs
        WHERE url_hash IN (SELECT url_hash FROM (${removedSql(db)}))
        GROUP BY url_hash
      ) AS j ON j.url_hash = r.url_hash
    )`;
}

const q = (s: string) => `'${s}'`;

/**
 * Per-user stats in two levels: per application (net count of entries into each status, first
 * time of each response status), then over applications. `now` is epoch ms.
 */
export function applicationStatsSql(db: string): string {
  const net = STATUSES.map(
    (s) =>
      `countIf(type IN ('created', 'status_changed') AND st = ${q(s)}) - countIf(type = 'reverted' AND previous_status = ${q(s)}) AS net_${s}`,
  );
  const first = RESPONSE_STATUSES.map((s) => `minIf(ts, type = 'status_changed' AND status = ${q(s)}) AS fr_${s}`);
  const reached = (list: readonly ApplicationStatus[]) => list.map((s) => `net_${s} > 0`).join(' OR ');
  const frArray = `arrayFilter(x -> x > 0, [${RESPONSE_STATUSES.map((s) => `if(net_${s} > 0, fr_${s}, 0)`).join(', ')}])`;
  const day = 86_400_000;
  const win = (from: number, to: number) => `countIf(applied > {now:Int64} - ${to * day} AND applied <= {now:Int64} - ${from * day})`;
  return `SELECT count() AS n, countIf(resp) AS responded, countIf(intv) AS interviewed, countIf(off) AS offered,
      countIf(fr > 0) AS n_fr, sumIf(fr - applied, fr > 0) AS fr_sum_ms,
      ${win(0, 30)} AS c30, ${win(30, 60)} AS p30, ${win(0, 60)} AS c60, ${win(60, 120)} AS p60
    FROM (
      SELECT applied, (${reached(RESPONSE_STATUSES)}) AS resp, (${reached(INTERVIEW_STATUSES)}) AS intv, (net_offer > 0) AS off,
        if(empty(${frArray}), 0, arrayMin(${frArray})) AS fr
      FROM (
        SELECT application_id,
          if(countIf(type = 'created') > 0, minIf(ts, type = 'created'), min(ts)) AS applied,
          countIf(type = 'deleted') AS deleted,
          ${net.join(',\n          ')},
          ${first.join(',\n          ')}
        FROM (
          SELECT application_id, type, status, previous_status,
            if(type = 'created' AND status = '', 'applied', status) AS st,
            toUnixTimestamp64Milli(occurred_at) AS ts
          FROM ${db}.application_events WHERE user_id = {user:String}
          ORDER BY event_id LIMIT 1 BY event_id
        )
        GROUP BY application_id
      ) WHERE deleted = 0
    )`;
}
