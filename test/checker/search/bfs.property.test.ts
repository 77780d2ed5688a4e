import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../../../checker/run/check.ts';
import { replay } from '../../../checker/trace/replay.ts';
import { graphArbitrary, graphSpec, referenceSearch, type NodeState } from '../randomGraphSpec.ts';

describe('breadth-first search on random graphs', () => {
  it('counts distinct, generated and depth as the naive reference does, with fingerprints and with --exact', async () => {
    await fc.assert(
      fc.asyncProperty(graphArbitrary, fc.boolean(), async (g, constrained) => {
        const ref = referenceSearch(g, constrained);
        for (const exact of [false, true]) {
          const r = await check(graphSpec(g, constrained), {}, { invariants: [], deadlock: false, exact });
          expect(r.verdict).toBe('ok');
          expect(r.stats.distinctStates).toBe(ref.distinct);
          expect(r.stats.generatedStates).toBe(ref.generated);
          expect(r.stats.depth).toBe(ref.depth);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reports a shortest invariant trace that replays through the spec's actions", async () => {
    await fc.assert(
      fc.asyncProperty(graphArbitrary, async (g) => {
        const ref = referenceSearch(g, false);
        const reachableBad = g.bad.filter((k) => ref.dist.has(k));
        const spec = graphSpec(g, false);
        const r = await check(spec, {}, { deadlock: false });
        if (reachableBad.length === 0) {
          expect(r.verdict).toBe('ok');
          return;
        }
        expect(r.verdict).toBe('violation');
        const trace = r.violations[0]!.trace;
        const shortest = Math.min(...reachableBad.map((k) => ref.dist.get(k)!));
        expect(trace.length).toBe(shortest);
        const first = (trace[0]!.state as NodeState).get('id');
        const replayed = replay<NodeState>(
          spec,
          {},
          trace.slice(1).map((s) => s.label),
          (s) => s.get('id') === first,
        );
        expect(replayed.map((s) => s.state.get('id'))).toEqual(trace.map((s) => (s.state as NodeState).get('id')));
        expect(g.bad).toContain((trace[trace.length - 1]!.state as NodeState).get('id'));
      }),
      { numRuns: 300 },
    );
  });

  it('reports a deadlock exactly when a reachable state has no successor, with a shortest trace', async () => {
    await fc.assert(
      fc.asyncProperty(graphArbitrary, async (g) => {
        const ref = referenceSearch(g, false);
        const r = await check(graphSpec(g, false), {}, { invariants: [] });
        if (ref.deadlocks.length === 0) {
          expect(r.verdict).toBe('ok');
          return;
        }
        expect(r.violations[0]!.kind).toBe('deadlock');
        expect(r.violations[0]!.trace.length).toBe(Math.min(...ref.deadlocks.map((k) => ref.dist.get(k)!)));
      }),
      { numRuns: 200 },
    );
  });
});
