// fairnessConditions: the spec's fairness entries as conditions over the behaviour graph.
//
// Each entry is WF or SF of one action (several entries are separate conditions, never one over
// their disjunction); `perActor` makes one condition per actor value the action's successors
// carry, as `\A p: WF_vars(A(p))` does in TLA+. A condition is "enabled" at a node when one of
// its instances is (ENABLED <A>_v: a successor that changes the state) and "taken" by an edge
// of one of its instances. A condition never enabled anywhere constrains nothing and is dropped.
import type { AnySpec, Fairness } from '../spec.ts';
import { UsageError } from '../errors.ts';
import type { BehaviourGraph } from './behaviourGraph.ts';

export interface FairnessCondition {
  readonly kind: 'weak' | 'strong';
  /** As a reviewer reads it: 'WF(Eat)', 'SF(Eat[p1])'. */
  readonly name: string;
  /** The action's name, and for a per-actor condition its actor. */
  readonly action: string;
  readonly actor?: string;
  /** enabled[v] is 1 when the condition's action (instance) is enabled at node v. */
  readonly enabled: Uint8Array;
  /** takenBy[i] is 1 when an edge of instance i is a step of this condition's action. */
  readonly takenBy: Uint8Array;
}

export function fairnessOf(spec: AnySpec, params: object): readonly Fairness[] {
  const f = spec.fairness;
  return typeof f === 'function' ? f(params) : (f ?? []);
}

export function fairnessConditions(
  graph: BehaviourGraph,
  spec: AnySpec,
  params: object,
  fairness: readonly Fairness[] = fairnessOf(spec, params),
): FairnessCondition[] {
  // Every entry's groups of instances first, then one pass over the graph's enabled lists marks
  // where each group is enabled (a pass per group cost a walk of every node's list each).
  const groups: { entry: Fairness; group: number[]; takenBy: Uint8Array }[] = [];
  for (const entry of fairness) {
    const action = spec.actions.findIndex((a) => a.name === entry.action);
    if (action < 0) {
      const known = spec.actions.map((a) => a.name).join(', ');
      throw new UsageError(`${spec.name}: fairness names unknown action '${entry.action}' (known: ${known})`, 150);
    }
    const instances = graph.instances
      .flatMap((inst, i) => (inst.action === action ? [i] : []))
      .sort((a, b) => byActor(graph.instances[a]!.actor, graph.instances[b]!.actor));
    for (const group of entry.perActor ? instances.map((i) => [i]) : [instances]) {
      const takenBy = new Uint8Array(graph.instances.length);
      for (const i of group) takenBy[i] = 1;
      groups.push({ entry, group, takenBy });
    }
  }
  const enabled = enabledAt(
    graph,
    groups.map((g) => g.takenBy),
  );
  const conditions: FairnessCondition[] = [];
  groups.forEach(({ entry, group, takenBy }, g) => {
    if (!enabled[g]!.includes(1)) return;
    const actor = entry.perActor ? graph.instances[group[0]!]!.actor : undefined;
    const name = `${entry.kind === 'weak' ? 'WF' : 'SF'}(${entry.action}${actor === undefined ? '' : `[${actor}]`})`;
    conditions.push({ kind: entry.kind, name, action: entry.action, ...(actor === undefined ? {} : { actor }), enabled: enabled[g]!, takenBy });
  });
  return conditions;
}

/** Actors in natural order (p2 before p10), the actor-less instance first. */
function byActor(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Per group (its instances marked in `ofInstance`), where one of its instances is enabled. */
function enabledAt(graph: BehaviourGraph, ofInstance: readonly Uint8Array[]): Uint8Array[] {
  const n = graph.size;
  const enabled = ofInstance.map(() => new Uint8Array(n));
  // The groups each instance belongs to (an instance may be in several entries' groups).
  const groupsOf: number[][] = graph.instances.map(() => []);
  ofInstance.forEach((marks, g) => marks.forEach((marked, i) => marked && groupsOf[i]!.push(g)));
  const { enabledStart, enabledInstance } = graph;
  for (let v = 0; v < n; v++) {
    for (let k = enabledStart[v]!; k < enabledStart[v + 1]!; k++) {
      const of = groupsOf[enabledInstance[k]!]!;
      for (let j = 0; j < of.length; j++) enabled[of[j]!]![v] = 1;
    }
  }
  return enabled;
}
