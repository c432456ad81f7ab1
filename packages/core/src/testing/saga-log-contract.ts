/**
 * Contract suite for the {@link SagaLog} port (vitest): records, step bookkeeping, statuses, the
 * unfinished list, a failed step compensated through the log, and a saga that crashes forward and while compensating, then is finished by
 * `resumeSagas` over a log reopened on the same storage (a restart).
 * @module
 */
import { describe, expect, it } from 'vitest';
import { resumeSagas, runSaga, type SagaLog, type SagaStep } from '../delivery/saga.js';

/** The cases of the saga-log contract; keys of `skip`. */
export const SAGA_LOG_CONTRACT_CASES = ['record', 'steps', 'status', 'isolation', 'compensate', 'resume'] as const;
export type SagaLogContractCase = (typeof SAGA_LOG_CONTRACT_CASES)[number];

export interface SagaLogContractContext {
  /**
   * Unique per test (`[a-z0-9_]`). `create` is called again with the same namespace to simulate a
   * restart: it must then open the same storage (for an in-memory log, return the same log).
   */
  namespace: string;
}

export interface SagaLogContractOptions {
  /** Shown in the describe block, e.g. `memory` or `postgres`. */
  name: string;
  create: (ctx: SagaLogContractContext) => SagaLog | Promise<SagaLog>;
  /** Cases this engine cannot serve, with the reason shown in the skipped test's name. */
  skip?: Partial<Record<SagaLogContractCase, string>>;
  /** Skip the whole suite with this reason (e.g. "DATABASE_URL is not set"). */
  skipAll?: string;
}

/** Three steps that record their effects; `failAt` fails a run, `crashOn` fails one compensation once. */
const makeSteps = (effects: string[], opts: { failAt?: string; crashOn?: string } = {}): SagaStep<{ ids: string[] }>[] =>
  ['reserve', 'charge', 'notify'].map((name) => ({
    name,
    async run(ctx, meta) {
      if (opts.failAt === name) throw new Error(`${name} failed`);
      effects.push(`run:${name}`);
      ctx.ids.push(meta.idempotencyKey);
    },
    async compensate(_ctx, meta) {
      if (opts.crashOn === name) {
        opts.crashOn = undefined;
        throw new Error('CRASH');
      }
      if (!effects.includes(`undo:${meta.step}`)) effects.push(`undo:${meta.step}`);
    },
  }));

let runCounter = 0;

