// cycleFairness: how a lasso's cycle meets each fairness condition, read off the behaviour graph
// the verdict was reached on (the conditions' enabled nodes, the cycle's edges), so the
// counterexample says exactly what the checker assumed and nothing it re-derived:
//   taken              a step of the cycle takes the action (WF and SF met);
//   sometimes-disabled the action is enabled on some of the cycle's states, disabled on others
//                      (WF met: it is not continuously enabled);
//   never-enabled      the action is disabled all along the cycle (WF and SF met).
// Beside them: the steps enabled on the cycle that it never takes and no condition asks for, the
// ones an unfair scheduler may leave waiting for ever (a blocked caller's end, say).
import type { AnySpec } from '../spec.ts';
import type { CycleFairness } from '../findings.ts';
import type { BehaviourGraph } from './behaviourGraph.ts';
import type { FairnessCondition } from './fairnessConditions.ts';

/** `nodes` are the cycle's states, `edges` its steps (none: the last state stutters for ever). */
export function cycleFairness(
  graph: BehaviourGraph,
  spec: AnySpec,
  conditions: readonly FairnessCondition[],
  nodes: readonly number[],
  edges: readonly number[],
): CycleFairness {
  const taken = new Set(edges.map((e) => graph.edgeInstance[e]!));
  const enabled = new Set<number>();
  for (const v of nodes) for (let k = graph.enabledStart[v]!; k < graph.enabledStart[v + 1]!; k++) enabled.add(graph.enabledInstance[k]!);

  const met = conditions.map((c) => {
    const enabledAt = nodes.filter((v) => c.enabled[v] === 1).length;
    const how = [...taken].some((i) => c.takenBy[i] === 1) ? 'taken' : enabledAt === 0 ? 'never-enabled' : 'sometimes-disabled';
    if (how === 'sometimes-disabled' && (c.kind === 'strong' || enabledAt === nodes.length)) {
      throw new Error(`cycleFairness: the lasso's cycle does not meet ${c.name} (internal error)`);
    }
    return { name: c.name, kind: c.kind, action: c.action, ...(c.actor === undefined ? {} : { actor: c.actor }), met: how } as const;
  });

  const covered = (i: number) => conditions.some((c) => c.takenBy[i] === 1);
  const unfair = [...enabled]
    .filter((i) => !taken.has(i) && !covered(i))
    .sort(
      (a, b) => graph.instances[a]!.action - graph.instances[b]!.action || String(graph.instances[a]!.actor).localeCompare(String(graph.instances[b]!.actor)),
    )
    .map((i) => {
      const { action, actor } = graph.instances[i]!;
      return { action: spec.actions[action]!.name, ...(actor === undefined ? {} : { actor }) };
    });
  return { conditions: met, unfair };
}
