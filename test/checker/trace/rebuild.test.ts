// rebuildTrace finds a trace's initial state again among init's states by key: under a view, an
// initial state outside the constraint may share the key of the one stored, and is not it.
import { describe, expect, it } from 'vitest';
import { check } from '../../../checker/run/check.ts';
import type { Spec } from '../../../checker/spec.ts';

interface S {
  readonly at: number;
  readonly tag: string;
}

// Both initial states have view 0; only the second lies inside the constraint, so it is stored.
const spec: Spec<S, {}> = {
  name: 'test/view-and-constraint',
  summary: 'two initial states with one view, one outside the constraint',
  defaults: {},
  init: () => [
    { at: 0, tag: 'outside' },
    { at: 0, tag: 'inside' },
  ],
  actions: [{ name: 'Step', successors: (s) => (s.at < 1 ? [{ label: 'Step', state: { ...s, at: s.at + 1 } }] : []) }],
  invariants: { NeverOne: (s) => s.at !== 1 },
  constraint: (s) => s.tag === 'inside' || s.at > 0,
  view: (s) => s.at,
};

describe('rebuildTrace', () => {
  it('starts at the initial state that was stored, not one outside the constraint with its key', async () => {
    const r = await check(spec, {}, { deadlock: false });
    expect(r.violations).toHaveLength(1);
    expect(r.violations[0]!.trace.map((t) => t.state)).toEqual([
      { at: 0, tag: 'inside' },
      { at: 1, tag: 'inside' },
    ]);
  });
});
