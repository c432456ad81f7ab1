import type { SagaLog } from '../delivery/saga.js';
import { runSagaLogContract } from '../testing/saga-log-contract.js';
import { createMemorySagaLog } from './saga-log.js';

// A "restart" of an in-memory log is the same log: the process keeps it.
const logs = new Map<string, SagaLog>();
runSagaLogContract({
  name: 'memory',
  create: ({ namespace }) => {
    const log = logs.get(namespace) ?? createMemorySagaLog();
    logs.set(namespace, log);
    return log;
  },
});
