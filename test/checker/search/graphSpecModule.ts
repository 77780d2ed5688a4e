// A random-graph spec loadable by path (search workers import specs by file): the graph is a
// parameter, so each property-test case passes its own. States are plain JSON, so they cross
// threads by structured clone.
import type { Spec } from '../../../checker/spec.ts';
import type { Graph } from '../randomGraphSpec.ts';

type Node = { readonly id: number; readonly tag: string };
const node = (id: number): Node => ({ id, tag: `n${id}` });

const spec: Spec<Node, { graph: Graph; constrained: boolean }> = {
  name: 'test/graph',
  summary: 'a random graph given as a parameter',
  defaults: { graph: { nodes: 1, inits: [0], edges: [[[]]], bad: [], outside: [] }, constrained: false },
  init: (p) => p.graph.inits.map(node),
  actions: [0, 1, 2].map((a) => ({
    name: `A${a}`,
    successors: (s: Node, p: { graph: Graph }) => (p.graph.edges[a]?.[s.id] ?? []).map((t) => ({ label: `A${a}: ${s.id} -> ${t}`, state: node(t) })),
  })),
  invariants: {
    NotBad: (s, p) => !p.graph.bad.includes(s.id),
    NotSeven: (s) => s.id !== 7,
  },
  // Reached by some graphs and not others: the search must say so alike with any worker count.
  reachable: { SomeNodeAboveNine: (s) => s.id > 9 },
  constraint: (s, p) => !p.constrained || !p.graph.outside.includes(s.id),
  // Node 0 is a valid end state: with no successor it is a finished run, not a deadlock.
  terminal: (s) => s.id === 0,
};

export default spec;
