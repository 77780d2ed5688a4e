// Memory as a test scripts it (CheckOptions.readMemory): the process's figures on cue.
import type { MemoryReading } from '../../../checker/memoryReading.ts';

export const MB = 2 ** 20;

/** A process of 200 MB whose heap (1 GB of old generation) is 50% full, or 95% once `full()`. */
export function heapFullWhen(full: () => boolean): () => MemoryReading {
  return () => ({ rss: 200 * MB, external: 0, heap: { used: (full() ? 973 : 512) * MB, limit: 1072 * MB } });
}
