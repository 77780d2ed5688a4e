// lassoTrace: a path through the behaviour graph as the trace a reviewer reads.
//
// The graph keeps no labels (a lazy label may hold on to a whole state) and no states, so each
// step is found again by asking the edge's action for its successors of the step's source state
// and taking the one with the edge's actor whose key is the target's (any actor, for an action
// the graph does not tell apart by actor: the first such successor, the one the edge was
// recorded from). The trace starts at a state with the initial node's key and shows the states
// those successors actually are: under a `view`, the graph has one node per view, and the state
// stored there may differ (outside the view) from the state this path reaches.
import type { AnySpec, Successor, TraceStep } from '../spec.ts';
import { step } from '../trace/rebuild.ts';
import type { BehaviourGraph } from './behaviourGraph.ts';

/** A step without its resulting state: how the last state of a lasso goes back to the loop state. */
export interface LoopStep {
  readonly action: string;
  readonly label: string;
  readonly actor?: string;
}

export function traceOf(graph: BehaviourGraph, spec: AnySpec, params: object, nodes: readonly number[], edges: readonly number[]): TraceStep<unknown>[] {
  const first: TraceStep<unknown> = { action: null, label: 'Initial predicate', state: graph.stateAt(nodes[0]!) };
  // Under a view, several states share a node, and the first successor with the target's key
  // need not be one the next edge leaves from (a state outside the constraint with the key of one
  // inside, say): each step takes the first candidate from which the rest of the path goes on.
  const rest = pathFrom(graph, spec, params, edges, 0, first.state);
  if (rest === undefined) throw notFound(graph, spec, edges[0]!);
  return [first, ...rest];
}

/** The steps of edges[i..] from `from`, trying each state the edge may reach; undefined if none goes on. */
function pathFrom(graph: BehaviourGraph, spec: AnySpec, params: object, edges: readonly number[], i: number, from: unknown): TraceStep<unknown>[] | undefined {
  if (i === edges.length) return [];
  for (const next of candidates(graph, spec, params, edges[i]!, from)) {
    const rest = pathFrom(graph, spec, params, edges, i + 1, next.state);
    if (rest !== undefined) return [next, ...rest];
  }
  return undefined;
}

function notFound(graph: BehaviourGraph, spec: AnySpec, e: number): Error {
  return new Error(
    `lassoTrace: ${spec.actions[graph.instances[graph.edgeInstance[e]!]!.action]!.name} no longer yields a recorded step (is the spec deterministic?)`,
  );
}

/** The steps edge e may be: its action's successors of `from` with the edge's actor and the target's key, then those of the state the graph has at the edge's source. */
function* candidates(graph: BehaviourGraph, spec: AnySpec, params: object, e: number, from: unknown): Generator<TraceStep<unknown> & LoopStep> {
  const { action, actor } = graph.instances[graph.edgeInstance[e]!]!;
  const act = spec.actions[action]!;
  const to = graph.edgeTo[e]!;
  const anyActor = !graph.byActor[action];
  // A behaviour stays inside the constraint: a successor outside it with the target's key (under a view) is not the step.
  const inside = (s: Successor<unknown>): boolean => spec.constraint === undefined || spec.constraint(s.state, params);
  const recorded = (s: Successor<unknown>): boolean => (anyActor || s.actor === actor) && graph.matches(to, s.state) && inside(s);
  for (const source of [from, graph.stateAt(graph.edgeFrom[e]!)]) {
    for (const succ of act.successors(source, params)) if (recorded(succ)) yield step(act.name, succ) as TraceStep<unknown> & LoopStep;
  }
}
