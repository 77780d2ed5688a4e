// findLasso: a fair behaviour of a given shape, as a prefix from an initial state and a cycle.
//
// Every temporal property's negation has the same shape: go anywhere until a trigger state, then
// stay for ever inside a region, fairly, and (for <>[]p) pass an accepting state infinitely often:
//   <>p     : start inside region ~p (no free prefix)      []<>p : trigger anywhere, region ~p
//   p ~> q  : trigger p /\ ~q, region ~q                    <>[]p : region everything, accept ~p
// The cycle is chosen inside a fair component of the region (fairComponents.ts). The prefix is a
// shortest path to any such component: a breadth-first search over (node, phase) pairs, phase 0
// before the trigger and phase 1 after it, where switching phase at a trigger state costs no step.
import type { BehaviourGraph } from './behaviourGraph.ts';
import { fairComponents } from './fairComponents.ts';
import type { FairnessCondition } from './fairnessConditions.ts';
import { fairCycle } from './fairCycle.ts';
import type { StronglyConnectedComponents } from './scc.ts';

export interface LassoShape {
  /** Where the region may be entered; absent: the behaviour starts inside the region. */
  readonly trigger?: Uint8Array;
  readonly region: Uint8Array;
  /** The cycle must contain one of these nodes (absent: any cycle). */
  readonly accept?: Uint8Array;
}

/** Nodes and the edges between them; the last node goes back to nodes[loopIndex] by loopEdge. */
export interface Lasso {
  readonly nodes: readonly number[];
  /** edges[i] leads from nodes[i] to nodes[i + 1]. */
  readonly edges: readonly number[];
  readonly loopIndex: number;
  /** The edge from the last node back to the loop node, or -1: the last node stutters for ever. */
  readonly loopEdge: number;
}

export function findLasso(graph: BehaviourGraph, scc: StronglyConnectedComponents, conditions: readonly FairnessCondition[], shape: LassoShape): Lasso | null {
  const n = graph.size;
  const componentOf = new Int32Array(n).fill(-1);
  const components = fairComponents(graph, scc, conditions, shape.region).filter((K) => !shape.accept || K.some((v) => shape.accept![v]));
  components.forEach((K, i) => K.forEach((v) => (componentOf[v] = i)));
  if (components.length === 0) return null;

  const prefix = shortestPrefix(graph, shape, (v) => componentOf[v]! >= 0);
  if (!prefix) return null;
  const entry = prefix.nodes[prefix.nodes.length - 1]!;
  const K = componentOf[entry]!;
  const cycle = fairCycle(graph, conditions, components[K]!, (v) => componentOf[v] === K, entry, shape.accept);
  const loopIndex = prefix.nodes.length - 1;
  if (cycle.edges.length === 0) return { nodes: prefix.nodes, edges: prefix.edges, loopIndex, loopEdge: -1 };
  return {
    nodes: [...prefix.nodes, ...cycle.nodes.slice(1, -1)],
    edges: [...prefix.edges, ...cycle.edges.slice(0, -1)],
    loopIndex,
    loopEdge: cycle.edges[cycle.edges.length - 1]!,
  };
}

/**
 * A shortest path from an initial state, through a trigger state if the shape has one, then
 * inside the region, to a node where `goal` holds (the goal is only tested in phase 1).
 */
export function shortestPrefix(
  graph: BehaviourGraph,
  shape: Pick<LassoShape, 'trigger' | 'region'>,
  goal: (v: number) => boolean,
): { nodes: number[]; edges: number[] } | null {
  const n = graph.size;
  // Pair (v, phase) is numbered 2v + phase; parent[pair] = previous pair, viaEdge = edge taken (-1: phase switch).
  const parent = new Int32Array(2 * n).fill(-2);
  const viaEdge = new Int32Array(2 * n).fill(-1);
  const queue = new Int32Array(2 * n);
  let head = 0;
  let tail = 0;
  let found = -1;
  const reach = (pair: number, from: number, edge: number): boolean => {
    if (parent[pair] !== -2) return false;
    parent[pair] = from;
    viaEdge[pair] = edge;
    queue[tail++] = pair;
    if ((pair & 1) === 1 && goal(pair >> 1)) found = pair;
    return found >= 0;
  };
  const enter = (v: number, from: number, edge: number): boolean => {
    if (!shape.trigger) return shape.region[v] ? reach(2 * v + 1, from, edge) : false;
    if (reach(2 * v, from, edge)) return true;
    return shape.trigger[v] === 1 && shape.region[v] === 1 && reach(2 * v + 1, 2 * v, -1);
  };
  for (const v of graph.initial) if (enter(v, -1, -1)) break;
  while (found < 0 && head < tail) {
    const pair = queue[head++]!;
    const v = pair >> 1;
    const phase = pair & 1;
    for (let j = graph.outStart[v]!; j < graph.outStart[v + 1]! && found < 0; j++) {
      const e = graph.outEdge[j]!;
      const w = graph.edgeTo[e]!;
      if (phase === 1) {
        if (shape.region[w]) reach(2 * w + 1, pair, e);
      } else enter(w, pair, e);
    }
  }
  if (found < 0) return null;
  const nodes: number[] = [];
  const edges: number[] = [];
  for (let pair = found; pair >= 0; pair = parent[pair]!) {
    if (viaEdge[pair] === -1 && parent[pair]! >= 0) continue; // phase switch: same node
    nodes.push(pair >> 1);
    if (viaEdge[pair]! >= 0) edges.push(viaEdge[pair]!);
  }
  return { nodes: nodes.reverse(), edges: edges.reverse() };
}
