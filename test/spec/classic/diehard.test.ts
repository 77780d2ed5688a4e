import { describe, expect, it } from 'vitest';
import { check } from '../../../checker/run/check.ts';
import { replay } from '../../../checker/trace/replay.ts';
import spec from '../../../spec/classic/diehard.ts';

describe('classic/diehard', () => {
  it('finds the 7-state DieHard trace that measures 4 gallons', async () => {
    const result = await check(spec, spec.defaults);
    expect(result.verdict).toBe('violation');
    const [violation] = result.violations;
    expect(violation).toMatchObject({ kind: 'invariant', name: 'NotSolved' });
    expect(violation!.trace).toHaveLength(7);
    expect(violation!.trace.at(-1)!.state).toMatchObject({ big: 4 });
  });

  it('replays its trace through the spec own actions', async () => {
    const result = await check(spec, spec.defaults);
    const labels = result.violations[0]!.trace.slice(1).map((s) => s.label);
    expect(replay(spec, spec.defaults, labels).at(-1)!.state).toEqual(result.violations[0]!.trace.at(-1)!.state);
  });

  it('reaches 16 distinct states, 97 generated, depth 8 with NotSolved off', async () => {
    const result = await check(spec, spec.defaults, { invariants: ['TypeOK'] });
    expect(result.verdict).toBe('ok');
    expect(result.stats).toMatchObject({ distinctStates: 16, generatedStates: 97, depth: 8 });
  });
});
