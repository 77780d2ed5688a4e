// interrupts: what Ctrl-C (SIGINT) and SIGTERM do to a run. The first signal asks the run to
// stop; it ends at its next yield (every 50 ms) and prints its report with the partial figures,
// exit 130 (SIGINT) or 143 (SIGTERM), the shells' 128 + signal number. A second signal of the
// same kind within DUPLICATE_MS is the same request delivered twice (npm forwards the signal
// the whole process group already got), so it is ignored. A later one means "now": the figures
// the run has reached are printed at once, from `live`, and the process exits.
//
// A parent that dies is taken as a SIGTERM: `kill <npm pid>`, or a wrapper killed with SIGKILL,
// would otherwise leave the search running under PID 1 with nobody to report to. The run
// notices at its next poll of `interrupted()` that its parent process is no longer the one it
// started under (the orphan is handed to PID 1 or a subreaper), and stops with its report and
// exit 143, as the SIGTERM a supervisor sends its tree would. Only a first request: a dead
// parent never counts as the second signal that cuts the report short.
import { EXIT } from '../report/exitCode.ts';
import type { Progress } from '../findings.ts';

const DUPLICATE_MS = 500;
/** The parent the process started under: bin/rmc.mjs noted it before loading the checker. */
const parentAtStart = (globalThis as { rmcEarlySignals?: EarlySignals }).rmcEarlySignals?.parent ?? process.ppid;
const CODES = { SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated } as const;
type Signal = keyof typeof CODES;

export interface Interrupts {
  /** Has a signal asked the run to stop? */
  interrupted(): boolean;
  /** The exit code of the signal that stopped the run (130 or 143); 130 if none did. */
  exitCode(): number;
  /** Where the running search publishes its figures, for a second signal to print. */
  readonly live: { current?: () => Progress };
  /**
   * The run has printed its report and will exit with `code`: a signal from now on (npm's
   * forwarded copy arriving late, say) exits with that code instead of killing the process
   * by the signal, which would lose the code.
   */
  dispose(code?: number): void;
}

/**
 * Listens for SIGINT and SIGTERM; once disposed, a signal ends the process with the run's code. `printNow(figures, code)` prints the partial
 * figures synchronously when a second signal cannot wait for the report.
 */
export function listenForInterrupts(printNow: (figures: Progress | undefined, code: number) => void): Interrupts {
  let first: { signal: Signal; at: number } | undefined;
  const live: { current?: () => Progress } = {};
  let settled: number | undefined;
  let done = false;
  const handler = (signal: Signal): void => {
    if (done) process.exit(settled ?? CODES[signal]);
    const now = performance.now();
    if (!first) {
      first = { signal, at: now };
      return;
    }
    if (signal === first.signal && now - first.at < DUPLICATE_MS) return;
    const code = CODES[first.signal];
    printNow(live.current?.(), code);
    process.exit(code);
  };
  const onInt = (): void => handler('SIGINT');
  const onTerm = (): void => handler('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  for (const signal of adoptEarlySignals()) handler(signal);
  /** Polled with `interrupted()`: a getppid() call, cheap beside the 50 ms between polls. */
  const noticeOrphaned = (): void => {
    if (first || done || process.ppid === parentAtStart) return;
    process.stderr.write(`rmc: the parent process (pid ${parentAtStart}) has exited: stopping as on SIGTERM\n`);
    first = { signal: 'SIGTERM', at: performance.now() };
  };
  return {
    interrupted: () => {
      noticeOrphaned();
      return first !== undefined;
    },
    exitCode: () => (first ? CODES[first.signal] : EXIT.interrupted),
    live,
    dispose: (code) => {
      done = true;
      // The `finally` that disposes without a code must not forget the one the report settled on.
      if (code !== undefined) settled = code;
    },
  };
}

/** What bin/rmc.mjs remembered while the checker loaded, if it ran (not in tests that call main). */
interface EarlySignals {
  readonly signals: Signal[];
  readonly remember: (signal: Signal) => void;
  /** process.ppid when bin/rmc.mjs started. */
  readonly parent?: number;
}

/**
 * Takes the signals over from bin/rmc.mjs's early listener: returns what it remembered and
 * stops it listening (a signal is now the run's to handle).
 */
function adoptEarlySignals(): Signal[] {
  const early = (globalThis as { rmcEarlySignals?: EarlySignals }).rmcEarlySignals;
  if (!early) return [];
  process.off('SIGINT', early.remember);
  process.off('SIGTERM', early.remember);
  (globalThis as { rmcEarlySignals?: EarlySignals }).rmcEarlySignals = undefined;
  return early.signals.splice(0);
}

/**
 * For a command that runs no search (`list`): a signal remembered while loading ends the process
 * now, with the shell's code, and later signals keep their default (the process dies).
 */
export function releaseEarlySignals(): void {
  const first = adoptEarlySignals()[0];
  if (first) process.exit(CODES[first]);
}
