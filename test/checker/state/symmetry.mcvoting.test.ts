// TLC's published figures for Paxos MCVoting (tlaplus/Examples): symmetry over acceptors and
// values (MCSymmetry) cuts 599 distinct / 3,124 generated to 77 / 451. TLC counts as generated
// every successor, before reduction, as the search does.
import { describe, expect, it } from 'vitest';
import { check } from '../../../checker/run/check.ts';
import spec from '../../../spec/classic/mcvoting.ts';

describe('symmetry on classic/mcvoting', () => {
  it('reaches 599 distinct states, 3,124 generated without symmetry', async () => {
    const r = await check(spec, spec.defaults, { deadlock: false });
    expect(r.verdict).toBe('ok');
    expect(r.stats).toMatchObject({ distinctStates: 599, generatedStates: 3124, depth: 11 });
  });

  it('reaches 77 distinct states, 451 generated with symmetry over acceptors and values', async () => {
    const r = await check(spec, spec.defaults, { deadlock: false, symmetry: true });
    expect(r.verdict).toBe('ok');
    expect(r.stats).toMatchObject({ distinctStates: 77, generatedStates: 451, depth: 11 });
  });

  it("reaches the same 77 orbits with the default renaming instead of the spec's permute", async () => {
    const renamed = { ...spec, symmetry: (p: typeof spec.defaults) => ({ sets: spec.symmetry!(p).sets }) };
    const r = await check(renamed, spec.defaults, { deadlock: false, symmetry: true });
    expect(r.stats).toMatchObject({ distinctStates: 77, generatedStates: 451 });
  });
});
