/**
 * ReDoS check over every regular expression in `packages/`: regex literals, and `RegExp(…)` /
 * `new RegExp(…)` whose pattern folds to a constant (string literals, templates and `+` over
 * same-file `const` strings, a regex's `.source`, `[…].join(sep)` of those). Regexes are found
 * with the TypeScript compiler API (a grep misses regexes split over lines and finds ones inside
 * strings and comments), and each distinct pattern is analysed with `recheck`. A pattern recheck
 * calls exponential or polynomial fails the run: on untrusted text it is a hang waiting to happen.
 *
 * Usage: `tsx scripts/check-regex.ts [--all] [--json] [dir or file…]` (default: `packages`).
 * `--all` takes test files too (by default `*.test.ts` and `test/` folders are left out: their
 * regexes match our own output, never untrusted text). Results are cached by recheck version,
 * pattern and flags in `node_modules/.cache/jobkit-check-regex.json`, so reruns take seconds.
 * Exit codes: 0 all safe, 1 a vulnerable pattern, 2 a pattern recheck could not decide (it timed
 * out after 20 s: simplify it) or the checker itself failed. Timeouts are cached too; delete the
 * cache file to retry them.
 * Patterns built at run time from non-constant parts are listed as "dynamic" and not checked:
 * keep their building blocks linear (alternations of escaped literals).
 * @module
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE_FILE = join(ROOT, 'node_modules/.cache/jobkit-check-regex.json');
const SKIP_DIRS = new Set(['node_modules', 'dist', 'coverage', '.turbo']);

/** One regular expression found in a source file. */
export interface FoundRegex {
  file: string;
  /** 1-based line and column of the literal or the `RegExp` call. */
  line: number;
  column: number;
  /** Pattern source (what `RegExp#source` would give); `null` when it is built at run time. */
  source: string | null;
  flags: string;
  /** `literal` for `/…/`, `constructor` for `RegExp(…)` with a constant pattern, `dynamic` otherwise. */
  kind: 'literal' | 'constructor' | 'dynamic';
}

/** Verdict on one distinct pattern. */
export interface RegexVerdict {
  status: 'safe' | 'vulnerable' | 'unknown';
  /** recheck's complexity summary, e.g. "2nd degree polynomial". */
  complexity?: string;
  /** An attack string recheck found, as a JS expression. */
  attack?: string;
  /** Why the status is `unknown` (timeout, unsupported syntax…). */
  error?: string;
}

/** Split a regex literal's text (`/a+b/gi`) into source and flags. */
function splitLiteral(text: string): { source: string; flags: string } {
  const end = text.lastIndexOf('/');
  return { source: text.slice(1, end), flags: text.slice(end + 1) };
}

/**
 * Fold an expression to a constant string when it is built from literals and same-file `const`
 * declarations; `undefined` when any part is only known at run time.
 */
function foldString(node: ts.Expression, consts: Map<string, ts.Expression>, seen: Set<string> = new Set()): string | undefined {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node))
    return foldString(node.expression, consts, seen);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    let out = node.head.text;
    for (const span of node.templateSpans) {
      const part = foldString(span.expression, consts, seen);
      if (part === undefined) return undefined;
      out += part + span.literal.text;
    }
    return out;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = foldString(node.left, consts, seen);
    const right = left === undefined ? undefined : foldString(node.right, consts, seen);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  if (ts.isIdentifier(node)) {
    const init = consts.get(node.text);
    if (!init || seen.has(node.text)) return undefined;
    return foldString(init, consts, new Set([...seen, node.text]));
  }
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'source') {
    const target = ts.isIdentifier(node.expression) ? consts.get(node.expression.text) : node.expression;
    if (target && ts.isRegularExpressionLiteral(target)) return splitLiteral(target.text).source;
    return undefined;
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'join') {
    let list: ts.Expression | undefined = node.expression.expression;
    if (ts.isIdentifier(list)) list = consts.get(list.text);
    if (!list || !ts.isArrayLiteralExpression(list)) return undefined;
    const sepArg = node.arguments[0];
    const sep = sepArg === undefined ? ',' : foldString(sepArg, consts, seen);
    if (sep === undefined) return undefined;
    const parts: string[] = [];
    for (const el of list.elements) {
      const p = ts.isSpreadElement(el) ? undefined : foldString(el, consts, seen);
      if (p === undefined) return undefined;
      parts.push(p);
    }
    return parts.join(sep);
  }
  return undefined;
}

