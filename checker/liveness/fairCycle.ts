// fairCycle: a short fair cycle through a given node of a fair component.
//
// The cycle need not tour the whole component, only meet each condition the way the component
// meets it: WF by a node where the action is disabled or a step taking it, SF (when enabled
// somewhere in the component) by a step taking it, and the accepting states by visiting one.
// From the entry node it walks greedily to the nearest thing still owed (breadth-first inside the
// component), then back to the entry. When the entry node alone owes nothing, the cycle is the
// entry stuttering for ever: no step at all.
import type { BehaviourGraph } from './behaviourGraph.ts';
import type { FairnessCondition } from './fairnessConditions.ts';

interface Owed {
  /** Satisfied by visiting a node where this is 1 (absent: only a step satisfies it). */
  readonly node?: Uint8Array;
  /** Satisfied by a step of an instance where this is 1 (absent: only a node satisfies it). */
  readonly step?: Uint8Array;
}

/** nodes[0] and nodes[last] are the entry; edges[i] leads from nodes[i] to nodes[i + 1]. */
export function fairCycle(
  graph: BehaviourGraph,
  conditions: readonly FairnessCondition[],
  component: Int32Array,
  inside: (v: number) => boolean,
  entry: number,
  accept?: Uint8Array,
): { nodes: number[]; edges: number[] } {
  let owed: Owed[] = [];
  for (const c of conditions) {
    if (!component.some((v) => c.enabled[v] === 1)) continue;
    owed.push(c.kind === 'weak' ? { node: c.enabled.map((x) => 1 - x), step: c.takenBy } : { step: c.takenBy });
  }
  if (accept) owed.push({ node: accept });

  const nodes = [entry];
  const edges: number[] = [];
  const visitNode = (v: number): void => {
    owed = owed.filter((o) => !(o.node && o.node[v]));
  };
  const takeEdge = (e: number): void => {
    owed = owed.filter((o) => !(o.step && o.step[graph.edgeInstance[e]!]));
    nodes.push(graph.edgeTo[e]!);
    edges.push(e);
    visitNode(graph.edgeTo[e]!);
  };
  visitNode(entry);
  while (owed.length > 0) {
    const path = pathInside(
      graph,
      inside,
      nodes[nodes.length - 1]!,
      (v) => owed.some((o) => o.node?.[v]),
      (e) => owed.some((o) => o.step?.[graph.edgeInstance[e]!]),
    );
    for (const e of path) takeEdge(e);
  }
  if (edges.length > 0 && nodes[nodes.length - 1] !== entry) {
    for (const e of pathInside(
      graph,
      inside,
      nodes[nodes.length - 1]!,
      (v) => v === entry,
      () => false,
    ))
      takeEdge(e);
  }
  return { nodes, edges };
}

/**
 * The edges of a shortest path inside the component from `from` to a node where `atNode` holds,
 * or ending with a step where `atEdge` holds. The component is strongly connected and owes only
 * what it contains, so such a path exists.
 */
function pathInside(
  graph: BehaviourGraph,
  inside: (v: number) => boolean,
  from: number,
  atNode: (v: number) => boolean,
  atEdge: (e: number) => boolean,
): number[] {
  const via = new Map<number, number>([[from, -1]]);
  const queue = [from];
  const pathTo = (v: number): number[] => {
    const path: number[] = [];
    for (let e = via.get(v)!; e >= 0; e = via.get(graph.edgeFrom[e]!)!) path.push(e);
    return path.reverse();
  };
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    if (atNode(u)) return pathTo(u);
    for (let j = graph.outStart[u]!; j < graph.outStart[u + 1]!; j++) {
      const e = graph.outEdge[j]!;
      const w = graph.edgeTo[e]!;
      if (!inside(w)) continue;
      if (atEdge(e)) return [...pathTo(u), e];
      if (!via.has(w)) {
        via.set(w, e);
        queue.push(w);
      }
    }
  }
  throw new Error('fairCycle: a fair component does not contain what it owes (internal error)');
}
