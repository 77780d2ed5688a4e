// simulate: random walks through a spec (`rmc simulate`), for state spaces too big to exhaust.
//
// Each walk starts from an initial state drawn at random and, at every step, takes one of ALL the
// enabled successors (of every action) with equal probability, for at most `depth` steps; `traces`
// walks are made. The same seed gives the same walks. Invariants are checked on every state a walk
// visits; a state with no successor at all is a deadlock unless it is a valid end state
// (`Spec.terminal`, as in the search) or `deadlock: false`. The first
// violation ends the simulation with its walk as the trace. Finding none proves nothing about the
// states no walk visited: the verdict 'ok' here only means no walk broke anything.
//
// Counting follows the search's words: generated = every initial state (computed once) plus every
// successor yielded at every step, chosen or not; distinct = distinct states visited (fingerprints,
// as the search stores them); depth = states in the longest walk (a walk of k steps has k + 1,
// like BFS levels). A successor outside the state constraint is checked when a walk takes it and
// ends the walk there, never stored. The last state of a walk cut at `depth` is not expanded, so a
// deadlock there goes unseen. `reachable` predicates are not judged: a walk missing them says
// nothing. Symmetry is not applied: it would only merge counts, never change a walk.
//
// Each visited state is classified against the store as in every search (search/classify.ts)
// and checked with the same invariant loop (search/invariants.ts); budgets, Ctrl-C and the
// memory limits are the search driver's (search/searchDriver.ts), looked up after every step.
import type { AnySpec, Successor, TraceStep } from '../spec.ts';
import { UsageError } from '../errors.ts';
import { Expander } from '../search/expander.ts';
import { initialStates } from '../search/initialStates.ts';
import { SearchCounts } from '../search/searchCounts.ts';
import { assertKnownInvariants } from '../knownNames.ts';
import { searchFailure } from '../search/searchFailure.ts';
import { classify, NEW, OUTSIDE, OUTSIDE_KNOWN } from '../search/classify.ts';
import { Invariants } from '../search/invariants.ts';
import { seenSetKeys } from '../search/stateStore.ts';
import { SearchDriver, type Stepper } from '../search/searchDriver.ts';
import { memoryInUse, MemoryWatch, readProcessMemory } from '../search/memoryWatch.ts';
import type { MemoryReader } from '../memoryReading.ts';
import { budgetReason } from '../search/stopRequest.ts';
import type { CheckResult, Verdict, Violation } from '../findings.ts';
import { ByteWriter } from '../state/byteWriter.ts';
import { FingerprintSeenSet } from '../state/seenSet.ts';
import { makeStateEncoder } from '../state/stateEncoder.ts';
import { step } from '../trace/rebuild.ts';
import { Random } from './random.ts';

export interface SimulateOptions {
  /** Names the walks: the same seed, spec and parameters give the same walks. */
  readonly seed: number;
  /** Steps per walk at most. */
  readonly depth: number;
  /** Number of walks. */
  readonly traces: number;
  /** Invariants to check (default: every one the spec declares). */
  readonly invariants?: readonly string[];
  /** Report a state with no successor (default true). */
  readonly deadlock?: boolean;
  readonly maxSeconds?: number;
  /** Stop (incomplete) once the walks have visited this many distinct states. */
  readonly maxStates?: number;
  /** Stop (incomplete) once the process holds this many bytes (search/memoryWatch.ts). */
  readonly maxMemory?: number;
  /** How memory is read (default: the process's own). */
  readonly readMemory?: MemoryReader;
  /** Checked now and then; when it turns true the simulation ends with verdict 'interrupted'. */
  readonly interrupted?: () => boolean;
}

type Taken = { readonly action: number; readonly succ: Successor<unknown> };

/** The walk under way: where it started, its steps so far, where it is, and whether that is inside the constraint. */
interface Walk {
  readonly s0: unknown;
  readonly taken: Taken[];
  s: unknown;
  inModel: boolean;
}

