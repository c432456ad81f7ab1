/**
 * Docs test: every `ts` block of README.md, docs/**\/*.md and packages/*\/README.md is type-checked
 * as an external app sees the packages (a temp app with the `npm pack` tarballs of the BUILT
 * packages unpacked into its node_modules, so imports go through each package's `exports` to what
 * it ships; strict, `moduleResolution: nodenext`),
 * and blocks marked `run` are executed offline in a fresh directory each (a static server on
 * 127.0.0.1 over examples/parse-demo/pages, PGlite on disk, the Pub/Sub emulator when
 * PUBSUB_EMULATOR_HOST is set) and must exit 0 on their own within the timeout.
 * Marker grammar: ./extract.ts. Needs `pnpm build` first. Usage: `pnpm test:docs [--keep] [--verbose]`
 * (`--keep` leaves the temp app for a look, `--verbose` prints what each run block printed).
 * @module
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DocBlock, extractBlocks } from './extract.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PACKAGES = ['core', 'parsers', 'adapters', 'cli'] as const;
/** What a user installs next to the packages for the snippets: optional peers, types, vitest. */
const APP_DEPS = [
  'pg',
  '@types/pg',
  '@electric-sql/pglite',
  'chdb',
  '@clickhouse/client',
  'typesense',
  '@google-cloud/pubsub',
  'vitest',
  '@types/node',
  'cheerio',
  '@crawlee/cheerio',
];
const RUN_TIMEOUT_MS = Number(process.env.DOCS_TEST_TIMEOUT_MS ?? 60_000);
const RUN_CONCURRENCY = Math.max(1, Number(process.env.DOCS_TEST_CONCURRENCY ?? 2));
/** Engines the runnable blocks must not reach: they fall back to their embedded defaults. */
const SCRUBBED_ENV = ['DATABASE_URL', 'CLICKHOUSE_URL', 'TYPESENSE_URL', 'TYPESENSE_API_KEY', 'GOOGLE_CLOUD_PROJECT'];
const keep = process.argv.includes('--keep');
const verbose = process.argv.includes('--verbose');

function docFiles(): string[] {
  const out = ['README.md'];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(ROOT, dir)).sort()) {
      const rel = join(dir, name);
      if (name === 'api' && dir === 'docs') continue; // generated TypeDoc output
      if (statSync(join(ROOT, rel)).isDirectory()) walk(rel);
      else if (name.endsWith('.md')) out.push(rel);
    }
  };
  walk('docs');
  for (const p of PACKAGES) if (existsSync(join(ROOT, 'packages', p, 'README.md'))) out.push(join('packages', p, 'README.md'));
  return out;
}

/** The first node_modules that has `name`: the adapters package (peers), parsers (cheerio), the Crawlee example, then the root (tools). */
function findDep(name: string): string | null {
  for (const base of [
    'packages/adapters/node_modules',
    'packages/core/node_modules',
    'packages/parsers/node_modules',
    'examples/crawlee-crawler/node_modules',
    'node_modules',
  ]) {
    const p = join(ROOT, base, name);
    if (existsSync(p)) return realpathSync(p);
  }
  return null;
}

function link(target: string, at: string): void {
  mkdirSync(dirname(at), { recursive: true });
  symlinkSync(target, at, 'dir');
}

/**
 * Install the packages as npm would ship them: `npm pack` each (so only what `files` lists is
 * there), unpack into the app's node_modules, and link each package's own runtime dependencies
 * from the workspace install (the sandbox has no registry; the @jobkit siblings resolve to each other).
 */
async function installPacked(dir: string): Promise<void> {
  const tarballs = join(dir, 'tarballs');
  mkdirSync(tarballs, { recursive: true });
  await Promise.all(
    PACKAGES.map(async (p) => {
      const pkgDir = join(ROOT, 'packages', p);
      const packed = await run('npm', ['pack', '--silent', '--pack-destination', tarballs], {
        cwd: pkgDir,
        env: { ...process.env, npm_config_loglevel: 'error' },
      });
      const file = packed.out.trim().split('\n').pop() ?? '';
      if (packed.code !== 0 || !file.endsWith('.tgz')) throw new Error(`npm pack failed in packages/${p}: ${packed.out}`);
      const target = join(dir, 'node_modules', '@jobkit', p);
      mkdirSync(target, { recursive: true });
      const untar = await run('tar', ['-xzf', join(tarballs, file), '-C', target, '--strip-components=1'], { cwd: dir });
      if (untar.code !== 0) throw new Error(`could not unpack ${file}: ${untar.out}`);
      const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
      for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
        if (dep.startsWith('@jobkit/')) continue;
        const from = join(pkgDir, 'node_modules', dep);
        if (existsSync(from)) link(realpathSync(from), join(target, 'node_modules', dep));
      }
    }),
  );
}

