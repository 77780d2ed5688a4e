// A tiny spec whose guarantee is a liveness property, for the page's lassos: a counter that
// should reach 2 but, under weak fairness of Step, either spins between 0 and 1 for ever
// ('spin': a cycle back to state 1) or stops at 1 with nothing enabled ('stuck': it stutters).
import type { Spec } from '../../checker/spec.ts';
import { tabled } from '../checker/study/tabled.ts';

interface S {
  readonly x: number;
}

export const lassoSpec: Spec<S, { readonly variant: string }> = {
  name: 'test/lasso',
  summary: 'a counter that never reaches 2',
  defaults: { variant: 'spin' },
  init: () => [{ x: 0 }],
  actions: [
    {
      name: 'Step',
      *successors(s, p) {
        if (s.x === 0) yield { label: 'Step(0 -> 1)', actor: 'counter', state: { x: 1 } };
        else if (p.variant === 'spin') yield { label: 'Step(1 -> 0)', actor: 'counter', state: { x: 0 } };
      },
    },
  ],
  invariants: {},
  properties: { 'reaches-two': { op: 'eventually', p: (s) => s.x === 2 } },
  fairness: [{ kind: 'weak', action: 'Step' }],
};

/** Its two rows: the counter that spins, and the one that stops. */
export const lassoStudy = tabled(lassoSpec, 'variant', ['spin', 'stuck']);
