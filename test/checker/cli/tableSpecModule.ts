// A tiny study, loadable by path, for the CLI tests that run `rmc counterexamples` without the
// revoke model's half-minute search: a counter that climbs to `limit`, which breaks `below-two` in
// the row limit=2 and nowhere in the row limit=1. Written as plain data, as a study outside the
// repository would be (no import but types).
import type { Spec } from '../../../checker/spec.ts';
import type { Study } from '../../../checker/study/study.ts';

type S = { readonly n: number };

const spec: Spec<S, { limit: number }> = {
  name: 'test/counter-table',
  summary: 'a counter climbing to a limit, tabulated across two limits',
  defaults: { limit: 1 },
  init: () => [{ n: 0 }],
  actions: [{ name: 'Inc', successors: (s, p) => (s.n < p.limit ? [{ label: `Inc: ${s.n} -> ${s.n + 1}`, state: { n: s.n + 1 } }] : []) }],
  invariants: { 'below-two': (s) => s.n < 2 },
};

const study: Study<{ limit: number }> = {
  name: spec.name,
  summary: spec.summary,
  defaults: spec.defaults,
  rows: { param: 'limit', values: [1, 2] },
  specFor: () => spec,
};

export default study;
