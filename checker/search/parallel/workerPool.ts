// WorkerPool: the search workers, and a way to wait for one reply from each that looks up now
// and then (progress, budgets, Ctrl-C: the caller's `onWait`) and gives up when a worker fails.
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { prebuiltBundle } from './prebuilt.ts';
import { SpecError } from '../../errors.ts';
import { formatBytes, oldGenerationLimit, raiseHint } from '../memoryWatch.ts';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.ts';

/**
 * A worker ran out of its JS heap (Node ends the worker, not the process) before the memory
 * watch saw its heap fill: the search cannot go on, but what it found so far stands.
 */
export class WorkerOutOfMemory extends Error {
  constructor(readonly worker: number) {
    // A worker's heap has this thread's limit (both come from NODE_OPTIONS or V8's default).
    const heap = { used: 0, limit: v8.getHeapStatistics().heap_size_limit };
    super(`worker ${worker} ran out of its JS heap (its limit is ${formatBytes(oldGenerationLimit(heap))}); ${raiseHint(heap)}`);
  }
}

/** The longest a collect waits between two calls of its `onWait`. */
const WAIT_MS = 100;

export class WorkerPool {
  private readonly workers: Worker[];
  private readonly inbox: FromWorker[][];
  private readonly waiters: (() => void)[] = [];

  /**
   * Starts `count` workers. Prebuilt JavaScript (prebuilt.ts) where both the worker and the spec
   * bundle: no TypeScript compiled at the worker's start. Else the worker registers tsx and
   * compiles its modules.
   */
  static async start(count: number, given: Omit<WorkerSetup, 'me' | 'workers' | 'specBundle'>): Promise<WorkerPool> {
    const worker = await prebuiltBundle(fileURLToPath(new URL('./searchWorker.ts', import.meta.url)));
    const specBundle = worker === undefined ? undefined : await prebuiltBundle(given.specFile);
    const prebuilt = worker !== undefined && specBundle !== undefined;
    const entry = prebuilt ? worker : fileURLToPath(new URL('./workerEntry.cjs', import.meta.url));
    return new WorkerPool(count, entry, { ...given, ...(prebuilt ? { specBundle } : {}) });
  }

  private constructor(count: number, entry: string, setup: Omit<WorkerSetup, 'me' | 'workers'>) {
    this.workers = Array.from({ length: count }, (_, me) => new Worker(entry, { workerData: { ...setup, me, workers: count } satisfies WorkerSetup }));
    this.inbox = this.workers.map(() => []);
    this.workers.forEach((w, i) => {
      w.on('message', (m: FromWorker) => {
        this.inbox[i]!.push(m);
        this.wake();
      });
      w.on('error', (e: NodeJS.ErrnoException) => {
        this.inbox[i]!.push({ type: 'error', message: e.message, exitCode: 255, ...(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { outOfMemory: true } : {}) });
        this.wake();
      });
    });
  }

  send(i: number, m: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.workers[i]!.postMessage(m, transfer);
  }

  broadcast(m: ToWorker): void {
    for (let i = 0; i < this.workers.length; i++) this.send(i, m);
  }

  /** Whether every worker's next message is of this type (without waiting). */
  allSent(type: FromWorker['type']): boolean {
    return this.inbox.every((box) => box[0]?.type === type);
  }

  /**
   * One message from every worker, of the given type, in worker order. `onWait` runs before
   * every wait, so at least every WAIT_MS while workers are busy; it may throw to give up.
   */
  async collect<T extends FromWorker['type']>(type: T, onWait?: () => void): Promise<Extract<FromWorker, { type: T }>[]> {
    for (;;) {
      for (const box of this.inbox) {
        const err = box.find((m) => m.type === 'error');
        if (err && err.type === 'error' && err.outOfMemory) throw new WorkerOutOfMemory(this.inbox.indexOf(box));
        if (err && err.type === 'error') throw new SpecError(err.message, err.exitCode === 76 ? 76 : 75);
      }
      if (this.inbox.every((box) => box.length > 0)) {
        return this.inbox.map((box) => {
          const m = box.shift()!;
          if (m.type !== type) throw new Error(`search worker sent ${m.type}, expected ${type}`);
          return m as Extract<FromWorker, { type: T }>;
        });
      }
      onWait?.();
      await this.nextMessage();
    }
  }

  /** Resolves on the next message from any worker, or after WAIT_MS (to look up). */
  private nextMessage(): Promise<void> {
    return new Promise<void>((wake) => {
      const waiter = (): void => {
        clearTimeout(timer);
        wake();
      };
      // On time out the waiter leaves the list: a level that runs for an hour would else leave
      // tens of thousands of them there.
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        wake();
      }, WAIT_MS);
      this.waiters.push(waiter);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}
