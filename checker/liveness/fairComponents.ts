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
  // The conditions as bit sets (`words` 32-bit words each), so a component is judged with a few
  // word operations a node and an edge rather than a loop over the conditions for each.
  const { words, enabledAt, takenBy, weak } = conditionBits(graph, conditions);
  const taken = new Int32Array(words); // conditions taken by an edge inside K
  const enabledSomewhere = new Int32Array(words);
  const enabledEverywhere = new Int32Array(words);
  const strongFails = new Int32Array(words);

  while (pending.length > 0) {
    const nodes = pending.pop()!;
    const id = set[nodes[0]!]!;
    for (const K of scc.components(nodes, (w) => set[w] === id)) {
      const k = ++stamp;
      for (const v of K) inComponent[v] = k;
      taken.fill(0);
      enabledSomewhere.fill(0);
      enabledEverywhere.fill(-1);
      for (const v of K) {
        for (let w = 0; w < words; w++) {
          enabledSomewhere[w]! |= enabledAt[v * words + w]!;
          enabledEverywhere[w]! &= enabledAt[v * words + w]!;
        }
        for (let j = graph.outStart[v]!; j < graph.outStart[v + 1]!; j++) {
          const e = graph.outEdge[j]!;
          if (inComponent[graph.edgeTo[e]!] !== k) continue;
          const inst = graph.edgeInstance[e]!;
          for (let w = 0; w < words; w++) taken[w]! |= takenBy[inst * words + w]!;
        }
      }
      // WF fails where the action is enabled at every node of K and never taken; SF where it is
      // enabled at some node and never taken.
      let weakFails = false;
      let anyStrongFails = false;
      for (let w = 0; w < words; w++) {
        if ((enabledEverywhere[w]! & ~taken[w]! & weak[w]!) !== 0) weakFails = true;
        strongFails[w] = enabledSomewhere[w]! & ~taken[w]! & ~weak[w]!;
        if (strongFails[w] !== 0) anyStrongFails = true;
      }
      if (weakFails) continue;
      if (!anyStrongFails) {
        fair.push(K);
        continue;
      }
      const rest = Array.from(K).filter((v) => {
        for (let w = 0; w < words; w++) if ((enabledAt[v * words + w]! & strongFails[w]!) !== 0) return false;
        return true;
      });
      const restId = ++sets;
      for (const v of K) set[v] = -1;
      for (const v of rest) set[v] = restId;
      if (rest.length > 0) pending.push(Int32Array.from(rest));
    }
  }
  return fair;
}

/** Condition c is bit c % 32 of word c / 32: where each is enabled, which instances take it, which are weak. */
function conditionBits(
  graph: BehaviourGraph,
  conditions: readonly FairnessCondition[],
): { words: number; enabledAt: Int32Array; takenBy: Int32Array; weak: Int32Array } {
  const words = Math.max(1, Math.ceil(conditions.length / 32));
  const n = graph.size;
  const enabledAt = new Int32Array(n * words);
  const takenBy = new Int32Array(graph.instances.length * words);
  const weak = new Int32Array(words);
  conditions.forEach((condition, c) => {
    const w = c >>> 5;
    const bit = 1 << (c & 31);
    if (condition.kind === 'weak') weak[w]! |= bit;
    const { enabled } = condition;
    for (let v = 0; v < n; v++) if (enabled[v]) enabledAt[v * words + w]! |= bit;
    for (let i = 0; i < takenBy.length / words; i++) if (condition.takenBy[i]) takenBy[i * words + w]! |= bit;
  });
  return { words, enabledAt, takenBy, weak };
}
