/**
 * `pnpm check:packages`: what npm users receive is checked as they receive it. Each published
 * package (every `packages/*` not marked `private`) is packed with `pnpm pack` — so
 * `workspace:` ranges become versions and `files` decides the contents — and the tarball goes
 * through publint (strict: warnings fail too) and Are the Types Wrong (`attw`).
 *
 * attw runs with the `node16` profile: the packages require Node ≥ 20.19 and resolve through
 * `exports`, which TypeScript's legacy `node10` resolution never reads, so a subpath such as
 * `@jobkit/adapters/postgres` cannot type-check there without `typesVersions` shims. Every
 * modern resolution (node16/nodenext from CJS and ESM, bundler) must find matching
 * declarations for each entry. A package that exposes no importable entry (the CLI: a bin)
 * passes attw only because it has nothing to resolve; attw says so in its output.
 *
 * The packages carry no `repository` field: the project has no public repository URL yet, and a
 * guessed one would send npm users to the wrong place. Add it here and to every published
 * `package.json` once there is one.
 *
 * Run after `pnpm build` (the tarballs hold `dist`). Exits non-zero on any finding.
 *
 * @module
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const attwBin = join(root, 'node_modules', '.bin', 'attw');

interface Manifest {
  name: string;
  private?: boolean;
  exports?: Record<string, unknown>;
}

/** pnpm itself when this runs under `pnpm run` (its CLI is `npm_execpath`), else through npx. */
function pnpmCommand(): [string, string[]] {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm\.c?js$/.test(execPath)) return [process.execPath, [execPath]];
  return ['npx', ['--yes', 'pnpm@10']];
}

const published = readdirSync(join(root, 'packages'))
  .map((dir) => ({ dir: join(root, 'packages', dir), file: join(root, 'packages', dir, 'package.json') }))
  .filter(({ file }) => existsSync(file))
  .map(({ dir, file }) => ({ dir, manifest: JSON.parse(readFileSync(file, 'utf8')) as Manifest }))
  .filter(({ manifest }) => manifest.private !== true);

const missingBuild = published.filter(({ dir }) => !existsSync(join(dir, 'dist')));
if (missingBuild.length > 0) {
  console.error(`check:packages: no dist in ${missingBuild.map((p) => p.manifest.name).join(', ')}; run \`pnpm build\` first`);
  process.exit(1);
}

const packDir = mkdtempSync(join(tmpdir(), 'jobkit-pack-'));
let failed = false;
try {
  const [pnpm, pnpmArgs] = pnpmCommand();
  // Packing is I/O and process start-up: all packages at once.
  const tarballs = await Promise.all(
    published.map(async ({ dir, manifest }) => {
      const dest = mkdtempSync(join(packDir, 'p-'));
      await run(pnpm, [...pnpmArgs, 'pack', '--pack-destination', dest, '--config.ignore-scripts=true'], { cwd: dir });
      const [tgz] = readdirSync(dest).filter((f) => f.endsWith('.tgz'));
      if (!tgz) throw new Error(`check:packages: pnpm pack wrote no tarball for ${manifest.name}`);
      return { manifest, tarball: join(dest, tgz) };
    }),
  );

  for (const { manifest, tarball } of tarballs) {
    const data = readFileSync(tarball);
    const lint = await publint({
      pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer },
      level: 'suggestion',
      strict: true,
    });
    const findings = lint.messages.map((m) => `  publint ${m.type}: ${formatMessage(m, lint.pkg, { color: false }) ?? m.code}`);
    // Suggestions are printed; errors and (strict) warnings fail.
    if (lint.messages.some((m) => m.type !== 'suggestion')) failed = true;

    // attw's exit status applies the profile (its JSON lists the ignored node10 findings too).
    let attwOutput: string;
    let attwOk = true;
    try {
      attwOutput = (await run(attwBin, [tarball, '--profile', 'node16', '--format', 'ascii', '--no-color', '--no-emoji'])).stdout;
    } catch (error) {
      attwOk = false;
      attwOutput = (error as { stdout?: string }).stdout || String(error);
    }
    // "No types" is an answer only for a package with nothing to import (every export a plain file).
    const importable = Object.values(manifest.exports ?? {}).some((t) => typeof t === 'object' && t !== null);
    const untyped = /does not contain types/.test(attwOutput);
    if (untyped && importable) attwOk = false;
    if (!attwOk) failed = true;

    console.log(
      `${manifest.name}: publint ${findings.length === 0 ? 'ok' : `${findings.length} finding(s)`}, attw ${attwOk ? (untyped ? 'ok (no entry to type)' : 'ok') : 'PROBLEMS'}`,
    );
    for (const line of findings) console.log(line);
    if (!attwOk) console.log(attwOutput.trim().replace(/^/gm, '  attw: '));
  }
} finally {
  rmSync(packDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
