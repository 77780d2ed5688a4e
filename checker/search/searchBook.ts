// SearchBook: what every search keeps besides its frontier: the seen-set and parent links, the
// counts, coverage, the violations found (one shortest trace per name) and the `reachable`
// predicates not yet satisfied. The sequential and the parallel search share it, so they count,
// check and report in exactly the same way.
import type { AnySpec, TraceStep } from '../spec.ts';
import { ByteWriter } from '../state/byteWriter.ts';
import { ExactSeenSet, FingerprintSeenSet, type SeenSet, type StoredStates } from '../state/seenSet.ts';
import { makeStateEncoder, type StateEncoder } from '../state/stateEncoder.ts';
import type { StoredGraph } from '../trace/rebuild.ts';
import { ParentLinks } from '../state/parentLinks.ts';
import { invariantHolds } from './searchFailure.ts';
import { budgetReason, stopRequest, type StopRequest } from './stopRequest.ts';
import type { CheckResult, Progress, Stats, Verdict, Violation } from '../findings.ts';
import type { CheckOptions } from '../checkOptions.ts';

type Predicate = (s: unknown, p: object) => boolean;

export class SearchBook<Seen extends StoredStates = SeenSet> implements StoredGraph {
  readonly started = performance.now();
  readonly writer = new ByteWriter();
  readonly encode: StateEncoder;
  readonly seen: Seen;
  readonly parents = new ParentLinks();
  readonly invariants: readonly [string, Predicate][];
  unreached: [string, Predicate][];
  readonly constraint: ((s: unknown, p: object) => boolean) | undefined;
  readonly coverage: Record<string, { generated: number; distinct: number }> = {};
  readonly violations: Violation[] = [];
  private readonly violated = new Set<string>();
  generated = 0;
  depth = 0;
  queue = 0;
  stop: Verdict | undefined;
  incompleteReason: string | undefined;
  /** The distinct count to report when a parallel search cut its counts back (see parallelBfs). */
  distinctOverride: number | undefined;
  /** Bytes of the store held outside `seen` and the parent links (the parallel search's shards). */
  storeBytesElsewhere = 0;
  private lastProgress = this.started;

  constructor(
    readonly spec: AnySpec,
    readonly params: object,
    readonly options: CheckOptions,
    /** The stored states, when the search keeps them elsewhere (the parallel search's shards). */
    seen?: Seen,
  ) {
    this.encode = makeStateEncoder(spec, params, this.writer, { symmetry: options.symmetry ?? false });
    this.seen = seen ?? ((options.exact ? new ExactSeenSet() : new FingerprintSeenSet()) as StoredStates as Seen);
    this.invariants = (options.invariants ?? Object.keys(spec.invariants)).map((n) => [n, spec.invariants[n]!]);
    // A `reachable` predicate named like an invariant is that invariant's partner: checked only
    // when its invariant is; the others are always checked.
    const selected = new Set([...(options.invariants ?? Object.keys(spec.invariants)), ...(options.properties ?? [])]);
    this.unreached = Object.entries(spec.reachable ?? {}).filter(
      ([name]) => selected.has(name) || !(name in spec.invariants || name in (spec.properties ?? {})),
    );
    this.constraint = spec.constraint?.bind(spec);
    for (const a of spec.actions) this.coverage[a.name] = { generated: 0, distinct: 0 };
    if (options.live) options.live.current = () => this.progress();
  }

  /** Records a violation unless one of that kind and name is known; stops unless --continue. */
  record(kind: Violation['kind'], name: string, trace: () => readonly TraceStep<unknown>[]): void {
    if (this.violated.has(`${kind}:${name}`)) return;
    this.violated.add(`${kind}:${name}`);
    this.violations.push({ kind, name, trace: trace() });
    if (!this.options.continue) this.stop = 'violation';
  }

  /**
   * Checks the invariants and `reachable` predicates on a new state. `trace` builds its trace;
   * it is called with `arg` only on a violation, so the hot path allocates no closure.
   */
  checkState<A>(s: unknown, trace: (arg: A) => readonly TraceStep<unknown>[], arg: A): void {
    for (const [name, inv] of this.invariants) {
      if (!invariantHolds(name, inv, s, this.params)) this.record('invariant', name, () => trace(arg));
      if (this.stop) return;
    }
    if (this.unreached.length > 0) this.markReached((pred) => pred(s, this.params));
  }

  markReached(test: (pred: Predicate, name: string) => boolean): void {
    if (this.unreached.length > 0) this.unreached = this.unreached.filter(([name, pred]) => !test(pred, name));
  }

  /** Ends the search on a budget; true when one ran out. */
  budgetSpent(now: number): boolean {
    const reason = budgetReason(this.options, this.started, now, this.seen.size);
    if (reason !== undefined) this.incomplete(reason);
    return this.stop !== undefined;
  }

  /** Whether the search is to stop now (Ctrl-C, or a budget with `distinct` states found); the book's own stop is left alone. */
  stopWanted(now: number, distinct: number): StopRequest | undefined {
    return stopRequest(this.options, this.started, now, distinct);
  }

  stopAs(request: StopRequest): void {
    if (request.verdict === 'interrupted') this.stop = 'interrupted';
    else this.incomplete(request.reason);
  }

  /** Reports `figures()` when `progressSeconds` have passed since the last report. */
  progressIfDue(now: number, figures: () => Progress = () => this.progress()): void {
    if (!this.options.onProgress || now - this.lastProgress < (this.options.progressSeconds ?? 10) * 1000) return;
    this.lastProgress = now;
    this.options.onProgress(figures());
  }

  incomplete(reason: string): void {
    this.stop = 'incomplete';
    this.incompleteReason = reason;
  }

  stats(): Stats {
    const seconds = (performance.now() - this.started) / 1000;
    const distinct = this.distinctOverride ?? this.seen.size;
    return {
      distinctStates: distinct,
      generatedStates: this.generated,
      depth: this.depth,
      seconds,
      statesPerSecond: seconds > 0 ? distinct / seconds : 0,
      collisionProbability: this.options.exact ? 0 : (distinct * (this.generated - distinct)) / 2 ** 64,
      queue: this.queue,
      storeBytes: this.seen.bytesUsed + this.parents.bytesUsed + this.storeBytesElsewhere,
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
    // Only a search that saw every state may say a predicate is never reached. A partner's
    // guarantee is then not exercised (a warning) unless the user named it or asked for strict;
    // a `reachable` predicate of its own (Stateright's `sometimes`) is the spec's claim, so its
    // failure is a violation.
    const unexercised: string[] = [];
    if (this.stop === undefined) {
      for (const [name] of this.unreached) {
        const partner = name in this.spec.invariants || name in (this.spec.properties ?? {});
        if (partner && !this.options.strict && !this.options.named?.includes(name)) unexercised.push(name);
        else this.violations.push({ kind: 'unreached', name, trace: [] });
      }
    }
    const verdict: Verdict = this.stop === 'incomplete' || this.stop === 'interrupted' ? this.stop : this.violations.length > 0 ? 'violation' : 'ok';
    return {
      verdict,
      ...(this.incompleteReason ? { incompleteReason: this.incompleteReason } : {}),
      stats: this.stats(),
      coverage: this.coverage,
      violations: this.violations,
      ...(unexercised.length > 0 ? { unexercised } : {}),
    };
  }
}
