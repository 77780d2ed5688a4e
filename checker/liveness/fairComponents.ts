// fairComponents: the maximal fair strongly connected subgraphs within a region of the graph.
//
// A behaviour that ends inside a region ends by touring a strongly connected set of its nodes for
// ever (a single node counts: the behaviour may stutter there). Touring all of a component K
// infinitely often is fair exactly when, for every condition:
//   WF: K takes the action on one of its edges, or the action is disabled at some node of K;
//   SF: K takes the action, or the action is disabled at every node of K.
// If WF fails on K it fails on every cycle inside K (enabled everywhere, never taken), so K is
// dropped. If SF fails, a fair cycle inside K must avoid every node where the action is enabled:
// those nodes are removed and the rest is split into components again (the standard refinement;
// TLC reaches the same answer by expanding SF into its disjuncts). Every fair cycle of the region
// lies inside one returned component, so the components answer "is there a fair cycle with ...".
import type { BehaviourGraph } from './behaviourGraph.ts';
import type { FairnessCondition } from './fairnessConditions.ts';
import type { StronglyConnectedComponents } from './scc.ts';

export function fairComponents(
  graph: BehaviourGraph,
  scc: StronglyConnectedComponents,
  conditions: readonly FairnessCondition[],
  region: Uint8Array,
): Int32Array[] {
  const n = graph.size;
  const set = new Int32Array(n).fill(-1); // which pending node set a node belongs to
  const inComponent = new Int32Array(n).fill(-1); // stamp of the component being judged
  const fair: Int32Array[] = [];
  const all: number[] = [];
  for (let v = 0; v < n; v++) if (region[v]) all.push(v);
  const pending: Int32Array[] = [Int32Array.from(all)];
  let sets = 0;
  let stamp = 0;
  for (const v of all) set[v] = sets;
  const taken = new Uint8Array(conditions.length);
  const enabledCount = new Int32Array(conditions.length);

  while (pending.length > 0) {
    const nodes = pending.pop()!;
    const id = set[nodes[0]!]!;
    for (const K of scc.components(nodes, (w) => set[w] === id)) {
      const k = ++stamp;
      for (const v of K) inComponent[v] = k;
      taken.fill(0);
      enabledCount.fill(0);
      for (const v of K) {
        for (let c = 0; c < conditions.length; c++) enabledCount[c]! += conditions[c]!.enabled[v]!;
        for (let j = graph.outStart[v]!; j < graph.outStart[v + 1]!; j++) {
          const e = graph.outEdge[j]!;
          if (inComponent[graph.edgeTo[e]!] !== k) continue;
          const inst = graph.edgeInstance[e]!;
          for (let c = 0; c < conditions.length; c++) if (conditions[c]!.takenBy[inst]) taken[c] = 1;
        }
      }
      let weakFails = false;
      const strongFails: number[] = [];
      for (let c = 0; c < conditions.length; c++) {
        if (taken[c] || enabledCount[c] === 0) continue;
        if (conditions[c]!.kind === 'weak') {
          if (enabledCount[c] === K.length) weakFails = true;
        } else strongFails.push(c);
      }
      if (weakFails) continue;
      if (strongFails.length === 0) {
        fair.push(K);
        continue;
      }
      const rest = Array.from(K).filter((v) => strongFails.every((c) => !conditions[c]!.enabled[v]));
      const restId = ++sets;
      for (const v of K) set[v] = -1;
      for (const v of rest) set[v] = restId;
      if (rest.length > 0) pending.push(Int32Array.from(rest));
    }
  }
  return fair;
}
