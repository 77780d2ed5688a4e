// graphSpec: a Spec built from an explicit graph, for liveness tests. States are plain JSON
// ({ at: node }); each action lists its edges, optionally with an actor.
import type { Fairness, Spec, Temporal } from '../../../checker/spec.ts';

export type Edge = readonly [from: number, to: number, actor?: string];

export interface GraphDesc {
  readonly init: readonly number[];
  readonly actions: Readonly<Record<string, readonly Edge[]>>;
  /** Nodes where p (and q) hold. */
  readonly p?: readonly number[];
  readonly q?: readonly number[];
  readonly fairness?: readonly Fairness[];
  /** Nodes inside the state constraint (default: all). */
  readonly inside?: readonly number[];
}

export interface Node {
  readonly at: number;
}

export type PropertyName = 'always' | 'eventually' | 'alwaysEventually' | 'eventuallyAlways' | 'leadsTo';

export function graphSpec(g: GraphDesc): Spec<Node, {}> {
  const p = (s: Node) => (g.p ?? []).includes(s.at);
  const q = (s: Node) => (g.q ?? []).includes(s.at);
  const properties: Record<PropertyName, Temporal<Node, {}>> = {
    always: { op: 'always', p },
    eventually: { op: 'eventually', p },
    alwaysEventually: { op: 'alwaysEventually', p },
    eventuallyAlways: { op: 'eventuallyAlways', p },
    leadsTo: { op: 'leadsTo', p, q },
  };
  return {
    name: 'test/graph',
    summary: 'an explicit graph',
    defaults: {},
    init: () => g.init.map((at) => ({ at })),
    actions: Object.entries(g.actions).map(([name, edges]) => ({
      name,
      *successors(s: Node) {
        for (const [from, to, actor] of edges) {
          if (from !== s.at) continue;
          const label = () => `${name}${actor === undefined ? '' : `[${actor}]`} ${from}->${to}`;
          yield actor === undefined ? { label, state: { at: to } } : { label, state: { at: to }, actor };
        }
      },
    })),
    invariants: {},
    properties,
    ...(g.fairness ? { fairness: g.fairness } : {}),
    ...(g.inside ? { constraint: (s: Node) => g.inside!.includes(s.at) } : {}),
  };
}
