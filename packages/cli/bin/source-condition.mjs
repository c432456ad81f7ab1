/**
 * Module resolve hook for running the CLI from source: adds the `@jobkit/source` export condition, so
 * workspace packages (`@jobkit/core`…) resolve to their TypeScript sources as they do in tests.
 */
export async function resolve(specifier, context, nextResolve) {
  if (context.conditions.includes('@jobkit/source')) return nextResolve(specifier, context);
  // `source` too while @jobkit/parsers still declares that condition.
  return nextResolve(specifier, { ...context, conditions: ['@jobkit/source', ...context.conditions] });
}
