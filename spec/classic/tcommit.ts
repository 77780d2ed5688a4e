// classic/tcommit: TCommit.tla from tlaplus/Examples (specifications/transaction_commit), Lamport's
// specification of transaction commit: what the resource managers (RMs) may decide, not how.
//
// rmState[i] is the state of RM r(i+1). Parameter `rms` is the number of RMs (TCommit.cfg: 3).
// Decide is one action with two disjuncts, as in the TLA+ text; when both are enabled for one RM
// (every RM prepared) it yields two successors, which is how TLC counts it.
//
// Expected results (TLC's), 3 RMs: deadlock checking off, 34 distinct states, 94 generated,
// depth 7; with deadlock checking on, a deadlock (every RM has decided, nothing is enabled).
import type { Spec, Successor } from '../../checker/spec.ts';

export type RmState = 'working' | 'prepared' | 'committed' | 'aborted';

export interface TCommitState {
  /** rmState[i]: the state of resource manager r(i+1). */
  readonly rmState: readonly RmState[];
}

export interface TCommitParams {
  /** The number of resource managers. */
  readonly rms: number;
}

const rmName = (i: number): string => `r${i + 1}`;

function withRm(s: TCommitState, i: number, v: RmState): TCommitState {
  const rmState = s.rmState.slice();
  rmState[i] = v;
  return { rmState };
}

/** Every RM is prepared or committed. */
const canCommit = (s: TCommitState): boolean => s.rmState.every((r) => r === 'prepared' || r === 'committed');
/** No RM has committed. */
const notCommitted = (s: TCommitState): boolean => s.rmState.every((r) => r !== 'committed');

const spec: Spec<TCommitState, TCommitParams> = {
  name: 'classic/tcommit',
  summary: 'Transaction commit (TLA+ Examples TCommit): RMs prepare and decide consistently',
  defaults: { rms: 3 },
  validate: (p) => (Number.isInteger(p.rms) && p.rms >= 1 ? [] : [`rms must be a positive integer (got ${p.rms})`]),
  init: (p) => [{ rmState: Array.from({ length: p.rms }, (): RmState => 'working') }],
  actions: [
    {
      name: 'Prepare',
      doc: 'A working RM prepares.',
      *successors(s): Iterable<Successor<TCommitState>> {
        for (let i = 0; i < s.rmState.length; i++) {
          if (s.rmState[i] !== 'working') continue;
          yield { label: `Prepare(${rmName(i)})`, state: withRm(s, i, 'prepared'), actor: rmName(i) };
        }
      },
    },
    {
      name: 'Decide',
      doc: 'An RM commits once every RM is prepared, or aborts while no RM has committed.',
      *successors(s): Iterable<Successor<TCommitState>> {
        const commit = canCommit(s);
        const abort = notCommitted(s);
        for (let i = 0; i < s.rmState.length; i++) {
          const r = s.rmState[i];
          if (r === 'prepared' && commit) {
            yield { label: `Decide(${rmName(i)}): commit`, state: withRm(s, i, 'committed'), actor: rmName(i) };
          }
          if ((r === 'working' || r === 'prepared') && abort) {
            yield { label: `Decide(${rmName(i)}): abort`, state: withRm(s, i, 'aborted'), actor: rmName(i) };
          }
        }
      },
    },
  ],
  invariants: {
    TCTypeOK: (s, p) => s.rmState.length === p.rms && s.rmState.every((r) => r === 'working' || r === 'prepared' || r === 'committed' || r === 'aborted'),
    TCConsistent: (s) => !(s.rmState.includes('aborted') && s.rmState.includes('committed')),
  },
  reachable: {
    SomeRmCommits: (s) => s.rmState.includes('committed'),
    SomeRmAborts: (s) => s.rmState.includes('aborted'),
  },
};

export default spec;
