// bfs: the sequential breadth-first search, with TLC's counting rules (docs/DESIGN.md).
//
// generated = every initial state plus every yielded successor; distinct = states stored;
// depth = BFS levels, initial states at level 1. A state outside the constraint is counted and
// checked but never stored or explored. Invariants and `reachable` predicates are evaluated once
// per new state. Breadth-first order makes the first violation found a shortest one.
import type { AnySpec, TraceStep } from '../spec.ts';
import { SpecError } from '../errors.ts';
import { ByteWriter } from '../state/byteWriter.ts';
import { UnencodableError } from '../state/canonicalEncoding.ts';
import { ExactSeenSet, FingerprintSeenSet, type SeenSet } from '../state/seenSet.ts';
import { makeStateEncoder } from '../state/stateEncoder.ts';
import { rebuildTrace, step, type StoredGraph } from '../trace/rebuild.ts';
import { NO_PARENT, ParentLinks } from './parentLinks.ts';
import { StateQueue } from './stateQueue.ts';
import type { CheckOptions, CheckResult, Stats, Verdict, Violation } from './types.ts';

type Predicate = (s: unknown, p: object) => boolean;

export async function bfs(spec: AnySpec, params: object, options: CheckOptions): Promise<CheckResult> {
  const started = performance.now();
  const writer = new ByteWriter();
  const encode = makeStateEncoder(spec, params, writer, { symmetry: options.symmetry ?? false });
  const seen: SeenSet = options.exact ? new ExactSeenSet() : new FingerprintSeenSet();
  const parents = new ParentLinks();
  const graph: StoredGraph = { spec, params, encode, writer, seen, parents };
  const actions = spec.actions;
  const invariantNames = options.invariants ?? Object.keys(spec.invariants);
  const invariants: [string, Predicate][] = invariantNames.map((n) => [n, spec.invariants[n]!]);
  let unreached: [string, Predicate][] = Object.entries(spec.reachable ?? {});
  const constraint = spec.constraint?.bind(spec);
  const deadlock = options.deadlock ?? true;
  const coverage: Record<string, { generated: number; distinct: number }> = {};
  for (const a of actions) coverage[a.name] = { generated: 0, distinct: 0 };

  const violations: Violation[] = [];
  const violated = new Set<string>();
  const queue = new StateQueue<unknown>();
  const queueIndex = new StateQueue<number>();
  let generated = 0;
  let depth = 0;
  let stop: Verdict | undefined;
  let incompleteReason: string | undefined;

  const stats = (): Stats => {
    const seconds = (performance.now() - started) / 1000;
    const distinct = seen.size;
    return {
      distinctStates: distinct,
      generatedStates: generated,
      depth,
      seconds,
      statesPerSecond: seconds > 0 ? distinct / seconds : 0,
      collisionProbability: options.exact ? 0 : (distinct * (generated - distinct)) / 2 ** 64,
      queue: queue.length,
      storeBytes: seen.bytesUsed + parents.bytesUsed,
    };
  };

  const record = (kind: Violation['kind'], name: string, trace: () => TraceStep<unknown>[]): void => {
    if (violated.has(`${kind}:${name}`)) return;
    violated.add(`${kind}:${name}`);
    violations.push({ kind, name, trace: trace() });
    if (!options.continue) stop = 'violation';
  };

  /** Checks invariants and reachables on a new state; `trace` builds its trace on demand. */
  const checkState = (s: unknown, trace: () => TraceStep<unknown>[]): void => {
    for (const [name, inv] of invariants) {
      let ok: boolean;
      try {
        ok = inv(s, params);
      } catch (e) {
        throw new SpecError(`invariant ${name} threw: ${(e as Error).message}`, 76);
      }
      if (!ok) record('invariant', name, trace);
      if (stop) return;
    }
    if (unreached.length > 0) unreached = unreached.filter(([, pred]) => !pred(s, params));
  };

  /** Handles a generated state: stores it if new and within the constraint. */
  const visit = (s: unknown, parent: number, action: number, traceOf: () => TraceStep<unknown>[]): boolean => {
    generated++;
    encode(s);
    const inModel = !constraint || constraint(s, params);
    if (!inModel) {
      if (!seen.has(writer.bytes, writer.length)) checkState(s, traceOf);
      return false;
    }
    const index = seen.size;
    if (seen.insertOrGet(writer.bytes, writer.length) >= 0) return false;
    parents.push(parent, action);
    queue.push(s);
    queueIndex.push(index);
    checkState(s, () => rebuildTrace(graph, index));
    return true;
  };

  let phase = 'init';
  let current: unknown;
  try {
    for (const s of spec.init(params)) {
      current = s;
      if (visit(s, NO_PARENT, 0, () => [{ action: null, label: 'Initial predicate', state: s }]) && depth === 0) depth = 1;
      if (stop) break;
    }

    let levelLeft = queue.length; // states of the current level still to expand
    let level = 1;
    let lastYield = performance.now();
    let lastProgress = lastYield;
    let expanded = 0;
    while (!stop && queue.length > 0) {
      if (levelLeft === 0) {
        level++;
        levelLeft = queue.length;
      }
      if (options.maxDepth !== undefined && level >= options.maxDepth) {
        stop = 'incomplete';
        incompleteReason = `depth budget of ${options.maxDepth} reached`;
        break;
      }
      const s = queue.shift();
      const index = queueIndex.shift();
      levelLeft--;
      current = s;
      let successors = 0;
      for (let a = 0; a < actions.length && !stop; a++) {
        const action = actions[a]!;
        phase = action.name;
        const cov = coverage[action.name]!;
        for (const succ of action.successors(s, params)) {
          successors++;
          cov.generated++;
          if (visit(succ.state, index, a, () => [...rebuildTrace(graph, index), step(action.name, succ)])) {
            cov.distinct++;
            if (level + 1 > depth) depth = level + 1;
          }
          if (stop) break;
        }
      }
      phase = 'search';
      if (successors === 0 && deadlock && !stop) record('deadlock', 'deadlock', () => rebuildTrace(graph, index));

      if ((++expanded & 255) === 0) {
        const now = performance.now();
        if (options.maxStates !== undefined && seen.size >= options.maxStates) {
          stop = 'incomplete';
          incompleteReason = `state budget of ${options.maxStates} distinct states reached`;
        } else if (options.maxSeconds !== undefined && now - started >= options.maxSeconds * 1000) {
          stop = 'incomplete';
          incompleteReason = `time budget of ${options.maxSeconds} s reached`;
        } else if (now - lastYield > 50) {
          // Let signal handlers (Ctrl-C) run: the search is otherwise one synchronous loop.
          await new Promise((r) => setImmediate(r));
          lastYield = performance.now();
          if (options.interrupted?.()) stop = 'interrupted';
          if (options.onProgress && lastYield - lastProgress >= (options.progressSeconds ?? 10) * 1000) {
            lastProgress = lastYield;
            const st = stats();
            options.onProgress({ generatedStates: generated, distinctStates: st.distinctStates, queue: queue.length, depth, seconds: st.seconds, statesPerSecond: st.statesPerSecond });
          }
        }
      }
    }
    if (!stop && options.maxStates !== undefined && seen.size > options.maxStates) {
      stop = 'incomplete';
      incompleteReason = `state budget of ${options.maxStates} distinct states reached`;
    }
  } catch (e) {
    if (e instanceof SpecError) throw e;
    const what = phase === 'init' ? 'init' : phase === 'search' ? 'the search' : `action ${phase}`;
    const kind = e instanceof UnencodableError ? 'could not encode a state' : 'threw';
    throw new SpecError(`${what} ${kind}: ${(e as Error).message} (in state ${describe(current)})`, 75);
  }

  // Only a search that saw every state may say a predicate is never reached.
  if (stop === undefined && unreached.length > 0) {
    for (const [name] of unreached) violations.push({ kind: 'unreached', name, trace: [] });
  }
  const verdict: Verdict = stop === 'incomplete' || stop === 'interrupted' ? stop : violations.length > 0 ? 'violation' : 'ok';
  return { verdict, ...(incompleteReason ? { incompleteReason } : {}), stats: stats(), coverage, violations };
}

function describe(s: unknown): string {
  try {
    const text = JSON.stringify(s);
    return text.length > 300 ? `${text.slice(0, 300)}...` : text;
  } catch {
    return String(s);
  }
}