/** Every regex literal and `RegExp` construction in one file's text. */
export function findRegexes(file: string, text: string): FoundRegex[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const consts = new Map<string, ts.Expression>();
  const declare = (node: ts.Node): void => {
    if (ts.isVariableDeclarationList(node) && node.flags & ts.NodeFlags.Const) {
      for (const d of node.declarations) if (ts.isIdentifier(d.name) && d.initializer) consts.set(d.name.text, d.initializer);
    }
    ts.forEachChild(node, declare);
  };
  declare(sf);
  const out: FoundRegex[] = [];
  const at = (node: ts.Node) => {
    const pos = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    return { file, line: pos.line + 1, column: pos.character + 1 };
  };
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      out.push({ ...at(node), ...splitLiteral(node.text), kind: 'literal' });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    ) {
      const [patternArg, flagsArg] = node.arguments ?? [];
      if (patternArg) {
        // `new RegExp(/x/, 'g')` copies a literal the visitor reports on its own.
        if (!ts.isRegularExpressionLiteral(patternArg)) {
          const source = foldString(patternArg, consts);
          const flags = flagsArg === undefined ? '' : foldString(flagsArg, consts);
          out.push(
            source === undefined || flags === undefined
              ? { ...at(node), source: null, flags: flags ?? '', kind: 'dynamic' }
              : { ...at(node), source, flags, kind: 'constructor' },
          );
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** TypeScript sources under `dir`, or `dir` itself when it is a file (tests only with `includeTests`). */
export function listSources(dir: string, includeTests = false): string[] {
  if (statSync(dir).isFile()) return [dir];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (SKIP_DIRS.has(name) || name.startsWith('.')) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (!includeTests && (name === 'test' || name === 'tests' || name === '__tests__')) continue;
        walk(p);
      } else if (/\.(?:c|m)?tsx?$/.test(name) && !name.endsWith('.d.ts') && (includeTests || !/\.(?:test|spec)\.tsx?$/.test(name))) {
        out.push(p);
      }
    }
  };
  walk(dir);
  return out.sort();
}

type RecheckModule = typeof import('recheck');

function recheckVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    return (require('recheck/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Cache key of one pattern: recheck's verdict depends on its version, the source and the flags. */
const keyOf = (version: string, source: string, flags: string) => `${version}\u0000${flags}\u0000${source}`;

/**
 * Analyse distinct patterns with recheck, `concurrency` at a time (the native backend answers
 * requests from one child process), reusing cached verdicts.
 */
export async function checkPatterns(
  patterns: ReadonlyArray<{ source: string; flags: string }>,
  options: { concurrency?: number; cache?: boolean; timeoutMs?: number } = {},
): Promise<Map<string, RegexVerdict>> {
  const { check } = (await import('recheck')) as RecheckModule;
  const version = recheckVersion();
  const useCache = options.cache ?? true;
  const cache: Record<string, RegexVerdict> = useCache && existsSync(CACHE_FILE) ? safeJson(readFileSync(CACHE_FILE, 'utf8')) : {};
  const verdicts = new Map<string, RegexVerdict>();
  const todo: Array<{ source: string; flags: string; key: string }> = [];
  for (const p of patterns) {
    const key = keyOf(version, p.source, p.flags);
    if (verdicts.has(key)) continue;
    const hit = cache[key];
    if (hit && isFinal(hit)) verdicts.set(key, hit);
    else {
      verdicts.set(key, { status: 'unknown', error: 'pending' });
      todo.push({ ...p, key });
    }
  }
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const item = todo[next++]!;
      try {
        // Verdicts depend on step counts only: recheck's per-phase time limits (attack 1 s, incubation
        // 250 ms, seeding) turn a slow, loaded machine into "vulnerable" at random, so they are off and
        // the fixed seed makes a run repeatable; the overall timeout still ends an undecidable pattern.
        const d = await check(item.source, item.flags, {
          timeout: options.timeoutMs ?? 20_000,
          randomSeed: 0,
          attackTimeout: null,
          incubationTimeout: null,
          seedingTimeout: null,
        });
        const verdict: RegexVerdict =
          d.status === 'vulnerable'
            ? { status: 'vulnerable', complexity: d.complexity.summary, attack: d.attack.pattern }
            : d.status === 'safe'
              ? { status: 'safe', complexity: d.complexity.summary }
              : {
                  status: 'unknown',
                  error: d.error.kind === 'timeout' ? 'timeout' : 'message' in d.error ? String(d.error.message) : d.error.kind,
                };
        verdicts.set(item.key, verdict);
      } catch (error) {
        verdicts.set(item.key, { status: 'unknown', error: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  if (useCache) {
    const merged = { ...cache };
    for (const [k, v] of verdicts) if (isFinal(v)) merged[k] = v;
    mkdirSync(dirname(CACHE_FILE), { recursive: true });
    writeFileSync(CACHE_FILE, JSON.stringify(merged));
  }
  return verdicts;
}

/** Verdicts worth caching: safe, vulnerable, or a timeout (the same pattern times out again; retrying costs the full timeout every run). */
function isFinal(verdict: RegexVerdict): boolean {
  return verdict.status !== 'unknown' || verdict.error === 'timeout';
}

function safeJson(text: string): Record<string, RegexVerdict> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, RegexVerdict>) : {};
  } catch {
    return {};
  }
}

/** Result of checking a set of files. */
export interface CheckReport {
  found: FoundRegex[];
  vulnerable: Array<FoundRegex & { verdict: RegexVerdict }>;
  unknown: Array<FoundRegex & { verdict: RegexVerdict }>;
  dynamic: FoundRegex[];
  distinct: number;
}

/** Find and check every regex in `files`. */
export async function checkFiles(files: readonly string[], options: { cache?: boolean; concurrency?: number } = {}): Promise<CheckReport> {
  const found = files.flatMap((f) => findRegexes(relative(ROOT, f), readFileSync(f, 'utf8')));
  const checkable = found.filter((r): r is FoundRegex & { source: string } => r.source !== null);
  const verdicts = await checkPatterns(checkable, options);
  const version = recheckVersion();
  const vulnerable: CheckReport['vulnerable'] = [];
  const unknown: CheckReport['unknown'] = [];
  for (const r of checkable) {
    const verdict = verdicts.get(keyOf(version, r.source, r.flags))!;
    if (verdict.status === 'vulnerable') vulnerable.push({ ...r, verdict });
    else if (verdict.status === 'unknown') unknown.push({ ...r, verdict });
  }
  return { found, vulnerable, unknown, dynamic: found.filter((r) => r.kind === 'dynamic'), distinct: verdicts.size };
}

async function main(argv: string[]): Promise<number> {
  const includeTests = argv.includes('--all');
  const json = argv.includes('--json');
  const dirs = argv.filter((a) => !a.startsWith('--'));
  const files = (dirs.length > 0 ? dirs : ['packages']).flatMap((d) => listSources(resolve(ROOT, d), includeTests));
  const t0 = performance.now();
  const report = await checkFiles(files);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  if (json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    for (const r of report.vulnerable) {
      console.log(
        `VULNERABLE ${r.file}:${r.line}:${r.column}  /${r.source}/${r.flags}  ${r.verdict.complexity ?? ''}  attack: ${(r.verdict.attack ?? '').slice(0, 120)}`,
      );
    }
    for (const r of report.unknown)
      console.log(`UNKNOWN    ${r.file}:${r.line}:${r.column}  /${r.source}/${r.flags}  (${r.verdict.error})`);
    for (const r of report.dynamic) console.log(`dynamic    ${r.file}:${r.line}:${r.column}  (pattern built at run time; not checked)`);
    console.log(
      `check-regex: ${files.length} files, ${report.found.length} regexes (${report.distinct} distinct patterns), ` +
        `${report.vulnerable.length} vulnerable, ${report.unknown.length} unknown, ${report.dynamic.length} dynamic, ${seconds}s`,
    );
  }
  if (report.vulnerable.length > 0) return 1;
  return report.unknown.length > 0 ? 2 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
