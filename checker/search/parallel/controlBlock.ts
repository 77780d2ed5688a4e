// ControlBlock: the few words the coordinator and the workers share while a level is expanded,
// so that a long level can be watched and stopped without a message. Messages only arrive at
// the end of a level; these words are read and written while it runs.
//
// Word 0 is the stop word: the coordinator sets it (a budget ran out, Ctrl-C), and a worker that
// sees it abandons its range and answers at once. Then four counts per worker, for this level
// only: states expanded, successors generated, claims made, and claims of higher workers it took
// over (so claims minus take-overs, summed, are the distinct new states so far). The
// coordinator zeroes them before it sends a level; only worker w writes its own, every few
// hundred successors (Atomics.store: never torn), so they lag by at most that much. They are
// figures for progress lines and budgets; the exact counts still come with the level's messages.
// Unsigned 32-bit: a count wraps past 4 * 10^9 per worker and level, hours of one level.
//
// After them, two words per worker that outlive the levels: its JS heap's use and limit, in KiB
// (a worker's heap is its own, which the coordinator cannot read), published every HEAP_MS or
// so while it expands, for the coordinator's memory watch (search/memoryWatch.ts).
import type { HeapReading } from '../../memoryReading.ts';

/** Successors a worker generates between two looks at the control block. */
export const SYNC_EVERY = 512;

const FIELDS = 4;
const HEAP_FIELDS = 2;

/** The least time between two of a worker's heap readings (a reading costs a few microseconds). */
export const HEAP_MS = 20;

export interface LevelFigures {
  readonly expanded: number;
  readonly generated: number;
  /** Distinct new states: claims not taken over. */
  readonly claims: number;
}

export class ControlBlock {
  readonly words: Uint32Array;

  constructor(
    readonly workers: number,
    words?: Uint32Array,
  ) {
    this.words = words ?? new Uint32Array(new SharedArrayBuffer(4 * (1 + (FIELDS + HEAP_FIELDS) * workers)));
  }

  /** The coordinator, before a level is sent: no stop, every count zero (the heaps stay). */
  reset(): void {
    for (let i = 0; i < 1 + FIELDS * this.workers; i++) Atomics.store(this.words, i, 0);
  }

  /** The coordinator: every worker is to abandon the level. */
  stop(): void {
    Atomics.store(this.words, 0, 1);
  }

  /** A worker: publishes its counts so far, and learns whether to stop. */
  publish(me: number, expanded: number, generated: number, claims: number, takenOver: number): boolean {
    const at = 1 + FIELDS * me;
    Atomics.store(this.words, at, expanded);
    Atomics.store(this.words, at + 1, generated);
    Atomics.store(this.words, at + 2, claims);
    Atomics.store(this.words, at + 3, takenOver);
    return Atomics.load(this.words, 0) !== 0;
  }

  /** A worker: its heap's use and limit, in bytes. */
  publishHeap(me: number, used: number, limit: number): void {
    const at = 1 + FIELDS * this.workers + HEAP_FIELDS * me;
    Atomics.store(this.words, at, Math.ceil(used / 1024));
    Atomics.store(this.words, at + 1, Math.floor(limit / 1024));
  }

  /** The coordinator: every worker's heap as last published, in bytes (limit 0: not yet). */
  heaps(): HeapReading[] {
    const heaps: HeapReading[] = [];
    for (let w = 0; w < this.workers; w++) {
      const at = 1 + FIELDS * this.workers + HEAP_FIELDS * w;
      heaps.push({ used: 1024 * Atomics.load(this.words, at), limit: 1024 * Atomics.load(this.words, at + 1) });
    }
    return heaps;
  }

  /** The coordinator: the counts every worker published, summed. */
  figures(): LevelFigures {
    let expanded = 0;
    let generated = 0;
    let claims = 0;
    for (let w = 0; w < this.workers; w++) {
      const at = 1 + FIELDS * w;
      expanded += Atomics.load(this.words, at);
      generated += Atomics.load(this.words, at + 1);
      claims += Atomics.load(this.words, at + 2) - Atomics.load(this.words, at + 3);
    }
    // A take-over can be published before the claim it undoes: never below zero.
    return { expanded, generated, claims: Math.max(0, claims) };
  }
}
