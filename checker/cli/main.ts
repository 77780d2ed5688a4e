// The rmc command line: the only place that prints or exits. Every failure becomes one line on
// stderr and the exit code of the contract in docs/DESIGN.md; under --json exactly one JSON
// object is printed on stdout whatever happens.
import { Command, CommanderError } from 'commander';
import { OutputError, SpecError, UsageError } from '../errors.ts';
import { EXIT } from '../report/exitCode.ts';
import { jsonError } from '../report/jsonReport.ts';
import { runCheck, runCounterexamples, runList, runSimulate, runTableCommand, type CommonFlags, type SimulateFlags } from './commands.ts';

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  let json = argv.includes('--json');
  const program = new Command('rmc')
    .description('Explicit-state model checker for TLA+-style specs; home of the revoke() design model')
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: (s) => process.stdout.write(s) })
    .showSuggestionAfterError(false);

  const collect = (v: string, prev: string[]): string[] => [...prev, v];
  const positive = (name: string) => (v: string): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number, got '${v}'`, 2);
    return n;
  };
  const integer = (name: string, v: string): number => {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 0) throw new UsageError(`--${name} must be a natural number, got '${v}'`, 2);
    return n;
  };
  const searchOptions = (cmd: Command): Command =>
    cmd
      .option('--set <name=value>', 'override a parameter (value parsed as JSON, else a string)', collect, [])
      .option('--config <file|name>', 'a JSON file of parameters, or a name in the spec\'s configs/ folder')
      .option('--max-states <n>', 'stop (incomplete) after this many distinct states', positive('max-states'))
      .option('--max-depth <n>', 'do not explore past this BFS level', positive('max-depth'))
      .option('--max-seconds <n>', 'stop (incomplete) after this many seconds', positive('max-seconds'))
      .option('--workers <n|auto>', 'search threads (auto: one per core when the spec\'s states can cross threads)', (v: string) => (v === 'auto' ? 'auto' : positive('workers')(v)), 'auto')
      .option('--exact', 'store full state encodings instead of 64-bit fingerprints')
      .option('--symmetry', 'reduce by the spec\'s symmetry (fingerprint a canonical representative)')
      .option('--json', 'print one JSON object on stdout');

  searchOptions(program.command('check <spec>').description('check every invariant (or those named) exhaustively, breadth-first'))
    .option('--invariant <name>', 'check this invariant (repeatable; default: all)', collect, [])
    .option('--property <name>', 'check this temporal property under the spec\'s fairness (repeatable; default: all)', collect, [])
    .option('--no-deadlock', 'do not report states without successors')
    .option('--continue', 'keep going after a violation; one shortest trace per violated name')
    .option('--trace-dir <dir>', 'write each trace there as text and JSON')
    .option('--progress <seconds>', 'seconds between progress lines on stderr', positive('progress'))
    .action(async (spec: string, flags: CommonFlags) => {
      exitCode = await runCheck(spec, flags);
    });

  searchOptions(program.command('simulate <spec>').description('random walks checking invariants, for state spaces too big to exhaust'))
    .option('--seed <n>', 'the walks\' seed: the same seed gives the same walks', (v: string) => integer('seed', v), 1)
    .option('--depth <n>', 'steps per walk at most', (v: string) => integer('depth', v), 100)
    .option('--traces <n>', 'number of walks', (v: string) => integer('traces', v), 1000)
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

  searchOptions(program.command('table <spec>').description('every guarantee for every value of the spec\'s table parameter')).action(
    async (spec: string, flags: CommonFlags) => {
      exitCode = await runTableCommand(spec, flags);
    },
  );

  program
    .command('counterexamples [spec]')
    .description('regenerate the counterexamples folder: the table\'s traces and the spec\'s named scenarios')
    .option('--out <dir>', 'the folder to (re)write', 'counterexamples')
    .action(async (spec: string | undefined, flags: { out: string }) => {
      exitCode = await runCounterexamples(spec ?? 'revoke', flags.out);
    });

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
    message = `internal error: ${(e as Error)?.stack ?? String(e)}`;
  }
  // One line, on stderr and in the JSON alike: a stack trace is not a message for a script.
  const line = message.split('\n')[0]!;
  process.stderr.write(`rmc: ${line}\n`);
  if (json) process.stdout.write(JSON.stringify(jsonError(null, null, 'error', line)) + '\n');
  return code;
}
