/**
 * How a pipeline run's stored changes reach search and analytics, in one of three modes:
 * - **outbox** (`broker` + `relay`): the store wrote `job.*` events in its transaction; the relay
 *   publishes them and the search/analytics consumers apply them;
 * - **publish** (`broker` only): the events are published after each upsert (after commit,
 *   at-least-once);
 * - **direct** (no broker): they are applied here, coalesced into batches.
 * In the broker modes each run subscribes its consumers, counts the applications it expects per
 * consumer and, at the end, drains the relay and waits for the consumers to catch up. The
 * scheduler (`pipeline.ts`) sees only {@link RunDelivery}.
 * @module
 */

import { eventToMessage, type OutboxRelayHandle } from '../delivery/outbox.js';
import { JobkitError } from '../errors.js';
import type { Analytics } from '../ports/analytics.js';
import type { Broker, Subscription } from '../ports/broker.js';
import type { SearchIndex } from '../ports/search-index.js';
import type { JobEvent } from '../schema/events.js';
import { createCoalescer } from './coalesce.js';
import { applyEventsToAnalytics, applyEventsToSearch, createAnalyticsConsumer, createSearchConsumer } from './consumers.js';
import { asJobkitError } from './process-task.js';

const WHERE = 'core/pipeline';

export interface JobDeliveryOptions {
  search?: SearchIndex;
  analytics?: Analytics;
  broker?: Broker;
  relay?: OutboxRelayHandle;
  topic: string;
  /** Consumers subscribe as `<prefix>-search` and `<prefix>-analytics`. */
  subscriptionPrefix: string;
  /** How long `settle` waits for the relay and consumers. */
  drainTimeoutMs: number;
}

/** Delivery for one run. */
interface RunDelivery {
  /** Subscribe the consumers and start the relay (broker modes). Call `stop` even when this throws. */
  start(): Promise<void>;
  /** Hand over the events of committed changes. */
  propagate(events: readonly JobEvent[]): Promise<void>;
  /**
   * Resolve once everything handed over is applied: direct batches written; in broker modes
   * (unless the run was aborted) the relay drained and every expected application seen, or the
   * drain timeout reported as a `BROKER_FAILED` error.
   */
  settle(options: { aborted: boolean }): Promise<void>;
  /** Close the consumers' subscriptions and stop the relay. */
  stop(): Promise<void>;
}

/** Delivery of a pipeline: direct batches are shared by its runs, broker bookkeeping is per run. */
export interface JobDelivery {
  /** `report` receives consumer, relay and drain failures (they never reject a run). */
  forRun(report: (error: JobkitError, source: string) => void): RunDelivery;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createJobDelivery(options: JobDeliveryOptions): JobDelivery {
  const { search, analytics, broker, relay, topic, subscriptionPrefix, drainTimeoutMs } = options;
  const directSearch =
    search && !broker ? createCoalescer<JobEvent, void>(async (ev) => (await applyEventsToSearch(search, ev), [])) : null;
  const directAnalytics =
    analytics && !broker ? createCoalescer<JobEvent, void>(async (ev) => (await applyEventsToAnalytics(analytics, ev), [])) : null;

  function forRun(report: (error: JobkitError, source: string) => void): RunDelivery {
    // Drain bookkeeping for broker modes: expected applications per consumer, by event type + job.
    const consumers: string[] = broker ? [...(search ? ['search'] : []), ...(analytics ? ['analytics'] : [])] : [];
    const outstanding = new Map<string, Map<string, number>>(consumers.map((c) => [c, new Map()]));
    const bump = (consumer: string, key: string, d: number) => {
      const m = outstanding.get(consumer);
      if (!m) return;
      const v = (m.get(key) ?? 0) + d;
      if (v === 0) m.delete(key);
      else m.set(key, v);
    };
    const pendingApplications = () => {
      let n = 0;
      for (const m of outstanding.values()) for (const v of m.values()) if (v > 0) n += v;
      return n;
    };
    const subscriptions: Subscription[] = [];
    let relayStarted = false;

    async function drain(): Promise<void> {
      const deadline = Date.now() + drainTimeoutMs;
      for (;;) {
        let pending = 0;
        if (relay) {
          await relay.runOnce().catch(() => 0);
          pending = (await relay.metrics()).pendingCount;
        }
        if (pending === 0 && pendingApplications() === 0) return;
        if (Date.now() > deadline) {
          report(
            new JobkitError(
              'BROKER_FAILED',
              `[${WHERE}] gave up waiting after ${drainTimeoutMs}ms: ${pending} outbox row(s) unpublished, ${pendingApplications()} event(s) not yet applied`,
              {
                details: { pending, unapplied: pendingApplications() },
              },
            ),
            'drain',
          );
          return;
        }
        await sleep(relay && pending > 0 ? 0 : 10);
      }
    }

    return {
      async start() {
        if (!broker) return;
        const onApplied = (consumer: string) => (event: JobEvent) => bump(consumer, `${event.type}|${event.aggregateId}`, -1);
        const onError = (error: unknown) => report(asJobkitError(error, 'BROKER_FAILED', 'consumer failed'), 'consumer');
        if (search) {
          subscriptions.push(
            await broker.subscribe(
              topic,
              `${subscriptionPrefix}-search`,
              createSearchConsumer(search, { onApplied: onApplied('search') }),
              { onError },
            ),
          );
        }
        if (analytics) {
          subscriptions.push(
            await broker.subscribe(
              topic,
              `${subscriptionPrefix}-analytics`,
              createAnalyticsConsumer(analytics, { onApplied: onApplied('analytics') }),
              {
                onError,
              },
            ),
          );
        }
        if (relay) {
          relay.start();
          relayStarted = true;
        }
      },

      async propagate(events) {
        if (broker) {
          for (const c of consumers) for (const e of events) bump(c, `${e.type}|${e.aggregateId}`, 1);
          // Without a relay the store wrote no outbox: publishing is ours (after commit, at-least-once).
          if (!relay) await broker.publish(topic, events.map(eventToMessage));
          return;
        }
        await Promise.all([
          ...(directSearch ? events.map((e) => directSearch.add(e)) : []),
          ...(directAnalytics ? events.map((e) => directAnalytics.add(e)) : []),
        ]);
      },

      async settle({ aborted }) {
        await Promise.all([directSearch?.idle(), directAnalytics?.idle()]);
        if (broker && !aborted) await drain();
      },

      async stop() {
        await Promise.allSettled(subscriptions.map((s) => s.close()));
        if (relayStarted) await relay!.stop().catch((e) => report(asJobkitError(e, 'BROKER_FAILED', 'stopping the relay failed'), 'relay'));
      },
    };
  }

  return { forRun };
}
