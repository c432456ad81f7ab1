/**
 * Compensation for business failures in multi-step flows (a saga). Each completed step is logged;
 * on failure the completed steps' compensations run once each in reverse order. With a durable
 * {@link SagaLog} a crashed saga resumes where it stopped, forward or compensating.
 *
 * Transport failures (a publish that failed after commit) are NOT a reason to compensate: retry the
 * publish through the outbox instead (see docs on delivery semantics).
 * @module
 */
import { JobkitError } from '../errors.js';

export type SagaStatus = 'running' | 'compensating' | 'completed' | 'compensated' | 'compensation_failed';

/** Passed to every step: use `idempotencyKey` for side effects so a re-run after a crash is harmless. */
export interface SagaStepMeta {
  sagaId: string;
  step: string;
  index: number;
  /** `sagaId:step`, stable across retries and resumes. */
  idempotencyKey: string;
}

export interface SagaStep<C extends object = Record<string, unknown>> {
  /** Unique within the saga; logged. */
  name: string;
  /** Forward action; may add outputs to `ctx` (the context is logged after each step, so keep it JSON). */
  run(ctx: C, meta: SagaStepMeta): Promise<void> | void;
  /** Undo of `run`; must be idempotent (it is retried and re-run after a crash). */
  compensate?(ctx: C, meta: SagaStepMeta): Promise<void> | void;
}

export interface SagaRecord {
  sagaId: string;
  name: string;
  status: SagaStatus;
  context: unknown;
  /** Indices of steps whose `run` completed. */
  completed: number[];
  /** Indices of steps whose `compensate` completed. */
  compensated: number[];
  error: string | null;
}

/** Durable record of saga progress: `createMemorySagaLog()` (memory/saga-log.ts), `createPostgresSagaLog` in adapters. */
export interface SagaLog {
  /** Create the record, or return the existing one for this id (resume). */
  begin(sagaId: string, name: string, context: unknown): Promise<SagaRecord>;
  get(sagaId: string): Promise<SagaRecord | null>;
  stepCompleted(sagaId: string, index: number, step: string, context: unknown): Promise<void>;
  stepCompensated(sagaId: string, index: number, step: string): Promise<void>;
  setStatus(sagaId: string, status: SagaStatus, error?: string | null): Promise<void>;
  /** Sagas still `running` or `compensating` (what a restart must resume). */
  listUnfinished(): Promise<SagaRecord[]>;
}

export interface RunSagaOptions<C extends object> {
  log: SagaLog;
  sagaId: string;
  /** Saga type name; `resumeSagas` uses it to find the step list. @default 'saga' */
  name?: string;
  /** Initial context (ignored when resuming: the logged context wins). @default {} */
  context?: C;
  /** Attempts per compensation before the saga ends in `compensation_failed`. @default 3 */
  compensationAttempts?: number;
}

export interface SagaOutcome<C> {
  status: 'completed' | 'compensated';
  context: C;
  /** The step failure that triggered compensation. */
  error?: unknown;
  failedStep?: string;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Run (or resume) a saga. Resolves `completed` or `compensated`; when a compensation keeps
 * failing it records `compensation_failed` and throws `SAGA_FAILED` (an operator must look).
 * Steps whose `run` never completed are not compensated; a step interrupted by a crash is run
 * again on resume, so forward steps must be idempotent too.
 */
export async function runSaga<C extends object>(steps: readonly SagaStep<C>[], options: RunSagaOptions<C>): Promise<SagaOutcome<C>> {
  const { log, sagaId } = options;
  const names = new Set(steps.map((s) => s.name));
  if (!sagaId || names.size !== steps.length) {
    throw new JobkitError('INVALID_ARGUMENT', '[core/saga] sagaId is required and step names must be unique');
  }
  const record = await log.begin(sagaId, options.name ?? 'saga', options.context ?? {});
  const ctx = (record.context ?? {}) as C;
  const meta = (index: number): SagaStepMeta => {
    const step = steps[index]!.name;
    return { sagaId, step, index, idempotencyKey: `${sagaId}:${step}` };
  };
  if (record.status === 'completed' || record.status === 'compensated') {
    return { status: record.status, context: ctx };
  }
  if (record.status === 'compensation_failed') {
    throw new JobkitError('SAGA_FAILED', `[core/saga] saga ${sagaId} needs an operator: ${record.error ?? ''}`, {
      details: { sagaId, status: record.status },
    });
  }
  const completed = new Set(record.completed);
  let failure: unknown = record.status === 'compensating' ? new Error(record.error ?? 'resumed compensation') : undefined;
  let failedStep: string | undefined;

  if (record.status === 'running') {
    for (let i = 0; i < steps.length; i++) {
      if (completed.has(i)) continue;
      try {
        await steps[i]!.run(ctx, meta(i));
      } catch (error) {
        failure = error;
        failedStep = steps[i]!.name;
        break;
      }
      await log.stepCompleted(sagaId, i, steps[i]!.name, ctx);
      completed.add(i);
    }
    if (failure === undefined) {
      await log.setStatus(sagaId, 'completed');
      return { status: 'completed', context: ctx };
    }
    await log.setStatus(sagaId, 'compensating', `${failedStep}: ${message(failure)}`);
  }

  const compensated = new Set(record.compensated);
  const attempts = Math.max(1, options.compensationAttempts ?? 3);
  for (const i of [...completed].sort((a, b) => b - a)) {
    if (compensated.has(i)) continue;
    const step = steps[i];
    if (!step) continue;
    let lastError: unknown;
    let done = !step.compensate;
    for (let a = 0; a < attempts && !done; a++) {
      try {
        await step.compensate!(ctx, meta(i));
        done = true;
      } catch (error) {
        lastError = error;
      }
    }
    if (!done) {
      await log.setStatus(sagaId, 'compensation_failed', `${step.name}: ${message(lastError)}`);
      throw new JobkitError('SAGA_FAILED', `[core/saga] compensation of step "${step.name}" failed in saga ${sagaId}`, {
        cause: lastError,
        details: { sagaId, step: step.name, status: 'compensation_failed' },
      });
    }
    await log.stepCompensated(sagaId, i, step.name);
  }
  await log.setStatus(sagaId, 'compensated');
  return { status: 'compensated', context: ctx, error: failure, ...(failedStep ? { failedStep } : {}) };
}

/**
 * After a restart: resume every unfinished saga whose `name` has a step list in `definitions`.
 * Returns the outcome per saga id (sagas ending in `compensation_failed` are reported, not thrown).
 */
export async function resumeSagas(
  log: SagaLog,
  definitions: Record<string, readonly SagaStep<any>[]>,
): Promise<Map<string, SagaOutcome<unknown> | { status: 'compensation_failed'; error: unknown }>> {
  const out = new Map<string, SagaOutcome<unknown> | { status: 'compensation_failed'; error: unknown }>();
  for (const record of await log.listUnfinished()) {
    const steps = definitions[record.name];
    if (!steps) continue;
    try {
      out.set(record.sagaId, await runSaga(steps, { log, sagaId: record.sagaId, name: record.name }));
    } catch (error) {
      if (!JobkitError.is(error, 'SAGA_FAILED')) throw error;
      out.set(record.sagaId, { status: 'compensation_failed', error });
    }
  }
  return out;
}
