import fc from 'fast-check';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../../checker/search/check.ts';
import spec from './graphSpecModule.ts';
import { graphArbitrary } from '../randomGraphSpec.ts';

const specFile = resolve(import.meta.dirname, 'graphSpecModule.ts');

describe('the parallel search', () => {
  it('gives the counts, verdicts and traces of one worker, with 2 and 3 workers', async () => {
    await fc.assert(
      fc.asyncProperty(graphArbitrary, fc.boolean(), fc.boolean(), fc.boolean(), fc.constantFrom(2, 3), async (graph, constrained, keepGoing, deadlock, workers) => {
        const params = { graph, constrained };
        const options = { continue: keepGoing, deadlock, specFile };
        const one = await check(spec, params, options);
        const many = await check(spec, params, { ...options, workers });
        expect(many.notes).toBeUndefined();
        expect(many.verdict).toBe(one.verdict);
        expect(many.stats).toMatchObject({ distinctStates: one.stats.distinctStates, generatedStates: one.stats.generatedStates, depth: one.stats.depth });
        expect(many.coverage).toEqual(one.coverage);
        expect(many.violations.map((v) => [v.kind, v.name, v.trace.map((s) => s.label)])).toEqual(one.violations.map((v) => [v.kind, v.name, v.trace.map((s) => s.label)]));
      }),
      { numRuns: Number(process.env.RUNS ?? 25) },
    );
  }, 120_000 * Math.max(1, Number(process.env.RUNS ?? 25) / 25));

  it('searches with one thread, and says why, when states cannot cross threads', async () => {
    const r = await check(spec, spec.defaults, { workers: 2 });
    expect(r.notes).toEqual(['searched with one thread: the spec was not loaded from a file the workers can load']);
  });
});

describe('the parallel search on a codec spec', () => {
  it('counts TwoPhase with 5 RMs as one thread does (8,832 distinct, 58,146 generated) with 2 and 3 workers', async () => {
    const file = resolve(import.meta.dirname, '../../../spec/classic/twophase.ts');
    const { default: twophase } = await import('../../../spec/classic/twophase.ts');
    for (const workers of [2, 3]) {
      const r = await check(twophase, { rms: 5 }, { workers, specFile: file });
      expect(r.notes).toBeUndefined();
      expect(r.stats).toMatchObject({ distinctStates: 8832, generatedStates: 58146, depth: 17 });
    }
  }, 60_000);
});
