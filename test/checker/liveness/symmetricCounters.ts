// Interchangeable counters c1..cK, each stepped up to `top`: the search under symmetry sees one
// state per multiset of values (a few thousand), the behaviour graph, always without symmetry,
// every vector of them (top + 1)^K. So a check with a temporal property spends almost all its
// time in the temporal-property phase, whatever the machine's speed.
import type { Spec } from '../../../checker/spec.ts';

type Counters = Readonly<Record<string, number>>;
interface Params {
  readonly counters: number;
  readonly top: number;
}

const ids = (p: Params): string[] => Array.from({ length: p.counters }, (_, i) => `c${i + 1}`);

const spec: Spec<Counters, Params> = {
  name: 'test/symmetric-counters',
  summary: 'interchangeable counters, each stepped up to a bound',
  defaults: { counters: 4, top: 14 },
  init: (p) => [Object.fromEntries(ids(p).map((c) => [c, 0]))],
  actions: [
    {
      name: 'Step',
      successors: (s, p) =>
        ids(p)
          .filter((c) => s[c]! < p.top)
          .map((c) => ({ label: `Step(${c})`, state: { ...s, [c]: s[c]! + 1 }, actor: c })),
    },
  ],
  invariants: { Bounded: (s, p) => ids(p).every((c) => s[c]! <= p.top) },
  properties: { AllReachTop: { op: 'eventually', p: (s, p) => ids(p).every((c) => s[c] === p.top) } },
  fairness: [{ kind: 'weak', action: 'Step', perActor: true }],
  terminal: (s, p) => ids(p).every((c) => s[c] === p.top),
  symmetry: (p) => ({ sets: [ids(p)] }),
};

export default spec;
