/**
 * Old home of the in-memory work queue, kept so existing imports keep working.
 * @deprecated The queue lives with the other memory reference adapters in `memory/queue.ts`.
 * @module
 */

export type { MemoryQueueOptions } from '../memory/queue.js';
export { createMemoryQueue } from '../memory/queue.js';
