import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Spec } from '../../../checker/spec.ts';
import { check } from '../../../checker/run/check.ts';
import { simulate } from '../../../checker/simulate/simulate.ts';
import { replay } from '../../../checker/trace/replay.ts';
import { UsageError } from '../../../checker/errors.ts';
import diehard from '../../../spec/classic/diehard.ts';
import { graphArbitrary, graphSpec, referenceSearch, type NodeState } from '../randomGraphSpec.ts';

/** A counter that may step by 1 or 2 forever, modulo `mod`: never deadlocks, branches at each step. */
const counter = (mod: number): Spec<{ n: number }, {}> => ({
  name: 'counter',
  summary: 'a counter',
  defaults: {},
  init: () => [{ n: 0 }],
  actions: [
    { name: 'Inc', successors: (s) => [{ label: `Inc(${s.n})`, state: { n: (s.n + 1) % mod } }] },
    { name: 'Jump', successors: (s) => [{ label: `Jump(${s.n})`, state: { n: (s.n + 2) % mod } }] },
  ],
  invariants: { Below7: (s) => s.n < 7 },
});

const labels = (r: Awaited<ReturnType<typeof simulate>>) => r.violations.map((v) => v.trace.map((s) => s.label));

describe('simulate', () => {
  it('gives the same walks, counts and trace for the same seed', async () => {
    const options = { seed: 42, depth: 30, traces: 50 };
    const a = await simulate(diehard, diehard.defaults, options);
    const b = await simulate(diehard, diehard.defaults, options);
    expect(labels(a)).toEqual(labels(b));
    expect(a.stats.generatedStates).toBe(b.stats.generatedStates);
    expect(a.stats.distinctStates).toBe(b.stats.distinctStates);
    const clean = { seed: 7, depth: 40, traces: 20, invariants: [] };
    const c = await simulate(counter(1000), {}, clean);
    const d = await simulate(counter(1000), {}, clean);
    expect(c.stats).toMatchObject({ distinctStates: d.stats.distinctStates, generatedStates: d.stats.generatedStates });
    const other = await simulate(counter(1000), {}, { ...clean, seed: 8 });
    expect(other.stats.distinctStates).not.toBe(c.stats.distinctStates); // different walks (not a law; fixed seeds)
  });

  it('finds the DieHard solution and returns a walk that replays through the spec', async () => {
    const r = await simulate(diehard, diehard.defaults, { seed: 1, depth: 50, traces: 1000 });
    expect(r.verdict).toBe('violation');
    const v = r.violations[0]!;
    expect(v).toMatchObject({ kind: 'invariant', name: 'NotSolved' });
    expect(v.trace[0]!.action).toBeNull();
    const replayed = replay(
      diehard,
      diehard.defaults,
      v.trace.slice(1).map((s) => s.label),
    );
    expect(replayed.map((s) => s.state)).toEqual(v.trace.map((s) => s.state));
    expect((v.trace[v.trace.length - 1]!.state as { big: number }).big).toBe(4);
    expect(v.trace.length).toBeGreaterThanOrEqual(7); // no walk beats the shortest trace
  });

  it('walks at most `depth` steps', async () => {
    const r = await simulate(counter(1000), {}, { seed: 3, depth: 12, traces: 30, invariants: [] });
    expect(r.verdict).toBe('ok');
    expect(r.stats.depth).toBe(13); // 12 steps: 13 states, as BFS levels count them
    const deep = await simulate(counter(10), {}, { seed: 3, depth: 5, traces: 200 });
    expect(deep.verdict).toBe('violation'); // n >= 7 is reachable within 5 steps of +1/+2
    expect(deep.violations[0]!.trace.length).toBeLessThanOrEqual(6);
    const none = await simulate(counter(10), {}, { seed: 3, depth: 3, traces: 200 });
    expect(none.verdict).toBe('ok'); // 3 steps reach 6 at most
    expect(none.stats.depth).toBe(4);
  });

  it('counts every initial state and every successor generated', async () => {
    // Each step of the counter yields two successors: 1 initial + traces x depth x 2.
    const r = await simulate(counter(1000), {}, { seed: 9, depth: 20, traces: 10, invariants: [] });
    expect(r.stats.generatedStates).toBe(1 + 10 * 20 * 2);
    expect(r.coverage).toEqual({ Inc: { generated: 200, distinct: expect.any(Number) }, Jump: { generated: 200, distinct: expect.any(Number) } });
    expect(r.coverage.Inc!.distinct + r.coverage.Jump!.distinct + 1).toBe(r.stats.distinctStates);
  });

  it('reports a deadlock unless told not to', async () => {
    const stuck: Spec<number, {}> = {
      name: 's',
      summary: '',
      defaults: {},
      init: () => [0],
      actions: [{ name: 'Go', successors: (n) => (n < 3 ? [{ label: `Go ${n}`, state: n + 1 }] : []) }],
      invariants: {},
    };
    const r = await simulate(stuck, {}, { seed: 0, depth: 10, traces: 3 });
    expect(r.violations).toMatchObject([{ kind: 'deadlock', name: 'deadlock' }]);
    expect(r.violations[0]!.trace.map((s) => s.state)).toEqual([0, 1, 2, 3]);
    const quiet = await simulate(stuck, {}, { seed: 0, depth: 10, traces: 3, deadlock: false });
    expect(quiet).toMatchObject({ verdict: 'ok', stats: { generatedStates: 1 + 3 * 3, distinctStates: 4, depth: 4 } });
  });

  it('refuses unknown invariants and negative bounds', async () => {
    await expect(simulate(diehard, diehard.defaults, { seed: 0, depth: 5, traces: 1, invariants: ['Nope'] })).rejects.toThrow(UsageError);
    await expect(simulate(diehard, diehard.defaults, { seed: 0, depth: -1, traces: 1 })).rejects.toThrow(UsageError);
  });

  it('on random graphs: adds up its counts, stays within the reachable states and only reports real violations', async () => {
    await fc.assert(
      fc.asyncProperty(graphArbitrary, fc.boolean(), fc.integer(), async (g, constrained, seed) => {
        const spec = graphSpec(g, constrained);
        const ref = referenceSearch(g, constrained);
        const r = await simulate(spec, {}, { seed, depth: 8, traces: 20, deadlock: false });
        const successors = Object.values(r.coverage).reduce((n, c) => n + c.generated, 0);
        expect(r.stats.generatedStates).toBe(g.inits.length + successors);
        expect(r.stats.distinctStates).toBeLessThanOrEqual(ref.distinct);
        expect(r.stats.depth).toBeLessThanOrEqual(9);
        const exhaustive = await check(spec, {}, { deadlock: false });
        if (r.verdict === 'violation') {
          expect(exhaustive.verdict).toBe('violation');
          const trace = r.violations[0]!.trace;
          const first = (trace[0]!.state as NodeState).get('id');
          const replayed = replay<NodeState>(
            spec,
            {},
            trace.slice(1).map((s) => s.label),
            (s) => s.get('id') === first,
          );
          expect(replayed.map((s) => s.state.get('id'))).toEqual(trace.map((s) => (s.state as NodeState).get('id')));
          expect(g.bad).toContain((trace[trace.length - 1]!.state as NodeState).get('id'));
        }
      }),
      { numRuns: 200 },
    );
  });
});
