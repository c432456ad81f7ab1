/**
 * `jobkit` entry logic: picks the subcommand, parses its options with `node:util` `parseArgs`
 * (strict, so typos are usage errors), handles `--help`/`--version`, and maps every failure to
 * an exit code and a message (plus a JSON error object on stdout under `--json`).
 * @module
 */
import { parseArgs } from 'node:util';
import pkg from '../package.json' with { type: 'json' };
import { type CliIo, type Command, GLOBAL_OPTIONS, writeJson, writeLine } from './command.js';
import { crawlCommand } from './commands/crawl.js';
import { detectCommand } from './commands/detect.js';
import { parseCommand } from './commands/parse.js';
import { searchCommand } from './commands/search.js';
import { EXIT, type ExitCode, errorJson, formatError, UsageError } from './errors.js';

const COMMANDS: readonly Command[] = [parseCommand, detectCommand, crawlCommand, searchCommand];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `jobkit ${pkg.version}: parse, detect, crawl and search job postings

Usage: jobkit <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Global options:
  -h, --help        Show help (also \`jobkit <command> --help\`).
  -v, --version     Print the version.
  --json            Machine-readable output on stdout.
  --allow-private   Allow fetching private/loopback addresses (the SSRF guard is on otherwise).

Exit codes: 0 ok, 1 runtime failure, 2 usage error, 3 partial success (some sources failed).
Store: --store or JOBKIT_STORE (a PGlite directory or a postgres:// URL), default ./.jobkit/pg.`;
}

/**
 * Run the CLI with `argv` (without `node` and the script path).
 * @returns the process exit code.
 */
export async function main(argv: readonly string[], io: CliIo, signal: AbortSignal = new AbortController().signal): Promise<ExitCode> {
  const wantsJson = argv.includes('--json');
  const first = argv[0];
  let command: Command | undefined;
  try {
    if (first === undefined) throw new UsageError('no command given');
    if (first === '--help' || first === '-h' || first === 'help') {
      const topic = first === 'help' ? COMMANDS.find((c) => c.name === argv[1]) : undefined;
      writeLine(io.stdout, topic ? topic.help : mainHelp());
      return EXIT.OK;
    }
    if (first === '--version' || first === '-v') {
      writeLine(io.stdout, wantsJson ? JSON.stringify({ version: pkg.version }) : pkg.version);
      return EXIT.OK;
    }
    command = COMMANDS.find((c) => c.name === first);
    if (!command) {
      if (first.startsWith('-')) throw new UsageError(`expected a command before ${first}`);
      throw new UsageError(`unknown command "${first}" (commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
    }
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: argv.slice(1) as string[],
        options: { ...GLOBAL_OPTIONS, ...command.options },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown options and missing values.
      throw new UsageError(
        error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, '') : String(error),
        command.name,
      );
    }
    if (parsed.values.help === true) {
      writeLine(io.stdout, command.help);
      return EXIT.OK;
    }
    return await command.run({
      positionals: parsed.positionals,
      values: parsed.values,
      io,
      json: parsed.values.json === true,
      allowPrivate: parsed.values['allow-private'] === true,
      signal,
    });
  } catch (error) {
    if (error instanceof UsageError && !error.command && command) (error as { command?: string }).command = command.name;
    writeLine(io.stderr, formatError(error));
    if (wantsJson) writeJson(io.stdout, { error: errorJson(error) });
    if (!(error instanceof UsageError) && io.env.JOBKIT_DEBUG && error instanceof Error) writeLine(io.stderr, error.stack ?? '');
    return error instanceof UsageError ? EXIT.USAGE : EXIT.FAILURE;
  }
}