export async function simulate(spec: AnySpec, params: object, options: SimulateOptions): Promise<CheckResult> {
  assertKnownInvariants(spec, options.invariants);
  for (const [name, n] of [
    ['depth', options.depth],
    ['traces', options.traces],
  ] as const) {
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive whole number`, 2);
  }
  if (!Number.isSafeInteger(options.seed)) throw new UsageError('--seed must be an integer', 2);
  for (const [name, n] of [
    ['max-seconds', options.maxSeconds],
    ['max-states', options.maxStates],
    ['max-memory', options.maxMemory],
  ] as const) {
    if (n !== undefined && !(n > 0)) throw new UsageError(`--${name} must be a positive number`, 2);
  }

  const started = performance.now();
  const random = new Random(options.seed);
  const writer = new ByteWriter();
  const encode = makeStateEncoder(spec, params, writer);
  const seen = new FingerprintSeenSet();
  const keys = seenSetKeys(encode, writer, seen);
  const invariants = new Invariants(spec, options.invariants ?? Object.keys(spec.invariants));
  const constraint = spec.constraint?.bind(spec);
  const actions = spec.actions;
  const counts = new SearchCounts(actions.map((a) => a.name));
  let depth = 0;
  let walks = 0;
  let stop: Verdict | undefined;
  let reason: string | undefined;
  const violations: Violation[] = [];

  /** Classifies a visited state: whether it is inside the constraint, and (counted by `action`) new. */
  const visit = (s: unknown, action: number | undefined): boolean => {
    const outcome = classify(keys, constraint, params, s);
    if (outcome === NEW && action !== undefined) counts.distinctBy[action]!++;
    return outcome !== OUTSIDE && outcome !== OUTSIDE_KNOWN;
  };
  const traceOf = (s0: unknown, taken: readonly Taken[]): TraceStep<unknown>[] => [
    { action: null, label: 'Initial predicate', state: s0 },
    ...taken.map((t) => step(actions[t.action]!.name, t.succ)),
  ];
  const violate = (kind: Violation['kind'], name: string, trace: TraceStep<unknown>[]): void => {
    violations.push({ kind, name, trace });
    stop = 'violation';
  };
  /** Checks a state a walk visited; false if it breaks an invariant (recorded, with the walk as its trace). */
  const checked = (s: unknown, s0: unknown, taken: readonly Taken[]): boolean => {
    const k = invariants.firstBroken(s, params);
    if (k >= 0) violate('invariant', invariants.names[k]!, traceOf(s0, taken));
    return k < 0;
  };

  // The successors of the state a walk is at, every action's, in order: one is picked.
  const enabled: Taken[] = [];
  const expander = new Expander(spec, params, {
    generatedBy: counts.generatedBy,
    visit: (_state, action, succ) => {
      enabled.push({ action, succ: succ as Successor<unknown> });
      return true;
    },
    idle: 'simulate',
    labels: true,
  });
  let current: unknown;
  let inits: unknown[] = [];
  let walk: Walk | undefined;

  /** Takes up to n steps of the walks, starting walks as they end; true once no walk is left (or one broke something). */
  const walker: Stepper = {
    step(n) {
      for (let k = 0; k < n;) {
        if (stop) return true;
        if (walk === undefined) {
          if (walks >= options.traces) return true;
          const s0 = inits[random.below(inits.length)];
          walk = { s0, taken: [], s: s0, inModel: !constraint || constraint(s0, params) };
        }
        const w = walk;
        if (!w.inModel || w.taken.length >= options.depth) {
          walk = undefined;
          walks++;
          continue;
        }
        current = w.s;
        enabled.length = 0;
        const successors = expander.expand(w.s);
        if (successors === 0) {
          // A valid end state (Spec.terminal) is a finished run, as in the search.
          if (expander.isDeadlock(w.s, successors, options.deadlock ?? true)) violate('deadlock', 'deadlock', traceOf(w.s0, w.taken));
          walk = undefined;
          walks++;
          continue;
        }
        const pick = enabled[random.below(enabled.length)]!;
        w.taken.push(pick);
        w.s = current = pick.succ.state;
        depth = Math.max(depth, w.taken.length + 1);
        w.inModel = visit(w.s, pick.action);
        k++;
        if (!checked(w.s, w.s0, w.taken)) {
          walks++; // the walk ends at the violation
          return true;
        }
        // A budget spent on the last walk's last step stops nothing: every walk was made.
        if (walks + 1 >= options.traces && (!w.inModel || w.taken.length >= options.depth)) {
          walk = undefined;
          walks++;
          return true;
        }
      }
      return stop !== undefined || (walk === undefined && walks >= options.traces);
    },
    distinct: () => seen.size,
    progress: () => {
      const seconds = (performance.now() - started) / 1000;
      const memoryBytes = memoryInUse((options.readMemory ?? readProcessMemory)());
      return {
        generatedStates: counts.generated,
        distinctStates: seen.size,
        queue: 0,
        depth,
        seconds,
        statesPerSecond: seen.size / Math.max(seconds, 1e-9),
        memoryBytes,
      };
    },
  };
  // The driver's budgets are the walks' own: --max-seconds from the start, --max-states against
  // the distinct states visited, each reason saying how many walks were made.
  const driver = new SearchDriver(
    {
      stop: (now, distinct) => {
        if (options.interrupted?.()) return { verdict: 'interrupted' };
        const why = budgetReason(options, started, now, distinct);
        return why === undefined ? undefined : { verdict: 'incomplete', reason: `${why} after ${walks} of ${options.traces} traces` };
      },
      memory: new MemoryWatch(options.maxMemory, options.readMemory),
    },
    started,
  );

  try {
    inits = initialStates(spec, params);
    counts.initial = inits.length;
    for (const s of inits) {
      current = s;
      visit(s, undefined);
      if (!checked(s, s, [])) break;
    }
    if (inits.length > 0) depth = 1;
    const request = stop ? undefined : await driver.run(walker, 1);
    if (request) {
      // The walk under way when the driver stopped it counts as made, as one a violation ends.
      walks++;
      stop = request.verdict;
      if (request.verdict === 'incomplete') reason = request.reason;
    }
  } catch (e) {
    throw searchFailure(e, expander.phase, current);
  }

  const seconds = (performance.now() - started) / 1000;
  const distinct = seen.size;
  const generated = counts.generated;
  const verdict: Verdict = stop ?? 'ok';
  return {
    verdict,
    ...(reason ? { incompleteReason: reason } : {}),
    stats: {
      distinctStates: distinct,
      generatedStates: generated,
      depth,
      seconds,
      statesPerSecond: seconds > 0 ? distinct / seconds : 0,
      collisionProbability: (distinct * (generated - distinct)) / 2 ** 64,
      queue: 0,
      storeBytes: seen.bytesUsed,
    },
    coverage: counts.coverage(),
    violations,
    notes: [`simulation: ${walks} random walk${walks === 1 ? '' : 's'} of at most ${options.depth} steps, seed ${options.seed}`],
  };
}
