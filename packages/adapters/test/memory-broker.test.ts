/** The broker contract on the in-memory reference broker: always runs, no server needed. @module */
import { createMemoryBroker } from '@jobkit/core';
import { runBrokerContract } from '@jobkit/core/testing';

runBrokerContract({
  name: 'memory',
  create: () => createMemoryBroker({ retryDelayMs: { min: 5, max: 50 } }),
});
