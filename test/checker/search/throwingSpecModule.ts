// A spec whose action throws in one state, loadable by path (search workers import specs by file).
import type { Spec } from '../../../checker/spec.ts';

const spec: Spec<number, { failAt: number }> = {
  name: 'test/throwing',
  summary: 'counts up and fails at one number',
  defaults: { failAt: 50 },
  init: () => [0],
  actions: [
    {
      name: 'Step',
      successors: (s, p) => {
        if (s === p.failAt) throw new Error(`no step from ${s}`);
        return s < 100
          ? [
              { label: `${s} + 1`, state: s + 1 },
              { label: `${s} + 2`, state: s + 2 },
            ]
          : [];
      },
    },
  ],
  invariants: {},
  terminal: () => true,
};

export default spec;
