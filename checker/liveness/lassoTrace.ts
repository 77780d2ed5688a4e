// lassoTrace: a path through the behaviour graph as the trace a reviewer reads.
//
// The graph keeps no labels (a lazy label may hold on to a whole state) and no states, so each
// step is found again by asking the edge's action for its successors of the step's source state
// and taking the one with the edge's actor whose key is the target's (any actor, for an action
// the graph does not tell apart by actor: the first such successor, the one the edge was
// recorded from). The trace starts at a state with the initial node's key and shows the states
// those successors actually are: under a `view`, the graph has one node per view, and the state
// stored there may differ (outside the view) from the state this path reaches.
import type { AnySpec, TraceStep } from '../spec.ts';
import { findSuccessor } from '../trace/findSuccessor.ts';
import { step } from '../trace/rebuild.ts';
import type { BehaviourGraph } from './behaviourGraph.ts';

/** A step without its resulting state: how the last state of a lasso goes back to the loop state. */
export interface LoopStep {
  readonly action: string;
  readonly label: string;
  readonly actor?: string;
}

export function traceOf(graph: BehaviourGraph, spec: AnySpec, params: object, nodes: readonly number[], edges: readonly number[]): TraceStep<unknown>[] {
  const trace: TraceStep<unknown>[] = [{ action: null, label: 'Initial predicate', state: graph.stateAt(nodes[0]!) }];
  for (const e of edges) trace.push(stepOf(graph, spec, params, e, trace[trace.length - 1]!.state));
  return trace;
}

/** Edge e taken from `from` (a state with the key of the edge's source), else from the state the graph has there. */
export function stepOf(graph: BehaviourGraph, spec: AnySpec, params: object, e: number, from: unknown): TraceStep<unknown> & LoopStep {
  const found = find(graph, spec, params, e, from) ?? find(graph, spec, params, e, graph.stateAt(graph.edgeFrom[e]!));
  if (!found)
    throw new Error(
      `lassoTrace: ${spec.actions[graph.instances[graph.edgeInstance[e]!]!.action]!.name} no longer yields a recorded step (is the spec deterministic?)`,
    );
  return found;
}

function find(graph: BehaviourGraph, spec: AnySpec, params: object, e: number, from: unknown): (TraceStep<unknown> & LoopStep) | undefined {
  const { action, actor } = graph.instances[graph.edgeInstance[e]!]!;
  const act = spec.actions[action]!;
  const to = graph.edgeTo[e]!;
  const anyActor = !graph.byActor[action];
  const succ = findSuccessor(act, from, params, (s) => (anyActor || s.actor === actor) && graph.matches(to, s.state));
  return succ && (step(act.name, succ) as TraceStep<unknown> & LoopStep);
}