/** Run the saga-log contract. Call at the top level of a vitest file. */
export function runSagaLogContract(options: SagaLogContractOptions): void {
  const run = `${process.pid}_${(runCounter++).toString(36)}`;
  let n = 0;

  describe(`SagaLog contract: ${options.name}`, () => {
    const namespace = () => `saga_${run}_${++n}`;

    function test(c: SagaLogContractCase, title: string, body: () => Promise<void>): void {
      const reason = options.skipAll ?? options.skip?.[c];
      if (reason !== undefined) {
        it.skip(`${c}: ${title} — skipped: ${reason}`, body);
        return;
      }
      it(`${c}: ${title}`, body, 20_000);
    }

    test('record', 'begin creates a running record once; a second begin returns it unchanged', async () => {
      const log = await options.create({ namespace: namespace() });
      expect(await log.get('s1')).toBeNull();
      const fresh = {
        sagaId: 's1',
        name: 'order',
        status: 'running',
        context: { ids: [], note: 'ü' },
        completed: [],
        compensated: [],
        error: null,
      };
      expect(await log.begin('s1', 'order', { ids: [], note: 'ü' })).toEqual(fresh);
      expect(await log.get('s1')).toEqual(fresh);
      await log.stepCompleted('s1', 0, 'reserve', { ids: ['a'], note: 'ü' });
      // Resuming: the logged record wins over the name and context passed again.
      expect(await log.begin('s1', 'other', { ids: ['overwritten?'] })).toEqual({
        ...fresh,
        context: { ids: ['a'], note: 'ü' },
        completed: [0],
      });
      expect(await log.get('s2')).toBeNull();
    });

    test('steps', 'completed and compensated steps come back once each, in ascending order, with the latest context', async () => {
      const log = await options.create({ namespace: namespace() });
      await log.begin('s', 'saga', {});
      await log.stepCompleted('s', 0, 'a', { step: 0 });
      await log.stepCompleted('s', 1, 'b', { step: 1 });
      await log.stepCompleted('s', 2, 'c', { step: 2 });
      await log.stepCompleted('s', 1, 'b', { step: 2 }); // re-run after a crash: recorded once
      expect(await log.get('s')).toMatchObject({ completed: [0, 1, 2], compensated: [], context: { step: 2 } });
      await log.stepCompensated('s', 2, 'c');
      await log.stepCompensated('s', 1, 'b');
      await log.stepCompensated('s', 2, 'c');
      expect(await log.get('s')).toMatchObject({ completed: [0, 1, 2], compensated: [1, 2] });
    });

    test('status', 'statuses and errors are kept; only running and compensating sagas are unfinished', async () => {
      const log = await options.create({ namespace: namespace() });
      for (const id of ['run', 'comp', 'done', 'undone', 'stuck']) await log.begin(id, 'saga', { id });
      await log.setStatus('comp', 'compensating', 'charge: card declined');
      await log.setStatus('done', 'completed');
      await log.setStatus('undone', 'compensated');
      await log.setStatus('stuck', 'compensation_failed', 'refund: timeout');
      expect(await log.get('comp')).toMatchObject({ status: 'compensating', error: 'charge: card declined' });
      expect(await log.get('stuck')).toMatchObject({ status: 'compensation_failed', error: 'refund: timeout' });
      expect(await log.get('done')).toMatchObject({ status: 'completed', error: null });
      const unfinished = await log.listUnfinished();
      expect(unfinished.map((r) => [r.sagaId, r.status]).sort()).toEqual([
        ['comp', 'compensating'],
        ['run', 'running'],
      ]);
      expect(unfinished.find((r) => r.sagaId === 'run')?.context).toEqual({ id: 'run' });
    });

    test('isolation', 'records are copies: changing a context object after logging it changes nothing stored', async () => {
      const log = await options.create({ namespace: namespace() });
      const ctx = { ids: ['a'] };
      const record = await log.begin('s', 'saga', ctx);
      ctx.ids.push('mutated');
      (record.context as { ids: string[] }).ids.push('mutated too');
      await log.stepCompleted('s', 0, 'a', ctx);
      ctx.ids.push('after');
      expect((await log.get('s'))?.context).toEqual({ ids: ['a', 'mutated'] });
    });

    test('compensate', 'a failing step compensates the completed ones once each, in reverse order, and the log says so', async () => {
      const log = await options.create({ namespace: namespace() });
      const effects: string[] = [];
      const out = await runSaga(makeSteps(effects, { failAt: 'notify' }), { log, sagaId: 's1', name: 'order', context: { ids: [] } });
      expect(out).toMatchObject({ status: 'compensated', failedStep: 'notify' });
      expect(effects).toEqual(['run:reserve', 'run:charge', 'undo:charge', 'undo:reserve']);
      expect(await log.get('s1')).toMatchObject({ status: 'compensated', completed: [0, 1], compensated: [0, 1] });
      expect(await log.listUnfinished()).toEqual([]);
    });

    test('resume', 'a saga that crashed forward and one that crashed compensating both finish after a restart', async () => {
      const ns = namespace();
      const real = await options.create({ namespace: ns });
      // Forward crash: logging "charge" fails as if the process died there.
      const effects: string[] = [];
      const crashing: SagaLog = {
        begin: (...a) => real.begin(...a),
        get: (...a) => real.get(...a),
        stepCompensated: (...a) => real.stepCompensated(...a),
        setStatus: (...a) => real.setStatus(...a),
        listUnfinished: () => real.listUnfinished(),
        async stepCompleted(id, index, step, ctx) {
          if (step === 'charge') throw new Error('process died');
          return real.stepCompleted(id, index, step, ctx);
        },
      };
      await expect(runSaga(makeSteps(effects), { log: crashing, sagaId: 'fwd', name: 'order', context: { ids: [] } })).rejects.toThrow(
        'process died',
      );
      // Compensation crash: notify fails, compensating charge fails its only attempt.
      const effects2: string[] = [];
      await expect(
        runSaga(makeSteps(effects2, { failAt: 'notify', crashOn: 'charge' }), {
          log: real,
          sagaId: 'comp',
          name: 'refund',
          context: { ids: [] },
          compensationAttempts: 1,
        }),
      ).rejects.toMatchObject({ code: 'SAGA_FAILED' });
      expect(await real.get('comp')).toMatchObject({ status: 'compensation_failed', completed: [0, 1] });
      // An operator fixed the cause and put it back to compensating.
      await real.setStatus('comp', 'compensating');

      const restarted = await options.create({ namespace: ns });
      const outcomes = await resumeSagas(restarted, { order: makeSteps(effects), refund: makeSteps(effects2, { failAt: 'notify' }) });
      expect(outcomes.get('fwd')?.status).toBe('completed');
      expect(outcomes.get('comp')?.status).toBe('compensated');
      expect(effects).toEqual(['run:reserve', 'run:charge', 'run:charge', 'run:notify']);
      expect(effects2).toEqual(['run:reserve', 'run:charge', 'undo:charge', 'undo:reserve']);
      expect((await restarted.get('fwd'))?.context).toEqual({ ids: ['fwd:reserve', 'fwd:charge', 'fwd:notify'] });
      expect(await restarted.get('comp')).toMatchObject({ status: 'compensated', compensated: [0, 1] });
      expect(await restarted.listUnfinished()).toEqual([]);
    });
  });
}
