import { describe, expect, it } from 'vitest';
import { checkLiveness } from '../../../checker/liveness/checkLiveness.ts';
import type { PropertyResult } from '../../../checker/liveness/checkProperty.ts';
import { lassoProblem } from './bruteForce.ts';
import { graphSpec, type GraphDesc, type Node, type PropertyName } from './graphSpec.ts';

function run(g: GraphDesc, prop: PropertyName): PropertyResult<Node> {
  const result = checkLiveness(graphSpec(g), {}, { properties: [prop] }).properties[0]!;
  expect(lassoProblem(g, prop, result as PropertyResult<Node>)).toBeNull();
  return result as PropertyResult<Node>;
}

const states = (r: PropertyResult<Node>) => (r.holds ? [] : r.trace.map((t) => t.state.at));
const loop = (r: PropertyResult<Node>) => (r.holds ? undefined : r.loopIndex);

// 0 <-> 1 by Left/Right; Exit goes from 1 to 2, the only state where p holds.
const cycleWithExit = (fairness: GraphDesc['fairness']): GraphDesc => ({
  init: [0],
  actions: { Right: [[0, 1]], Left: [[1, 0]], Exit: [[1, 2]] },
  p: [2],
  ...(fairness ? { fairness } : {}),
});

describe('always', () => {
  it('holds when every reachable state satisfies p', () => {
    expect(
      run(
        {
          init: [0],
          actions: {
            A: [
              [0, 1],
              [1, 0],
            ],
          },
          p: [0, 1],
        },
        'always',
      ).holds,
    ).toBe(true);
  });
  it('reports the shortest path to a ~p state, without a loop', () => {
    const r = run(
      {
        init: [0],
        actions: {
          A: [
            [0, 1],
            [1, 2],
            [0, 3],
            [3, 2],
          ],
        },
        p: [0, 1, 3],
      },
      'always',
    );
    expect(states(r)).toEqual([0, 1, 2]);
    expect(loop(r)).toBeUndefined();
  });
});

describe('eventually', () => {
  it('is violated by stuttering in the initial state without fairness', () => {
    const r = run(cycleWithExit(undefined), 'eventually');
    expect(states(r)).toEqual([0]);
    expect(loop(r)).toBe(0);
  });
  it("finds the fair cycle 0 -> 1 -> 0 that never meets p (Stateright's `eventually` misses it)", () => {
    const r = run(
      cycleWithExit([
        { kind: 'weak', action: 'Right' },
        { kind: 'weak', action: 'Left' },
      ]),
      'eventually',
    );
    expect(states(r)).toEqual([0, 1]);
    expect(loop(r)).toBe(0);
    expect(r.holds ? undefined : r.loopStep?.label).toBe('Left 1->0');
  });
  it('stays violated under weak fairness of Exit, which the cycle disables at 0', () => {
    const fairness = [
      { kind: 'weak', action: 'Right' },
      { kind: 'weak', action: 'Left' },
      { kind: 'weak', action: 'Exit' },
    ] as const;
    expect(run(cycleWithExit(fairness), 'eventually').holds).toBe(false);
  });
  it('holds under strong fairness of Exit, enabled infinitely often on the cycle', () => {
    const fairness = [
      { kind: 'weak', action: 'Right' },
      { kind: 'weak', action: 'Left' },
      { kind: 'strong', action: 'Exit' },
    ] as const;
    expect(run(cycleWithExit(fairness), 'eventually').holds).toBe(true);
  });
  it('holds when weak fairness forces the only way out of a chain', () => {
    const g: GraphDesc = {
      init: [0],
      actions: {
        A: [
          [0, 1],
          [1, 2],
        ],
      },
      p: [2],
      fairness: [{ kind: 'weak', action: 'A' }],
    };
    expect(run(g, 'eventually').holds).toBe(true);
  });
  it('is violated by a deadlock short of p even under fairness', () => {
    const g: GraphDesc = {
      init: [0],
      actions: { A: [[0, 1]], B: [[0, 2]] },
      p: [2],
      fairness: [
        { kind: 'weak', action: 'A' },
        { kind: 'weak', action: 'B' },
      ],
    };
    const r = run(g, 'eventually');
    expect(states(r)).toEqual([0, 1]);
    expect(loop(r)).toBe(1);
  });
});

