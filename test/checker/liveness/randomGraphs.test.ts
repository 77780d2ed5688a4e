import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exploreBehaviourGraph } from '../../../checker/liveness/graphPass.ts';
import { checkLiveness } from '../../../checker/liveness/checkLiveness.ts';
import { check as safetyCheck } from '../../../checker/run/check.ts';
import type { PropertyResult } from '../../../checker/liveness/checkProperty.ts';
import { bruteForceHolds, lassoProblem } from './bruteForce.ts';
import { graphSpec, type GraphDesc, type Node, type PropertyName } from './graphSpec.ts';
import { randomGraph } from './randomGraphArbitrary.ts';

const graph = randomGraph(4);

const ops: PropertyName[] = ['always', 'eventually', 'alwaysEventually', 'eventuallyAlways', 'leadsTo'];

function check(g: GraphDesc): { name: string; result: PropertyResult<Node> }[] {
  return checkLiveness(graphSpec(g), {}).properties.map(({ name, ...result }) => ({ name, result: result as PropertyResult<Node> }));
}

describe('liveness on random small graphs', () => {
  it('every reported lasso replays, its cycle is fair, and it violates the property', () => {
    fc.assert(
      fc.property(graph, (g) => {
        for (const { name, result } of check(g)) expect(lassoProblem(g, name as PropertyName, result), name).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with a brute-force enumeration of every lasso cycle', () => {
    fc.assert(
      fc.property(graph, (g) => {
        for (const { name, result } of check(g)) expect(result.holds, name).toBe(bruteForceHolds(g, name as PropertyName));
      }),
      { numRuns: 500 },
    );
  });

  it('covers every operator both ways', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(graph, (g) => {
        for (const { name, result } of check(g)) seen.add(`${name}:${result.holds}`);
      }),
      { numRuns: 300, seed: 1 },
    );
    expect([...seen].sort()).toEqual(ops.flatMap((op) => [`${op}:false`, `${op}:true`]).sort());
  });

  it('explores what the safety search explores: same distinct, generated and depth, under constraint and view', async () => {
    await fc.assert(
      fc.asyncProperty(graph, fc.boolean(), async (g, viewed) => {
        const spec = viewed ? { ...graphSpec(g), view: (s: Node) => s.at % 2 } : graphSpec(g);
        const safety = await safetyCheck(spec, {}, { deadlock: false });
        const { distinctStates, generatedStates, depth } = exploreBehaviourGraph(spec, {}).stats;
        expect({ distinctStates, generatedStates, depth }).toEqual({
          distinctStates: safety.stats.distinctStates,
          generatedStates: safety.stats.generatedStates,
          depth: safety.stats.depth,
        });
      }),
      { numRuns: 200 },
    );
  });
});
