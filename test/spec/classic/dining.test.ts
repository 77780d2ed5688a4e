import { describe, expect, it } from 'vitest';
import { check } from '../../../checker/run/check.ts';
import spec from '../../../spec/classic/dining.ts';

describe('classic/dining', () => {
  it('reaches 67 distinct states, 336 generated, depth 29 with 5 philosophers', async () => {
    const result = await check(spec, { NP: 5 });
    expect(result.verdict).toBe('ok');
    expect(result.stats).toMatchObject({ distinctStates: 67, generatedStates: 336, depth: 29 });
  });

  it('declares NobodyStarves per philosopher under weak fairness of each process', () => {
    expect(Object.keys(spec.properties!)).toEqual(['NotHungry1', 'NotHungry2', 'NotHungry3', 'NotHungry4', 'NotHungry5']);
    expect(spec.fairness).toEqual([{ kind: 'weak', action: 'Philosopher', perActor: true }]);
  });

  // NobodyStarves under WF_vars(Philosopher(p)), and its lasso without fairness: test/checker/liveness/dining.test.ts.
});
