// RowPool: worker threads that check whole rows of a table side by side (rowWorker.ts), one search
// thread each. A table's rows are independent searches, so two cores check two rows at once with
// nothing shared between them: no claims, no levels in step, and each row's search is the one
// thread's search, counts and traces exactly as runTable's own. (The parallel search inside a row,
// search/parallel/, shares one row's levels between workers instead; it pays for every new state's
// claim and, with a temporal property, for exploring the behaviour graph again in one thread
// after the search, where one thread records it while it searches.)
//
// The workers start once per table and take rows in the table's order as they come free; the
// study module is loaded once per worker, from the same prebuilt bundle the search workers use.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SpecError } from '../errors.ts';
import type { CheckResult } from '../findings.ts';
import { prebuiltBundle } from '../search/parallel/prebuilt.ts';
import type { FromRowWorker, RowOptions, RowWorkerSetup, ToRowWorker } from './rowProtocol.ts';

/** What became of a row: its result and how long it took, the spec's failure, or the table was interrupted first. */
export type RowOutcome = { readonly result: CheckResult; readonly seconds: number } | SpecError | 'not-started';

interface Pending {
  readonly order: ToRowWorker;
  readonly settle: (outcome: RowOutcome | Error) => void;
  started?: number;
}

/** How often the pool asks whether the table was interrupted while rows run. */
const LOOK_MS = 100;

export class RowPool {
  private readonly queue: Pending[] = [];
  private readonly busy: (Pending | undefined)[];
  private readonly stop = new Int32Array(new SharedArrayBuffer(4));
  private readonly look: ReturnType<typeof setInterval>;
  private readonly interrupted: () => boolean;

  static async start(count: number, specFile: string, interrupted?: () => boolean): Promise<RowPool> {
    const worker = await prebuiltBundle(fileURLToPath(new URL('./rowWorker.ts', import.meta.url)));
    const specBundle = worker === undefined ? undefined : await prebuiltBundle(specFile);
    const prebuilt = worker !== undefined && specBundle !== undefined;
    const entry = prebuilt ? worker : fileURLToPath(new URL('./rowWorkerEntry.cjs', import.meta.url));
    return new RowPool(count, entry, { specFile, ...(prebuilt ? { specBundle } : {}) }, interrupted);
  }

  private readonly workers: Worker[];

  private constructor(count: number, entry: string, setup: Omit<RowWorkerSetup, 'stop'>, interrupted?: () => boolean) {
    const data: RowWorkerSetup = { ...setup, stop: this.stop };
    this.workers = Array.from({ length: count }, () => new Worker(entry, { workerData: data }));
    this.busy = this.workers.map(() => undefined);
    this.workers.forEach((w, i) => {
      w.on('message', (m: FromRowWorker) => this.received(i, m));
      w.on('error', (e) => this.done(i, new Error(`row worker failed: ${e.message}`)));
    });
    this.interrupted = interrupted ?? (() => false);
    this.look = setInterval(() => {
      if (this.interrupted()) this.interrupt();
    }, LOOK_MS);
  }

  /** Checks row `row` under `params` when a worker is free (in the order asked). */
  run(row: number, params: object, options: RowOptions): Promise<RowOutcome | Error> {
    return new Promise((settle) => {
      this.queue.push({ order: { row, params, options }, settle });
      this.dispatch();
    });
  }

  /** The rows under way stop as interrupted; those not started are not started. */
  interrupt(): void {
    Atomics.store(this.stop, 0, 1);
    for (const p of this.queue.splice(0)) p.settle('not-started');
  }

  async close(): Promise<void> {
    clearInterval(this.look);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    if (this.interrupted()) this.interrupt(); // asked before every row, as one thread's search asks as it starts
    for (let i = 0; i < this.workers.length && this.queue.length > 0; i++) {
      if (this.busy[i] !== undefined) continue;
      const next = this.queue.shift()!;
      next.started = performance.now();
      this.busy[i] = next;
      this.workers[i]!.postMessage(next.order);
    }
  }

  private received(i: number, m: FromRowWorker): void {
    if (m.type === 'ready') return;
    const p = this.busy[i];
    if (m.type === 'result') this.done(i, { result: m.result, seconds: (performance.now() - (p?.started ?? 0)) / 1000 });
    else if (m.type === 'spec-error') this.done(i, new SpecError(m.message, m.exitCode));
    else this.done(i, new Error(m.message));
  }

  private done(i: number, outcome: RowOutcome | Error): void {
    const p = this.busy[i];
    this.busy[i] = undefined;
    p?.settle(outcome);
    this.dispatch();
  }
}
