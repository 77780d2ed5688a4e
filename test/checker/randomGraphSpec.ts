// Random small graph specs for property tests: nodes are states, each action a relation over
// them. States are plain objects or Immutable values so the canonical encoding is exercised.
import fc from 'fast-check';
import { Map as IMap, Set as ISet } from 'immutable';
import type { Spec } from '../../checker/spec.ts';

export interface Graph {
  readonly nodes: number;
  readonly inits: readonly number[];
  /** edges[action][node] = successor nodes (duplicates allowed: they count as generated). */
  readonly edges: readonly (readonly (readonly number[])[])[];
  readonly bad: readonly number[];
  readonly outside: readonly number[]; // nodes outside the state constraint
}

export const graphArbitrary: fc.Arbitrary<Graph> = fc.integer({ min: 1, max: 12 }).chain((nodes) =>
  fc.record({
    nodes: fc.constant(nodes),
    inits: fc.array(fc.nat(nodes - 1), { minLength: 1, maxLength: 3 }),
    edges: fc.array(fc.array(fc.array(fc.nat(nodes - 1), { maxLength: 3 }), { minLength: nodes, maxLength: nodes }), { minLength: 1, maxLength: 3 }),
    bad: fc.array(fc.nat(nodes - 1), { maxLength: 2 }),
    outside: fc.array(fc.nat(nodes - 1), { maxLength: 2 }),
  }),
);

export type NodeState = IMap<string, unknown>;

/** Node k as an Immutable state whose parts are built in an order depending on `salt`. */
export function nodeState(k: number, salt: number): NodeState {
  const entries: [string, unknown][] = [
    ['id', k],
    ['tags', ISet(salt % 2 ? [k, -1 - k, 'x'] : ['x', -1 - k, k])], // -1 - k: never -0, which a state may not hold
    ['meta', { b: k % 3, a: [k] }],
  ];
  return IMap(salt % 2 ? entries : entries.reverse());
}

export function graphSpec(g: Graph, withConstraint: boolean): Spec<NodeState, {}> {
  let salt = 0;
  return {
    name: 'random-graph',
    summary: 'a random graph',
    defaults: {},
    init: () => g.inits.map((k) => nodeState(k, salt++)),
    actions: g.edges.map((rel, a) => ({
      name: `A${a}`,
      successors: (s: NodeState) => (rel[s.get('id') as number] ?? []).map((t) => ({ label: `A${a}: ${s.get('id')} -> ${t}`, state: nodeState(t, salt++) })),
    })),
    invariants: { NotBad: (s) => !g.bad.includes(s.get('id') as number) },
    ...(withConstraint ? { constraint: (s: NodeState) => !g.outside.includes(s.get('id') as number) } : {}),
  };
}

/** The naive reference: BFS over node numbers with TLC's counting rules. */
export function referenceSearch(
  g: Graph,
  withConstraint: boolean,
): { distinct: number; generated: number; depth: number; dist: Map<number, number>; deadlocks: number[] } {
  const inModel = (k: number): boolean => !withConstraint || !g.outside.includes(k);
  const dist = new Map<number, number>();
  let generated = 0;
  let frontier: number[] = [];
  for (const k of g.inits) {
    generated++;
    if (inModel(k) && !dist.has(k)) {
      dist.set(k, 1);
      frontier.push(k);
    }
  }
  const deadlocks: number[] = [];
  let level = 1;
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const k of frontier) {
      let succs = 0;
      for (const rel of g.edges) {
        for (const t of rel[k] ?? []) {
          generated++;
          succs++;
          if (inModel(t) && !dist.has(t)) {
            dist.set(t, level + 1);
            next.push(t);
          }
        }
      }
      if (succs === 0) deadlocks.push(k);
    }
    frontier = next;
    level++;
  }
  return { distinct: dist.size, generated, depth: Math.max(0, ...dist.values()), dist, deadlocks };
}
