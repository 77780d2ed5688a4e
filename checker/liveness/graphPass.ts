// exploreBehaviourGraph: the behaviour graph (behaviourGraph.ts) in a pass of its own, after the
// safety search: how `checkLiveness` builds it, and how `check` does where the search cannot
// record it: under symmetry (the graph is always without it; TLC warns that symmetry can hide
// liveness violations) and with parallel workers (run/check.ts says why). The sequential search
// without symmetry records it while it runs (search/bfs.ts, GraphTap), exploring once.
//
// Breadth-first from the initial states, like the safety search: a state outside `constraint` is
// counted as generated but neither stored nor expanded, and states are keyed by the same encoder
// (view, codec, canonical bytes: checker/state/stateEncoder.ts), so counts agree with `check`.
// As in the search, no state object outlives its turn in the queue (packed bytes with a codec,
// frontier.ts): where a lasso needs a node's state it is found again through parent links.
import type { AnySpec, Fairness } from '../spec.ts';
import { SpecError } from '../errors.ts';
import { ByteWriter } from '../state/byteWriter.ts';
import { makeStateEncoder } from '../state/stateEncoder.ts';
import { ExactSeenSet } from '../state/exactSeenSet.ts';
import { FingerprintSeenSet, type SeenSet } from '../state/seenSet.ts';
import { NO_PARENT, ParentLinks } from '../state/parentLinks.ts';
import { makeFrontier } from '../search/frontier.ts';
import { rebuildTrace, type StoredGraph } from '../trace/rebuild.ts';
import type { StopRequest } from '../search/stopRequest.ts';
import { Expander } from '../search/expander.ts';
import { SearchCounts } from '../search/searchCounts.ts';
import type { Progress } from '../findings.ts';
import { IntList } from './intList.ts';
import { GraphRecorder, type BehaviourGraph } from './behaviourGraph.ts';

export interface GraphOptions {
  /** State predicates to evaluate once per stored state. */
  readonly predicates?: readonly ((s: any, p: any) => boolean)[];
  /** What each predicate is, for the message when it throws (RecorderOptions). */
  readonly predicateNames?: readonly string[];
  /** The fairness the properties are judged under (its per-actor entries say which actors are asked; default: none). */
  readonly fairness?: readonly Fairness[];
  /** Key states by fingerprint instead of full canonical bytes (default: exact). */
  readonly fingerprints?: boolean;
  readonly onProgress?: (p: Progress) => void;
  readonly progressSeconds?: number;
}

export function exploreBehaviourGraph(spec: AnySpec, params: object, options: GraphOptions = {}): BehaviourGraph {
  const explorer = graphExplorer(spec, params, options);
  try {
    while (!explorer.step(Infinity));
    return explorer.graph();
  } finally {
    explorer.close();
  }
}

/**
 * exploreBehaviourGraph, yielding to the event loop every 50 ms so that Ctrl-C is heard, and
 * asking `stop` (with the distinct states so far) whether to go on: what it said when it said
 * stop, else the graph.
 */
export async function exploreBehaviourGraphWatched(
  spec: AnySpec,
  params: object,
  options: GraphOptions & { readonly stop: (distinct: number) => StopRequest | undefined },
): Promise<BehaviourGraph | StopRequest> {
  const explorer = graphExplorer(spec, params, options);
  try {
    for (;;) {
      const until = Date.now() + 50;
      let done = false;
      while (!done && Date.now() < until) done = explorer.step(256);
      if (done) return explorer.graph();
      await new Promise((r) => setImmediate(r));
      const request = options.stop(explorer.distinct());
      if (request) return request;
    }
  } finally {
    explorer.close();
  }
}

/**
 * The exploration, a slice at a time: step(n) expands up to n more states; true once all are.
 * close() removes what the queue spilled to disk.
 */
