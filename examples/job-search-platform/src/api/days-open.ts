/**
 * "Median days open" for the stats view. Analytics measures it over removed postings
 * (removedAt − datePosted), so a board seen once, where nothing has closed yet, has no figure. Then
 * the open postings answer instead: days from posting to the last time the crawler saw them open,
 * read from the median-dated posting of the search index (a count and one or two one-hit queries, whatever the index size).
 * @module
 */
import type { JobStore, MedianDaysOpen, SearchIndex } from '@jobkit/core';

export interface DaysOpen extends MedianDaysOpen {
  /** `removed`: postings that closed (time to close); `open`: open postings, time open so far. */
  basis: 'removed' | 'open';
}

const DAY_MS = 86_400_000;
// Postings without a date never match a date filter, so this keeps only dated ones.
const DATED = { postedAfter: '1970-01-01' };

/** Analytics' median when it has one, else the median age of open postings at their last sighting. */
export async function medianDaysOpen(
  fromAnalytics: MedianDaysOpen,
  search: SearchIndex,
  store: Pick<JobStore, 'getJob'>,
): Promise<DaysOpen> {
  if (fromAnalytics.medianDays !== null) return { ...fromAnalytics, basis: 'removed' };
  const none: DaysOpen = { medianDays: null, jobs: 0, basis: 'open' };
  const { found } = await search.search({ q: '', filters: DATED, perPage: 1 });
  if (found === 0) return none;
  // Newest first; the middle rank(s) hold the median posting date.
  const ranks = found % 2 === 1 ? [(found + 1) / 2] : [found / 2, found / 2 + 1];
  const ages: number[] = [];
  for (const rank of ranks) {
    // Engines cap `page` (10 000), so deep ranks are read as one hit of a bigger page.
    const perPage = rank <= 10_000 ? 1 : 250;
    const { hits } = await search.search({ q: '', filters: DATED, sort: 'datePosted', perPage, page: Math.ceil(rank / perPage) });
    const job = hits[(rank - 1) % perPage]?.job;
    if (!job?.datePosted) continue;
    const stored = await store.getJob(job.id);
    const seen = Date.parse(stored?.lastSeenAt ?? '');
    const posted = Date.parse(job.datePosted);
    if (Number.isFinite(seen) && Number.isFinite(posted)) ages.push(Math.max(0, (seen - posted) / DAY_MS));
  }
  if (ages.length === 0) return none;
  const median = ages.reduce((a, b) => a + b, 0) / ages.length;
  return { medianDays: Math.round(median * 100) / 100, jobs: found, basis: 'open' };
}
