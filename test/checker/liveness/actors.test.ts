// The behaviour graph asks a step's actor only where a per-actor fairness condition needs it;
// the lasso's steps still carry their actors and labels (found again through successors()).
import { describe, expect, it } from 'vitest';
import { checkLiveness } from '../../../checker/liveness/checkLiveness.ts';
import { clockSpec } from './clockSpec.ts';
import { lassoProblem } from './lassoReplays.ts';

describe('actors in the behaviour graph', () => {
  it('are asked only of actions a per-actor fairness condition names', () => {
    const clocks = clockSpec();
    const result = checkLiveness(clocks.spec, { n: 3, top: 3 });
    expect(result.fairness).toEqual(['WF(Tick[p0])', 'WF(Tick[p1])', 'WF(Tick[p2])']);
    expect(result.properties.map((p) => [p.name, p.holds])).toEqual([
      ['ZeroLeadsToTop', true],
      ['ZeroAgainAndAgain', false],
      ['OneSettles', false],
    ]);
    expect(clocks.actorAsked.Wrap).toBe(0);
    expect(clocks.actorAsked.Tick).toBeGreaterThan(0);
  });

  it('still label a lasso with every step its actor, that of steps the graph never told apart too', () => {
    const clocks = clockSpec();
    const params = { n: 2, top: 2 };
    const lasso = checkLiveness(clocks.spec, params, { properties: ['OneSettles'] }).properties[0]!;
    expect(lasso.holds).toBe(false);
    if (lasso.holds) return;
    expect(lassoProblem(clocks.spec, params, lasso, clocks.spec.fairness as never)).toBeNull();
    const steps = [...lasso.trace.slice(1), ...(lasso.loopStep ? [lasso.loopStep] : [])];
    expect(steps.some((t) => t.action === 'Wrap')).toBe(true);
    expect(steps.every((t) => t.actor === `p${/\(p(\d)\)/.exec(t.label)![1]}`)).toBe(true);
  });
});