function makeApp(dir: string): void {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'docs-test-app', private: true, type: 'module' }, null, 2));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023'],
          module: 'nodenext',
          moduleResolution: 'nodenext',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
          isolatedModules: true,
        },
        include: ['blocks/*.ts'],
      },
      null,
      2,
    ),
  );
  for (const d of APP_DEPS) {
    const found = findDep(d);
    if (found) link(found, join(dir, 'node_modules', d));
    else console.warn(`docs-test: ${d} is not installed in the workspace; blocks importing it will fail to type-check`);
  }
}

function checkDist(): void {
  for (const p of PACKAGES) {
    const dist = join(ROOT, 'packages', p, 'dist');
    if (!existsSync(dist)) {
      console.error(`docs-test: packages/${p}/dist is missing: run \`npx --yes pnpm@10 build\` first`);
      process.exit(2);
    }
  }
}

/** Bare package names a snippet imports (static or dynamic), without node: builtins. */
function importedPackages(code: string): Set<string> {
  const out = new Set<string>();
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"\n]{1,200})['"]/gm)) {
    const spec = m[1]!;
    if (spec.startsWith('.') || spec.startsWith('node:') || spec.startsWith('/')) continue;
    const parts = spec.split('/');
    out.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
  }
  return out;
}

function slug(b: DocBlock, i: number): string {
  return `b${String(i).padStart(2, '0')}-${b.file.replace(/[^A-Za-z0-9]+/g, '-').replace(/-md$/, '')}-L${b.line}`;
}

/** Prelude and block as one module; the prelude's imports are hoisted by ESM anyway. */
function source(b: DocBlock): { text: string; offset: number } {
  const prelude = b.prelude ? `${b.prelude}\n` : '';
  const offset = prelude === '' ? 0 : prelude.split('\n').length - 1;
  return { text: `${prelude}${b.code}\nexport {};\n`, offset };
}

function run(cmd: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }) {
  return new Promise<{ code: number | null; out: string; timedOut: boolean; ms: number }>((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    let timedOut = false;
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            child.kill('SIGKILL');
          }
        }, options.timeoutMs)
      : undefined;
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, out, timedOut, ms: Date.now() - started });
    });
  });
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
};

