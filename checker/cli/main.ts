// The rmc command line: the only place that prints or exits. Every failure becomes one line on
// stderr and the exit code of the contract in docs/CLI.md; under --json exactly one JSON
// object is printed on stdout whatever happens.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { OutputError, shown, SpecError, UsageError } from '../errors.ts';
import { TRACE_FORMATS, type TraceFormat } from '../report/violationTrace.ts';
import { EXIT } from '../report/exitCode.ts';
import { jsonError } from '../report/jsonReport.ts';
import { parseByteSize } from './byteSize.ts';
import { runSoFar } from './runSoFar.ts';
import {
  runCheck,
  runCounterexamples,
  runExpectCommand,
  runList,
  runMerge,
  runSimulate,
  runTableCommand,
  type CommonFlags,
  type SimulateFlags,
} from './commands.ts';

/** The longest line an error may print: values the user gave are echoed, never whole. */
const MAX_LINE = 500;

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * A reader that went away (`rmc list | head`) closes stdout under us: say so in one line and stop
 * with the code for an output that could not be written, not with Node's stack trace.
 */
function handleClosedOutputs(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.stderr.write('rmc: standard output was closed (EPIPE): stopping\n');
    process.exit(EXIT.cannotWrite);
  });
  // Closed stderr (a dead parent's pipe): there is nowhere to say it, and the report on stdout
  // and the exit code are still owed.
  process.stderr.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