function graphExplorer(
  spec: AnySpec,
  params: object,
  options: GraphOptions,
): { step(n: number): boolean; distinct(): number; graph(): BehaviourGraph; close(): void } {
  const started = Date.now();
  const writer = new ByteWriter();
  const encode = makeStateEncoder(spec, params, writer);
  const seen: SeenSet = options.fingerprints ? new FingerprintSeenSet() : new ExactSeenSet();
  const constraint = spec.constraint?.bind(spec);
  const recorder = new GraphRecorder(spec, params, {
    predicates: options.predicates ?? [],
    ...(options.predicateNames ? { predicateNames: options.predicateNames } : {}),
    fairness: options.fairness ?? [],
  });
  const { byActor } = recorder;
  const parents = new ParentLinks();
  const stored: StoredGraph = { spec, params, encode, writer, seen, parents };
  // States are queued exactly when stored, so the k-th taken is the state stored at index k.
  const queue = makeFrontier(spec, params, encode.keyIsCodec);
  const depthOf = new IntList();
  const counts = new SearchCounts(spec.actions.map((a) => a.name));
  let depth = 0;
  let lastProgress = started;
  const progressMs = (options.progressSeconds ?? 10) * 1000;

  /**
   * Stores the state, first reached from `parent` by `action`, if new; returns its node index,
   * or -1 when it lies outside the constraint.
   */
  const store = (s: unknown, level: number, parent: number, action: number): number => {
    if (constraint && !constraint(s, params)) return -1;
    encodeOrThrow(encode, s, spec.name);
    const index = seen.size;
    const found = seen.insertOrGet(writer.bytes, writer.length);
    if (found >= 0) return found;
    parents.push(parent, action);
    queue.push(s, writer);
    depthOf.push(level);
    if (level > depth) depth = level;
    recorder.stored(s, index, level === 1);
    return index;
  };

  try {
    for (const s of spec.init(params)) {
      counts.initial++;
      store(s, 1, NO_PARENT, 0);
    }
  } catch (e) {
    throw asSpecError(e, 'init');
  }

  let next = 0; // the next state to expand
  // The node being expanded, its state and its key bytes.
  let v = 0;
  let current: unknown;
  let selfKey: Uint8Array = new Uint8Array(0);
  /** Records the step to a successor as an edge (unless a stutter) and the instance as enabled. */
  const visit = (state: unknown, a: number, instance: unknown): boolean => {
    encodeOrThrow(encode, state, spec.name);
    if (writer.holds(selfKey)) return true; // a stutter: not an <A>_v step
    const actor = byActor[a] ? expander.actorOf(current, a, instance) : undefined;
    recorder.step(a, actor, store(state, depthOf.at(v) + 1, v, a));
    return true;
  };
  const expander = new Expander(spec, params, { generatedBy: counts.generatedBy, visit });
  const expand = (node: number): void => {
    v = node;
    const s = (current = queue.shift());
    recorder.expanding(v);
    encodeOrThrow(encode, s, spec.name);
    selfKey = writer.take();
    try {
      expander.expand(s);
    } catch (e) {
      throw asSpecError(e, expander.phase);
    }
    if (options.onProgress && Date.now() - lastProgress >= progressMs) {
      lastProgress = Date.now();
      const seconds = (lastProgress - started) / 1000;
      options.onProgress({
        phase: 'behaviour graph',
        generatedStates: counts.generated,
        distinctStates: seen.size,
        queue: queue.length,
        depth,
        seconds,
        statesPerSecond: seen.size / Math.max(seconds, 1e-9),
      });
    }
  };

  const step = (n: number): boolean => {
    for (let k = 0; k < n && next < seen.size; k++) expand(next++);
    return next >= seen.size;
  };

  const graph = (): BehaviourGraph =>
    recorder.graph(
      { distinctStates: seen.size, generatedStates: counts.generated, depth, seconds: (Date.now() - started) / 1000 },
      {
        stateAt: (v) => rebuildTrace(stored, v).at(-1)!.state,
        matches(v, state) {
          encode(state);
          return seen.matches(v, writer.bytes, writer.length);
        },
      },
    );
  return { step, distinct: () => seen.size, graph, close: () => queue.close() };
}

function encodeOrThrow(encode: (s: unknown) => void, s: unknown, specName: string): void {
  try {
    encode(s);
  } catch (e) {
    throw new SpecError(`${specName}: a state could not be encoded: ${(e as Error).message ?? e}`, 75);
  }
}

function asSpecError(e: unknown, where: string): Error {
  if (e instanceof SpecError) return e;
  return new SpecError(`${where} threw: ${(e as Error)?.message ?? e}`, 75);
}
