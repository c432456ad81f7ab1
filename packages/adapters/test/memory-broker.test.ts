/** The broker contract on the in-memory reference broker: always runs, no server needed. @module */
import { createMemoryBroker } from '@jobkit/core';
import { runBrokerContract } from '@jobkit/core/testing';

runBrokerContract({
  name: 'memory',
  create: () => createMemoryBroker({ retryDelayMs: { min: 5, max: 50 } }),
});

// Same contract while the broker shuffles delivery across keys: per-key guarantees must not rely on luck.
runBrokerContract({
  name: 'memory (cross-key reordering)',
  create: () => createMemoryBroker({ retryDelayMs: { min: 5, max: 50 }, reorder: true }),
});
