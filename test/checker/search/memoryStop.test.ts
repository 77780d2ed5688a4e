// A search stops (incomplete) before a JS heap reaches its limit, where Node would abort with exit
// 134, and keeps what it found: tested with memory read from a script that fills the heap on cue.
// With workers, the coordinator's watch: parallel.budgets.test.ts.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnySpec } from '../../../checker/spec.ts';
import { check } from '../../../checker/run/check.ts';
import type { CheckResult } from '../../../checker/findings.ts';
import { heapFullWhen, MB } from './scriptedMemory.ts';

const specFile = resolve(import.meta.dirname, '../../../spec/classic/twophase.ts');

/** A heap that reads 50% full `reads` times, then 95%. */
function fillingAfter(reads: number): ReturnType<typeof heapFullWhen> {
  let n = 0;
  return heapFullWhen(() => n++ >= reads);
}

/** The partial counts add up, as any stopped search's. */
function expectConsistent(r: CheckResult): void {
  const cov = Object.values(r.coverage);
  expect(cov.reduce((n, c) => n + c.distinct, 0) + 1).toBe(r.stats.distinctStates);
  expect(cov.reduce((n, c) => n + c.generated, 0) + 1).toBe(r.stats.generatedStates);
  expect(r.stats.queue).toBeGreaterThan(0);
}

describe('a search whose JS heap fills', () => {
  it('stops in one thread with the report so far, naming the limit and the flag that raises it', async () => {
    const spec = (await import(specFile)).default as AnySpec;
    const full = await check(spec, { rms: 6 }, { workers: 1 });
    const r = await check(spec, { rms: 6 }, { workers: 1, readMemory: fillingAfter(2) });
    expect(r.verdict).toBe('incomplete');
    expect(r.incompleteReason).toBe('the JS heap is 95% of its 1.0 GB limit; raise the limit with NODE_OPTIONS=--max-old-space-size=2048 (MB)');
    expect(r.stats.distinctStates).toBeLessThan(full.stats.distinctStates);
    expectConsistent(r);
  }, 60_000);

  it('stops at --max-memory, and not before', async () => {
    const spec = (await import(specFile)).default as AnySpec;
    const roomy = await check(spec, { rms: 6 }, { workers: 1, maxMemory: 600 * MB, readMemory: heapFullWhen(() => false) });
    expect(roomy.verdict).toBe('ok');
    const tight = await check(spec, { rms: 6 }, { workers: 1, maxMemory: 400 * MB, readMemory: heapFullWhen(() => false) });
    expect(tight.verdict).toBe('incomplete');
    expect(tight.incompleteReason).toBe('memory budget of 400 MB reached (the process holds 512 MB)');
    await expect(check(spec, { rms: 6 }, { maxMemory: 0 })).rejects.toThrow('--max-memory must be a positive number');
  }, 60_000);

  it('stops cleanly where the seen-set would outgrow --max-memory, before it allocates', async () => {
    // 512 MB read, a budget 100 KB above: the periodic look never stops the run; the seen-set's
    // first growth (from 65,536 slots to 98,304, 768 KB) would pass the budget, so it is refused,
    // the table takes states on to 95% load meanwhile, and the search stops at the next look.
    const spec = (await import(specFile)).default as AnySpec;
    const r = await check(spec, { rms: 7 }, { workers: 1, maxMemory: 512 * MB + 100 * 1024, readMemory: heapFullWhen(() => false) });
    expect(r.verdict).toBe('incomplete');
    expect(r.incompleteReason).toBe("memory budget of 512 MB reached (the seen-set's growth by 768 KB would take the process past it from 512 MB)");
    expect(r.stats.distinctStates).toBeGreaterThanOrEqual(49_152);
    expect(r.stats.distinctStates).toBeLessThan(62_259); // of 296,448
    expectConsistent(r);
  }, 60_000);
});
