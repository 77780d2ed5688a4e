// A search stops (incomplete) before a JS heap reaches its limit, where Node would abort with exit
// 134, and keeps what it found: tested with memory read from a script that fills the heap on cue,
// in one thread and with workers (the coordinator's watch).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnySpec } from '../../../checker/spec.ts';
import { check } from '../../../checker/run/check.ts';
import type { CheckResult } from '../../../checker/findings.ts';
import type { MemoryReading } from '../../../checker/search/memoryWatch.ts';

const specFile = resolve(import.meta.dirname, '../../../spec/classic/twophase.ts');
const MB = 2 ** 20;

/** A process of 200 MB whose heap (1 GB of old generation) is 50% full, or 95% once `full()`. */
function heapFullWhen(full: () => boolean): () => MemoryReading {
  return () => ({ rss: 200 * MB, external: 0, heap: { used: (full() ? 973 : 512) * MB, limit: 1072 * MB } });
}

/** A heap that reads 50% full `reads` times, then 95%. */
function fillingAfter(reads: number): () => MemoryReading {
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

  it("stops with workers inside a level, the coordinator watching, and counts what the level's workers had claimed", async () => {
    // TwoPhase with 250 RMs: 502 states in two levels, then a third of millions (parallel.budgets.test.ts).
    const spec = (await import(specFile)).default as AnySpec;
    let found = 0;
    const r = await check(
      spec,
      { rms: 250 },
      {
        workers: 2,
        specFile,
        headStart: false,
        progressSeconds: 0.05,
        onProgress: (p) => (found = p.distinctStates),
        readMemory: heapFullWhen(() => found > 10_000),
      },
    );
    expect(r.verdict).toBe('incomplete');
    expect(r.incompleteReason).toBe('the JS heap is 95% of its 1.0 GB limit; raise the limit with NODE_OPTIONS=--max-old-space-size=2048 (MB)');
    expect(r.stats.distinctStates).toBeGreaterThan(10_000);
    expect(r.stats.distinctStates).toBeLessThan(125_752); // inside the third level
    expectConsistent(r);
  }, 120_000);

  it('stops at --max-memory, and not before', async () => {
    const spec = (await import(specFile)).default as AnySpec;
    const roomy = await check(spec, { rms: 6 }, { workers: 1, maxMemory: 600 * MB, readMemory: heapFullWhen(() => false) });
    expect(roomy.verdict).toBe('ok');
    const tight = await check(spec, { rms: 6 }, { workers: 1, maxMemory: 400 * MB, readMemory: heapFullWhen(() => false) });
    expect(tight.verdict).toBe('incomplete');
    expect(tight.incompleteReason).toBe('memory budget of 400 MB reached (the process holds 512 MB)');
    await expect(check(spec, { rms: 6 }, { maxMemory: 0 })).rejects.toThrow('--max-memory must be a positive number');
  }, 60_000);
});
