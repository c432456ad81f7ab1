/**
 * Module resolve hook for running the CLI from source: adds the `source` export condition, so
 * workspace packages (`@jobkit/core`…) resolve to their TypeScript sources as they do in tests.
 */
export async function resolve(specifier, context, nextResolve) {
  if (context.conditions.includes('source')) return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: ['source', ...context.conditions] });
}
