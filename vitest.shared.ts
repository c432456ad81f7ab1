import { relative } from 'node:path';
import { defineProject } from 'vitest/config';
import type { Reporter, TestCase, TestModule, TestSuite } from 'vitest/node';

/**
 * Export conditions that point workspace packages at their TypeScript sources: the project's own
 * `@jobkit/source` (a generic `source` would also pick up third-party packages' sources), plus
 * `source` while `@jobkit/parsers` still declares that one.
 */
const SOURCE_CONDITIONS = ['@jobkit/source'];

/** Shared per-project preset: resolve workspace packages to their sources. */
export function jobkitProject(name: string, overrides: { testTimeout?: number; include?: string[] } = {}) {
  return defineProject({
    resolve: { conditions: SOURCE_CONDITIONS },
    ssr: { resolve: { conditions: SOURCE_CONDITIONS } },
    test: {
      name,
      include: overrides.include ?? ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: overrides.testTimeout ?? 20_000,
      hookTimeout: 60_000,
    },
  });
}

/** A skipped suite or test as the skip-reason summary sees it. */
export interface SkippedEntry {
  /** `path/to/file.test.ts › Suite name` */
  where: string;
  /** Tests skipped with it (1 for a test). */
  tests: number;
  reason: string;
}

/**
 * The reason in a skipped suite's or test's name, by the repo's convention: `… (skipped: reason)` or
 * `… — skipped: reason`. Names without one (filtered by `-t`, `runIf` data checks) give `undefined`.
 */
export function skipReason(name: string): { title: string; reason: string } | undefined {
  const paren = /^(.*?)\s*\(skipped: ([^()]*)\)\s*$/.exec(name);
  if (paren) return { title: paren[1]!, reason: paren[2]!.trim() };
  const dash = /^(.*?)\s*— skipped: (.*)$/.exec(name);
  if (dash) return { title: dash[1]!, reason: dash[2]!.trim() };
  return undefined;
}

/** The summary printed after the run: each reason once, with the suites it skipped. */
export function formatSkipReasons(entries: readonly SkippedEntry[]): string {
  if (entries.length === 0) return '';
  const byReason = new Map<string, SkippedEntry[]>();
  for (const e of entries) byReason.set(e.reason, [...(byReason.get(e.reason) ?? []), e]);
  const lines = [' Skipped, by reason:'];
  for (const [reason, list] of byReason) {
    lines.push(`   ${reason}`);
    for (const e of list) lines.push(`     ${e.where}${e.tests > 1 ? ` (${e.tests} tests)` : ''}`);
  }
  return lines.join('\n');
}

/**
 * Vitest reporter that follows the default one with the reasons of skipped suites: the default
 * output shows only a count. Only skips that carry a reason in their name are listed (see
 * {@link skipReason}); a suite is listed once, not once per test inside it.
 */
export class SkipReasonsReporter implements Reporter {
  private log: (message: string) => void = (message) => console.log(message);
  private root = process.cwd();

  onInit(vitest: { logger: { log(message: string): void }; config: { root: string } }): void {
    this.log = (message) => vitest.logger.log(message);
    this.root = vitest.config.root;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const entries: SkippedEntry[] = [];
    const visit = (children: Iterable<TestSuite | TestCase>, file: string, path: string[]): void => {
      for (const child of children) {
        const found = skipReason(child.name);
        const skipped = child.type === 'suite' ? child.state() === 'skipped' : child.result().state === 'skipped';
        if (skipped && found) {
          const tests = child.type === 'suite' ? [...child.children.allTests()].length : 1;
          entries.push({ where: [file, ...path, found.title].join(' › '), tests, reason: found.reason });
          continue;
        }
        if (child.type === 'suite') visit(child.children, file, [...path, child.name]);
      }
    };
    for (const m of modules) visit(m.children, relative(this.root, m.moduleId), []);
    const text = formatSkipReasons(entries);
    if (text) this.log(`\n${text}\n`);
  }
}
