// SearchBook: what every search keeps besides its frontier, in three parts with one job each:
// the counts (searchCounts.ts), the findings (searchFindings.ts) and the state store
// (stateStore.ts), plus the clock its statistics are timed on. The sequential and the parallel
// search share it, so they count, check and report in exactly the same way; it makes the
// CheckResult. What runs around a search (budgets, progress lines, Ctrl-C) is its driver's
// (searchDriver.ts).
import type { AnySpec } from '../spec.ts';
import type { SeenSet, StoredStates } from '../state/seenSet.ts';
import { memoryInUse, readProcessMemory } from './memoryWatch.ts';
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

  constructor(
    readonly spec: AnySpec,
    readonly params: object,
    readonly options: CheckOptions,
    how: {
      /** The stored states, when the search keeps them its own way (the parallel search's fingerprints). */
      readonly seen?: Seen;
      /** Check nothing (no invariant, no `reachable` predicate): the behaviour graph pass. */
      readonly unchecked?: boolean;
      /** Whether the seen-set must give a known state's index (a behaviour graph is recorded: the default). */
      readonly indexed?: boolean;
    } = {},
  ) {
    this.counts = new SearchCounts(spec.actions.map((a) => a.name));
    this.findings = new SearchFindings(spec, params, options, !how.unchecked);
    this.store = new StateStore(spec, params, options, how.seen, how.indexed ?? true);
    if (options.live) options.live.current = () => this.progress();
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
      memoryBytes: this.memoryBytes(),
    };
  }

  /** The process's memory now, as --max-memory counts it. */
  memoryBytes(): number {
    return memoryInUse((this.options.readMemory ?? readProcessMemory)());
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