/** The demo's shipped pages on 127.0.0.1; blocks get the base URL as DOCS_TEST_BASE_URL. */
function startPageServer(dir: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const name = basename(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(dir, name);
    if (name === '' || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(name)] ?? 'text/plain' }).end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` })),
  );
}

async function main(): Promise<void> {
  const t0 = Date.now();
  checkDist();
  const blocks = docFiles().flatMap((f) => extractBlocks(f, readFileSync(join(ROOT, f), 'utf8')));
  const failures: string[] = [];
  const skipped: string[] = [];
  for (const b of blocks) {
    if (b.mode === null) {
      failures.push(
        `${b.file}:${b.line}: ${b.reason || 'no docs-test marker: put <!-- docs-test: run --> or <!-- docs-test: skip <reason> --> on the line before the block'}`,
      );
    }
  }
  // Every package a snippet imports is named in the README's install section.
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const install = /^## Install\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1] ?? '';
  if (install === '') failures.push('README.md: no "## Install" section');
  for (const b of blocks) {
    if (b.mode === 'ignore') continue;
    for (const pkg of importedPackages(`${b.prelude}\n${b.code}`)) {
      if (!install.includes(`\`${pkg}\``) && !install.includes(`\`${pkg}/`)) {
        failures.push(`${b.file}:${b.line}: imports ${pkg}, which README.md's install section does not name`);
      }
    }
  }
  const app = mkdtempSync(join(tmpdir(), 'jobkit-docs-test-'));
  makeApp(app);
  const packStarted = Date.now();
  await installPacked(app);
  const packMs = Date.now() - packStarted;
  mkdirSync(join(app, 'blocks'));
  const files = new Map<string, { block: DocBlock; offset: number }>();
  blocks.forEach((b, i) => {
    if (b.mode === 'ignore') {
      skipped.push(`${b.file}:${b.line}: not type-checked: ${b.reason}`);
      return;
    }
    const name = `${slug(b, i)}.ts`;
    const { text, offset } = source(b);
    writeFileSync(join(app, 'blocks', name), text);
    files.set(name, { block: b, offset });
  });

  // One tsc over every block: a fresh app's view of the packages (exports → dist .d.ts).
  const tsc =
    files.size === 0
      ? { code: 0, out: '', ms: 0 }
      : await run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--pretty', 'false'], {
          cwd: app,
        });
  const badBlocks = new Set<string>();
  if (tsc.code !== 0) {
    for (const line of tsc.out.split('\n')) {
      const m = /^blocks\/([^()]+)\((\d+),(\d+)\): (.*)$/.exec(line.trim());
      const hit = m ? files.get(m[1]!) : undefined;
      if (m && hit) {
        badBlocks.add(m[1]!);
        const mdLine = hit.block.line + Number(m[2]) - 1 - hit.offset;
        failures.push(`${hit.block.file}:${mdLine}: type error: ${m[4]}${Number(m[2]) <= hit.offset ? ' (in the hidden prelude)' : ''}`);
      } else if (/^\s/.test(line) && failures.length > 0 && line.trim() !== '') {
        failures[failures.length - 1] += `\n    ${line.trim()}`; // continuation of the previous diagnostic
      } else if (line.trim() !== '') {
        failures.push(`tsc: ${line.trim()}`);
      }
    }
  }
  const tscMs = tsc.ms;

  // Execute the runnable blocks, one at a time, each in a fresh working directory.
  const { server, base } = await startPageServer(join(ROOT, 'examples', 'parse-demo', 'pages'));
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  let ran = 0;
  const queue: { name: string; block: DocBlock }[] = [];
  for (const [name, { block }] of files) {
    if (block.mode === null) continue; // already a failure: no marker
    if (block.mode === 'skip') {
      skipped.push(`${block.file}:${block.line}: type-checked, not run: ${block.reason}`);
      continue;
    }
    const missing = block.needs.filter((v) => !process.env[v]);
    if (missing.length > 0) {
      skipped.push(`${block.file}:${block.line}: type-checked, not run: ${missing.join(', ')} not set`);
      continue;
    }
    if (!badBlocks.has(name)) queue.push({ name, block });
  }
  const runOne = async ({ name, block }: { name: string; block: DocBlock }): Promise<void> => {
    const cwd = join(app, 'run', name.replace(/\.ts$/, ''));
    mkdirSync(cwd, { recursive: true });
    const env: NodeJS.ProcessEnv = { ...process.env, DOCS_TEST_BASE_URL: base, NODE_OPTIONS: '' };
    for (const k of SCRUBBED_ENV) delete env[k];
    const r = await run(process.execPath, [tsx, '--tsconfig', join(app, 'tsconfig.json'), join(app, 'blocks', name)], {
      cwd,
      env,
      timeoutMs: RUN_TIMEOUT_MS,
    });
    ran++;
    const tail = r.out.trim().split('\n').slice(-15).join('\n    ');
    if (r.timedOut) failures.push(`${block.file}:${block.line}: did not exit on its own within ${RUN_TIMEOUT_MS / 1000} s\n    ${tail}`);
    else if (r.code !== 0) failures.push(`${block.file}:${block.line}: exited with ${r.code}\n    ${tail}`);
    else
      console.log(
        `ran  ${block.file}:${block.line} (${(r.ms / 1000).toFixed(1)} s)${verbose && r.out.trim() ? `\n    ${r.out.trim().split('\n').join('\n    ')}` : ''}`,
      );
  };
  try {
    // Two at a time: the blocks mostly wait on PGlite/chDB start-up, and CI has two cores.
    const workers = Array.from({ length: RUN_CONCURRENCY }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await runOne(next);
    });
    await Promise.all(workers);
  } finally {
    server.close();
  }

  for (const s of skipped) console.log(`skip ${s}`);
  console.log(
    `\ndocs-test: ${blocks.length} blocks in ${new Set(blocks.map((b) => b.file)).size} files; ` +
      `packed and unpacked in ${(packMs / 1000).toFixed(1)} s; ${files.size} type-checked (${(tscMs / 1000).toFixed(1)} s), ${ran} run, ${skipped.length} skipped; ` +
      `${failures.length} failure(s) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  if (keep) console.log(`app kept at ${app}`);
  else rmSync(app, { recursive: true, force: true });
  if (failures.length > 0) {
    console.error(`\n${failures.map((f) => `FAIL ${f}`).join('\n')}`);
    process.exitCode = 1;
  }
}

await main();
