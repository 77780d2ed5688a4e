// defineAction: write an action the way a TLA+ spec does, with the guard apart from the effect.
//
// A spec lists the instances an action may take (`params`), a pure guard (`enabled`, one conjunct
// a line), the effect (`next`, touching only what changes), the reviewer's label and the actor
// (the lane in the column view). This compiles to the Spec API's `successors` and to its fast path
// `forEachSuccessor`, which the searches take: no label closure and no actor per successor, only
// the guard and the effect (labels are built when a trace is rebuilt, actors when fairness asks).
// Using it is optional (an external spec may write `successors` directly).
import type { Action, Successor } from './spec.ts';

export interface ActionDefinition<S, P, A> {
  readonly name: string;
  readonly doc: string;
  /** Every candidate instance of the action in state s (e.g. every task and fd). */
  params(s: S, p: P): Iterable<A>;
  /** The guard: is the instance enabled in s? */
  enabled(s: S, a: A, p: P): boolean;
  /** The effect: the state after the step. Non-determinism belongs in `params`. */
  next(s: S, a: A, p: P): S;
  /** What a reviewer reads; called only when a trace is printed. */
  label(s: S, a: A, p: P, next: S): string;
  /** The lane the step is drawn in. */
  actor?(s: S, a: A, p: P): string;
  /** The name a trace gives an instance that is one value (a task id): its `picks` are then
   * `{ [pick]: a }`; a record instance is its own picks, and a null one picks nothing. `false`:
   * the state alone determines the instance (a walk's cursor), so nothing is picked. */
  readonly pick?: string | false;
}

export function defineAction<S, P, A>(def: ActionDefinition<S, P, A>): Action<S, P> {
  const { params, enabled, next } = def;
  return {
    name: def.name,
    doc: def.doc,
    *successors(s: S, p: P): Iterable<Successor<S>> {
      for (const a of params(s, p)) {
        if (!enabled(s, a, p)) continue;
        const state = next(s, a, p);
        const actor = def.actor?.(s, a, p);
        const label = () => def.label(s, a, p, state);
        const picks = picksOf(a, def.pick);
        yield { label, state, ...(actor === undefined ? {} : { actor }), ...(picks === undefined ? {} : { picks }) };
      }
    },
    forEachSuccessor: ownLoop(params, enabled, next),
    actorOf: (s: S, a: unknown, p: P) => def.actor?.(s, a as A, p),
  };
}

/** An instance's choices by name (Successor.picks): a record is its own; one value is named `pick`. */
function picksOf(a: unknown, pick: string | false = 'instance'): Readonly<Record<string, unknown>> | undefined {
  if (a === null || a === undefined || pick === false) return undefined;
  if (typeof a === 'object' && !Array.isArray(a)) return a as Record<string, unknown>;
  return { [pick]: a };
}

/**
 * The fast path's loop, compiled once per action. Written once and shared, the loop's calls of
 * `params`, `enabled` and `next` would see every action's functions and go megamorphic (no
 * inlining of a one-line guard); a copy per action keeps each call site to one target. The text
 * compiled is this constant loop; the action's functions are passed in, never written into it.
 */
function ownLoop<S, P, A>(
  params: ActionDefinition<S, P, A>['params'],
  enabled: ActionDefinition<S, P, A>['enabled'],
  next: ActionDefinition<S, P, A>['next'],
): (s: S, p: P, emit: (next: S, instance: unknown) => boolean) => boolean {
  return new Function(
    'params',
    'enabled',
    'next',
    `"use strict";
    return function forEachSuccessor(s, p, emit) {
      for (const a of params(s, p)) {
        if (enabled(s, a, p) && !emit(next(s, a, p), a)) return false;
      }
      return true;
    };`,
  )(params, enabled, next);
}
