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
import type { AnySpec, Successor, TraceStep } from '../spec.ts';
import { UsageError } from '../errors.ts';
import { Expander } from '../search/expander.ts';
import { initialStates } from '../search/initialStates.ts';
import { SearchCounts } from '../search/searchCounts.ts';
import { assertKnownInvariants } from '../knownNames.ts';
import { invariantHolds, searchFailure } from '../search/searchFailure.ts';
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
  /** Checked now and then; when it turns true the simulation ends with verdict 'interrupted'. */
  readonly interrupted?: () => boolean;
}

type Taken = { readonly action: number; readonly succ: Successor<unknown> };

export async function simulate(spec: AnySpec, params: object, options: SimulateOptions): Promise<CheckResult> {
  assertKnownInvariants(spec, options.invariants);
  for (const [name, n] of [
    ['depth', options.depth],
    ['traces', options.traces],
  ] as const) {
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive whole number`, 2);
  }
  if (!Number.isSafeInteger(options.seed)) throw new UsageError('--seed must be an integer', 2);
  if (options.maxSeconds !== undefined && !(options.maxSeconds > 0)) throw new UsageError('--max-seconds must be a positive number', 2);
  if (options.maxStates !== undefined && !(options.maxStates > 0)) throw new UsageError('--max-states must be a positive number', 2);

  const started = performance.now();
  const random = new Random(options.seed);
  const writer = new ByteWriter();
  const encode = makeStateEncoder(spec, params, writer);
  const seen = new FingerprintSeenSet();
  const invariants = (options.invariants ?? Object.keys(spec.invariants)).map((n) => [n, spec.invariants[n]!] as const);
  const constraint = spec.constraint?.bind(spec);
  const actions = spec.actions;
  const counts = new SearchCounts(actions.map((a) => a.name));
  let depth = 0;
  let walks = 0;
  let stop: Verdict | undefined;
  let reason: string | undefined;
  const violations: Violation[] = [];

  const store = (s: unknown): boolean => {
    encode(s);
    return seen.insertOrGet(writer.bytes, writer.length) < 0;
  };
  const broken = (s: unknown): string | undefined => {
    for (const [name, inv] of invariants) if (!invariantHolds(name, inv, s, params)) return name;
    return undefined;
  };
  const traceOf = (s0: unknown, taken: readonly Taken[]): TraceStep<unknown>[] => [
    { action: null, label: 'Initial predicate', state: s0 },
    ...taken.map((t) => step(actions[t.action]!.name, t.succ)),
  ];
  const violate = (kind: Violation['kind'], name: string, trace: TraceStep<unknown>[]): void => {
    violations.push({ kind, name, trace });
    stop = 'violation';
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
  let lastYield = started;
  let steps = 0;
  try {
    const inits = initialStates(spec, params);
    counts.initial = inits.length;
    for (const s of inits) {
      current = s;
      if (!constraint || constraint(s, params)) store(s);
      const bad = broken(s);
      if (bad !== undefined) {
        violate('invariant', bad, traceOf(s, []));
        break;
      }
    }
    if (inits.length > 0) depth = 1;
    for (; walks < options.traces && !stop && inits.length > 0; walks++) {
      const s0 = inits[random.below(inits.length)];
      const taken: Taken[] = [];
      let s = s0;
      let inModel = !constraint || constraint(s0, params);
      while (inModel && taken.length < options.depth && !stop) {
        current = s;
        enabled.length = 0;
        const successors = expander.expand(s);
        if (successors === 0) {
          // A valid end state (Spec.terminal) is a finished run, as in the search.
          if (expander.isDeadlock(s, successors, options.deadlock ?? true)) violate('deadlock', 'deadlock', traceOf(s0, taken));
          break;
        }
        const pick = enabled[random.below(enabled.length)]!;
        taken.push(pick);
        s = pick.succ.state;
        current = s;
        depth = Math.max(depth, taken.length + 1);
        inModel = !constraint || constraint(s, params);
        if (inModel && store(s)) counts.distinctBy[pick.action]!++;
        const bad = broken(s);
        if (bad !== undefined) violate('invariant', bad, traceOf(s0, taken));
        // A budget spent on the last walk's last step stopped nothing: every walk was made.
        const done = walks + 1 >= options.traces && (taken.length >= options.depth || !inModel);
        if (!stop && !done && options.maxStates !== undefined && seen.size >= options.maxStates) {
          stop = 'incomplete';
          reason = `state budget of ${options.maxStates} distinct states reached after ${walks} of ${options.traces} traces`;
        }
        if ((++steps & 255) === 0 && !stop && !done) {
          const now = performance.now();
          if (options.maxSeconds !== undefined && now - started >= options.maxSeconds * 1000) {
            stop = 'incomplete';
            reason = `time budget of ${options.maxSeconds} s reached after ${walks} of ${options.traces} traces`;
          } else if (now - lastYield > 50) {
            // Let signal handlers (Ctrl-C) run: the walks are otherwise one synchronous loop.
            await new Promise((r) => setImmediate(r));
            lastYield = performance.now();
            if (options.interrupted?.()) stop = 'interrupted';
          }
        }
      }
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
