import fc from 'fast-check';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../../checker/run/check.ts';
import { SpecError } from '../../../checker/errors.ts';
import spec from './graphSpecModule.ts';
import { graphArbitrary } from '../randomGraphSpec.ts';

const specFile = resolve(import.meta.dirname, 'graphSpecModule.ts');

describe('the parallel search', () => {
  it(
    'gives the counts, verdicts and traces of one worker, with 2 and 3 workers',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          graphArbitrary,
          fc.boolean(),
          fc.boolean(),
          fc.boolean(),
          fc.constantFrom(2, 3),
          fc.boolean(),
          async (graph, constrained, keepGoing, deadlock, workers, headStart) => {
            const params = { graph, constrained };
            const options = { continue: keepGoing, deadlock, specFile };
            const one = await check(spec, params, options);
            const many = await check(spec, params, { ...options, workers, headStart });
            expect(many.notes).toBeUndefined();
            expect(many.verdict).toBe(one.verdict);
            expect(many.stats).toMatchObject({
              distinctStates: one.stats.distinctStates,
              generatedStates: one.stats.generatedStates,
              depth: one.stats.depth,
              queue: one.stats.queue,
            });
            expect(many.coverage).toEqual(one.coverage);
            expect(many.violations).toEqual(one.violations); // kinds, names and whole traces (actions, labels, states)
          },
        ),
        { numRuns: Number(process.env.RUNS ?? 25) },
      );
    },
    120_000 * Math.max(1, Number(process.env.RUNS ?? 25) / 25),
  );

  it('runs a level again in a bigger table when it outgrows the one sized for it', async () => {
    // One state fans out to 3,000 (nothing suggested it); the table was sized for a handful.
    const fan = Array.from({ length: 3000 }, (_, k) => k + 1);
    const graph = { nodes: 3001, inits: [0], edges: [[fan, ...fan.map((k) => (k % 7 === 0 ? [k - 1, 0] : []))]], bad: [2999], outside: [] };
    for (const keepGoing of [false, true]) {
      const options = { specFile, deadlock: false, continue: keepGoing, invariants: ['NotBad'] };
      const one = await check(spec, { graph, constrained: false }, options);
      const many = await check(spec, { graph, constrained: false }, { ...options, workers: 2, headStart: false });
      expect(many.stats).toMatchObject({ distinctStates: one.stats.distinctStates, generatedStates: one.stats.generatedStates, depth: one.stats.depth });
      expect(many.violations.map((v) => [v.name, v.trace.map((t) => t.label)])).toEqual(one.violations.map((v) => [v.name, v.trace.map((t) => t.label)]));
      expect(one.violations.map((v) => v.name)).toContain('NotBad');
    }
  }, 60_000);

  it('reports an action that throws in a worker as one thread does: the action and the state, exit 75', async () => {
    const file = resolve(import.meta.dirname, 'throwingSpecModule.ts');
    const { default: throwing } = await import('./throwingSpecModule.ts');
    const failure = (workers: number): Promise<unknown> =>
      check(throwing, { failAt: 50 }, { workers, specFile: file, headStart: false }).then(
        () => 'no error',
        (e: unknown) => e,
      );
    const [one, two] = [await failure(1), await failure(2)];
    expect(two).toBeInstanceOf(SpecError);
    expect(two).toMatchObject({ exitCode: 75, message: 'action Step threw: no step from 50 (in state 50)' });
    expect((two as SpecError).message).toBe((one as SpecError).message);
  }, 60_000);

  it('searches with one thread, and says why, when states cannot cross threads', async () => {
    const r = await check(spec, spec.defaults, { workers: 2 });
    expect(r.notes).toEqual(['searched with one thread: the spec was not loaded from a file the workers can load']);
  });
});

describe('the parallel search on a codec spec', () => {
  it('counts TwoPhase with 5 RMs as one thread does (8,832 distinct, 58,146 generated) with 2 and 3 workers, with and without the head start', async () => {
    const file = resolve(import.meta.dirname, '../../../spec/classic/twophase.ts');
    const { default: twophase } = await import('../../../spec/classic/twophase.ts');
    for (const [workers, headStart] of [
      [2, true],
      [3, false],
    ] as const) {
      const r = await check(twophase, { rms: 5 }, { workers, specFile: file, headStart });
      expect(r.notes).toBeUndefined();
      expect(r.stats).toMatchObject({ distinctStates: 8832, generatedStates: 58146, depth: 17 });
    }
  }, 60_000);
});
