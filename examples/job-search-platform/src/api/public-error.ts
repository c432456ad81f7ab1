/**
 * What an API error says to its caller: the message without Jobkit's internal module prefix
 * (`[example/api] `, `[adapters/postgres/job-store] `), which names our code, not the user's problem.
 * @module
 */

// One or more leading "[area/module] " tags; bounded, so linear on any message.
const MODULE_PREFIX = /^(?:\[[\w./-]{1,80}\]\s*){1,4}/;

/** `message` without leading `[module]` tags, capped at 500 characters. */
export function publicMessage(message: string): string {
  return message.slice(0, 2000).replace(MODULE_PREFIX, '').slice(0, 500);
}
