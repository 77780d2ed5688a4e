// Budgets, Ctrl-C and progress inside one level of the parallel search. TwoPhase with 250 RMs
// has a second level of 501 states whose expansion claims 125,251 new ones, and a third that
// would take minutes: every stop below lands inside a level, never at its end.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnySpec } from '../../../checker/spec.ts';
import { check } from '../../../checker/run/check.ts';
import type { CheckResult, Progress } from '../../../checker/findings.ts';
import type { CheckOptions } from '../../../checker/checkOptions.ts';
import { heapFullWhen } from './scriptedMemory.ts';

const specFile = resolve(import.meta.dirname, '../../../spec/classic/twophase.ts');
const params = { rms: 250 };
/** Distinct states once the second level is expanded (1 + 501 + 125,250). */
const AFTER_LEVEL_TWO = 125_752;

async function twoWorkers(options: CheckOptions): Promise<CheckResult> {
  const spec = (await import(specFile)).default as AnySpec;
  return check(spec, params, { workers: 2, specFile, headStart: false, ...options });
}

/** The partial counts add up: coverage plus the one initial state, a queue within what was found. */
function expectConsistent(r: CheckResult): void {
  const cov = Object.values(r.coverage);
  expect(cov.reduce((n, c) => n + c.distinct, 0) + 1).toBe(r.stats.distinctStates);
  expect(cov.reduce((n, c) => n + c.generated, 0) + 1).toBe(r.stats.generatedStates);
  expect(r.stats.queue).toBeGreaterThan(0);
  expect(r.stats.queue).toBeLessThanOrEqual(r.stats.distinctStates);
}

describe('the parallel search stopped inside a level', () => {
  it('stops at a state budget part way through a level, with its claims counted', async () => {
    const r = await twoWorkers({ maxStates: 50_000 });
    expect(r.verdict).toBe('incomplete');
    expect(r.incompleteReason).toBe('state budget of 50000 distinct states reached');
    expect(r.stats.distinctStates).toBeGreaterThanOrEqual(50_000);
    expect(r.stats.distinctStates).toBeLessThan(AFTER_LEVEL_TWO);
    expect(r.stats.depth).toBe(3);
    expectConsistent(r);
  }, 120_000);

  it("prints progress inside a level, with the level's claims so far", async () => {
    const seen: Progress[] = [];
    const r = await twoWorkers({ maxStates: 100_000, progressSeconds: 0.05, onProgress: (p) => seen.push(p) });
    expect(r.verdict).toBe('incomplete');
    const inside = seen.filter((p) => p.distinctStates > 502 && p.distinctStates < AFTER_LEVEL_TWO);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside[0]).toMatchObject({ depth: 3 });
    expect(inside[0]!.generatedStates).toBeGreaterThan(inside[0]!.distinctStates);
  }, 120_000);

  it('hears Ctrl-C inside a level and reports the partial counts', async () => {
    let hit = false;
    const r = await twoWorkers({ interrupted: () => hit, progressSeconds: 0.05, onProgress: (p) => (hit ||= p.distinctStates > 10_000) });
    expect(r.verdict).toBe('interrupted');
    expect(r.stats.distinctStates).toBeGreaterThan(10_000);
    expect(r.stats.distinctStates).toBeLessThan(AFTER_LEVEL_TWO);
    expectConsistent(r);
  }, 120_000);

  it("stops before the coordinator's JS heap fills, with the level's claims counted", async () => {
    let found = 0;
    const onProgress = (p: Progress): number => (found = p.distinctStates);
    const r = await twoWorkers({ progressSeconds: 0.05, onProgress, readMemory: heapFullWhen(() => found > 10_000) });
    expect(r.verdict).toBe('incomplete');
    expect(r.incompleteReason).toBe('the JS heap is 95% of its 1.0 GB limit; raise the limit with NODE_OPTIONS=--max-old-space-size=2048 (MB)');
    expect(r.stats.distinctStates).toBeGreaterThan(10_000);
    expect(r.stats.distinctStates).toBeLessThan(AFTER_LEVEL_TWO);
    expectConsistent(r);
  }, 120_000);

  it('stops at a time budget, wherever it runs out (head start, workers starting, a level)', async () => {
    const r = await twoWorkers({ maxSeconds: 1, headStart: true });
    expect(r.verdict).toBe('incomplete');
    expect(r.incompleteReason).toBe('time budget of 1 s reached');
    expect(r.stats.distinctStates).toBeLessThan(1_000_000); // the third level alone holds millions
  }, 120_000);

  it("gives one thread's counts when nothing stops it, with progress looked up at every wait", async () => {
    const spec = (await import(specFile)).default as AnySpec;
    const small = { rms: 5 };
    const one = await check(spec, small, {});
    const two = await check(spec, small, { workers: 2, specFile, headStart: false, progressSeconds: 0.001, onProgress: () => {} });
    expect(two.coverage).toEqual(one.coverage);
    expect(two.stats).toMatchObject({ distinctStates: one.stats.distinctStates, generatedStates: one.stats.generatedStates, depth: one.stats.depth, queue: 0 });
  }, 120_000);
});
