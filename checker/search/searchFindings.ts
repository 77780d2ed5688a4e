// SearchFindings: what a search has found: the violations (one shortest trace per kind and name,
// in the order found), the `reachable` predicates not yet satisfied, and whether and why the
// search is to stop. Every search mode records here, so they check and judge alike.
import type { AnySpec, TraceStep } from '../spec.ts';
import type { Verdict, Violation } from '../findings.ts';
import type { CheckOptions } from '../checkOptions.ts';
import { Invariants } from './invariants.ts';
import type { StopRequest } from './stopRequest.ts';

type Predicate = (s: unknown, p: object) => boolean;

export class SearchFindings {
  /** Every invariant the search checks (the parallel search numbers its workers' failures by it). */
  readonly invariants: Invariants;
  /**
   * The invariants not yet broken, the ones checkState evaluates. A broken one is not evaluated
   * again: breadth-first order found its shortest trace first, and record() keeps only that one,
   * so on the revoke model's tables (half the guarantees broken within a few steps) every later
   * state would pay for an answer nobody reads. (An invariant that would throw in a later state
   * is therefore not reported, where the parallel search's workers, which check every invariant,
   * would report it.)
   */
  private readonly unbroken: Invariants;
  readonly violations: Violation[] = [];
  private unreached: [string, Predicate][];
  private readonly violated = new Set<string>();
  /** Set once the search is to stop: a violation (without --continue), a budget, Ctrl-C. */
  stop: Verdict | undefined;
  incompleteReason: string | undefined;

  constructor(
    private readonly spec: AnySpec,
    private readonly params: object,
    private readonly options: CheckOptions,
    /** False: nothing is checked (the behaviour graph pass stores and counts only). */
    checked = true,
  ) {
    const names = checked ? (options.invariants ?? Object.keys(spec.invariants)) : [];
    this.invariants = new Invariants(spec, names);
    this.unbroken = new Invariants(spec, names);
    // A `reachable` predicate named like an invariant is that invariant's partner: checked only
    // when its invariant is; the others are always checked.
    const selected = new Set([...(options.invariants ?? Object.keys(spec.invariants)), ...(options.properties ?? [])]);
    this.unreached = Object.entries(checked ? (spec.reachable ?? {}) : {}).filter(
      ([name]) => selected.has(name) || !(name in spec.invariants || name in (spec.properties ?? {})),
    );
  }

  /** Records a violation unless one of that kind and name is known; stops unless --continue. */
  record(kind: Violation['kind'], name: string, trace: () => readonly TraceStep<unknown>[]): void {
    if (this.violated.has(`${kind}:${name}`)) return;
    this.violated.add(`${kind}:${name}`);
    this.violations.push({ kind, name, trace: trace() });
    if (!this.options.continue) this.stop = 'violation';
  }

  /**
   * Checks the invariants and `reachable` predicates on a new state. `trace` builds its trace;
   * it is called with `arg` only on a violation, so the hot path allocates no closure.
   */
  checkState<A>(s: unknown, trace: (arg: A) => readonly TraceStep<unknown>[], arg: A): void {
    const { unbroken, params } = this;
    for (let k = unbroken.firstBroken(s, params); k >= 0; k = unbroken.firstBroken(s, params, k)) {
      this.record('invariant', unbroken.names[k]!, () => trace(arg));
      unbroken.retire(k); // the next one to check is now at k
      if (this.stop) return;
    }
    if (this.unreached.length > 0) this.markReached((pred) => pred(s, this.params));
  }

  markReached(test: (pred: Predicate, name: string) => boolean): void {
    // Asked for every new state while some partner is unreached (on the revoke model, J's partner
    // never is): the list is rebuilt only when something was reached, not once a state.
    const unreached = this.unreached;
    for (let i = 0; i < unreached.length; i++) {
      if (test(unreached[i]![1], unreached[i]![0])) {
        this.unreached = [...unreached.slice(0, i), ...unreached.slice(i + 1).filter(([name, pred]) => !test(pred, name))];
        return;
      }
    }
  }

  incomplete(reason: string): void {
    this.stop = 'incomplete';
    this.incompleteReason = reason;
  }

  /**
   * Budgets are looked at between batches of states, so one can be found spent just as the last
   * state was expanded: with `queue` states left, that budget stopped nothing, and the search,
   * which saw every state, is complete.
   */
  ranOutOfStates(queue: number): void {
    if (this.stop !== 'incomplete' || queue > 0) return;
    this.stop = undefined;
    this.incompleteReason = undefined;
  }

  stopAs(request: StopRequest): void {
    if (request.verdict === 'interrupted') this.stop = 'interrupted';
    else this.incomplete(request.reason);
  }

  /**
   * Judges the `reachable` predicates never reached (only a search that saw every state may): a
   * partner's guarantee is then not exercised (a warning, returned) unless the user named it or
   * asked for strict; a `reachable` predicate of its own (Stateright's `sometimes`) is the
   * spec's claim, so its failure is a violation. Then the verdict.
   */
  judge(): { verdict: Verdict; unexercised: string[] } {
    const unexercised: string[] = [];
    if (this.stop === undefined) {
      for (const [name] of this.unreached) {
        const partner = name in this.spec.invariants || name in (this.spec.properties ?? {});
        if (partner && !this.options.strict && !this.options.named?.includes(name)) unexercised.push(name);
        else this.violations.push({ kind: 'unreached', name, trace: [] });
      }
    }
    const verdict: Verdict = this.stop === 'incomplete' || this.stop === 'interrupted' ? this.stop : this.violations.length > 0 ? 'violation' : 'ok';
    return { verdict, unexercised };
  }
}
