// checkProperty: does a temporal property hold on every fair behaviour of the behaviour graph?
//
// Behaviours start in an initial state and may stutter (TLA+), so one may stop for ever in any
// state unless fairness forbids it. Each operator's negation is a lasso shape (findLasso.ts):
//   always p           ~p reachable: a safety check, as TLC checks []P for a state predicate P
//                      (an implied invariant); the trace is a plain path, no loop
//   eventually p       a fair cycle reached through ~p states only, all ~p: [](~p)
//   alwaysEventually p a fair cycle of ~p states reached any way: <>[](~p)
//   eventuallyAlways p a fair cycle through a ~p state: []<>(~p)
//   leadsTo p q        a p /\ ~q state, then ~q states and a fair cycle of them
// Unlike Stateright's `eventually`, which looks only at paths' ends, a cycle that never meets p
// is a counterexample here, as in TLC.
import type { AnySpec, TraceStep } from '../spec.ts';
import type { CycleFairness } from '../findings.ts';
import { cycleFairness } from './cycleFairness.ts';
import type { BehaviourGraph } from './behaviourGraph.ts';
import type { FairnessCondition } from './fairnessConditions.ts';
import { findLasso, shortestPrefix, type LassoShape } from './findLasso.ts';
import { traceOf, type LoopStep } from './lassoTrace.ts';
import type { StronglyConnectedComponents } from './scc.ts';

export type PropertyOp = 'always' | 'eventually' | 'alwaysEventually' | 'eventuallyAlways' | 'leadsTo';

export type PropertyResult<S = unknown> =
  | { readonly holds: true }
  | {
      readonly holds: false;
      readonly trace: readonly TraceStep<S>[];
      /**
       * The index of the state the last step returns to; trace.length - 1 when the last state
       * stutters for ever. Absent for `always`, whose counterexample is a finite path.
       */
      readonly loopIndex?: number;
      /** The step from the last state back to trace[loopIndex] (absent when it stutters). */
      readonly loopStep?: LoopStep;
      /** How the cycle meets each fairness condition (absent for `always`). */
      readonly cycleFairness?: CycleFairness;
    };

/** A property with its predicates already evaluated on every node (1 = holds). */
export interface EvaluatedProperty {
  readonly op: PropertyOp;
  readonly p: Uint8Array;
  /** Only for leadsTo. */
  readonly q?: Uint8Array;
}

export interface PropertyContext {
  readonly graph: BehaviourGraph;
  readonly scc: StronglyConnectedComponents;
  readonly conditions: readonly FairnessCondition[];
  readonly spec: AnySpec;
  readonly params: object;
}

export function checkProperty(ctx: PropertyContext, property: EvaluatedProperty): PropertyResult {
  const { graph, scc, conditions, spec, params } = ctx;
  const not = (a: Uint8Array): Uint8Array => a.map((x) => 1 - x);
  if (property.op === 'always') {
    const everywhere = new Uint8Array(graph.size).fill(1);
    const path = shortestPrefix(graph, { region: everywhere }, (v) => property.p[v] === 0);
    return path ? { holds: false, trace: traceOf(graph, spec, params, path.nodes, path.edges) } : { holds: true };
  }
  const lasso = findLasso(graph, scc, conditions, shapeOf(property, graph.size, not));
  if (!lasso) return { holds: true };
  const cycleEdges = [...lasso.edges.slice(lasso.loopIndex), ...(lasso.loopEdge < 0 ? [] : [lasso.loopEdge])];
  const fair = cycleFairness(graph, spec, conditions, lasso.nodes.slice(lasso.loopIndex), cycleEdges);
  if (lasso.loopEdge < 0)
    return { holds: false, trace: traceOf(graph, spec, params, lasso.nodes, lasso.edges), loopIndex: lasso.loopIndex, cycleFairness: fair };
  // The step back to the loop state is found with the path, so the last state is one it leaves from.
  const whole = traceOf(graph, spec, params, lasso.nodes, [...lasso.edges, lasso.loopEdge]);
  const { action, label, actor } = whole[whole.length - 1] as TraceStep<unknown> & LoopStep;
  const loopStep = actor === undefined ? { action: action!, label } : { action: action!, label, actor };
  return { holds: false, trace: whole.slice(0, -1), loopIndex: lasso.loopIndex, loopStep, cycleFairness: fair };
}

function shapeOf(property: EvaluatedProperty, n: number, not: (a: Uint8Array) => Uint8Array): LassoShape {
  const everywhere = new Uint8Array(n).fill(1);
  switch (property.op) {
    case 'eventually':
      return { region: not(property.p) };
    case 'alwaysEventually':
      return { trigger: everywhere, region: not(property.p) };
    case 'eventuallyAlways':
      return { region: everywhere, accept: not(property.p) };
    case 'leadsTo':
      if (!property.q) throw new Error('checkProperty: leadsTo needs q');
      return { trigger: property.p, region: not(property.q) };
    case 'always':
      throw new Error('checkProperty: always is a safety check');
  }
}
