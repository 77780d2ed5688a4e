// MemoryWatch: whether a run is about to run out of memory, asked by the search driver
// (searchDriver.ts) at its periodic look. Two limits:
// - V8's limit on each thread's JS heap. Past it Node aborts with a native stack and exit 134,
//   which the exit-code contract has no place for; so the run stops first (incomplete, exit 3,
//   with its report so far) once a heap is HEAP_FRACTION full, naming the flag that raises it.
//   V8 reports the heap's used bytes and heap_size_limit; the limit --max-old-space-size sets
//   is the old generation's, the rest being the young generation's room.
//   The parallel search's workers have heaps of their own: they publish theirs in the control
//   block (parallel/controlBlock.ts) and the coordinator passes them in as `workerHeaps`.
// - --max-memory, the user's budget for the whole process: its resident set, or, when more, its
//   JS heaps and the buffers V8 knows of (a buffer just allocated is not resident until written).
import v8 from 'node:v8';
import type { HeapReading, MemoryReader, MemoryReading } from '../memoryReading.ts';

/**
 * The share of a heap's old generation (what --max-old-space-size sets) past which the run
 * stops. V8 collects garbage ever more often as the heap nears its limit, so a heap this full is
 * mostly live data; what is left must hold the next growth of a table or a queue, which V8
 * allocates whole (a Map of half a million keys died at 87% of a 100 MB old generation).
 */
export const HEAP_FRACTION = 0.85;

/**
 * What V8 reserves for the young generation within heap_size_limit: two semi-spaces and the new
 * large-object space, 16 MiB each on 64-bit (V8 does not report it; --max-semi-space-size moves it).
 */
const YOUNG_GENERATION = 48 * 2 ** 20;

/** The least time between two readings: reading the resident set costs tens of microseconds. */
const READ_MS = 50;

export const readProcessMemory: MemoryReader = () => {
  const h = v8.getHeapStatistics();
  return { rss: process.memoryUsage.rss(), external: h.external_memory, heap: { used: h.used_heap_size, limit: h.heap_size_limit } };
};

/** The process's memory as --max-memory counts it; `otherHeaps` are the workers' heaps in use. */
export function memoryInUse(r: MemoryReading, otherHeaps = 0): number {
  return Math.max(r.rss, r.heap.used + r.external + otherHeaps);
}

/** "512 MB", "4.1 GB": sizes in the units --max-memory takes (powers of 1024). */
export function formatBytes(n: number): string {
  if (n >= 2 ** 30) return `${(n / 2 ** 30).toFixed(1)} GB`;
  if (n >= 2 ** 20) return `${Math.round(n / 2 ** 20)} MB`;
  return `${Math.round(n / 2 ** 10)} KB`;
}

export class MemoryWatch {
  private lastRead = -Infinity;

  constructor(
    /** --max-memory in bytes, if given. */
    private readonly maxMemory: number | undefined,
    private readonly read: MemoryReader = readProcessMemory,
    /** The workers' heaps, in worker order (the parallel search's coordinator; none elsewhere). */
    private readonly workerHeaps: () => readonly HeapReading[] = () => [],
  ) {}

  /** Why the run must stop for memory, `now` being performance.now(); reads at most every READ_MS. */
  check(now: number): string | undefined {
    if (now - this.lastRead < READ_MS) return undefined;
    this.lastRead = now;
    const reading = this.read();
    if (isNearLimit(reading.heap)) return `the JS heap is ${share(reading.heap)}; ${raiseHint(reading.heap)}`;
    const workers = this.workerHeaps();
    let workersUsed = 0;
    for (const [w, heap] of workers.entries()) {
      if (isNearLimit(heap)) return `worker ${w}'s JS heap is ${share(heap)}; ${raiseHint(heap)}`;
      workersUsed += heap.used;
    }
    const used = memoryInUse(reading, workersUsed);
    if (this.maxMemory !== undefined && used >= this.maxMemory)
      return `memory budget of ${formatBytes(this.maxMemory)} reached (the process holds ${formatBytes(used)})`;
    return undefined;
  }

  /**
   * Why `bytes` more on every heap (this thread's and each worker's) would leave one too full:
   * what the parallel search asks before a level's states are copied to every thread (reading now).
   */
  roomFor(bytes: number): string | undefined {
    const heaps = [this.read().heap, ...this.workerHeaps()];
    for (const [i, heap] of heaps.entries()) {
      const after = { used: heap.used + bytes, limit: heap.limit };
      if (isNearLimit(after))
        return `the next level would bring ${i === 0 ? 'the JS heap' : `worker ${i - 1}'s JS heap`} to ${share(after)}; ${raiseHint(after)}`;
    }
    return undefined;
  }
}

/** The old generation's limit: heap_size_limit less the young generation (at least half of it, for tiny heaps). */
export function oldGenerationLimit(heap: HeapReading): number {
  return Math.max(heap.limit - YOUNG_GENERATION, heap.limit / 2);
}

function isNearLimit(heap: HeapReading): boolean {
  return heap.limit > 0 && heap.used >= HEAP_FRACTION * oldGenerationLimit(heap);
}

/** "92% of its 4.0 GB limit" */
function share(heap: HeapReading): string {
  const limit = oldGenerationLimit(heap);
  return `${Math.floor((100 * heap.used) / limit)}% of its ${formatBytes(limit)} limit`;
}

/** The flag that raises a heap's limit, at twice the present one (in MB) as a start. */
export function raiseHint(heap: HeapReading): string {
  return `raise the limit with NODE_OPTIONS=--max-old-space-size=${Math.ceil((2 * oldGenerationLimit(heap)) / 2 ** 20)} (MB)`;
}
