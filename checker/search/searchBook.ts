// SearchBook: what every search keeps besides its frontier, in three parts with one job each:
// the counts (searchCounts.ts), the findings (searchFindings.ts) and the state store
// (stateStore.ts), plus the clock its budgets and progress lines run on. The sequential and the
// parallel search share it, so they count, check and report in exactly the same way; it makes
// the CheckResult.
import type { AnySpec } from '../spec.ts';
import type { SeenSet, StoredStates } from '../state/seenSet.ts';
import { budgetReason, stopRequest, type StopRequest } from './stopRequest.ts';
import { SearchCounts } from './searchCounts.ts';
import { SearchFindings } from './searchFindings.ts';
import { StateStore } from './stateStore.ts';
import type { CheckResult, Progress, Stats } from '../findings.ts';
import type { CheckOptions } from '../checkOptions.ts';

export class SearchBook<Seen extends StoredStates = SeenSet> {
  readonly started = performance.now();
  readonly counts: SearchCounts;
  readonly findings: SearchFindings;
  readonly store: StateStore<Seen>;
  private lastProgress = this.started;

  constructor(
    readonly spec: AnySpec,
    readonly params: object,
    readonly options: CheckOptions,
    /** The stored states, when the search keeps them its own way (the parallel search's fingerprints). */
    seen?: Seen,
  ) {
    this.counts = new SearchCounts(spec.actions.map((a) => a.name));
    this.findings = new SearchFindings(spec, params, options);
    this.store = new StateStore(spec, params, options, seen);
    if (options.live) options.live.current = () => this.progress();
  }

  /** Ends the search on a budget; true when it is to stop (for this or another reason). */
  budgetSpent(now: number): boolean {
    const reason = budgetReason(this.options, this.started, now, this.store.seen.size);
    if (reason !== undefined) this.findings.incomplete(reason);
    return this.findings.stop !== undefined;
  }

  /** Whether the search is to stop now (Ctrl-C, or a budget with `distinct` states found); the findings' own stop is left alone. */
  stopWanted(now: number, distinct: number): StopRequest | undefined {
    return stopRequest(this.options, this.started, now, distinct);
  }

  /** Reports `figures()` when `progressSeconds` have passed since the last report. */
  progressIfDue(now: number, figures: () => Progress = () => this.progress()): void {
    if (!this.options.onProgress || now - this.lastProgress < (this.options.progressSeconds ?? 10) * 1000) return;
    this.lastProgress = now;
    this.options.onProgress(figures());
  }

  stats(): Stats {
    const seconds = (performance.now() - this.started) / 1000;
    const distinct = this.counts.distinct(this.store.seen.size);
    const generated = this.counts.generated;
    return {
      distinctStates: distinct,
      generatedStates: generated,
      depth: this.counts.depth,
      seconds,
      statesPerSecond: seconds > 0 ? distinct / seconds : 0,
      collisionProbability: this.options.exact ? 0 : (distinct * (generated - distinct)) / 2 ** 64,
      queue: this.counts.queue,
      storeBytes: this.store.bytesUsed,
    };
  }

  progress(): Progress {
    const s = this.stats();
    return {
      generatedStates: s.generatedStates,
      distinctStates: s.distinctStates,
      queue: s.queue,
      depth: s.depth,
      seconds: s.seconds,
      statesPerSecond: s.statesPerSecond,
    };
  }

  result(): CheckResult {
    this.findings.ranOutOfStates(this.counts.queue);
    const { verdict, unexercised } = this.findings.judge();
    const { incompleteReason } = this.findings;
    return {
      verdict,
      ...(incompleteReason ? { incompleteReason } : {}),
      stats: this.stats(),
      coverage: this.counts.coverage(),
      violations: this.findings.violations,
      ...(unexercised.length > 0 ? { unexercised } : {}),
    };
  }
}
