// Random small behaviour graphs for property tests: up to four nodes, two actions whose edges may
// carry an actor, fairness per actor or not, predicates p and q, and (often) a constraint.
import fc from 'fast-check';
import type { Fairness } from '../../../checker/spec.ts';
import type { Edge, GraphDesc } from './graphSpec.ts';

const N = 4;
const node = fc.integer({ min: 0, max: N - 1 });
const nodes = fc.uniqueArray(node, { maxLength: N });
const edge: fc.Arbitrary<Edge> = fc
  .tuple(node, node, fc.constantFrom<string | undefined>(undefined, 'x', 'y'))
  .map(([from, to, actor]) => (actor === undefined ? [from, to] : [from, to, actor]));
const fairness: fc.Arbitrary<Fairness> = fc.record({
  kind: fc.constantFrom('weak' as const, 'strong' as const),
  action: fc.constantFrom('A', 'B'),
  perActor: fc.boolean(),
});

/** A graph whose constraint (`inside`) is absent once in `constraintFreq` + 1 draws. */
export function randomGraph(constraintFreq: number): fc.Arbitrary<GraphDesc> {
  return fc
    .record({
      init: fc.uniqueArray(node, { minLength: 1, maxLength: 2 }),
      a: fc.array(edge, { maxLength: 5 }),
      b: fc.array(edge, { maxLength: 4 }),
      p: nodes,
      q: nodes,
      fairness: fc.array(fairness, { maxLength: 3 }),
      inside: fc.option(nodes, { freq: constraintFreq }),
    })
    .map(({ a, b, inside, ...rest }) => ({ ...rest, actions: { A: a, B: b }, ...(inside === null ? {} : { inside }) }));
}
