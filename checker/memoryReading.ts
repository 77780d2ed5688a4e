// What a memory reading is: the contract between the run's options (a test passes its own reader)
// and the search driver's memory watch (search/memoryWatch.ts), which reads the process's.

export interface HeapReading {
  readonly used: number;
  readonly limit: number;
}

export interface MemoryReading {
  /** The process's resident set: every thread's heap, the buffers, the stored states. */
  readonly rss: number;
  /** Memory outside this thread's JS heap that V8 accounts for (ArrayBuffers and the like). */
  readonly external: number;
  /** This thread's JS heap. */
  readonly heap: HeapReading;
}

export type MemoryReader = () => MemoryReading;
