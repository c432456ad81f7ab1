/**
 * In-memory reference implementation of the {@link SagaLog} port.
 * @module
 */

import type { SagaLog, SagaRecord } from '../delivery/saga.js';
import { JobkitError } from '../errors.js';

/**
 * In-process saga log: for tests and single-process flows (a crash loses it). Step indices come
 * back in ascending order, as the Postgres log returns them.
 */
export function createMemorySagaLog(): SagaLog {
  const sagas = new Map<string, SagaRecord>();
  const clone = (r: SagaRecord): SagaRecord => {
    const c = structuredClone(r);
    c.completed.sort((a, b) => a - b);
    c.compensated.sort((a, b) => a - b);
    return c;
  };
  const need = (id: string): SagaRecord => {
    const r = sagas.get(id);
    if (!r) throw new JobkitError('INVALID_ARGUMENT', `[core/saga] unknown saga ${id}`);
    return r;
  };
  return {
    async begin(sagaId, name, context) {
      const existing = sagas.get(sagaId);
      if (existing) return clone(existing);
      const r: SagaRecord = {
        sagaId,
        name,
        status: 'running',
        context: structuredClone(context),
        completed: [],
        compensated: [],
        error: null,
      };
      sagas.set(sagaId, r);
      return clone(r);
    },
    async get(sagaId) {
      const r = sagas.get(sagaId);
      return r ? clone(r) : null;
    },
    async stepCompleted(sagaId, index, _step, context) {
      const r = need(sagaId);
      if (!r.completed.includes(index)) r.completed.push(index);
      r.context = structuredClone(context);
    },
    async stepCompensated(sagaId, index) {
      const r = need(sagaId);
      if (!r.compensated.includes(index)) r.compensated.push(index);
    },
    async setStatus(sagaId, status, error) {
      const r = need(sagaId);
      r.status = status;
      if (error !== undefined) r.error = error;
    },
    async listUnfinished() {
      return [...sagas.values()].filter((r) => r.status === 'running' || r.status === 'compensating').map(clone);
    },
  };
}
