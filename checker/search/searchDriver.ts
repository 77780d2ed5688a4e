// SearchDriver: what runs around a search and never inside its visits: Ctrl-C, the budgets
// (distinct states, seconds, memory), the JS heap's limit, progress lines, and the yield to the
// event loop that lets signal handlers run (a search is otherwise one synchronous loop). A search
// is a Stepper that the driver runs a slice at a time, looking up between slices; the parallel
// search's coordinator, which waits on its workers instead, asks stopWanted and progressIfDue at
// each wait. Either way the search itself only says when it has nothing left to do.
import type { CheckOptions } from '../checkOptions.ts';
import type { Progress } from '../findings.ts';
import { MemoryWatch } from './memoryWatch.ts';
import type { HeapReading } from '../memoryReading.ts';
import { stopRequest, type StopRequest } from './stopRequest.ts';

/** The longest a search runs between two yields to the event loop, so Ctrl-C is heard in time. */
export const LOOK_MS = 50;

export interface Stepper {
  /** Does up to n units of work; true once nothing is left, or the search has stopped itself (a violation, its depth budget). */
  step(n: number): boolean;
  /** Distinct states so far: what the state budget is judged against. */
  distinct(): number;
  /** The figures so far, for a progress line. */
  progress(): Progress;
}

export interface DriverOptions {
  /** Ctrl-C and the budgets of states and seconds, asked with the distinct states so far. */
  readonly stop: (now: number, distinct: number) => StopRequest | undefined;
  /** The memory limits; none where `stop` watches them already (the behaviour graph pass: its caller's). */
  readonly memory?: MemoryWatch;
  readonly onProgress?: (p: Progress) => void;
  /** Seconds between two progress reports (default 10). */
  readonly progressSeconds?: number;
}

export class SearchDriver {
  private lastYield: number;
  private lastProgress: number;

  constructor(
    private readonly options: DriverOptions,
    readonly started = performance.now(),
  ) {
    this.lastYield = started;
    this.lastProgress = started;
  }

  /**
   * The driver of a check: its Ctrl-C, budgets, memory limits and progress, with --max-seconds
   * counted from `started`; `workerHeaps`, the parallel search's workers' heaps.
   */
  static of(options: CheckOptions, started = performance.now(), workerHeaps?: () => readonly HeapReading[]): SearchDriver {
    return new SearchDriver(
      {
        stop: (now, distinct) => stopRequest(options, started, now, distinct),
        memory: new MemoryWatch(options.maxMemory, options.readMemory, workerHeaps),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.progressSeconds === undefined ? {} : { progressSeconds: options.progressSeconds }),
      },
      started,
    );
  }

  /** Why the search is to stop now (Ctrl-C, a spent budget, a heap near its limit), with `distinct` states found. */
  stopWanted(now: number, distinct: number): StopRequest | undefined {
    const request = this.options.stop(now, distinct);
    if (request) return request;
    const reason = this.options.memory?.check(now);
    return reason === undefined ? undefined : { verdict: 'incomplete', reason };
  }

  /** Why `bytes` more on every thread's heap would fill one (the parallel search, before a level is copied to them all). */
  roomFor(bytes: number): StopRequest | undefined {
    const reason = this.options.memory?.roomFor(bytes);
    return reason === undefined ? undefined : { verdict: 'incomplete', reason };
  }

  /** Reports `figures()` when `progressSeconds` have passed since the last report. */
  progressIfDue(now: number, figures: () => Progress): void {
    const { onProgress, progressSeconds } = this.options;
    if (!onProgress || now - this.lastProgress < (progressSeconds ?? 10) * 1000) return;
    this.lastProgress = now;
    onProgress(figures());
  }

  /**
   * Runs `search` to its end, `slice` units at a time: after each slice, whether to stop and the
   * progress line when due; every LOOK_MS, a yield. What stopped it, if not its own end.
   */
  async run(search: Stepper, slice: number): Promise<StopRequest | undefined> {
    while (!search.step(slice)) {
      const now = performance.now();
      const request = this.stopWanted(now, search.distinct());
      if (request) return request;
      this.progressIfDue(now, () => search.progress());
      if (now - this.lastYield > LOOK_MS) await this.yieldNow();
    }
    return undefined;
  }

  /** Yields to the event loop: signal handlers run, and the workers' messages come in. */
  async yieldNow(): Promise<void> {
    await new Promise((r) => setImmediate(r));
    this.lastYield = performance.now();
  }

  /** Runs `search` to its end without yielding or stopping (nothing can ask it to), reporting progress after each slice when due. */
  runToEnd(search: Stepper, slice: number): void {
    for (;;) {
      const done = search.step(slice);
      this.progressIfDue(performance.now(), () => search.progress());
      if (done) return;
    }
  }
}
