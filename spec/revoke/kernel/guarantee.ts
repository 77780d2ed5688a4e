// A guarantee, written once: its promise, the predicate that keeps it, and its reachability
// partner (the situation the model must reach for the guarantee to mean anything), compiled into
// the Spec's `invariants` and `reachable` records under the guarantee's name, and the bounds
// under which it does not apply, which the study reports as n/a (index.ts).
import type { StatePredicate } from '../../../checker/spec.ts';
import type { RevokeParams } from './params.ts';
import type { Operation } from './promises.ts';
import type { State } from './state.ts';

type Predicate = StatePredicate<State, RevokeParams>;

export interface Guarantee {
  /** docs/research/domain.md's name: the column of the table, the invariant and its partner. */
  readonly name: string;
  /** The promise, as a reviewer would state it. */
  readonly doc: string;
  /** Holds in every reachable state (the invariant). */
  readonly holds: Predicate;
  /** The situation the guarantee is about: the model must reach it, or the guarantee is vacuous (absent: a half of another's judgement, judgement.ts). */
  readonly reachable?: Predicate;
  /**
   * The classes of operation the predicate reads (promises.ts): a design that does not promise
   * one of them is judged without it, and checked apart for it. Absent: none (the revoker's own
   * doing, or model sanity).
   */
  readonly reads?: readonly Operation[];
  /** Why the guarantee does not apply under these parameters, or undefined where it does. */
  readonly notApplicable?: (p: RevokeParams) => string | undefined;
}

/** The Spec's two records and the study's n/a rules, keyed by name in the list's order (the table's column order). */
export function compileGuarantees(list: readonly Guarantee[]): {
  readonly invariants: Readonly<Record<string, Predicate>>;
  readonly reachable: Readonly<Record<string, Predicate>>;
  readonly notApplicable: Readonly<Record<string, (p: RevokeParams) => string | undefined>>;
} {
  const invariants: Record<string, Predicate> = {};
  const reachable: Record<string, Predicate> = {};
  const notApplicable: Record<string, (p: RevokeParams) => string | undefined> = {};
  for (const g of list) {
    if (g.name in invariants) throw new Error(`guarantee '${g.name}' is defined twice`);
    invariants[g.name] = g.holds;
    if (g.reachable) reachable[g.name] = g.reachable;
    if (g.notApplicable) notApplicable[g.name] = g.notApplicable;
  }
  return { invariants, reachable, notApplicable };
}
