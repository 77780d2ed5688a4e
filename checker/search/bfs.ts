// bfs: the sequential breadth-first search, with TLC's counting rules (docs/decisions/001).
//
// generated = every initial state plus every yielded successor; distinct = states stored;
// depth = BFS levels, initial states at level 1. A state outside the constraint is counted and
// checked but never stored or explored. Invariants and `reachable` predicates are evaluated once
// per new state. Breadth-first order makes the first violation found a shortest one.
//
// One step takes the next state off the queue and expands it: each successor's visit
// (visit.ts: classify, store, check, observe) and then the deadlock rule. Budgets, Ctrl-C and
// progress are the driver's (searchDriver.ts), between slices of SLICE steps.
//
// With a GraphTap (temporal properties asked, one thread, no symmetry: run/check.ts), the visits
// also tell it what they decided, so the behaviour graph is built from this one exploration; the
// behaviour graph pass (liveness/graphPass.ts) is this search with a tap and nothing checked.
import type { AnySpec } from '../spec.ts';
import { rebuildTrace } from '../trace/rebuild.ts';
import { SearchBook } from './searchBook.ts';
import { makeFrontier, type Frontier } from './frontier.ts';
import { seenSetKeys } from './stateStore.ts';
import { makeVisits, type Visits } from './visit.ts';
import { SearchDriver, type Stepper } from './searchDriver.ts';
import type { StopRequest } from './stopRequest.ts';
import type { CheckResult, Progress } from '../findings.ts';
import type { CheckOptions } from '../checkOptions.ts';
import type { GraphTap } from './graphTap.ts';

/** States expanded between two looks of the driver: a clock reading per slice, nothing per state. */
export const SLICE = 256;

export async function bfs(spec: AnySpec, params: object, options: CheckOptions, tap?: GraphTap): Promise<CheckResult> {
  // Without a behaviour graph no known state's index is asked for: the compact seen-set (16 bytes a state at most).
  const search = new SequentialSearch(new SearchBook(spec, params, options, { indexed: tap !== undefined }), tap);
  try {
    return search.finish(await SearchDriver.of(options, search.book.started).run(search, SLICE));
  } finally {
    search.close();
  }
}

export class SequentialSearch implements Stepper {
  // States are queued exactly when stored, in index order, so the k-th state taken from the queue
  // is the state stored at index k: the queue needs no index of its own.
  private readonly queue: Frontier;
  private readonly visits: Visits;
  private readonly deadlockCheck: boolean;
  private taken = 0;
  /** The level being expanded (0 before the initial states), and how many of its states are left. */
  private level = 0;
  private levelLeft = 0;

  constructor(
    readonly book: SearchBook,
    private readonly tap?: GraphTap,
  ) {
    const { spec, params, options, store } = book;
    this.queue = makeFrontier(spec, params, store.encode.keyIsCodec, options.queueMemoryBytes);
    this.visits = makeVisits(book, seenSetKeys(store.encode, store.writer, store.seen), this.queue, tap);
    this.deadlockCheck = options.deadlock ?? true;
  }

  step(n: number): boolean {
    const { queue, visits, book } = this;
    const { findings, store, options } = book;
    try {
      if (this.level === 0) this.visitInitialStates();
      for (let k = 0; k < n && !findings.stop && queue.length > 0; k++) {
        if (this.levelLeft === 0) {
          this.level++;
          this.levelLeft = queue.length;
        }
        if (options.maxDepth !== undefined && this.level >= options.maxDepth) {
          findings.incomplete(`depth budget of ${options.maxDepth} reached`);
          break;
        }
        const s = queue.shift();
        const index = this.taken++;
        this.levelLeft--;
        if (visits.isDeadlock(s, visits.expand(index, s, this.level), this.deadlockCheck))
          findings.record('deadlock', 'deadlock', () => rebuildTrace(store, index));
      }
    } catch (e) {
      throw visits.failure(e);
    }
    const refusal = store.seen.refusal;
    if (refusal !== undefined && !findings.stop) findings.incomplete(refusal);
    book.counts.queue = queue.length; // for the figures a second Ctrl-C prints (options.live)
    return findings.stop !== undefined || queue.length === 0;
  }

  private visitInitialStates(): void {
    const { spec, params, counts } = this.book;
    for (const s of spec.init(params)) {
      counts.initial++;
      if (!this.visits.initial(s)) break;
    }
    this.level = 1;
    this.levelLeft = this.queue.length;
  }

  distinct(): number {
    return this.book.store.seen.size;
  }

  progress(): Progress {
    return this.book.progress();
  }

  /** The result, once the search has ended or `request` (the driver's) stopped it. */
  finish(request: StopRequest | undefined): CheckResult {
    const { findings, counts } = this.book;
    if (request) findings.stopAs(request);
    counts.queue = this.queue.length;
    return this.book.result();
  }

  /** Lets go of the queue and the store (and the files they spilled to); a tap's graph keeps the store until it is done. */
  close(): void {
    this.queue.close();
    const store = this.book.store;
    if (this.tap) this.tap.keepStore(() => store.close());
    else store.close();
  }
}
