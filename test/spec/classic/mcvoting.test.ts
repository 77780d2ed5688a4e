import { describe, expect, it } from 'vitest';
import { check } from '../../../checker/run/check.ts';
import spec from '../../../spec/classic/mcvoting.ts';

describe('classic/mcvoting', () => {
  it('reaches 599 distinct states, 3,124 generated, depth 11 without symmetry', async () => {
    const result = await check(spec, spec.defaults, { deadlock: false });
    expect(result.verdict).toBe('ok');
    expect(result.stats).toMatchObject({ distinctStates: 599, generatedStates: 3124, depth: 11 });
  });

  it('reaches a state where a value is chosen', async () => {
    const result = await check(spec, spec.defaults, { deadlock: false });
    expect(result.violations.filter((v) => v.kind === 'unreached')).toEqual([]);
  });

  // With symmetry over acceptors and values: 77 distinct, 451 generated (test/checker/state/symmetry.mcvoting.test.ts).
});
