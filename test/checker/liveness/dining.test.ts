import { describe, expect, it } from 'vitest';
import { checkLiveness } from '../../../checker/liveness/checkLiveness.ts';
import type { Fairness } from '../../../checker/spec.ts';
import spec, { type DiningState } from '../../../spec/classic/dining.ts';
import { lassoProblem } from './lassoReplays.ts';

const params = { NP: 5 };
const nobodyStarves = ['NotHungry1', 'NotHungry2', 'NotHungry3', 'NotHungry4', 'NotHungry5'];

function withFairness(fairness: readonly Fairness[]) {
  return { ...spec, fairness };
}

describe('classic/dining liveness (TLC: 67 distinct, 336 generated)', () => {
  it('holds NobodyStarves for every philosopher under WF_vars(Philosopher(p))', () => {
    const result = checkLiveness(spec, params);
    expect(result.stats).toMatchObject({ distinctStates: 67, generatedStates: 336, depth: 29 });
    expect(result.fairness).toEqual(['WF(Philosopher[p1])', 'WF(Philosopher[p2])', 'WF(Philosopher[p3])', 'WF(Philosopher[p4])', 'WF(Philosopher[p5])']);
    expect(result.properties.map((p) => [p.name, p.holds])).toEqual(nobodyStarves.map((name) => [name, true]));
  });

  it('violates NobodyStarves with a lasso when fairness is removed: philosopher 1 stutters hungry', () => {
    const result = checkLiveness(withFairness([]), params);
    expect(result.stats).toMatchObject({ distinctStates: 67, generatedStates: 336 });
    for (const p of result.properties) {
      expect(p.holds, p.name).toBe(false);
      expect(lassoProblem(spec, params, p, [])).toBeNull();
      expect(lassoProblem(spec, params, p, spec.fairness as Fairness[])).toMatch(/not fair: weak Philosopher\[p\d\]/);
      if (p.holds) continue;
      const who = Number(p.name.slice(-1)) - 1;
      expect(p.trace.slice(p.loopIndex).every((t) => (t.state as DiningState).hungry[who])).toBe(true);
    }
    const first = result.properties[0]!;
    expect(first.holds ? null : { length: first.trace.length, loopIndex: first.loopIndex }).toEqual({ length: 1, loopIndex: 0 });
  });

  it('holds NobodyStarves even under weak fairness of the whole action: no cycle keeps a philosopher hungry', () => {
    const result = checkLiveness(withFairness([{ kind: 'weak', action: 'Philosopher' }]), params);
    expect(result.properties.every((p) => p.holds)).toBe(true);
  });
});
