// How a lasso's cycle meets the fairness it was judged under, on the clocks (WF(Tick) per clock,
// Wrap under no fairness). The revoke model's T8 is in test/spec/revoke/liveness.test.ts.
import { describe, expect, it } from 'vitest';
import { check } from '../../../checker/run/check.ts';
import { clockSpec } from './clockSpec.ts';

async function lasso(s: Parameters<typeof check>[0], params: object, property: string) {
  const result = await check(s, params, { properties: [property], invariants: [], deadlock: false, continue: true });
  const v = result.violations.find((x) => x.kind === 'property' && x.name === property)!;
  return v;
}

describe('cycleFairness', () => {
  it('says which fair steps the cycle takes and which it never enables (p0 stuck at the top, p1 ticking round)', async () => {
    const v = await lasso(clockSpec().spec, { n: 2, top: 2 }, 'ZeroAgainAndAgain');
    expect(v.loopStep?.label).toBe('Wrap(p1)');
    expect(v.cycleFairness).toEqual({
      conditions: [
        { name: 'WF(Tick[p0])', kind: 'weak', action: 'Tick', actor: 'p0', met: 'never-enabled' },
        { name: 'WF(Tick[p1])', kind: 'weak', action: 'Tick', actor: 'p1', met: 'taken' },
      ],
      unfair: [],
    });
  });

  it('names a step enabled on the cycle that no fairness asks for (p0 stays at the top: Wrap(p0) never taken)', async () => {
    const v = await lasso(clockSpec().spec, { n: 1, top: 1 }, 'ZeroAgainAndAgain');
    expect(v.loopStep).toBeUndefined();
    expect(v.cycleFairness).toEqual({
      conditions: [{ name: 'WF(Tick[p0])', kind: 'weak', action: 'Tick', actor: 'p0', met: 'never-enabled' }],
      unfair: [{ action: 'Wrap' }],
    });
  });
});
