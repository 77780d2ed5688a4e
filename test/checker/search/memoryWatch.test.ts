// The memory watch, with memory read from a script instead of the process: a heap that fills,
// a worker's heap, the --max-memory budget, and how often it reads.
import { describe, expect, it } from 'vitest';
import { formatBytes, memoryInUse, MemoryWatch } from '../../../checker/search/memoryWatch.ts';
import type { HeapReading, MemoryReading } from '../../../checker/memoryReading.ts';

const MB = 2 ** 20;
/** V8's heap_size_limit for an old generation of `mb` MB (the young generation's 48 MB on top). */
const limitFor = (mb: number): number => (mb + 48) * MB;
const reading = (heapUsedMb: number, { rssMb = 100, oldMb = 4096, externalMb = 1 } = {}): MemoryReading => ({
  rss: rssMb * MB,
  external: externalMb * MB,
  heap: { used: heapUsedMb * MB, limit: limitFor(oldMb) },
});

describe('MemoryWatch', () => {
  it("stops once the JS heap's old generation is 85% full, naming the share, the limit and the flag that raises it", () => {
    let used = 3000;
    const watch = new MemoryWatch(undefined, () => reading(used));
    expect(watch.check(0)).toBeUndefined();
    used = 3482; // 85.0% of 4096
    expect(watch.check(100)).toBe('the JS heap is 85% of its 4.0 GB limit; raise the limit with NODE_OPTIONS=--max-old-space-size=8192 (MB)');
  });

  it("counts a tiny heap's limit as what --max-old-space-size set", () => {
    const watch = new MemoryWatch(undefined, () => reading(90, { oldMb: 100 }));
    expect(watch.check(0)).toBe('the JS heap is 90% of its 100 MB limit; raise the limit with NODE_OPTIONS=--max-old-space-size=200 (MB)');
  });

  it("stops for a worker's heap, which the coordinator only knows from what the worker published", () => {
    const workers: HeapReading[] = [
      { used: 10 * MB, limit: limitFor(4096) },
      { used: 0, limit: 0 }, // not published yet: no limit to judge
      { used: 3600 * MB, limit: limitFor(4096) },
    ];
    const watch = new MemoryWatch(
      undefined,
      () => reading(100),
      () => workers,
    );
    expect(watch.check(0)).toBe("worker 2's JS heap is 87% of its 4.0 GB limit; raise the limit with NODE_OPTIONS=--max-old-space-size=8192 (MB)");
  });

  it('stops at --max-memory against the resident set, or the heaps and buffers when they are more', () => {
    expect(new MemoryWatch(200 * MB, () => reading(50, { rssMb: 150 })).check(0)).toBeUndefined();
    expect(new MemoryWatch(200 * MB, () => reading(50, { rssMb: 200 })).check(0)).toBe('memory budget of 200 MB reached (the process holds 200 MB)');
    // Buffers allocated but not yet written are not resident: the heap and buffers count then.
    expect(new MemoryWatch(200 * MB, () => reading(50, { rssMb: 120, externalMb: 160 })).check(0)).toBe(
      'memory budget of 200 MB reached (the process holds 210 MB)',
    );
    // The workers' heaps count with the coordinator's.
    const worker = [{ used: 160 * MB, limit: limitFor(4096) }];
    expect(
      new MemoryWatch(
        200 * MB,
        () => reading(50, { rssMb: 120 }),
        () => worker,
      ).check(0),
    ).toBe('memory budget of 200 MB reached (the process holds 211 MB)');
  });

  it('reads at most every 50 ms', () => {
    let reads = 0;
    const watch = new MemoryWatch(1, () => (reads++, reading(1)));
    expect(watch.check(1000)).toMatch(/^memory budget of 0 KB reached/);
    expect(watch.check(1020)).toBeUndefined();
    expect(reads).toBe(1);
    expect(watch.check(1050)).toMatch(/^memory budget/);
    expect(reads).toBe(2);
  });

  it('says whether a level copied to every heap would fill one', () => {
    const workers = [{ used: 1000 * MB, limit: limitFor(4096) }];
    const watch = new MemoryWatch(
      undefined,
      () => reading(3000),
      () => workers,
    );
    expect(watch.roomFor(400 * MB)).toBeUndefined();
    expect(watch.roomFor(600 * MB)).toBe(
      'the next level would bring the JS heap to 87% of its 4.0 GB limit; raise the limit with NODE_OPTIONS=--max-old-space-size=8192 (MB)',
    );
  });
});

describe('memoryInUse and formatBytes', () => {
  it('take the larger of the resident set and the heap with its buffers, and print sizes in the units --max-memory takes', () => {
    expect(memoryInUse(reading(10, { rssMb: 300 }))).toBe(300 * MB);
    expect(memoryInUse(reading(10, { rssMb: 5 }), 20 * MB)).toBe(31 * MB);
    expect([formatBytes(512), formatBytes(300 * MB), formatBytes(4.25 * 2 ** 30)]).toEqual(['1 KB', '300 MB', '4.3 GB']);
  });
});
