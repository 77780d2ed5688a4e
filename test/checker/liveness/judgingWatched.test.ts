// checkLivenessWatched asks `stop` between the steps of judging too (fairness conditions,
// components, each property), not only while it explores: a Ctrl-C or a spent clock after the
// graph is complete still ends the run, with no property judged.
import { describe, expect, it } from 'vitest';
import { checkLivenessWatched } from '../../../checker/liveness/checkLiveness.ts';
import { clockSpec } from './clockSpec.ts';

describe('checkLivenessWatched while judging', () => {
  it('hears stop once the graph is explored, and is told the distinct states of the whole graph', async () => {
    // 16 states: explored in one 50 ms slice, so the first question comes from the judging.
    const asked: number[] = [];
    const r = await checkLivenessWatched(clockSpec().spec, { n: 2, top: 3 }, { stop: (d) => (asked.push(d), { verdict: 'interrupted' }) });
    expect(r).toEqual({ verdict: 'interrupted' });
    expect(asked).toEqual([16]);
  });

  it('judges every property when stop never says so, asking between the steps', async () => {
    const asked: number[] = [];
    const r = await checkLivenessWatched(clockSpec().spec, { n: 2, top: 3 }, { stop: (d) => (asked.push(d), undefined) });
    expect('verdict' in r).toBe(false);
    if ('verdict' in r) return;
    expect(r.properties.map((p) => [p.name, p.holds])).toEqual([
      ['ZeroLeadsToTop', true],
      ['ZeroAgainAndAgain', false],
      ['OneSettles', false],
    ]);
    expect(asked.length).toBe(4); // after the fairness conditions, the components and between the three properties
  });
});