export async function main(argv: readonly string[]): Promise<number> {
  handleClosedOutputs();
  let exitCode: number = EXIT.ok;
  const json = argv.includes('--json');
  const program = new Command('rmc')
    .description('Explicit-state model checker for TLA+-style specs; home of the revoke() design model')
    .version(version, '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: (s) => process.stdout.write(s) })
    .showSuggestionAfterError(false);

  const collect = (v: string, prev: string[]): string[] => [...prev, v];
  // Every budget (states, depth, seconds, walks, steps, threads, progress interval) must be above
  // 0: a budget of 0 checks nothing, so it is a usage error, not a run that passes. A seed is a
  // value, not a budget: 0 is a seed like any other.
  const positive =
    (name: string) =>
    (v: string): number => {
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number, got ${shown(v)}`, 2);
      return n;
    };
  const count =
    (name: string) =>
    (v: string): number => {
      const n = Number(v);
      if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive whole number, got ${shown(v)}`, 2);
      return n;
    };
  const natural =
    (name: string) =>
    (v: string): number => {
      const n = Number(v);
      if (!Number.isSafeInteger(n) || n < 0) throw new UsageError(`--${name} must be a natural number, got ${shown(v)}`, 2);
      return n;
    };
  const traceFormat = (v: string): TraceFormat => {
    if (!(TRACE_FORMATS as readonly string[]).includes(v)) throw new UsageError(`unknown --trace-format ${shown(v)} (known: ${TRACE_FORMATS.join(', ')})`, 2);
    return v as TraceFormat;
  };
  const maxMemoryHelp = 'stop (incomplete) once the process holds this much memory (500M, 8G; powers of 1024)';
  /** What every command that runs a spec takes: its parameters and the output form. */
  const specOptions = (cmd: Command): Command =>
    cmd
      .option('--set <name=value>', 'override a parameter (value parsed as JSON, else a string)', collect, [])
      .option('--config <file|name>', "a JSON file of parameters, or a name in the spec's configs/ folder")
      .option(
        '--design <file>',
        "a value of the spec's table parameter written as a module (revoke: a design file): check and simulate check it; table adds its row (repeatable)",
        collect,
        [],
      )
      .option('--json', 'print one JSON object on stdout')
      .option('--typecheck', 'run the TypeScript compiler on the spec module first: a type error is exit 150 (tsx alone only strips types)');
  /** What an exhaustive search takes besides: budgets, threads and the state store. */
  const searchOptions = (cmd: Command): Command =>
    specOptions(cmd)
      .option('--max-states <n>', 'stop (incomplete) after this many distinct states', count('max-states'))
      .option('--max-depth <n>', 'do not explore past this BFS level', count('max-depth'))
      .option('--max-seconds <n>', 'stop (incomplete) after this many seconds', positive('max-seconds'))
      .option('--max-memory <size>', maxMemoryHelp, (v: string) => parseByteSize(v, 'max-memory'))
      .option(
        '--workers <n|auto>',
        "search threads, a whole number (auto: one per core when the spec's states can cross threads)",
        (v: string) => (v === 'auto' ? 'auto' : count('workers')(v)),
        'auto',
      )
      .option('--exact', 'store full state encodings instead of 64-bit fingerprints')
      .option('--symmetry', "reduce by the spec's symmetry (fingerprint a canonical representative)");

  searchOptions(program.command('check <spec>').description('check every invariant and property (or those named) exhaustively, breadth-first'))
    .option('--invariant <name>', 'check this invariant (repeatable; default: all)', collect, [])
    .option('--property <name>', "check this temporal property under the spec's fairness (repeatable; default: all)", collect, [])
    .option(
      '--strict',
      'fail (exit 12) when a guarantee is not exercised (its reachability partner is never reached); without it that is a warning, except for guarantees named with --invariant or --property',
    )
    .option('--no-deadlock', 'do not report states without successors')
    .option('--continue', 'keep going after a violation; one shortest trace per violated name')
    .option('--trace-dir <dir>', 'write each trace there as text and JSON')
    .option(
      '--trace-format <form>',
      `how a trace is printed: ${TRACE_FORMATS.join(' or ')} (a kernel commit message's race diagram, 72 columns)`,
      traceFormat,
      'tlc',
    )
    .option('--progress <seconds>', 'seconds between progress lines on stderr', positive('progress'))
    .action(async (spec: string, flags: CommonFlags) => {
      exitCode = await runCheck(spec, flags);
    });

  specOptions(program.command('simulate <spec>').description('random walks checking invariants, for state spaces too big to exhaust'))
    .option('--seed <n>', "the walks' seed: the same seed gives the same walks", natural('seed'), 1)
    .option('--depth <n>', 'steps per walk at most', count('depth'), 100)
    .option('--traces <n>', 'number of walks', count('traces'), 1000)
    .option('--max-states <n>', 'stop (incomplete) once the walks have visited this many distinct states', count('max-states'))
    .option('--max-seconds <n>', 'stop (incomplete) after this many seconds', positive('max-seconds'))
    .option('--max-memory <size>', maxMemoryHelp, (v: string) => parseByteSize(v, 'max-memory'))
    .option('--invariant <name>', 'check this invariant (repeatable; default: all)', collect, [])
    .option('--no-deadlock', 'do not report states without successors')
    .option('--trace-dir <dir>', 'write the trace there as text and JSON')
    .action(async (spec: string, flags: CommonFlags & SimulateFlags) => {
      exitCode = await runSimulate(spec, flags);
    });

  program
    .command('list')
    .description('list the registered specs with their parameters')
    .option('--json', 'print one JSON object on stdout')
    .action(async (flags: { json?: boolean }) => {
      exitCode = await runList(flags);
    });

  searchOptions(program.command('table <spec>').description("every guarantee for every value of the spec's table parameter"))
    .option('--rows <labels>', 'check only these rows (comma-separated labels): a part of the table, for rmc merge')
    .option('--shard <i/n>', 'check only the i-th of n parts of the rows (rows i, i+n, ...): for rmc merge')
    .action(async (spec: string, flags: CommonFlags) => {
      exitCode = await runTableCommand(spec, flags);
    });

  program
    .command('merge <parts...>')
    .description('the table from the JSON of its parts (rmc table --shard i/n --json, one per machine), as rmc table prints it')
    .option('--json', 'print one JSON object on stdout')
    .action((parts: string[], flags: { json?: boolean }) => {
      exitCode = runMerge(parts, flags);
    });

  searchOptions(
    program.command('expect <spec>').description('the table, each cell against the verdict its row expects (exit 14 on drift, naming cell, expected and got)'),
  )
    .option('--rows <labels>', 'compare only these rows (comma-separated labels)')
    .action(async (spec: string, flags: CommonFlags) => {
      exitCode = await runExpectCommand(spec, flags);
    });

  program
    .command('counterexamples [spec]')
    .description("regenerate the counterexamples folder: the table's traces and the spec's named scenarios")
    .option('--out <dir>', 'the folder to (re)write', 'counterexamples')
    .option(
      '--deep',
      "also check the table under the plan's deep bounds (every row, one per core: revoke's takes hours, not yet run whole); without it the committed deep table is read",
    )
    .option(
      '--deep-from <file>',
      'take the deep table from this JSON (rmc table --json, or rmc merge --json of its parts), searching only the rows whose differing cells need a trace',
    )
    .action(async (spec: string | undefined, flags: { out: string; deep?: boolean; deepFrom?: string }) => {
      exitCode = await runCounterexamples(spec ?? 'revoke', flags.out, flags);
    });

  // Bare `rmc` is a usage error: help on stderr, as for any other malformed command line.
  if (argv.length === 0) {
    process.stderr.write(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return exitCode;
  } catch (e) {
    return fail(e, json);
  }
}

function fail(e: unknown, json: boolean): number {
  let code: number;
  let message: string;
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    code = EXIT.usage;
    message = e.message.replace(/^error: /, '');
  } else if (e instanceof UsageError || e instanceof SpecError || e instanceof OutputError) {
    code = e.exitCode;
    message = e.message;
  } else {
    code = EXIT.internal;
    message = `internal error: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    // One line, as for every error; RMC_DEBUG=1 adds the stack for whoever fixes the bug.
    if (process.env.RMC_DEBUG && (e as Error)?.stack) process.stderr.write(`${(e as Error).stack}\n`);
  }
  // One line, on stderr and in the JSON alike: a stack trace is not a message for a script.
  const line = message.split('\n')[0]!;
  const capped = line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}... (cut)` : line;
  process.stderr.write(`rmc: ${capped}\n`);
  // The spec and bounds the run had reached, so a script learns what failed (null before).
  const { spec, params } = runSoFar();
  if (json) process.stdout.write(JSON.stringify(jsonError(spec, params, 'error', capped)) + '\n');
  return code;
}
