// Exit codes are TLC's (tlc2/output/EC.java, ExitStatus), so scripts written for TLC classify our
// results unchanged; 2, 3, 74, 130, 143 and 255 are ours where TLC has none (docs/CLI.md, decision 001). 74
// is sysexits' EX_IOERR, which TLC does not use: the verdict was reached but an output (traces,
// the counterexamples folder) could not be written, so a script must not take the run as complete.
import type { CheckResult, ViolationKind } from '../findings.ts';

export const EXIT = {
  ok: 0,
  usage: 2,
  incomplete: 3,
  deadlock: 11,
  invariant: 12,
  property: 13,
  /** `rmc expect`: some cell's verdict differs from the one its row expects. */
  drift: 14,
  cannotWrite: 74,
  specFailed: 75,
  invariantThrew: 76,
  propertyThrew: 77,
  cannotLoad: 150,
  badConfig: 151,
  interrupted: 130,
  terminated: 143,
  internal: 255,
} as const;

const byKind: Record<ViolationKind, number> = { deadlock: EXIT.deadlock, invariant: EXIT.invariant, unreached: EXIT.invariant, property: EXIT.property };

export function exitCodeOf(result: CheckResult): number {
  switch (result.verdict) {
    case 'ok':
      return EXIT.ok;
    case 'incomplete':
      return EXIT.incomplete;
    case 'interrupted':
      return EXIT.interrupted;
    case 'violation': {
      // `always p` of a state predicate is checked as an invariant, as TLC does, so it exits 12.
      const first = result.violations[0]!;
      return first.safety ? EXIT.invariant : byKind[first.kind];
    }
  }
}
