// The findings of a run, as data: check() returns a CheckResult and never prints or exits; the
// CLI decides how to show it. What a run is asked to do is checkOptions.ts.
import type { TraceStep } from './spec.ts';

export interface Progress {
  /** Absent for the safety search; 'behaviour graph' while temporal properties are checked (figures of that phase alone). */
  readonly phase?: 'behaviour graph';
  readonly generatedStates: number;
  readonly distinctStates: number;
  readonly queue: number;
  readonly depth: number;
  readonly seconds: number;
  readonly statesPerSecond: number;
  /** The process's memory, as --max-memory counts it (search/memoryWatch.ts). */
  readonly memoryBytes: number;
}

export interface Stats {
  distinctStates: number;
  generatedStates: number;
  depth: number;
  /** The whole run: the safety search and, when temporal properties are checked, their phase. */
  seconds: number;
  /** distinctStates / seconds: the run's distinct (safety) states per second of the whole run. */
  statesPerSecond: number;
  /** TLC's optimistic estimate: distinct x (generated - distinct) / 2^64 (0 with --exact). */
  collisionProbability: number;
  /** States still waiting to be explored when the search ended. */
  queue: number;
  /** Bytes held by the seen-set and parent links. */
  storeBytes: number;
}

/**
 * How a lasso's cycle meets the fairness it was judged under: why the behaviour is fair, which a
 * reviewer needs before believing a hang (one only an unfair scheduler produces is no bug).
 */
export interface CycleFairness {
  /** Each fairness condition that constrains anything, in the spec's order, and how the cycle meets it. */
  readonly conditions: readonly {
    /** As a reviewer reads it: 'WF(RevokeDrain)', 'WF(SyscallEnd[A])'. */
    readonly name: string;
    readonly kind: 'weak' | 'strong';
    readonly action: string;
    readonly actor?: string;
    /** taken on a step of the cycle; enabled on some of its states only (WF); never enabled on it. */
    readonly met: 'taken' | 'sometimes-disabled' | 'never-enabled';
  }[];
  /**
   * Steps enabled somewhere on the cycle, never taken on it, that no fairness condition asks for
   * (SyscallEndStuck); the actor only where a per-actor condition tells the action's steps apart.
   */
  readonly unfair: readonly { readonly action: string; readonly actor?: string }[];
}

export type ViolationKind = 'invariant' | 'deadlock' | 'property' | 'unreached';

export interface Violation<S = unknown> {
  readonly kind: ViolationKind;
  readonly name: string;
  readonly trace: readonly TraceStep<S>[];
  /** For lassos: the index in `trace` the last step goes back to. */
  readonly loopIndex?: number;
  /** For lassos: the step from the last state back to trace[loopIndex] (absent: it stutters). */
  readonly loopStep?: { readonly action: string; readonly label: string; readonly actor?: string };
  /** For lassos: how the cycle meets each fairness condition. */
  readonly cycleFairness?: CycleFairness;
  /**
   * A temporal property that is `always p` of a state predicate: a safety property, which TLC
   * checks as an invariant (and reports with exit 12, not 13).
   */
  readonly safety?: boolean;
}

/** A guarantee the spec says does not apply under these parameters, and why (shown as "n/a: why"). */
export interface NotApplicable {
  readonly name: string;
  readonly reason: string;
}

export type Verdict = 'ok' | 'violation' | 'incomplete' | 'interrupted';

/**
 * What a check concluded about one guarantee it was asked to judge: holds, violated, not
 * exercised (holds only vacuously), n/a (`reason`), or unjudged (the run stopped before it could
 * say: at the first violation, a budget, Ctrl-C). A `reachable` claim of the spec's own (no
 * guarantee's partner) holds when some state reaches it.
 */
export interface GuaranteeVerdict {
  readonly name: string;
  readonly kind: 'invariant' | 'property' | 'reachable';
  readonly verdict: 'holds' | 'violated' | 'not-exercised' | 'n/a' | 'unjudged';
  readonly reason?: string;
}

export interface CheckResult<S = unknown> {
  readonly verdict: Verdict;
  /** Why the search is incomplete: which budget ran out. */
  readonly incompleteReason?: string;
  readonly stats: Stats;
  readonly coverage: Record<string, { generated: number; distinct: number }>;
  readonly violations: readonly Violation<S>[];
  /** Things the user should know about how the search ran (e.g. why it used one thread). */
  readonly notes?: readonly string[];
  /**
   * Guarantees not exercised: their reachability partner (a `reachable` predicate of the same
   * name) holds in no reachable state, so they hold only vacuously within these bounds. A
   * warning, not a violation, unless the user named the guarantee or asked for `strict`; then
   * it is also a violation of kind 'unreached'. Set only when the search saw every state.
   */
  readonly unexercised?: readonly string[];
  /**
   * When the run stopped (incomplete, interrupted) after the safety search had finished: the
   * temporal properties it had not judged. The invariants' verdicts then stand.
   */
  readonly unjudged?: readonly string[];
  /** Guarantees selected but not checked, because they do not apply here (CheckOptions.notApplicable). */
  readonly notApplicable?: readonly NotApplicable[];
  /**
   * Every invariant and property the check was asked about, in the order selected, then the
   * spec's own `reachable` claims, each with what the run concluded (set by check(), not by a
   * simulation, which proves nothing about the states it did not visit).
   */
  readonly verdicts?: readonly GuaranteeVerdict[];
}
