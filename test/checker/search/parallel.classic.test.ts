// The classic specs searched by two workers from the first level on (no head start), against one
// thread: codec states (TwoPhase, philosophers), plain JSON (DieHard, TCommit, MCVoting), a
// symmetry whose keys are not the states' codec bytes (MCVoting), violations and deadlocks.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnySpec } from '../../../checker/spec.ts';
import { check } from '../../../checker/run/check.ts';
import type { CheckOptions } from '../../../checker/checkOptions.ts';

const cases: [string, object, CheckOptions][] = [
  ['diehard', {}, {}],
  ['tcommit', {}, {}],
  ['twophase', { rms: 4 }, { continue: true }],
  ['philosophers', { n: 5 }, {}],
  ['philosophers', { n: 5 }, { deadlock: false }],
  ['mcvoting', {}, { continue: true }],
  ['mcvoting', {}, { continue: true, symmetry: true }],
];

describe('the parallel search on the classic specs', () => {
  it.each(cases)(
    "%s %j %j: two workers give one thread's result",
    async (name, params, options) => {
      const specFile = resolve(import.meta.dirname, `../../../spec/classic/${name}.ts`);
      const spec = (await import(specFile)).default as AnySpec;
      const full = { ...spec.defaults, ...params };
      const one = await check(spec, full, { ...options, properties: [] });
      const two = await check(spec, full, { ...options, properties: [], workers: 2, specFile, headStart: false });
      expect(two.notes).toBeUndefined();
      expect(two.verdict).toBe(one.verdict);
      const { seconds: _a, statesPerSecond: _b, storeBytes: _c, ...oneStats } = one.stats;
      expect(two.stats).toMatchObject(oneStats);
      expect(two.coverage).toEqual(one.coverage);
      expect(two.violations).toEqual(one.violations);
    },
    60_000,
  );
});