describe('alwaysEventually', () => {
  const g = (fairness?: GraphDesc['fairness']): GraphDesc => ({
    init: [0],
    actions: { Go: [[0, 1]], Back: [[1, 0]] },
    p: [1],
    ...(fairness ? { fairness } : {}),
  });
  it('is violated by stuttering in a ~p state without fairness', () => {
    expect(states(run(g(), 'alwaysEventually'))).toEqual([0]);
  });
  it('holds when both steps of the cycle are weakly fair', () => {
    expect(
      run(
        g([
          { kind: 'weak', action: 'Go' },
          { kind: 'weak', action: 'Back' },
        ]),
        'alwaysEventually',
      ).holds,
    ).toBe(true);
  });
  it('is violated once the prefix passes p and the cycle never comes back', () => {
    const r = run(
      {
        init: [0],
        actions: {
          A: [
            [0, 1],
            [1, 2],
            [2, 3],
            [3, 2],
          ],
        },
        p: [1],
        fairness: [{ kind: 'weak', action: 'A' }],
      },
      'alwaysEventually',
    );
    expect(states(r)).toEqual([0, 1, 2, 3]);
    expect(loop(r)).toBe(2);
  });
});

describe('eventuallyAlways', () => {
  it('is violated by a fair cycle through a ~p state', () => {
    const r = run(
      {
        init: [0],
        actions: {
          A: [
            [0, 1],
            [1, 0],
          ],
        },
        p: [0],
        fairness: [{ kind: 'weak', action: 'A' }],
      },
      'eventuallyAlways',
    );
    expect(states(r)).toEqual([0, 1]);
    expect(loop(r)).toBe(0);
  });
  it('holds when fairness forces the way into a p state that stutters', () => {
    const g: GraphDesc = { init: [0], actions: { A: [[0, 1]] }, p: [1], fairness: [{ kind: 'weak', action: 'A' }] };
    expect(run(g, 'eventuallyAlways').holds).toBe(true);
    expect(run({ ...g, fairness: [] }, 'eventuallyAlways').holds).toBe(false);
  });
});

describe('leadsTo', () => {
  const chain = (fairness?: GraphDesc['fairness']): GraphDesc => ({
    init: [0],
    actions: {
      A: [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    },
    p: [1],
    q: [3],
    ...(fairness ? { fairness } : {}),
  });
  it('holds when weak fairness carries every p state to q', () => {
    expect(run(chain([{ kind: 'weak', action: 'A' }]), 'leadsTo').holds).toBe(true);
  });
  it('is violated from the p state on, all ~q, without fairness', () => {
    const r = run(chain(), 'leadsTo');
    expect(states(r)).toEqual([0, 1]);
    expect(loop(r)).toBe(1);
  });
  it('is not triggered by a p state where q already holds', () => {
    expect(run({ init: [0], actions: {}, p: [0], q: [0] }, 'leadsTo').holds).toBe(true);
  });
});

describe('fairness per actor', () => {
  // Actor b moves 0 <-> 1 for ever; actor a could go to 2 (p) from either.
  const g = (perActor: boolean): GraphDesc => ({
    init: [0],
    actions: {
      Move: [
        [0, 1, 'b'],
        [1, 0, 'b'],
        [0, 2, 'a'],
        [1, 2, 'a'],
      ],
    },
    p: [2],
    fairness: [{ kind: 'weak', action: 'Move', perActor }],
  });
  it('is satisfied by actor b alone when fairness is over the whole action', () => {
    const r = run(g(false), 'eventually');
    expect(r.holds).toBe(false);
    expect(r.holds ? [] : r.trace.slice(1).map((t) => t.actor)).toEqual(['b']);
  });
  it('makes actor a move too when it is one condition per actor', () => {
    expect(run(g(true), 'eventually').holds).toBe(true);
  });
});

describe('state constraint and view', () => {
  it('counts an action leading outside the constraint as enabled', () => {
    // From 0, A leads to 1, outside the constraint: WF(A) forbids stuttering at 0 for ever, and
    // no fair behaviour remains, so nothing violates <>p.
    const g: GraphDesc = { init: [0], actions: { A: [[0, 1]] }, p: [1], inside: [0], fairness: [{ kind: 'weak', action: 'A' }] };
    const result = checkLiveness(graphSpec(g), {}, { properties: ['eventually'] });
    expect(result.stats).toMatchObject({ distinctStates: 1, generatedStates: 2 });
    expect(result.properties[0]!.holds).toBe(true);
  });
  it('identifies states with the same view', () => {
    const spec = {
      ...graphSpec({
        init: [0],
        actions: {
          A: [
            [0, 1],
            [1, 2],
            [2, 3],
          ],
        },
        p: [3],
      }),
      view: (s: Node) => s.at % 2,
    };
    const result = checkLiveness(spec, {}, { properties: ['eventually'] });
    expect(result.stats).toMatchObject({ distinctStates: 2, generatedStates: 3 });
  });
});
